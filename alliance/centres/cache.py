"""What the public registry pages show (alliance.core.cache). Every registry page (list,
map, coverage, open data, a centre's page) shows centres, their accreditations and their
flagship initiatives, so any kernel write of those refreshes them all; a centre's page
also shows the Lab's published agreements with it (alliance/lab/cache.py)."""

from alliance.core.cache import bump, depends_on

REGISTRY = "centres"
# The cost model's versions: the public recommender shows the one in effect and its figures.
COST_MODEL = "centres.cost_model"


def centre_key(pk) -> str:
    return f"centres.Centre:{pk}"


def centre_pages(request, pk) -> list[str]:
    return [REGISTRY, centre_key(pk)]


def bump_registry() -> None:
    """For a registry change that is not a kernel write (run after commit)."""
    bump(REGISTRY)


for _model in (
    "centres.Centre",
    "centres.Accreditation",
    "centres.FlagshipInitiative",
    "centres.CategoryChange",
):
    depends_on(_model, lambda event: [REGISTRY])
depends_on("centres.CostModelVersion", lambda event: [COST_MODEL])
