//! What a render publishes, decided before anything is rendered: the locales and releases
//! asked for, every (release, locale) pair checked for completeness and embargo.
//!
//! Completeness is `beyan check`'s: a pair is incomplete when the locale's release file or its
//! shared files have a missing message, attribute or value, or any error.

use beyan_content::{Locale, Release, Slug, Workspace};
use beyan_l10n::{Asked, BundleOptions, Catalog, FileScope, Report, Severity, check_in_batches};
use jiff::Timestamp;

/// What the caller asks for.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Releases to publish; empty means all.
    pub releases: Vec<Slug>,
    /// Locales to publish; empty means every configured one.
    pub locales: Vec<Locale>,
    /// The instant embargoes are compared with.
    pub now: Timestamp,
    /// Publish releases still under embargo, visibly marked as previews.
    pub include_embargoed: bool,
    /// Publish the complete pairs and skip the rest instead of failing.
    pub skip_incomplete: bool,
    /// Extra, synthetic locales (pseudolocales) rendered from another locale's files.
    pub extra_locales: Vec<PlanLocale>,
}

/// A locale to publish and where its messages come from.
#[derive(Debug, Clone)]
pub struct PlanLocale {
    /// The code the output uses (`<out>/<locale>/`, `lang`).
    pub locale: Locale,
    /// The locale whose `.ftl` files are read (itself, or the reference for a pseudolocale).
    pub source: Locale,
    pub options: BundleOptions,
    /// Required locales block a render when incomplete; optional ones are skipped.
    pub required: bool,
}

/// One problem that makes a (release, locale) pair incomplete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The diagnostic code (`missing-message`, `syntax-error`, …).
    pub code: String,
    pub id: Option<String>,
    pub file: String,
    pub message: String,
}

/// A pair that cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub release: Slug,
    pub locale: Locale,
    pub required: bool,
    pub problems: Vec<Problem>,
}

impl Incomplete {
    /// The ids of the missing messages (and of messages with errors), sorted, unique.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .problems
            .iter()
            .filter_map(|p| p.id.as_deref())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// One release to publish.
#[derive(Debug, Clone)]
pub struct PlannedRelease {
    pub release: Release,
    /// Still under embargo at `now` (published only with `include_embargoed`, as a preview).
    pub preview: bool,
    /// The locales it is published in, in plan order.
    pub locales: Vec<Locale>,
}

/// The resolved render.
#[derive(Debug, Clone)]
pub struct Plan {
    pub reference: Locale,
    /// The site's default language: the pages of no locale (language chooser, sitemap, style
    /// sheet) are rendered in it and `hreflang="x-default"` points to its versions. The
    /// reference, unless the render is restricted to other locales: then the first of them,
    /// so that a partial site never links to a locale it does not publish.
    pub default_locale: Locale,
    /// The `.ftl` files of the reference and the checked locales, parsed once: the shared
    /// files held, the releases' own set aside (read again, unchanged, for their bundles).
    pub catalogs: Vec<Catalog>,
    /// Locales that get output, in order: the reference first, then the configured order.
    pub locales: Vec<PlanLocale>,
    /// Newest first.
    pub releases: Vec<PlannedRelease>,
    /// Pairs left out because they are incomplete.
    pub incomplete: Vec<Incomplete>,
    /// Releases left out because of their embargo.
    pub embargoed: Vec<Slug>,
    /// Per translated locale, how many of its published messages are stale (their reference
    /// text changed after they were translated; see `beyan.lock`). Stale is not incomplete:
    /// they are published, and the render says so.
    pub stale: Vec<(Locale, usize)>,
    pub now: Timestamp,
}

impl Plan {
    /// Incomplete pairs that make the render fail (required locales, without
    /// `skip_incomplete`).
    pub fn blocking<'p>(&'p self, options: &RenderOptions) -> Vec<&'p Incomplete> {
        if options.skip_incomplete {
            return Vec::new();
        }
        self.incomplete.iter().filter(|i| i.required).collect()
    }

    pub fn locale(&self, code: &Locale) -> Option<&PlanLocale> {
        self.locales.iter().find(|l| &l.locale == code)
    }
}

/// Why the request itself is wrong (a usage error, not a translation problem).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The whole sentence, suggestion included ([`Workspace::unknown_release`]).
    #[error("{0}")]
    UnknownRelease(String),
    #[error("locale `{0}` is not configured in beyan.toml")]
    UnknownLocale(String),
}

/// How many releases' own files (in every locale) the plan's check holds at a time.
const RELEASES_PER_CHECK: usize = 256;

/// Resolves `options` against the workspace, running the completeness check.
pub fn plan(workspace: &Workspace, options: &RenderOptions) -> Result<Plan, PlanError> {
    let config = &workspace.config.locales;
    for slug in &options.releases {
        if workspace.release(slug.as_str()).is_none() {
            return Err(PlanError::UnknownRelease(
                workspace.unknown_release(slug.as_str()),
            ));
        }
    }
    for locale in &options.locales {
        let extra = options.extra_locales.iter().any(|l| &l.locale == locale);
        if !config.contains(locale) && !extra {
            return Err(PlanError::UnknownLocale(locale.to_string()));
        }
    }
    let wanted = |locale: &Locale| options.locales.is_empty() || options.locales.contains(locale);
    let mut locales: Vec<PlanLocale> = config
        .all()
        .filter(|l| wanted(l))
        .map(|locale| PlanLocale {
            locale: locale.clone(),
            source: locale.clone(),
            options: BundleOptions::default(),
            required: *locale == config.reference || config.is_required(locale),
        })
        .collect();
    locales.extend(
        options
            .extra_locales
            .iter()
            .filter(|l| wanted(&l.locale))
            .cloned(),
    );

    let targets: Vec<Locale> = config
        .targets()
        .filter(|t| locales.iter().any(|l| &l.source == *t))
        .cloned()
        .collect();
    // A lock that cannot be read only means nothing is known to be stale: `check` reports it.
    let lock = beyan_l10n::Lockfile::load_records(&workspace.root)
        .ok()
        .flatten();
    // The labels the templates print, as `check` is told of them; templates that cannot be
    // read stop the render itself, with their error.
    let required = crate::templates::TemplateSet::load(&workspace.root)
        .map(|set| crate::requirements::template_requirements(&set))
        .unwrap_or_default();
    // Read and parse once: the same catalogs serve the completeness check and the bundles.
    // The releases' own files are checked a batch at a time and set aside (read again for
    // their bundles), so memory does not grow with the archive. Only errors block a page:
    // the check is asked for them (and the stale counts), not for every warning.
    let (report, catalogs) = check_in_batches(
        workspace,
        &config.selected(&targets),
        lock.as_ref(),
        &required,
        RELEASES_PER_CHECK,
        Asked::Errors,
    );

    let mut releases = Vec::new();
    let mut incomplete = Vec::new();
    let mut embargoed = Vec::new();
    for release in &workspace.releases {
        if !options.releases.is_empty() && !options.releases.contains(&release.slug) {
            continue;
        }
        let preview = !release.is_published_at(options.now);
        if preview && !options.include_embargoed {
            embargoed.push(release.slug.clone());
            continue;
        }
        let mut published = Vec::new();
        for locale in &locales {
            let problems = problems(&report, &locale.source, &release.slug);
            if problems.is_empty() {
                published.push(locale.locale.clone());
            } else {
                incomplete.push(Incomplete {
                    release: release.slug.clone(),
                    locale: locale.locale.clone(),
                    required: locale.required,
                    problems,
                });
            }
        }
        releases.push(PlannedRelease {
            release: release.clone(),
            preview,
            locales: published,
        });
    }
    // A locale whose shared files cannot be published (its folder is missing, a shared
    // message is missing) has no pages at all, not even an index: only its releases were
    // named above. The reference always stays: its problems block the render.
    locales.retain(|locale| {
        locale.source == config.reference || shared_problems(&report, &locale.source).is_empty()
    });
    let stale = locales
        .iter()
        .filter(|l| l.source != config.reference)
        .filter_map(|l| {
            let summary = report
                .locales
                .iter()
                .find(|s| s.locale == l.source.as_str())?;
            let count: usize = summary
                .files
                .iter()
                .filter(|f| match &f.release {
                    None => true,
                    Some(slug) => releases
                        .iter()
                        .any(|r| r.release.slug.as_str() == slug && r.locales.contains(&l.locale)),
                })
                .map(|f| f.messages.stale)
                .sum();
            (count > 0).then(|| (l.locale.clone(), count))
        })
        .collect();
    // The reference comes first when it is published.
    let default_locale = locales
        .first()
        .map_or_else(|| config.reference.clone(), |l| l.locale.clone());
    Ok(Plan {
        reference: config.reference.clone(),
        default_locale,
        catalogs,
        locales,
        releases,
        incomplete,
        embargoed,
        stale,
        now: options.now,
    })
}

/// The errors that keep `slug` from being published in `locale`: those in the files its
/// bundle holds (the locale's shared files and that release's own, by their typed scope) and
/// those of the whole locale (its folder is missing); other releases' files do not matter.
pub(crate) fn problems(report: &Report, locale: &Locale, slug: &Slug) -> Vec<Problem> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.locale == locale.as_str() && d.severity == Severity::Error)
        .filter(|d| {
            d.scope
                .as_ref()
                .is_none_or(|scope| scope.is_in_release(slug.as_str()))
        })
        .map(|d| Problem {
            code: d.code.as_str().to_owned(),
            id: d.id.clone(),
            file: d.file.clone(),
            message: d.message.clone(),
        })
        .collect()
}

/// The errors in the files every bundle of `locale` holds (its shared files) and those of the
/// whole locale.
pub(crate) fn shared_problems<'r>(
    report: &'r Report,
    locale: &Locale,
) -> Vec<&'r beyan_l10n::Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.locale == locale.as_str() && d.severity == Severity::Error)
        .filter(|d| d.scope.as_ref().is_none_or(|s| *s == FileScope::Shared))
        .collect()
}
