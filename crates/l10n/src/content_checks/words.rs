//! Words as ICU reads them: word boundaries by the Unicode segmentation rules, and case folding
//! with the locale's rules (Turkish and Azerbaijani `İ`/`ı`), diacritics of Arabic script
//! (and the dot of a decomposed `i̇`) set aside, so that `جنگِ` matches `جنگ`.

use std::borrow::Cow;

use icu::casemap::CaseMapper;
use icu::properties::CodePointMapData;
use icu::properties::props::{GeneralCategory, WordBreak};
use icu::segmenter::WordSegmenter;
use icu::segmenter::options::WordBreakInvariantOptions;

/// A property of the first 2,048 code points (Latin, Greek, Cyrillic, Arabic: nearly every
/// character of the four locales' text) as a bitmap, built once from a slower answer: the
/// standard library's search or ICU's trie, asked for every letter of every word otherwise.
pub(crate) struct SmallSet([u64; SmallSet::SIZE / 64]);

impl SmallSet {
    pub(crate) const SIZE: usize = 0x800;

    fn of(test: impl Fn(char) -> bool) -> Self {
        let mut bits = [0u64; Self::SIZE / 64];
        for c in (0..Self::SIZE as u32).filter_map(char::from_u32) {
            if test(c) {
                bits[c as usize / 64] |= 1 << (c as usize % 64);
            }
        }
        Self(bits)
    }

    /// The property of `c`, when it is in the table.
    fn get(&self, c: char) -> Option<bool> {
        let code = c as usize;
        (code < Self::SIZE).then(|| self.0[code / 64] & (1 << (code % 64)) != 0)
    }
}

/// [`char::is_alphanumeric`], from a [`SmallSet`] below U+0800.
pub fn is_alphanumeric(c: char) -> bool {
    static TABLE: std::sync::LazyLock<SmallSet> =
        std::sync::LazyLock::new(|| SmallSet::of(char::is_alphanumeric));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    TABLE.get(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// Whether `c` is a nonspacing mark (which folding drops), from a [`SmallSet`] below U+0800.
pub fn is_mark(c: char) -> bool {
    static TABLE: std::sync::LazyLock<SmallSet> =
        std::sync::LazyLock::new(|| SmallSet::of(is_mark_by_icu));
    !c.is_ascii() && TABLE.get(c).unwrap_or_else(|| is_mark_by_icu(c))
}

fn is_mark_by_icu(c: char) -> bool {
    CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::NonspacingMark
}

/// Whether a locale folds case with the Turkic rules.
pub fn is_turkic(locale: &beyan_content::Locale) -> bool {
    matches!(locale.language(), "tr" | "az")
}

/// `text` case-folded for comparison, without nonspacing marks.
///
/// Case folding maps each character on its own, so the ASCII runs of a text (most of Turkish,
/// Azerbaijani and English text) are folded here and only the other runs are handed to ICU,
/// which gives the same string as folding the whole text with ICU (tested).
pub fn fold(turkic: bool, text: &str) -> String {
    // ASCII folds to its lower case, except a Turkic `I` (dotless `ı`).
    let fold_ascii = |c: char| {
        if turkic && c == 'I' {
            'ı'
        } else {
            c.to_ascii_lowercase()
        }
    };
    if text.is_ascii() && !(turkic && text.contains('I')) {
        return text.to_ascii_lowercase();
    }
    let mapper = CaseMapper::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        out.extend(rest[..ascii].chars().map(fold_ascii));
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        let folded: Cow<'_, str> = if turkic {
            mapper.fold_turkic_string(&rest[..other])
        } else {
            mapper.fold_string(&rest[..other])
        };
        out.extend(folded.chars().filter(|&c| !is_mark(c)));
        rest = &rest[other..];
    }
    out
}

/// The word-like segments of `text` (with a letter or digit), with their byte offsets.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let segmenter =
        WordSegmenter::new_for_non_complex_scripts(WordBreakInvariantOptions::default());
    let mut out = Vec::new();
    let mut last = 0;
    // The segments' word type is not used: ICU4X 2.4 gives none to a first word in Arabic
    // script followed by a mark (`جنگِ`), so a segment with a letter or digit is a word.
    for next in segmenter.segment_str(text) {
        if next > last {
            let segment = &text[last..next];
            if segment.chars().any(is_alphanumeric) {
                out.push((last, segment));
            }
        }
        last = next;
    }
    out
}

/// Whether the word segmentation of [`words`] starts a segment at byte `at` of `text` whatever
/// the rest of the text: at its start, or after a character that no rule joins to what follows
/// (a space, a bracket, a dash; not a letter or digit, nor an apostrophe, a full stop, a colon,
/// an underscore or a narrow no-break space, which join `l'arşiv`, `a.b`, `_x`) and before one
/// that no rule joins to what precedes (not a mark or a format character: a soft hyphen).
pub fn always_breaks_before(text: &str, at: usize) -> bool {
    let Some(next) = text.get(at..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let Some(before) = text.get(..at).map(|head| head.chars().next_back()) else {
        return false;
    };
    let properties = CodePointMapData::<WordBreak>::new();
    let joins_what_precedes = matches!(
        properties.get(next),
        WordBreak::Extend | WordBreak::Format | WordBreak::ZWJ
    );
    let joins_what_follows = before.is_some_and(|c| {
        c.is_alphanumeric()
            || !matches!(
                properties.get(c),
                WordBreak::Other
                    | WordBreak::WSegSpace
                    | WordBreak::CR
                    | WordBreak::LF
                    | WordBreak::Newline
            )
    });
    !joins_what_precedes && !joins_what_follows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphanumeric_table_agrees_with_the_standard_library() {
        let differ: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_alphanumeric(c) != c.is_alphanumeric())
            .collect();
        assert!(differ.is_empty(), "{differ:?}");
    }

    #[test]
    fn the_mark_table_agrees_with_icu() {
        let differ: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_mark(c) != (!c.is_ascii() && is_mark_by_icu(c)))
            .collect();
        assert!(differ.is_empty(), "{differ:?}");
    }

    #[test]
    fn turkic_folding_and_marks() {
        assert_eq!(fold(true, "İLHAM"), "ilham");
        assert_eq!(fold(true, "IĞDIR"), "ığdır");
        assert_eq!(fold(false, "IĞDIR"), "iğdir");
        assert_eq!(fold(false, "İlham"), "ilham");
        assert_eq!(fold(false, "جنگِ وطن"), "جنگ وطن");
    }

    /// [`fold`] against ICU folding the whole text at once.
    #[test]
    fn folding_by_runs_is_folding_the_whole_text() {
        let whole = |turkic: bool, text: &str| -> String {
            let mapper = CaseMapper::new();
            let folded = if turkic {
                mapper.fold_turkic_string(text)
            } else {
                mapper.fold_string(text)
            };
            let categories = CodePointMapData::<GeneralCategory>::new();
            folded
                .chars()
                .filter(|&c| categories.get(c) != GeneralCategory::NonspacingMark)
                .collect()
        };
        for text in [
            "İlham ƏLİYEVİN Sözləri, IĞDIR",
            "Vatan Savaşı’nda 8 KASIM’da — “Zafer”",
            "جنگِ وطن کے دوران ۸ نومبر",
            "Straße STRASSE ǅ ﬁ Σίσυφος",
            "i\u{307}x I\u{307} e\u{301}A",
            "Intel I\u{307}ç İ",
            "",
        ] {
            for turkic in [false, true] {
                assert_eq!(fold(turkic, text), whole(turkic, text), "{text:?} {turkic}");
            }
        }
    }

    #[test]
    fn segments_keep_apostrophe_suffixes() {
        let found: Vec<&str> = words("Vatan Savaşı’nda, 8 Kasım’da.")
            .into_iter()
            .map(|w| w.1)
            .collect();
        assert_eq!(found, ["Vatan", "Savaşı’nda", "8", "Kasım’da"]);
        let ur: Vec<&str> = words("جنگِ وطن میں").into_iter().map(|w| w.1).collect();
        assert_eq!(ur, ["جنگِ", "وطن", "میں"]);
    }

    /// [`always_breaks_before`] against the segmentation itself, before and after characters
    /// that do and do not join words.
    #[test]
    fn always_breaks_before_agrees_with_the_segmentation() {
        let around = [
            ' ', '\u{A0}', '\u{202F}', '\t', '\n', '(', ')', '«', '“', '”', '"', '\'', '’', '‘',
            '.', ':', ';', ',', '_', '-', '–', '/', '!', '?', '\u{FFFC}', '\u{AD}', '\u{200D}',
            '\u{200C}', '\u{200E}', '\u{301}', 'a', 'ş', '2', '۲', '中', 'ו',
        ];
        let mut breaks = 0;
        for left in ["", "a", "2", "ו", " "] {
            for before in around {
                for first in ["vatan", "2020", "ınd", "جنگ", "\u{301}x", "\u{AD}x", "ו"] {
                    let text = format!("{left}{before}{first} x");
                    let at = left.len() + before.len_utf8();
                    if always_breaks_before(&text, at) {
                        breaks += 1;
                        assert!(
                            words(&text).iter().any(|&(start, _)| start == at),
                            "{text:?} at {at}"
                        );
                    }
                }
            }
        }
        assert!(breaks > 100, "{breaks}");
        assert!(always_breaks_before("vatan", 0));
        assert!(!always_breaks_before("l'vatan", 2));
    }
}
