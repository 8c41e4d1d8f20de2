//! The formats newsrooms take in, read back with their own tools: IPTC ninjs validated against
//! a JSON Schema of ninjs 2.1, the `.eml` parsed by a mail parser, JSON Feed 1.1 and the
//! pages' schema.org JSON-LD parsed as JSON.

use std::path::Path;

use beyan_content::Workspace;
use serde_json::Value;

use crate::builder::{SLUG, WorkspaceBuilder, options, render, text};

/// A JSON Schema of ninjs 2.1 written for these tests from the standard's facts (property
/// names and types, the required `uri`): beyan ships no copy of IPTC's own schema file.
const NINJS_SCHEMA: &str = include_str!("data/ninjs-2.1.schema.json");

fn ninjs_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(NINJS_SCHEMA).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn assert_valid_ninjs(validator: &jsonschema::Validator, document: &Value, path: &str) {
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:#?}");
}

fn json(site: &beyan_render::Site, path: &str) -> Value {
    serde_json::from_str(&text(site, path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sample() -> beyan_render::Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let workspace = Workspace::load(&root).expect("the sample workspace loads");
    render(&workspace, &options("2025-11-10T00:00:00Z"))
}

#[test]
fn ninjs_of_every_locale_is_valid_against_the_ninjs_schema() {
    let validator = ninjs_validator();
    // The validator is not vacuous: a document without `uri`, or with a type the standard
    // does not know, fails.
    assert!(!validator.is_valid(&serde_json::json!({"type": "text"})));
    assert!(!validator.is_valid(&serde_json::json!({"uri": "urn:x", "type": "article"})));
    let site = sample();
    for locale in ["en", "az", "tr", "ur"] {
        let path = format!("{locale}/{SLUG}.json");
        let document = json(&site, &path);
        assert_valid_ninjs(&validator, &document, &path);
        assert_eq!(document["language"], locale);
        let headline = &document["headlines"][0]["value"];
        assert!(
            text(&site, &format!("{locale}/{SLUG}.txt")).contains(headline.as_str().unwrap()),
            "{path}: the ninjs headline is the page's"
        );
    }
}

#[test]
fn hostile_messages_stay_valid_json_and_ninjs() {
    let ftl = "headline = \"quoted\" \\ back</script><!-- & \u{2028}\n\
        dateline-city = </script>\n\
        paragraph-01 = Line \"one\" <b>bold</b> [x](https://ok.example/?a=1&b=2)\n";
    let ws = WorkspaceBuilder::new().release("r", "date = 2025-11-08\n", ftl);
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    let validator = ninjs_validator();
    for locale in ["en", "ur"] {
        let document = json(&site, &format!("{locale}/r.json"));
        assert_valid_ninjs(&validator, &document, "r.json");
        let feed = json(&site, &format!("{locale}/feed.json"));
        assert!(
            feed["items"][0]["title"]
                .as_str()
                .unwrap()
                .contains("</script>")
        );
    }
    let en = json(&site, "en/r.json");
    // (The trailing line separator is white space, trimmed like any other.)
    assert_eq!(
        en["headlines"][0]["value"],
        "\"quoted\" \\ back</script><!-- &"
    );
    // The HTML body keeps the markup subset only: the tag is text.
    let body = en["bodies"][0]["value"].as_str().unwrap();
    assert!(body.contains("&lt;b&gt;bold&lt;/b&gt;"), "{body}");
    assert!(
        body.contains("<a href=\"https://ok.example/?a=1&amp;b=2\">x</a>"),
        "{body}"
    );
    // JSON-LD cannot close its <script> element.
    let html = text(&site, "en/r.html");
    let script = json_ld(&html);
    assert!(!script.contains("</script"), "{script}");
    let ld: Value = serde_json::from_str(script).expect("JSON-LD is JSON");
    assert_eq!(ld["headline"], "\"quoted\" \\ back</script><!-- &");
}

/// The text of the page's `application/ld+json` script.
fn json_ld(html: &str) -> &str {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("a JSON-LD script")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("its end");
    &html[start..end]
}

#[test]
fn pages_carry_news_article_json_ld_and_twitter_cards() {
    let site = sample();
    for locale in ["en", "ur"] {
        let html = text(&site, &format!("{locale}/{SLUG}.html"));
        let ld: Value = serde_json::from_str(json_ld(&html)).expect("JSON-LD is JSON");
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["inLanguage"], locale);
        assert_eq!(ld["datePublished"], "2025-11-08T00:00:00Z");
        assert_eq!(
            ld["url"],
            format!("https://press.embassy.example/{locale}/{SLUG}.html")
        );
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(html.contains("<meta name=\"twitter:title\" content=\""));
    }
}

#[test]
fn json_feed_1_1_has_every_published_release_with_its_content() {
    let site = sample();
    for locale in ["en", "az", "tr", "ur"] {
        let feed = json(&site, &format!("{locale}/feed.json"));
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(
            feed["feed_url"],
            format!("https://press.embassy.example/{locale}/feed.json")
        );
        let items = feed["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(
            items[0]["id"],
            format!("https://press.embassy.example/{locale}/{SLUG}.html")
        );
        assert!(
            items[0]["content_html"]
                .as_str()
                .unwrap()
                .starts_with("<p>")
        );
        assert_eq!(items[0]["date_published"], "2025-11-08T00:00:00Z");
    }
    // Atom entries carry the full text as XHTML, not only a summary.
    let atom = text(&site, "en/feed.xml");
    assert!(atom.contains("<content type=\"xhtml\" xml:lang=\"en\"><div xmlns=\"http://www.w3.org/1999/xhtml\" dir=\"ltr\"><p>This year marks"));
}

#[test]
fn the_email_parses_back_with_both_versions_and_its_language() {
    let site = sample();
    for locale in ["en", "ur"] {
        let path = format!("{locale}/{SLUG}.eml");
        let bytes = &site.files[&path];
        let message = mail_parser::MessageParser::default()
            .parse(bytes.as_slice())
            .unwrap_or_else(|| panic!("{path} parses"));
        let txt = text(&site, &format!("{locale}/{SLUG}.txt"));
        let headline = txt.lines().nth(2).unwrap();
        assert_eq!(message.subject(), Some(headline), "{path}");
        let from = message.from().and_then(|a| a.first()).expect("a sender");
        assert_eq!(from.address(), Some("press@embassy.example"));
        assert_eq!(
            message.message_id(),
            Some(format!("{SLUG}.{locale}@embassy.example").as_str())
        );
        let language = message
            .header_raw("Content-Language")
            .map(str::trim)
            .expect("Content-Language");
        assert_eq!(language, locale);
        assert_eq!(
            message.date().map(|d| d.to_rfc3339()).as_deref(),
            Some("2025-11-08T00:00:00Z")
        );
        assert_eq!(message.text_body_count(), 1);
        assert_eq!(message.html_body_count(), 1);
        // The same text, with the CRLF line ends of RFC 5322.
        let body = message.body_text(0).expect("a text body");
        assert_eq!(body.replace("\r\n", "\n"), txt);
        let html = message.body_html(0).expect("an HTML body");
        assert!(html.contains(&format!("<html lang=\"{locale}\"")));
        // RFC 2047: a non-ASCII subject is encoded, never raw bytes in a header.
        let head = &bytes[..bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap()];
        assert!(head.is_ascii(), "{path}: headers are ASCII");
    }
}
