# shellcheck shell=bash
# Common environment for the scripts in scripts/ (sourced, not executed).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"

# Tool versions. wasm-bindgen-cli is NOT listed here: it must equal the `wasm-bindgen` crate
# in Cargo.lock (see wasm_bindgen_lock_version). wasm-opt comes from the npm package
# `binaryen` (package.json) and must match `[tools] wasm_opt` in Trunk.toml.
# shellcheck disable=SC2034 # used by the scripts that source this file
TRUNK_VERSION="0.21.14"
# shellcheck disable=SC2034
CHROMIUM_BIN="/usr/bin/chromium"
# shellcheck disable=SC2034
CHROMEDRIVER_BIN="/usr/bin/chromedriver"

# node_modules/.bin must come first: with --offline, trunk takes the FIRST wasm-opt /
# wasm-bindgen on PATH, and fails (instead of looking further) if its version differs.
export PATH="$REPO_ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
# Trunk must never touch the network (tool downloads, update check).
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
# Never download a browser: tests use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [[ -t 1 ]]; then
  log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
else
  log() { printf '==> %s\n' "$*"; }
fi
note() { printf '    %s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Version of the `wasm-bindgen` crate in Cargo.lock (the one trunk will ask for).
wasm_bindgen_lock_version() {
  local v
  v="$(awk '$0 == "name = \"wasm-bindgen\"" { found = 1; next }
            found && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$REPO_ROOT/Cargo.lock")"
  [[ -n "$v" ]] || die "no wasm-bindgen package in $REPO_ROOT/Cargo.lock"
  printf '%s\n' "$v"
}

# `[tools] wasm_opt` from Trunk.toml, e.g. "version_132".
trunk_wasm_opt_version() {
  sed -n 's/^[[:space:]]*wasm_opt[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$REPO_ROOT/Trunk.toml" | head -n1
}

# The toolchain the size options below were measured on. They use unstable
# options, so on any other toolchain the site build leaves them off.
SIZE_OPTIONS_RUSTC="rustc 1.95.0 (59807616e 2026-04-14)"
# What leaving them off costs (docs/performance.md: build options).
# shellcheck disable=SC2034
SIZE_OPTIONS_WORTH="about 20 KB brotli"

# Generates what the site compiles in (`sla-gen`, native, before the wasm
# build's environment is set): the catalog and the zone tables of the zones
# the policies name, from policies/*.json. By default into src/engine (the
# committed files, rewritten only when they change). With SLA_POLICIES
# (more policy files or folders, comma-separated) or SLA_VENDORS (the ids to
# keep, in the order to list them) into target/generated instead, and
# SLA_GENERATED points the build there. An invalid policy stops with `sla
# check`'s lines. Sets SITE_VENDORS: one `ID<TAB>NAME` line per vendor.
generate() {
  local out="$REPO_ROOT/src/engine"
  if [[ -n "${SLA_VENDORS:-}${SLA_POLICIES:-}" ]]; then
    out="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/generated"
  fi
  log "generate the catalog and zones from the policies${SLA_VENDORS:+ (vendors $SLA_VENDORS)} into $out"
  SITE_VENDORS="$(cargo run --quiet --offline --features gen --bin sla-gen -- \
    --out "$out" --policies "${SLA_POLICIES:-}" --vendors "${SLA_VENDORS:-}")" ||
    die "no site built: fix the policies above (sla check FILE lists every problem) or SLA_VENDORS"
  export SLA_GENERATED="$out"
}

# Settings for building the shipped wasm (scripts/build-site.sh).
#
# Always: the wasm is optimised for size (the release profile, which the
# `sla` command also uses, is optimised for speed), and the linker leaves
# out the exports of wasm-streams (scripts/link-wasm.sh says why).
#
# On the measured toolchain only, the size options: a standard library
# rebuilt for size, in which a panic is a trap (no panic messages, locations
# or formatting machinery), Debug formatting prints nothing (-Zfmt-debug=none;
# user-facing text never uses `{:?}`), and any function may be inlined across
# crates. They are unstable options, allowed for this build only
# (RUSTC_BOOTSTRAP); the library source is the toolchain's own rust-src
# (scripts/setup.sh). SLA_SIZE_OPTIONS=off leaves them off anywhere; on
# another toolchain they are off and one line says so.
use_site_build_options() {
  SLA_RUST_LLD="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
  [[ -x "$SLA_RUST_LLD" ]] || die "no rust-lld at $SLA_RUST_LLD"
  export SLA_RUST_LLD
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$REPO_ROOT/scripts/link-wasm.sh"
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
  # Symbol names kept until wasm-opt, which orders functions by them
  # (index.html) and drops them; they never ship.
  export CARGO_PROFILE_RELEASE_STRIP=false

  local have
  have="$(rustc -V)"
  if [[ "${SLA_SIZE_OPTIONS:-on}" == off ]]; then
    note "size options off (SLA_SIZE_OPTIONS=off): plain release profile, $SIZE_OPTIONS_WORTH larger"
    return
  fi
  if [[ "$have" != "$SIZE_OPTIONS_RUSTC" ]]; then
    note "size options off: they need $SIZE_OPTIONS_RUSTC, this is $have; plain release profile, $SIZE_OPTIONS_WORTH larger"
    return
  fi
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
  export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
  # Added to .cargo/config.toml's rustflags for this target, not replacing them.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zfmt-debug=none -Zcross-crate-inline-threshold=yes"
}

