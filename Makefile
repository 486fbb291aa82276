# Alliance Hub. `make run` serves the demo; `make test` runs every test.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PY := $(UV) run --frozen python
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist processes for `make test` (ADR 0024): the core count, at most 4; 0 runs
# the suite in one process (`make test TEST_WORKERS=0`).
TEST_WORKERS ?= $(shell n=$$(nproc); [ $$n -gt 4 ] && n=4; echo $$n)
PYTEST_PARALLEL := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadgroup)

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format messages catalogs migrate demo bench bench-rush worker scheduler cluster cluster-up clean pdf-samples

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.tools/bin/uv:
	@echo "uv not found: installing it into .tools/ (no Python download)"
	python3 -m venv .tools && .tools/bin/pip install --quiet uv

install: $(if $(shell command -v uv 2>/dev/null),,.tools/bin/uv) ## Install dependencies and compile the translations
	$(UV) sync --frozen --quiet
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent  # axe-core for the browser tests
	$(PY) manage.py compile_catalogs

migrate: install ## Create or update the database and load the reference data
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_reference_data

demo: migrate ## Load the demo data set (idempotent)
	$(PY) manage.py seed_demo

run: demo ## Serve the demo at http://127.0.0.1:8000 with the task worker and the scheduler
	@echo ""
	@echo "  Alliance Hub is starting at http://$(HOST):$(PORT)/"
	@echo "  (web server, task worker and scheduler: Ctrl-C stops all three)"
	@echo ""
	HOST=$(HOST) SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} TASKS_BACKEND=database PYTHONUNBUFFERED=1 $(UV) run --frozen honcho start --port $(PORT)

test: install ## Run the whole suite: lint, unit, integration and browser tests
	@bash scripts/ensure-chromium
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports --no-logo
	$(UV) run --frozen pytest -q $(PYTEST_PARALLEL)

test-fast: install ## Run the tests without the browser tests
	$(UV) run --frozen pytest -q -m "not browser" $(PYTEST_PARALLEL)

lint: install ## Lint, check formatting and the app boundaries (import-linter)
	$(UV) run --frozen ruff check . && $(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports --no-logo

format: install ## Fix formatting and safe lint findings
	$(UV) run --frozen ruff format . && $(UV) run --frozen ruff check --fix .

messages: install ## Extract translatable strings into every app's catalog for every language in settings.LANGUAGES (needs gettext)
	@locales="$$($(PY) manage.py catalog_locales)" && for app in alliance/*/; do \
	  if [ -d $$app/locale ]; then \
	    (cd $$app && $(CURDIR)/.venv/bin/python $(CURDIR)/manage.py makemessages $$locales --no-obsolete --no-location >/dev/null) && echo "updated $$app"; \
	  fi; done
	$(PY) manage.py prepare_catalogs
	$(PY) manage.py compile_catalogs

worker: install ## Run the background task worker (when TASKS_BACKEND=database)
	$(PY) manage.py db_worker

scheduler: install ## Run the periodic jobs (closing calls, reminders, digests) at their times
	$(PY) manage.py run_scheduler

bench: install ## Seed a ten-year data set and measure pages against /healthz
	$(PY) bench/run.py $(ARGS)

bench-rush: install ## Deadline day: 300 applicants save and submit within a minute (then with the deadline in the middle, then with 8 readers of signed-in pages)
	$(PY) bench/rush.py $(ARGS)
	$(PY) bench/rush.py --deadline-mid $(ARGS)
	$(PY) bench/rush.py --readers 8 $(ARGS)

cluster: install ## Two app servers behind HAProxy (PostgreSQL, Redis, S3): journey and kill -9 test
	bash scripts/cluster check

cluster-up: install ## Start the two-server cluster and keep it running (Ctrl-C stops it)
	bash scripts/cluster up

clean: ## Remove the local database, uploads and caches
	rm -rf db.sqlite3* media staticfiles .pytest_cache .ruff_cache .import_linter_cache

pdf-samples: demo ## Render every kind of PDF (en, fr, ar, zh-hans) and page 1 as PNG into var/samples/
	$(PY) manage.py pdf_samples
