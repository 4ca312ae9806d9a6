#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) for the
# built site with the desktop and mobile presets, offline, in Debian's
# Chromium. Builds dist/ first unless SKIP_BUILD=1.
#   bench/lighthouse.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO_ROOT"

here=bench/lighthouse
stamp="$here/node_modules/.setup-stamp"
want="$(sha256sum "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  log "installing lighthouse (bench/lighthouse)"
  # Lighthouse depends on packages pinned to "latest", which `npm ci` rejects.
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund)
  printf '%s\n' "$want" >"$stamp"
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  "$REPO_ROOT/scripts/build-site.sh"
fi

port=8765
node -e "
  const { startStaticServer } = await import('./tests/browser/lib.mjs');
  await startStaticServer({ root: 'dist', base: '/', port: $port });
  setInterval(() => {}, 1 << 30);
" --input-type=module &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1

export CHROME_PATH="$CHROMIUM_BIN"
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
url="http://127.0.0.1:$port/?vendor=nextplane&package=business&severity=1"
out="$(mktemp -d)"
for preset in desktop mobile; do
  extra=()
  [[ $preset == desktop ]] && extra=(--preset=desktop)
  "$here/node_modules/.bin/lighthouse" "$url" "${extra[@]}" --quiet --chrome-flags="$flags" \
    --output=json --output-path="$out/$preset.json" >/dev/null
  node -e "
    const r = JSON.parse(require('fs').readFileSync('$out/$preset.json', 'utf8'));
    const c = r.categories;
    const s = (k) => Math.round(c[k].score * 100);
    console.log('$preset'.padEnd(8), 'performance', s('performance'), ' accessibility', s('accessibility'),
      ' best-practices', s('best-practices'), ' seo', s('seo'));
    for (const [id, a] of Object.entries(r.audits)) {
      if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        console.log('   ', id, a.score, a.displayValue || '');
    }
  "
done
