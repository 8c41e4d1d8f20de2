//! Localization layer of beyan: the Fluent files of every locale, their comparison with the
//! reference and every check of `beyan check`, and the Fluent runtime `render` formats with.
//!
//! Two halves: the analysis, one flow `load` → `align` → `judge` → report (`check`, with
//! `status`, `todo` and `lock` reading the same pairs), and `runtime` (bundles, functions,
//! case, direction, pseudolocales).
//!
//! It reads `.ftl` files (never trusting them: any byte sequence becomes diagnostics, never a
//! panic or a stack overflow), returns values and diagnostics, and never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod align;
mod check;
mod code_docs;
mod content_checks;
mod diagnostic;
mod freshness;
mod judge;
mod load;
mod markup;
mod plural;
mod runtime;
mod status;
mod tm;
mod todo;
mod xliff;
mod xml;

pub use align::{AlignedFile, Pair, align, align_file};
pub use check::{
    Asked, CheckOptions, FileSummary, LocaleSummary, MessageCounts, Report, WordCounts, check,
    check_catalogs, check_in_batches,
};
pub use code_docs::CodeDoc;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use freshness::{LockOptions, LockOutcome, LockRequestError, LockedMessage, lock};
pub use judge::required::{RequiredIn, RequiredMessage};
pub use load::catalog::{
    Catalog, CatalogListing, FileScope, FtlFile, ReleaseText, SetAside, list_catalogs,
    load_catalog, load_catalogs,
};
pub use load::entry::{Entry, EntryKind, PartMarkup, Reference};
pub use load::lockfile::{LockEntry, LockError, Lockfile, content_hash};
pub use load::nesting_guard::MAX_NESTING;
pub use load::source_file::SourceFile;
pub use markup::{MarkupSummary, summarize_markup};
pub use plural::plural_categories;
pub use runtime::pseudo::Pseudo;
pub use status::{
    GlossaryCoverage, LocaleStatus, Part, PartLocale, PendingMessage, Progress, Status, status,
};
pub use tm::{FUZZY_THRESHOLD, MemoryMatch, TranslationMemory, to_tmx};
pub use todo::{Todo, TodoFile, TodoItem, TodoState, load_todo, todo};
pub use xliff::{ImportedFile, XliffExport, XliffImport, XliffIssue, export_xliff, import_xliff};

pub use fluent::{FluentArgs, FluentValue};
pub use runtime::bundle::{BundleBuilder, BundleError, BundleOptions, LocaleBundle, MessageError};
pub use runtime::case::to_upper;
pub use runtime::direction::Direction;
pub use runtime::functions::{DateInput, Style, format_date, format_number};
