# Commentary Archive — the two commands: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run demo bench-desk browser-deps screenshots serve test test-sqlite test-postgres install migrate seed bench loadtest backup restore lint clean citeproc-js

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

## Serve the archive on http://127.0.0.1:$(PORT)/ (embedded SQLite, seeds imported).
run: install local.env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_commentaries seeds/
	@# A failed account creation is reported (with Django's reason above it) but does not stop the server.
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ]; then \
		if [ -z "$$DJANGO_SUPERUSER_PASSWORD" ]; then \
			echo "Note: DJANGO_SUPERUSER_PASSWORD is not set; the account, if created, has no usable password."; fi; \
		$(BIN)/python manage.py createsuperuser --noinput \
		&& echo "Editor account \"$$DJANGO_SUPERUSER_USERNAME\" created." \
		|| echo "Editor account \"$$DJANGO_SUPERUSER_USERNAME\" was NOT created (reason above: it may already exist, or DJANGO_SUPERUSER_EMAIL is missing); serving anyway."; \
	fi
	@echo ""
	@echo "Editors: create an account with  $(BIN)/python manage.py createsuperuser"
	@echo "  (or set DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD before make run)"
	@echo "  then sign in at http://127.0.0.1:$(PORT)/admin/ (the review desk: /admin/archive/statementreview/desk/)"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Local development settings (git-ignored): DEBUG on and a generated SECRET_KEY, read by config/settings.py,
## so plain `.venv/bin/python manage.py ...` works. Delete the file to make a new key. Never on a production server.
local.env:
	@printf '# Written by `make run` for this checkout only (git-ignored). The environment overrides these.\nDEBUG=1\nSECRET_KEY=%s\n' \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote local.env (DEBUG=1 and a generated SECRET_KEY) for development."

## A demo on its own database (var/demo.sqlite3): $(DEMO_ENTRIES) generated commentaries, marked as generated,
## plus the seeds, with machine suggestions waiting at the review desk; then serve it.
DEMO_ENTRIES ?= 3000
DEMO_DB := sqlite:///$(CURDIR)/var/demo.sqlite3
demo: install local.env
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py migrate --noinput
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py build_demo --entries $(DEMO_ENTRIES)
	DATABASE_URL=$(DEMO_DB) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Production server: gunicorn (config/gunicorn.py) with DEBUG=0 on the configured database
## (DATABASE_URL, default the embedded SQLite), and two background workers: imports, and
## long list exports (at low CPU priority: a whole-archive build must not slow the pages). SECRET_KEY defaults to one generated once into var/secret_key.
SERVE_ENV = DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}"
serve: install
	@mkdir -p var && test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Serving on http://$${BIND:-127.0.0.1:$(PORT)}/ (health: /healthz); Ctrl-C stops the server and the worker."
	$(SERVE_ENV) $(BIN)/python manage.py db_worker --queue-name default & IMPORTS=$$!; \
		$(SERVE_ENV) nice -n 10 $(BIN)/python manage.py db_worker --queue-name exports & EXPORTS=$$!; \
		trap 'kill $$IMPORTS $$EXPORTS 2>/dev/null' EXIT INT TERM; \
		$(SERVE_ENV) $(BIN)/gunicorn -c config/gunicorn.py config.wsgi

## Backup and restore (README, "Backup and restore"): BACKUP=folder.
BACKUP ?= backups/$(shell date +%Y%m%d-%H%M%S)
backup: install
	$(BIN)/python manage.py backup_archive $(BACKUP)
restore: install
	@test -n "$(BACKUP)" && test -d "$(BACKUP)" || { echo "make restore BACKUP=path/to/backup-folder"; exit 2; }
	$(BIN)/python manage.py restore_archive $(BACKUP)

## Run the whole suite on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL is set.
test: install test-sqlite
	@if [ -n "$$TEST_POSTGRES_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "TEST_POSTGRES_URL not set: PostgreSQL run skipped."; fi

test-sqlite: install
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install
	@echo "== test suite on PostgreSQL ($$TEST_POSTGRES_URL) =="
	DATABASE_URL="$$TEST_POSTGRES_URL" $(BIN)/python -m pytest $(PYTEST_ARGS)

## The review desk's benchmark alone: ten decisions in a real browser at 10,000 entries.
bench-desk: install
	$(MAKE) --no-print-directory bench BENCH_ARGS="--sizes 10000 --only desk --output bench-results/desk.md"

## What the browser tests need besides requirements.txt: Debian's chromium (as root) and axe-core from npm.
browser-deps:
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium chromium-driver)
	npm ci --prefix tests/browser --no-audit --no-fund

## Refresh the README's screenshots (docs/screenshots/), taken by the browser tests.
screenshots: install
	SCREENSHOTS_DIR=docs/screenshots env -u DATABASE_URL $(BIN)/python -m pytest -q tests/browser -k "editor_reviews or visitor_searches"

## citeproc-js from the npm registry (pinned in tests/citeproc_js/package-lock.json), for the tests that
## render our CSL-JSON with the reference CSL processor; without npm they skip (CI installs Node: .ci/run).
citeproc-js:
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/citeproc_js --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the citeproc-js tests will skip (apt-get install nodejs npm, then make citeproc-js)"; fi

## Benchmarks (SQLite by default; DATABASE_URL selects PostgreSQL).
bench: install
	DEBUG=0 SECRET_KEY=bench-only-$$(date +%s)-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \
		$(BIN)/python manage.py bench $(BENCH_ARGS)

.PHONY: quotes-evaluate quotes-train quotes-train-dev pin-quotes
## The quote engine on real text: figures on the development split, retraining, pinned outcomes.
quotes-evaluate: install
	$(BIN)/python -m archive.quotes.evaluate real:dev --summary

## The model the locked test split is scored with: fitted on train and dev, calibrated out of fold.
quotes-train: install
	$(BIN)/python -m archive.quotes.train --train real:train --calibrate real:dev --final 5

## The development loop: train split -> weights, dev -> thresholds and calibration (dev stays out of sample).
quotes-train-dev: install
	$(BIN)/python -m archive.quotes.train --train real:train --calibrate real:dev

pin-quotes: install
	mkdir -p tests/data/quotes/outcomes
	$(BIN)/python -m archive.quotes.evaluate real:train --summary --pin tests/data/quotes/outcomes/real-train.txt > /dev/null
	$(BIN)/python -m archive.quotes.evaluate real:dev --summary --pin tests/data/quotes/outcomes/real-dev.txt > /dev/null
	$(BIN)/python -m archive.quotes.evaluate tests/data/quotes/passages.jsonl --summary --pin tests/data/quotes/outcomes/written-passages.txt > /dev/null
	$(BIN)/python -m archive.quotes.evaluate tests/data/seed-quotes.jsonl --summary --pin tests/data/quotes/outcomes/seeds.txt > /dev/null
	@git diff --stat -- tests/data/quotes/outcomes/ || true

## Load benchmark (archive/bench/load.py): gunicorn on the corpus of 100,000 entries, wrk over loopback.
## PostgreSQL by default; needs wrk (apt-get install wrk) and Redis at BENCH_REDIS_URL.
LOADTEST_DB ?= postgres://postgres@127.0.0.1:5432/archive
loadtest: install
	DATABASE_URL=$${DATABASE_URL:-$(LOADTEST_DB)} $(MAKE) --no-print-directory bench \
		BENCH_ARGS="--sizes $${LOADTEST_SIZE:-100000} --only load --output bench-results/load.md"

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache tests/citeproc_js/node_modules
