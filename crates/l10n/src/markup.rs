//! The inline markup of a message (links, emphasis), for comparing a translation with its
//! reference. Messages may use a small CommonMark subset: `*emphasis*`, `**strong**` and
//! `[links](https://…)`.

use pulldown_cmark::{Event, Parser, Tag};

#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct MarkupSummary {
    /// Link destinations, sorted.
    pub links: Vec<String>,
    pub emphasis: usize,
    pub strong: usize,
    /// Raw HTML fragments (never rendered, but a translation should not add or drop them).
    pub html: usize,
}

impl MarkupSummary {
    /// No markup at all.
    pub const NONE: Self = Self {
        links: Vec::new(),
        emphasis: 0,
        strong: 0,
        html: 0,
    };
}

/// Whether `text` has a byte that can start markup; without one it has none.
pub fn may_have_markup(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'[' | b'*' | b'_' | b'<'))
}

pub fn summarize_markup(text: &str) -> MarkupSummary {
    let mut summary = MarkupSummary::default();
    if !may_have_markup(text) {
        return summary;
    }
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => summary.links.push(dest_url.into_string()),
            Event::Start(Tag::Emphasis) => summary.emphasis += 1,
            Event::Start(Tag::Strong) => summary.strong += 1,
            Event::Html(_) | Event::InlineHtml(_) => summary.html += 1,
            _ => {}
        }
    }
    summary.links.sort();
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_emphasis() {
        let a = summarize_markup("See **the** [text](https://a.example/x) and *this*.");
        assert_eq!(a.links, ["https://a.example/x"]);
        assert_eq!((a.emphasis, a.strong), (1, 1));
        let b = summarize_markup("Bax **mətn** [mətn](https://a.example/y) *bu*.");
        assert_ne!(a, b);
        assert_eq!(summarize_markup("plain"), MarkupSummary::default());
    }
}
