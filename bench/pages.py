"""Pages that apps add to the benchmark (`bench_pages()` and `bench_signed_in_pages()` in
their module of alliance/seeding/bench/)."""

from alliance.seeding.bench import MODULES


def extra_pages() -> list[tuple[str, str]]:
    pages = []
    for module in MODULES:
        pages += list(getattr(module, "bench_pages", lambda: [])())
    return pages


def signed_in_pages() -> list[tuple[str, str, str]]:
    """(path, label, email): pages loaded by a signed-in user (`bench_signed_in_pages()`)."""
    pages = []
    for module in MODULES:
        pages += list(getattr(module, "bench_signed_in_pages", lambda: [])())
    return pages
