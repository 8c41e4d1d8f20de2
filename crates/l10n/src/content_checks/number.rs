//! `number-mismatch`: the numbers of a translation, read as values, against the reference's.
//!
//! Digits of every script count (`۲۰۲۵` is 2025), grouping and decimal separators are read with
//! each locale's CLDR symbols (`2,025.5` in English is `2.025,5` in Turkish), and what is glued
//! to a number (`2020-ci`, `2020’de`, `19–20-də`) ends it. Only digits are compared: a number
//! spelled out in words is not a mismatch, and placeables never hold a literal here.

use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::properties::CodePointMapData;
use icu::properties::props::GeneralCategory;

use super::text::Variant;
use super::url;
use super::{Finding, Side};
use crate::diagnostic::Code;

/// How a locale groups digits and marks decimals (CLDR, through ICU4X).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSymbols {
    pub group: char,
    pub decimal: char,
}

impl NumberSymbols {
    pub const LATIN: Self = Self {
        group: ',',
        decimal: '.',
    };

    /// The symbols of `locale`, read from how ICU4X formats 1234567.5 there.
    pub fn of(locale: &beyan_content::Locale) -> Self {
        let Ok(icu_locale) = icu::locale::Locale::try_from_str(locale.as_str()) else {
            return Self::LATIN;
        };
        let Ok(formatter) = DecimalFormatter::try_new((&icu_locale).into(), Default::default())
        else {
            return Self::LATIN;
        };
        let Ok(value) = Decimal::try_from_str("1234567.5") else {
            return Self::LATIN;
        };
        let formatted = formatter.format_to_string(&value);
        let marks: Vec<char> = formatted
            .chars()
            .filter(|&c| digit_value(c).is_none() && !is_bidi_mark(c))
            .collect();
        match (marks.first(), marks.last()) {
            (Some(&group), Some(&decimal)) if marks.len() >= 2 && group != decimal => {
                Self { group, decimal }
            }
            _ => Self::LATIN,
        }
    }
}

fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The value of a decimal digit of any script (general category Nd), or `None`.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let categories = CodePointMapData::<GeneralCategory>::new();
    if categories.get(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    // Unicode keeps each script's digits as a run of ten starting with zero, so a digit's
    // value is its distance from the start of its run, modulo ten (runs may follow one
    // another, as the mathematical digits do).
    let mut back = 0;
    let mut at = c as u32;
    while back < 100
        && let Some(previous) = at.checked_sub(1).and_then(char::from_u32)
        && categories.get(previous) == GeneralCategory::DecimalNumber
    {
        back += 1;
        at -= 1;
    }
    Some(back % 10)
}

/// Arabic-script separators, read as such in every locale.
const ARABIC_GROUP: char = '\u{066C}';
const ARABIC_DECIMAL: char = '\u{066B}';

/// A number found in text: its value as canonical text (`2025`, `3.5`) and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    pub value: String,
    pub at: usize,
}

/// The numbers of `text`, read with `symbols`, URLs and e-mail addresses left out.
pub fn numbers(text: &str, symbols: NumberSymbols) -> Vec<Number> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit())
        && !text.chars().any(|c| !c.is_ascii() && c.is_numeric())
    {
        return out;
    }
    let skip = url::spans(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| chars.get(i).and_then(|&(_, c)| digit_value(c));
    let is_group = |c: char| {
        c == symbols.group
            || c == ARABIC_GROUP
            || (symbols.group.is_whitespace() && matches!(c, '\u{00A0}' | '\u{202F}'))
    };
    let mut i = 0;
    while i < chars.len() {
        let (at, _) = chars[i];
        if digit(i).is_none() {
            i += 1;
            continue;
        }
        if let Some(span) = skip.iter().find(|s| s.contains(&at)) {
            i = chars.partition_point(|&(p, _)| p < span.end);
            continue;
        }
        let mut integer = String::new();
        while let Some(d) = digit(i) {
            integer.push(char::from_digit(d, 10).unwrap_or('0'));
            i += 1;
            // A group separator followed by exactly three digits continues the number.
            if let Some(&(_, c)) = chars.get(i)
                && is_group(c)
                && (1..=3).all(|k| digit(i + k).is_some())
                && digit(i + 4).is_none()
            {
                i += 1;
            }
        }
        let mut fraction = String::new();
        if let Some(&(_, c)) = chars.get(i)
            && (c == symbols.decimal || c == ARABIC_DECIMAL)
            && digit(i + 1).is_some()
        {
            i += 1;
            while let Some(d) = digit(i) {
                fraction.push(char::from_digit(d, 10).unwrap_or('0'));
                i += 1;
            }
        }
        let integer = integer.trim_start_matches('0');
        let integer = if integer.is_empty() { "0" } else { integer };
        let fraction = fraction.trim_end_matches('0');
        let value = if fraction.is_empty() {
            integer.to_owned()
        } else {
            format!("{integer}.{fraction}")
        };
        out.push(Number { value, at });
    }
    out
}

fn sorted(numbers: &[Number]) -> Vec<&str> {
    let mut values: Vec<&str> = numbers.iter().map(|n| n.value.as_str()).collect();
    values.sort_unstable();
    values
}

/// Compares one translated variant with its reference variant.
pub fn check(
    reference: &Side<'_>,
    ref_variant: &Variant,
    translation: &Side<'_>,
    variant: &Variant,
) -> Option<Finding> {
    let expected = numbers(&ref_variant.text, reference.symbols);
    let found = numbers(&variant.text, translation.symbols);
    if sorted(&expected) == sorted(&found) {
        return None;
    }
    // A translator may keep the reference's way of writing numbers (`1,000` in Turkish text).
    if translation.symbols != reference.symbols
        && sorted(&expected) == sorted(&numbers(&variant.text, reference.symbols))
    {
        return None;
    }
    let (mut missing, mut extra) = difference(&sorted(&expected), &sorted(&found));
    // Only digits are compared: a number written out in words on one side explains one that
    // the other side has in digits.
    if !missing.is_empty() && has_number_word(translation, &variant.text) {
        missing.clear();
    }
    if !extra.is_empty() && has_number_word(reference, &ref_variant.text) {
        extra.clear();
    }
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let first_extra = found
        .iter()
        .find(|n| extra.contains(&n.value.as_str()))
        .and_then(|n| variant.offset(n.at));
    let mut message = String::from("the numbers differ from the reference:");
    if !missing.is_empty() {
        message.push_str(&format!(" {} missing", missing.join(", ")));
    }
    if !extra.is_empty() {
        if !missing.is_empty() {
            message.push(';');
        }
        message.push_str(&format!(" {} not in the reference", extra.join(", ")));
    }
    Some(Finding {
        code: Code::NumberMismatch,
        offset: first_extra,
        message,
    })
}

/// Number words per language, folded; "one" and its kin are left out, as they are also the
/// indefinite article.
fn number_words(language: &str) -> &'static [&'static str] {
    match language {
        "en" => &[
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "million",
            "billion",
            "dozen",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "tenth",
        ],
        "tr" => &[
            "iki",
            "üç",
            "dört",
            "beş",
            "altı",
            "yedi",
            "sekiz",
            "dokuz",
            "on",
            "yirmi",
            "otuz",
            "kırk",
            "elli",
            "altmış",
            "yetmiş",
            "seksen",
            "doksan",
            "yüz",
            "bin",
            "milyon",
            "milyar",
            "ikinci",
            "üçüncü",
            "dördüncü",
            "beşinci",
        ],
        "az" => &[
            "iki",
            "üç",
            "dörd",
            "beş",
            "altı",
            "yeddi",
            "səkkiz",
            "doqquz",
            "on",
            "iyirmi",
            "otuz",
            "qırx",
            "əlli",
            "altmış",
            "yetmiş",
            "səksən",
            "doxsan",
            "yüz",
            "min",
            "milyon",
            "milyard",
            "ikinci",
            "üçüncü",
            "dördüncü",
            "beşinci",
        ],
        "ur" => &[
            "تین",
            "چار",
            "پانچ",
            "چھ",
            "سات",
            "آٹھ",
            "دس",
            "گیارہ",
            "بارہ",
            "بیس",
            "تیس",
            "چالیس",
            "چوالیس",
            "پچاس",
            "ساٹھ",
            "ستر",
            "اسی",
            "نوے",
            "ہزار",
            "لاکھ",
            "کروڑ",
            "ملین",
            "دوسرا",
            "تیسرا",
            "چوتھا",
        ],
        _ => &[],
    }
}

/// Whether `text` holds a number written out in words of its side's language: a whole word,
/// one with a suffix after an apostrophe or hyphen, or (for words of four letters or more)
/// one that begins with it (Urdu `پانچویں`, fifth, is `پانچ` and a suffix).
fn has_number_word(side: &Side<'_>, text: &str) -> bool {
    let list = number_words(side.locale.language());
    if list.is_empty() {
        return false;
    }
    let folded = super::words::fold(side.turkic, text);
    super::words::words(&folded).into_iter().any(|(_, word)| {
        let stem = word.split(['\'', '’', '-']).next().unwrap_or(word);
        list.iter()
            .any(|&n| stem == n || (n.chars().count() >= 4 && stem.starts_with(n)))
    })
}

/// What only `a` has and what only `b` has, both sorted multisets.
fn difference<'s>(a: &[&'s str], b: &[&'s str]) -> (Vec<&'s str>, Vec<&'s str>) {
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                only_a.push(*x);
                i += 1;
            }
            (Some(_), Some(y)) => {
                only_b.push(*y);
                j += 1;
            }
            (Some(x), None) => {
                only_a.push(*x);
                i += 1;
            }
            (None, Some(y)) => {
                only_b.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    (only_a, only_b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use beyan_content::Locale;

    fn values(text: &str, locale: &str) -> Vec<String> {
        let symbols = NumberSymbols::of(&Locale::parse(locale).unwrap());
        let mut v: Vec<String> = numbers(text, symbols)
            .into_iter()
            .map(|n| n.value)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn digits_of_every_script() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('۲'), Some(2)); // Extended Arabic-Indic (Urdu)
        assert_eq!(digit_value('٥'), Some(5)); // Arabic-Indic
        assert_eq!(digit_value('९'), Some(9)); // Devanagari
        assert_eq!(digit_value('𝟘'), Some(0)); // mathematical double-struck, after others
        assert_eq!(digit_value('²'), None);
        assert_eq!(digit_value('a'), None);
        assert_eq!(
            values("۸ نومبر ۲۰۲۵", "ur"),
            values("8 November 2025", "en")
        );
    }

    #[test]
    fn cldr_separators_per_locale() {
        assert_eq!(
            NumberSymbols::of(&Locale::parse("en").unwrap()),
            NumberSymbols::LATIN
        );
        let tr = NumberSymbols::of(&Locale::parse("tr").unwrap());
        assert_eq!((tr.group, tr.decimal), ('.', ','));
        assert_eq!(values("1,234,567.50 people", "en"), ["1234567.5"]);
        assert_eq!(values("1.234.567,50 kişi", "tr"), ["1234567.5"]);
        assert_eq!(values("1.234.567,5 nəfər", "az"), ["1234567.5"]);
        // Not a group: the separator is not followed by exactly three digits.
        assert_eq!(values("1,5 and 12,3456", "en"), ["1", "12", "3456", "5"]);
    }

    #[test]
    fn suffixes_ranges_and_leading_zeros() {
        assert_eq!(values("2020’de ve 2020'de", "tr"), ["2020", "2020"]);
        assert_eq!(values("2020-ci ildə", "az"), ["2020"]);
        assert_eq!(values("19–20-də", "az"), ["19", "20"]);
        assert_eq!(values("at 09:00", "en"), ["0", "9"]);
        assert_eq!(values("the 8th", "en"), ["8"]);
    }

    #[test]
    fn urls_and_emails_are_not_numbers() {
        assert_eq!(
            values("See https://example.org/2025/11 or a1@b2.az", "en"),
            Vec::<String>::new()
        );
        assert!(values("iki min yirmi beş", "az").is_empty());
    }

    #[test]
    fn differences_of_multisets() {
        assert_eq!(
            difference(&["11", "2025"], &["12", "2025"]),
            (vec!["11"], vec!["12"])
        );
        assert_eq!(difference(&["1", "1"], &["1"]), (vec!["1"], vec![]));
    }
}
