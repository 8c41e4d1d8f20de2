//! `glossary`: the reference uses a glossary term and the translation has none of its approved
//! renderings (or, for a `do-not-translate` term, not the term itself).
//!
//! Matching is on ICU word boundaries, case-folded with each locale's rules; a rendering
//! matches words that begin with its words, so that agglutinative suffixes (`İlham Əliyevin`,
//! `Vatan Savaşı’nda`) still count. The reference's term matches whole words (an English
//! possessive `’s` aside), so that "war" is not found in "warrant".

use beyan_content::{Glossary, Locale};

use super::gate::TextFlags;
use super::text::MessageText;
use super::words::{always_breaks_before, fold, is_turkic, words};
use super::{Finding, MessageSource, Side};
use crate::diagnostic::Code;

/// The glossary's terms as the reference writes them, folded with the reference locale's
/// rules: what each reference message is searched for, once per run rather than once per
/// target locale (they all compare with the same reference).
#[derive(Debug, Clone, Default)]
pub struct TermSources {
    /// Per term of the glossary, in its order: each spelling as folded words.
    terms: Vec<Vec<Vec<String>>>,
    /// Case folding of the reference locale: Turkic or not.
    turkic: bool,
}

/// The glossary terms a reference message uses, variant by variant: found once per run
/// ([`TermSources::used_in`]), none for nearly every message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermUse {
    variants: Vec<VariantTerms>,
}

/// The terms (indices in the glossary) that one variant of one part of the message uses.
#[derive(Debug, Clone, PartialEq, Eq)]
struct VariantTerms {
    part: usize,
    /// The part's name: `None` for the value, else the attribute's.
    attribute: Option<String>,
    variant: usize,
    terms: Vec<usize>,
}

impl TermUse {
    pub fn is_empty(&self) -> bool {
        self.variants.is_empty()
    }

    /// The terms of the `variant`-th variant of the `part`-th part of the message's
    /// [`MessageText`].
    fn of(&self, part: usize, variant: usize) -> &[usize] {
        self.variants
            .iter()
            .find(|v| v.part == part && v.variant == variant)
            .map_or(&[], |v| v.terms.as_slice())
    }

    /// The terms of every variant (a term may come more than once).
    fn all(&self) -> impl Iterator<Item = usize> + '_ {
        self.variants.iter().flat_map(|v| v.terms.iter().copied())
    }

    /// The terms of every variant of the part named `attribute` (`None`: the value).
    fn of_part<'a>(&'a self, attribute: Option<&'a str>) -> impl Iterator<Item = usize> + 'a {
        self.variants
            .iter()
            .filter(move |v| v.attribute.as_deref() == attribute)
            .flat_map(|v| v.terms.iter().copied())
    }
}

impl TermSources {
    pub fn new(glossary: &Glossary, reference: &Locale) -> Self {
        let turkic = is_turkic(reference);
        Self {
            terms: glossary
                .terms
                .iter()
                .map(|term| {
                    term.source
                        .iter()
                        .map(|s| folded_words(turkic, s))
                        .filter(|w| !w.is_empty())
                        .collect()
                })
                .collect(),
            turkic,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.iter().all(Vec::is_empty)
    }

    /// The terms the reference message `message` uses. Its raw source rules out nearly every
    /// message unread: each word of its text is written in the source as it reads, so a
    /// source without the first word of any term uses none — unless a string literal
    /// (`{ "\u0050atriotic" }`) or a select (`Patri{ $n -> *[other] otic }`) makes text that
    /// the source does not spell out, and the message is read.
    pub fn used_in(&self, message: MessageSource<'_>) -> TermUse {
        if self.is_empty() {
            return TermUse::default();
        }
        let source = super::body(message.raw());
        let spelled_out =
            !TextFlags::from_bits(message.flags).has_literal() && !source.contains("->");
        if spelled_out {
            let folded = fold(self.turkic, source);
            let may_use = self
                .terms
                .iter()
                .flatten()
                .any(|spelling| folded.contains(spelling[0].as_str()));
            if !may_use {
                return TermUse::default();
            }
        }
        self.used_in_text(&MessageText::read(
            message.file_text,
            message.start,
            message.end,
        ))
    }

    /// The terms each variant of a reference message's text uses.
    pub fn used_in_text(&self, text: &MessageText) -> TermUse {
        let mut variants = Vec::new();
        for (part, reference_part) in text.parts.iter().enumerate() {
            for (variant, reference_variant) in reference_part.variants.iter().enumerate() {
                let terms = self.used_in_variant(&reference_variant.text);
                if !terms.is_empty() {
                    variants.push(VariantTerms {
                        part,
                        attribute: reference_part.attribute.clone(),
                        variant,
                        terms,
                    });
                }
            }
        }
        TermUse { variants }
    }

    /// The terms that `text` uses as whole words (the last possibly with a possessive),
    /// outside its URLs and e-mail addresses (`support.embassy.example` is not the word
    /// "embassy").
    fn used_in_variant(&self, text: &str) -> Vec<usize> {
        let folded = fold(self.turkic, &without_addresses(text));
        // Most texts hold no term: a substring test of each term's first word rules them out.
        let mut candidates = (0..self.terms.len())
            .filter(|&i| {
                self.terms[i]
                    .iter()
                    .any(|spelling| folded.contains(spelling[0].as_str()))
            })
            .peekable();
        if candidates.peek().is_none() {
            return Vec::new();
        }
        let text_words: Vec<&str> = words(&folded).into_iter().map(|(_, w)| w).collect();
        candidates
            .filter(|&i| {
                self.terms[i]
                    .iter()
                    .any(|spelling| has_words(&text_words, spelling))
            })
            .collect()
    }
}

/// The glossary prepared for one target locale: every rendering folded and split into words
/// once.
#[derive(Debug, Clone, Default)]
pub struct GlossaryIndex {
    /// Per term of the glossary, in its order; `None` for a term the target locale has no
    /// rendering of (it is not checked there).
    terms: Vec<Option<PreparedTerm>>,
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
            .map(|term| {
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
            .map(|t| t.filter(|t| !t.sources.is_empty() && !t.renderings.is_empty()))
            .collect();
        Self {
            terms,
            target_turkic: is_turkic(target),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.iter().all(Option::is_none)
    }

    /// The `i`-th term of the glossary, when the target locale renders it.
    fn term(&self, i: usize) -> Option<&PreparedTerm> {
        self.terms.get(i)?.as_ref()
    }

    /// Whether the check may find a term of `reference_terms` not rendered in
    /// `translation_source` (raw, after the `=`).
    ///
    /// A translation of plain text (no select, string literal or nested placeable) whose every
    /// part holds an approved rendering of each term the reference's part of the same name
    /// uses, each where the word segmentation always starts a word, needs no closer look: the
    /// check would find every term rendered.
    pub fn may_match(&self, reference_terms: &TermUse, translation_source: &str) -> bool {
        if !reference_terms.all().any(|i| self.term(i).is_some()) {
            return false;
        }
        let Some(parts) = plain_parts(translation_source) else {
            return true;
        };
        parts.iter().any(|(attribute, text)| {
            let mut terms = reference_terms
                .of_part(*attribute)
                .filter_map(|i| self.term(i))
                .peekable();
            if terms.peek().is_none() {
                return false;
            }
            // Not an address, which the check blanks.
            if super::gate::has_address(text) {
                return true;
            }
            let translation = fold(self.target_turkic, text);
            !terms.all(|term| {
                term.renderings
                    .iter()
                    .any(|r| begins_a_word(&translation, &r.join(" ")))
            })
        })
    }
}

/// The text of each part (the value, then each attribute by name) of a message's Fluent
/// source after its `=`, when it is plain: each placeable (without a select, a string literal
/// or nesting, on one line) as U+FFFC, lines as written; `None` for anything else.
fn plain_parts(source: &str) -> Option<Vec<(Option<&str>, String)>> {
    let mut parts: Vec<(Option<&str>, String)> = vec![(None, String::new())];
    for line in source.split('\n') {
        if let Some(attribute) = line.trim_start().strip_prefix('.') {
            let (name, value) = attribute.split_once('=')?;
            let mut text = String::with_capacity(value.len());
            push_plain(&mut text, value)?;
            parts.push((Some(name.trim()), text));
        } else {
            let (_, text) = parts.last_mut()?;
            text.push('\n');
            push_plain(text, line)?;
        }
    }
    Some(parts)
}

/// Appends one line of Fluent source as its text reads (see [`plain_parts`]).
fn push_plain(out: &mut String, line: &str) -> Option<()> {
    let mut rest = line;
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
    Some(())
}

/// Whether `needle` occurs in `text` where the word segmentation starts a word whatever
/// precedes (not after an apostrophe or an underscore: `l'arşiv` and `_arşiv` are one word).
fn begins_a_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle)
        .any(|(at, _)| always_breaks_before(text, at))
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

/// Whether `term` occurs in `text` as whole words; the last may carry a possessive.
fn has_words<W: AsRef<str>>(text: &[W], term: &[String]) -> bool {
    text.windows(term.len()).any(|window| {
        window
            .iter()
            .zip(term)
            .enumerate()
            .all(|(i, (word, want))| {
                let word = word.as_ref();
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

/// The glossary findings of a pair whose reference uses `reference_terms`: each translated
/// variant against the terms of its reference counterpart, part by part (a term in the
/// reference's `.title` is looked for in the translation's `.title`).
pub fn check(
    index: &GlossaryIndex,
    reference_terms: &TermUse,
    reference: &Side<'_>,
    translation: &Side<'_>,
) -> Vec<Finding> {
    if index.is_empty() || reference_terms.is_empty() {
        return Vec::new();
    }
    let mut missing: Vec<usize> = Vec::new();
    for part in &translation.text.parts {
        let Some(part_index) = reference.text.part_index(part.attribute.as_deref()) else {
            continue;
        };
        let reference_part = &reference.text.parts[part_index];
        for variant in &part.variants {
            let Some(variant_index) = reference_part.counterpart_index(variant) else {
                continue;
            };
            let used = reference_terms.of(part_index, variant_index);
            for term in missing_terms(index, used, translation, &variant.text) {
                if !missing.contains(&term) {
                    missing.push(term);
                }
            }
        }
    }
    missing
        .into_iter()
        .filter_map(|i| index.term(i))
        .map(finding)
        .collect()
}

/// The terms (of `used`, those of the reference's text) that `translation_text` renders in
/// none of the approved ways.
fn missing_terms(
    index: &GlossaryIndex,
    used: &[usize],
    translation: &Side<'_>,
    translation_text: &str,
) -> Vec<usize> {
    let matched: Vec<(usize, &PreparedTerm)> = used
        .iter()
        .filter_map(|&i| Some((i, index.term(i)?)))
        .collect();
    if matched.is_empty() {
        return Vec::new();
    }
    let translation_words = folded_words(translation.turkic, &without_addresses(translation_text));
    let mut out = Vec::new();
    for &(i, term) in &matched {
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
        let inside_longer = matched.iter().any(|&(j, other)| {
            j != i
                && other.sources.iter().any(|long| {
                    term.sources
                        .iter()
                        .any(|short| long.len() > short.len() && has_words(long, short))
                })
        });
        if !inside_longer {
            out.push(i);
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
        GlossaryIndex::new(
            &glossary(),
            &Locale::parse("en").unwrap(),
            &Locale::parse(target).unwrap(),
        )
    }

    fn glossary() -> Glossary {
        let locales = beyan_content::LocalesConfig {
            reference: Locale::parse("en").unwrap(),
            required: ["az", "tr", "ur"]
                .iter()
                .map(|l| Locale::parse(l).unwrap())
                .collect(),
            optional: Vec::new(),
        };
        Glossary::parse(
            "glossary.toml",
            "[[term]]\nen = \"Patriotic War\"\naz = \"Vətən müharibəsi\"\ntr = [\"Vatan Muharebesi\", \"Vatan Savaşı\"]\nur = \"جنگِ وطن\"\n\n[[term]]\nen = \"Ilham Aliyev\"\naz = \"İlham Əliyev\"\ntr = \"İlham Aliyev\"\n\n[[term]]\nen = \"War\"\ntr = \"Savaş\"\n\n[[term]]\nen = \"Beyan\"\ndo-not-translate = true\n",
            &locales,
        )
        .unwrap()
    }

    fn findings(target: &str, reference: &str, translation: &str) -> Vec<String> {
        let (en, tr) = (message(reference), message(translation));
        let (en_side, tr_side) = (side("en"), side(target));
        let used = TermSources::new(&glossary(), &Locale::parse("en").unwrap()).used_in_text(&en);
        check(
            &index(target),
            &used,
            &en_side.with(&en),
            &tr_side.with(&tr),
        )
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

    #[test]
    fn the_pre_filter_reads_plain_parts_by_name_and_words_as_segmented() {
        let sources = TermSources::new(&glossary(), &Locale::parse("en").unwrap());
        let used = sources.used_in_text(&message("The Patriotic War\n    .title = Title"));
        let tr = index("tr");
        assert!(!tr.may_match(&used, " Vatan Savaşı’nda { $n }\n    .title = Başlık"));
        assert!(tr.may_match(&used, " Büyük Savaş\n    .title = Vatan Savaşı"));
        assert!(tr.may_match(&used, " l'Vatan Savaşı"));
        assert!(tr.may_match(&used, " _Vatan Savaşı"));
        assert!(!tr.may_match(&TermUse::default(), " Büyük Savaş"));
    }
}
