#!/usr/bin/env bash
# Build the deployable site (release, wasm-opt -Oz) into dist/.
#   scripts/build-site.sh                          relative asset URLs (./): works from any
#                                                  directory, served with a trailing slash
#   PUBLIC_URL=/some/path/ scripts/build-site.sh   absolute URLs for hosting under /some/path/
# Env: DIST (output dir, default dist), SKIP_SETUP=1 (don't run scripts/setup.sh).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PUBLIC_URL="${PUBLIC_URL:-./}"
DIST="${DIST:-dist}"

if [[ "${SKIP_SETUP:-0}" != 1 ]]; then
  "$REPO_ROOT/scripts/setup.sh"
fi

# The linker and, on the measured toolchain, the size options (scripts/lib.sh).
use_site_build_options

log "trunk build --release (public URL $PUBLIC_URL) into $DIST/"
trunk build --release --offline --public-url "$PUBLIC_URL" --dist "$DIST"

log "fit the JS glue to the wasm ($DIST/)"
node scripts/fit-glue.mjs "$DIST"

log "content security policy and integrity ($DIST/index.html)"
node scripts/csp.mjs "$DIST"

log "site contents ($DIST/)"
node bench/bytes.mjs --dist "$DIST" --budget 0
