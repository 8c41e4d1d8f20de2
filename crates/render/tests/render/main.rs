//! beyan-render end to end on small workspaces built in temporary folders, and snapshots of
//! every output of the repository's sample release.

mod builder;
mod determinism;
mod escaping;
mod formats;
mod gating;
mod live;
mod localization;
mod sample;
mod templates;
