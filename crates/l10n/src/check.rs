//! `beyan check`: every locale compared with the reference, file by file (the model of
//! compare-locales), plus the checks each locale needs on its own (syntax, encoding,
//! duplicates, references, cycles).
//!
//! Scopes follow the runtime: shared files (everything outside `releases/`) form one scope, and
//! each `releases/<slug>.ftl` sees the shared scope plus itself, so `headline` may appear in
//! every release without being a duplicate.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use beyan_content::{Locale, SeverityOverride, Workspace};
use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::{Catalog, FtlFile, load_catalogs};
use crate::content_checks::{ContentChecks, MessageSource};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::entry::Entry;
use crate::lockfile::{LockEntry, Lockfile};
use crate::plural::plural_categories;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions<'a> {
    /// Target locales to check; empty means every configured one.
    pub locales: Vec<Locale>,
    /// Freshness records; without them no translation is stale.
    pub lock: Option<&'a Lockfile>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MessageCounts {
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub stale: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WordCounts {
    pub total: usize,
    pub missing: usize,
}

/// Counts for one reference file in one locale (what `status` shows per release).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    /// Relative to the locale folder (`releases/<slug>.ftl`).
    pub file: String,
    /// The release slug, for `releases/<slug>.ftl`.
    pub release: Option<String>,
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
    check_catalogs(workspace, &catalogs, options.lock)
}

/// Checks catalogs already loaded: the reference first, then the target locales.
pub fn check_catalogs(
    workspace: &Workspace,
    catalogs: &[Catalog],
    lock: Option<&Lockfile>,
) -> Report {
    let config = &workspace.config;
    let Some((reference_catalog, target_catalogs)) = catalogs.split_first() else {
        return Report {
            reference: config.locales.reference.to_string(),
            locales: Vec::new(),
            diagnostics: Vec::new(),
        };
    };
    let reference = reference_catalog.locale.clone();
    let locales: Vec<&Locale> = catalogs.iter().map(|c| &c.locale).collect();

    // Freshness compares every translated message's record with the hash of its reference
    // text: hashed here once, file by file in parallel, rather than on first use by whichever
    // locale's comparison gets there first while the others wait for it.
    if lock.is_some() {
        reference_catalog.files.par_iter().for_each(|file| {
            for entry in &file.entries {
                entry.hash(&file.source);
            }
        });
    }
    // The reference's own checks run beside the comparisons, not before them.
    let (reference_diagnostics, per_target) = rayon::join(
        || local_checks(reference_catalog),
        || compare_all(workspace, reference_catalog, target_catalogs, lock),
    );

    let mut diagnostics = apply_overrides(reference_diagnostics, config);
    // Where each locale's diagnostics end, to sort them locale by locale in parallel.
    let mut chunk_ends = vec![diagnostics.len()];
    let mut summaries = Vec::new();
    for (catalog, (found, mut files, obsolete, suppressed)) in
        target_catalogs.iter().zip(per_target)
    {
        let found = apply_overrides(found, config);
        // (errors, warnings, stale) per file, in one pass over the diagnostics.
        let mut per_file: HashMap<&str, (usize, usize, usize)> = HashMap::default();
        for d in &found {
            let counts = per_file.entry(d.file.as_str()).or_default();
            match d.severity {
                Severity::Error => counts.0 += 1,
                Severity::Warning => counts.1 += 1,
            }
            if d.code == Code::StaleTranslation {
                counts.2 += 1;
            }
        }
        for file in &mut files {
            let path = format!("locales/{}/{}", catalog.locale, file.file);
            if let Some(&(errors, warnings, stale)) = per_file.get(path.as_str()) {
                file.errors = errors;
                file.warnings = warnings;
                file.messages.stale = stale;
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
        let errors = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = found.len() - errors;
        let missing_parts = found.iter().any(|d| d.code.is_missing());
        summaries.push(LocaleSummary {
            locale: catalog.locale.to_string(),
            required: config.locales.is_required(&catalog.locale),
            complete: messages.missing == 0 && !missing_parts && errors == 0,
            messages,
            words,
            errors,
            warnings,
            suppressed,
            files,
        });
        diagnostics.extend(found);
        chunk_ends.push(diagnostics.len());
    }

    sort_diagnostics(&mut diagnostics, &chunk_ends, &locales);
    Report {
        reference: reference.to_string(),
        locales: summaries,
        diagnostics,
    }
}

/// Sorts by locale (configuration order), file and position; stable, so missing messages keep
/// the reference's order. Each locale's diagnostics (`chunk_ends` bounds them) are sorted in
/// parallel; when the chunks then follow one another in order, as they do when each holds one
/// locale, that is the whole sort.
fn sort_diagnostics(diagnostics: &mut [Diagnostic], chunk_ends: &[usize], locales: &[&Locale]) {
    let order: HashMap<&str, usize> = locales
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let rank = |d: &Diagnostic| order.get(d.locale.as_str()).copied().unwrap_or(usize::MAX);
    // Compared in place: no key is built per comparison.
    let compare = |a: &Diagnostic, b: &Diagnostic| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| {
                a.line
                    .unwrap_or(usize::MAX)
                    .cmp(&b.line.unwrap_or(usize::MAX))
            })
            .then_with(|| a.column.unwrap_or(0).cmp(&b.column.unwrap_or(0)))
    };
    let mut chunks: Vec<&mut [Diagnostic]> = Vec::with_capacity(chunk_ends.len());
    let mut rest = &mut *diagnostics;
    let mut start = 0;
    for &end in chunk_ends {
        let (chunk, tail) = rest.split_at_mut(end.saturating_sub(start).min(rest.len()));
        chunks.push(chunk);
        rest = tail;
        start = end;
    }
    chunks.push(rest);
    chunks
        .into_par_iter()
        .for_each(|chunk| chunk.sort_by(compare));
    if !diagnostics.is_sorted_by(|a, b| compare(a, b).is_le()) {
        diagnostics.sort_by(compare);
    }
}

/// Each target locale's own checks and its comparison with the reference, in parallel.
fn compare_all(
    workspace: &Workspace,
    reference_catalog: &Catalog,
    target_catalogs: &[Catalog],
    lock: Option<&Lockfile>,
) -> Vec<(Vec<Diagnostic>, Vec<FileSummary>, usize, usize)> {
    target_catalogs
        .par_iter()
        .map(|catalog| {
            let plural = plural_categories(&catalog.locale);
            let content = ContentChecks::new(
                &workspace.glossary,
                &reference_catalog.locale,
                &catalog.locale,
            );
            let comparison = || Comparison {
                workspace,
                reference: reference_catalog,
                target: catalog,
                lock,
                plural: plural.clone(),
                content: &content,
                diagnostics: Vec::new(),
                files: Vec::new(),
                obsolete: 0,
                suppressed: 0,
            };
            // Files are compared in parallel too: three locales on two cores would otherwise
            // leave one core idle for the last one.
            let (mut diagnostics, parts) = rayon::join(
                || local_checks(catalog),
                || {
                    let mut parts: Vec<Comparison<'_>> = reference_catalog
                        .files
                        .par_iter()
                        .map(|reference_file| {
                            let mut part = comparison();
                            part.compare_file(reference_file, catalog.file(&reference_file.rel));
                            part
                        })
                        .collect();
                    let mut orphans = comparison();
                    orphans.obsolete_files();
                    parts.push(orphans);
                    parts
                },
            );
            let mut files = Vec::new();
            let mut obsolete = 0;
            let mut suppressed = 0;
            for mut part in parts {
                diagnostics.append(&mut part.diagnostics);
                files.append(&mut part.files);
                obsolete += part.obsolete;
                suppressed += part.suppressed;
            }
            (diagnostics, files, obsolete, suppressed)
        })
        .collect()
}

fn apply_overrides(found: Vec<Diagnostic>, config: &beyan_content::Config) -> Vec<Diagnostic> {
    let overrides = &config.check.severity;
    if overrides.is_empty() {
        return found;
    }
    found
        .into_iter()
        .filter_map(|mut d| {
            match overrides.get(d.code.as_str()) {
                Some(SeverityOverride::Off) => return None,
                Some(SeverityOverride::Error) => d.severity = Severity::Error,
                Some(SeverityOverride::Warning) => d.severity = Severity::Warning,
                None => {}
            }
            Some(d)
        })
        .collect()
}

fn diagnostic(
    code: Code,
    locale: &Locale,
    file: &FtlFile,
    offset: Option<usize>,
    id: Option<&str>,
    message: String,
) -> Diagnostic {
    let (line, column, source_line) = match offset {
        Some(offset) => {
            let (line, column) = file.source.position(offset);
            (
                Some(line),
                Some(column),
                Some(printable(file.source.line_text(line))),
            )
        }
        None => (None, None, None),
    };
    Diagnostic {
        severity: code.default_severity(),
        code,
        locale: locale.as_str().to_owned(),
        file: file.source.path.clone(),
        line,
        column,
        id: id.map(str::to_owned),
        message,
        source_line,
    }
}

/// A source line safe to print on a terminal: bidi and other control characters (which could
/// reorder what the reader sees) become U+FFFD, one character for one, so columns still match.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| {
            if crate::entry::is_bidi_control(c) || (c.is_control() && c != '\t') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Checks that need only the locale itself.
fn local_checks(catalog: &Catalog) -> Vec<Diagnostic> {
    let locale = &catalog.locale;
    let mut out = Vec::new();
    for file in &catalog.files {
        if let Some(error) = &file.io_error {
            out.push(diagnostic(
                Code::InvalidEncoding,
                locale,
                file,
                None,
                None,
                format!("cannot read the file: {error}"),
            ));
        }
        if let Some(offset) = file.source.invalid_utf8_at {
            out.push(diagnostic(
                Code::InvalidEncoding,
                locale,
                file,
                Some(offset),
                None,
                "the file is not valid UTF-8; save it as UTF-8".to_owned(),
            ));
        }
        for (offset, message) in &file.syntax_errors {
            out.push(diagnostic(
                Code::SyntaxError,
                locale,
                file,
                Some(*offset),
                None,
                message.clone(),
            ));
        }
    }

    // Shared scope, then each release file on top of it.
    let (releases, shared): (Vec<&FtlFile>, Vec<&FtlFile>) = catalog
        .files
        .iter()
        .partition(|f| f.release_slug().is_some());
    let shared_count = shared.iter().map(|f| f.entries.len()).sum();
    let mut shared_ids = Scope::with_capacity_and_hasher(shared_count, Default::default());
    let mut shared_entries: Vec<(&FtlFile, &Entry)> = Vec::with_capacity(shared_count);
    for file in &shared {
        for entry in &file.entries {
            if let Some((first_file, first, _)) = shared_ids.get(entry.id.as_str()) {
                out.push(duplicate(locale, file, entry, first_file, first));
            } else {
                shared_ids.insert(&entry.id, (file, entry, shared_entries.len()));
            }
            shared_entries.push((file, entry));
        }
    }
    let no_ids = Scope::default();
    scope_checks(
        locale,
        &shared_entries,
        [&shared_ids, &no_ids],
        &shared_ids,
        &mut out,
    );
    for file in &releases {
        let mut own = Scope::with_capacity_and_hasher(file.entries.len(), Default::default());
        for (position, entry) in file.entries.iter().enumerate() {
            let earlier = own
                .get(entry.id.as_str())
                .or_else(|| shared_ids.get(entry.id.as_str()));
            if let Some((first_file, first, _)) = earlier {
                out.push(duplicate(locale, file, entry, first_file, first));
            } else {
                own.insert(&entry.id, (file, entry, position));
            }
        }
        let entries: Vec<(&FtlFile, &Entry)> = file.entries.iter().map(|e| (*file, e)).collect();
        scope_checks(locale, &entries, [&shared_ids, &own], &own, &mut out);
    }
    out
}

/// The ids a scope defines: each one's first definition and its position in the scope's list
/// of entries.
type Scope<'c> = HashMap<&'c str, (&'c FtlFile, &'c Entry, usize)>;

fn duplicate(
    locale: &Locale,
    file: &FtlFile,
    entry: &Entry,
    first_file: &FtlFile,
    first: &Entry,
) -> Diagnostic {
    let line = first_file.source.line(first.start);
    diagnostic(
        Code::DuplicateId,
        locale,
        file,
        Some(entry.start),
        Some(&entry.id),
        format!(
            "`{}` is defined more than once; first at {}:{line}",
            entry.id, first_file.source.path
        ),
    )
}

/// Unknown references and cycles among `entries`: a reference resolves in any of `visible`;
/// the graph's edges are those to entries of `entries` itself, which `own` (the ids defined
/// first in `entries`, by position) names. The shared scope's own cycles are reported when
/// it is checked, not again with each release.
fn scope_checks(
    locale: &Locale,
    entries: &[(&FtlFile, &Entry)],
    visible: [&Scope<'_>; 2],
    own: &Scope<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (file, entry) in entries {
        for reference in &entry.references {
            let id = reference.value.as_str();
            if !visible.iter().any(|scope| scope.contains_key(id)) {
                let what = if id.starts_with('-') {
                    "term"
                } else {
                    "message"
                };
                out.push(diagnostic(
                    Code::UnknownReference,
                    locale,
                    file,
                    Some(reference.offset),
                    Some(&entry.id),
                    format!("`{}` refers to the unknown {what} `{id}`", entry.id),
                ));
            }
        }
    }
    let edges = Graph::from_lists(entries.iter().map(|(_, e)| {
        e.references
            .iter()
            .filter_map(|r| own.get(r.value.as_str()).map(|&(_, _, position)| position))
    }));
    for cycle in find_cycles(&edges) {
        let first = cycle[0];
        let (file, entry) = entries[first];
        let path: Vec<&str> = cycle
            .iter()
            .chain(std::iter::once(&first))
            .map(|&i| entries[i].1.id.as_str())
            .collect();
        out.push(diagnostic(
            Code::CyclicReference,
            locale,
            file,
            Some(entry.start),
            Some(&entry.id),
            format!("references form a cycle: {}", path.join(" → ")),
        ));
    }
}

/// A directed graph over `0..n`, every node's edges in one shared list (no list per node).
struct Graph {
    /// Node `i`'s edges are `targets[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    targets: Vec<usize>,
}

impl Graph {
    fn from_lists<L: IntoIterator<Item = usize>>(lists: impl IntoIterator<Item = L>) -> Self {
        let mut starts = vec![0];
        let mut targets = Vec::new();
        for list in lists {
            targets.extend(list);
            starts.push(targets.len());
        }
        Self { starts, targets }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn edges(&self, node: usize) -> &[usize] {
        &self.targets[self.starts[node]..self.starts[node + 1]]
    }
}

/// Strongly connected components with a cycle (size > 1, or a self-loop), each as the list of
/// its nodes starting from the smallest index and following edges. Iterative Tarjan, so a
/// chain of any length cannot overflow the stack.
fn find_cycles(edges: &Graph) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut cycles = Vec::new();
    let mut work: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        // A node without edges is in no cycle, and numbering it changes no one's result.
        if index[root] != usize::MAX || edges.edges(root).is_empty() {
            continue;
        }
        work.push((root, 0));
        while let Some(&mut (node, ref mut edge)) = work.last_mut() {
            if *edge == 0 && index[node] == usize::MAX {
                index[node] = next;
                low[node] = next;
                next += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = edges.edges(node).get(*edge) {
                *edge += 1;
                if index[to] == usize::MAX {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                let self_loop = component.len() == 1 && edges.edges(node).contains(&node);
                if component.len() > 1 || self_loop {
                    cycles.push(order_cycle(component, edges));
                }
            }
        }
    }
    cycles.sort();
    cycles
}

/// Orders a component as a walk from its smallest member along edges inside it.
fn order_cycle(component: Vec<usize>, edges: &Graph) -> Vec<usize> {
    let members: HashSet<usize> = component.iter().copied().collect();
    let start = component.iter().copied().min().unwrap_or(0);
    let mut walk = vec![start];
    let mut seen = HashSet::from_iter([start]);
    let mut at = start;
    while let Some(&to) = edges
        .edges(at)
        .iter()
        .find(|to| members.contains(to) && !seen.contains(*to))
    {
        walk.push(to);
        seen.insert(to);
        at = to;
    }
    walk
}

struct Comparison<'a> {
    workspace: &'a Workspace,
    reference: &'a Catalog,
    target: &'a Catalog,
    lock: Option<&'a Lockfile>,
    plural: Vec<&'static str>,
    content: &'a ContentChecks,
    diagnostics: Vec<Diagnostic>,
    files: Vec<FileSummary>,
    obsolete: usize,
    suppressed: usize,
}

impl Comparison<'_> {
    /// Every entry of a target file that has no reference file is obsolete.
    fn obsolete_files(&mut self) {
        for target_file in &self.target.files {
            if self.reference.file(&target_file.rel).is_none() {
                for entry in &target_file.entries {
                    self.obsolete(target_file, entry, "the reference has no such file");
                }
            }
        }
    }

    fn push(
        &mut self,
        code: Code,
        file: &FtlFile,
        offset: Option<usize>,
        id: &str,
        message: String,
    ) {
        self.diagnostics.push(diagnostic(
            code,
            &self.target.locale,
            file,
            offset,
            Some(id),
            message,
        ));
    }

    fn obsolete(&mut self, file: &FtlFile, entry: &Entry, why: &str) {
        self.obsolete += 1;
        self.push(
            Code::ObsoleteMessage,
            file,
            Some(entry.start),
            &entry.id,
            format!("`{}` is not in the reference ({why}); remove it", entry.id),
        );
    }

    fn compare_file(&mut self, reference_file: &FtlFile, target_file: Option<&FtlFile>) {
        let mut summary = FileSummary {
            file: reference_file.rel.clone(),
            release: reference_file.release_slug().map(str::to_owned),
            ..FileSummary::default()
        };
        let locale = self.target.locale.clone();
        // A file that is absent is reported against the path where it is expected.
        let placeholder;
        let target = match target_file {
            Some(file) => file,
            None => {
                placeholder = FtlFile::parse(&locale, reference_file.rel.clone(), b"");
                &placeholder
            }
        };
        let target_ids: HashMap<&str, &Entry> = target
            .entries
            .iter()
            .rev() // the first definition wins, as in a bundle
            .map(|e| (e.id.as_str(), e))
            .collect();
        // This file's freshness records, looked up once rather than per message.
        let locked = self.lock.and_then(|lock| {
            lock.locales
                .get(self.target.locale.as_str())?
                .get(&reference_file.rel)
        });
        let mut seen_reference: HashSet<&str> =
            HashSet::with_capacity_and_hasher(reference_file.entries.len(), Default::default());
        for entry in &reference_file.entries {
            if !seen_reference.insert(entry.id.as_str()) {
                continue;
            }
            summary.messages.total += 1;
            summary.words.total += entry.words as usize;
            let Some(translation) = target_ids.get(entry.id.as_str()) else {
                summary.messages.missing += 1;
                summary.words.missing += entry.words as usize;
                let what = if entry.id.starts_with('-') {
                    "term"
                } else {
                    "message"
                };
                // A large workspace has thousands of these: built without the formatter.
                let path = &reference_file.source.path;
                let line = reference_file.source.line(entry.start).to_string();
                let mut message = String::with_capacity(20 + entry.id.len() + path.len());
                for part in [
                    "missing ", what, " `", &entry.id, "` (", path, ":", &line, ")",
                ] {
                    message.push_str(part);
                }
                self.push(Code::MissingMessage, target, None, &entry.id, message);
                continue;
            };
            let before = self.diagnostics.len();
            self.compare_entry(reference_file, entry, target, translation, locked);
            self.check_content(reference_file, entry, target, translation, before);
        }
        if target_file.is_some() {
            for entry in &target.entries {
                if !seen_reference.contains(entry.id.as_str()) {
                    self.obsolete(target, entry, "not in the reference file");
                }
            }
        }
        self.files.push(summary);
    }

    fn compare_entry(
        &mut self,
        reference_file: &FtlFile,
        reference: &Entry,
        file: &FtlFile,
        translation: &Entry,
        locked: Option<&BTreeMap<String, LockEntry>>,
    ) {
        let id = reference.id.as_str();
        if reference.has_value && !translation.has_value {
            self.push(
                Code::MissingValue,
                file,
                Some(translation.start),
                id,
                format!("`{id}` has only attributes; the reference also has a value"),
            );
        }
        for attribute in &reference.attributes {
            if !translation.has_attribute(&attribute.value) {
                self.push(
                    Code::MissingAttribute,
                    file,
                    Some(translation.start),
                    &format!("{id}.{}", attribute.value),
                    format!("`{id}` lacks the attribute `.{}`", attribute.value),
                );
            }
        }
        for attribute in &translation.attributes {
            if !reference.has_attribute(&attribute.value) {
                self.push(
                    Code::ObsoleteAttribute,
                    file,
                    Some(attribute.offset),
                    &format!("{id}.{}", attribute.value),
                    format!(
                        "the attribute `.{}` of `{id}` is not in the reference",
                        attribute.value
                    ),
                );
            }
        }
        for variable in &translation.variables {
            if !reference.uses_variable(&variable.value) {
                self.push(
                    Code::UnknownVariable,
                    file,
                    Some(variable.offset),
                    id,
                    format!(
                        "`${}` is not a variable of `{id}`{}",
                        variable.value,
                        list_variables(reference)
                    ),
                );
            }
        }
        for variable in &reference.variables {
            if !translation.uses_variable(&variable.value) {
                self.push(
                    Code::UnusedVariable,
                    file,
                    Some(translation.start),
                    id,
                    format!(
                        "`{id}` does not use `${}`, which the reference uses",
                        variable.value
                    ),
                );
            }
        }
        for select in &translation.plural_selects {
            let missing: Vec<&str> = self
                .plural
                .iter()
                .copied()
                .filter(|c| !select.value.keys.iter().any(|k| k == c))
                .collect();
            if !missing.is_empty() {
                self.push(
                    Code::MissingPluralCategory,
                    file,
                    Some(select.offset),
                    id,
                    format!(
                        "the plural selector of `{id}` lacks {} that {} needs (CLDR: {})",
                        missing
                            .iter()
                            .map(|c| format!("`[{c}]`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        self.target.locale,
                        self.plural.join(", ")
                    ),
                );
            }
        }
        let recorded = locked.and_then(|entries| entries.get(id));
        if recorded.is_some_and(|r| !r.made_from(reference.hash(&reference_file.source))) {
            self.push(
                Code::StaleTranslation,
                file,
                Some(translation.start),
                id,
                format!(
                    "the reference text of `{id}` changed after this translation was made; update it, then run `beyan lock`"
                ),
            );
        }
        // Identical bodies have the same visible text, so its counts (known already) rule out
        // nearly every translation before the bodies are compared.
        if reference.has_words()
            && reference.may_equal(translation)
            && reference.same_body(&reference_file.source, translation, &file.source)
        {
            let allow = &self.workspace.config.check.same_as_source_allow;
            let allowed = allow
                .iter()
                .any(|a| a == id || a.trim() == translation.body(&file.source));
            if !allowed {
                self.push(
                    Code::SameAsSource,
                    file,
                    Some(translation.start),
                    id,
                    format!("`{id}` is identical to the reference text; translate it or add it to `[check] same-as-source-allow`"),
                );
            }
        }
        if let Some(&offset) = translation.bidi_controls.first() {
            self.push(
                Code::BidiControl,
                file,
                Some(offset),
                id,
                format!(
                    "`{id}` contains {} bidirectional control character(s); the renderer sets direction itself",
                    translation.bidi_controls.len()
                ),
            );
        }
        let reference_markup = reference.markup();
        let translation_markup = translation.markup();
        if reference_markup != translation_markup {
            let detail = if reference_markup.links != translation_markup.links {
                format!(
                    "links differ: reference {:?}, translation {:?}",
                    reference_markup.links, translation_markup.links
                )
            } else {
                "emphasis or inline markup differs from the reference".to_owned()
            };
            self.push(
                Code::MarkupMismatch,
                file,
                Some(translation.start),
                id,
                format!("`{id}`: {detail}"),
            );
        }
    }
}

impl Comparison<'_> {
    /// The content checks of one translated message (`content_checks`), then its
    /// `# beyan-ignore` comment applied to everything found for it since `before`.
    fn check_content(
        &mut self,
        reference_file: &FtlFile,
        reference: &Entry,
        file: &FtlFile,
        translation: &Entry,
        before: usize,
    ) {
        fn source<'f>(file: &'f FtlFile, entry: &Entry) -> MessageSource<'f> {
            MessageSource {
                file_text: file.source.text.as_str(),
                start: entry.start,
                end: entry.end,
                flags: entry.content_flags,
            }
        }
        let (findings, suppression) = self
            .content
            .check_pair(source(reference_file, reference), source(file, translation));
        let id = reference.id.as_str();
        for finding in findings {
            let offset = finding.offset.unwrap_or(translation.start);
            let message = format!("`{id}`: {}", finding.message);
            self.push(finding.code, file, Some(offset), id, message);
        }
        if let Some(suppression) = suppression {
            let found = self.diagnostics.len() - before;
            let mut i = before;
            while i < self.diagnostics.len() {
                if suppression.silences(self.diagnostics[i].code) {
                    self.diagnostics.remove(i);
                } else {
                    i += 1;
                }
            }
            self.suppressed += found - (self.diagnostics.len() - before);
        }
    }
}

fn list_variables(entry: &Entry) -> String {
    if entry.variables.is_empty() {
        " (the reference uses none)".to_owned()
    } else {
        let names: Vec<String> = entry
            .variables
            .iter()
            .map(|v| format!("${}", v.value))
            .collect();
        format!(" (the reference uses {})", names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found_iteratively() {
        // 0 → 1 → 2 → 0, 3 → 3, 4 → 0 (not in a cycle)
        let edges = Graph::from_lists([vec![1], vec![2], vec![0], vec![3], vec![0]]);
        assert_eq!(find_cycles(&edges), vec![vec![0, 1, 2], vec![3]]);
        // Nodes without edges around a cycle do not disturb it.
        let edges = Graph::from_lists([vec![], vec![3], vec![], vec![1], vec![]]);
        assert_eq!(find_cycles(&edges), vec![vec![1, 3]]);
        // A chain of 200,000 does not overflow.
        let chain = Graph::from_lists((0..200_000).map(|i| vec![i + 1]).chain([vec![]]));
        assert!(find_cycles(&chain).is_empty());
    }
}
