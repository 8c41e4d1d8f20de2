//! The content checks of `beyan check`: what a translation must not get wrong even when its
//! structure is complete — numbers, URLs and e-mail addresses, the sentence's final mark,
//! stray whitespace, a repeated word, a length limit, the glossary — and the `beyan-ignore`
//! comments that silence a code for one message.
//!
//! Each check is a pure function over one aligned pair (the reference message and its
//! translation, read by [`text::MessageText`], with their locales and comments); it returns
//! [`Finding`]s and knows nothing of files, severities or reports. [`ContentChecks::check_pair`]
//! runs them all; the comparison calls it once per translated message.

mod gate;
mod glossary;
mod number;
mod punctuation;
mod repeated_word;
mod suppression;
mod text;
mod too_long;
mod url;
mod whitespace;
mod words;

use beyan_content::{Glossary, Locale};

use crate::diagnostic::Code;
use gate::Open;
pub use gate::{TextFlags, TextRole};
pub use glossary::{GlossaryIndex, TermSources, TermUse};
pub use number::NumberSymbols;
pub use suppression::Suppression;
pub use text::MessageText;

/// One problem a content check found in a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    /// Byte offset in the translation's file, when the problem is at one place.
    pub offset: Option<usize>,
    pub message: String,
}

/// What the checks need to know of one locale, prepared once per run.
#[derive(Debug, Clone)]
pub struct Language {
    pub locale: Locale,
    /// Case folding with the Turkic rules (`tr`, `az`).
    pub turkic: bool,
    pub symbols: NumberSymbols,
    /// The CLDR plural categories the locale selects.
    pub plural: Vec<&'static str>,
}

impl Language {
    pub fn new(locale: &Locale) -> Self {
        Self {
            locale: locale.clone(),
            turkic: words::is_turkic(locale),
            symbols: NumberSymbols::of(locale),
            plural: crate::plural::plural_categories(locale),
        }
    }

    fn side<'a>(&'a self, text: &'a MessageText, comment: &'a str) -> Side<'a> {
        Side {
            locale: &self.locale,
            turkic: self.turkic,
            symbols: self.symbols,
            text,
            comment,
        }
    }
}

/// One side of an aligned pair: a message's text with its locale and comment.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub locale: &'a Locale,
    pub turkic: bool,
    pub symbols: NumberSymbols,
    pub text: &'a MessageText,
    pub comment: &'a str,
}

/// The content checks of one target locale against the reference.
#[derive(Debug, Clone)]
pub struct ContentChecks {
    reference: Language,
    target: Language,
    glossary: GlossaryIndex,
}

/// A message as the comparison knows it: its file's text and its byte range.
#[derive(Debug, Clone, Copy)]
pub struct MessageSource<'a> {
    pub file_text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The entry's [`TextFlags`] bits.
    pub flags: u8,
}

impl<'a> MessageSource<'a> {
    /// The message's source, from its id to the end of its last line.
    pub fn raw(&self) -> &'a str {
        self.file_text.get(self.start..self.end).unwrap_or("")
    }

    /// The comment directly above the message (`#` lines, without their `# `).
    pub fn comment(&self) -> String {
        comment_above(self.file_text, self.start)
    }
}

impl ContentChecks {
    pub fn new(glossary: &Glossary, reference: &Locale, target: &Locale) -> Self {
        Self {
            reference: Language::new(reference),
            target: Language::new(target),
            glossary: GlossaryIndex::new(glossary, reference, target),
        }
    }

    /// Every content finding of one translated message, and the message's suppression;
    /// `reference_terms` are the glossary terms the reference uses ([`TermSources::used_in`]).
    pub fn check_pair(
        &self,
        reference: MessageSource<'_>,
        reference_terms: &TermUse,
        translation: MessageSource<'_>,
    ) -> (Vec<Finding>, Option<Suppression>) {
        let open = self.open(reference, reference_terms, translation);
        if !open.any() {
            return (Vec::new(), None);
        }
        self.check_open(reference, reference_terms, translation, open)
    }

    /// Which checks could fire on the pair, from a look at its raw source ([`gate`]): most
    /// pairs need no second parse, and most of the rest only one or two checks.
    fn open(
        &self,
        reference: MessageSource<'_>,
        reference_terms: &TermUse,
        translation: MessageSource<'_>,
    ) -> Open {
        gate::open(
            &gate::RawPair {
                reference_flags: TextFlags::from_bits(reference.flags),
                translation_flags: TextFlags::from_bits(translation.flags),
                reference_terms,
                translation: body(translation.raw()),
            },
            &self.glossary,
        )
    }

    /// The `open` checks of the pair.
    fn check_open(
        &self,
        reference: MessageSource<'_>,
        reference_terms: &TermUse,
        translation: MessageSource<'_>,
        open: Open,
    ) -> (Vec<Finding>, Option<Suppression>) {
        let reference_text = MessageText::read(reference.file_text, reference.start, reference.end);
        let mut translation_text =
            MessageText::read(translation.file_text, translation.start, translation.end);
        // A variant the locale never selects (`[few]` in Turkish) is `unknown-plural-category`'s
        // to report; what it says is never shown.
        translation_text.keep_selected(&self.target.plural);
        let reference_comment = reference.comment();
        let translation_comment = translation.comment();
        let reference_side = self.reference.side(&reference_text, &reference_comment);
        let translation_side = self.target.side(&translation_text, &translation_comment);
        let mut findings = check(
            &self.glossary,
            reference_terms,
            &reference_side,
            &translation_side,
            open,
        );
        let suppression = if open.suppression {
            Suppression::parse(&translation_comment)
        } else {
            None
        };
        if let Some(problem) = suppression.as_ref().and_then(Suppression::problems) {
            findings.push(problem);
        }
        (findings, suppression)
    }
}

/// Every check over one aligned pair. At most one finding per code and part: a message with
/// three variants that all drop a number is one problem to fix.
pub fn check(
    glossary: &GlossaryIndex,
    reference_terms: &TermUse,
    reference: &Side<'_>,
    translation: &Side<'_>,
    open: Open,
) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let limit = too_long::max_length(reference.comment);
    for part in &translation.text.parts {
        let Some(reference_part) = reference.text.part(part.attribute.as_deref()) else {
            continue;
        };
        let mut found: Vec<Finding> = Vec::new();
        let mut add = |finding: Option<Finding>| {
            if let Some(finding) = finding
                && !found.iter().any(|f| f.code == finding.code)
            {
                found.push(finding);
            }
        };
        for variant in &part.variants {
            let Some(ref_variant) = reference_part.counterpart(variant) else {
                continue;
            };
            if open.number {
                add(number::check(reference, ref_variant, translation, variant));
            }
            if open.punctuation {
                add(punctuation::check(ref_variant, variant));
            }
            if open.whitespace {
                add(whitespace::check(ref_variant, variant));
            }
            if open.repeated_word {
                add(repeated_word::check(
                    reference,
                    ref_variant,
                    translation,
                    variant,
                ));
            }
            if let Some(limit) = limit
                && open.too_long
                && part.attribute.is_none()
            {
                add(too_long::check(limit, variant));
            }
        }
        if let Some(attribute) = &part.attribute {
            for finding in &mut found {
                finding.message = format!(".{attribute}: {}", finding.message);
            }
        }
        out.append(&mut found);
    }
    if open.address {
        out.extend(url::check(reference, translation));
    }
    if open.glossary {
        out.extend(glossary::check(
            glossary,
            reference_terms,
            reference,
            translation,
        ));
    }
    out
}

/// The `#` comment lines directly above `start` in `text`, without their `#` and one space.
/// Group (`##`) and resource (`###`) comments are not a message's.
pub fn comment_above(text: &str, start: usize) -> String {
    let block = comment_block(text, start);
    if block.is_empty() {
        return String::new();
    }
    block
        .lines()
        .map(|line| {
            let content = line.strip_prefix('#').unwrap_or(line);
            content.strip_prefix(' ').unwrap_or(content)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A message's source after its id and `=` (ids are made of words and numbers too).
fn body(raw: &str) -> &str {
    raw.find('=').map_or(raw, |eq| &raw[eq + 1..])
}

/// The raw `#` lines directly above `start` (with their `#`), as one slice of `text`.
pub fn comment_block(text: &str, start: usize) -> &str {
    let Some(before) = text.get(..start) else {
        return "";
    };
    // `before` ends with the newline that precedes the message's line.
    let Some(mut rest) = before.strip_suffix('\n') else {
        return "";
    };
    let end = rest.len();
    let mut first = end;
    loop {
        let (head, line) = match rest.rfind('\n') {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => ("", rest),
        };
        let Some(content) = line.strip_prefix('#') else {
            break;
        };
        if content.starts_with('#') || !(content.is_empty() || content.starts_with(' ')) {
            break;
        }
        first = rest.len() - line.len();
        if head.len() == rest.len() || rest.len() == line.len() {
            break;
        }
        rest = head;
    }
    &before[first..end]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn side(locale: &str) -> Language {
        Language::new(&Locale::parse(locale).unwrap())
    }

    /// The content checks of `target` against `en`, with the glossary `glossary` (TOML), and
    /// the reference's term finder.
    pub fn checks_with(target: &str, glossary: &str) -> (ContentChecks, TermSources) {
        let locales = beyan_content::LocalesConfig {
            reference: Locale::parse("en").unwrap(),
            required: vec![Locale::parse(target).unwrap()],
            optional: Vec::new(),
        };
        let glossary = Glossary::parse("glossary.toml", glossary, &locales).unwrap();
        (
            ContentChecks::new(&glossary, &locales.reference, &locales.required[0]),
            TermSources::new(&glossary, &locales.reference),
        )
    }

    pub fn message(text: &str) -> MessageText {
        let source = format!("m = {text}\n");
        MessageText::read(&source, 0, source.len() - 1)
    }

    impl Language {
        pub fn with<'a>(&'a self, text: &'a MessageText) -> Side<'a> {
            self.side(text, "")
        }
    }

    /// The codes that fire for a pair, with a comment on the reference.
    fn codes_with(
        target: &str,
        comment: &str,
        reference: &str,
        translation: &str,
    ) -> Vec<&'static str> {
        let (en, other) = (side("en"), side(target));
        let (r, t) = (message(reference), message(translation));
        let r_side = en.side(&r, comment);
        check(
            &GlossaryIndex::default(),
            &TermUse::default(),
            &r_side,
            &other.with(&t),
            Open::ALL,
        )
        .iter()
        .map(|f| f.code.as_str())
        .collect()
    }

    fn codes(target: &str, reference: &str, translation: &str) -> Vec<&'static str> {
        codes_with(target, "", reference, translation)
    }

    #[test]
    fn numbers_true_positives_and_near_misses() {
        assert_eq!(
            codes("az", "On 12 November 2025.", "11 noyabr 2025-ci ildə."),
            ["number-mismatch"]
        );
        assert!(codes("ur", "On 8 November 2025.", "۸ نومبر ۲۰۲۵ کو۔").is_empty());
        assert!(codes("tr", "Since 2020.", "2020’den beri.").is_empty());
        assert!(codes("az", "Since 2020.", "2020-ci ildən bəri.").is_empty());
        assert!(codes("az", "On 19-20 November.", "19–20-də noyabrda.").is_empty());
        assert!(codes("tr", "In 44 days.", "Kırk dört günde.").is_empty());
        assert!(codes("tr", "1,500 people.", "1.500 kişi.").is_empty());
        assert!(codes("tr", "1,500 people.", "1,500 kişi.").is_empty());
        assert!(
            codes(
                "tr",
                "On { $date } there were { NUMBER($n) } of them.",
                "{ $date } tarihinde { NUMBER($n) } kişiydi."
            )
            .is_empty()
        );
    }

    #[test]
    fn numbers_per_variant() {
        let reference = "{ $n ->\n    [one] One day in 2025.\n   *[other] { $n } days in 2025.\n}";
        assert!(
            codes(
                "tr",
                reference,
                "{ $n ->\n   *[other] 2025'te { $n } gün.\n}"
            )
            .is_empty()
        );
        assert_eq!(
            codes(
                "tr",
                reference,
                "{ $n ->\n   *[other] 2024'te { $n } gün.\n}"
            ),
            ["number-mismatch"]
        );
    }

    #[test]
    fn urls_and_emails() {
        let reference = "See https://mfa.gov.az/en or write to press@embassy.example.";
        assert!(
            codes(
                "tr",
                reference,
                "https://mfa.gov.az/en adresine bakın veya press@embassy.example adresine yazın."
            )
            .is_empty()
        );
        assert_eq!(
            codes(
                "tr",
                reference,
                "https://mfa.gov.az/tr adresine bakın veya basin@embassy.example adresine yazın."
            ),
            ["url-mismatch", "email-mismatch"]
        );
    }

    #[test]
    fn punctuation_whitespace_repetition_and_length() {
        assert_eq!(
            codes("ur", "It ended.", "ختم ہوا"),
            ["punctuation-mismatch"]
        );
        assert!(codes("ur", "It ended.", "ختم ہوا۔").is_empty());
        assert_eq!(codes("tr", "It ended.", "{\" \"}Bitti."), ["whitespace"]);
        assert_eq!(codes("tr", "It ended.", "Savaş  bitti."), ["whitespace"]);
        assert_eq!(
            codes("tr", "It ended.", "Savaş ve ve barış."),
            ["repeated-word"]
        );
        assert!(codes("tr", "Slowly.", "Yavaş yavaş.").is_empty());
        assert_eq!(
            codes_with("tr", "max-length: 10", "Victory", "Zafer Günü Kutlu Olsun"),
            ["too-long"]
        );
        assert!(codes_with("ur", "max-length: 7", "Victory", "یومِ فتح").is_empty());
    }

    #[test]
    fn attributes_are_compared_with_their_own() {
        let reference = "Text.\n    .title = 2025 title";
        assert!(codes("tr", reference, "Metin.\n    .title = 2025 başlık").is_empty());
        assert_eq!(
            codes("tr", reference, "Metin.\n    .title = 2024 başlık"),
            ["number-mismatch"]
        );
    }

    #[test]
    fn a_variant_the_locale_never_selects_is_not_read() {
        let (checks, sources) = checks_with("az", "[[term]]\nen = \"calendar\"\naz = \"təqvim\"\n");
        fn source(text: &str) -> MessageSource<'_> {
            MessageSource {
                file_text: text,
                start: 0,
                end: text.trim_end().len(),
                flags: 0,
            }
        }
        let reference = "m =\n    { $n ->\n        [one] { $n } day, see https://a.example\n       *[other] { $n } calendar days, see https://a.example\n    }\n";
        let codes = |translation: &str| -> Vec<&'static str> {
            let (r, t) = (source(reference), source(translation));
            let terms = sources.used_in(r);
            let (found, _) = checks.check_open(r, &terms, t, gate::Open::ALL);
            found.iter().map(|f| f.code.as_str()).collect()
        };
        // Azerbaijani has `one` and `other`: `[few]` is never shown, whatever it says.
        let dead_few = "m =\n    { $n ->\n        [few] { $n } gün\n        [one] { $n } gün, bax https://a.example\n       *[other] { $n } təqvim günü, bax https://a.example\n    }\n";
        assert!(codes(dead_few).is_empty(), "{:?}", codes(dead_few));
        // The variants it does select are read as ever.
        let other_without = "m =\n    { $n ->\n        [few] { $n } təqvim\n        [one] { $n } gün, bax https://a.example\n       *[other] { $n } gün, bax https://a.example\n    }\n";
        assert_eq!(codes(other_without), ["glossary"]);
        // A default variant is always selected, whatever its key.
        let default_few = "m =\n    { $n ->\n        [one] { $n } gün, bax https://a.example\n       *[few] { $n } gün\n    }\n";
        assert_eq!(codes(default_few), ["glossary"]);
    }

    #[test]
    fn comments_directly_above() {
        let text = "## Group\n\n# one\n#\n# two\nmsg = x\n# not mine\n\nother = y\n";
        assert_eq!(comment_above(text, text.find("msg").unwrap()), "one\n\ntwo");
        assert_eq!(comment_above(text, text.find("other").unwrap()), "");
        let first = "# top\nm = x\n";
        assert_eq!(comment_above(first, first.find("m =").unwrap()), "top");
        assert_eq!(comment_above("m = x", 0), "");
    }
}
