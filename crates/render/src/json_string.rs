//! JSON string literals for templates (`| json`), safe inside an HTML `<script>` element.
//!
//! A feed's `content_html` is megabytes of markup, nearly every `<` and `>` escaped: the text
//! between escapes is copied a run at a time, and escapes are written without allocating.

/// A JSON string literal for `text`. `<`, `>` and `&` are written as `\u003c`…, so the
/// literal can stand inside an HTML `<script>` element without closing it; so are the line
/// and paragraph separators (U+2028, U+2029), which JavaScript before ES2019 did not allow in
/// strings.
pub(crate) fn json_string(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 2);
    out.push('"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes are copied as they are: one table look-up each.
        if !STARTS_ESCAPE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let (escape, width): (Escape, usize) = match bytes[i] {
            b'"' => (Escape::Text("\\\""), 1),
            b'\\' => (Escape::Text("\\\\"), 1),
            b'\n' => (Escape::Text("\\n"), 1),
            b'\r' => (Escape::Text("\\r"), 1),
            b'\t' => (Escape::Text("\\t"), 1),
            byte @ (b'<' | b'>' | b'&' | 0..0x20) => (Escape::Code(u32::from(byte)), 1),
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                let code = if bytes[i + 2] == 0xA8 { 0x2028 } else { 0x2029 };
                (Escape::Code(code), 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[run..i]);
        match escape {
            Escape::Text(text) => out.push_str(text),
            Escape::Code(code) => push_code(&mut out, code),
        }
        i += width;
        run = i;
    }
    out.push_str(&text[run..]);
    out.push('"');
    out
}

/// The bytes an escape starts with: the ASCII controls, `"`, `\`, `<`, `>`, `&`, and 0xE2, the
/// first byte of U+2028 and U+2029 (the next two bytes decide).
const STARTS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    let mut i = 0;
    let others = b"\"\\<>&\xE2";
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

/// `\u` and the four lower-case hex digits of `code` (below 0x10000): written directly, as a
/// feed's HTML has thousands of them and `write!` would go through the formatter for each.
fn push_code(out: &mut String, code: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[((code >> shift) & 0xF) as usize]));
    }
}

enum Escape {
    Text(&'static str),
    Code(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain version, a character at a time: the oracle.
    fn json_string_by_char(text: &str) -> String {
        let mut out = String::from('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                    out.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn equals_the_plain_version_and_parses_back() {
        let pieces = [
            "",
            "a",
            "\"",
            "\\",
            "\n",
            "\r",
            "\t",
            "<",
            ">",
            "&",
            "\u{0}",
            "\u{1f}",
            "\u{7f}",
            "\u{2028}",
            "\u{2029}",
            "\u{2027}",
            "\u{202a}",
            "é",
            "ş",
            "بیان",
            "😀",
            "</script>",
        ];
        let mut texts: Vec<String> = pieces.iter().map(|p| (*p).to_owned()).collect();
        for a in pieces {
            for b in pieces {
                texts.push(format!("{a}x{b}{a}"));
            }
        }
        for text in &texts {
            let fast = json_string(text);
            assert_eq!(fast, json_string_by_char(text), "{text:?}");
            let back: String = serde_json::from_str(&fast).expect("valid JSON");
            assert_eq!(&back, text);
            assert!(!fast.contains('<') && !fast.contains('>'));
        }
    }
}
