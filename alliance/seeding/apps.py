from django.apps import AppConfig


class SeedingConfig(AppConfig):
    """Demo and benchmark data. It sits above the domain apps: it uses their models and
    services, and none of them imports it."""

    name = "alliance.seeding"
    label = "seeding"
