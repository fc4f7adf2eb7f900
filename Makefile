# The two commands: `make run` (serve the embedded default on :8000) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test lint format worker worker-io worker-cpu beat migrate seed bench eval check-ci clean

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

# The two worker roles of settings.CELERY_WORKER_ROLES: `io` (provider calls, threads) and `cpu`
# (offline scoring, exports, beat's housekeeping; processes). `make worker` runs both.
worker: $(VENV)/.installed
	trap 'kill 0' INT TERM; \
	$(PY) -m interview_platform.workers io --loglevel=INFO & \
	$(PY) -m interview_platform.workers cpu --loglevel=INFO & \
	wait

worker-io worker-cpu: $(VENV)/.installed
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
