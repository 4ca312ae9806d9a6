#!/usr/bin/env bash
# Development server: installs what is missing, then `trunk serve` (debug build, live reload).
#   PORT=8080 ADDRESS=127.0.0.1 scripts/serve.sh [extra trunk serve args]
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PORT="${PORT:-8080}"
ADDRESS="${ADDRESS:-127.0.0.1}"

"$REPO_ROOT/scripts/setup.sh"
# The catalog and zones from the policies (SLA_VENDORS, SLA_POLICIES work here too).
generate

log "serving the app at  http://$ADDRESS:$PORT/  (Ctrl-C to stop)"
exec trunk serve --offline --address "$ADDRESS" --port "$PORT" "$@"
