# Stagecall: `make run` serves the whole app on http://127.0.0.1:8000; `make test` runs every suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-requirements
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails, .ics files and event_url point here: the address `make run` serves, unless set.
FRONTEND_URL ?= http://$(HOST):$(PORT)
# The throw-away PostgreSQL database for `make test-postgres` (pytest-django creates test_<name>).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/stagecall
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
HAS_FRONTEND := $(wildcard frontend/package.json)
HAS_STACK_TESTS := $(wildcard jitsi/tests)

.PHONY: help install run frontend superuser test lint-python test-backend test-stack test-frontend test-postgres security-report benchmark bench jitsi-config jitsi-check clean

help:
	@echo "make run            set up and serve the app on http://$(HOST):$(PORT) (SQLite, local cache, demo data)"
	@echo "make test           run every test suite (backend, stack config, frontend)"
	@echo "make test-postgres  run the backend suite against PostgreSQL and Redis on 127.0.0.1"
	@echo "make superuser      create an account for /admin/ (local database)"
	@echo "make security-report run Schemathesis long and the security suites; figures into docs/security.md"
	@echo "make benchmark      measure the hot endpoints (docs/benchmarks.md)"
	@echo "make jitsi-config   write a .env with fresh secrets for docker compose"
	@echo "make jitsi-check    after docker compose up: check Jitsi, tokens, events and shared settings"

$(INSTALLED): requirements.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(INSTALLED)

# npm ci only when the lockfile changed, the build only when a source did: `make run` starts fast.
# (npm ci writes node_modules/.package-lock.json; the build writes dist/index.html.)
ifneq ($(HAS_FRONTEND),)
FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/package.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build

frontend: frontend/dist/index.html
else
frontend:
endif

DJANGO_LOCAL := cd backend && DJANGO_DEBUG=1 TASKS_BACKEND=immediate FRONTEND_URL=$(FRONTEND_URL) ../$(PY) manage.py

run: install frontend
	$(DJANGO_LOCAL) migrate --noinput
	$(DJANGO_LOCAL) seed_demo
	$(DJANGO_LOCAL) runserver $(HOST):$(PORT)

superuser: install
	$(DJANGO_LOCAL) migrate --noinput
	$(DJANGO_LOCAL) createsuperuser

test: lint-python test-backend test-stack test-frontend

lint-python: install
	$(PY) -m ruff check backend jitsi
	$(PY) -m ruff format --check backend jitsi

test-backend: install
	cd backend && ../$(PY) -m pytest -q

test-stack: install
ifneq ($(HAS_STACK_TESTS),)
	$(PY) -m pytest -q jitsi/tests
endif

test-frontend: install
ifneq ($(HAS_FRONTEND),)
	cd frontend && npm ci --no-audit --no-fund
	cd frontend && npm run api-types:check && npm run typecheck && npm run lint && npm test && npm run e2e
endif

test-postgres: install
	cd backend && DATABASE_URL=$(POSTGRES_URL) REDIS_URL=$(REDIS_TEST_URL) ../$(PY) -m pytest -q

# The long version of the security tests: Schemathesis with 50 examples per operation and a fresh
# seed (SCHEMATHESIS_MAX_EXAMPLES, SCHEMATHESIS_SEED to choose), then the security suites; the
# figures table in docs/security.md is rewritten with what this run measured.
security-report: install
	cd backend && ../$(PY) -m common.security_report

benchmark: install
	$(PY) backend/benchmarks/run.py

# The Go-Live rush over HTTP: gunicorn + PostgreSQL + Redis, loaded by wrk (apt-get install wrk).
bench: install
	cd backend && ../$(PY) benchmarks/http_bench.py

jitsi-config:
	bash jitsi/generate-env.sh

# The operator's smoke test of a running compose stack: Prosody's environment is compared with the
# backend's inside the backend container (secrets are compared there, never printed).
jitsi-check:
	docker compose exec -T prosody env | docker compose exec -T backend python manage.py jitsi_check --jitsi-env -

clean:
	rm -rf $(VENV) backend/db.sqlite3 backend/staticfiles frontend/node_modules frontend/dist
