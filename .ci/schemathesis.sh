#!/usr/bin/env bash
# A bounded schemathesis pass against a served instance (gunicorn, PostgreSQL, Redis, the seeded
# question bank), signed in as freshly registered users, with every check schemathesis has:
# 0 server errors, 0 response-schema violations (every error is checked against the error
# envelope the schema documents), right content types and headers, only documented status codes,
# every schema-valid request accepted and every schema-violating one refused
# (`.ci/schemathesis.toml` lists the few operations that also refuse valid bodies, and why),
# missing auth and required headers refused, undocumented methods answered 405 with `Allow`,
# created resources readable and deleted ones gone (stateful phase, following the schema's
# links), one user's resources not readable by another, and no response slower than
# SCHEMATHESIS_MAX_RESPONSE_TIME seconds (a stall guard; the spec's targets are `make bench`'s).
#
# Seeded: SCHEMATHESIS_SEED (default a fixed one, so a CI failure reproduces with the same
# command); the seed is printed. Run with SCHEMATHESIS_SEED=random to explore new inputs.
# SCHEMATHESIS_CHECKS / SCHEMATHESIS_PHASES narrow a run while debugging.
#
# Four passes: the user's operations as one user (a second user is the peer whose reads
# object_level_authorization replays); the staff operations (`/api/admin/*`) as a staff user;
# the operations that end or change a sign-in (logout, MFA, password, e-mail, account deletion)
# with a fresh, re-authenticated user for every test case (`.ci/schemathesis_hooks.py`), so none
# can sign out the next; and Google and LinkedIn sign-in against the tests' fake identity
# provider (`.ci/schemathesis_oauth_hooks.py`). Every pass runs; the script fails at the end if
# any found a problem. SCHEMATHESIS_PASSES="staff oauth" runs some of them only.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp -t schemathesis-server.XXXXXX)
# An unmigrated database serves /api/ping and then a 500 at the first query (register).
$PY manage.py migrate --check >/dev/null 2>&1 || {
  echo "the database (DATABASE_URL) has unapplied migrations: run manage.py migrate first"; exit 1; }
# The question bank, as a deployment has it (idempotent): sessions and job practice pick from it.
$PY manage.py seed_questions >/dev/null
# Google and LinkedIn point at the fake identity provider of the tests, which the OAuth pass
# runs on IDP_PORT (`.ci/schemathesis_oauth_hooks.py`).
IDP_PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
IDP="http://127.0.0.1:$IDP_PORT"
export GOOGLE_CLIENT_ID=test-client.apps.googleusercontent.com GOOGLE_CLIENT_SECRET=test-secret \
  GOOGLE_CERTS_URL="$IDP/google/certs" GOOGLE_TOKEN_URL="$IDP/google/token" \
  GOOGLE_USERINFO_URL="$IDP/google/userinfo" LINKEDIN_CLIENT_ID=linkedin-test-client \
  LINKEDIN_CLIENT_SECRET=test-secret LINKEDIN_SERVER_URL="$IDP/linkedin"
export RATELIMIT_ENABLE=false AI_PROVIDER=offline JWT_ACCESS_MINUTES=60 DEBUG=false \
  ALLOWED_HOSTS=127.0.0.1,localhost CELERY_TASK_ALWAYS_EAGER=true \
  SESSIONS_PER_DAY_FREE=100000
.venv/bin/gunicorn interview_platform.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
  --threads 4 --timeout 60 >"$LOG" 2>&1 &
SERVER=$!
SETUP_OUT= WFC= USER_CONFIG=  # hold the users' tokens: removed on exit
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
  rm -f "$SETUP_OUT" "$WFC" "$USER_CONFIG"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 60); do curl -fsS "$BASE/api/ping" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$BASE/api/ping" >/dev/null || { echo "server did not start:"; tail -50 "$LOG"; exit 1; }

# Three users: one for the pass over the user's operations, a peer who must not see its objects
# (object_level_authorization replays its reads as the peer), and one made staff for the admin
# pass.
# Resources of the first for the operations that read one by id (a random id is only ever a
# 404): a job profile and a session practising it, an analysed answer with its question, and a
# finished export with its signed download link. `.ci/schemathesis.toml` uses them for the
# operations that read or change one; the DELETEs keep random ids.
SETUP_OUT=$(mktemp -t schemathesis-setup.XXXXXX)
$PY - "$BASE" >"$SETUP_OUT" <<'SETUP' || { cat "$SETUP_OUT"; echo "setup failed; server log:"; tail -80 "$LOG"; exit 1; }
import json, secrets, sys, urllib.error, urllib.parse, urllib.request
base = sys.argv[1]
def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        base + path, method=method, headers=headers,
        data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        sys.exit(f"setup: {method} {path} answered {error.code}: {error.read()[:2000]!r}")
def register(name):
    return call("POST", "/api/auth/register", {
        "email": f"schemathesis-{name}-{secrets.token_hex(6)}@example.com",
        "password": f"Schemathesis-{secrets.token_urlsafe(12)}", "name": "Schemathesis"})
user, peer, staff = register("user"), register("peer"), register("staff")
token = user["accessToken"]
profile = call("POST", "/api/jobs/profiles", {"description": (
    "Backend engineer. You will design and run Python and Django services on PostgreSQL, "
    "review code, mentor juniors and work with product managers on the roadmap. "
    "Requirements: 3+ years of Python, SQL, Docker, testing; Kubernetes is a plus.")}, token)
requirements = [{"kind": item["kind"], "text": item["text"]} for item in profile["requirements"]]
call("PUT", f"/api/jobs/profiles/{profile['id']}/requirements", {"requirements": requirements}, token)
job_session = call("POST", f"/api/jobs/profiles/{profile['id']}/sessions", {}, token)
analysis = call("POST", "/api/analysis/answer?wait=30", {
    "question": "Tell me about a project you led from start to finish.",
    "category": "software_engineering", "language": "en",
    "answer": "I led the migration of our billing service to PostgreSQL. I planned it in three "
    "steps, wrote the tests first and moved 2 million rows without downtime in 6 weeks."}, token)
export = call("POST", "/api/analytics/export", {"format": "json", "scope": "all"}, token)
export = call("GET", f"/api/analytics/export/{export['id']}", token=token)
download = urllib.parse.urlsplit(export["downloadUrl"] or "")
print(f"export SCHEMATHESIS_TOKEN={token}")
print(f"export SCHEMATHESIS_PEER_TOKEN={peer['accessToken']}")
print(f"export SCHEMATHESIS_STAFF_TOKEN={staff['accessToken']}")
print(f"export SCHEMATHESIS_STAFF_EMAIL={staff['user']['email']}")
print(f"export SCHEMATHESIS_PROFILE_ID={profile['id']}")
print(f"export SCHEMATHESIS_SESSION_ID={job_session['id']}")
print(f"export SCHEMATHESIS_ANALYSIS_ID={analysis['id']}")
print(f"export SCHEMATHESIS_QUESTION_ID={analysis['questionId']}")
print(f"export SCHEMATHESIS_EXPORT_ID={export['id']}")
print(f"export SCHEMATHESIS_EXPORT_TOKEN={urllib.parse.parse_qs(download.query)['token'][0]}")
SETUP
# shellcheck disable=SC1090
. "$SETUP_OUT"
# Staff is the admin role (what Django admin and `/api/admin/*` check).
$PY manage.py shell -c "from accounts.models import Role, User
User.objects.filter(email='$SCHEMATHESIS_STAFF_EMAIL').update(role=Role.ADMIN)"

SEED=${SCHEMATHESIS_SEED:-20261205}
[ "$SEED" = random ] && SEED=$RANDOM$RANDOM
CHECKS=${SCHEMATHESIS_CHECKS:-all}
PHASES=${SCHEMATHESIS_PHASES:-examples,coverage,fuzzing,stateful}
MAX_RESPONSE_TIME=${SCHEMATHESIS_MAX_RESPONSE_TIME:-15}
echo "schemathesis: seed $SEED (SCHEMATHESIS_SEED=$SEED bash .ci/schemathesis.sh reproduces it)"
echo "schemathesis: checks $CHECKS, phases $PHASES, max response time ${MAX_RESPONSE_TIME}s"

RISKY='^/api/(auth/(logout|mfa/)|users/(password|account|email))'
# Every pass runs even when one fails (each reports its own failures); the script fails at the end.
FAILED=
failed() { FAILED="$FAILED $1"; }
# Every check is on by default. `--checks all` on the command line would also override the
# per-operation `enabled = false` in `.ci/schemathesis.toml` (command-line choices win over the
# file), so the option is passed only to narrow a run.
CHECK_OPTIONS=()
[ "$CHECKS" = all ] || CHECK_OPTIONS=(--checks "$CHECKS")
run() {
  # One worker: hypothesis's lambda-source cache is not thread-safe (spurious runtime errors).
  .venv/bin/schemathesis --config-file "${CONFIG:-.ci/schemathesis.toml}" run "$BASE/api/schema" \
    ${CHECK_OPTIONS[@]+"${CHECK_OPTIONS[@]}"} --max-response-time "$MAX_RESPONSE_TIME" --seed "$SEED" \
    --phases "$PHASES" --workers 1 --request-timeout 30 --no-color "$@"
}

# The first pass signs in as the user through a Web Fuzzing Commons document naming the peer too.
WFC=$(mktemp --suffix=.json -t schemathesis-wfc.XXXXXX)
USER_CONFIG=$(mktemp --suffix=.toml -t schemathesis-config.XXXXXX)
$PY - "$WFC" <<'WFC_DOCUMENT'
import json, os, sys
users = {"user": os.environ["SCHEMATHESIS_TOKEN"], "peer": os.environ["SCHEMATHESIS_PEER_TOKEN"]}
auth = [{"name": name, "fixedHeaders": [{"name": "Authorization", "value": f"Bearer {token}"}]}
        for name, token in users.items()]
json.dump({"schemaVersion": "1.0.0", "auth": auth}, open(sys.argv[1], "w"))
WFC_DOCUMENT
{ cat .ci/schemathesis.toml; printf '\n[auth.wfc]\npath = "%s"\nuser = "user"\npeers = ["user", "peer"]\n' "$WFC"; } >"$USER_CONFIG"

PASSES=" ${SCHEMATHESIS_PASSES:-user staff sign-in oauth} "
want() { [[ "$PASSES" == *" $1 "* ]]; }
MAX_EXAMPLES=${SCHEMATHESIS_MAX_EXAMPLES:-5}

if want user; then
  echo "== schemathesis: signed in as one user, all but the staff, sign-in changing and OAuth operations"
  CONFIG="$USER_CONFIG" run \
    --exclude-path-regex '^/api/(admin/|auth/(logout|mfa/|oauth/)|users/(password|account|email))' \
    --max-examples "$MAX_EXAMPLES" --max-time "${SCHEMATHESIS_MAX_TIME:-190}" || failed user
fi
if want staff; then
  echo "== schemathesis: the staff operations, signed in as staff"
  run -H "Authorization: Bearer $SCHEMATHESIS_STAFF_TOKEN" --include-path-regex '^/api/admin/' \
    --max-examples "$MAX_EXAMPLES" --max-time "${SCHEMATHESIS_STAFF_MAX_TIME:-60}" || failed staff
fi
if want sign-in; then
  echo "== schemathesis: sign-in changing operations, a fresh user for every test case"
  SCHEMATHESIS_HOOKS=.ci/schemathesis_hooks.py SCHEMATHESIS_BASE_URL="$BASE" \
    run --include-path-regex "$RISKY" \
    --max-examples "$MAX_EXAMPLES" --max-time "${SCHEMATHESIS_RISKY_MAX_TIME:-90}" || failed sign-in
fi
if want oauth; then
  echo "== schemathesis: OAuth sign-in against the fake identity provider"
  SCHEMATHESIS_HOOKS=.ci/schemathesis_oauth_hooks.py SCHEMATHESIS_IDP_PORT="$IDP_PORT" \
    run --include-path-regex '^/api/auth/oauth/' \
    --max-examples "$MAX_EXAMPLES" --max-time "${SCHEMATHESIS_OAUTH_MAX_TIME:-30}" || failed oauth
fi
if [ -n "$FAILED" ]; then
  echo "schemathesis found problems in the pass(es):$FAILED; server log:"
  tail -80 "$LOG"
  exit 1
fi
