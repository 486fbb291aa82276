"""Demo data (`manage.py seed_demo`) and benchmark volume (`bench/seed.py`), kept out of
the domain apps' import graph."""
