# WeAlmaty knowledge library. `make demo` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL for the second test run; `make test` uses it when reachable,
# CI (REQUIRE_POSTGRES=1) fails when it is not.
PG_TEST_URL ?= $(or $(TEST_DATABASE_URL),postgres://postgres@127.0.0.1:5432/kbtu_portal)

.PHONY: help install demo run migrate test test-sqlite test-postgres lint format check clean messages bench-search

help:
	@echo "make demo    - install, migrate, load the sample library, print an admin login, serve on http://$(HOST):$(PORT)"
	@echo "make test    - checks, lint and the test suite on SQLite, then on PostgreSQL when reachable"
	@echo "make lint    - ruff, exactly as CI runs it"

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo --site-url http://$(HOST):$(PORT)
	@echo "Serving the library on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

run: install
	$(PY) manage.py runserver $(HOST):$(PORT)

check: install
	env -u TEST_DATABASE_URL DJANGO_SETTINGS_MODULE=kbtu_portal.settings.test $(PY) manage.py check --fail-level WARNING
	env -u TEST_DATABASE_URL DJANGO_SETTINGS_MODULE=kbtu_portal.settings.test $(PY) manage.py makemigrations --check --dry-run

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test-sqlite: install
	env -u TEST_DATABASE_URL $(PY) -m pytest

test-postgres: install
	@if $(PY) .ci/pg_reachable.py "$(PG_TEST_URL)"; then \
		echo "Running the suite on PostgreSQL ($(PG_TEST_URL))"; \
		TEST_DATABASE_URL="$(PG_TEST_URL)" $(PY) -m pytest; \
	elif [ -n "$(REQUIRE_POSTGRES)" ]; then \
		echo "PostgreSQL is required but not reachable at $(PG_TEST_URL)"; exit 1; \
	else \
		echo "PostgreSQL not reachable at $(PG_TEST_URL): the PostgreSQL run is left out (CI always runs it)."; \
	fi

test: check lint test-sqlite test-postgres

# Search benchmarks (not part of `make test`): corpora of 1k, 10k and 100k
# items, side by side with Wagtail's database search; first on SQLite (with
# OpenSearch on osmem up to 1k items: an emulator, slow), then on PostgreSQL
# when BENCH_PG_URL answers. Every measurement goes to var/bench-*.json, the
# tables for docs/performance.md to the terminal. BENCH_SIZES=1000,10000 for
# a shorter run.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
BENCH_ARGS = $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES),)
bench-search: migrate
	mkdir -p var
	$(PY) manage.py bench_search $(BENCH_ARGS) --limit opensearch=1000 --json var/bench-sqlite.json
	@if $(PY) .ci/pg_reachable.py "$(BENCH_PG_URL)"; then \
		DATABASE_URL="$(BENCH_PG_URL)" $(PY) manage.py bench_search $(BENCH_ARGS) \
			--engines database,wagtail --json var/bench-postgres.json; \
	else \
		echo "PostgreSQL does not answer at $(BENCH_PG_URL): its benchmark is skipped."; \
	fi

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

messages: install
	$(PY) manage.py makemessages -l ru -l kk --ignore=.venv --ignore=var --ignore="library/demo/*" --no-location
	$(PY) manage.py compilemessages --ignore=.venv
