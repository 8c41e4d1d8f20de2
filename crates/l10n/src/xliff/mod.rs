//! XLIFF 2.1 for translation agencies: a locale's messages out as units for a CAT tool, and the
//! translated units back into the locale's `.ftl` files.
//!
//! Export: one `<file>` per reference `.ftl`, one `<unit>` per message, attribute and select
//! variant (the target locale's CLDR plural categories added), placeables as `<ph>`, comments
//! as notes, stale translations as `state="initial"` with a note.
//!
//! Import only computes the new file texts; the caller writes them. A message is rewritten
//! (with the Fluent serializer) only when one of its targets differs from what an export of the
//! current files would hold, so every other byte of a file stays as it was.

mod read;
mod unit;
mod write;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use beyan_content::{Locale, Workspace};
use fluent_syntax::ast;

use crate::load::catalog::{FtlFile, load_catalogs};
use crate::load::lockfile::Lockfile;
use crate::load::nesting_guard;
use crate::plural::plural_categories;
use crate::runtime::direction::Direction;
use read::ReadPart;
use unit::{MessageView, Part, Unit};

/// An exported XLIFF document.
#[derive(Debug, Clone)]
pub struct XliffExport {
    pub xml: String,
    pub files: usize,
    pub units: usize,
}

/// The translated files of one import, ready to be written.
#[derive(Debug, Clone)]
pub struct XliffImport {
    pub locale: Locale,
    pub files: Vec<ImportedFile>,
}

#[derive(Debug, Clone)]
pub struct ImportedFile {
    /// Absolute path of the locale's `.ftl`.
    pub path: PathBuf,
    /// Workspace-relative (`locales/az/common.ftl`).
    pub display: String,
    pub text: String,
    /// The ids of the messages written.
    pub messages: Vec<String>,
}

/// A problem of an XLIFF document, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffIssue {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// One reference message with its units.
struct MessagePlan {
    id: String,
    /// Index of the message in the reference file's AST.
    index: usize,
    units: Vec<Unit>,
    comment: Option<String>,
    stale: bool,
}

/// One reference file, its translation and the units of every message.
struct FilePlan {
    rel: String,
    reference: ast::Resource<String>,
    translation: Option<FtlFile>,
    messages: Vec<MessagePlan>,
}

fn parse_guarded(file: &FtlFile) -> ast::Resource<String> {
    // The guard blanks what would overflow the parser's stack; offsets stay those of the file.
    let (guarded, _) = nesting_guard::guard(&file.source.text);
    match fluent_syntax::parser::parse(guarded.into_owned()) {
        Ok(resource) | Err((resource, _)) => resource,
    }
}

fn plan(
    workspace: &Workspace,
    locale: &Locale,
    lock: Option<&Lockfile>,
    keep: impl Fn(&FtlFile) -> bool,
) -> Vec<FilePlan> {
    let mut catalogs = load_catalogs(
        &workspace.root,
        &[workspace.config.locales.reference.clone(), locale.clone()],
    );
    let target = catalogs.pop().expect("two catalogs");
    let reference = catalogs.pop().expect("two catalogs");
    let categories = plural_categories(locale);
    let mut translations: HashMap<String, FtlFile> = target
        .files
        .into_iter()
        .map(|f| (f.rel.clone(), f))
        .collect();
    reference
        .files
        .into_iter()
        .filter(|f| keep(f))
        .map(|reference_file| {
            let reference_ast = parse_guarded(&reference_file);
            let translation = translations.remove(&reference_file.rel);
            let translation_ast = translation.as_ref().map(parse_guarded);
            let translated: HashMap<String, MessageView<'_>> = translation_ast
                .iter()
                .flat_map(|r| r.body.iter().filter_map(MessageView::of))
                .rev()
                .map(|v| (v.id.clone(), v))
                .collect();
            let mut seen = HashSet::new();
            let messages = reference_ast
                .body
                .iter()
                .enumerate()
                .filter_map(|(index, entry)| {
                    let view = MessageView::of(entry)?;
                    if !seen.insert(view.id.clone()) {
                        return None;
                    }
                    let units = unit::message_units(&view, translated.get(&view.id), &categories);
                    let stale = lock.is_some_and(|lock| {
                        let hash = reference_file
                            .entry(&view.id)
                            .map(|e| reference_file.hash_of(e));
                        match (
                            lock.get(locale.as_str(), &reference_file.rel, &view.id),
                            hash,
                        ) {
                            (Some(recorded), Some(hash)) => {
                                translated.contains_key(&view.id) && !recorded.made_from(hash)
                            }
                            _ => false,
                        }
                    });
                    Some(MessagePlan {
                        id: view.id,
                        index,
                        units,
                        comment: view.comment,
                        stale,
                    })
                })
                .collect();
            FilePlan {
                rel: reference_file.rel,
                reference: reference_ast,
                translation,
                messages,
            }
        })
        .collect()
}

/// The XLIFF of `locale`: every reference file, or only the files of `releases`.
pub fn export_xliff(
    workspace: &Workspace,
    locale: &Locale,
    releases: &[String],
    lock: Option<&Lockfile>,
) -> XliffExport {
    let plans = plan(workspace, locale, lock, |f| {
        releases.is_empty()
            || f.release_slug()
                .is_some_and(|slug| releases.iter().any(|r| r == slug))
    });
    let files: Vec<write::FileOut<'_>> = plans
        .iter()
        .map(|plan| write::FileOut {
            original: &plan.rel,
            units: plan
                .messages
                .iter()
                .flat_map(|m| {
                    m.units
                        .iter()
                        .enumerate()
                        .map(|(i, unit)| write::UnitNotes {
                            unit,
                            // The message's comment once, on its first unit.
                            comment: if i == 0 { m.comment.as_deref() } else { None },
                            stale: m.stale,
                        })
                })
                .collect(),
        })
        .filter(|f| !f.units.is_empty())
        .collect();
    let units = files.iter().map(|f| f.units.len()).sum();
    let xml = write::document(
        workspace.config.locales.reference.as_str(),
        locale.as_str(),
        Direction::of(locale).is_rtl(),
        &files,
    );
    XliffExport {
        files: files.len(),
        units,
        xml,
    }
}

/// Line and column (1-based, columns in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn to_parts(parts: &[ReadPart]) -> Result<Vec<Part>, (usize, String)> {
    let mut out: Vec<Part> = Vec::new();
    for part in parts {
        match part {
            ReadPart::Text(text) => match out.last_mut() {
                Some(Part::Text(last)) => last.push_str(text),
                _ if text.is_empty() => {}
                _ => out.push(Part::Text(text.clone())),
            },
            ReadPart::Ph { id, .. } => out.push(Part::Ph(id.clone())),
            ReadPart::Foreign { name, offset } => {
                return Err((
                    *offset,
                    format!("inline code <{name}> is not in the source"),
                ));
            }
        }
    }
    Ok(out)
}

/// Reads the XLIFF `text` and computes the new `.ftl` files of its target locale. Every problem
/// is returned (nothing is to be written then).
pub fn import_xliff(
    workspace: &Workspace,
    text: &str,
    lock: Option<&Lockfile>,
) -> Result<XliffImport, Vec<XliffIssue>> {
    let issue = |offset: usize, message: String| {
        let (line, column) = position(text, offset);
        XliffIssue {
            line,
            column,
            message,
        }
    };
    let document = read::read(text).map_err(|e| vec![issue(e.offset, e.message)])?;
    let reference = &workspace.config.locales.reference;
    if document.src_lang != reference.as_str() {
        return Err(vec![issue(
            0,
            format!(
                "srcLang `{}` is not the workspace's reference locale `{reference}`",
                document.src_lang
            ),
        )]);
    }
    let Some(trg_lang) = document.trg_lang.as_deref() else {
        return Err(vec![issue(0, "<xliff> has no trgLang".into())]);
    };
    let locale = Locale::parse(trg_lang)
        .ok()
        .filter(|l| workspace.config.locales.targets().any(|t| t == l))
        .ok_or_else(|| {
            vec![issue(
                0,
                format!("trgLang `{trg_lang}` is not a target locale of beyan.toml"),
            )]
        })?;
    let wanted: HashSet<&str> = document
        .files
        .iter()
        .filter_map(|f| f.original.as_deref())
        .collect();
    let plans = plan(workspace, &locale, lock, |f| {
        wanted.contains(f.rel.as_str())
    });
    let mut issues = Vec::new();
    // Per file plan: the unit targets of the document.
    let mut received: Vec<HashMap<String, Vec<Part>>> = vec![HashMap::new(); plans.len()];
    for file in &document.files {
        let original = file.original.as_deref().unwrap_or("");
        let Some(plan_index) = plans.iter().position(|p| p.rel == original) else {
            issues.push(issue(
                file.offset,
                format!("<file original=\"{original}\">: no such file in locales/{reference}/"),
            ));
            continue;
        };
        let plan = &plans[plan_index];
        let units: HashMap<&str, &Unit> = plan
            .messages
            .iter()
            .flat_map(|m| &m.units)
            .map(|u| (u.id.as_str(), u))
            .collect();
        for read_unit in &file.units {
            let Some(unit) = units.get(read_unit.id.as_str()) else {
                issues.push(issue(
                    read_unit.offset,
                    format!(
                        "unit `{}`: no such message, attribute or variant in locales/{reference}/{original}",
                        read_unit.id
                    ),
                ));
                continue;
            };
            let Some(target) = &read_unit.target else {
                continue;
            };
            let parts = match to_parts(target) {
                Ok(parts) => parts,
                Err((offset, message)) => {
                    issues.push(issue(offset, format!("unit `{}`: {message}", unit.id)));
                    continue;
                }
            };
            if parts.is_empty() || unit.target.as_ref() == Some(&parts) {
                continue;
            }
            let placeholders = target.iter().filter_map(|p| match p {
                ReadPart::Ph { id, offset } => Some((id.as_str(), *offset)),
                _ => None,
            });
            let mut kept = HashSet::new();
            for (id, offset) in placeholders {
                if unit.code(id).is_none() {
                    issues.push(issue(
                        offset,
                        format!("unit `{}`: invented placeholder `{id}`", unit.id),
                    ));
                }
                kept.insert(id);
            }
            // A placeholder of the source must stay, unless the current translation already
            // does without it (a plural `one` that spells the number out).
            let current: Option<HashSet<&str>> = unit.target.as_ref().map(|t| {
                t.iter()
                    .filter_map(|p| match p {
                        Part::Ph(id) => Some(id.as_str()),
                        Part::Text(_) => None,
                    })
                    .collect()
            });
            for id in unit.source_codes() {
                let required = current.as_ref().is_none_or(|c| c.contains(id));
                if required && !kept.contains(id) {
                    let disp = unit.code(id).map(|c| c.disp.as_str()).unwrap_or("");
                    issues.push(issue(
                        read_unit.offset,
                        format!("unit `{}`: placeholder `{id}` ({disp}) dropped", unit.id),
                    ));
                }
            }
            received[plan_index].insert(read_unit.id.clone(), parts);
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let categories = plural_categories(&locale);
    let mut files = Vec::new();
    for (plan, received) in plans.iter().zip(&received) {
        if received.is_empty() {
            continue;
        }
        match rewrite_file(workspace, &locale, plan, received, &categories) {
            Ok(Some(file)) => files.push(file),
            Ok(None) => {}
            Err(message) => issues.push(issue(0, message)),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    Ok(XliffImport { locale, files })
}

/// The file of `plan` with the messages that `received` changes rewritten.
fn rewrite_file(
    workspace: &Workspace,
    locale: &Locale,
    plan: &FilePlan,
    received: &HashMap<String, Vec<Part>>,
    categories: &[&'static str],
) -> Result<Option<ImportedFile>, String> {
    let display = format!("locales/{locale}/{}", plan.rel);
    if let Some(file) = &plan.translation
        && let Some(offset) = file.source.invalid_utf8_at
    {
        let (line, column) = file.source.position(offset);
        return Err(format!(
            "{display}:{line}:{column}: not UTF-8; fix the file's encoding before importing into it"
        ));
    }
    // Attributes the translation has and the reference does not (obsolete ones) are kept.
    let translation_ast = plan.translation.as_ref().map(parse_guarded);
    let translated: HashMap<String, MessageView<'_>> = translation_ast
        .iter()
        .flat_map(|r| r.body.iter().filter_map(MessageView::of))
        .rev()
        .map(|v| (v.id.clone(), v))
        .collect();
    let original = plan
        .translation
        .as_ref()
        .map(|f| f.source.text.as_str())
        .unwrap_or("");
    let present: HashMap<&str, (usize, usize)> = plan
        .translation
        .iter()
        .flat_map(|f| f.entries.iter().rev())
        .map(|e| (e.id.as_str(), (e.start, e.end)))
        .collect();
    // (start, end, text): replacements of byte ranges of the original.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut appended = Vec::new();
    let mut written = Vec::new();
    let mut previous_end: Option<usize> = None;
    for message in &plan.messages {
        let range = present.get(message.id.as_str()).copied();
        let changed = message.units.iter().any(|u| received.contains_key(&u.id));
        if changed {
            let units: HashMap<&str, &Unit> =
                message.units.iter().map(|u| (u.id.as_str(), u)).collect();
            let targets: unit::Targets<'_> = message
                .units
                .iter()
                .filter_map(|u| {
                    received
                        .get(&u.id)
                        .or(u.target.as_ref())
                        .map(|t| (u.id.as_str(), t.as_slice()))
                })
                .collect();
            let entry = &plan.reference.body[message.index];
            let view = MessageView::of(entry).expect("a message or term");
            let rebuilt = unit::rebuild_message(entry, &view, &units, &targets, categories)
                .map_err(|e| format!("unit `{}`: {}", e.unit, e.message))?;
            let Some(rebuilt) = rebuilt else {
                return Err(format!(
                    "message `{}`: no unit of it has a target, so it cannot be written",
                    message.id
                ));
            };
            let mut rebuilt = rebuilt;
            if let Some(current) = translated.get(&message.id) {
                let extra = current
                    .attributes
                    .iter()
                    .filter(|(name, _)| !view.attributes.iter().any(|(n, _)| n == name))
                    .map(|(name, value)| ast::Attribute {
                        id: ast::Identifier {
                            name: (*name).to_owned(),
                        },
                        value: (*value).clone(),
                    });
                match &mut rebuilt {
                    ast::Entry::Message(m) => m.attributes.extend(extra),
                    ast::Entry::Term(t) => t.attributes.extend(extra),
                    _ => {}
                }
            }
            let source = fluent_syntax::serializer::serialize(&ast::Resource {
                body: vec![rebuilt],
            });
            let source = source.trim_end().to_owned();
            match (range, previous_end) {
                (Some((start, end)), _) => edits.push((start, end, source)),
                (None, Some(after)) => edits.push((after, after, format!("\n{source}"))),
                (None, None) => appended.push(source),
            }
            written.push(message.id.clone());
        }
        if let Some((_, end)) = range {
            previous_end = Some(end);
        }
    }
    if written.is_empty() {
        return Ok(None);
    }
    edits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut text = original.to_owned();
    for (start, end, replacement) in edits {
        text.replace_range(start..end, &replacement);
    }
    if !appended.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&appended.join("\n"));
        text.push('\n');
    }
    // The serializer's output must read back as the messages written: never leave Junk behind.
    let before = plan
        .translation
        .as_ref()
        .map_or(0, |f| f.syntax_errors.len());
    let after = FtlFile::parse(locale, plan.rel.clone(), text.as_bytes());
    if after.syntax_errors.len() > before {
        return Err(format!(
            "{display}: the translated messages {} would not parse back; nothing written",
            written.join(", ")
        ));
    }
    let path = workspace
        .root
        .join("locales")
        .join(locale.as_str())
        .join(&plan.rel);
    // The file's own conventions, which decoding normalized: its BOM and CRLF line ends.
    if let Ok(Some(raw)) = workspace.reader.read(&path) {
        if raw.windows(2).any(|w| w == b"\r\n") {
            text = text.replace('\n', "\r\n");
        }
        if raw.starts_with(b"\xEF\xBB\xBF") {
            text.insert(0, '\u{FEFF}');
        }
    }
    Ok(Some(ImportedFile {
        path,
        display,
        text,
        messages: written,
    }))
}
