//! `beyan lock`: the next `beyan.lock`, computed from the catalogs and the previous lock.
//!
//! The rules (Freshness in PRODUCT.md): a translation seen for the first time, or edited since
//! it was locked, is recorded against the current reference text; a translation that did not
//! change keeps the reference hash it was made from, so it stays stale until a translator edits
//! it or `--accept`s it. Entries of messages that are gone are dropped; missing translations
//! get none. This module computes; it never reads or writes `beyan.lock` itself.

use std::collections::{BTreeMap, HashSet};

use beyan_content::{Locale, Workspace};

use crate::load::catalog::{Catalog, load_catalogs};
use crate::load::lockfile::{LockEntry, Lockfile};

/// What to lock.
#[derive(Debug, Clone, Default)]
pub struct LockOptions {
    /// Target locales to lock; empty means every configured one. The others keep their
    /// previous entries untouched.
    pub locales: Vec<Locale>,
    /// Message or term ids whose unchanged translations are confirmed as still valid for the
    /// current reference text (in every file of the locked locales).
    pub accept: Vec<String>,
}

/// One message of one locale, as the lock names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LockedMessage {
    pub locale: String,
    /// Relative to the locale folder.
    pub file: String,
    pub id: String,
}

/// The new lock and what changed, for the summary the CLI prints.
#[derive(Debug, Clone, Default)]
pub struct LockOutcome {
    pub lock: Lockfile,
    /// Entries in the new lock.
    pub entries: usize,
    /// Translations recorded against the current reference text (new, edited or accepted).
    pub recorded: usize,
    /// Stale translations confirmed by `--accept`.
    pub accepted: Vec<LockedMessage>,
    /// Unchanged translations that keep an outdated reference hash.
    pub still_stale: Vec<LockedMessage>,
    /// Previous entries whose message or translation is gone.
    pub dropped: usize,
}

/// Why a lock was refused before anything was computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LockRequestError {
    /// Each unknown id, with the reference's closest id when one is close.
    #[error("cannot accept {}: not a message or term of the reference", list(.0))]
    UnknownAccept(Vec<(String, Option<String>)>),
}

fn list(ids: &[(String, Option<String>)]) -> String {
    ids.iter()
        .map(|(id, closest)| match closest {
            Some(closest) => format!("`{id}` (did you mean `{closest}`?)"),
            None => format!("`{id}`"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Computes the next lock of the workspace.
pub fn lock(
    workspace: &Workspace,
    previous: Option<&Lockfile>,
    options: &LockOptions,
) -> Result<LockOutcome, LockRequestError> {
    let config = &workspace.config;
    let locales = config.locales.selected(&options.locales);
    let targets = &locales[1..];
    let catalogs = load_catalogs(&workspace.root, &locales);
    let (reference, target_catalogs) = catalogs.split_first().expect("reference listed");

    let known: HashSet<&str> = reference
        .files
        .iter()
        .flat_map(|f| f.entries.iter().map(|e| e.id.as_str()))
        .collect();
    let unknown: Vec<(String, Option<String>)> = options
        .accept
        .iter()
        .filter(|id| !known.contains(id.as_str()))
        .map(|id| {
            let closest = beyan_content::closest(id, known.iter().copied());
            (id.clone(), closest.map(str::to_owned))
        })
        .collect();
    if !unknown.is_empty() {
        return Err(LockRequestError::UnknownAccept(unknown));
    }
    let accept: HashSet<&str> = options.accept.iter().map(String::as_str).collect();

    let mut outcome = LockOutcome::default();
    // Locales outside this run keep their entries, as long as they are still configured.
    if let Some(previous) = previous {
        for (locale, files) in &previous.locales {
            let configured = config.locales.targets().any(|l| l.as_str() == locale);
            let locked_now = targets.iter().any(|l| l.as_str() == locale);
            if configured && !locked_now {
                outcome.lock.locales.insert(locale.clone(), files.clone());
            } else if !configured {
                outcome.dropped += files.values().map(BTreeMap::len).sum::<usize>();
            }
        }
    }
    for catalog in target_catalogs {
        let entries = lock_locale(reference, catalog, previous, &accept, &mut outcome);
        if !entries.is_empty() {
            outcome
                .lock
                .locales
                .insert(catalog.locale.to_string(), entries);
        }
    }
    outcome.entries = outcome
        .lock
        .locales
        .values()
        .flat_map(|files| files.values())
        .map(BTreeMap::len)
        .sum();
    outcome.lock.texts = recorded_texts(reference, &outcome.lock, previous);
    Ok(outcome)
}

/// The reference text of every hash the new lock records: the current reference's, or, for a
/// translation that stays stale, the text the previous lock kept (absent from a version 1
/// lock).
fn recorded_texts(
    reference: &Catalog,
    lock: &Lockfile,
    previous: Option<&Lockfile>,
) -> BTreeMap<u64, String> {
    let wanted: HashSet<u64> = lock
        .locales
        .values()
        .flat_map(|files| files.values())
        .flat_map(|entries| entries.values())
        .map(|entry| entry.reference)
        .collect();
    let mut texts = BTreeMap::new();
    for file in &reference.files {
        for entry in &file.entries {
            let hash = file.hash_of(entry);
            if wanted.contains(&hash) {
                texts
                    .entry(hash)
                    .or_insert_with(|| entry.body(&file.source).to_owned());
            }
        }
    }
    if let Some(previous) = previous {
        for (hash, text) in &previous.texts {
            if wanted.contains(hash) {
                texts.entry(*hash).or_insert_with(|| text.clone());
            }
        }
    }
    texts
}

type FileEntries = BTreeMap<String, BTreeMap<String, LockEntry>>;

fn lock_locale(
    reference: &Catalog,
    target: &Catalog,
    previous: Option<&Lockfile>,
    accept: &HashSet<&str>,
    outcome: &mut LockOutcome,
) -> FileEntries {
    let locale = target.locale.as_str();
    let mut files = FileEntries::new();
    for aligned in crate::align::align(reference, target, None) {
        let reference_file = aligned.reference_file;
        let mut entries = BTreeMap::new();
        for pair in &aligned.pairs {
            let entry = pair.reference;
            let Some((target_file, translation)) = pair.translated() else {
                continue;
            };
            let current = LockEntry {
                reference: reference_file.hash_of(entry),
                translation: target_file.hash_of(translation),
            };
            let old = previous.and_then(|p| p.get(locale, &reference_file.rel, &entry.id));
            let message = || LockedMessage {
                locale: locale.to_owned(),
                file: reference_file.rel.clone(),
                id: entry.id.to_string(),
            };
            let recorded = match old {
                Some(old) if old.translation == current.translation => {
                    if old.reference == current.reference {
                        current
                    } else if accept.contains(entry.id.as_str()) {
                        outcome.accepted.push(message());
                        outcome.recorded += 1;
                        current
                    } else {
                        outcome.still_stale.push(message());
                        old.clone()
                    }
                }
                _ => {
                    outcome.recorded += 1;
                    current
                }
            };
            entries.insert(entry.id.to_string(), recorded);
        }
        if !entries.is_empty() {
            files.insert(reference_file.rel.clone(), entries);
        }
    }
    let before = previous
        .and_then(|p| p.locales.get(locale))
        .map_or(0, |files| files.values().map(BTreeMap::len).sum::<usize>());
    let after_from_previous = files
        .iter()
        .flat_map(|(file, entries)| entries.keys().map(move |id| (file, id)))
        .filter(|(file, id)| previous.and_then(|p| p.get(locale, file, id)).is_some())
        .count();
    outcome.dropped += before - after_from_previous;
    files
}
