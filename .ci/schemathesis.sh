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
# Two passes: everything but the operations that end or change a sign-in, as one user; then those
# (logout, MFA, password, e-mail, account deletion) with a fresh, re-authenticated user for every
# test case (`.ci/schemathesis_hooks.py`), so none can sign out the next. Left out: OAuth sign-in
# only (it calls the identity provider over the network; tests use a fake one).
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

# Resources of that user for the operations that read one by id (a random id is only ever a
# 404): a job profile and an analysed answer with its question. `.ci/schemathesis.toml` uses
# them for the operations that read or change one; the DELETEs keep random ids.
eval "$($PY - "$BASE" "$TOKEN" <<'SETUP'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None):
    request = urllib.request.Request(
        base + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())
profile = call("POST", "/api/jobs/profiles", {"description": (
    "Backend engineer. You will design and run Python and Django services on PostgreSQL, "
    "review code, mentor juniors and work with product managers on the roadmap. "
    "Requirements: 3+ years of Python, SQL, Docker, testing; Kubernetes is a plus.")})
analysis = call("POST", "/api/analysis/answer?wait=30", {
    "question": "Tell me about a project you led from start to finish.",
    "category": "software_engineering", "language": "en",
    "answer": "I led the migration of our billing service to PostgreSQL. I planned it in three "
    "steps, wrote the tests first and moved 2 million rows without downtime in 6 weeks."})
print(f"export SCHEMATHESIS_PROFILE_ID={profile['id']}")
print(f"export SCHEMATHESIS_ANALYSIS_ID={analysis['id']}")
print(f"export SCHEMATHESIS_QUESTION_ID={analysis['questionId']}")
SETUP
)"

SEED=${SCHEMATHESIS_SEED:-20261205}
[ "$SEED" = random ] && SEED=$RANDOM$RANDOM
CHECKS=not_a_server_error,response_schema_conformance,content_type_conformance
CHECKS=$CHECKS,status_code_conformance,positive_data_acceptance,negative_data_rejection
echo "schemathesis: seed $SEED (SCHEMATHESIS_SEED=$SEED bash .ci/schemathesis.sh reproduces it)"
echo "schemathesis: checks $CHECKS"

RISKY='^/api/(auth/(logout|mfa/)|users/(password|account|email))'
failed() { echo "schemathesis found problems; server log:"; tail -80 "$LOG"; exit 1; }
run() {
  # One worker: hypothesis's lambda-source cache is not thread-safe (spurious runtime errors).
  .venv/bin/schemathesis --config-file .ci/schemathesis.toml run "$BASE/api/schema" \
    --checks "$CHECKS" --seed "$SEED" --phases examples,coverage,fuzzing \
    --workers 1 --request-timeout 30 --no-color "$@"
}

echo "== schemathesis: signed in as one user, all but the sign-in changing operations"
run -H "Authorization: Bearer $TOKEN" \
  --exclude-path-regex '^/api/(auth/(logout|mfa/|oauth/)|users/(password|account|email))' \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-5}" --max-time "${SCHEMATHESIS_MAX_TIME:-240}" \
  || failed
echo "== schemathesis: sign-in changing operations, a fresh user for every test case"
SCHEMATHESIS_HOOKS=.ci/schemathesis_hooks.py SCHEMATHESIS_BASE_URL="$BASE" \
  run --include-path-regex "$RISKY" \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-5}" --max-time "${SCHEMATHESIS_RISKY_MAX_TIME:-120}" \
  || failed
