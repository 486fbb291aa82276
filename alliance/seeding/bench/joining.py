"""Benchmark pages: the public "which centre type fits us" page, answered."""

QUERY = (
    "objectives=ENTREPRENEURSHIP&objectives=POLICY&objectives=ECOSYSTEM"
    "&scope=national&ownership=country&sponsor=host_country"
    "&annual_budget_usd=500000&flagship_initiatives=2"
)


def bench_seed(rng, scale: float = 1.0) -> None:
    """Nothing to add: the page reads the four centre types only."""


def bench_pages() -> list[tuple[str, str]]:
    return [
        ("/en/joining/which-centre-type/", "joining: which centre type (blank)"),
        (f"/en/joining/which-centre-type/?{QUERY}", "joining: which centre type (answered)"),
    ]
