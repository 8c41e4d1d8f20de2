//! `glossary`: the reference uses a glossary term and the translation has none of its approved
//! renderings (or, for a `do-not-translate` term, not the term itself).
//!
//! Matching is on ICU word boundaries, case-folded with each locale's rules; a rendering
//! matches words that begin with its words, so that agglutinative suffixes (`İlham Əliyevin`,
//! `Vatan Savaşı’nda`) still count. The reference's term matches whole words (an English
//! possessive `’s` aside), so that "war" is not found in "warrant".

use beyan_content::{Glossary, Locale};

use super::text::MessageText;
use super::words::{fold, is_turkic, words};
use super::{Finding, Side};
use crate::diagnostic::Code;

/// The glossary prepared for one pair of locales: every text folded and split into words once.
#[derive(Debug, Clone, Default)]
pub struct GlossaryIndex {
    terms: Vec<PreparedTerm>,
    /// Case folding of the target locale: Turkic or not.
    target_turkic: bool,
}

#[derive(Debug, Clone)]
struct PreparedTerm {
    /// Each spelling of the term in the reference, as folded words.
    sources: Vec<Vec<String>>,
    renderings: Vec<Vec<String>>,
    shown_source: String,
    shown_renderings: Vec<String>,
    do_not_translate: bool,
    line: usize,
}

fn folded_words(turkic: bool, text: &str) -> Vec<String> {
    let folded = fold(turkic, text);
    words(&folded)
        .into_iter()
        .map(|(_, w)| w.to_owned())
        .collect()
}

impl GlossaryIndex {
    pub fn new(glossary: &Glossary, reference: &Locale, target: &Locale) -> Self {
        let terms = glossary
            .terms
            .iter()
            .filter_map(|term| {
                let renderings = term.renderings_for(target)?;
                Some(PreparedTerm {
                    sources: term
                        .source
                        .iter()
                        .map(|s| folded_words(is_turkic(reference), s))
                        .filter(|w| !w.is_empty())
                        .collect(),
                    renderings: renderings
                        .iter()
                        .map(|r| folded_words(is_turkic(target), r))
                        .filter(|w| !w.is_empty())
                        .collect(),
                    shown_source: term.source.first().cloned().unwrap_or_default(),
                    shown_renderings: renderings.to_vec(),
                    do_not_translate: term.do_not_translate,
                    line: term.line,
                })
            })
            .filter(|t| !t.sources.is_empty() && !t.renderings.is_empty())
            .collect();
        Self {
            terms,
            target_turkic: is_turkic(target),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `reference_source` (raw, the id included) may hold a term: it contains the
    /// first word of one of them, case-folded.
    ///
    /// A one-line translation of plain text (no variant, attribute or placeable) that holds an approved
    /// rendering of every such term, each beginning a word, needs no closer look: the check
    /// would find every term rendered.
    pub fn may_match(
        &self,
        turkic: bool,
        reference_source: &str,
        translation_source: &str,
    ) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        // A URL's words (`support.embassy.example`) are blanked, as the check blanks them.
        let folded = if super::gate::has_address(reference_source) {
            fold(turkic, &without_addresses(reference_source))
        } else {
            fold(turkic, reference_source)
        };
        let mut candidates = self
            .terms
            .iter()
            .filter(|t| t.sources.iter().any(|s| folded.contains(s[0].as_str())))
            .peekable();
        if candidates.peek().is_none() {
            return false;
        }
        // Only one line of text is looked at this way, its placeables as the check sees them
        // (not text); not an address, which the check blanks.
        let Some(plain) = plain_line(translation_source) else {
            return true;
        };
        if super::gate::has_address(&plain) {
            return true;
        }
        let translation = fold(self.target_turkic, &plain);
        !candidates.all(|term| {
            term.renderings
                .iter()
                .any(|r| begins_a_word(&translation, &r.join(" ")))
        })
    }
}

/// One line of Fluent source as its text reads: each placeable (without string literals or
/// nesting) as U+FFFC; `None` for anything else.
fn plain_line(source: &str) -> Option<String> {
    if source.contains('\n') {
        return None;
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        let close = inner.find('}')?;
        if inner[..close].contains(['{', '"']) {
            return None;
        }
        out.push('\u{FFFC}');
        rest = &inner[close + 1..];
    }
    if rest.contains('}') {
        return None;
    }
    out.push_str(rest);
    Some(out)
}

/// Whether `needle` occurs in `text` at the start of a word.
fn begins_a_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `text` with its URLs and e-mail addresses blanked (`support.embassy.example` is not the
/// word "embassy").
fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for span in super::url::spans(text) {
        out.push_str(&text[last..span.start]);
        out.push(' ');
        last = span.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The aligned texts of a pair: each translated variant with its reference counterpart, part
/// by part (a term in the reference's `.title` is looked for in the translation's `.title`).
fn aligned<'t>(
    reference: &'t MessageText,
    translation: &'t MessageText,
) -> Vec<(&'t str, &'t str)> {
    let mut out = Vec::new();
    for part in &translation.parts {
        let Some(reference_part) = reference.part(part.attribute.as_deref()) else {
            continue;
        };
        for variant in &part.variants {
            if let Some(counterpart) = reference_part.counterpart(variant) {
                out.push((counterpart.text.as_str(), variant.text.as_str()));
            }
        }
    }
    out
}

/// Whether `term` occurs in `text` as whole words; the last may carry a possessive.
fn has_words(text: &[String], term: &[String]) -> bool {
    text.windows(term.len()).any(|window| {
        window
            .iter()
            .zip(term)
            .enumerate()
            .all(|(i, (word, want))| {
                word == want
                    || (i + 1 == term.len()
                        && word
                            .strip_prefix(want.as_str())
                            .is_some_and(|rest| matches!(rest, "'s" | "’s" | "s'" | "’")))
            })
    })
}

/// Whether a rendering occurs in `text`, each word possibly followed by suffixes.
fn has_prefixes(text: &[String], rendering: &[String]) -> bool {
    text.windows(rendering.len()).any(|window| {
        window
            .iter()
            .zip(rendering)
            .all(|(word, want)| word.starts_with(want.as_str()))
    })
}

pub fn check(index: &GlossaryIndex, reference: &Side<'_>, translation: &Side<'_>) -> Vec<Finding> {
    if index.is_empty() {
        return Vec::new();
    }
    let mut missing: Vec<&PreparedTerm> = Vec::new();
    for (reference_text, translation_text) in aligned(reference.text, translation.text) {
        for term in missing_terms(
            index,
            reference,
            reference_text,
            translation,
            translation_text,
        ) {
            if !missing.iter().any(|m| std::ptr::eq(*m, term)) {
                missing.push(term);
            }
        }
    }
    missing.into_iter().map(finding).collect()
}

/// The terms that `reference_text` uses and `translation_text` renders in none of the approved
/// ways.
fn missing_terms<'i>(
    index: &'i GlossaryIndex,
    reference: &Side<'_>,
    reference_text: &str,
    translation: &Side<'_>,
    translation_text: &str,
) -> Vec<&'i PreparedTerm> {
    let reference_text = fold(reference.turkic, &without_addresses(reference_text));
    // Most texts hold no term: a substring test of each term's first word rules them out.
    let candidates: Vec<&PreparedTerm> = index
        .terms
        .iter()
        .filter(|t| {
            t.sources
                .iter()
                .any(|s| reference_text.contains(s[0].as_str()))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let reference_words: Vec<String> = words(&reference_text)
        .into_iter()
        .map(|(_, w)| w.to_owned())
        .collect();
    let matched: Vec<&PreparedTerm> = candidates
        .into_iter()
        .filter(|t| t.sources.iter().any(|s| has_words(&reference_words, s)))
        .collect();
    if matched.is_empty() {
        return Vec::new();
    }
    let translation_words = folded_words(translation.turkic, &without_addresses(translation_text));
    let mut out = Vec::new();
    for term in &matched {
        if term
            .renderings
            .iter()
            .any(|r| has_prefixes(&translation_words, r))
        {
            continue;
        }
        // A name kept in the reference's language ("Embassy Digital Services") keeps its
        // words: that is not a rendering to correct.
        if !term.do_not_translate
            && term
                .sources
                .iter()
                .any(|s| has_words(&translation_words, s))
        {
            continue;
        }
        // "War" inside "Patriotic War" is the longer term's business.
        let inside_longer = matched.iter().any(|other| {
            !std::ptr::eq(*other, *term)
                && other.sources.iter().any(|long| {
                    term.sources
                        .iter()
                        .any(|short| long.len() > short.len() && has_words(long, short))
                })
        });
        if !inside_longer {
            out.push(*term);
        }
    }
    out
}

fn finding(term: &PreparedTerm) -> Finding {
    let message = if term.do_not_translate {
        format!(
            "the reference uses “{}”, which is not translated; keep it unchanged (glossary.toml:{})",
            term.shown_source, term.line
        )
    } else {
        format!(
            "the reference uses “{}”; use an approved rendering: {} (glossary.toml:{})",
            term.shown_source,
            term.shown_renderings
                .iter()
                .map(|r| format!("“{r}”"))
                .collect::<Vec<_>>()
                .join(", "),
            term.line
        )
    };
    Finding {
        code: Code::Glossary,
        offset: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_checks::tests::{message, side};

    fn index(target: &str) -> GlossaryIndex {
        let locales = beyan_content::LocalesConfig {
            reference: Locale::parse("en").unwrap(),
            required: ["az", "tr", "ur"]
                .iter()
                .map(|l| Locale::parse(l).unwrap())
                .collect(),
            optional: Vec::new(),
        };
        let glossary = Glossary::parse(
            "glossary.toml",
            "[[term]]\nen = \"Patriotic War\"\naz = \"Vətən müharibəsi\"\ntr = [\"Vatan Muharebesi\", \"Vatan Savaşı\"]\nur = \"جنگِ وطن\"\n\n[[term]]\nen = \"Ilham Aliyev\"\naz = \"İlham Əliyev\"\ntr = \"İlham Aliyev\"\n\n[[term]]\nen = \"War\"\ntr = \"Savaş\"\n\n[[term]]\nen = \"Beyan\"\ndo-not-translate = true\n",
            &locales,
        )
        .unwrap();
        GlossaryIndex::new(
            &glossary,
            &Locale::parse("en").unwrap(),
            &Locale::parse(target).unwrap(),
        )
    }

    fn findings(target: &str, reference: &str, translation: &str) -> Vec<String> {
        let (en, tr) = (message(reference), message(translation));
        let (en_side, tr_side) = (side("en"), side(target));
        check(&index(target), &en_side.with(&en), &tr_side.with(&tr))
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn renderings_with_suffixes_and_turkic_case() {
        assert!(findings("tr", "The Patriotic War ended.", "Vatan Savaşı’nda bitti.").is_empty());
        assert!(findings("tr", "The PATRIOTIC WAR.", "VATAN MUHAREBESİ.").is_empty());
        assert!(
            findings(
                "az",
                "President Ilham Aliyev's words",
                "Prezident İLHAM ƏLİYEVİN sözləri"
            )
            .is_empty()
        );
        assert!(findings("ur", "The Patriotic War", "جنگ وطن کے دوران").is_empty());
        let found = findings("tr", "The Patriotic War ended.", "Büyük Savaş bitti.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("“Vatan Muharebesi”, “Vatan Savaşı”"));
    }

    #[test]
    fn whole_words_in_the_reference_and_do_not_translate() {
        assert!(findings("tr", "A warrant was issued.", "Bir emir çıkarıldı.").is_empty());
        assert_eq!(
            findings("tr", "Beyan is a tool.", "Beyanname bir araçtır.").len(),
            0
        );
        assert_eq!(
            findings("tr", "Beyan is a tool.", "Bu bir araçtır.").len(),
            1
        );
        assert!(findings("az", "Nothing here.", "Heç nə.").is_empty());
    }
}
