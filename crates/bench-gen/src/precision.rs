//! Recall and precision of the content checks on a generated workspace: which seeded defects
//! `beyan check` found, and what it reported where nothing was seeded.

use std::collections::{BTreeMap, BTreeSet};

use beyan_l10n::Diagnostic;

use crate::large_l10n::Seed;

/// The content codes, in the order of the product contract.
pub const CONTENT_CODES: [&str; 9] = [
    "number-mismatch",
    "url-mismatch",
    "email-mismatch",
    "punctuation-mismatch",
    "whitespace",
    "repeated-word",
    "too-long",
    "glossary",
    "invalid-suppression",
];

/// One code's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub code: &'static str,
    pub seeded: usize,
    /// Seeds with a diagnostic of their code on their message.
    pub found: usize,
    /// Seeds without their diagnostic, as `locale id`.
    pub missed: Vec<String>,
    /// Diagnostics of the code on messages where it was not seeded, as `locale id`.
    pub false_positives: Vec<String>,
}

pub fn score(seeds: &[Seed], diagnostics: &[Diagnostic]) -> Vec<Score> {
    let reported: BTreeSet<(&str, &str, &str)> = diagnostics
        .iter()
        .filter_map(|d| Some((d.code.as_str(), d.locale.as_str(), d.id.as_deref()?)))
        .collect();
    let planted: BTreeSet<(&str, &str, &str)> = seeds
        .iter()
        .map(|s| (s.code, s.locale, s.id.as_str()))
        .collect();
    let mut scores: BTreeMap<&str, Score> = CONTENT_CODES
        .iter()
        .map(|&code| {
            (
                code,
                Score {
                    code,
                    ..Score::default()
                },
            )
        })
        .collect();
    for &(code, locale, id) in &planted {
        if let Some(score) = scores.get_mut(code) {
            score.seeded += 1;
            if reported.contains(&(code, locale, id)) {
                score.found += 1;
            } else {
                score.missed.push(format!("{locale} {id}"));
            }
        }
    }
    for &(code, locale, id) in &reported {
        if let Some(score) = scores.get_mut(code)
            && !planted.contains(&(code, locale, id))
        {
            score.false_positives.push(format!("{locale} {id}"));
        }
    }
    CONTENT_CODES
        .iter()
        .filter_map(|code| scores.remove(code))
        .collect()
}
