# Two commands for a fresh machine: `make run` (set up + serve with demo data) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HTMX_VERSION := 2.0.11
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test setup translations lint browser-deps

run: setup
	$(BIN)/companion init-db --demo-if-empty
	$(BIN)/companion run --host 127.0.0.1 --port 5000

setup: $(VENV)/.installed static/vendor/htmx.min.js companion/translations/bg/LC_MESSAGES/messages.mo

# torch first and pinned: unpinned, pip would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip wheel setuptools
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# htmx comes from the npm registry package, not a CDN and not pasted into the repo.
static/vendor/htmx.min.js:
	mkdir -p static/vendor $(VENV)/npm-cache
	cd $(VENV)/npm-cache && npm pack --silent htmx.org@$(HTMX_VERSION) >/dev/null
	tar -xzf $(VENV)/npm-cache/htmx.org-$(HTMX_VERSION).tgz -C $(VENV)/npm-cache
	cp $(VENV)/npm-cache/package/dist/htmx.min.js $@

companion/translations/bg/LC_MESSAGES/messages.mo: companion/translations/bg/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile -d companion/translations

# Re-extract strings, merge them into the catalogue and compile (run after changing UI text).
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_pgettext:1c,2 -o companion/translations/messages.pot .
	$(BIN)/pybabel update -i companion/translations/messages.pot -d companion/translations --no-fuzzy-matching
	$(BIN)/pybabel compile -d companion/translations

browser-deps:
	command -v chromium >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup browser-deps lint
	$(BIN)/pytest -q
	COMPANION_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q -m "not browser and not slow" -p no:cacheprovider
