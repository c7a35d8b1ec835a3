#!/usr/bin/env sh
# Generate src/types/api.generated.ts from the backend's OpenAPI schema (drf-spectacular), with
# openapi-typescript. `--check` regenerates into a temporary file and fails if the committed one
# differs: run `npm run api-types` after changing a serializer, and commit the result.
# Python is ${PYTHON:-../.venv/bin/python} (the repo venv `make install` creates).
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-../.venv/bin/python}
OUT=src/types/api.generated.ts
TMP=$(mktemp -d "${TMPDIR:-/tmp}/stagecall-api-types.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

DJANGO_DEBUG=1 "$PYTHON" ../backend/manage.py spectacular --format openapi-json --file "$TMP/schema.json"
npx --no-install openapi-typescript "$TMP/schema.json" --output "$TMP/api.ts" >/dev/null

if [ "${1:-}" = "--check" ]; then
  if ! diff -u "$OUT" "$TMP/api.ts"; then
    echo "api-types: $OUT is out of date with the backend's schema; run 'npm run api-types' and commit it." >&2
    exit 1
  fi
  echo "api-types: $OUT matches the backend's schema."
else
  cp "$TMP/api.ts" "$OUT"
  echo "api-types: wrote $OUT"
fi
