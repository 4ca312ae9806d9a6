#!/usr/bin/env bash
# Local server: installs what is missing, builds the site (both pages: the
# calculator and the ticket audit, with its worker) and serves it as a
# static host would.
#   PORT=8080 ADDRESS=127.0.0.1 scripts/serve.sh
#   scripts/serve.sh --dev [extra trunk serve args]
#       `trunk serve`: a debug build of the calculator alone, rebuilt and
#       reloaded on every change (Trunk serves one page; the audit page
#       needs the full build).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PORT="${PORT:-8080}"
ADDRESS="${ADDRESS:-127.0.0.1}"

"$REPO_ROOT/scripts/setup.sh"

if [[ "${1:-}" == --dev ]]; then
  shift
  # The catalog and zones from the policies (SLA_VENDORS, SLA_POLICIES work here too).
  generate
  log "serving the calculator at  http://$ADDRESS:$PORT/  (Ctrl-C to stop)"
  exec trunk serve --offline --address "$ADDRESS" --port "$PORT" "$@"
fi

serve_dist="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/serve-dist"
SKIP_SETUP=1 PUBLIC_URL=./ DIST="$serve_dist" "$REPO_ROOT/scripts/build-site.sh"
log "serving the site at  http://$ADDRESS:$PORT/  (Ctrl-C to stop)"
exec node "$REPO_ROOT/scripts/static-serve.mjs" "$serve_dist" "$ADDRESS" "$PORT"
