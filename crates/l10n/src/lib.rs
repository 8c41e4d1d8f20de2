//! Localization layer of beyan: the Fluent files of every locale, their comparison with the
//! reference and every check of `beyan check`.
//!
//! It reads `.ftl` files (never trusting them: any byte sequence becomes diagnostics, never a
//! panic or a stack overflow), returns values and diagnostics, and never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod bundle;
mod case;
mod catalog;
mod check;
mod code_docs;
mod content_checks;
mod diagnostic;
mod direction;
mod entry;
mod freshness;
mod functions;
mod lockfile;
mod markup;
mod nesting_guard;
mod plural;
mod pseudo;
mod source_file;
mod status;
mod todo;
mod whitespace;

pub use catalog::{Catalog, FtlFile, load_catalog, load_catalogs};
pub use check::{
    CheckOptions, FileSummary, LocaleSummary, MessageCounts, Report, WordCounts, check,
    check_catalogs,
};
pub use code_docs::CodeDoc;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use entry::{Entry, EntryKind};
pub use freshness::{LockOptions, LockOutcome, LockRequestError, LockedMessage, lock};
pub use lockfile::{LockEntry, LockError, Lockfile, content_hash};
pub use markup::{MarkupSummary, summarize_markup};
pub use nesting_guard::MAX_NESTING;
pub use plural::plural_categories;
pub use pseudo::Pseudo;
pub use source_file::SourceFile;
pub use status::{
    GlossaryCoverage, LocaleStatus, MessageProgress, Part, PartLocale, PendingMessage, Progress,
    Status, WordProgress, status,
};
pub use todo::{Todo, TodoFile, TodoItem, TodoState, load_todo, todo};

pub use bundle::{BundleBuilder, BundleError, BundleOptions, LocaleBundle, MessageError};
pub use case::to_upper;
pub use direction::Direction;
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use functions::{DateInput, Style, format_date, format_number};
