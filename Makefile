# The two commands a reader needs:  make serve   and   make test
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PY    ?= python3.11
VENV  := .venv
BIN   := $(VENV)/bin
HOST  ?= 127.0.0.1:8000

.PHONY: setup serve build test bench snippet clean-cache clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@command -v $(PY) >/dev/null || { echo "error: $(PY) not found (Python 3.11 is required; set PY=...)" >&2; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

serve: setup           ## build the site and serve it at http://$(HOST)/; a save rebuilds only the pages it changes
	@echo "Serving the notes at http://$(HOST)/  (Ctrl-C stops)"
	$(BIN)/python -m mkdocs serve --dirty --no-strict --dev-addr $(HOST)

build: setup           ## strict build into site/, replacing it only when the build succeeds
	$(BIN)/python -m kbsite.dev.build

test: setup            ## the whole test suite (builds the site once, runs every snippet, drives Chromium)
	$(BIN)/python -m pytest

bench: setup           ## build, reload and test timings (a report, never a failure); AGAINST=<rev> also times that commit's cold build
	$(BIN)/python -m kbsite.dev.bench $(if $(AGAINST),--against $(AGAINST))

snippet: setup         ## run one snippet as the tests do: make snippet F=snippets/ml_basics/x.py
	$(BIN)/python -m kbsite.dev.run $(F)

clean-cache:           ## forget cached example outputs and pages
	rm -rf .cache/exec

clean:
	rm -rf site .cache
