"""Pages that apps add to the benchmark (their `BENCH_PAGES` in alliance/<app>/bench.py)."""

import importlib
import importlib.util

from django.apps import apps


def extra_pages() -> list[tuple[str, str]]:
    pages = []
    for config in apps.get_app_configs():
        name = f"{config.name}.bench"
        if config.name.startswith("alliance.") and importlib.util.find_spec(name):
            module = importlib.import_module(name)
            pages += list(getattr(module, "bench_pages", lambda: [])())
    return pages


def signed_in_pages() -> list[tuple[str, str, str]]:
    """(path, label, email): pages loaded by a signed-in user (`bench_signed_in_pages()`)."""
    pages = []
    for config in apps.get_app_configs():
        name = f"{config.name}.bench"
        if config.name.startswith("alliance.") and importlib.util.find_spec(name):
            module = importlib.import_module(name)
            pages += list(getattr(module, "bench_signed_in_pages", lambda: [])())
    return pages
