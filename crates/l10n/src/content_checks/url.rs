//! `url-mismatch` and `email-mismatch`: every URL and e-mail address of the reference must be
//! in the translation unchanged.
//!
//! A URL that is a link's destination (`[text](https://…)`) is left to `markup-mismatch`, which
//! compares links already; a translation may still carry a plain URL of the reference as a link.

use std::ops::Range;

use super::text::MessageText;
use super::{Finding, Side};
use crate::diagnostic::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Url,
    Email,
}

/// A URL or e-mail address in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address<'t> {
    pub kind: Kind,
    pub text: &'t str,
    pub span: Range<usize>,
    /// Whether it is a Markdown link's destination.
    pub in_link: bool,
}

/// Byte ranges of every URL and e-mail address of `text`.
pub fn spans(text: &str) -> Vec<Range<usize>> {
    addresses(text).into_iter().map(|a| a.span).collect()
}

/// Every URL and e-mail address of `text`, in order.
pub fn addresses(text: &str) -> Vec<Address<'_>> {
    let mut out = Vec::new();
    if !super::gate::has_address(text) {
        return out;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let scheme = ["https://", "http://", "www."].into_iter().find(|s| {
            rest.get(..s.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(s))
        });
        if let Some(scheme) = scheme
            && (i == 0 || !text[..i].ends_with(|c: char| c.is_alphanumeric()))
        {
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\u{FFFC}'))
                .unwrap_or(rest.len());
            let url = trim_url(&rest[..len]);
            if url.len() > scheme.len() {
                out.push(Address {
                    kind: Kind::Url,
                    text: url,
                    span: i..i + url.len(),
                    in_link: text[..i].ends_with("](") || text[..i].ends_with("](<"),
                });
                i += url.len();
                continue;
            }
        }
        if bytes[i] == b'@' {
            let local_start = text[..i]
                .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')))
                .map_or(0, |p| {
                    p + text[p..].chars().next().map_or(1, char::len_utf8)
                });
            let domain_len = text[i + 1..]
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-')))
                .unwrap_or(text.len() - i - 1);
            let domain = text[i + 1..i + 1 + domain_len].trim_end_matches(['.', '-']);
            let local = &text[local_start..i];
            if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') {
                let span = local_start..i + 1 + domain.len();
                let in_link = text[..local_start].ends_with("mailto:");
                // An address inside a URL already found is part of that URL.
                if !out
                    .iter()
                    .any(|a: &Address<'_>| a.span.contains(&local_start))
                {
                    out.push(Address {
                        kind: Kind::Email,
                        text: &text[span.clone()],
                        span: span.clone(),
                        in_link,
                    });
                }
                i = span.end;
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A URL without the punctuation that ends the sentence around it; a `)` stays when the URL
/// opened one (`…/Baku_(city)`).
fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let Some(last) = url.chars().last() else {
            return url;
        };
        let unbalanced = last == ')' && url.matches('(').count() < url.matches(')').count();
        let closing = matches!(
            last,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '\''
                | '’'
                | '”'
                | '»'
                | ']'
                | '*'
                | '_'
                | '۔'
                | '،'
                | '؛'
                | '؟'
        );
        if closing || unbalanced {
            url = &url[..url.len() - last.len_utf8()];
        } else {
            return url;
        }
    }
}

/// The reference's URLs and e-mail addresses that the translation lacks, one finding per kind.
pub fn check(reference: &Side<'_>, translation: &Side<'_>) -> Vec<Finding> {
    let found: Vec<Address<'_>> = texts(translation.text).flat_map(addresses).collect();
    let mut out = Vec::new();
    for (kind, code, what) in [
        (Kind::Url, Code::UrlMismatch, "URL"),
        (Kind::Email, Code::EmailMismatch, "e-mail address"),
    ] {
        let mut missing: Vec<&str> = Vec::new();
        for text in texts(reference.text) {
            for address in addresses(text) {
                if address.kind != kind || address.in_link || missing.contains(&address.text) {
                    continue;
                }
                if !found.iter().any(|f| f.text == address.text) {
                    missing.push(address.text);
                }
            }
        }
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
            out.push(Finding {
                code,
                offset: None,
                message: format!(
                    "the reference's {what} {} is not in the translation unchanged",
                    list.join(", ")
                ),
            });
        }
    }
    out
}

fn texts(text: &MessageText) -> impl Iterator<Item = &str> {
    text.texts()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, bool)> {
        addresses(text)
            .into_iter()
            .map(|a| (a.text, a.in_link))
            .collect()
    }

    #[test]
    fn urls_end_before_sentence_punctuation() {
        assert_eq!(
            found("See https://mfa.gov.az/en."),
            [("https://mfa.gov.az/en", false)]
        );
        assert_eq!(
            found("(https://en.wikipedia.org/wiki/Baku_(city)), and www.example.org۔"),
            [
                ("https://en.wikipedia.org/wiki/Baku_(city)", false),
                ("www.example.org", false)
            ]
        );
        assert_eq!(
            found("[site](https://a.example/x)"),
            [("https://a.example/x", true)]
        );
    }

    #[test]
    fn emails_and_not_emails() {
        assert_eq!(
            found("Write to press@embassy.example."),
            [("press@embassy.example", false)]
        );
        assert_eq!(found("[mail](mailto:a@b.example)"), [("a@b.example", true)]);
        assert!(found("@handle and a@b and 5 @ 6").is_empty());
        assert_eq!(
            found("https://x.example/@user"),
            [("https://x.example/@user", false)]
        );
    }
}
