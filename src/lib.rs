//! Support-SLA calculator: the engine (policies, business-time arithmetic,
//! deadlines, charges), input parsing shared by every front end, the `sla`
//! command, and the Leptos web app (built for wasm32 only).

pub mod audit;
pub mod check;
pub mod cli;
pub mod engine;
#[cfg(any(test, feature = "gen"))]
pub mod generate;
pub mod present;
pub mod request;
#[cfg(target_arch = "wasm32")]
pub mod ui;
