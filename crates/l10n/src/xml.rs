//! Escaping for the XML that beyan writes (XLIFF, TMX): one rule for every value, so a
//! character XML 1.0 cannot carry never makes a document that its reader refuses.

/// Whether XML 1.0 can carry `c` as a character.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `value` for element text: markup characters escaped, a carriage return as a reference (a
/// reader would turn it into a line feed), a character XML cannot carry as U+FFFD.
pub(crate) fn text(value: &str) -> String {
    escaped(value, false)
}

/// `value` for an attribute: as [`text`], and quotes, tabs and line breaks as references, which
/// survive the reader's normalization of attribute values.
pub(crate) fn attribute(value: &str) -> String {
    escaped(value, true)
}

fn escaped(value: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_keep_what_a_reader_reads_back() {
        assert_eq!(
            text("a<b & \"c\"\n\t\r\u{1}"),
            "a&lt;b &amp; \"c\"\n\t&#13;\u{FFFD}"
        );
        assert_eq!(
            attribute("\"x\"\n\t\u{FFFF}"),
            "&quot;x&quot;&#10;&#9;\u{FFFD}"
        );
    }
}
