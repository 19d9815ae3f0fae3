# LPKS: `make run` installs and serves the demo on SQLite; `make test` runs the whole test suite.
# Variables: PYTHON (python3), VENV (.venv), HOST (127.0.0.1), PORT (5000), WORKERS (2 gunicorn workers),
# TEST_WORKERS (auto: one test process per core).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2
# Test processes (pytest-xdist): one per core; each has its own SQLite files and PostgreSQL work database.
TEST_WORKERS ?= auto
# Installs follow the lock: every transitive dependency pinned (requirements.lock).
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock

.PHONY: run test install install-test serve lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamps make `make run` and `make test` reinstall only when pyproject.toml or the lock changed.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(PIP_INSTALL) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml requirements.lock
	$(PIP_INSTALL) -e '.[test]'
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/lpks db upgrade
	$(BIN)/lpks demo
	@echo
	@echo "LPKS berjalan di http://$(HOST):$(PORT)/  (hentikan dengan Ctrl+C)"
	@# the job worker (large exports, the daily tasks after midnight) runs beside gunicorn and stops with it
	@$(BIN)/lpks worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - 'lpks:create_app()'

serve: install
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) 'lpks:create_app()'

test: install-test
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# Pin every package again from a fresh environment (after changing the dependencies in pyproject.toml).
lock:
	rm -rf $(VENV)-lock
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet --disable-pip-version-check '.[test]'
	{ echo "# Every package LPKS and its test suite install, pinned (constraints for pip: make run/test and CI install"; \
	  echo "# with -c requirements.lock). Regenerate after changing pyproject.toml dependencies: make lock"; \
	  $(VENV)-lock/bin/python -m pip freeze --disable-pip-version-check | grep -v '^lpks'; } > requirements.lock
	rm -rf $(VENV)-lock

clean:
	rm -rf $(VENV) $(VENV)-lock instance *.egg-info build dist
