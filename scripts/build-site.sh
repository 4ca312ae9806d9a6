#!/usr/bin/env bash
# Build the deployable site (release, wasm-opt -Os and the passes index.html lists) into dist/.
#   scripts/build-site.sh                          relative asset URLs (./): works from any
#                                                  directory, served with a trailing slash
#   PUBLIC_URL=/some/path/ scripts/build-site.sh   absolute URLs for hosting under /some/path/
#   SLA_VENDORS=acme,threepbx SLA_POLICIES=tests/fixtures/acme.json scripts/build-site.sh
#                                                  only those vendors (one: no vendor choice,
#                                                  the header and title name it); SLA_POLICIES
#                                                  adds policy files or folders
# Env: DIST (output dir, default dist), SKIP_SETUP=1 (don't run scripts/setup.sh).
# The catalog and zones are generated from the policies first (generate, scripts/lib.sh).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PUBLIC_URL="${PUBLIC_URL:-./}"
DIST="${DIST:-dist}"

if [[ "${SKIP_SETUP:-0}" != 1 ]]; then
  "$REPO_ROOT/scripts/setup.sh"
fi

generate

# The linker and, on the measured toolchain, the size options (scripts/lib.sh).
use_site_build_options

log "trunk build --release (public URL $PUBLIC_URL) into $DIST/"
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$DIST"

# The ticket audit is a page of its own (audit.html, its wasm and worker), so
# the calculator's first load carries none of it. Trunk empties the folder
# it builds into, so the audit is built beside dist/ and moved in.
audit_stage="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/audit-stage"
log "trunk build --release audit.html (public URL $PUBLIC_URL) into $DIST/"
rm -rf "$audit_stage"
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$audit_stage" audit.html
[[ -f "$audit_stage/index.html" ]] || die "trunk wrote no index.html for audit.html in $audit_stage"
mv "$audit_stage/index.html" "$DIST/audit.html"
for f in "$audit_stage"/*; do
  [[ ! -e "$DIST/$(basename "$f")" ]] || die "the audit build and the calculator's both ship $(basename "$f")"
  mv "$f" "$DIST/"
done

if [[ "$(printf '%s\n' "$SITE_VENDORS" | wc -l)" == 1 ]]; then
  log "name the vendor in the static header and title ($DIST/index.html)"
  tab=$'\t'
  node scripts/vendor-page.mjs "$DIST" "${SITE_VENDORS#*"$tab"}"
fi

log "fit the JS glue to the wasm ($DIST/)"
node scripts/fit-glue.mjs "$DIST"

log "content security policy and integrity ($DIST/index.html, $DIST/audit.html)"
node scripts/csp.mjs "$DIST"

log "site contents ($DIST/)"
node bench/bytes.mjs --dist "$DIST" --budget 0 --audit-budget 0
