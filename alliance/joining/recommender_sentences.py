"""The reasons given by alliance/centres/recommender.py are not in the centres catalog yet.
Listing them here puts them in the joining catalog, so that the recommendation pages and
the PDF report give the reasons in French too. Drop this module once the centres catalog
translates them (Django falls back across app catalogs, so both can coexist)."""

from django.utils.translation import gettext_noop

RECOMMENDER_SENTENCES = [
    gettext_noop("Covers %(list)s."),
    gettext_noop("Does not cover %(count)d of the objectives you chose."),
    gettext_noop("No objective chosen: every type is considered."),
    gettext_noop("Scope allowed: %(scope)s."),
    gettext_noop("Scope not allowed for this type: %(scope)s."),
    gettext_noop("The ownership model matches."),
    gettext_noop("The ownership model differs: %(note)s"),
    gettext_noop("Your resources fit: %(model)s"),
    gettext_noop("This type expects other resources: %(model)s"),
    gettext_noop("Your annual budget covers the indicative cost."),
    gettext_noop("Your annual budget covers only part of the indicative cost."),
    gettext_noop("Your annual budget is well below the indicative cost."),
    gettext_noop("Your ecosystem's maturity is enough for this type."),
    gettext_noop("This type needs a more mature ecosystem than your self-assessment shows."),
]
