from datetime import date

from alliance.public.models import Milestone

# Dates of the 2023 cycle (circular BDT/DIR/001) and public facts since then.
MILESTONES = [
    (
        date(2023, 1, 25),
        "Public announcement of the Alliance (circular BDT/DIR/001)",
        "Annonce publique de l'Alliance (circulaire BDT/DIR/001)",
        "Geneva",
    ),
    (
        date(2023, 3, 15),
        "Community event; first call for expressions of interest closes",
        "Événement communautaire ; clôture du premier appel à manifestations d'intérêt",
        "Online",
    ),
    (
        date(2023, 4, 15),
        "Deadline for expressions of interest",
        "Date limite des manifestations d'intérêt",
        "",
    ),
    (date(2023, 6, 30), "Pilot countries announced", "Annonce des pays pilotes", ""),
    (
        date(2023, 9, 1),
        "17 organisations selected to host the first acceleration centres",
        "17 organisations sélectionnées pour accueillir les premiers centres d'accélération",
        "",
    ),
    (
        date(2023, 10, 15),
        "Annual meeting of the Digital Innovation Board",
        "Réunion annuelle du Conseil de l'innovation numérique",
        "Geneva",
    ),
    (
        date(2024, 3, 4),
        "First meeting of the Network of Acceleration Centres",
        "Première réunion du Réseau de centres d'accélération",
        "Dubai",
    ),
    (
        date(2024, 3, 19),
        "Inaugural meeting of the Digital Innovation Board",
        "Réunion inaugurale du Conseil de l'innovation numérique",
        "Geneva",
    ),
    (date(2025, 7, 1), "Launch of the Expert Network", "Lancement du Réseau d'experts", ""),
    (
        date(2027, 3, 15),
        "Next call for applications closes",
        "Clôture du prochain appel à candidatures",
        "",
    ),
]


def seed(ctx):
    for day, en, fr, location in MILESTONES:
        Milestone.objects.update_or_create(
            date=day,
            title__en=en,
            defaults={"title": {"en": en, "fr": fr}, "location": location},
        )
