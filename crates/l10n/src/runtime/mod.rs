//! The Fluent runtime that `render` formats with: one bundle per (locale, release) over the
//! same scopes the check judges, beyan's functions (`DATETIME`, `NUMBER`), locale-aware case
//! mapping, text direction and pseudolocalization. Built on the `fluent` crate.

pub mod bundle;
pub mod case;
pub mod direction;
pub mod functions;
pub mod pseudo;
