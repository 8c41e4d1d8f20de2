//! The translator's workflow end to end: `status`, `todo`, `lock` and freshness, `new`, `init`.
//! A folder of its own, so that Cargo does not build each file as a separate test binary.

mod freshness;
mod pseudo;
mod scaffold;
mod serve;
mod status;
mod tm;
pub(crate) mod workspace;
mod xliff;
