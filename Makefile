# Everything the project needs is installed into .venv by these targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint venv clean sysdeps guideps xvfb translations

$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# Qt's X11 plugin needs a few xcb libraries that a bare Debian machine lacks: install them where
# we may (root, apt-get), otherwise the editor names what is missing.
X11_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
guideps: $(STAMP)
	@missing=$$($(PY) -c "from siteplanner.app.main import missing_x11_libraries as m; print(' '.join(m()))" 2>/dev/null); \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Qt's X11 libraries ($$missing)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(X11_PACKAGES)) >/dev/null 2>&1 \
	    || echo "Could not install $(X11_PACKAGES)"; \
	fi

run: $(STAMP) guideps
	$(VENV)/bin/siteplanner

# The PDF tests read sign sheets back with poppler-utils; install them where we may (CI runs as
# root on Debian), otherwise those checks are skipped with a note.
sysdeps:
	@command -v pdftotext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) \
	      >/dev/null 2>&1 || echo "poppler-utils could not be installed: PDF checks will be skipped"; \
	  else echo "poppler-utils is not installed: PDF checks will be skipped"; fi; }

# The soak test drives the editor under a real X server: install Xvfb where we may (root,
# apt-get), otherwise that test is skipped with a note.
xvfb:
	@command -v Xvfb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb) \
	      >/dev/null 2>&1 || echo "xvfb could not be installed: the editor soak test will be skipped"; \
	  else echo "xvfb is not installed: the editor soak test will be skipped"; fi; }

test: $(STAMP) sysdeps guideps xvfb
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# Style, formatting and the import layers written in pyproject.toml ([tool.importlinter]).
lint: $(STAMP)
	$(VENV)/bin/ruff check siteplanner tests bench
	$(VENV)/bin/ruff format --check siteplanner tests bench
	$(VENV)/bin/lint-imports

# Compiles the interface translation after its .ts changed (a test checks the two agree).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent resources/translations/siteplanner_zh_CN.ts

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
