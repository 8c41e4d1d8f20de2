//! `whitespace`: leading, trailing or doubled spaces and tabs in a translation where the
//! reference has none. Fluent trims a pattern's edges, so these come from string literals
//! (`{" "}`), spaces before a line break, or spaces typed twice.

use super::Finding;
use super::text::Variant;
use crate::diagnostic::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Defect {
    Leading,
    Trailing,
    Doubled,
    Tab,
}

impl Defect {
    fn describe(self) -> &'static str {
        match self {
            Self::Leading => "leading whitespace",
            Self::Trailing => "trailing whitespace",
            Self::Doubled => "doubled spaces",
            Self::Tab => "a tab",
        }
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{00A0}' || c == '\t'
}

/// The first defect of `text` of each kind, with its byte position.
fn defects(text: &str) -> Vec<(Defect, usize)> {
    let mut out = Vec::new();
    if text.starts_with(is_space) {
        out.push((Defect::Leading, 0));
    }
    // Trailing: at the end of the text, or of a line inside it.
    let trailing = text
        .char_indices()
        .find(|&(i, c)| {
            is_space(c) && {
                let rest = text[i..].trim_start_matches(is_space);
                rest.is_empty() || rest.starts_with('\n')
            }
        })
        .map(|(i, _)| i);
    if let Some(at) = trailing
        && at > 0
    {
        out.push((Defect::Trailing, at));
    }
    if let Some(at) = text
        .char_indices()
        .zip(text.chars().skip(1))
        .find(|&((_, a), b)| {
            a == ' ' && (b == ' ' || b == '\u{00A0}') || a == '\u{00A0}' && b == ' '
        })
        .map(|((i, _), _)| i)
    {
        out.push((Defect::Doubled, at));
    }
    if let Some(at) = text.find('\t') {
        out.push((Defect::Tab, at));
    }
    out
}

pub fn check(ref_variant: &Variant, variant: &Variant) -> Option<Finding> {
    if !variant.text.contains([' ', '\t', '\u{00A0}']) {
        return None;
    }
    let found = defects(&variant.text);
    if found.is_empty() {
        return None;
    }
    let expected = defects(&ref_variant.text);
    let (defect, at) = found
        .into_iter()
        .find(|(d, _)| !expected.iter().any(|(e, _)| e == d))?;
    Some(Finding {
        code: Code::Whitespace,
        offset: variant.offset(at),
        message: format!(
            "{} in the translation, which the reference does not have",
            defect.describe()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(text: &str) -> Variant {
        Variant {
            text: text.to_owned(),
            map: vec![(0, 100)],
            ..Variant::default()
        }
    }

    fn found(reference: &str, translation: &str) -> Option<String> {
        check(&variant(reference), &variant(translation)).map(|f| f.message)
    }

    #[test]
    fn each_defect_where_the_reference_has_none() {
        assert!(found("a b", "a  b").unwrap().starts_with("doubled"));
        assert!(found("a b", " a b").unwrap().starts_with("leading"));
        assert!(found("a b", "a b ").unwrap().starts_with("trailing"));
        assert!(found("a\nb", "a \nb").unwrap().starts_with("trailing"));
        assert!(found("a b", "a\tb").unwrap().starts_with("a tab"));
        assert_eq!(
            check(&variant("a"), &variant("x  y")).unwrap().offset,
            Some(101)
        );
    }

    #[test]
    fn near_misses() {
        assert_eq!(found("a b", "a b"), None);
        assert_eq!(found("a  b", "x  y"), None);
        assert_eq!(found("a", "a\u{00A0}b"), None);
        assert_eq!(found("a", "a \u{FFFC} b"), None);
    }
}
