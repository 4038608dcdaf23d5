# The two commands that matter: `make run` and `make test`. Everything they need is
# installed from pyproject.toml into .venv; nothing is installed by hand.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint pytest test-postgres bench clean browser-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/beleidsmonitor migrate
	$(BIN)/beleidsmonitor demo
	$(BIN)/beleidsmonitor serve --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Debian's Chromium for the Playwright browser tests (never `playwright install`: it downloads).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's Chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

pytest: setup browser-deps
	$(BIN)/python -m pytest

test: lint pytest test-postgres

# The suite again against PostgreSQL, where a server answers on 127.0.0.1:5432.
test-postgres: setup
	@if $(BIN)/python -c "import psycopg; psycopg.connect('host=127.0.0.1 port=5432 dbname=test user=postgres connect_timeout=3').close()" 2>/dev/null; then \
		echo "PostgreSQL answers on 127.0.0.1:5432: running the suite against it"; \
		DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(BIN)/python -m pytest -m "not browser"; \
	else \
		echo "No PostgreSQL on 127.0.0.1:5432: skipped the PostgreSQL run"; \
	fi

bench: setup
	$(BIN)/python bench/parse_corpus.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
