"""The Alliance's fixed reference data, from circular BDT/DIR/001 (25 January 2023)."""

OBJECTIVES = [
    {
        "code": "FORESIGHT",
        "name": {
            "en": "Strategic foresight (trends research readiness)",
            "fr": "Capacité d'étudier et d'anticiper les grandes tendances",
        },
        "description": {
            "en": "Understand the dynamics of technology, policy and innovation ahead of time.",
            "fr": "Comprendre à l'avance la dynamique des technologies, des politiques et de l'innovation.",
        },
    },
    {
        "code": "OPEN_TECH",
        "name": {
            "en": "Open technology innovation",
            "fr": "Innovation ouverte dans le domaine des technologies",
        },
        "description": {
            "en": "Turn technical know-how into global goods through open, multi-stakeholder innovation.",
            "fr": "Transformer le savoir-faire technique en biens mondiaux grâce à une innovation ouverte et multipartite.",
        },
    },
    {
        "code": "ENTREPRENEURSHIP",
        "name": {
            "en": "Entrepreneurship and SMEs growth",
            "fr": "Croissance de l'entrepreneuriat et des PME",
        },
        "description": {
            "en": "Innovation-driven digital entrepreneurship, opportunities for talent and socio-economic inclusion.",
            "fr": "Un entrepreneuriat numérique fondé sur l'innovation, des débouchés pour les talents et l'inclusion socio-économique.",
        },
    },
    {
        "code": "POLICY",
        "name": {"en": "Policy experimentation", "fr": "Expérimentation des politiques"},
        "description": {
            "en": "Agile policies, safe sandboxes for experiments, and a climate that attracts investment.",
            "fr": "Des politiques agiles, des bacs à sable sûrs pour l'expérimentation et un climat propice à l'investissement.",
        },
    },
    {
        "code": "ECOSYSTEM",
        "name": {
            "en": "Ecosystem initiatives acceleration",
            "fr": "Accélération des initiatives relatives aux écosystèmes",
        },
        "description": {
            "en": "Collaboration and synergies that create value across sectors.",
            "fr": "Collaboration et synergies qui créent de la valeur entre les secteurs.",
        },
    },
]

REGIONS = [
    {"code": "AFR", "name": {"en": "Africa", "fr": "Afrique"}, "regional_office": "Addis Ababa"},
    {"code": "AMS", "name": {"en": "Americas", "fr": "Amériques"}, "regional_office": "Brasilia"},
    {
        "code": "ARB",
        "name": {"en": "Arab States", "fr": "États arabes"},
        "regional_office": "Cairo",
    },
    {
        "code": "ASP",
        "name": {"en": "Asia-Pacific", "fr": "Asie-Pacifique"},
        "regional_office": "Bangkok",
    },
    {"code": "CIS", "name": {"en": "CIS", "fr": "CEI"}, "regional_office": "Moscow"},
    {"code": "EUR", "name": {"en": "Europe", "fr": "Europe"}, "regional_office": "Geneva"},
]

# The selection guidance table of the circular, one dict per centre type.
CENTRE_TYPES = [
    {
        "code": "TECHNOLOGY",
        "name": {
            "en": "Technology Acceleration Centre",
            "fr": "Centre d'accélération technologique",
        },
        "ownership": "itu",
        "ownership_note": {
            "en": "Owned and run by ITU.",
            "fr": "Appartient à l'UIT et est géré par elle.",
        },
        "scopes": ["global", "regional"],
        "objectives": ["FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP", "POLICY"],
        "resource_model": {
            "en": "Sponsored by the host country and run by ITU staff.",
            "fr": "Parrainé par le pays hôte et géré par le personnel de l'UIT.",
        },
        "cost_class": "high",
        "observation": {
            "en": "Costly; for countries with a dynamic technology ecosystem that needs to scale.",
            "fr": "Coûteux ; pour les pays dotés d'un écosystème technologique dynamique qui doit changer d'échelle.",
        },
    },
    {
        "code": "RESEARCH_ENTREPRENEURSHIP",
        "name": {
            "en": "Research and Entrepreneurship Acceleration Centre",
            "fr": "Centre d'accélération de la recherche et de l'entrepreneuriat",
        },
        "ownership": "country",
        "ownership_note": {
            "en": "Country-owned; a regional centre is ITU's focal point on the topic for its region.",
            "fr": "Appartient au pays ; un centre régional est le point focal de l'UIT sur le sujet pour sa région.",
        },
        "scopes": ["regional", "national"],
        "objectives": ["FORESIGHT", "OPEN_TECH", "ENTREPRENEURSHIP"],
        "resource_model": {
            "en": "Sponsored by an ITU Academia member with stakeholders and academic staff.",
            "fr": "Parrainé par un établissement universitaire membre de l'UIT, avec des parties prenantes et du personnel universitaire.",
        },
        "cost_class": "moderate",
        "observation": {
            "en": "Moderate cost; for countries that need to mobilise academic and research talent.",
            "fr": "Coût modéré ; pour les pays qui doivent mobiliser les talents universitaires et de la recherche.",
        },
    },
    {
        "code": "DIGITAL_TRANSFORMATION",
        "name": {
            "en": "Digital Transformation Acceleration Centre",
            "fr": "Centre d'accélération de la transformation numérique",
        },
        "ownership": "country",
        "ownership_note": {
            "en": "Country-owned; a regional centre is ITU's focal point for its region.",
            "fr": "Appartient au pays ; un centre régional est le point focal de l'UIT pour sa région.",
        },
        "scopes": ["regional", "national"],
        "objectives": ["ENTREPRENEURSHIP", "POLICY", "ECOSYSTEM"],
        "resource_model": {
            "en": "Sponsored by the host country and run by host-country staff.",
            "fr": "Parrainé par le pays hôte et géré par le personnel du pays hôte.",
        },
        "cost_class": "moderate",
        "observation": {
            "en": "Moderate cost; for countries that need to drive digital transformation at every level.",
            "fr": "Coût modéré ; pour les pays qui doivent conduire la transformation numérique à tous les niveaux.",
        },
    },
    {
        "code": "INITIATIVES",
        "name": {
            "en": "Initiatives Acceleration Centre",
            "fr": "Centre d'accélération des initiatives",
        },
        "ownership": "host_institution",
        "ownership_note": {
            "en": "Hosted inside an existing institution.",
            "fr": "Hébergé au sein d'une institution existante.",
        },
        "scopes": ["regional", "national"],
        "objectives": ["ECOSYSTEM"],
        "resource_model": {
            "en": "Uses the host organisation's existing resources.",
            "fr": "Utilise les ressources existantes de l'organisation hôte.",
        },
        "cost_class": "low",
        "observation": {
            "en": "Low cost; for organisations with few resources that can still assign staff and an operating budget.",
            "fr": "Coût faible ; pour les organisations aux ressources limitées qui peuvent néanmoins affecter du personnel et un budget de fonctionnement.",
        },
    },
]


def _add_translations() -> None:
    """Languages beyond English and French come as data: translations/<code>.json, shaped
    {"OBJECTIVES": {code: {field: text}}, "REGIONS": ..., "CENTRE_TYPES": ...}. A new
    language is one more file (the translators' work), nothing here changes."""
    import json
    from pathlib import Path

    tables = {"OBJECTIVES": OBJECTIVES, "REGIONS": REGIONS, "CENTRE_TYPES": CENTRE_TYPES}
    for path in sorted((Path(__file__).parent / "translations").glob("*.json")):
        language = path.stem
        for table, rows in json.loads(path.read_text(encoding="utf-8")).items():
            by_code = {row["code"]: row for row in tables[table]}
            for code, fields in rows.items():
                for field, text in fields.items():
                    if code in by_code and isinstance(by_code[code].get(field), dict) and text:
                        by_code[code][field][language] = text


_add_translations()
