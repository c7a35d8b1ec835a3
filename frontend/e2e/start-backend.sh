#!/usr/bin/env bash
# Start the real Django backend for the end-to-end tests: a fresh SQLite
# database in a temporary folder, debug settings, and a fake Jitsi domain whose
# external_api.js the tests intercept (no Jitsi server runs in CI).
# Django also serves the built frontend (frontend/dist) at the same origin.
# Usage: PORT=8765 e2e/start-backend.sh   (run from frontend/; Playwright does this)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-../.venv/bin/python}
PORT=${PORT:-8765}
if [ ! -x "$PYTHON" ]; then
  echo "start-backend.sh: no Python at $PYTHON (run 'make install' at the repo root, or set PYTHON)" >&2
  exit 1
fi
if [ ! -f dist/index.html ]; then
  echo "start-backend.sh: frontend/dist is missing; run 'npm run build' first" >&2
  exit 1
fi

TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/stagecall-e2e.XXXXXX")
trap 'rm -rf "$TMP_DIR"' EXIT

export DATABASE_URL="sqlite:///$TMP_DIR/e2e.sqlite3"
export DJANGO_DEBUG=1
export JITSI_DOMAIN=meet.e2e.test
export JITSI_APP_ID=stagecall
export JITSI_APP_SECRET=e2e-test-only-jitsi-secret-0123456789abcdefghijklmnop
export TASKS_BACKEND=immediate
# Recordings: the tests play Jibri, writing into the inbox (its path comes from playwright.config.ts)
# and announcing the file with this test-only secret; the copy runs at once (TASKS_BACKEND).
export RECORDINGS_SECRET=e2e-test-only-recordings-secret-0123456789abcdef
export RECORDINGS_INBOX_DIR=${E2E_RECORDINGS_INBOX:-$TMP_DIR/recordings-inbox}
export MEDIA_ROOT="$TMP_DIR/media"
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
# Every page load refreshes the session once, and the tests load many pages, create many webinars
# and register and join often, all from 127.0.0.1: the per-address limits would refuse them.
export THROTTLE_AUTH_RATE=10000/min
export THROTTLE_REFRESH_RATE=10000/min
export THROTTLE_REGISTER_RATE=10000/min
export THROTTLE_JOIN_RATE=10000/min
export THROTTLE_CREATE_RATE=10000/hour
export FRONTEND_DIST="$PWD/dist"
export FRONTEND_URL="http://127.0.0.1:$PORT"
unset REDIS_URL

"$PYTHON" ../backend/manage.py migrate --noinput >"$TMP_DIR/migrate.log" 2>&1 || { cat "$TMP_DIR/migrate.log" >&2; exit 1; }
# Not exec: when Playwright stops us, stop the server and remove the temporary database.
# The request log goes to a file (an artifact), so test output stays readable.
LOG=${E2E_BACKEND_LOG:-e2e/logs/backend.log}
mkdir -p "$(dirname "$LOG")"
echo "start-backend.sh: serving on 127.0.0.1:$PORT, log in frontend/$LOG" >&2
"$PYTHON" ../backend/manage.py runserver "127.0.0.1:$PORT" --noreload >"$LOG" 2>&1 &
SERVER=$!
cleanup() {
  set +e
  trap - EXIT INT TERM
  kill "$SERVER" 2>/dev/null
  wait "$SERVER" 2>/dev/null
  rm -rf "$TMP_DIR"
  rmdir "$RECORDINGS_INBOX_DIR" 2>/dev/null # left by playwright.config.ts; the backend empties it
}
trap cleanup EXIT
trap 'cleanup; exit 143' INT TERM
wait "$SERVER"
