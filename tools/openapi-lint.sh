#!/usr/bin/env bash
# Lints the gateway's merged OpenAPI document with Spectral (its OpenAPI rules + the OWASP API
# Security ruleset) and Redocly. Exit status 1 when either reports an error; warnings are printed
# and accepted ones are listed in gateway/README.md.
#
#   tools/openapi-lint.sh                      # the running gateway's document (./rapport up)
#   tools/openapi-lint.sh path/to/openapi.json # a saved document
#
# The linters come from the npm registry through npx, pinned, cached in .rapport/lint.
set -euo pipefail
cd "$(dirname "$0")/.."

SPECTRAL=@stoplight/spectral-cli@6.16.3
OWASP=@stoplight/spectral-owasp-ruleset@2.0.1
REDOCLY=@redocly/cli@2.77.0
LINT_DIR=.rapport/lint

command -v npx >/dev/null || { echo "openapi-lint: npx not found (install Node.js 18+)" >&2; exit 2; }

source=${1:-http://localhost:8080/q/openapi}
mkdir -p "$LINT_DIR"
document="$LINT_DIR/openapi.json"
if [ -f "$source" ]; then
  cp "$source" "$document"
else
  curl -fsS -H 'Accept: application/json' "$source?format=json" -o "$document" \
    || { echo "openapi-lint: cannot read $source (is ./rapport up running?)" >&2; exit 2; }
fi

if [ ! -d "$LINT_DIR/node_modules/@stoplight/spectral-owasp-ruleset" ] || [ ! -d "$LINT_DIR/node_modules/@redocly/cli" ]; then
  echo "openapi-lint: installing $SPECTRAL, $OWASP, $REDOCLY into $LINT_DIR"
  npm install --prefix "$LINT_DIR" --no-audit --no-fund --silent "$SPECTRAL" "$OWASP" "$REDOCLY" >/dev/null
fi

status=0
echo "== Spectral (spectral:oas + OWASP API Security) on $source"
# The ruleset sits beside node_modules so that its "extends" resolves the installed OWASP package.
cp tools/spectral.yaml "$LINT_DIR/spectral.yaml"
(cd "$LINT_DIR" && ./node_modules/.bin/spectral lint --ruleset spectral.yaml \
    --fail-severity error --format stylish openapi.json) || status=1
echo "== Redocly on $source"
cp tools/redocly.yaml "$LINT_DIR/redocly.yaml"
(cd "$LINT_DIR" && ./node_modules/.bin/redocly lint --config redocly.yaml --format stylish openapi.json) || status=1
[ "$status" -eq 0 ] && echo "openapi-lint: 0 errors" || echo "openapi-lint: errors found" >&2
exit "$status"
