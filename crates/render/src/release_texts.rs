//! A release's texts in one locale, formatted once for every page that shows them: the
//! release's own ninjs body, the locale's index and both feeds.
//!
//! The index and the feeds of an archive repeat every release's headline and body; formatting
//! and marking them up again for each of those pages (and the Atom and JSON feeds each) was
//! most of a feed's time. The texts are exactly what `t(id=…, release=…)` gives in those
//! templates, so the pages read the same.

use beyan_l10n::LocaleBundle;
use serde::Serialize;
use tera::Value;

use crate::engine::{isolation, message};
use crate::markup::Format;

/// One message rendered for each format the index and the feeds print it in.
#[derive(Serialize)]
struct Rendered {
    html: Value,
    xml: Value,
    txt: Value,
}

#[derive(Serialize)]
struct Texts {
    headline: Rendered,
    subheadline: Option<Rendered>,
    body_html: Value,
}

/// The texts of the release of `bundle` (whose paragraphs and quotes are `paragraphs` and
/// `quotes`: id, has an attribution) as templates read them: `headline.html`, `.xml` and
/// `.txt`, the same of `subheadline` when there is one, and `body_html`, the body as feeds
/// and ninjs carry it (`<p>` per paragraph, then a `<blockquote>` per quote with its
/// attribution in a `<footer>`). Every text is escaped for its format (safe); a value's
/// strings are shared, so every page that lists the release holds them once.
pub(crate) fn release_texts(
    bundle: &LocaleBundle,
    paragraphs: &[String],
    quotes: &[(&str, bool)],
) -> Result<Value, String> {
    let isolation = isolation(bundle);
    let html = |id: &str, attribute: Option<&str>| -> Result<String, String> {
        Ok(message(bundle, id, attribute)?
            .message
            .render(Format::Html, isolation))
    };
    let each_format = |id: &str| -> Result<Rendered, String> {
        let message = message(bundle, id, None)?;
        let rendered = |format| Value::safe_string(&message.message.render(format, isolation));
        Ok(Rendered {
            html: rendered(Format::Html),
            xml: rendered(Format::Xml),
            txt: rendered(Format::Text),
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
    let texts = Texts {
        headline: each_format("headline")?,
        subheadline,
        body_html: Value::safe_string(&body_html),
    };
    Value::try_from_serializable(&texts).map_err(|e| e.to_string())
}
