# The two commands a reader needs:  make serve   and   make test
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PY    ?= python3.11
VENV  := .venv
BIN   := $(VENV)/bin
HOST  ?= 127.0.0.1:8000

.PHONY: setup serve build notebooks pdf test test-full seeds bench snippet clean-cache clean

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

notebooks: build       ## every page with examples as a Jupyter notebook, in site/notebooks/ (the build writes them)
	@find site/notebooks -name '*.ipynb' | sort | sed 's/^/  /'; echo "$$(find site/notebooks -name '*.ipynb' | wc -l) notebooks in site/notebooks/"

pdf: setup             ## the whole site as one PDF, site/deep-learning-notes.pdf (builds the site, prints it with Chromium)
	$(BIN)/python -m kbsite.dev.pdf

test: setup            ## the whole test suite (builds the site once, runs every snippet, drives Chromium); its sweeps sampled
	$(BIN)/python -m pytest

test-full: setup       ## the same with every sweep in full, as CI runs it: every page at two sizes, every search term, every example alone, every notebook, the PDF
	KB_FULL=1 KB_TEST_PDF=1 $(BIN)/python -m pytest

seeds: setup           ## every seeded example again with its seeds shifted by 1..N (default 20): make seeds N=20
	KB_SEEDS=$(or $(N),20) $(BIN)/python -m pytest tests/test_seeds.py

bench: setup           ## build, reload and test timings (a report, never a failure); AGAINST=<rev> also times that commit's cold build
	$(BIN)/python -m kbsite.dev.bench $(if $(AGAINST),--against $(AGAINST))

snippet: setup         ## run one snippet as the tests do: make snippet F=snippets/ml_basics/x.py
	$(BIN)/python -m kbsite.dev.run $(F)

clean-cache:           ## forget cached example outputs and pages
	rm -rf .cache/exec

clean:
	rm -rf site .cache
