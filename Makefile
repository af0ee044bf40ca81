# Two commands for a fresh clone: `make run` and `make test`. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_ENTITIES ?= 300
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve backup restore test test-e2e install lint migrate demo bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Potrzebny Python 3.11 lub nowszy.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The Nu HTML Checker for the tests (tests/wortal/test_valid_html.py): vnu.jar from npm, run by Java. Fetched
# only where npm exists; without it (or without Java) that test is skipped locally, and fails in CI.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $(VNU_JAR); \
	else echo "npm nie jest zainstalowany: test poprawności HTML (vnu) zostanie pominięty."; fi

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo --entities $(DEMO_ENTITIES)
	$(BIN)/python manage.py seed_demo_locations
	$(BIN)/python manage.py reindex_search --verbosity 0
	$(BIN)/python manage.py seed_content
	$(BIN)/python manage.py seed_demo_members
	$(BIN)/python manage.py seed_demo_reports
	$(BIN)/python manage.py seed_monitoring
	$(BIN)/python manage.py seed_office
	$(BIN)/python manage.py seed_library
	$(BIN)/python manage.py seed_pakt
	$(BIN)/python manage.py seed_newsletter

run: demo
	@echo ""
	@echo "  Portal: http://$(HOST):$(PORT)/"
	@echo "  Panel redakcji: http://$(HOST):$(PORT)/admin/  (login: redaktor@example.org, hasło: redaktor-demo)"
	@echo "  Konto członka organizacji: http://$(HOST):$(PORT)/konto/  (czlonek@example.org, hasło: czlonek-demo-123)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine: gunicorn, PostgreSQL, Redis and the mail worker (docs/deployment.md).
serve: install
	./deploy/serve.sh

# The database (pg_dump, custom format) and the media files into one dated folder under $(BACKUP_DIR)/.
BACKUP_DIR ?= backups
backup: install
	$(BIN)/python manage.py backup --into $(BACKUP_DIR)

# make restore FROM=backups/2026-11-30_031500 : into an empty database (DATABASE_URL) and MEDIA_ROOT.
restore: install
	@test -n "$(FROM)" || (echo "Podaj folder kopii: make restore FROM=backups/RRRR-MM-DD_GGMMSS" && exit 2)
	$(BIN)/python manage.py restore $(FROM)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint $(VNU_JAR)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

# The browser tests alone (they also run in `make test`); screenshots land in test-artifacts/.
test-e2e: install
	$(BIN)/python -m pytest tests/e2e

bench: migrate
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache test-artifacts node_modules
