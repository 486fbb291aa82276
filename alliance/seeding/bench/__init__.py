"""Benchmark volume and pages, one module per app, used by `bench/seed.py` and `bench/run.py`.

Each module has `bench_seed(rng, scale)` (idempotent: it skips what is already there) and
may have `bench_pages()` (public pages, (path, label) each) and `bench_signed_in_pages()`
((path, label, email) each, loaded with that user's session).
"""

from . import board, calls, centres, joining

# In the order the apps are installed in, as the seeding ran before it moved here.
MODULES = (centres, board, joining, calls)
