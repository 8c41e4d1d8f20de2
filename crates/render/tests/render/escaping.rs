//! Hostile messages come out as text in every format.

use crate::builder::{WorkspaceBuilder, options, render, text};

const HOSTILE: &str = "headline = <script>alert(1)</script> & \"quotes\"\n\
    dateline-city = <b>City</b>\n\
    paragraph-01 = Click [here](javascript:alert(1)) or [there](https://ok.example/a?b=1&c=2) and <img src=x onerror=alert(1)>.\n\
    paragraph-02 = [data](data:text/html,x) *fine* **strong**\n";

#[test]
fn hostile_messages_are_escaped_for_each_format() {
    let ws = WorkspaceBuilder::new().release("r", "date = 2025-11-08\n", HOSTILE);
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    let html = text(&site, "en/r.html");
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("javascript:"));
    assert!(!html.contains("data:text"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("&lt;B&gt;CITY&lt;/B&gt;"),
        "upper-casing keeps escapes intact"
    );
    assert!(html.contains("<a href=\"https://ok.example/a?b=1&amp;c=2\">there</a>"));
    assert!(html.contains("Click here or"));
    assert!(html.contains("<em>fine</em> <strong>strong</strong>"));

    let md = text(&site, "en/r.md");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(!md.contains("javascript:"));
    assert!(md.contains("[there](<https://ok.example/a?b=1&c=2>)"));

    let feed = text(&site, "en/feed.xml");
    assert!(
        feed.contains(
            "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</title>"
        )
    );
    let txt = text(&site, "en/r.txt");
    assert!(
        txt.contains("Click here or there <https://ok.example/a?b=1&c=2>"),
        "{txt}"
    );
    assert!(!txt.contains("javascript:"));
}
