//! A look at the raw source of a pair that rules out, without parsing it again, the pairs on
//! which no content check can fire — nearly all of them. It must never rule out a pair with a
//! finding: each condition is implied by a check's own (the test below runs the checks as the
//! oracle).

use super::glossary::{GlossaryIndex, TermUse};
use super::number::digit_value;
use super::words::{SmallSet, is_alphanumeric, is_mark};

/// What the gate needs of a pair: the messages' [`TextFlags`] (their comments' too), the
/// glossary terms the reference uses and the translation's body.
pub struct RawPair<'a> {
    pub reference_flags: TextFlags,
    pub translation_flags: TextFlags,
    pub reference_terms: &'a TermUse,
    pub translation: &'a str,
}

/// The side of the pairs a catalog's messages are compared on, which decides the
/// [`TextFlags`] worth reading: a reference's addresses and final marks, a translation's
/// whitespace and repeated words (the pairs never ask the other side for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Reference,
    Translation,
    /// Unknown (a catalog loaded on its own): every flag.
    Either,
    /// No text is compared (a check asked only for errors, [`crate::Asked::Errors`]): only
    /// a `# beyan-ignore` comment is noted, which may silence an error.
    Suppressions,
}

/// What a message's visible text may hold, read once when the file is parsed
/// ([`crate::load::entry::Entry::content_flags`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextFlags(u8);

impl TextFlags {
    const DIGIT: u8 = 1;
    const ADDRESS: u8 = 2;
    const SENTENCE: u8 = 4;
    const ODD_SPACE: u8 = 8;
    const REPEAT: u8 = 16;
    const LITERAL: u8 = 32;
    /// The comment above the message mentions `max-length` (the reference's limit).
    const MAX_LENGTH: u8 = 64;
    /// The comment above the message mentions `beyan-ignore` (a translation's suppression).
    const IGNORE: u8 = 128;

    /// Reads `text` (the visible text of every variant and attribute, placeables as spaces);
    /// `odd_space` and `literal` are what the parser saw in its text elements and placeables,
    /// `comment` the lines of the comment the parser attached to the message (the `#` lines
    /// directly above it, which is where the checks read a limit or a suppression). Only the
    /// flags [`open`] reads of the `role`'s side are read; the others stay unset.
    pub fn read(
        text: &str,
        odd_space: bool,
        literal: bool,
        comment: &[&str],
        role: TextRole,
    ) -> Self {
        let reference = matches!(role, TextRole::Reference | TextRole::Either);
        let translation = matches!(role, TextRole::Translation | TextRole::Either);
        let suppressions = translation || role == TextRole::Suppressions;
        let mut bits = 0;
        for (flag, set) in [
            (Self::DIGIT, (reference || translation) && has_digit(text)),
            // A link's destination is `markup-mismatch`'s, not `url-mismatch`'s.
            (
                Self::ADDRESS,
                reference
                    && has_address(text)
                    && super::url::addresses(text).iter().any(|a| !a.in_link),
            ),
            (Self::SENTENCE, reference && ends_a_sentence(text)),
            (Self::ODD_SPACE, translation && odd_space),
            (Self::REPEAT, translation && may_repeat_a_word(text)),
            (Self::LITERAL, (reference || translation) && literal),
            (
                Self::MAX_LENGTH,
                reference && comment.iter().any(|l| l.contains("max-length")),
            ),
            (
                Self::IGNORE,
                suppressions && comment.iter().any(|l| l.contains("beyan-ignore")),
            ),
        ] {
            if set {
                bits |= flag;
            }
        }
        Self(bits)
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn from_bits(bits: u8) -> Self {
        Self(bits)
    }

    fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    /// Whether the text has a string literal placeable (its text is not in the source as
    /// written: `{ "\u00A0" }`).
    pub fn has_literal(self) -> bool {
        self.has(Self::LITERAL)
    }
}

/// Which checks could fire on a pair; the others need not run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Open {
    pub number: bool,
    pub address: bool,
    pub punctuation: bool,
    pub whitespace: bool,
    pub repeated_word: bool,
    pub too_long: bool,
    pub glossary: bool,
    pub suppression: bool,
}

impl Open {
    /// Whether any check could fire (else the pair is not read again at all).
    pub fn any(&self) -> bool {
        *self != Self::default()
    }

    /// Every check open (for the checks' own tests).
    #[cfg(test)]
    pub const ALL: Self = Self {
        number: true,
        address: true,
        punctuation: true,
        whitespace: true,
        repeated_word: true,
        too_long: true,
        glossary: true,
        suppression: true,
    };
}

/// Which content checks could fire on the pair. A string literal's text is not in the flags'
/// reading, so a literal opens the checks that read the text's shape.
pub fn open(pair: &RawPair<'_>, glossary: &GlossaryIndex) -> Open {
    let (r, t) = (pair.reference_flags, pair.translation_flags);
    let literal = |f: TextFlags| f.has(TextFlags::LITERAL);
    Open {
        number: r.has(TextFlags::DIGIT) || t.has(TextFlags::DIGIT) || literal(r) || literal(t),
        address: r.has(TextFlags::ADDRESS) || literal(r),
        punctuation: r.has(TextFlags::SENTENCE) || literal(r),
        whitespace: t.has(TextFlags::ODD_SPACE) || literal(t),
        repeated_word: t.has(TextFlags::REPEAT) || literal(t),
        too_long: r.has(TextFlags::MAX_LENGTH),
        glossary: glossary.may_match(pair.reference_terms, pair.translation),
        suppression: t.has(TextFlags::IGNORE),
    }
}

/// A decimal digit of any script (numbers are compared only when there are digits). Outside
/// ASCII, the two-byte forms of the Arabic-Indic, Extended Arabic-Indic and NKo digits are
/// known by their bytes (every other two-byte character is no digit); longer characters are
/// asked. The bytes are read by folds without an early exit, which the compiler turns into
/// vector instructions: a text is short, and reading all of it that way costs less than
/// stopping at the first digit one byte at a time.
pub fn has_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let any_byte = |test: fn(u8) -> bool| bytes.iter().fold(false, |found, &b| found | test(b));
    if any_byte(|b| b.is_ascii_digit()) {
        return true;
    }
    if text.is_ascii() {
        return false;
    }
    let two_byte_digit = bytes.windows(2).fold(false, |found, pair| {
        found
            | matches!(
                (pair[0], pair[1]),
                (0xD9, 0xA0..=0xA9) | (0xDB, 0xB0..=0xB9) | (0xDF, 0x80..=0x89)
            )
    });
    two_byte_digit
        || (any_byte(|b| b >= 0xE0)
            && text
                .chars()
                .any(|c| c.len_utf8() > 2 && digit_value(c).is_some()))
}

/// Something that may be a URL or an e-mail address.
pub fn has_address(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(b'@', bytes).is_some()
        || memchr::memmem::find(bytes, b"://").is_some()
        || memchr::memchr2_iter(b'w', b'W', bytes).any(|at| {
            bytes
                .get(at..at + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
        })
}

/// A mark (`.` `?` `!` `:`) at the end of a line of the reference, closing quotes, brackets
/// and placeables aside: where a value, a variant or an attribute ends.
fn ends_a_sentence(text: &str) -> bool {
    text.lines().any(|line| {
        line.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\''
                        | '”'
                        | '’'
                        | '»'
                        | '›'
                        | ')'
                        | ']'
                        | '*'
                        | '_'
                        | '}'
                        | '」'
                        | '』'
                        | '“'
                        | '«'
                )
        })
        .ends_with(['.', '?', '!', ':'])
    })
}

/// A letter lower-cased so that words equal once case-folded have equal first and last
/// letters: the dotted and dotless `i` of Turkic together, and `None` (anything may match) for
/// a letter whose folding is more than one letter (`ß`, ligatures). Below U+0800, from
/// [`SmallLetters`].
fn letter(c: char) -> Option<char> {
    match c {
        'İ' | 'I' | 'ı' | 'i' => Some('i'),
        c if c.is_ascii() => Some(c.to_ascii_lowercase()),
        c => match SmallLetters::get().letter.get(c as usize) {
            Some(&tabled) => tabled,
            None => lower_letter(c),
        },
    }
}

/// [`letter`] of a character outside ASCII, asked of the standard library.
fn lower_letter(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !matches!(l, 'ß' | 'ſ' | 'ς') => Some(l),
        _ => None,
    }
}

/// [`letter`] of the first 2,048 code points (Latin, Greek, Cyrillic, Arabic: nearly every
/// word of the four locales begins and ends in them), built once from the standard library's
/// answers: the words of a translation are compared by their first and last letters, and
/// asking the case tables for each was most of the gate's time.
struct SmallLetters {
    letter: [Option<char>; SmallSet::SIZE],
}

impl SmallLetters {
    fn get() -> &'static Self {
        static TABLE: std::sync::LazyLock<Box<SmallLetters>> = std::sync::LazyLock::new(|| {
            let mut table = Box::new(SmallLetters {
                letter: [None; SmallSet::SIZE],
            });
            for c in (0x80..SmallSet::SIZE as u32).filter_map(char::from_u32) {
                table.letter[c as usize] = lower_letter(c);
            }
            table
        });
        &TABLE
    }
}

/// Whether two words may be equal once case-folded (which also drops nonspacing marks): their
/// first and last letters, marks aside, agree.
fn may_fold_equal(a: &str, b: &str) -> bool {
    let first = |w: &str| w.chars().find(|c| !is_mark(*c)).map(letter);
    let last = |w: &str| w.chars().rev().find(|c| !is_mark(*c)).map(letter);
    let agree = |x: Option<Option<char>>, y: Option<Option<char>>| match (x, y) {
        (Some(Some(x)), Some(Some(y))) => x == y,
        _ => true,
    };
    // The last letters are looked up only for the few words that begin alike.
    agree(first(a), first(b)) && agree(last(a), last(b))
}

/// Whether two words may begin with the same letter, case aside, by their first bytes: two
/// ASCII first letters must agree with ASCII case aside (every Turkic `i` that is not ASCII
/// goes on to [`may_fold_equal`]). Most neighbouring words are told apart here, undecoded.
fn may_begin_alike(a: &str, b: &str) -> bool {
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x.is_ascii() && y.is_ascii() => x.eq_ignore_ascii_case(y),
        _ => true,
    }
}

/// Two neighbouring words that may be one word twice: equal with ASCII case aside, or (outside
/// ASCII) with the same first and last letters, case aside (the check compares them
/// case-folded).
fn may_repeat_a_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut previous: Option<&str> = None;
    // Split at spaces and line breaks by their bytes (ASCII: always a character boundary),
    // in a plain loop: words are a few bytes long, shorter than a vector search pays for.
    let mut start = 0;
    let ends = (0..bytes.len())
        .filter(|&i| matches!(bytes[i], b' ' | b'\n'))
        .chain([bytes.len()]);
    for end in ends {
        let word = &text[start..end];
        start = end + 1;
        if word.is_empty() {
            continue;
        }
        // Trimmed as the check trims the second word (nothing to trim after most words).
        let word = if word
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            word
        } else {
            word.trim_end_matches(|c: char| !is_alphanumeric(c))
        };
        // The check compares only words whose lengths differ by four bytes at most.
        if let Some(before) = previous
            && !word.is_empty()
            && before.len().abs_diff(word.len()) <= 4
            && may_begin_alike(before, word)
        {
            let same = if before.is_ascii() && word.is_ascii() {
                before.eq_ignore_ascii_case(word)
            } else {
                may_fold_equal(before, word)
            };
            if same {
                return true;
            }
        }
        previous = Some(word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{Open, TextRole};
    use crate::content_checks::{MessageSource, MessageText};
    use crate::load::source_file::SourceFile;

    const REFERENCES: [&str; 20] = [
        "Read [the war](https://patriotic.example/war) text.",
        "Read [the Patriotic War](mailto:a@b.example) or https://x.example/Patriotic War",
        "On { DATETIME($date, dateStyle: \"long\") }",
        "Ends { \".\" }",
        "Quoted “a.”",
        "Victory Day",
        "On 8 November 2025 the war ended.",
        "See https://mfa.gov.az/en now",
        "Write to press@embassy.example",
        "Who came?",
        "The embassy and the people",
        "{ $n ->\n    [one] One day\n   *[other] { $n } days\n}",
        "Text\n    .title = Title: here",
        "The Patriotic War",
        "Slowly",
        "The { \"Patriotic\" } War",
        "The { \"\\u0050atriotic\" } War",
        "The Patri{ $n ->\n   *[other] otic\n} War",
        "The Patriotic War\n    .title = Title",
        "Text\n    .title = The Patriotic War",
    ];
    const TRANSLATIONS: [&str; 38] = [
        "{ $n } Vatan Savaşı’nda",
        "{ $n } Vatan{ \" \" }Savaşı",
        "Büyükelçilik büyükelçiliK",
        "جنگِ جنگ",
        "Vatan Savaşı’nda",
        "Bakın https://vatan.example/Vatan Savaşı",
        "{ $vatan } Savaşı",
        "{ DATETIME($date, dateStyle: \"long\") } tarihinde",
        "Biter{ \"  \" }",
        "Zafer Günü",
        "11 Kasım 2025’te savaş bitti.",
        "Bakın https://mfa.gov.az/tr",
        "basin@embassy.example adresine yazın",
        "Kim geldi",
        "Büyükelçilik ve ve halk",
        "Büyükelçilik ve Ve halk",
        "{ $n ->\n   *[other] { $n } gün\n}",
        "Metin\n    .title = Başlık",
        "Büyük Savaş",
        "Yavaş  yavaş",
        "{ \" \" }Yavaş",
        "Yavaş\u{00A0} yavaş",
        "İstanbul istanbul",
        "Iğdır ığdır",
        "۸ نومبر ۲۰۲۵",
        "l'Vatan Savaşı",
        "_Vatan Savaşı",
        "2020Vatan Savaşı",
        "a.Vatan Savaşı",
        "a:Vatan Savaşı",
        "a\u{202F}Vatan Savaşı",
        "a\u{00AD}Vatan Savaşı",
        "{ 5 }Vatan Savaşı",
        "{ $n }Vatan Savaşı",
        "Vatan Savaşı\n    .title = Başlık",
        "Metin\n    .title = Vatan Savaşı",
        "\n    Büyük\n    Vatan Savaşı’nda",
        "\n    Büyük Vatan\n    Savaşı’nda { $n }",
    ];

    fn file(text: &str) -> SourceFile {
        SourceFile::decode("t.ftl".into(), text.as_bytes())
    }

    /// The message `m` of `file`, with the flags its parse gives it on the `role`'s side.
    fn source(file: &SourceFile, role: TextRole) -> MessageSource<'_> {
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(r) | Err((r, _)) => r,
        };
        let entry = crate::load::entry::entries(&resource, file, role)
            .into_iter()
            .find(|e| e.id == "m")
            .expect("m");
        MessageSource {
            file_text: &file.text,
            start: entry.start,
            end: entry.end,
            flags: entry.content_flags,
        }
    }

    #[test]
    fn a_digit_of_any_script_is_found_wherever_it_stands() {
        use crate::content_checks::number::digit_value;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let digit = digit_value(c).is_some();
            let text = format!("جنگ{c}Vatan");
            assert_eq!(super::has_digit(&text), digit, "{c:?} in {text:?}");
        }
    }

    #[test]
    fn the_letter_table_agrees_with_the_standard_library() {
        for c in (0..0x800)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
        {
            let expected = match c {
                'İ' | 'ı' => Some('i'),
                c => super::lower_letter(c),
            };
            assert_eq!(super::letter(c), expected, "{c:?}");
        }
    }

    #[test]
    fn the_gate_never_hides_a_finding() {
        let (checks, sources) = crate::content_checks::tests::checks_with(
            "tr",
            "[[term]]\nen = \"Patriotic War\"\ntr = \"Vatan Savaşı\"\n",
        );
        let mut gated = 0;
        let mut hidden = Vec::new();
        for reference in REFERENCES {
            for translation in TRANSLATIONS {
                for (reference_comment, translation_comment) in [
                    ("", ""),
                    ("# max-length: 3\n", ""),
                    ("", "# beyan-ignore: glossary\n"),
                    ("## Group\n# A note.\n# max-length: 3\n", ""),
                    (
                        "# max-length: 3\n\n",
                        "# A note.\n#\n# beyan-ignore: glossary, number-mismatch — ok\n",
                    ),
                    ("#max-length: 3\n", "\r\n# beyan-ignore: glossary — ok\r\n"),
                ] {
                    let r = format!("{reference_comment}m = {reference}\n");
                    let t = format!("{translation_comment}m = {translation}\n");
                    let (r, t) = (file(&r), file(&t));
                    let (r, t) = (
                        source(&r, TextRole::Reference),
                        source(&t, TextRole::Translation),
                    );
                    // The oracle reads every reference message for its terms.
                    let all_terms =
                        sources.used_in_text(&MessageText::read(r.file_text, r.start, r.end));
                    let (all, all_suppression) = checks.check_open(r, &all_terms, t, Open::ALL);
                    let terms = sources.used_in(r);
                    let open = checks.open(r, &terms, t);
                    let (gated_findings, gated_suppression) = checks.check_open(r, &terms, t, open);
                    if all != gated_findings || all_suppression != gated_suppression {
                        hidden.push(format!("{reference:?} / {translation:?}: {all:?}"));
                    }
                    if !open.any() {
                        gated += 1;
                    }
                }
            }
        }
        assert!(
            hidden.is_empty(),
            "the gate hides findings:\n{}",
            hidden.join("\n")
        );
        // The gate does close on some pairs (else it would be of no use).
        assert!(gated > 0);
    }
}
