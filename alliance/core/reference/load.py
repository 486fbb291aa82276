"""Idempotent loader shared by the data migration and `manage.py load_reference_data`."""

from django.apps import apps as global_apps

from .alliance import CENTRE_TYPES, OBJECTIVES, REGIONS
from .member_states import MEMBER_STATES


def load_reference_data(apps=global_apps) -> dict[str, int]:
    Objective = apps.get_model("core", "StrategicObjective")
    Region = apps.get_model("core", "Region")
    Country = apps.get_model("core", "Country")
    CentreType = apps.get_model("centres", "CentreType")

    objectives = {}
    for order, row in enumerate(OBJECTIVES, start=1):
        fields = {k: v for k, v in row.items() if k != "code"}
        objectives[row["code"]], _ = Objective.objects.update_or_create(
            code=row["code"], defaults={**fields, "order": order}
        )
    regions = {}
    for order, row in enumerate(REGIONS, start=1):
        fields = {k: v for k, v in row.items() if k != "code"}
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"], defaults={**fields, "order": order}
        )
    for code, region in MEMBER_STATES.items():
        Country.objects.update_or_create(
            code=code, defaults={"region": regions[region], "itu_member": True}
        )
    for order, row in enumerate(CENTRE_TYPES, start=1):
        fields = {k: v for k, v in row.items() if k not in ("code", "objectives")}
        centre_type, _ = CentreType.objects.update_or_create(
            code=row["code"], defaults={**fields, "order": order}
        )
        centre_type.objectives.set([objectives[c] for c in row["objectives"]])
    return {
        "objectives": len(OBJECTIVES),
        "regions": len(REGIONS),
        "countries": len(MEMBER_STATES),
        "centre_types": len(CENTRE_TYPES),
    }
