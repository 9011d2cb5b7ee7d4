# Accord: the two commands are `make demo` and `make test`; everything else serves them.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
ACCORD := $(VENV)/bin/accord
export ACCORD_DATA_DIR ?= $(CURDIR)/data

.PHONY: demo test venv venv-dev browser screenshot lint serve bench clean

demo: $(VENV)/.runtime-installed  ## set up, load the demo scenario and serve on http://127.0.0.1:8000
	$(ACCORD) migrate
	$(ACCORD) demo load
	$(ACCORD) demo logins
	$(ACCORD) serve

test: $(VENV)/.dev-installed browser  ## install what the tests need and run every test
	@# Lint and the import contract fail the run too, but never hide the test results.
	@status=0; \
	$(VENV)/bin/ruff check . || status=1; \
	$(VENV)/bin/lint-imports || status=1; \
	$(PY) -m pytest -n 2 --dist loadgroup --timeout 900 $(PYTEST_ARGS) || status=$$?; \
	exit $$status

venv: $(VENV)/.runtime-installed
venv-dev: $(VENV)/.dev-installed

$(VENV)/bin/python:
	@py=$$(./scripts/find-python.sh) && echo "Using $$py" && "$$py" -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.runtime-installed: pyproject.toml | $(VENV)/bin/python
	$(UV) pip install --quiet --python $(PY) -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.runtime-installed
	$(UV) pip install --quiet --python $(PY) -e '.[dev]'
	touch $@

browser:  ## Debian's chromium for the browser tests (never `playwright install`)
	@./scripts/ensure-chromium.sh

screenshot: $(VENV)/.dev-installed browser  ## redraw docs/screenshot.png (the README's picture)
	ACCORD_SCREENSHOT=$(CURDIR)/docs/screenshot.png $(PY) -m pytest \
	  tests/browser/test_seats.py -k ukraine_sees_its_own

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: $(VENV)/.dev-installed
	$(UV) pip install --quiet --python $(PY) -e '.[dev,bench]'
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
