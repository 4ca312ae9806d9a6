//! The engine: policies as validated data, business-time arithmetic,
//! deadlines and charges. No web dependency, no I/O, no clock: "now" and
//! time zones are always arguments.

#[rustfmt::skip]
mod catalog_data;
pub mod charge;
pub mod civil;
#[cfg(test)]
mod codegen;
pub mod deadline;
pub mod error;
pub mod holidays;
pub mod load;
pub mod policy;
pub mod time;

pub use error::Error;
