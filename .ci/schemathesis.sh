#!/usr/bin/env bash
# A bounded schemathesis pass against a served instance (gunicorn, PostgreSQL, Redis), signed in
# as a freshly registered user: 0 server errors, 0 response-schema violations (every error is
# checked against the error envelope the schema documents), right content types, only documented
# status codes, every schema-valid request accepted and every schema-violating one refused
# (`.ci/schemathesis.toml` lists the few operations that also refuse valid bodies, and why).
#
# Seeded: SCHEMATHESIS_SEED (default a fixed one, so a CI failure reproduces with the same
# command); the seed is printed. Run with SCHEMATHESIS_SEED=random to explore new inputs.
#
# Left out, each covered by its own tests: operations that end or change the sign-in the run
# depends on (logout, MFA, password, e-mail, account deletion), OAuth sign-in (needs an identity
# provider: tests use a fake one) and question generation (the offline generator answers 503
# `ai_unavailable` by design once it runs out of unique questions for a category).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp -t schemathesis-server.XXXXXX)
export RATELIMIT_ENABLE=false AI_PROVIDER=offline JWT_ACCESS_MINUTES=60 DEBUG=false \
  ALLOWED_HOSTS=127.0.0.1,localhost CELERY_TASK_ALWAYS_EAGER=true
.venv/bin/gunicorn interview_platform.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
  --threads 4 --timeout 60 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 60); do curl -fsS "$BASE/api/ping" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$BASE/api/ping" >/dev/null || { echo "server did not start:"; tail -50 "$LOG"; exit 1; }

TOKEN=$(curl -fsS -X POST "$BASE/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\": \"schemathesis-$(date +%s)-$RANDOM@example.com\", \"password\": \"Schemathesis-pass-$RANDOM-x\", \"name\": \"Schemathesis\"}" \
  | $PY -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])')

SEED=${SCHEMATHESIS_SEED:-20261205}
[ "$SEED" = random ] && SEED=$RANDOM$RANDOM
CHECKS=not_a_server_error,response_schema_conformance,content_type_conformance
CHECKS=$CHECKS,status_code_conformance,positive_data_acceptance,negative_data_rejection
echo "schemathesis: seed $SEED (SCHEMATHESIS_SEED=$SEED bash .ci/schemathesis.sh reproduces it)"
echo "schemathesis: checks $CHECKS"

# One worker: hypothesis's lambda-source cache is not thread-safe (spurious runtime errors).
.venv/bin/schemathesis --config-file .ci/schemathesis.toml run "$BASE/api/schema" \
  -H "Authorization: Bearer $TOKEN" \
  --checks "$CHECKS" --seed "$SEED" \
  --phases examples,coverage,fuzzing \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-5}" --max-time "${SCHEMATHESIS_MAX_TIME:-240}" \
  --workers 1 --request-timeout 30 --no-color \
  --exclude-path-regex '^/api/(auth/(logout|mfa/|oauth/)|users/(password|account|email)|questions/generate)' \
  || { echo "schemathesis found problems; server log:"; tail -80 "$LOG"; exit 1; }
