# make run   - set up and serve Sooth on http://127.0.0.1:8000 with the demo data (SQLite, mail to files);
#              make run PORT=8010 serves on another port
# make test  - set up and run lint, type checks and the whole test suite
# make bench - run the benchmarks and print their figures

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(DEV): pyproject.toml $(RUNTIME)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: $(RUNTIME)
	$(BIN)/sooth migrate
	$(BIN)/sooth demo
	$(BIN)/sooth serve --port $(PORT)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV)
	$(BIN)/mypy

pytest: $(DEV)
	$(BIN)/pytest -n 2

test: lint typecheck pytest

bench: $(DEV)
	$(BIN)/python tests/bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis test-artifacts
