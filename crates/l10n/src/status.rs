//! `beyan status`: completion per locale and per release, and each locale's to-do, drawn from
//! the same comparison as `beyan check`. Its serialized form is the stable `status --format
//! json` document (documented in the README).

use beyan_content::{Locale, Workspace};
use serde::Serialize;

use crate::check::{FileSummary, MessageCounts, WordCounts, check_catalogs};
use crate::load::catalog::load_catalogs;
use crate::load::lockfile::Lockfile;
use crate::runtime::direction::Direction;
use crate::todo::{Todo, TodoState, todo};

/// One locale's progress over a set of files: the counts `check` reports, under the same
/// names (one JSON shape for both commands).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub messages: MessageCounts,
    pub words: WordCounts,
    pub errors: usize,
    pub warnings: usize,
}

impl Progress {
    fn add(&mut self, file: &FileSummary) {
        self.messages.total += file.messages.total;
        self.messages.missing += file.messages.missing;
        self.messages.translated += file.messages.total - file.messages.missing;
        self.messages.stale += file.messages.stale;
        self.messages.obsolete += file.messages.obsolete;
        self.words.total += file.words.total;
        self.words.missing += file.words.missing;
        self.words.translated += file.words.total - file.words.missing;
        self.errors += file.errors;
        self.warnings += file.warnings;
    }

    /// Translated share of the messages, 0–100.
    pub fn percent(&self) -> f64 {
        percent(self.messages.translated, self.messages.total)
    }

    /// Share of the messages translated and fresh, 0–100.
    pub fn fresh_percent(&self) -> f64 {
        percent(
            self.messages.translated.saturating_sub(self.messages.stale),
            self.messages.total,
        )
    }
}

fn percent(part: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        100.0 * part as f64 / total as f64
    }
}

/// One entry of a locale's to-do, without the text (the JSON names what, not how).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingMessage {
    /// Workspace-relative path of the translation file.
    pub file: String,
    pub id: String,
    pub state: TodoState,
    pub words: usize,
}

/// How far a locale follows the glossary (`glossary.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GlossaryCoverage {
    /// Terms of the glossary.
    pub terms: usize,
    /// Terms with an approved rendering for this locale (or not translated at all).
    pub rendered: usize,
    /// Translated messages that use none of a term's approved renderings (`glossary`
    /// diagnostics, before severity overrides switch any off).
    pub mismatches: usize,
}

/// A target locale's status.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    pub required: bool,
    /// What `check` calls complete: nothing missing and no error.
    pub complete: bool,
    /// `ltr` or `rtl`.
    pub direction: &'static str,
    #[serde(flatten)]
    pub progress: Progress,
    /// Diagnostics silenced by `# beyan-ignore` comments.
    pub suppressed: usize,
    pub glossary: GlossaryCoverage,
    pub pending: Vec<PendingMessage>,
    /// The full to-do, with texts (for the HTML dashboard and `beyan todo`).
    #[serde(skip)]
    pub todo: Todo,
}

/// One locale's progress in a part of the workspace.
#[derive(Debug, Clone, Serialize)]
pub struct PartLocale {
    pub locale: String,
    #[serde(flatten)]
    pub progress: Progress,
}

/// A release's text (or the shared files) across the locales.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// The release slug; `None` for the shared files.
    pub release: Option<String>,
    /// The release's date (`YYYY-MM-DD`) from `releases/<slug>.toml`, when it has one.
    pub date: Option<String>,
    /// Reference files of the part, relative to the locale folder.
    pub files: Vec<String>,
    pub locales: Vec<PartLocale>,
}

/// Everything `beyan status` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub reference: String,
    /// Errors found in the reference itself.
    pub reference_errors: usize,
    /// Messages and terms of the reference (each id once per file).
    pub messages: usize,
    /// Words of the reference text.
    pub words: usize,
    pub locales: Vec<LocaleStatus>,
    /// The shared files (everything outside `releases/`).
    pub shared: Part,
    /// Newest first, as in `releases/`.
    pub releases: Vec<Part>,
}

/// The status of the workspace's target locales (`locales` empty: every configured one).
pub fn status(workspace: &Workspace, locales: &[Locale], lock: Option<&Lockfile>) -> Status {
    // One read and parse of every file serves both the check and the to-do lists.
    let catalogs = load_catalogs(&workspace.root, &workspace.config.locales.selected(locales));
    let report = check_catalogs(workspace, &catalogs, lock, &[]);
    let (reference, targets) = catalogs.split_first().expect("reference listed");

    let mut shared = Part {
        release: None,
        date: None,
        files: Vec::new(),
        locales: Vec::new(),
    };
    // Releases newest first, then any release text without metadata, by slug.
    let mut releases: Vec<Part> = workspace
        .releases
        .iter()
        .map(|r| Part {
            release: Some(r.slug.to_string()),
            date: Some(r.date.to_string()),
            files: Vec::new(),
            locales: Vec::new(),
        })
        .collect();
    for file in &reference.files {
        match file.release_slug() {
            None => shared.files.push(file.rel.clone()),
            Some(slug) => match releases
                .iter_mut()
                .find(|p| p.release.as_deref() == Some(slug))
            {
                Some(part) => part.files.push(file.rel.clone()),
                None => releases.push(Part {
                    release: Some(slug.to_owned()),
                    date: None,
                    files: vec![file.rel.clone()],
                    locales: Vec::new(),
                }),
            },
        }
    }

    let mut statuses = Vec::new();
    for (summary, catalog) in report.locales.iter().zip(targets) {
        let mut progress = Progress::default();
        let mut shared_progress = Progress::default();
        let mut per_release: Vec<Progress> = vec![Progress::default(); releases.len()];
        for file in &summary.files {
            progress.add(file);
            match &file.release {
                None => shared_progress.add(file),
                Some(slug) => {
                    if let Some(i) = releases
                        .iter()
                        .position(|p| p.release.as_deref() == Some(slug))
                    {
                        per_release[i].add(file);
                    }
                }
            }
        }
        // Problems outside the reference's files (an obsolete file) count for the locale.
        progress.errors = summary.errors;
        progress.warnings = summary.warnings;
        // Obsolete files too, which no reference file's summary holds.
        progress.messages.obsolete = summary.messages.obsolete;
        shared.locales.push(PartLocale {
            locale: summary.locale.clone(),
            progress: shared_progress,
        });
        for (part, release_progress) in releases.iter_mut().zip(per_release) {
            part.locales.push(PartLocale {
                locale: summary.locale.clone(),
                progress: release_progress,
            });
        }
        let todo = todo(reference, catalog, lock);
        let pending = todo
            .files
            .iter()
            .flat_map(|f| {
                f.items.iter().map(|i| PendingMessage {
                    file: f.path.clone(),
                    id: i.id.clone(),
                    state: i.state,
                    words: i.words,
                })
            })
            .collect();
        let glossary = GlossaryCoverage {
            terms: workspace.glossary.terms.len(),
            rendered: workspace
                .glossary
                .terms
                .iter()
                .filter(|t| t.renderings_for(&catalog.locale).is_some())
                .count(),
            mismatches: report
                .diagnostics
                .iter()
                .filter(|d| d.code == crate::Code::Glossary && d.locale == summary.locale)
                .count(),
        };
        statuses.push(LocaleStatus {
            locale: summary.locale.clone(),
            required: summary.required,
            complete: summary.complete,
            direction: Direction::of(&catalog.locale).as_str(),
            progress,
            suppressed: summary.suppressed,
            glossary,
            pending,
            todo,
        });
    }
    let (mut messages, mut words) = (0, 0);
    for file in &reference.files {
        let mut seen = std::collections::HashSet::new();
        for entry in file.entries.iter().filter(|e| seen.insert(e.id.as_str())) {
            messages += 1;
            words += entry.words as usize;
        }
    }
    Status {
        reference: report.reference.clone(),
        reference_errors: report.reference_errors(),
        messages,
        words,
        locales: statuses,
        shared,
        releases,
    }
}
