# LPKS: `make run` installs and serves the demo on SQLite; `make test` runs the whole test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2

.PHONY: run test install install-test serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

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
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) instance *.egg-info
