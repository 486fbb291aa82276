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
    for order, (code, name_en, name_fr) in enumerate(AREAS, start=1):
        ExpertArea.objects.update_or_create(
            code=code, defaults={"order": order, "name_en": name_en, "name_fr": name_fr}
        )


def remove_areas(apps, schema_editor):
    apps.get_model("board", "ExpertArea").objects.filter(code__in=[a[0] for a in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("board", "0001_initial")]

    operations = [migrations.RunPython(add_areas, remove_areas)]
