# Everything the project needs is installed into .venv by these targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint venv clean sysdeps

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/siteplanner

# The PDF tests read sign sheets back with poppler-utils; install them where we may (CI runs as
# root on Debian), otherwise those checks are skipped with a note.
sysdeps:
	@command -v pdftotext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) \
	      >/dev/null 2>&1 || echo "poppler-utils could not be installed: PDF checks will be skipped"; \
	  else echo "poppler-utils is not installed: PDF checks will be skipped"; fi; }

test: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

lint: $(STAMP)
	$(VENV)/bin/ruff check siteplanner tests bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
