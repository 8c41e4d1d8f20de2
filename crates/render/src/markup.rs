//! Translated text to each output format, through the one inline-markup subset messages may
//! use: `*emphasis*`, `**strong**` and `[links](https://…)` to http, https and mailto URLs.
//!
//! Everything else a translator (or an attacker) writes is text: raw HTML, `javascript:`
//! links, headings and lists come out escaped for the format, never as markup. Messages are
//! read as one inline run (line breaks are spaces), so `###` stays three characters.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// An output format, each with its own escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    /// XML text content (feeds, sitemaps): plain text, escaped, no markup.
    Xml,
    /// Plain text: no escaping, links as `text <url>`.
    Text,
    /// CommonMark.
    Markdown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Xml => "xml",
            Self::Text => "txt",
            Self::Markdown => "md",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "html" => Some(Self::Html),
            "xml" => Some(Self::Xml),
            "txt" => Some(Self::Text),
            "md" => Some(Self::Markdown),
            _ => None,
        }
    }
}

/// How bidirectional isolation marks (U+2066–U+2069, which Fluent puts around placeables in
/// right-to-left locales) are carried into the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// Left-to-right output: every bidi control is dropped.
    Strip,
    /// Right-to-left plain text: the marks stay, they are how plain text isolates.
    Keep,
}

/// One piece of a message after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Inline {
    Text(String),
    Open(Span),
    Close(Span),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Span {
    Emphasis,
    Strong,
    /// A link to a permitted URL.
    Link(String),
    /// A link whose URL is not permitted: its text stays, the URL goes.
    Inert,
}

/// Renders a translated message for `format`.
pub fn render(text: &str, format: Format, isolation: Isolation) -> String {
    Message::parse(text).render(format, isolation)
}

/// A translated message read once, to be rendered for several formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    inlines: Vec<Inline>,
    /// The length of the text it was read from, to size the output.
    len: usize,
}

impl Message {
    pub(crate) fn parse(text: &str) -> Self {
        Self {
            inlines: parse(text),
            len: text.len(),
        }
    }

    pub(crate) fn render(&self, format: Format, isolation: Isolation) -> String {
        render_inlines(&self.inlines, self.len, format, isolation)
    }
}

fn render_inlines(inlines: &[Inline], len: usize, format: Format, isolation: Isolation) -> String {
    let mut out = String::with_capacity(len + 16);
    for inline in inlines {
        match (inline, format) {
            (Inline::Text(t), Format::Html) => push_html_text(&mut out, t, isolation),
            (Inline::Text(t), Format::Xml) => push_xml_text(&mut out, &strip_bidi(t, isolation)),
            (Inline::Text(t), Format::Text) => out.push_str(&strip_bidi(t, isolation)),
            (Inline::Text(t), Format::Markdown) => {
                push_markdown_text(&mut out, &strip_bidi(t, isolation));
            }
            (Inline::Open(span), Format::Html) => match span {
                Span::Emphasis => out.push_str("<em>"),
                Span::Strong => out.push_str("<strong>"),
                Span::Link(url) => {
                    out.push_str("<a href=\"");
                    push_html_text(&mut out, url, Isolation::Strip);
                    out.push_str("\">");
                }
                Span::Inert => {}
            },
            (Inline::Close(span), Format::Html) => match span {
                Span::Emphasis => out.push_str("</em>"),
                Span::Strong => out.push_str("</strong>"),
                Span::Link(_) => out.push_str("</a>"),
                Span::Inert => {}
            },
            (Inline::Open(span), Format::Markdown) => match span {
                Span::Emphasis => out.push('*'),
                Span::Strong => out.push_str("**"),
                Span::Link(_) => out.push('['),
                Span::Inert => {}
            },
            (Inline::Close(span), Format::Markdown) => match span {
                Span::Emphasis => out.push('*'),
                Span::Strong => out.push_str("**"),
                Span::Link(url) => {
                    out.push_str("](<");
                    out.push_str(&url.replace(['<', '>', '\n'], ""));
                    out.push_str(">)");
                }
                Span::Inert => {}
            },
            (Inline::Close(Span::Link(url)), Format::Text) => {
                let shown = url.strip_prefix("mailto:").unwrap_or(url);
                if !out.ends_with(shown) {
                    out.push_str(" <");
                    out.push_str(shown);
                    out.push('>');
                }
            }
            (Inline::Open(_) | Inline::Close(_), Format::Text | Format::Xml) => {}
        }
    }
    out
}

/// The plain text of a message (markup removed), for attributes such as `<title>` and
/// Open Graph descriptions that the template escapes itself.
pub fn plain(text: &str) -> String {
    render(text, Format::Text, Isolation::Strip)
}

/// Text from TOML (a contact's name) for Markdown: shown literally, never as markup.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_markdown_text(&mut out, text);
    out
}

fn parse(text: &str) -> Vec<Inline> {
    // One line, and a leading `.` so that nothing at the start reads as a block (`###`, `1.`,
    // `- `); the dot is removed from the first text event below. A dot is punctuation, so
    // emphasis right after it still opens.
    let single_line = one_line(text);
    // Most messages have no character that CommonMark's inline syntax could use: skip the
    // parser for them (the result would be the same single text run). All of them are ASCII,
    // so a byte scan finds them.
    let inline_syntax = |b: &u8| {
        matches!(
            b,
            b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'\\' | b'`' | b'!'
        )
    };
    if !single_line.as_bytes().iter().any(inline_syntax) {
        return vec![Inline::Text(single_line)];
    }
    let source = format!(".{single_line}");
    let mut inlines: Vec<Inline> = Vec::new();
    let mut open: Vec<Span> = Vec::new();
    let mut first = true;
    let push_text = |inlines: &mut Vec<Inline>, t: &str| {
        if let Some(Inline::Text(last)) = inlines.last_mut() {
            last.push_str(t);
        } else {
            inlines.push(Inline::Text(t.to_owned()));
        }
    };
    for event in Parser::new(&source) {
        match event {
            Event::Text(t) => {
                let t: &str = &t;
                let t = if first {
                    first = false;
                    match t.strip_prefix('.') {
                        Some(rest) => rest,
                        // The dot was not where it was put: read the message as plain text.
                        None => return vec![Inline::Text(single_line)],
                    }
                } else {
                    t
                };
                push_text(&mut inlines, t);
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                push_text(&mut inlines, &t);
            }
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut inlines, &t),
            Event::SoftBreak | Event::HardBreak => push_text(&mut inlines, " "),
            Event::Start(Tag::Emphasis) => {
                open.push(Span::Emphasis);
                inlines.push(Inline::Open(Span::Emphasis));
            }
            Event::Start(Tag::Strong) => {
                open.push(Span::Strong);
                inlines.push(Inline::Open(Span::Strong));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let span = if is_permitted_url(&dest_url) {
                    Span::Link(dest_url.into_string())
                } else {
                    Span::Inert
                };
                open.push(span.clone());
                inlines.push(Inline::Open(span));
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                if let Some(span) = open.pop() {
                    inlines.push(Inline::Close(span));
                }
            }
            // Images keep their alt text (the text events between start and end); every other
            // block or inline construct contributes only its text.
            _ => {}
        }
    }
    if first {
        return vec![Inline::Text(single_line)];
    }
    // pulldown-cmark balances its tags; this only guards against a surprise.
    while let Some(span) = open.pop() {
        inlines.push(Inline::Close(span));
    }
    inlines
}

/// The message's lines, each trimmed, joined by spaces.
fn one_line(text: &str) -> String {
    if !text.contains('\n') {
        return text.trim().to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line.trim());
    }
    out
}

/// Only URLs that cannot run code or reach into the local machine.
pub fn is_permitted_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let permitted = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    permitted && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn strip_bidi(text: &str, isolation: Isolation) -> std::borrow::Cow<'_, str> {
    let strip = |c: char| match isolation {
        Isolation::Strip => is_bidi_control(c),
        // Fluent's isolates stay; embeddings and overrides a translator typed do not.
        Isolation::Keep => matches!(c, '\u{202A}'..='\u{202E}'),
    };
    // Every bidi control is encoded starting with the byte 0xE2: most text has none.
    if text.as_bytes().contains(&0xE2) && text.chars().any(strip) {
        text.chars()
            .filter(|&c| !strip(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Escapes plain text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_html_text(&mut out, text, Isolation::Strip);
    out
}

/// Escapes text for HTML; in right-to-left output, Fluent's isolates become `<bdi>`, balanced
/// within the run so the markup stays well formed.
fn push_html_text(out: &mut String, text: &str, isolation: Isolation) {
    let mut depth = 0usize;
    // Copy runs of ordinary text whole; stop only at the characters that change. They are ASCII
    // or bidi controls, whose UTF-8 encodings start with 0xE2.
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0xE2 => {
                let Some(c) = text[at..].chars().next() else {
                    continue;
                };
                match c {
                    '\u{2066}'..='\u{2068}' if isolation == Isolation::Keep => {
                        depth += 1;
                        "<bdi>"
                    }
                    '\u{2069}' if isolation == Isolation::Keep => {
                        if depth > 0 {
                            depth -= 1;
                            "</bdi>"
                        } else {
                            ""
                        }
                    }
                    c if is_bidi_control(c) => "",
                    _ => continue,
                }
            }
            _ => continue,
        };
        out.push_str(&text[run..at]);
        out.push_str(replacement);
        run = at + if byte == 0xE2 { 3 } else { 1 };
    }
    out.push_str(&text[run..]);
    for _ in 0..depth {
        out.push_str("</bdi>");
    }
}

fn push_xml_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            // XML 1.0 cannot carry these even escaped (`check` reports them as
            // `invalid-character`); a feed stays well formed whatever a file holds.
            c if beyan_content::is_invalid_character(c) => out.push('\u{FFFD}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// Backslash-escapes what CommonMark could read as markup, so translated text is shown
/// literally: inline delimiters everywhere, block markers (`#`, `-`, `1.`) only where a line
/// could start, which keeps ordinary prose (`44-day`, `5.`) unescaped.
fn push_markdown_text(out: &mut String, text: &str) {
    let mut line_start = out.is_empty() || out.ends_with('\n');
    let mut leading_digits = line_start;
    // Unescaped text is copied in runs, from `run` to the next character that needs a backslash.
    // Every character that matters is ASCII, so the text is read a byte at a time: the bytes
    // of any other character are neither digits nor line ends, as the character is not.
    let mut run = 0;
    let bytes = text.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        let escape = match byte {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' => true,
            b'#' | b'-' | b'+' | b'=' | b'|' | b'~' => line_start,
            b'!' => bytes.get(at + 1) == Some(&b'['),
            b'.' | b')' => leading_digits,
            _ => false,
        };
        leading_digits = byte.is_ascii_digit() && (leading_digits || line_start);
        if escape {
            out.push_str(&text[run..at]);
            out.push('\\');
            run = at;
        }
        line_start = byte == b'\n';
    }
    out.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        render(text, Format::Html, Isolation::Strip)
    }

    #[test]
    fn the_subset_becomes_html() {
        assert_eq!(
            html("See *this*, **that** and [the site](https://a.example/x?a=1&b=2)."),
            "See <em>this</em>, <strong>that</strong> and \
             <a href=\"https://a.example/x?a=1&amp;b=2\">the site</a>."
        );
        assert_eq!(
            html("[Mail](mailto:press@a.example)"),
            "<a href=\"mailto:press@a.example\">Mail</a>"
        );
    }

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(html("[click](javascript:alert(1))"), "click");
        assert_eq!(html("[x](JaVaScRiPt:alert(1))"), "x");
        assert_eq!(html("[x](data:text/html,hi)"), "x");
        assert_eq!(
            html("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            html("<https://a.example>"),
            "<a href=\"https://a.example\">https://a.example</a>"
        );
        assert_eq!(
            html("\"quoted\" & 'single'"),
            "&quot;quoted&quot; &amp; &#39;single&#39;"
        );
    }

    #[test]
    fn block_syntax_stays_text() {
        assert_eq!(html("###"), "###");
        assert_eq!(html("1. first"), "1. first");
        assert_eq!(html("- item\n- item"), "- item - item");
        assert_eq!(html("> quote"), "&gt; quote");
        assert_eq!(html("    code"), "code");
        assert_eq!(html("_emphasis_ first"), "<em>emphasis</em> first");
        assert_eq!(html(""), "");
    }

    #[test]
    fn plain_text_and_markdown() {
        let text = "A *b* [site](https://a.example) and <b>c</b> #1";
        assert_eq!(
            render(text, Format::Text, Isolation::Strip),
            "A b site <https://a.example> and <b>c</b> #1"
        );
        assert_eq!(
            render(text, Format::Markdown, Isolation::Strip),
            "A *b* [site](<https://a.example>) and \\<b\\>c\\</b\\> #1"
        );
        assert_eq!(
            render(
                "[x](javascript:alert(1))",
                Format::Markdown,
                Isolation::Strip
            ),
            "x"
        );
        assert_eq!(
            render("Tom & <Jerry>", Format::Xml, Isolation::Strip),
            "Tom &amp; &lt;Jerry&gt;"
        );
    }

    /// The plain version of `push_markdown_text`, a character at a time: the oracle.
    fn push_markdown_text_by_char(out: &mut String, text: &str) {
        let mut line_start = out.is_empty() || out.ends_with('\n');
        let mut chars = text.chars().peekable();
        let mut leading_digits = line_start;
        while let Some(c) = chars.next() {
            let escape = match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' => true,
                '#' | '-' | '+' | '=' | '|' | '~' => line_start,
                '!' => chars.peek() == Some(&'['),
                '.' | ')' => leading_digits,
                _ => false,
            };
            leading_digits = c.is_ascii_digit() && (leading_digits || line_start);
            if escape {
                out.push('\\');
            }
            out.push(c);
            line_start = c == '\n';
        }
    }

    #[test]
    fn markdown_escaping_equals_the_plain_version() {
        let pieces = [
            "", "a", "1", "12", ".", ")", "\n", "#", "-", "!", "[", "!\u{e9}[", "*", "\\", "ş",
            "٣", "بیان", "😀", " ", "1.", "\n2)",
        ];
        for before in ["", "x", "\n"] {
            for a in pieces {
                for b in pieces {
                    for c in pieces {
                        let text = format!("{a}{b}{c}{a}");
                        let (mut fast, mut plain) = (before.to_owned(), before.to_owned());
                        push_markdown_text(&mut fast, &text);
                        push_markdown_text_by_char(&mut plain, &text);
                        assert_eq!(fast, plain, "{before:?} + {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn markdown_escapes_only_what_could_be_markup() {
        let md = |t: &str| render(t, Format::Markdown, Isolation::Strip);
        assert_eq!(md("###"), "\\###");
        assert_eq!(md("1993. The 44-day war"), "1993\\. The 44-day war");
        assert_eq!(md("- not a list"), "\\- not a list");
        assert_eq!(md("a_b *c* !not [x]"), "a\\_b *c* !not \\[x\\]");
    }

    #[test]
    fn isolates_become_bdi_in_rtl_html_and_vanish_in_ltr() {
        let text = "تاریخ: \u{2068}8 نومبر، 2025\u{2069}";
        assert_eq!(
            render(text, Format::Html, Isolation::Keep),
            "تاریخ: <bdi>8 نومبر، 2025</bdi>"
        );
        assert_eq!(render(text, Format::Text, Isolation::Keep), text);
        assert_eq!(
            render("a\u{2068}b\u{202E}c", Format::Text, Isolation::Strip),
            "abc"
        );
        assert_eq!(
            render("\u{2069}x\u{2068}", Format::Html, Isolation::Keep),
            "x<bdi></bdi>"
        );
    }
}
