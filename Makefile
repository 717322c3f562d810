# The two commands of the README: `make run` (install what is missing, start the app on its
# default dossier) and `make test` (install what is missing, run linters and the whole suite).
# Works on a fresh Debian 12 / Ubuntu with git, make and Python >= 3.11.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian packages: venv support, and the libraries Qt needs offscreen (tests) or in a window.
DEB_BASE      := python3-venv
DEB_OFFSCREEN := libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
DEB_WINDOW    := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
                 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench reliability lint deb system-deps-test system-deps-run clean

run: system-deps-run $(STAMP)
	$(BIN)/contrat-desktop

test: system-deps-test $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check contrat_desktop tests
	$(BIN)/ruff format --check contrat_desktop tests
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run.py

# Kill loops (> 1 000 SIGKILLs), lock race, hostile files, injected cells (~20 min; the
# test suite runs its short version).
reliability: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/reliability/run.py

# The Linux installer: PyInstaller one-folder app, then a .deb (outputs in packaging/build/).
deb: $(VENV)/.installed-build
	PYTHON=$(BIN)/python packaging/build_deb.sh

$(VENV)/.installed-build: $(STAMP)
	$(BIN)/python -m pip install -e ".[dev,build]"
	touch $@

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python >= 3.11 est nécessaire ($(PYTHON) est trop ancien)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[dev]"
	touch $(STAMP)

# Installs only what is missing; on other systems it does nothing.
system-deps-test:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(DEB_BASE) $(DEB_OFFSCREEN)"

system-deps-run:
	@$(MAKE) --no-print-directory _apt PACKAGES="$(DEB_BASE) $(DEB_OFFSCREEN) $(DEB_WINDOW)"

_apt:
	@if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	  if [ -n "$$missing" ]; then \
	    echo "Paquets Debian manquants : $$missing"; \
	    $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache packaging/build
