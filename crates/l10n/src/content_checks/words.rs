//! Words as ICU reads them: word boundaries by the Unicode segmentation rules, and case folding
//! with the locale's rules (Turkish and Azerbaijani `İ`/`ı`), diacritics of Arabic script
//! (and the dot of a decomposed `i̇`) set aside, so that `جنگِ` matches `جنگ`.

use std::borrow::Cow;

use icu::casemap::CaseMapper;
use icu::properties::CodePointMapData;
use icu::properties::props::GeneralCategory;
use icu::segmenter::WordSegmenter;
use icu::segmenter::options::WordBreakInvariantOptions;

/// Whether a locale folds case with the Turkic rules.
pub fn is_turkic(locale: &beyan_content::Locale) -> bool {
    matches!(locale.language(), "tr" | "az")
}

/// `text` case-folded for comparison, without nonspacing marks.
pub fn fold(turkic: bool, text: &str) -> String {
    // ASCII folds to its lower case, except a Turkic `I` (dotless `ı`).
    if text.is_ascii() && !(turkic && text.contains('I')) {
        return text.to_ascii_lowercase();
    }
    let mapper = CaseMapper::new();
    let folded: Cow<'_, str> = if turkic {
        mapper.fold_turkic_string(text)
    } else {
        mapper.fold_string(text)
    };
    if folded.is_ascii() {
        return folded.into_owned();
    }
    let categories = CodePointMapData::<GeneralCategory>::new();
    folded
        .chars()
        .filter(|&c| c.is_ascii() || categories.get(c) != GeneralCategory::NonspacingMark)
        .collect()
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
            if segment.chars().any(char::is_alphanumeric) {
                out.push((last, segment));
            }
        }
        last = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkic_folding_and_marks() {
        assert_eq!(fold(true, "İLHAM"), "ilham");
        assert_eq!(fold(true, "IĞDIR"), "ığdır");
        assert_eq!(fold(false, "IĞDIR"), "iğdir");
        assert_eq!(fold(false, "İlham"), "ilham");
        assert_eq!(fold(false, "جنگِ وطن"), "جنگ وطن");
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
}
