//! `repeated-word`: the same word twice in a row ("the the", "ve ve"), with nothing but
//! spaces between. Reduplication that a language's grammar uses (Turkish "yavaş yavaş", Urdu
//! "ساتھ ساتھ") is not a typo, nor is a pair the reference repeats itself ("Bora Bora").

use super::text::Variant;
use super::words::{fold, is_alphanumeric};
use super::{Finding, Side};
use crate::diagnostic::Code;

/// Words whose doubling is grammatical, per language (folded forms).
fn reduplicated(language: &str) -> &'static [&'static str] {
    match language {
        "en" => &["had", "that", "bye"],
        "tr" => &[
            "yavaş", "tek", "ayrı", "birer", "ikişer", "sık", "bol", "iyi", "güzel", "ara", "yer",
            "zaman", "kat", "çeşit", "sıra", "adım",
        ],
        "az" => &[
            "yavaş", "tək", "ayrı", "addım", "zaman", "yer", "sıra", "ara", "dəfə",
        ],
        "ur" => &[
            "ساتھ",
            "آہستہ",
            "بار",
            "کبھی",
            "جگہ",
            "الگ",
            "ایک",
            "گھر",
            "دور",
            "کچھ",
            "جلد",
            "ہر",
            "کون",
            "کیا",
            "دھیرے",
            "طرح",
        ],
        _ => &[],
    }
}

/// Byte positions of the second word of each repetition in `text`, with the word.
fn repetitions(turkic: bool, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut previous: Option<(usize, &str)> = None;
    let mut offset = 0;
    for token in text.split(' ') {
        let at = offset;
        offset += token.len() + 1;
        if token.is_empty() {
            continue;
        }
        let word = token.trim_end_matches(|c: char| !is_alphanumeric(c));
        if let Some((_, before)) = previous
            && !word.is_empty()
            && before.chars().any(char::is_alphabetic)
            && before.len().abs_diff(word.len()) <= 4
            && same_first_letter(before, word)
            && fold(turkic, before) == fold(turkic, word)
        {
            out.push((at, fold(turkic, word)));
        }
        // A word followed by punctuation does not repeat into the next ("ve, ve").
        previous = token
            .chars()
            .all(|c| is_alphanumeric(c) || matches!(c, '-' | '\'' | '’'))
            .then_some((at, token));
    }
    out
}

/// A cheap test before case folding: the words begin with the same letter, case aside.
fn same_first_letter(a: &str, b: &str) -> bool {
    let first = |w: &str| {
        w.chars().next().map(|c| match c {
            'İ' | 'I' | 'ı' => 'i',
            c => c.to_lowercase().next().unwrap_or(c),
        })
    };
    first(a) == first(b)
}

pub fn check(
    reference: &Side<'_>,
    ref_variant: &Variant,
    translation: &Side<'_>,
    variant: &Variant,
) -> Option<Finding> {
    let found = repetitions(translation.turkic, &variant.text);
    if found.is_empty() {
        return None;
    }
    let allowed = reduplicated(translation.locale.language());
    let in_reference: Vec<String> = repetitions(reference.turkic, &ref_variant.text)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    let (at, word) = found
        .into_iter()
        .find(|(_, w)| !allowed.contains(&w.as_str()) && !in_reference.iter().any(|r| r == w))?;
    Some(Finding {
        code: Code::RepeatedWord,
        offset: variant.offset(at),
        message: format!("the word “{word}” is repeated"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        repetitions(true, text)
            .into_iter()
            .map(|(_, w)| w)
            .collect()
    }

    #[test]
    fn repeated_words_across_case() {
        assert_eq!(words("the the end"), ["the"]);
        assert_eq!(words("Azərbaycan ve ve Türkiye"), ["ve"]);
        assert_eq!(words("İstanbul istanbul"), ["istanbul"]);
        assert_eq!(words("سفارت خانے خانے میں"), ["خانے"]);
        assert_eq!(repetitions(true, "a the the.")[0].0, 6);
    }

    #[test]
    fn near_misses() {
        assert!(words("ve, ve").is_empty());
        assert!(words("10 10").is_empty());
        assert!(words("the \u{FFFC} the").is_empty());
        assert!(words("Baden-Baden").is_empty());
        assert!(words("the theme").is_empty());
    }
}
