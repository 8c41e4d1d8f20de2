//! A release's texts in one locale, formatted once for every page that shows them: the
//! release's own ninjs body, the locale's index and both feeds.
//!
//! The index and the feeds of an archive repeat every release's headline and body; formatting
//! and marking them up again for each of those pages (and the Atom and JSON feeds each) was
//! most of a feed's time. The texts are exactly what `t(id=…, release=…)` gives in those
//! templates, so the pages read the same.

use beyan_l10n::LocaleBundle;
use serde::Serialize;

use crate::engine::{isolation, message};
use crate::markup::Format;

/// One message rendered for each format the index and the feeds print it in.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Rendered {
    pub html: String,
    pub xml: String,
    pub txt: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReleaseTexts {
    pub headline: Rendered,
    pub subheadline: Option<Rendered>,
    /// The body as feeds and ninjs carry it: `<p>` per paragraph, then a `<blockquote>` per
    /// quote with its attribution in a `<footer>`.
    pub body_html: String,
}

impl ReleaseTexts {
    /// The texts of the release of `bundle`, whose paragraphs and quotes are `paragraphs`
    /// and `quotes` (id, has an attribution).
    pub(crate) fn new(
        bundle: &LocaleBundle,
        paragraphs: &[String],
        quotes: &[(&str, bool)],
    ) -> Result<Self, String> {
        let isolation = isolation(bundle);
        let html = |id: &str, attribute: Option<&str>| -> Result<String, String> {
            Ok(message(bundle, id, attribute)?.render(Format::Html, isolation))
        };
        let each_format = |id: &str| -> Result<Rendered, String> {
            let message = message(bundle, id, None)?;
            Ok(Rendered {
                html: message.render(Format::Html, isolation),
                xml: message.render(Format::Xml, isolation),
                txt: message.render(Format::Text, isolation),
            })
        };
        let mut body_html = String::new();
        for id in paragraphs {
            body_html.push_str("<p>");
            body_html.push_str(&html(id, None)?);
            body_html.push_str("</p>");
        }
        for &(id, attribution) in quotes {
            body_html.push_str("<blockquote><p>");
            body_html.push_str(&html(id, None)?);
            body_html.push_str("</p>");
            if attribution {
                body_html.push_str("<footer>");
                body_html.push_str(&html(id, Some("attribution"))?);
                body_html.push_str("</footer>");
            }
            body_html.push_str("</blockquote>");
        }
        let subheadline = if bundle.has_message("subheadline") {
            Some(each_format("subheadline")?)
        } else {
            None
        };
        Ok(Self {
            headline: each_format("headline")?,
            subheadline,
            body_html,
        })
    }
}
