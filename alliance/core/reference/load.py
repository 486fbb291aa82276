"""Idempotent loader shared by the data migration and `manage.py load_reference_data`."""

from django.apps import apps as global_apps

from .alliance import CENTRE_TYPES, OBJECTIVES, REGIONS
from .member_states import MEMBER_STATES


def _columns(model, row: dict, skip=("code",)) -> dict:
    """The row as field values. A translated value is a dict of language codes; a model
    with a TranslatedField takes it whole (every language the row has), and the
    historical models of the early migrations, which had name_en/name_fr, take it split."""
    names = {f.name for f in model._meta.get_fields()}
    fields = {}
    for key, value in row.items():
        if key in skip:
            continue
        if isinstance(value, dict) and key not in names:
            fields.update(
                {f"{key}_{lang}": t for lang, t in value.items() if f"{key}_{lang}" in names}
            )
        else:
            fields[key] = value
    return fields


def load_reference_data(apps=global_apps) -> dict[str, int]:
    Objective = apps.get_model("core", "StrategicObjective")
    Region = apps.get_model("core", "Region")
    Country = apps.get_model("core", "Country")
    CentreType = apps.get_model("centres", "CentreType")

    objectives = {}
    for order, row in enumerate(OBJECTIVES, start=1):
        fields = _columns(Objective, row)
        objectives[row["code"]], _ = Objective.objects.update_or_create(
            code=row["code"], defaults={**fields, "order": order}
        )
    regions = {}
    for order, row in enumerate(REGIONS, start=1):
        fields = _columns(Region, row)
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"], defaults={**fields, "order": order}
        )
    for code, region in MEMBER_STATES.items():
        Country.objects.update_or_create(
            code=code, defaults={"region": regions[region], "itu_member": True}
        )
    for order, row in enumerate(CENTRE_TYPES, start=1):
        fields = _columns(CentreType, row, skip=("code", "objectives"))
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
