# Two commands matter: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: translations demo test soak lint bench bench-compare bundle demo-data screenshots clean system-deps

# Debian libraries Qt's xcb and offscreen platforms load at run time.
QT_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 \
	libxcb-randr0 libxcb-xkb1 libxcb-xinerama0
# And the X server the tests start to check the keys xcb really resolves (tests/ui/test_keys.py).
TEST_DEBS := xvfb

system-deps:
	@if command -v dpkg-query >/dev/null 2>&1; then \
		missing=$$(for p in $(QT_DEBS) $(TEST_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
		if [ -n "$$missing" ]; then \
			if [ "$$(id -u)" = 0 ]; then \
				echo "Installing Qt's system libraries: $$missing"; \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
			else \
				echo "Qt needs these system libraries. Run: sudo apt-get install -y $$missing"; exit 1; \
			fi; \
		fi; \
	fi

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $@ $(STAMP)

demo: system-deps $(STAMP)
	$(PY) -m mask_editor --demo

test: system-deps $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The undo state machine (tests/system/test_undo_machine.py), 20 times longer than in `make test`.
soak: system-deps $(TEST_STAMP)
	UNDO_MACHINE_SOAK=20 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/system/test_undo_machine.py

# The README's screenshots, taken of the real app under Xvfb with real key presses (needs xvfb, xdotool).
lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

# Each run is stored as JSON in $(BENCH_RUNS); bench-compare also prints the change against the last one.
# BENCH=NAME... runs only some suites (see benchmarks/__main__.py).
BENCH_RUNS ?= .bench/runs
bench: system-deps $(TEST_STAMP)
	BENCH_RUNS=$(BENCH_RUNS) QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --save $(BENCH)

bench-compare: system-deps $(TEST_STAMP)
	BENCH_RUNS=$(BENCH_RUNS) QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --compare $(BENCH)

bundle: system-deps $(TEST_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller build.spec

demo-data: $(STAMP)
	$(PY) -m mask_editor.demo.build resources/demo

# The pictures of docs/ (conflict.png, sync_review.png), staged against the fake server and grabbed
# under a real X server: DISPLAY=:NN make screenshots (start one with `Xvfb :NN -screen 0 1366x768x24 &`).
# The README's screenshots under Xvfb: the app itself driven by xdotool (docs/screenshots.py), then the
# states staged against the fake server (tests/screenshots/shots.py: a conflict, the sync review list).
screenshots: system-deps $(TEST_STAMP)
	@command -v xdotool >/dev/null || { echo "screenshots need xdotool: apt-get install -y xdotool"; exit 1; }
	$(PY) docs/screenshots.py
	Xvfb :98 -screen 0 1366x768x24 -nolisten tcp & xvfb=$$!; sleep 1; \
	DISPLAY=:98 QT_QPA_PLATFORM=xcb $(PY) -m pytest -q -p no:cacheprovider tests/screenshots/shots.py; \
	status=$$?; kill $$xvfb; exit $$status

clean:
	rm -rf build dist .pytest_cache

# The catalogues: every tr()/translate()/QT_TRANSLATE_NOOP string of the package into the French .ts (no
# locations, so the file changes only when a string does), the English plural forms ("1 mask", "2 masks"),
# then the .qm files the app loads (ui/platform/i18n.py). tests/test_translations.py checks they are current.
TS_DIR := resources/translations
TS_SOURCES = $(shell find mask_editor -name '*.py' | LC_ALL=C sort)
LUPDATE_FLAGS := -no-obsolete -locations none -source-language en
translations: $(TEST_STAMP)
	$(VENV)/bin/pyside6-lupdate $(TS_SOURCES) $(LUPDATE_FLAGS) -target-language fr_FR -ts $(TS_DIR)/mask_editor_fr.ts
	$(VENV)/bin/pyside6-lupdate -pluralonly $(TS_SOURCES) $(LUPDATE_FLAGS) -target-language en -ts $(TS_DIR)/mask_editor_en.ts
	$(VENV)/bin/pyside6-lrelease -nounfinished $(TS_DIR)/mask_editor_fr.ts $(TS_DIR)/mask_editor_en.ts
