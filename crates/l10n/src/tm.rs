//! Translation memory: the workspace's own translations, reused.
//!
//! A press office repeats itself (boilerplate, titles, formulas). For a message to translate,
//! the memory offers the translation of an identical reference text elsewhere in the workspace
//! (exact), else the closest one by word-level similarity (fuzzy, at least
//! [`FUZZY_THRESHOLD`] %). Only fresh translations are remembered: a stale one would spread an
//! outdated text. The memory is also exported as TMX 1.4b for CAT tools.

use serde::Serialize;

use crate::load::catalog::{Catalog, FtlFile};
use crate::load::entry::Entry;
use crate::load::lockfile::Lockfile;
use crate::xml;

/// The least similarity a fuzzy match must have, in percent.
pub const FUZZY_THRESHOLD: u8 = 80;

/// A remembered translation offered for a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemoryMatch {
    /// Workspace-relative path of the translation it comes from.
    pub file: String,
    pub id: String,
    /// Word-level similarity of the reference texts, in percent (100 for exact).
    pub score: u8,
    pub exact: bool,
    /// The reference text of the remembered message (its body).
    pub reference: String,
    /// Its translation (the body, as in the file).
    pub translation: String,
}

/// One remembered pair.
struct Memory {
    file: String,
    id: String,
    /// Whitespace runs collapsed: what an exact match compares.
    normalized: String,
    /// The words of the reference text as vocabulary ids, in order, and sorted.
    words: Vec<u32>,
    sorted: Vec<u32>,
    reference: String,
    translation: String,
}

/// Every fresh translation of `target`, with its reference text.
pub struct TranslationMemory {
    /// Sorted by word count, so that a fuzzy search looks only at plausible lengths.
    entries: Vec<Memory>,
    /// Words (lower-cased) → ids: comparing numbers, not strings.
    vocabulary: std::collections::HashMap<String, u32>,
}

fn normalize(body: &str) -> String {
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(body: &str) -> Vec<String> {
    body.split_whitespace().map(str::to_lowercase).collect()
}

/// The ids of `body`'s words; a word the vocabulary lacks gets an id of its own, past the
/// vocabulary's (it can match nothing remembered).
fn word_ids(vocabulary: &std::collections::HashMap<String, u32>, body: &str) -> Vec<u32> {
    let mut unknown = u32::MAX;
    words(body)
        .into_iter()
        .map(|w| {
            vocabulary.get(&w).copied().unwrap_or_else(|| {
                unknown -= 1;
                unknown
            })
        })
        .collect()
}

fn sorted(ids: &[u32]) -> Vec<u32> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted
}

/// How many words two sorted lists share (as multisets): an upper bound of the similarity that
/// costs a merge, where the edit distance costs a product.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether a translation is stale according to `lock`.
fn is_stale(
    lock: Option<&Lockfile>,
    locale: &str,
    reference_file: &FtlFile,
    entry: &Entry,
) -> bool {
    lock.and_then(|lock| lock.get(locale, &reference_file.rel, &entry.id))
        .is_some_and(|recorded| !recorded.made_from(reference_file.hash_of(entry)))
}

impl TranslationMemory {
    pub fn new(reference: &Catalog, target: &Catalog, lock: Option<&Lockfile>) -> Self {
        let locale = target.locale.as_str();
        let mut entries = Vec::new();
        let mut vocabulary = std::collections::HashMap::new();
        for reference_file in &reference.files {
            let Some(target_file) = target.file(&reference_file.rel) else {
                continue;
            };
            for entry in &reference_file.entries {
                let Some(translation) = target_file.entry(&entry.id) else {
                    continue;
                };
                let complete = (!entry.has_value || translation.has_value)
                    && entry
                        .attributes
                        .iter()
                        .all(|a| translation.has_attribute(&a.value));
                if !complete || is_stale(lock, locale, reference_file, entry) {
                    continue;
                }
                let body = entry.body(&reference_file.source);
                let translated = translation.body(&target_file.source);
                if body.is_empty() || translated.is_empty() {
                    continue;
                }
                let ids: Vec<u32> = words(body)
                    .into_iter()
                    .map(|w| {
                        let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX / 2);
                        *vocabulary.entry(w).or_insert(next)
                    })
                    .collect();
                entries.push(Memory {
                    file: target_file.source.path.clone(),
                    id: entry.id.to_string(),
                    normalized: normalize(body),
                    sorted: sorted(&ids),
                    words: ids,
                    reference: body.to_owned(),
                    translation: translated.to_owned(),
                });
            }
        }
        entries.sort_by_key(|m| m.words.len());
        Self {
            entries,
            vocabulary,
        }
    }

    /// The best match for the reference text `body` of message `id` in `file` (the
    /// translation's workspace-relative path), never the message itself.
    pub fn best(&self, file: &str, id: &str, body: &str) -> Option<MemoryMatch> {
        let others = || {
            self.entries
                .iter()
                .filter(move |m| !(m.file == file && m.id == id))
        };
        let normalized = normalize(body);
        if let Some(exact) = others().find(|m| m.normalized == normalized) {
            return Some(exact.matched(100, true));
        }
        let wanted = word_ids(&self.vocabulary, body);
        let wanted_sorted = sorted(&wanted);
        let threshold = usize::from(FUZZY_THRESHOLD);
        // Lengths within the threshold of each other: at least 80% and at most 125% of it.
        let shortest = (wanted.len() * threshold).div_ceil(100);
        let longest = wanted.len() * 100 / threshold;
        let from = self.entries.partition_point(|m| m.words.len() < shortest);
        let to = self.entries.partition_point(|m| m.words.len() <= longest);
        let mut best: Option<(u8, &Memory)> = None;
        for memory in self.entries[from..to.max(from)]
            .iter()
            .filter(|m| !(m.file == file && m.id == id))
        {
            let long = wanted.len().max(memory.words.len());
            if common(&wanted_sorted, &memory.sorted) * 100 < long * threshold {
                continue;
            }
            let Some(score) = similarity(&wanted, &memory.words) else {
                continue;
            };
            // Ties go to the first in file order, whatever the order of the search.
            let better = best.is_none_or(|(s, b)| {
                score > s || (score == s && (&memory.file, &memory.id) < (&b.file, &b.id))
            });
            if score >= FUZZY_THRESHOLD && better {
                best = Some((score, memory));
            }
        }
        best.map(|(score, memory)| memory.matched(score, false))
    }

    /// Every remembered pair, for the TMX export: file, id, reference and translation bodies.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str, &str, &str)> {
        self.entries.iter().map(|m| {
            (
                m.file.as_str(),
                m.id.as_str(),
                m.reference.as_str(),
                m.translation.as_str(),
            )
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Memory {
    fn matched(&self, score: u8, exact: bool) -> MemoryMatch {
        MemoryMatch {
            file: self.file.clone(),
            id: self.id.clone(),
            score,
            exact,
            reference: self.reference.clone(),
            translation: self.translation.clone(),
        }
    }
}

/// Word-level similarity in percent: 100 × (1 − word edit distance / longer length). `None`
/// when the lengths alone rule out the threshold (most pairs: no distance is computed).
fn similarity<T: PartialEq>(a: &[T], b: &[T]) -> Option<u8> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.is_empty() {
        return None;
    }
    // The distance is at least the difference of the lengths.
    if (short.len() * 100) < long.len() * usize::from(FUZZY_THRESHOLD) {
        return None;
    }
    let mut previous: Vec<usize> = (0..=short.len()).collect();
    let mut current = vec![0; short.len() + 1];
    for (i, word) in long.iter().enumerate() {
        current[0] = i + 1;
        for (j, other) in short.iter().enumerate() {
            let substitution = previous[j] + usize::from(word != other);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[short.len()];
    let score = 100 * (long.len() - distance.min(long.len())) / long.len();
    u8::try_from(score).ok()
}

/// The memory as TMX 1.4b: one `<tu>` per remembered message, the Fluent bodies as segments.
pub fn to_tmx(memory: &TranslationMemory, source_lang: &str, target_lang: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"beyan\" creationtoolversion=\"{}\" segtype=\"block\" o-tmf=\"beyan\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>\n",
        env!("CARGO_PKG_VERSION"),
        xml::attribute(source_lang)
    ));
    out.push_str("  <body>\n");
    for (file, id, reference, translation) in memory.pairs() {
        out.push_str(&format!(
            "    <tu tuid=\"{}#{}\">\n      <prop type=\"x-beyan-file\">{}</prop>\n      <prop type=\"x-beyan-id\">{}</prop>\n",
            xml::attribute(file),
            xml::attribute(id),
            xml::text(file),
            xml::text(id)
        ));
        for (lang, text) in [(source_lang, reference), (target_lang, translation)] {
            out.push_str(&format!(
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                xml::attribute(lang),
                xml::text(text)
            ));
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use beyan_content::Locale;

    fn catalog(locale: &str, files: &[(&str, &str)]) -> Catalog {
        Catalog::from_texts(&Locale::parse(locale).unwrap(), files)
    }

    fn split(text: &str) -> Vec<String> {
        words(text)
    }

    #[test]
    fn similarity_is_word_level() {
        assert_eq!(
            similarity(&split("a b c d e"), &split("a b c d e")),
            Some(100)
        );
        assert_eq!(
            similarity(&split("a b c d e"), &split("a b x d e")),
            Some(80)
        );
        // Lengths alone rule a pair out.
        assert_eq!(similarity(&split("a b c d e"), &split("a b")), None);
        assert_eq!(similarity(&split("A b"), &split("a B")), Some(100));
    }

    /// The pruned search (lengths, shared words) finds what comparing every pair finds.
    #[test]
    fn pruned_search_agrees_with_every_pair() {
        let vocabulary = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let mut text = String::new();
        let mut seed = 7u32;
        let mut sentences = Vec::new();
        for i in 0..120 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = 1 + (seed >> 16) as usize % 12;
            let words: Vec<&str> = (0..len)
                .map(|k| vocabulary[((seed >> (k % 16)) as usize + k * i) % vocabulary.len()])
                .collect();
            let sentence = words.join(" ");
            text.push_str(&format!("m{i} = {sentence}\n"));
            sentences.push(sentence);
        }
        let reference = catalog("en", &[("common.ftl", &text)]);
        let target = catalog("az", &[("common.ftl", &text.replace(" = ", " = x "))]);
        let memory = TranslationMemory::new(&reference, &target, None);
        let mut matched = 0;
        for (i, sentence) in sentences.iter().enumerate() {
            let query = format!("{sentence} z");
            let found = memory.best("other.ftl", &format!("q{i}"), &query);
            matched += usize::from(found.is_some());
            let wanted = split(&query);
            let oracle = memory
                .entries
                .iter()
                .filter_map(|m| {
                    let score = similarity(&wanted, &split(&m.reference))?;
                    (score >= FUZZY_THRESHOLD).then_some((score, &m.file, &m.id))
                })
                .min_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
            assert_eq!(
                found.map(|f| (f.score, f.id)),
                oracle.map(|(score, _, id)| (score, id.clone())),
                "{query}"
            );
        }
        assert!(
            matched > 20,
            "the texts must exercise fuzzy matches: {matched}"
        );
    }

    #[test]
    fn exact_then_fuzzy_never_itself_nor_stale() {
        let reference = catalog(
            "en",
            &[
                (
                    "common.ftl",
                    "a = Media contact\nb = The embassy thanks all friends of Azerbaijan today\n",
                ),
                (
                    "releases/x.ftl",
                    "c = Media contact\nd = The embassy thanks all friends of Azerbaijan\ne = Something else entirely\n",
                ),
            ],
        );
        let target = catalog(
            "az",
            &[(
                "common.ftl",
                "a = Media ilə əlaqə\nb = Səfirlik bu gün Azərbaycanın bütün dostlarına təşəkkür edir\n",
            )],
        );
        let memory = TranslationMemory::new(&reference, &target, None);
        assert_eq!(memory.len(), 2);
        let exact = memory
            .best("locales/az/releases/x.ftl", "c", "Media   contact")
            .unwrap();
        assert!(exact.exact);
        assert_eq!(
            (exact.file.as_str(), exact.id.as_str()),
            ("locales/az/common.ftl", "a")
        );
        assert_eq!(exact.translation, "Media ilə əlaqə");
        let fuzzy = memory
            .best(
                "locales/az/releases/x.ftl",
                "d",
                "The embassy thanks all friends of Azerbaijan",
            )
            .unwrap();
        assert!(!fuzzy.exact);
        assert_eq!(fuzzy.score, 87);
        assert!(
            memory
                .best("locales/az/releases/x.ftl", "e", "Something else entirely")
                .is_none()
        );
        // A message is never its own match.
        assert!(
            memory
                .best("locales/az/common.ftl", "a", "Media contact")
                .is_none()
        );
    }
}
