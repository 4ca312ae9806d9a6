//! Browser entry point of the SLA calculator (the `app` binary that Trunk builds).
//!
//! The app only runs in the browser: on `wasm32` it mounts the Leptos UI into `<body>`.
//! Native builds of this binary do nothing; the native entry point is the `sla` CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The site build's panics abort at once, never calling a hook
    // (scripts/lib.sh); other builds show panic messages in the console.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    sla::ui::mount();
}

/// The app only runs in the browser (wasm32); there is nothing to do natively.
/// This stub keeps `cargo build`, `cargo clippy --all-targets` and `cargo test` working on the host.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
