# Quick start: `make run` launches Knee Coach, `make test` runs the whole test suite.
# Both create .venv (and install missing Debian packages) on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test lint bench translations clean fuzz routine-tables

$(STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/coach

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check coach tests bench scripts
	$(VENV)/bin/mypy

# The routine loader's hostile-input suite, long: thousands of new examples per test
# (`make test` runs a short, fixed sample of it).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest \
		-p no:cacheprovider --hypothesis-show-statistics tests/test_routine_fuzz.py \
		tests/test_csv_fuzz.py $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python bench/run.py

# Refresh the Japanese catalogue from the sources, then compile it (after translating
# the new entries in coach/translations/coach_ja.ts).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete coach/ui/*.py -ts coach/translations/coach_ja.ts
	$(VENV)/bin/pyside6-lrelease coach/translations/coach_ja.ts -qm coach/translations/coach_ja.qm

# After editing a bundled routine: its parsed table, read at start-up instead of the
# TOML (a test says when it is out of date).
routine-tables: $(STAMP)
	$(VENV)/bin/python scripts/bundle_routine_tables.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
