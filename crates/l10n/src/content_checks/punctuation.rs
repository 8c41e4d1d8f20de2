//! `punctuation-mismatch`: the reference ends a sentence in `.` `?` `!` or `:` and the
//! translation does not end in its counterpart for its script (Urdu `۔` for `.`, `؟` for `?`).
//! A closing quotation mark, parenthesis or emphasis marker after the mark is looked through.

use super::Finding;
use super::text::{OBJECT, Variant};
use crate::diagnostic::Code;

/// The sentence-ending mark of `text`, looking through what closes around it.
pub fn final_mark(text: &str) -> Option<char> {
    text.trim_end()
        .chars()
        .rev()
        .find(|&c| !is_closing(c) && !c.is_whitespace())
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '*' | '_' | '」' | '』' | '“' | '«'
    )
}

/// The marks that may end a translation where the reference ends in `mark`.
fn counterparts(mark: char) -> &'static [char] {
    match mark {
        '.' => &['.', '۔', '…', '。'],
        '?' => &['?', '؟'],
        '!' => &['!'],
        ':' => &[':'],
        _ => &[],
    }
}

pub fn check(ref_variant: &Variant, variant: &Variant) -> Option<Finding> {
    let expected = final_mark(&ref_variant.text)?;
    let allowed = counterparts(expected);
    if allowed.is_empty() {
        return None;
    }
    let found = final_mark(&variant.text);
    // A translation that ends in a placeable has its punctuation inside the value.
    if found.is_none_or(|c| allowed.contains(&c) || c == OBJECT) {
        return None;
    }
    let end = variant.text.trim_end().len();
    let last = variant.text[..end]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    Some(Finding {
        code: Code::PunctuationMismatch,
        offset: variant.offset(end - last),
        message: format!(
            "the reference ends in `{expected}`, the translation does not; end it in {}",
            allowed
                .iter()
                .take(2)
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(text: &str) -> Variant {
        Variant {
            text: text.to_owned(),
            ..Variant::default()
        }
    }

    fn fires(reference: &str, translation: &str) -> bool {
        check(&variant(reference), &variant(translation)).is_some()
    }

    #[test]
    fn counterparts_per_script() {
        assert!(!fires("It ended.", "Bitti."));
        assert!(!fires("It ended.", "ختم ہوا۔"));
        assert!(!fires("Why?", "کیوں؟"));
        assert!(!fires("He said: “Victory.”", "Dedi: «Zafer.»"));
        assert!(!fires("(It ended.)", "(Bitti.)"));
        assert!(!fires("Headline", "Başlık."));
        assert!(fires("It ended.", "Bitti"));
        assert!(fires("Why?", "Neden."));
        assert!(fires("Contact:", "İletişim"));
    }

    #[test]
    fn final_marks() {
        assert_eq!(final_mark("a.” "), Some('.'));
        assert_eq!(final_mark("**bold.**"), Some('.'));
        assert_eq!(final_mark(""), None);
    }
}
