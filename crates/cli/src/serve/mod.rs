//! `beyan serve`'s parts: the preview site (rendered in memory) and the HTTP server.

pub mod http;
pub mod preview;
