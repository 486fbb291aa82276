from django.db import migrations

AREAS = [
    ("FORESIGHT", "Strategic Foresight", "Prospective stratégique"),
    ("ENTREPRENEURSHIP", "Entrepreneurship and SMEs Growth", "Croissance de l'entrepreneuriat et des PME"),
    ("POLICY", "Policy Experimentation", "Expérimentation des politiques"),
    ("OPEN_TECH", "Open Technology Innovation", "Innovation ouverte dans le domaine des technologies"),
    ("ECOSYSTEM", "Ecosystem Initiative Development", "Développement des initiatives relatives aux écosystèmes"),
    ("COMMUNICATION", "Strategic Communication", "Communication stratégique"),
    ("PARTNERSHIPS", "Partnership and Resource Mobilization", "Partenariats et mobilisation de ressources"),
]


def add_areas(apps, schema_editor):
    ExpertArea = apps.get_model("board", "ExpertArea")
    # Also run on today's model after a test flush (conftest), where the name is one
    # translated field (migration 0005) rather than two columns.
    translated = "name" in {f.name for f in ExpertArea._meta.get_fields()}
    for order, (code, en, fr) in enumerate(AREAS, start=1):
        names = {"name": {"en": en, "fr": fr}} if translated else {"name_en": en, "name_fr": fr}
        ExpertArea.objects.update_or_create(code=code, defaults={"order": order, **names})


def remove_areas(apps, schema_editor):
    apps.get_model("board", "ExpertArea").objects.filter(code__in=[a[0] for a in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("board", "0001_initial")]

    operations = [migrations.RunPython(add_areas, remove_areas)]
