"""What public pages show of the Lab (alliance.core.cache): a centre's public page lists
the cooperation agreements published with it, their projects, milestones and
deliverables, so a kernel write of any of them refreshes that centre's page at once."""

from alliance.core.cache import depends_on

# From each object to the centre its agreement is with (read after commit).
_PATHS = {
    "lab.CooperationAgreement": "centre_id",
    "lab.Project": "agreement__centre_id",
    "lab.ProjectMilestone": "project__agreement__centre_id",
    "lab.Deliverable": "project__agreement__centre_id",
}


def _centre_pages(event):
    from django.apps import apps

    model = apps.get_model(event.model)
    centre_id = model.objects.filter(pk=event.pk).values_list(_PATHS[event.model], flat=True)
    found = list(centre_id)
    if not found:  # deleted: we no longer know the centre; every centre page then
        return ["centres"]
    return [f"centres.Centre:{pk}" for pk in found if pk is not None]


for _model in _PATHS:
    depends_on(_model, _centre_pages)
