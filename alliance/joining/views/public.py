from django.shortcuts import render

from alliance.centres.cache import COST_MODEL
from alliance.centres.recommender import Profile, recommend
from alliance.centres.selectors import next_cost_version_start
from alliance.core.cache import changes_at, public_page

from ..forms import RecommenderForm
from ..selectors import centre_types


@public_page(COST_MODEL)
def which_centre_type(request):
    """Works without an account: a GET form, the ranking on the same page. The costs
    follow the cost model: a new version, or a planned one taking effect, renews the page."""
    changes_at(request, next_cost_version_start)
    form = RecommenderForm(request.GET or None)
    fits = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        profile = Profile(
            objectives=frozenset(data["objectives"]),
            scope=data["scope"] or None,
            ownership=data["ownership"] or None,
            sponsor=data["sponsor"] or None,
            annual_budget_usd=data["annual_budget_usd"],
            flagship_initiatives=data["flagship_initiatives"]
            if data["flagship_initiatives"] is not None
            else 1,
        )
        fits = recommend(profile, centre_types())
    return render(request, "joining/which_centre_type.html", {"form": form, "fits": fits})
