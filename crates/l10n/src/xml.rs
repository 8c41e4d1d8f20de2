//! Escaping for the XML that beyan writes (XLIFF, TMX): one rule for every value, so a
//! character XML 1.0 cannot carry never makes a document that its reader refuses.

/// Whether XML 1.0 can carry `c` as a character.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `value` for element text: markup characters escaped, a carriage return as a reference (a
/// reader would turn it into a line feed), a character XML cannot carry as U+FFFD.
pub(crate) fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    escape_into(&mut out, value, false, |out, _| out.push('\u{FFFD}'));
    out
}

/// `value` for an attribute: as [`text`], and quotes, tabs and line breaks as references, which
/// survive the reader's normalization of attribute values.
pub(crate) fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    escape_into(&mut out, value, true, |out, _| out.push('\u{FFFD}'));
    out
}

/// Appends `value` escaped (for an attribute when `attribute`, else for element text); a
/// character XML cannot carry is handed to `other` (XLIFF writes it as `<cp hex="…"/>`).
pub(crate) fn escape_into(
    out: &mut String,
    value: &str,
    attribute: bool,
    other: impl Fn(&mut String, char),
) {
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
            c => other(out, c),
        }
    }
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

    #[test]
    fn a_character_xml_cannot_carry_goes_to_the_callers_handler() {
        let mut out = String::from("<t>");
        escape_into(&mut out, "a\u{1}&\u{FFFE}", false, |out, c| {
            out.push_str(&format!("[{:04X}]", u32::from(c)));
        });
        assert_eq!(out, "<t>a[0001]&amp;[FFFE]");
    }
}
