//! Whitespace as [`char::is_whitespace`] (and so [`str::split_whitespace`]) defines it, found on
//! bytes: word counts and content hashes run over every message, and decoding each character
//! to classify it costs more than the rest of their work.

/// ASCII whitespace as `char::is_whitespace` has it: tab, line feed, vertical tab, form feed,
/// carriage return and space (`u8::is_ascii_whitespace` leaves out the vertical tab).
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    // Branch-free, so that loops over bytes vectorize.
    (b == b' ') | (b.wrapping_sub(b'\t') <= b'\r' - b'\t')
}

/// The length in bytes of the whitespace character (as [`char::is_whitespace`] defines it) that
/// `bytes` starts with, or 0. Outside ASCII that is U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F and U+3000.
fn len(bytes: &[u8]) -> usize {
    match bytes {
        [b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] => 3,
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] => 3,
        _ => 0,
    }
}

/// Whether `bytes` holds whitespace outside ASCII; each such character starts with 0xC2, 0xE1,
/// 0xE2 or 0xE3, so only those bytes are looked at.
pub fn has_wide_space(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes)
        .chain(memchr::memchr_iter(0xE1, bytes))
        .any(|at| len(&bytes[at..]) > 1)
}

/// Whether `text` has a doubled space, a tab, a no-break space or a space before a line
/// break: what the `whitespace` check may report in a translation. One pass over the bytes
/// (U+00A0 is `C2 A0`), where three substring searches per text element cost more than the
/// rest of the entry's reading.
pub fn has_odd_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' => true,
        b' ' => matches!(bytes.get(i + 1), Some(b' ' | b'\n')),
        0xC2 => bytes.get(i + 1) == Some(&0xA0),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_space_agrees_with_the_substring_searches() {
        let pieces = [
            " ", "  ", "\t", "\n", " \n", "\u{00A0}", "\u{00C2}", "a", "ə", "ہ", "\u{2003}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    let expected = text.contains("  ")
                        || text.contains(['\t', '\u{00A0}'])
                        || text.contains(" \n");
                    assert_eq!(has_odd_space(&text), expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn agrees_with_char_is_whitespace_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(len(text.as_bytes()) > 0, c.is_whitespace(), "{c:?}");
            assert_eq!(
                has_wide_space(text.as_bytes()),
                c.is_whitespace() && !c.is_ascii(),
                "{c:?}"
            );
        }
    }
}
