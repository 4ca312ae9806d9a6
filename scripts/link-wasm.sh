#!/usr/bin/env bash
# The linker of the shipped wasm (set by use_site_build_options in scripts/lib.sh): rust-lld, minus the
# exports of wasm-streams. leptos' server_fn links wasm-streams, whose `#[wasm_bindgen]`
# classes (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource) a client-only
# app never uses; rustc exports every such function, so the linker kept them and all they
# reach (async state machines, the futures queue). Not exported, they are never linked in.
# scripts/fit-glue.mjs drops their JS classes from the glue.
#   Env: SLA_RUST_LLD, the toolchain's rust-lld (use_site_build_options sets it).
set -euo pipefail

dropped='intounderlying' # in each dropped export's name, lowercased
args=()
matched=0
while (($# > 0)); do
  if [[ $1 == --export && $# -gt 1 ]]; then
    name="$2"
    shift 2
    if [[ ${name,,} == *"$dropped"* ]]; then
      matched=$((matched + 1))
    else
      args+=(--export "$name")
    fi
  else
    args+=("$1")
    shift
  fi
done

if ((matched == 0)); then
  echo "link-wasm: no export contains \"$dropped\" any more; remove this linker (scripts/lib.sh)" >&2
  exit 1
fi
exec "${SLA_RUST_LLD:?link-wasm: SLA_RUST_LLD is not set (use_site_build_options in scripts/lib.sh)}" "${args[@]}"
