//! `too-long`: a translation longer than the `# max-length: N` comment on the reference message
//! allows, counted in grapheme clusters (what a reader counts as characters: `ə́` or a
//! Nastaliq letter with its marks is one), by the ICU segmenter.

use icu::segmenter::GraphemeClusterSegmenter;

use super::Finding;
use super::text::Variant;
use crate::diagnostic::Code;

/// The limit that a message comment sets, if any: a line `max-length: N`.
pub fn max_length(comment: &str) -> Option<usize> {
    comment.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("max-length:")?;
        rest.trim().parse().ok()
    })
}

/// The number of grapheme clusters of `text`.
pub fn graphemes(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    GraphemeClusterSegmenter::new()
        .segment_str(text)
        .count()
        .saturating_sub(1)
}

pub fn check(limit: usize, variant: &Variant) -> Option<Finding> {
    // Never fewer graphemes than bytes / 4: most text is well within its limit.
    if variant.text.len() <= limit {
        return None;
    }
    let length = graphemes(&variant.text);
    (length > limit).then(|| Finding {
        code: Code::TooLong,
        offset: variant.offset(0),
        message: match length {
            1 => format!("1 character, more than the {limit} that `# max-length` allows"),
            _ => format!("{length} characters, more than the {limit} that `# max-length` allows"),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_read_from_comments() {
        assert_eq!(max_length("Headline for feeds.\nmax-length: 80"), Some(80));
        assert_eq!(max_length("max-length: many"), None);
        assert_eq!(max_length("no limit"), None);
    }

    #[test]
    fn graphemes_not_bytes_nor_chars() {
        assert_eq!(graphemes("Zafer"), 5);
        assert_eq!(graphemes("ə\u{301}"), 1);
        assert_eq!(graphemes("یومِ فتح"), 7);
        assert_eq!(graphemes("🇦🇿"), 1);
        let variant = |t: &str| Variant {
            text: t.to_owned(),
            ..Variant::default()
        };
        assert!(check(7, &variant("یومِ فتح")).is_none());
        assert!(check(6, &variant("یومِ فتح")).is_some());
    }
}
