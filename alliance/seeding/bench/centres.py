"""Benchmark volume and pages for the Network of Acceleration Centres (1,000 centres)."""

from django.core.management import call_command


def bench_seed(rng, scale: float = 1.0) -> None:
    call_command("seed_centres_bench", count=int(1000 * scale))


def bench_pages() -> list[tuple[str, str]]:
    return [
        ("/en/centres/", "centres: registry"),
        ("/en/centres/?region=AFR", "centres: registry filtered by region"),
        ("/en/centres/coverage/", "centres: coverage tables"),
        ("/en/centres/map/", "centres: world map page"),
        ("/en/centres/map.svg", "centres: world map SVG"),
    ]
