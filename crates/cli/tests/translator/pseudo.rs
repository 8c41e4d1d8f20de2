//! `render --pseudo`: accented (`en-XA`) and flipped right-to-left (`ar-XB`) versions of every
//! page, made from the reference, never counted as locales and never in the sitemap.

use super::workspace::{SLUG, Sandbox};

fn headline(html: &str) -> &str {
    let start = html.find("<h1 id=\"headline\">").expect("headline") + "<h1 id=\"headline\">".len();
    let end = start + html[start..].find("</h1>").expect("end of headline");
    &html[start..end]
}

#[test]
fn pseudolocales_are_rendered_beside_the_site_but_never_listed() {
    let ws = Sandbox::sample();
    // A link in the reference: its target must survive pseudolocalization.
    ws.edit(
        &format!("locales/en/releases/{SLUG}.ftl"),
        "subheadline = Statement of the Embassy",
        "subheadline = [Statement](https://example.org/statement) of the Embassy",
    );
    let run = ws.beyan(&["render", "--pseudo"]).expect(0);
    assert!(
        run.stderr.contains("in 4 locales (en, az, tr, ur)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("pseudolocales for layout testing in en-XA, ar-XB"),
        "{}",
        run.stderr
    );

    let en = ws.read(&format!("dist/en/{SLUG}.html"));
    let xa = ws.read(&format!("dist/en-XA/{SLUG}.html"));
    let xb = ws.read(&format!("dist/ar-XB/{SLUG}.html"));
    assert!(xa.contains("<html lang=\"en-XA\" dir=\"ltr\">"));
    assert!(xb.contains("<html lang=\"ar-XB\" dir=\"rtl\">"));
    // Accented and about 30% longer; flipped.
    let (en_h, xa_h, xb_h) = (headline(&en), headline(&xa), headline(&xb));
    assert_ne!(xa_h, en_h);
    assert!(xa_h.contains("Ẇaař"), "{xa_h}");
    let grown = xa_h.chars().count() as f64 / en_h.chars().count() as f64;
    assert!(grown > 1.15, "{grown}: {xa_h}");
    assert!(xb_h.contains("Mɐɹ"), "{xb_h}");
    assert!(
        xa.contains("href=\"https://example.org/statement\""),
        "link target kept"
    );
    assert!(xb.contains("href=\"https://example.org/statement\""));
    for file in ["txt", "md"] {
        assert!(ws.path(&format!("dist/en-XA/{SLUG}.{file}")).is_file());
    }

    // Not in the sitemap, the language chooser, the real pages or their feeds.
    let mut listed = vec!["dist/sitemap.xml".to_owned(), "dist/index.html".to_owned()];
    for locale in ["en", "az", "tr", "ur"] {
        listed.push(format!("dist/{locale}/{SLUG}.html"));
        listed.push(format!("dist/{locale}/index.html"));
        listed.push(format!("dist/{locale}/feed.xml"));
    }
    for file in listed {
        let text = ws.read(&file);
        assert!(
            !text.contains("en-XA") && !text.contains("ar-XB"),
            "{file} mentions a pseudolocale"
        );
    }

    // Without the flag, no pseudolocale.
    ws.beyan(&["render"]).expect(0);
    assert!(!ws.path("dist/en-XA").exists());
    assert!(!ws.path("dist/ar-XB").exists());
}

#[test]
fn pseudolocales_in_a_new_workspace() {
    let parent = Sandbox::empty();
    parent.beyan_in(parent.root(), &["init", "press"]).expect(0);
    let dir = parent.path("press");
    parent.beyan_in(&dir, &["render", "--pseudo"]).expect(0);
    let page = std::fs::read_to_string(dir.join("dist/ar-XB/example-release.html")).expect("page");
    assert!(page.contains("dir=\"rtl\""));
}
