//! Content model of a beyan workspace: `beyan.toml`, `releases/<slug>.toml`, discovery and loading.
//!
//! The lowest layer. It reads the workspace's configuration files and validates them strictly,
//! returning every problem it finds with its file, line and column. It never prints, never
//! touches `.ftl` text (that is `beyan-l10n`'s job) and never decides an exit code.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod atomic_write;
mod config;
mod config_error;
mod glossary;
mod line_index;
mod locale;
mod release;
mod scaffold;
mod schema;
mod slug;
mod workspace;

pub use atomic_write::{write_atomically, write_dir_atomically};
pub use config::{
    CHECK_CODES, CheckConfig, Config, Contact, LocalesConfig, SeverityOverride, SiteConfig,
};
pub use config_error::{ConfigError, ConfigErrors};
pub use glossary::{GLOSSARY_FILE, Glossary, GlossaryTerm};
pub use line_index::LineIndex;
pub use locale::Locale;
pub use release::Release;
pub use scaffold::{EXAMPLE_SLUG, ScaffoldFile, release_files, workspace_files};
pub use schema::{config_schema, glossary_schema};
pub use slug::{Slug, is_valid_slug};
pub use workspace::{CONFIG_FILE, LOCK_FILE, Workspace, discover_root};
