//! `beyan check`, the orchestration of the pipeline: load (the catalogs, each file with its
//! scope) → align (each reference entry with its translation and lock record) → judge (the
//! rules of [`crate::judge`]) → report (a typed [`Report`]: raw counts per file and locale,
//! the diagnostics after the severity policy, sorted).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use beyan_content::{Locale, SeverityOverride, Workspace};
use rayon::prelude::*;
use serde::Serialize;

use crate::align::{AlignedFile, align_file, file_records, orphan_files};
use crate::content_checks::{ContentChecks, MessageSource, TermSources, TermUse, TextRole};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::judge::required::{RequiredMessage, missing_required};
use crate::judge::scope::{DefectKey, local_checks};
use crate::judge::{Findings, PAIR_JUDGES, PairContext, kind_of};
use crate::load::catalog::FtlFile;
use crate::load::catalog::{Catalog, FileScope, Listing, load_catalogs};
use crate::load::lockfile::Lockfile;
use crate::plural::plural_categories;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions<'a> {
    /// Target locales to check; empty means every configured one.
    pub locales: Vec<Locale>,
    /// Freshness records; without them no translation is stale.
    pub lock: Option<&'a Lockfile>,
    /// Messages the templates use, which the reference must define.
    pub required: &'a [RequiredMessage],
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MessageCounts {
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    /// Translations made from an older reference text: a raw fact, counted whatever the
    /// severity of `stale-translation` (even `off`).
    pub stale: usize,
}

/// Words of the reference text, split by whether their message is translated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WordCounts {
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
}

/// Counts for one reference file in one locale (what `status` shows per release).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    /// Relative to the locale folder (`releases/<slug>.ftl`).
    pub file: String,
    /// The release slug, for `releases/<slug>.ftl`.
    pub release: Option<String>,
    /// Which bundles see the file.
    #[serde(skip)]
    pub scope: FileScope,
    pub messages: MessageCounts,
    pub words: WordCounts,
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocaleSummary {
    pub locale: String,
    pub required: bool,
    pub complete: bool,
    pub messages: MessageCounts,
    pub words: WordCounts,
    pub errors: usize,
    pub warnings: usize,
    /// Diagnostics silenced by `# beyan-ignore` comments (never printed).
    pub suppressed: usize,
    #[serde(skip)]
    pub files: Vec<FileSummary>,
}

impl LocaleSummary {
    /// Translated share of the reference's messages, 0–100.
    pub fn percent(&self) -> f64 {
        if self.messages.total == 0 {
            100.0
        } else {
            100.0 * self.messages.translated as f64 / self.messages.total as f64
        }
    }
}

/// The result of a check: summaries per target locale and every diagnostic, sorted.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub reference: String,
    pub locales: Vec<LocaleSummary>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Errors found in the reference itself (they block like a required locale's).
    pub fn reference_errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.locale == self.reference && d.severity == Severity::Error)
            .count()
    }

    pub fn reference_warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.locale == self.reference && d.severity == Severity::Warning)
            .count()
    }
}

/// Checks the workspace's locales against its reference.
pub fn check(workspace: &Workspace, options: &CheckOptions<'_>) -> Report {
    let locales = workspace.config.locales.selected(&options.locales);
    let catalogs = load_catalogs(&workspace.root, &locales);
    check_catalogs(workspace, &catalogs, options.lock, options.required)
}

/// Checks catalogs already loaded: the reference first, then the target locales. `required`
/// lists the messages the templates use (see [`RequiredMessage`]); the reference must define
/// each where the pages that format it find it.
pub fn check_catalogs(
    workspace: &Workspace,
    catalogs: &[Catalog],
    lock: Option<&Lockfile>,
    required: &[RequiredMessage],
) -> Report {
    let locales: Vec<Locale> = catalogs.iter().map(|c| c.locale.clone()).collect();
    let judgement = judge_part(workspace, catalogs, lock, required, &Part::All, true);
    report(workspace, &locales, judgement)
}

/// What a check is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Every finding (`check`, `status`, `serve`).
    Everything,
    /// What can block a render: the errors, and the `# beyan-ignore` comments that may
    /// silence one. The content checks, whose findings are warnings, run only when
    /// `[check.severity]` makes one of their codes an error; the report's warnings are then
    /// not all there, its errors and counts are.
    Errors,
}

impl Asked {
    /// Whether the content checks must run.
    fn content(self, config: &beyan_content::Config) -> bool {
        self == Asked::Everything
            || config.check.severity.iter().any(|(code, severity)| {
                *severity == SeverityOverride::Error
                    && Code::from_name(code).is_some_and(Code::is_content)
            })
    }
}

/// [`check`] of the locales `locales` (the reference first) in memory that does not grow with
/// the number of releases: every locale's shared files are read once and held; the releases'
/// own files are read, judged and set aside (see [`crate::SetAside`]) `batch` releases at a
/// time, each release's files in every locale together (the scope its bundles hold). The
/// report is [`check_catalogs`]'s over every file (a test holds them equal), of what was
/// `asked`; the catalogs returned hold the shared files, and read a release's own file again
/// for its bundle.
pub fn check_in_batches(
    workspace: &Workspace,
    locales: &[Locale],
    lock: Option<&Lockfile>,
    required: &[RequiredMessage],
    batch: usize,
    asked: Asked,
) -> (Report, Vec<Catalog>) {
    let content = asked.content(&workspace.config);
    let role = |i: usize| {
        if content {
            Listing::role(i)
        } else {
            TextRole::Suppressions
        }
    };
    let listing = Listing::new(&workspace.root, locales);
    let is_shared = |rel: &str| FileScope::of(rel) == FileScope::Shared;
    let mut catalogs = listing.catalogs(listing.read(is_shared, role));
    let mut judgement = judge_part(workspace, &catalogs, lock, required, &Part::Shared, content);
    // Every release a file or the workspace names: a reference file may be missing, a
    // translation's file may have no reference.
    let mut slugs: Vec<&str> = listing
        .files
        .iter()
        .filter_map(|(_, rel, _)| FileScope::release_of(rel))
        .chain(workspace.releases.iter().map(|r| r.slug.as_str()))
        .collect();
    slugs.sort_unstable();
    slugs.dedup();
    let paths: Vec<_> = (0..locales.len()).map(|i| listing.paths(i)).collect();
    for slugs in slugs.chunks(batch.max(1)) {
        let in_batch = |rel: &str| {
            FileScope::release_of(rel).is_some_and(|slug| slugs.binary_search(&slug).is_ok())
        };
        Listing::add(&mut catalogs, listing.read(in_batch, role));
        let part = Part::Releases(slugs);
        judgement.append(judge_part(
            workspace, &catalogs, lock, required, &part, content,
        ));
        for (catalog, paths) in catalogs.iter_mut().zip(&paths) {
            catalog.set_aside_release_files(paths);
        }
    }
    (report(workspace, locales, judgement), catalogs)
}

/// The files a pass of the check judges. A large workspace is checked in parts (the shared
/// files, then the releases' own a batch at a time), each file judged in one of them; the
/// catalogs of a release part also hold the shared files, which its files are judged on top
/// of, but their findings belong to the shared part.
pub(crate) enum Part<'s> {
    All,
    Shared,
    /// Sorted.
    Releases(&'s [&'s str]),
}

impl Part<'_> {
    pub(crate) fn holds(&self, scope: &FileScope) -> bool {
        match (self, scope) {
            (Part::All, _) | (Part::Shared, FileScope::Shared) => true,
            (Part::Releases(slugs), FileScope::Release(slug)) => {
                slugs.binary_search(&slug.as_str()).is_ok()
            }
            _ => false,
        }
    }

    /// Whether a diagnostic is this part's: one of no file (a locale's missing folder) is the
    /// shared part's.
    fn holds_diagnostic(&self, diagnostic: &Diagnostic) -> bool {
        self.holds(diagnostic.scope.as_ref().unwrap_or(&FileScope::Shared))
    }
}

/// What one part of the check found, before the severity policy.
struct Judgement {
    /// The reference's own checks.
    reference: Vec<crate::judge::scope::LocalFinding>,
    /// Messages the templates need that the reference lacks.
    required: Vec<Diagnostic>,
    /// Each target locale's, in order.
    targets: Vec<LocaleJudgement>,
}

impl Judgement {
    fn append(&mut self, other: Self) {
        self.reference.extend(other.reference);
        self.required.extend(other.required);
        for (mine, theirs) in self.targets.iter_mut().zip(other.targets) {
            mine.local.extend(theirs.local);
            mine.found.extend(theirs.found);
            mine.files.extend(theirs.files);
            mine.obsolete += theirs.obsolete;
            mine.suppressed += theirs.suppressed;
        }
    }
}

/// Judges the files of `part` in `catalogs` (the reference first); the content checks only
/// when `content` (without, their gate finds nothing to open but a suppression).
fn judge_part(
    workspace: &Workspace,
    catalogs: &[Catalog],
    lock: Option<&Lockfile>,
    required: &[RequiredMessage],
    part: &Part<'_>,
    content: bool,
) -> Judgement {
    let Some((reference_catalog, target_catalogs)) = catalogs.split_first() else {
        return Judgement {
            reference: Vec::new(),
            required: Vec::new(),
            targets: Vec::new(),
        };
    };
    // Freshness compares each translation's record with the hash of its reference text:
    // hashed once per reference file, in parallel, not by whichever locale gets there first.
    if lock.is_some() {
        reference_catalog.files.par_iter().for_each(|file| {
            file.hashes();
        });
    }
    let reference_terms = if content {
        reference_terms(workspace, reference_catalog, part)
    } else {
        Vec::new()
    };
    let releases: Vec<&beyan_content::Slug> = workspace.releases.iter().map(|r| &r.slug).collect();
    // The reference's own checks and the labels it lacks run beside the target locales'.
    let ((mut reference, required), targets) = rayon::join(
        || {
            (
                local_checks(reference_catalog),
                missing_required(reference_catalog, &releases, required, part),
            )
        },
        || {
            target_catalogs
                .par_iter()
                .map(|catalog| {
                    judge_locale(
                        workspace,
                        reference_catalog,
                        &reference_terms,
                        catalog,
                        lock,
                        part,
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    reference.retain(|f| part.holds_diagnostic(&f.diagnostic));
    Judgement {
        reference,
        required,
        targets,
    }
}

/// The glossary terms each message of the reference uses, per file of `reference` (none for a
/// file that `part` does not hold), per entry: found once, in parallel, for every target
/// locale to compare with.
fn reference_terms(
    workspace: &Workspace,
    reference: &Catalog,
    part: &Part<'_>,
) -> Vec<Vec<TermUse>> {
    let sources = TermSources::new(&workspace.glossary, &reference.locale);
    if sources.is_empty() {
        return Vec::new();
    }
    reference
        .files
        .par_iter()
        .map(|file| {
            if !part.holds(&file.scope) {
                return Vec::new();
            }
            file.entries
                .iter()
                .map(|entry| sources.used_in(message_source(file, entry)))
                .collect()
        })
        .collect()
}

/// The report of a check's judgement: the severity policy applied, the counts summed per
/// file and locale, the diagnostics sorted.
fn report(workspace: &Workspace, locales: &[Locale], judgement: Judgement) -> Report {
    let config = &workspace.config;
    let Some((reference, targets)) = locales.split_first() else {
        return Report {
            reference: config.locales.reference.to_string(),
            locales: Vec::new(),
            diagnostics: Vec::new(),
        };
    };
    // A defect of the reference is reported once, on the reference: a translation that
    // mirrors it is not blamed.
    let reference_defects: HashSet<&DefectKey> = judgement
        .reference
        .iter()
        .filter_map(|f| f.key.as_ref())
        .collect();
    // Every diagnostic is moved once, into a list of its final size (thousands of them).
    let total = judgement.reference.len()
        + judgement.required.len()
        + judgement
            .targets
            .iter()
            .map(|t| t.local.len() + t.found.len())
            .sum::<usize>();
    let mut diagnostics = Vec::with_capacity(total);
    diagnostics.extend(judgement.reference.iter().map(|f| f.diagnostic.clone()));
    diagnostics.extend(judgement.required);
    apply_overrides(&mut diagnostics, 0, config);
    let mut summaries = Vec::new();
    for (locale, judged) in targets.iter().zip(judgement.targets) {
        let LocaleJudgement {
            local,
            found,
            mut files,
            obsolete,
            suppressed,
        } = judged;
        // In the reference's order (a check in parts judges the shared files first).
        files.sort_by(|a, b| a.file.cmp(&b.file));
        let own_defects = local
            .into_iter()
            .filter(|f| {
                !f.key
                    .as_ref()
                    .is_some_and(|k| reference_defects.contains(k))
            })
            .map(|f| f.diagnostic);
        let start = diagnostics.len();
        diagnostics.extend(own_defects.chain(found));
        apply_overrides(&mut diagnostics, start, config);
        let found = &diagnostics[start..];
        // (errors, warnings) per file, in one pass over the diagnostics.
        let mut per_file: HashMap<&str, (usize, usize)> = HashMap::default();
        for d in found {
            let counts = per_file.entry(d.file.as_str()).or_default();
            match d.severity {
                Severity::Error => counts.0 += 1,
                Severity::Warning => counts.1 += 1,
            }
        }
        for file in &mut files {
            let path = format!("locales/{locale}/{}", file.file);
            if let Some(&(errors, warnings)) = per_file.get(path.as_str()) {
                file.errors = errors;
                file.warnings = warnings;
            }
        }
        let mut messages = MessageCounts::default();
        let mut words = WordCounts::default();
        for file in &files {
            messages.total += file.messages.total;
            messages.missing += file.messages.missing;
            messages.stale += file.messages.stale;
            words.total += file.words.total;
            words.missing += file.words.missing;
        }
        messages.translated = messages.total - messages.missing;
        messages.obsolete = obsolete;
        words.translated = words.total - words.missing;
        let errors = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = found.len() - errors;
        let missing_parts = found.iter().any(|d| d.code.is_missing());
        summaries.push(LocaleSummary {
            locale: locale.to_string(),
            required: config.locales.is_required(locale),
            complete: messages.missing == 0 && !missing_parts && errors == 0,
            messages,
            words,
            errors,
            warnings,
            suppressed,
            files,
        });
    }

    let order: Vec<&Locale> = locales.iter().collect();
    sort_diagnostics(&mut diagnostics, &order);
    Report {
        reference: reference.to_string(),
        locales: summaries,
        diagnostics,
    }
}

/// Sorts by locale (configuration order), file and position; stable, so missing messages keep
/// the reference's order.
fn sort_diagnostics(diagnostics: &mut [Diagnostic], locales: &[&Locale]) {
    let order: HashMap<&str, usize> = locales
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    // Thousands of diagnostics fall in a few hundred files: each path is ranked among the
    // others once, and the sort compares ranks rather than paths.
    let mut files: Vec<String> = diagnostics
        .iter()
        .map(|d| d.file.as_str())
        .collect::<HashSet<&str>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    files.sort_unstable();
    let file_rank: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, file)| (file.as_str(), i))
        .collect();
    diagnostics.sort_by_cached_key(|d| {
        (
            order.get(d.locale.as_str()).copied().unwrap_or(usize::MAX),
            file_rank
                .get(d.file.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            d.line.unwrap_or(usize::MAX),
            d.column.unwrap_or(0),
        )
    });
}

/// What was found in one target locale, before the severity policy.
struct LocaleJudgement {
    /// Its own checks, keyed to tell them from the reference's defects.
    local: Vec<crate::judge::scope::LocalFinding>,
    /// The comparison with the reference.
    found: Vec<Diagnostic>,
    files: Vec<FileSummary>,
    obsolete: usize,
    /// Findings silenced by `# beyan-ignore` comments.
    suppressed: usize,
}

/// One target locale: its own checks and its comparison with the reference, file by file in
/// parallel (three locales on two cores would otherwise leave one core idle for the last).
fn judge_locale(
    workspace: &Workspace,
    reference: &Catalog,
    reference_terms: &[Vec<TermUse>],
    target: &Catalog,
    lock: Option<&Lockfile>,
    part: &Part<'_>,
) -> LocaleJudgement {
    let plural = plural_categories(&target.locale);
    let cx = PairContext {
        config: &workspace.config,
        locale: &target.locale,
        plural: &plural,
    };
    let locale = target.locale.as_str();
    let content = ContentChecks::new(&workspace.glossary, &reference.locale, &target.locale);
    let (mut local, compared) = rayon::join(
        || local_checks(target),
        || {
            reference
                .files
                .par_iter()
                .enumerate()
                .filter(|(_, file)| part.holds(&file.scope))
                .map(|(i, file)| {
                    let aligned = align_file(
                        file,
                        target.file(&file.rel),
                        file_records(lock, locale, &file.rel),
                    );
                    let terms = reference_terms.get(i).map_or(&[][..], Vec::as_slice);
                    judge_file(&cx, &content, terms, target, &aligned)
                })
                .collect::<Vec<_>>()
        },
    );
    let mut found = Vec::new();
    let mut files = Vec::with_capacity(compared.len());
    let mut obsolete = 0;
    let mut suppressed = 0;
    local.retain(|f| part.holds_diagnostic(&f.diagnostic));
    if !target.exists && part.holds(&FileScope::Shared) {
        // One finding for the whole locale, not one per message.
        found.push(Diagnostic {
            severity: Code::MissingMessage.default_severity(),
            code: Code::MissingMessage,
            locale: locale.to_owned(),
            file: format!("locales/{locale}"),
            line: None,
            column: None,
            id: None,
            message: format!(
                "the folder `locales/{locale}` does not exist: every message of the reference is missing"
            ),
            help: None,
            source_line: None,
            scope: None,
        });
    }
    for judged in compared {
        let (mut diagnostics, summary, count, silenced) = judged;
        found.append(&mut diagnostics);
        files.push(summary);
        obsolete += count;
        suppressed += silenced;
    }
    let mut orphans = Findings::new(&target.locale);
    for file in orphan_files(reference, target)
        .into_iter()
        .filter(|file| part.holds(&file.scope))
    {
        for entry in &file.entries {
            obsolete += 1;
            orphans.push(
                Code::ObsoleteMessage,
                file,
                Some(entry.start),
                Some(&entry.id),
                format!(
                    "`{}` is not in the reference (the reference has no such file); remove it",
                    entry.id
                ),
            );
        }
    }
    found.append(&mut orphans.diagnostics);
    LocaleJudgement {
        local,
        found,
        files,
        obsolete,
        suppressed,
    }
}

/// The findings of one aligned file, its raw counts, its obsolete entries' number and how many
/// findings `# beyan-ignore` comments silenced; `reference_terms` are the glossary terms of the
/// reference file's entries, in order.
fn judge_file(
    cx: &PairContext<'_>,
    content: &ContentChecks,
    reference_terms: &[TermUse],
    target: &Catalog,
    aligned: &AlignedFile<'_>,
) -> (Vec<Diagnostic>, FileSummary, usize, usize) {
    let reference_file = aligned.reference_file;
    let mut summary = FileSummary {
        file: reference_file.rel.clone(),
        release: reference_file.release_slug().map(str::to_owned),
        scope: reference_file.scope.clone(),
        ..FileSummary::default()
    };
    let mut out = Findings::new(cx.locale);
    let mut suppressed = 0;
    // A file that is absent is reported against the path where it is expected.
    let placeholder;
    let target_file = match aligned.target_file {
        Some(file) => file,
        None => {
            placeholder =
                crate::load::catalog::FtlFile::parse(cx.locale, reference_file.rel.clone(), b"");
            &placeholder
        }
    };
    for pair in &aligned.pairs {
        let entry = pair.reference;
        summary.messages.total += 1;
        summary.words.total += entry.words as usize;
        if pair.translation.is_none() {
            summary.messages.missing += 1;
            summary.words.missing += entry.words as usize;
            // A message broken by a syntax error is reported once, by that error.
            if target.exists && !target_file.broken_ids.iter().any(|id| *id == *entry.id) {
                out.push(
                    Code::MissingMessage,
                    target_file,
                    None,
                    Some(&entry.id),
                    format!(
                        "missing {} `{}` ({}:{})",
                        kind_of(&entry.id),
                        entry.id,
                        reference_file.source.path,
                        reference_file.source.line(entry.start)
                    ),
                );
            }
            continue;
        }
        if pair.is_stale() {
            summary.messages.stale += 1;
        }
        let before = out.diagnostics.len();
        for judge in PAIR_JUDGES {
            judge(cx, pair, &mut out);
        }
        let terms = reference_file
            .index_of(entry)
            .and_then(|i| reference_terms.get(i));
        suppressed += judge_content(content, pair, terms, &mut out, before);
    }
    for entry in &aligned.obsolete {
        out.push(
            Code::ObsoleteMessage,
            target_file,
            Some(entry.start),
            Some(&entry.id),
            format!(
                "`{}` is not in the reference (not in the reference file); remove it",
                entry.id
            ),
        );
    }
    summary.messages.obsolete = aligned.obsolete.len();
    (out.diagnostics, summary, aligned.obsolete.len(), suppressed)
}

/// The content checks of one translated pair (`content_checks`), then its `# beyan-ignore`
/// comment applied to everything found for it since `before`; returns how many it silenced.
fn judge_content(
    content: &ContentChecks,
    pair: &crate::align::Pair<'_>,
    reference_terms: Option<&TermUse>,
    out: &mut Findings<'_>,
    before: usize,
) -> usize {
    let Some((file, translation)) = pair.translated() else {
        return 0;
    };
    let no_terms = TermUse::default();
    let (findings, suppression) = content.check_pair(
        message_source(pair.reference_file, pair.reference),
        reference_terms.unwrap_or(&no_terms),
        message_source(file, translation),
    );
    let id = pair.reference.id.as_str();
    for finding in findings {
        let offset = finding.offset.unwrap_or(translation.start);
        out.push(
            finding.code,
            file,
            Some(offset),
            Some(id),
            format!("`{id}`: {}", finding.message),
        );
    }
    let Some(suppression) = suppression else {
        return 0;
    };
    let found = out.diagnostics.len() - before;
    let mut i = before;
    while i < out.diagnostics.len() {
        if suppression.silences(out.diagnostics[i].code) {
            out.diagnostics.remove(i);
        } else {
            i += 1;
        }
    }
    found - (out.diagnostics.len() - before)
}

fn message_source<'f>(file: &'f FtlFile, entry: &crate::load::entry::Entry) -> MessageSource<'f> {
    MessageSource {
        file_text: file.source.text.as_str(),
        start: entry.start,
        end: entry.end,
        flags: entry.content_flags,
    }
}

/// The `[check.severity]` policy, applied to the diagnostics from index `from` on: a code
/// set `off` is dropped, the others get the severity the configuration gives them.
fn apply_overrides(diagnostics: &mut Vec<Diagnostic>, from: usize, config: &beyan_content::Config) {
    let overrides = &config.check.severity;
    if overrides.is_empty() {
        return;
    }
    let mut index = 0;
    diagnostics.retain_mut(|d| {
        index += 1;
        if index <= from {
            return true;
        }
        match overrides.get(d.code.as_str()) {
            Some(SeverityOverride::Off) => return false,
            Some(SeverityOverride::Error) => d.severity = Severity::Error,
            Some(SeverityOverride::Warning) => d.severity = Severity::Warning,
            None => {}
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::required::RequiredIn;

    fn write(root: &std::path::Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
        std::fs::write(path, text).expect("file");
    }

    /// A workspace whose releases' files have a defect of every kind that depends on what a
    /// part of the check holds: scopes, orphans, missing files, the reference's own defects.
    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(
            root,
            "beyan.toml",
            "[locales]\nreference = \"en\"\nrequired = [\"az\", \"tr\", \"ur\"]\n",
        );
        for slug in ["a", "b", "c", "e"] {
            write(
                root,
                &format!("releases/{slug}.toml"),
                "date = 2025-11-08\n",
            );
        }
        let common =
            "org-name = Embassy\n-brand = Brand\nshared = { -brand }\nshared = { -brand }\n";
        write(root, "locales/en/common.ftl", common);
        write(root, "locales/en/zz-last.ftl", "late = Late\n");
        write(
            root,
            "locales/en/releases/archive/notes.ftl",
            "note = Note\n",
        );
        write(
            root,
            "locales/en/releases/a.ftl",
            "headline = A\nbody = { -brand } 5\n",
        );
        write(
            root,
            "locales/en/releases/b.ftl",
            "headline = B\nheadline = B2\nx = { y }\n",
        );
        write(
            root,
            "locales/en/releases/c.ftl",
            "headline = C\nloop = { loop }\n",
        );
        // `d` is only a translation's (no reference file); `e` lacks a required message, and
        // the translations lack its file.
        write(root, "locales/en/releases/e.ftl", "title = E\n");
        write(
            root,
            "locales/az/common.ftl",
            "org-name = Səfirlik\nshared = { -brand }\n",
        );
        write(
            root,
            "locales/az/releases/a.ftl",
            "headline = A az\nbody = { -brand } 6\n",
        );
        write(
            root,
            "locales/az/releases/b.ftl",
            "headline = B az\nx = { y }\nextra = E\n",
        );
        write(
            root,
            "locales/az/releases/c.ftl",
            "headline = { \nloop = { loop }\n",
        );
        write(root, "locales/az/releases/d.ftl", "headline = D\n");
        write(root, "locales/az/releases/orphan.ftl", "headline = O\n");
        write(root, "locales/tr/common.ftl", common);
        write(root, "locales/tr/releases/a.ftl", "headline = A\n");
        // `ur` has no folder at all.
        let workspace = Workspace::load(root).expect("a valid workspace");
        (dir, workspace)
    }

    #[test]
    fn a_check_in_batches_reports_what_the_whole_check_reports() {
        let (_dir, workspace) = workspace();
        let locales = workspace.config.locales.selected(&[]);
        let required = [
            RequiredMessage {
                id: "org-name".to_owned(),
                required_in: RequiredIn::Shared,
                used_by: "a template".to_owned(),
            },
            RequiredMessage {
                id: "headline".to_owned(),
                required_in: RequiredIn::EveryRelease,
                used_by: "a template".to_owned(),
            },
        ];
        let catalogs = load_catalogs(&workspace.root, &locales);
        let whole = check_catalogs(&workspace, &catalogs, None, &required);
        assert!(whole.diagnostics.len() > 10, "{:#?}", whole.diagnostics);
        for batch in [1, 2, 3, 100] {
            let (batched, held) = check_in_batches(
                &workspace,
                &locales,
                None,
                &required,
                batch,
                Asked::Everything,
            );
            assert_eq!(
                format!("{batched:#?}"),
                format!("{whole:#?}"),
                "batch {batch}"
            );
            // Only the shared files stay; a release's own is read again, unchanged.
            for (held, whole) in held.iter().zip(&catalogs) {
                assert!(held.files.iter().all(|f| f.release_slug().is_none()));
                for file in whole.files.iter().filter(|f| f.release_slug().is_some()) {
                    let slug = file.release_slug().expect("a release's file");
                    let again = held.release_text(slug).expect("unchanged");
                    let again = again.expect("set aside");
                    assert_eq!(again.text, file.source.text);
                    assert_eq!(again.path, file.source.path);
                    assert_eq!(again.syntax_errors, file.syntax_errors.len());
                }
            }
        }
    }

    /// What render sees of a report: its errors and each locale's counts.
    fn blocking(report: &Report) -> String {
        let errors: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let counts: Vec<_> = report
            .locales
            .iter()
            .map(|l| (&l.locale, l.complete, l.errors, &l.messages, &l.words))
            .collect();
        format!("{errors:#?}\n{counts:#?}")
    }

    #[test]
    fn asked_for_errors_a_check_reports_every_error_and_count() {
        let (dir, _) = workspace();
        // A suppression silences an error (the content checks read it); a content warning.
        write(
            dir.path(),
            "locales/en/zz-last.ftl",
            "late = Late\ngreet = Hello\n",
        );
        write(
            dir.path(),
            "locales/az/zz-last.ftl",
            "late = Gec 2\n# beyan-ignore: unknown-variable — filled in by the template\ngreet = Salam { $name }\n",
        );
        let workspace = Workspace::load(dir.path()).expect("a valid workspace");
        let locales = workspace.config.locales.selected(&[]);
        let check = |asked| check_in_batches(&workspace, &locales, None, &[], 2, asked).0;
        let (everything, errors) = (check(Asked::Everything), check(Asked::Errors));
        let codes =
            |r: &Report| -> Vec<&str> { r.diagnostics.iter().map(|d| d.code.as_str()).collect() };
        assert!(
            codes(&everything).contains(&"number-mismatch"),
            "{:?}",
            codes(&everything)
        );
        assert!(
            !codes(&errors).contains(&"number-mismatch"),
            "{:?}",
            codes(&errors)
        );
        assert!(
            !codes(&errors).contains(&"unknown-variable"),
            "{:?}",
            codes(&errors)
        );
        assert_eq!(blocking(&errors), blocking(&everything));

        // A content code made an error is asked for like any error.
        let config = std::fs::read_to_string(dir.path().join("beyan.toml")).expect("config");
        write(
            dir.path(),
            "beyan.toml",
            &format!("{config}\n[check.severity]\nnumber-mismatch = \"error\"\n"),
        );
        let workspace = Workspace::load(dir.path()).expect("a valid workspace");
        let check = |asked| check_in_batches(&workspace, &locales, None, &[], 2, asked).0;
        let (everything, errors) = (check(Asked::Everything), check(Asked::Errors));
        assert!(
            codes(&errors).contains(&"number-mismatch"),
            "{:?}",
            codes(&errors)
        );
        assert_eq!(blocking(&errors), blocking(&everything));
    }

    #[test]
    fn a_release_file_changed_after_the_check_is_not_read_again() {
        let (dir, workspace) = workspace();
        let locales = workspace.config.locales.selected(&[]);
        let (_, mut catalogs) =
            check_in_batches(&workspace, &locales, None, &[], 2, Asked::Everything);
        write(
            dir.path(),
            "locales/en/releases/a.ftl",
            "headline = Unchecked\n",
        );
        let error = catalogs[0].release_text("a").expect_err("changed");
        assert!(error.contains("changed after it was checked"), "{error}");
        assert!(catalogs[0].release_text("e").is_ok());
        assert!(catalogs[0].read_set_aside().is_err());
    }
}
