#!/usr/bin/env bash
# Install whatever the build and the tests need and is missing. Idempotent; quick when
# everything is already installed. Prints what it does.
#   - Rust target wasm32-unknown-unknown, rust-src, rustfmt, clippy
#   - trunk (exact version, see scripts/lib.sh)
#   - wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock
#   - npm devDependencies (npm ci) when node_modules is missing or package(-lock).json changed
#   - Debian chromium + chromium-driver when absent
#   - the crates (cargo fetch), and the standard library's, because trunk builds with cargo --offline
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
t0=$SECONDS

need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH ($2)"; }
need cargo "install Rust with rustup"
need rustup "install Rust with rustup"
need node "install Node.js 20+"
need npm "install Node.js 20+"

log "setup: Rust toolchain"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  note "ok: target wasm32-unknown-unknown"
else
  note "installing target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the site build compiles the standard library for size (scripts/build-site.sh).
if rustup component list --installed | grep -qx 'rust-src'; then
  note "ok: rust-src"
else
  note "installing component rust-src"
  rustup component add rust-src
fi
for comp in rustfmt clippy; do
  if cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1; then
    note "ok: $comp"
  else
    note "installing component $comp"
    rustup component add "$comp"
  fi
done

log "setup: trunk $TRUNK_VERSION"
have="$(trunk --version 2>/dev/null || true)"
if [[ "$have" == "trunk $TRUNK_VERSION" ]]; then
  note "ok: $have ($(command -v trunk))"
else
  note "found: ${have:-none}; installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

wbg="$(wasm_bindgen_lock_version)"
log "setup: wasm-bindgen-cli $wbg (from Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null || true)"
if [[ "$have" == "wasm-bindgen $wbg" ]]; then
  note "ok: $have ($(command -v wasm-bindgen))"
else
  note "found: ${have:-none}; installing wasm-bindgen-cli $wbg (takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$wbg"
  have="$(wasm-bindgen --version 2>/dev/null || true)"
  [[ "$have" == "wasm-bindgen $wbg" ]] ||
    die "after install, 'wasm-bindgen --version' on PATH says '${have:-nothing}' ($(command -v wasm-bindgen || true)); expected wasm-bindgen $wbg"
fi

log "setup: npm packages"
stamp="node_modules/.setup-stamp"
want_stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) node $(node --version)"
if [[ -d node_modules && -f "$stamp" && "$(cat "$stamp")" == "$want_stamp" ]]; then
  note "ok: node_modules matches package-lock.json"
else
  note "running npm ci"
  npm ci --no-audit --no-fund
  printf '%s\n' "$want_stamp" >"$stamp"
fi

want_opt="$(trunk_wasm_opt_version)"
[[ -n "$want_opt" ]] || die "Trunk.toml has no [tools] wasm_opt"
opt_path="$(command -v wasm-opt || true)"
[[ "$opt_path" == "$REPO_ROOT/node_modules/.bin/wasm-opt" ]] ||
  die "wasm-opt on PATH is '${opt_path:-none}', expected node_modules/.bin/wasm-opt (npm package binaryen)"
have_opt="version_$(wasm-opt --version | awk '{print $3}')"
[[ "$have_opt" == "$want_opt" ]] ||
  die "wasm-opt is $have_opt but Trunk.toml [tools] wasm_opt wants $want_opt: keep binaryen in package.json and Trunk.toml in step"
note "ok: wasm-opt $have_opt (node_modules/.bin, binaryen)"

log "setup: Chromium"
if [[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]]; then
  note "ok: $("$CHROMIUM_BIN" --version 2>/dev/null || echo "$CHROMIUM_BIN")"
else
  note "installing Debian packages chromium chromium-driver"
  sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install chromium chromium-driver"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y chromium chromium-driver
  [[ -x "$CHROMIUM_BIN" ]] || die "$CHROMIUM_BIN still missing after apt-get install"
fi

log "setup: crates (cargo fetch; trunk builds with cargo --offline)"
cargo fetch --quiet
# The standard library's own crates, for the site build's size options
# (only on the toolchain they apply to).
if [[ "$(rustc -V)" == "$SIZE_OPTIONS_RUSTC" ]]; then
  (SLA_SIZE_OPTIONS=on use_site_build_options && cargo fetch --quiet --target wasm32-unknown-unknown)
fi
note "ok"

log "setup: done in $((SECONDS - t0)) s"
