# The two commands: `make run` (serve the embedded default on :8000) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
# As the image runs every process: glibc maps large blocks with huge pages (interview_platform/memory.py).
export GLIBC_TUNABLES ?= glibc.malloc.hugetlb=1

.PHONY: run test lint format worker worker-io worker-cpu worker-exports worker-housekeeping beat migrate seed bench eval check-ci clean

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

# The worker roles of settings.CELERY_WORKER_ROLES, each its own worker with its own concurrency:
# `io` (provider calls, threads), `cpu` (offline scoring, processes), `exports` (processes) and
# `housekeeping` (beat's tasks and e-mail, threads). `make worker` runs them all.
WORKER_ROLES := io cpu exports housekeeping
worker: $(VENV)/.installed
	trap 'kill 0' INT TERM; \
	for role in $(WORKER_ROLES); do \
	  $(PY) -m interview_platform.workers $$role --loglevel=INFO & \
	done; \
	wait

$(WORKER_ROLES:%=worker-%): $(VENV)/.installed
	$(PY) -m interview_platform.workers $(@:worker-%=%) --loglevel=INFO

beat: $(VENV)/.installed
	$(VENV)/bin/celery -A interview_platform beat --loglevel=INFO

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

bench: $(VENV)/.installed-dev
	$(PY) -m bench $(BENCH_ARGS)

eval: $(VENV)/.installed
	$(PY) manage.py evaluate_analysis $(if $(EVAL_FILE),--file $(EVAL_FILE),) $(if $(EVAL_PROVIDER),--provider $(EVAL_PROVIDER),)
	$(PY) manage.py evaluate_followups --check
