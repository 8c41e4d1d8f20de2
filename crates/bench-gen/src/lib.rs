//! Benchmark tooling for beyan (a dev crate, never published): deterministic synthetic
//! workspaces, the same archive as a Hugo site, and the read-and-parse floor.
//!
//! Everything is a function of a seed: the same seed gives byte-identical files, so figures
//! from two machines or two commits measure the same input. It never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod archive;
pub mod file_tree;
pub mod ftl_item;
pub mod hugo_site;
pub mod large_l10n;
pub mod parse_floor;
pub mod precision;
pub mod release_text;
pub mod rng;
pub mod vocabulary;

pub use archive::Archive;
pub use file_tree::FileTree;
pub use hugo_site::hugo_site;
pub use large_l10n::LargeSpec;
pub use parse_floor::{FloorCount, parse_floor};
