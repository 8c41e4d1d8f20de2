//! Align: each reference entry paired with its translation and its lock record, once. `check`,
//! `todo` (and so `status`) and `lock` all read these pairs; none of them pairs on its own.
//!
//! The model is compare-locales': a translation lives in the file with the reference file's
//! path; in each file the first definition of an id is the one a bundle resolves, and a
//! reference id defined twice in one file is paired once.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::load::catalog::{Catalog, FtlFile};
use crate::load::entry::Entry;
use crate::load::lockfile::{LockEntry, Lockfile};

/// One reference entry and what the target locale has for it.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'c> {
    pub reference_file: &'c FtlFile,
    pub reference: &'c Entry,
    /// The target's file with the same path, if it exists.
    pub target_file: Option<&'c FtlFile>,
    /// The translation (the first definition of the id in `target_file`).
    pub translation: Option<&'c Entry>,
    /// What `beyan lock` recorded for this message in this locale.
    pub record: Option<&'c LockEntry>,
}

impl<'c> Pair<'c> {
    /// The translation and its file, when the message is translated.
    pub fn translated(&self) -> Option<(&'c FtlFile, &'c Entry)> {
        Some((self.target_file?, self.translation?))
    }

    /// A raw fact, whatever the severity policy: the translation was recorded against a
    /// reference text that has changed since.
    pub fn is_stale(&self) -> bool {
        self.translation.is_some()
            && self
                .record
                .is_some_and(|r| !r.made_from(self.reference_file.hash_of(self.reference)))
    }
}

/// One reference file aligned with the target's file of the same path.
#[derive(Debug, Clone)]
pub struct AlignedFile<'c> {
    pub reference_file: &'c FtlFile,
    pub target_file: Option<&'c FtlFile>,
    /// One pair per distinct reference id, in the reference's order.
    pub pairs: Vec<Pair<'c>>,
    /// Entries of the target file whose id the reference file does not have.
    pub obsolete: Vec<&'c Entry>,
}

/// The lock records of one file of one locale.
pub type FileRecords = BTreeMap<String, LockEntry>;

/// The lock records of `locale`'s file `rel`.
pub fn file_records<'l>(
    lock: Option<&'l Lockfile>,
    locale: &str,
    rel: &str,
) -> Option<&'l FileRecords> {
    lock?.locales.get(locale)?.get(rel)
}

/// Pairs one reference file with the target's file of the same path.
pub fn align_file<'c>(
    reference_file: &'c FtlFile,
    target_file: Option<&'c FtlFile>,
    records: Option<&'c FileRecords>,
) -> AlignedFile<'c> {
    let translations: HashMap<&str, &Entry> = target_file
        .map(|file| {
            file.entries
                .iter()
                .rev() // the first definition wins, as in a bundle
                .map(|e| (e.id.as_str(), e))
                .collect()
        })
        .unwrap_or_default();
    let mut seen: HashSet<&str> =
        HashSet::with_capacity_and_hasher(reference_file.entries.len(), Default::default());
    let mut pairs = Vec::with_capacity(reference_file.entries.len());
    for reference in &reference_file.entries {
        if !seen.insert(reference.id.as_str()) {
            continue;
        }
        let translation = translations.get(reference.id.as_str()).copied();
        pairs.push(Pair {
            reference_file,
            reference,
            target_file,
            translation,
            record: translation
                .and(records)
                .and_then(|r| r.get(reference.id.as_str())),
        });
    }
    let obsolete = target_file
        .map(|file| {
            file.entries
                .iter()
                .filter(|e| !seen.contains(e.id.as_str()))
                .collect()
        })
        .unwrap_or_default();
    AlignedFile {
        reference_file,
        target_file,
        pairs,
        obsolete,
    }
}

/// Every reference file of `reference` aligned with `target`'s, in the reference's order.
pub fn align<'c>(
    reference: &'c Catalog,
    target: &'c Catalog,
    lock: Option<&'c Lockfile>,
) -> Vec<AlignedFile<'c>> {
    let locale = target.locale.as_str();
    reference
        .files
        .iter()
        .map(|file| {
            align_file(
                file,
                target.file(&file.rel),
                file_records(lock, locale, &file.rel),
            )
        })
        .collect()
}

/// The target's files that have no reference file: every entry in them is obsolete.
pub fn orphan_files<'c>(reference: &Catalog, target: &'c Catalog) -> Vec<&'c FtlFile> {
    target
        .files
        .iter()
        .filter(|f| reference.file(&f.rel).is_none())
        .collect()
}
