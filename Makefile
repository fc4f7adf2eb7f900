# The two commands: `make run` (serve the embedded default on :8000) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
# As the image runs every process: glibc maps large blocks with huge pages (interview_platform/memory.py).
export GLIBC_TUNABLES ?= glibc.malloc.hugetlb=1

.PHONY: run test lint format worker beat migrate seed bench eval check-ci clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_questions

run: seed
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The worker (settings.CELERY_WORKER_ROLES: role `jobs`, every queue on one pool of threads).
worker: $(VENV)/.installed
	$(PY) -m interview_platform.workers jobs --loglevel=INFO

beat: $(VENV)/.installed
	$(VENV)/bin/celery -A interview_platform beat --loglevel=INFO

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

bench: $(VENV)/.installed-dev
	$(PY) -m bench $(BENCH_ARGS)

eval: $(VENV)/.installed
	$(PY) manage.py evaluate_analysis $(if $(EVAL_FILE),--file $(EVAL_FILE),) $(if $(EVAL_PROVIDER),--provider $(EVAL_PROVIDER),)
	$(PY) manage.py evaluate_followups --check
