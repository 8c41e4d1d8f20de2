//! The localization runtime: one Fluent bundle per (locale, release), with beyan's functions.
//!
//! A release's bundle holds the locale's shared files ([`FileScope::Shared`]) and that
//! release's own `releases/<slug>.ftl`, the same scopes `check` uses, so a message that passes
//! `check` resolves here. Formatting never falls back: a missing message or an error while
//! resolving one is a `MessageError`, never text printed into a page.

use std::borrow::Cow;
use std::sync::Arc;

use beyan_content::Locale;
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentError, FluentResource};

use crate::load::catalog::{Catalog, FileScope, FtlFile};
use crate::load::entry::EntryKind;
use crate::runtime::direction::Direction;
use crate::runtime::functions;

/// How to build a bundle beyond the files themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct BundleOptions {
    /// Applied to every text fragment (not to arguments), as pseudolocalization does.
    pub transform: Option<fn(&str) -> Cow<'_, str>>,
}

/// Why a bundle could not be built from a locale's files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot load {file}: {message}")]
pub struct BundleError {
    /// Workspace-relative path of the offending file.
    pub file: String,
    pub message: String,
}

/// Why a message could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error("message `{id}` does not exist in `{locale}`")]
    Missing { locale: String, id: String },
    #[error("message `{id}` in `{locale}`: {message}")]
    Format {
        locale: String,
        id: String,
        message: String,
    },
}

/// A locale's messages ready to format.
pub struct LocaleBundle {
    locale: Locale,
    direction: Direction,
    bundle: FluentBundle<Arc<FluentResource>>,
    release_ids: Vec<String>,
}

impl std::fmt::Debug for LocaleBundle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleBundle")
            .field("locale", &self.locale)
            .field("direction", &self.direction)
            .field("release_ids", &self.release_ids)
            .finish_non_exhaustive()
    }
}

/// Builds the bundles of one catalog's releases, parsing the shared files once for all of them
/// (an archive has thousands of releases and the same `common.ftl` in every bundle).
pub struct BundleBuilder<'c> {
    catalog: &'c Catalog,
    locale: Locale,
    options: BundleOptions,
    shared: Vec<&'c FtlFile>,
    /// The shared files parsed with `renames` applied; a failure is reported by each bundle,
    /// in file order, as if it had parsed the file itself.
    parsed: Vec<Result<Arc<FluentResource>, BundleError>>,
    renames: Vec<(String, String)>,
}

impl<'c> BundleBuilder<'c> {
    /// Parses the catalog's shared files ([`FileScope::Shared`]). The bundles are
    /// `locale`'s: the catalog's own, or a pseudolocale made from it.
    pub fn new(catalog: &'c Catalog, locale: &Locale, options: BundleOptions) -> Self {
        let shared: Vec<&FtlFile> = catalog
            .files
            .iter()
            .filter(|f| f.scope == FileScope::Shared)
            .collect();
        let renames = term_renames(shared.iter().flat_map(|f| file_ids(f)));
        let parsed = shared.iter().map(|file| parse(file, &renames)).collect();
        Self {
            catalog,
            locale: locale.clone(),
            options,
            shared,
            parsed,
            renames,
        }
    }

    /// The bundle of one release (or of the shared files alone, for index pages and feeds).
    pub fn release(&self, slug: Option<&str>) -> Result<LocaleBundle, BundleError> {
        let release = match slug {
            Some(slug) => self
                .catalog
                .release_text(slug)
                .map_err(|message| BundleError {
                    file: format!("locales/{}/releases/{slug}.ftl", self.catalog.locale),
                    message,
                })?,
            None => None,
        };
        let shared_paths = self.shared.iter().map(|f| f.source.path.as_str());
        let Some(release) = release else {
            let resources = self.parsed.iter().cloned();
            return LocaleBundle::from_resources(
                &self.locale,
                shared_paths,
                resources,
                self.options,
            );
        };
        // The release's text is parsed once: its ids come from that parse, and it is parsed
        // again only when a term must be renamed in it. A problem with it is reported after
        // the shared files' (file order).
        let parse_own = |renames: &[(String, String)]| {
            parse_text(&release.path, &release.text, release.syntax_errors, renames)
        };
        let (own, ids) = match parse_own(&[]) {
            Ok(resource) => {
                let ids = resource_ids(&resource);
                (Ok(resource), ids)
            }
            Err(e) => (Err(e), Vec::new()),
        };
        let shared_ids = self.shared.iter().flat_map(|f| file_ids(f));
        let renames = term_renames(shared_ids.chain(ids.iter().map(|(k, id)| (*k, id.as_str()))));
        let own = match own {
            Ok(_) if !renames.is_empty() => parse_own(&renames),
            own => own,
        }
        .map(Arc::new);
        let paths = shared_paths.chain([release.path.as_ref()]);
        let mut bundle = if renames == self.renames {
            let resources = self.parsed.iter().cloned().chain([own]);
            LocaleBundle::from_resources(&self.locale, paths, resources, self.options)?
        } else {
            // The release's file makes a shared term clash with one of its messages: the
            // shared files need other names in this bundle.
            let shared = self.shared.iter().map(|file| parse(file, &renames));
            LocaleBundle::from_resources(&self.locale, paths, shared.chain([own]), self.options)?
        };
        bundle.release_ids = ids
            .into_iter()
            .filter(|(kind, _)| *kind == EntryKind::Message)
            .map(|(_, id)| id)
            .collect();
        Ok(bundle)
    }
}

/// Parses one file for a bundle, with the bundle's term renames applied.
fn parse(file: &FtlFile, renames: &[(String, String)]) -> Result<Arc<FluentResource>, BundleError> {
    if let Some(e) = &file.io_error {
        return Err(BundleError {
            file: file.source.path.clone(),
            message: e.clone(),
        });
    }
    parse_text(
        &file.source.path,
        &file.source.text,
        file.syntax_errors.len(),
        renames,
    )
    .map(Arc::new)
}

/// Parses the text of the file at `path`, in which the check found `syntax_errors`, with
/// `renames` applied.
fn parse_text(
    path: &str,
    text: &str,
    syntax_errors: usize,
    renames: &[(String, String)],
) -> Result<FluentResource, BundleError> {
    let error = |n: usize| {
        let noun = if n == 1 {
            "syntax error"
        } else {
            "syntax errors"
        };
        BundleError {
            file: path.to_owned(),
            message: format!("{n} {noun}; run `beyan check` for where"),
        }
    };
    // A file with syntax errors is never published; and the text the check's guard blanked
    // (nesting too deep, a cut escape) must not reach the parser unguarded.
    if syntax_errors > 0 {
        return Err(error(syntax_errors));
    }
    FluentResource::try_new(rename_terms(text, renames)).map_err(|(_, errors)| error(errors.len()))
}

/// The messages and terms of a file, as its entries name them (a term with its `-`).
fn file_ids(file: &FtlFile) -> impl Iterator<Item = (EntryKind, &str)> {
    file.entries.iter().map(|e| (e.kind, e.id.as_str()))
}

/// The messages and terms of a parsed file, in file order, named as [`file_ids`] names them.
fn resource_ids(resource: &FluentResource) -> Vec<(EntryKind, String)> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => {
                Some((EntryKind::Message, m.id.name.to_owned()))
            }
            fluent_syntax::ast::Entry::Term(t) => {
                Some((EntryKind::Term, format!("-{}", t.id.name)))
            }
            _ => None,
        })
        .collect()
}

impl LocaleBundle {
    /// The bundle of one release (or of the shared files alone, for index pages and feeds).
    pub fn for_release(
        catalog: &Catalog,
        slug: Option<&str>,
        options: BundleOptions,
    ) -> Result<Self, BundleError> {
        BundleBuilder::new(catalog, &catalog.locale, options).release(slug)
    }

    /// A bundle of the given files, in order.
    pub fn new(
        locale: &Locale,
        files: &[&FtlFile],
        options: BundleOptions,
    ) -> Result<Self, BundleError> {
        let renames = term_renames(files.iter().flat_map(|f| file_ids(f)));
        let resources = files.iter().map(|file| parse(file, &renames));
        let paths = files.iter().map(|f| f.source.path.as_str());
        Self::from_resources(locale, paths, resources, options)
    }

    /// A bundle of the files at `paths`, parsed into `resources` (one each, in the same order;
    /// taken one at a time, so the first problem in file order is the one reported).
    fn from_resources<'p>(
        locale: &Locale,
        paths: impl IntoIterator<Item = &'p str>,
        resources: impl IntoIterator<Item = Result<Arc<FluentResource>, BundleError>>,
        options: BundleOptions,
    ) -> Result<Self, BundleError> {
        let direction = Direction::of(locale);
        let langid = locale.langid();
        let icu_locale = functions::icu_locale(&langid);
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks only where they help: around placeables in right-to-left text. The
        // HTML renderer turns them into `<bdi>`; left-to-right output carries none.
        bundle.set_use_isolating(direction.is_rtl());
        bundle.set_transform(options.transform);
        bundle.set_formatter(Some(functions::format_value));
        let added = bundle
            .add_function("DATETIME", move |positional, named| {
                functions::datetime(&icu_locale, positional, named)
            })
            .and_then(|()| bundle.add_function("NUMBER", functions::number));
        if let Err(e) = added {
            return Err(BundleError {
                file: format!("locales/{locale}"),
                message: e.to_string(),
            });
        }
        for (path, resource) in paths.into_iter().zip(resources) {
            bundle
                .add_resource(resource?)
                .map_err(|errors| BundleError {
                    file: path.to_owned(),
                    message: describe(&errors, Vec::new()),
                })?;
        }
        Ok(Self {
            locale: locale.clone(),
            direction,
            bundle,
            release_ids: Vec::new(),
        })
    }

    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The message ids of the release's own file, in file order (paragraphs are read in the
    /// order the translator wrote them).
    pub fn release_ids(&self) -> &[String] {
        &self.release_ids
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    pub fn has_attribute(&self, id: &str, attribute: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.get_attribute(attribute).is_some())
    }

    /// Formats message `id`'s value.
    pub fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Result<String, MessageError> {
        self.format_part(id, None, args)
    }

    /// Formats the attribute `id.attribute`.
    pub fn format_attribute(
        &self,
        id: &str,
        attribute: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, MessageError> {
        self.format_part(id, Some(attribute), args)
    }

    fn format_part(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, MessageError> {
        let full_id = match attribute {
            Some(attribute) => format!("{id}.{attribute}"),
            None => id.to_owned(),
        };
        let missing = || MessageError::Missing {
            locale: self.locale.to_string(),
            id: full_id.clone(),
        };
        let message = self.bundle.get_message(id).ok_or_else(missing)?;
        let pattern = match attribute {
            Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
            None => message.value(),
        }
        .ok_or_else(missing)?;
        let mut errors = Vec::new();
        functions::clear_failures();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        let failures = functions::take_failures();
        if errors.is_empty() && failures.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(MessageError::Format {
                locale: self.locale.to_string(),
                id: full_id,
                message: describe(&errors, failures),
            })
        }
    }
}

/// Terms to rename so they can live in one bundle with a message of the same name.
///
/// Fluent gives terms (`-org-name`) and messages (`org-name`) separate namespaces, but
/// fluent-bundle keys both by the bare name, so the second one added is lost. Such a term is
/// renamed in the bundle's copy of the text (never in the files); nothing outside the bundle
/// sees term names.
fn term_renames<'a>(ids: impl Iterator<Item = (EntryKind, &'a str)>) -> Vec<(String, String)> {
    let ids: Vec<(EntryKind, &str)> = ids.collect();
    let names: std::collections::HashSet<&str> = ids
        .iter()
        .map(|(_, id)| id.trim_start_matches('-'))
        .collect();
    let mut renames = Vec::new();
    for (_, term) in ids.iter().filter(|(kind, _)| *kind == EntryKind::Term) {
        let bare = term.trim_start_matches('-');
        let is_message = ids
            .iter()
            .any(|(kind, id)| *kind == EntryKind::Message && *id == bare);
        if !is_message || renames.iter().any(|(from, _)| from == term) {
            continue;
        }
        let mut renamed = format!("{bare}_term");
        while names.contains(renamed.as_str()) {
            renamed.push('_');
        }
        renames.push(((*term).to_owned(), format!("-{renamed}")));
    }
    renames
}

/// Replaces whole term identifiers (`-org-name`, not `-org-name-long`) outside of words.
fn rename_terms(text: &str, renames: &[(String, String)]) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut text = text.to_owned();
    for (from, to) in renames {
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find(from.as_str()) {
            let before = rest[..at].chars().next_back();
            let after = rest[at + from.len()..].chars().next();
            let whole = !before.is_some_and(is_ident) && !after.is_some_and(is_ident);
            out.push_str(&rest[..at]);
            out.push_str(if whole { to } else { from });
            rest = &rest[at + from.len()..];
        }
        out.push_str(rest);
        text = out;
    }
    text
}

fn describe(errors: &[FluentError], failures: Vec<String>) -> String {
    let mut messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    messages.extend(failures);
    messages.dedup();
    messages.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(code: &str, files: &[(&str, &str)]) -> Catalog {
        let locale = Locale::parse(code).unwrap();
        let files = files
            .iter()
            .map(|(rel, text)| FtlFile::parse(&locale, (*rel).to_owned(), text.as_bytes()))
            .collect();
        Catalog {
            locale,
            files,
            exists: true,
            set_aside: crate::SetAside::default(),
        }
    }

    const COMMON: &str = "release-date = { DATETIME($date, dateStyle: \"long\") }\n\
        embargoed-until = EMBARGOED UNTIL { DATETIME($embargo, dateStyle: \"long\", timeStyle: \"short\") }\n\
        count = { $n ->\n    [one] { $n } release\n   *[other] { $n } releases\n}\n";

    fn args(pairs: &[(&'static str, fluent::FluentValue<'static>)]) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (k, v) in pairs {
            args.set(*k, v.clone());
        }
        args
    }

    #[test]
    fn release_scope_and_file_order() {
        let catalog = catalog(
            "en",
            &[
                ("common.ftl", COMMON),
                (
                    "releases/a.ftl",
                    "headline = A\nparagraph-02 = two\nparagraph-01 = one\n",
                ),
                ("releases/b.ftl", "headline = B\n"),
            ],
        );
        let bundle =
            LocaleBundle::for_release(&catalog, Some("a"), BundleOptions::default()).unwrap();
        assert_eq!(bundle.format("headline", None).unwrap(), "A");
        assert_eq!(
            bundle.release_ids(),
            ["headline", "paragraph-02", "paragraph-01"]
        );
        let b = LocaleBundle::for_release(&catalog, Some("b"), BundleOptions::default()).unwrap();
        assert_eq!(b.format("headline", None).unwrap(), "B");
        assert!(matches!(
            b.format("paragraph-01", None),
            Err(MessageError::Missing { .. })
        ));
    }

    #[test]
    fn dates_numbers_and_plurals_without_isolation_marks() {
        let catalog = catalog("en", &[("common.ftl", COMMON)]);
        let bundle = LocaleBundle::for_release(&catalog, None, BundleOptions::default()).unwrap();
        let date = args(&[("date", "2025-11-08".into())]);
        assert_eq!(
            bundle.format("release-date", Some(&date)).unwrap(),
            "November 8, 2025"
        );
        let embargo = args(&[("embargo", "2025-11-08T09:00:00+05:00".into())]);
        assert_eq!(
            bundle.format("embargoed-until", Some(&embargo)).unwrap(),
            "EMBARGOED UNTIL November 8, 2025 at 9:00\u{202f}AM GMT+5"
        );
        let one = args(&[("n", 1.into())]);
        assert_eq!(bundle.format("count", Some(&one)).unwrap(), "1 release");
        let many = args(&[("n", 12000.into())]);
        assert_eq!(
            bundle.format("count", Some(&many)).unwrap(),
            "12,000 releases"
        );
        let bad = args(&[("date", "yesterday".into())]);
        assert!(matches!(
            bundle.format("release-date", Some(&bad)),
            Err(MessageError::Format { .. })
        ));
    }

    #[test]
    fn a_term_and_a_message_may_share_a_name() {
        let catalog = catalog(
            "en",
            &[(
                "common.ftl",
                "-org-name = Embassy\n-org-name-long = The Embassy\norg-name = { -org-name }\nlong = { -org-name-long }\n",
            )],
        );
        let bundle = LocaleBundle::for_release(&catalog, None, BundleOptions::default()).unwrap();
        assert_eq!(bundle.format("org-name", None).unwrap(), "Embassy");
        assert_eq!(bundle.format("long", None).unwrap(), "The Embassy");
    }

    #[test]
    fn a_release_message_may_share_a_name_with_a_shared_term() {
        let catalog = catalog(
            "en",
            &[
                (
                    "common.ftl",
                    "-org-name = Embassy\nfooter = { -org-name }\n",
                ),
                ("releases/a.ftl", "org-name = Our embassy\n"),
                ("releases/b.ftl", "headline = B\n"),
            ],
        );
        let builder = BundleBuilder::new(&catalog, &catalog.locale, BundleOptions::default());
        let a = builder.release(Some("a")).unwrap();
        assert_eq!(a.format("footer", None).unwrap(), "Embassy");
        assert_eq!(a.format("org-name", None).unwrap(), "Our embassy");
        let b = builder.release(Some("b")).unwrap();
        assert_eq!(b.format("footer", None).unwrap(), "Embassy");
        assert_eq!(b.format("headline", None).unwrap(), "B");
    }

    #[test]
    fn urdu_dates_are_isolated() {
        let catalog = catalog(
            "ur",
            &[(
                "common.ftl",
                "published = تاریخ: { DATETIME($date, dateStyle: \"long\") }\n",
            )],
        );
        let bundle = LocaleBundle::for_release(&catalog, None, BundleOptions::default()).unwrap();
        let date = args(&[("date", "2025-11-08".into())]);
        assert_eq!(
            bundle.format("published", Some(&date)).unwrap(),
            "تاریخ: \u{2068}8 نومبر، 2025\u{2069}"
        );
        assert_eq!(bundle.direction(), Direction::Rtl);
    }
}
