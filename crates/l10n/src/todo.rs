//! A translator's to-do: every message of one locale that is missing, incomplete or stale,
//! with the reference text beside it, and its rendering as a ready-to-fill `.ftl` snippet.
//!
//! It only reads: the snippet goes to whoever asked for it, never into a translator's file.

use beyan_content::{Locale, Workspace};
use serde::Serialize;

use crate::align::{AlignedFile, align};
use crate::load::catalog::{Catalog, load_catalogs};
use crate::load::lockfile::Lockfile;
use crate::tm::{MemoryMatch, TranslationMemory};

/// Why a message is on the to-do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TodoState {
    /// Not translated at all.
    Missing,
    /// Translated, but without an attribute or the value the reference has.
    Incomplete,
    /// Translated from a reference text that has changed since (see `beyan.lock`).
    Stale,
}

impl TodoState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Incomplete => "incomplete",
            Self::Stale => "stale",
        }
    }
}

/// One message to translate or revise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodoItem {
    pub id: String,
    pub state: TodoState,
    /// 1-based line of the message in the reference file.
    pub reference_line: usize,
    /// The reference message's source, id included.
    pub reference_source: String,
    /// The reference message's source without its id: the text to translate.
    pub reference_body: String,
    /// Words of the reference text.
    pub words: usize,
    /// The current translation's source, id included (stale and incomplete messages).
    pub translation_source: Option<String>,
    /// For a stale message, the reference text the translation was made from (without its
    /// id), when `beyan.lock` recorded it (a version 1 lock did not).
    pub previous_reference_body: Option<String>,
    /// Attributes (`.title`) or `value` the translation lacks (incomplete messages).
    pub lacking: Vec<String>,
    /// A translation of the same (or a similar) reference text elsewhere in the workspace,
    /// for missing and stale messages (see `tm.rs`).
    pub memory: Option<MemoryMatch>,
}

/// The to-do items of one file, in the reference's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodoFile {
    /// Relative to the locale folder (`releases/<slug>.ftl`).
    pub file: String,
    /// Workspace-relative path of the translation (`locales/az/releases/<slug>.ftl`).
    pub path: String,
    /// Workspace-relative path of the reference file.
    pub reference_path: String,
    pub release: Option<String>,
    /// Whether the translation file exists yet.
    pub exists: bool,
    pub items: Vec<TodoItem>,
}

/// Everything left to do in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Todo {
    pub locale: String,
    pub reference: String,
    /// Only files with something to do, sorted by path.
    pub files: Vec<TodoFile>,
}

impl Todo {
    pub fn items(&self) -> impl Iterator<Item = &TodoItem> {
        self.files.iter().flat_map(|f| &f.items)
    }

    pub fn count(&self, state: TodoState) -> usize {
        self.items().filter(|i| i.state == state).count()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The to-do as a `.ftl` snippet: per file a header naming it, per message the reference
    /// in comments and a line to fill in (or the current translation to revise). Messages left
    /// empty are syntax errors, so a forgotten one cannot pass `beyan check`.
    pub fn to_ftl(&self) -> String {
        let locale = &self.locale;
        let mut out = format!(
            "# beyan todo for {locale} (reference: {}): {} missing, {} incomplete, {} stale.\n",
            self.reference,
            self.count(TodoState::Missing),
            self.count(TodoState::Incomplete),
            self.count(TodoState::Stale),
        );
        if self.is_empty() {
            out.push_str("# Nothing to do: every message is translated and up to date.\n");
            return out;
        }
        out.push_str(&format!(
            "# Copy each block into the file named above it: write the {locale} text after each empty `=`\n# and revise the stale ones; then run `beyan check --locale {locale}` and `beyan lock --locale {locale}`.\n"
        ));
        for file in &self.files {
            let new = if file.exists {
                ""
            } else {
                " (new file: create it)"
            };
            out.push_str(&format!("\n\n# {}{new}\n", file.path));
            for item in &file.items {
                out.push('\n');
                let why = match item.state {
                    TodoState::Missing => "missing".to_owned(),
                    TodoState::Incomplete => {
                        format!("incomplete, lacks {}", item.lacking.join(", "))
                    }
                    TodoState::Stale => format!(
                        "stale: the {} text changed after this was translated",
                        self.reference
                    ),
                };
                if item.state == TodoState::Stale {
                    out.push_str(&self.stale_lines(file, item));
                } else {
                    out.push_str(&format!(
                        "# {why}; {} ({}:{}):\n",
                        self.reference, file.reference_path, item.reference_line
                    ));
                    out.push_str(&commented(&item.reference_source));
                }
                if let Some(memory) = &item.memory {
                    out.push_str(&memory_lines(memory, locale, &self.reference));
                    if memory.exact && item.state != TodoState::Incomplete {
                        if let Some(translation) = &item.translation_source {
                            out.push_str("# current translation:\n");
                            out.push_str(&commented(translation.trim_end()));
                        }
                        out.push_str(&ready_message(&item.id, &memory.translation));
                        continue;
                    }
                }
                match &item.translation_source {
                    Some(translation) => {
                        out.push_str(translation.trim_end());
                        out.push('\n');
                        for lacking in item.lacking.iter().filter(|l| l.starts_with('.')) {
                            out.push_str(&format!("    {lacking} =\n"));
                        }
                    }
                    None => out.push_str(&empty_message(&item.reference_source, &item.id)),
                }
            }
        }
        out
    }
}

impl Todo {
    /// A stale message's comment: the reference text before and now, and both ways out.
    fn stale_lines(&self, file: &TodoFile, item: &TodoItem) -> String {
        let reference = &self.reference;
        let mut out = format!(
            "# stale: the {reference} text changed after this was translated ({}:{}):\n",
            file.reference_path, item.reference_line
        );
        match &item.previous_reference_body {
            Some(before) => {
                out.push_str(&format!("# {reference} before:\n"));
                out.push_str(&commented(&format!("{} = {before}", item.id)));
                out.push_str(&format!("# {reference} now:\n"));
            }
            None => out.push_str(&format!("# {reference} now:\n")),
        }
        out.push_str(&commented(&item.reference_source));
        out.push_str(&format!(
            "# Revise the translation below, or, if it is still right: beyan lock --locale {} --accept {}\n",
            self.locale, item.id
        ));
        out
    }
}

/// Lines naming a remembered translation: for an exact match the marker of the ready line
/// that follows, for a fuzzy one its score and both texts in comments.
fn memory_lines(memory: &MemoryMatch, locale: &str, reference: &str) -> String {
    if memory.exact {
        return format!("# from {} {}\n", memory.file, memory.id);
    }
    let mut out = format!(
        "# fuzzy {}% from {} {}:\n",
        memory.score, memory.file, memory.id
    );
    out.push_str(&commented(&format!("{reference}: {}", memory.reference)));
    out.push_str(&commented(&format!("{locale}: {}", memory.translation)));
    out
}

fn commented(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim().is_empty() {
                "#\n".to_owned()
            } else {
                format!("#   {line}\n")
            }
        })
        .collect()
}

/// `id = body`, with a body that begins with an attribute on the next line.
fn ready_message(id: &str, body: &str) -> String {
    if body.starts_with('.') {
        format!("{id} =\n    {body}\n")
    } else {
        format!("{id} = {body}\n")
    }
}

impl TodoItem {
    /// A missing message as a block to paste or append: the reference in comments, then
    /// `id =` (and `.attribute =` lines) to fill. Left empty it does not parse, so it cannot
    /// pass for a translation.
    pub fn skeleton(&self, reference: &str, reference_path: &str) -> String {
        let mut out = format!(
            "# {reference} ({reference_path}:{}):\n",
            self.reference_line
        );
        for line in self.reference_source.lines() {
            if line.trim().is_empty() {
                out.push_str("#\n");
            } else {
                out.push_str(&format!("#   {line}\n"));
            }
        }
        out.push_str(&empty_message(&self.reference_source, &self.id));
        out
    }
}

/// `id =` and one empty `.attribute =` line per attribute of the reference.
fn empty_message(reference_source: &str, id: &str) -> String {
    let mut out = format!("{id} =\n");
    for line in reference_source.lines().skip(1) {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix('.')
            && let Some((name, _)) = rest.split_once('=')
        {
            let name = name.trim();
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                out.push_str(&format!("    .{name} =\n"));
            }
        }
    }
    out
}

/// The to-do of one target locale, reading the reference and that locale from the workspace.
pub fn load_todo(workspace: &Workspace, locale: &Locale, lock: Option<&Lockfile>) -> Todo {
    let catalogs = load_catalogs(
        &workspace.root,
        &[workspace.config.locales.reference.clone(), locale.clone()],
    );
    let mut todo = todo(&catalogs[0], &catalogs[1], lock);
    let memory = TranslationMemory::new(&catalogs[0], &catalogs[1], lock);
    for file in &mut todo.files {
        for item in &mut file.items {
            if matches!(item.state, TodoState::Missing | TodoState::Stale) {
                item.memory = memory.best(&file.path, &item.id, &item.reference_body);
            }
        }
    }
    todo
}

/// The to-do of `target` against `reference`, from the same pairs `check` judges.
pub fn todo(reference: &Catalog, target: &Catalog, lock: Option<&Lockfile>) -> Todo {
    let locale = target.locale.as_str();
    let files = align(reference, target, lock)
        .iter()
        .filter_map(|aligned| {
            let reference_file = aligned.reference_file;
            let items = file_items(aligned, lock);
            (!items.is_empty()).then(|| TodoFile {
                file: reference_file.rel.clone(),
                path: format!("locales/{locale}/{}", reference_file.rel),
                reference_path: reference_file.source.path.clone(),
                release: reference_file.release_slug().map(str::to_owned),
                exists: aligned.target_file.is_some(),
                items,
            })
        })
        .collect();
    Todo {
        locale: locale.to_owned(),
        reference: reference.locale.to_string(),
        files,
    }
}

fn file_items(aligned: &AlignedFile<'_>, lock: Option<&Lockfile>) -> Vec<TodoItem> {
    let source = &aligned.reference_file.source;
    let mut items = Vec::new();
    for pair in &aligned.pairs {
        let entry = pair.reference;
        let mut item = TodoItem {
            id: entry.id.to_string(),
            state: TodoState::Missing,
            reference_line: source.position(entry.start).0,
            reference_source: source
                .text
                .get(entry.start..entry.end)
                .unwrap_or("")
                .to_owned(),
            reference_body: entry.body(source).to_owned(),
            words: entry.words as usize,
            translation_source: None,
            previous_reference_body: None,
            lacking: Vec::new(),
            memory: None,
        };
        let Some((target_file, translation)) = pair.translated() else {
            items.push(item);
            continue;
        };
        if entry.has_value && !translation.has_value {
            item.lacking.push("value".to_owned());
        }
        item.lacking.extend(
            entry
                .attributes
                .iter()
                .filter(|a| !translation.has_attribute(&a.value))
                .map(|a| format!(".{}", a.value)),
        );
        item.state = if !item.lacking.is_empty() {
            TodoState::Incomplete
        } else if pair.is_stale() {
            item.previous_reference_body = pair
                .record
                .zip(lock)
                .and_then(|(record, lock)| lock.text_of(record.reference))
                .map(str::to_owned);
            TodoState::Stale
        } else {
            continue;
        };
        item.translation_source = target_file
            .source
            .text
            .get(translation.start..translation.end)
            .map(str::to_owned);
        items.push(item);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::catalog::FtlFile;
    use crate::load::lockfile::{LockEntry, content_hash};

    fn catalog(locale: &str, files: &[(&str, &str)]) -> Catalog {
        Catalog::from_texts(&Locale::parse(locale).unwrap(), files)
    }

    #[test]
    fn missing_incomplete_and_stale_in_reference_order() {
        let reference = catalog(
            "en",
            &[
                (
                    "common.ftl",
                    "a = Alpha\nb = Beta\n    .title = Bee\nc = Gamma\n",
                ),
                ("releases/x.ftl", "headline = Head\n"),
            ],
        );
        let target = catalog("az", &[("common.ftl", "b = Betta\nc = Qamma\n")]);
        let mut lock = Lockfile::default();
        lock.locales
            .entry("az".into())
            .or_default()
            .entry("common.ftl".into())
            .or_default()
            .insert(
                "c".into(),
                LockEntry {
                    reference: content_hash("Old gamma"),
                    translation: content_hash("Qamma"),
                },
            );
        lock.texts
            .insert(content_hash("Old gamma"), "Old gamma".to_owned());
        let todo = todo(&reference, &target, Some(&lock));
        let found: Vec<(&str, &str, TodoState)> = todo
            .files
            .iter()
            .flat_map(|f| {
                f.items
                    .iter()
                    .map(move |i| (f.path.as_str(), i.id.as_str(), i.state))
            })
            .collect();
        assert_eq!(
            found,
            [
                ("locales/az/common.ftl", "a", TodoState::Missing),
                ("locales/az/common.ftl", "b", TodoState::Incomplete),
                ("locales/az/common.ftl", "c", TodoState::Stale),
                ("locales/az/releases/x.ftl", "headline", TodoState::Missing),
            ]
        );
        let ftl = todo.to_ftl();
        assert!(ftl.contains("2 missing, 1 incomplete, 1 stale"), "{ftl}");
        assert!(ftl.contains("# locales/az/releases/x.ftl (new file: create it)\n"));
        assert!(ftl.contains("#   b = Beta\n#       .title = Bee\nb = Betta\n    .title =\n"));
        assert!(
            ftl.contains(
                "# en before:\n#   c = Old gamma\n# en now:\n#   c = Gamma\n# Revise the translation below, or, if it is still right: beyan lock --locale az --accept c\nc = Qamma\n"
            ),
            "{ftl}"
        );
        assert!(ftl.contains("\na =\n"));
    }

    #[test]
    fn snippet_of_missing_messages_parses_once_filled() {
        let reference = catalog(
            "en",
            &[(
                "common.ftl",
                "-brand = B\nmsg = { -brand } x\n    .aria-label = Label\n",
            )],
        );
        let target = catalog("tr", &[]);
        let ftl = todo(&reference, &target, None).to_ftl();
        // Filling every empty line gives a file without syntax errors.
        let filled: String = ftl
            .lines()
            .map(|l| {
                if l.ends_with(" =") {
                    format!("{l} dolu\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let parsed = FtlFile::parse(
            &Locale::parse("tr").unwrap(),
            "common.ftl".into(),
            filled.as_bytes(),
        );
        assert!(parsed.syntax_errors.is_empty(), "{filled}");
        let ids: Vec<&str> = parsed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["-brand", "msg"]);
        assert!(parsed.entries[1].has_attribute("aria-label"));
    }

    #[test]
    fn nothing_to_do() {
        let reference = catalog("en", &[("common.ftl", "a = Alpha\n")]);
        let target = catalog("az", &[("common.ftl", "a = Alfa\n")]);
        let todo = todo(&reference, &target, None);
        assert!(todo.is_empty());
        assert!(todo.to_ftl().contains("Nothing to do"));
    }
}
