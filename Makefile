# Two set-up commands: `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := build/sample
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install install-test sample chromium lint bench clean screenshot

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

sample: install
	$(BIN)/kg extract data/corpus --out $(OUT)

run: sample
	$(BIN)/streamlit run app.py --server.headless true --browser.gatherUsageStats false

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

test: install-test chromium
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check kg tests app.py app_data.py benchmarks notebooks

bench: install-test
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf build .pytest_cache

screenshot: install-test chromium
	KG_SCREENSHOT=$(CURDIR)/docs/screenshot.png $(BIN)/python -m pytest tests/test_browser.py -q
