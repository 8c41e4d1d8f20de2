//! Content model of a beyan workspace: `beyan.toml`, `releases/<slug>.toml`, discovery and loading.
//!
//! The lowest layer. It reads the workspace's configuration files and validates them strictly,
//! returning every problem it finds with its file, line and column. It never prints, never
//! touches `.ftl` text (that is `beyan-l10n`'s job) and never decides an exit code.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod atomic_write;
mod color;
mod config;
mod config_error;
mod contact;
mod glossary;
mod line_index;
mod locale;
mod read_gate;
mod release;
mod resolved_path;
mod scaffold;
mod schema;
mod slug;
mod suggestion;
mod workspace;
mod write_gate;

pub use atomic_write::{fill_empty_dir, write_atomically, write_dir_atomically};
pub use color::{AA_CONTRAST, Color};
pub use config::{
    CHECK_CODES, CheckConfig, Config, ERROR_CODES, LocalesConfig, SeverityOverride, SiteConfig,
};
pub use config_error::{ConfigError, ConfigErrors, QUOTED_LINE_MAX};
pub use contact::{Contact, invalid_character, is_invalid_character};
pub use glossary::{GLOSSARY_FILE, Glossary, GlossaryTerm};
pub use line_index::LineIndex;
pub use locale::Locale;
pub use read_gate::{Listing, ReadGate, ReadRefused};
pub use release::Release;
pub use resolved_path::resolve;
pub use scaffold::{EXAMPLE_SLUG, ScaffoldFile, release_files, workspace_files};
pub use schema::{config_schema, glossary_schema};
pub use slug::{Slug, is_valid_slug};
pub use suggestion::{closest, closest_locale};
pub use workspace::{CONFIG_FILE, LOCK_FILE, Workspace, discover_root};
pub use write_gate::{LockedOutputDir, OutputDir, SITE_MANIFEST, WriteGate, WriteRefused};
