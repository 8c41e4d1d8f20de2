//! Load: every `.ftl` file read and decoded once (BOM, line ends, invalid UTF-8, nesting
//! guard), parsed, summarized into entries, each file with its typed [`catalog::FileScope`];
//! and `beyan.lock`, read line by line.

pub mod catalog;
pub mod entry;
pub mod lockfile;
pub mod nesting_guard;
pub mod source_file;
pub mod whitespace;
