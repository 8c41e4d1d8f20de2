//! Incomplete language versions and embargoes decide what is published.

use crate::builder::{WorkspaceBuilder, locale, options, plan, render, slug, text};

const FULL: &str = "headline = H\ndateline-city = C\nparagraph-01 = One.\nparagraph-02 = Two.\n";

fn incomplete_az() -> WorkspaceBuilder {
    WorkspaceBuilder::new()
        .release("r", "date = 2025-11-08\n", FULL)
        .file(
            "locales/az/releases/r.ftl",
            "headline = H\nparagraph-01 = Bir.\n",
        )
}

#[test]
fn an_incomplete_pair_blocks_and_names_the_missing_ids() {
    let ws = incomplete_az();
    let workspace = ws.workspace();
    let options = options("2025-11-10T00:00:00Z");
    let plan = plan(&workspace, &options);
    let blocking = plan.blocking(&options);
    assert_eq!(blocking.len(), 1);
    assert_eq!(blocking[0].locale, locale("az"));
    assert_eq!(blocking[0].release, slug("r"));
    assert_eq!(blocking[0].ids(), ["dateline-city", "paragraph-02"]);
}

#[test]
fn skip_incomplete_publishes_the_rest_and_switchers_skip_it() {
    let ws = incomplete_az();
    let mut options = options("2025-11-10T00:00:00Z");
    options.skip_incomplete = true;
    let site = render(&ws.workspace(), &options);
    assert!(!site.files.contains_key("az/r.html"));
    assert!(!site.files.contains_key("az/r.txt"));
    let en = text(&site, "en/r.html");
    assert!(en.contains("hreflang=\"tr\""));
    assert!(
        !en.contains("../az/r.html"),
        "the switcher links only published versions"
    );
    assert!(!en.contains("hreflang=\"az\" href=\"https://press.example/az/r.html\""));
    let sitemap = text(&site, "sitemap.xml");
    assert!(!sitemap.contains("az/r.html"));
    assert!(sitemap.contains("<loc>https://press.example/tr/r.html</loc>"));
    assert!(sitemap.contains("hreflang=\"x-default\" href=\"https://press.example/en/r.html\""));
    // The locale still has its (empty) index and feed.
    let az_index = text(&site, "az/index.html");
    assert!(
        az_index.contains("<ol class=\"release-list\">\n</ol>"),
        "{az_index}"
    );
}

#[test]
fn a_broken_shared_file_blocks_every_release_of_that_locale() {
    let ws = WorkspaceBuilder::new()
        .release("r", "date = 2025-11-08\n", FULL)
        .file(
            "locales/tr/common.ftl",
            "org-name = Büyükelçilik\nbroken = {\n",
        );
    let workspace = ws.workspace();
    let options = options("2025-11-10T00:00:00Z");
    let plan = plan(&workspace, &options);
    let blocking = plan.blocking(&options);
    assert_eq!(blocking.len(), 1);
    assert_eq!(blocking[0].locale, locale("tr"));
    assert!(
        blocking[0]
            .problems
            .iter()
            .any(|p| p.code == "syntax-error")
    );
    assert!(blocking[0].ids().contains(&"headline") || blocking[0].ids().contains(&"site-title"));
}

#[test]
fn embargoed_releases_wait_for_now() {
    let ws = WorkspaceBuilder::new()
        .release("open", "date = 2025-11-01\n", FULL)
        .release(
            "later",
            "date = 2025-11-08\nembargo = 2025-11-08T09:00:00+05:00\n",
            FULL,
        );
    let workspace = ws.workspace();

    let before = render(&workspace, &options("2025-11-08T03:59:59Z"));
    assert!(!before.files.contains_key("en/later.html"));
    assert!(!text(&before, "en/index.html").contains("later.html"));
    assert!(!text(&before, "en/feed.xml").contains("later"));
    assert!(!text(&before, "sitemap.xml").contains("later"));

    let after = render(&workspace, &options("2025-11-08T04:00:00Z"));
    let page = text(&after, "en/later.html");
    assert!(page.contains("EMBARGOED UNTIL November 8, 2025"), "{page}");
    assert!(!page.contains("Preview: under embargo."));
    let index = text(&after, "en/index.html");
    assert!(
        index.find("later.html") < index.find("open.html"),
        "newest first"
    );
    assert!(text(&after, "en/feed.xml").contains("later"));

    let mut preview = options("2025-11-08T03:59:59Z");
    preview.include_embargoed = true;
    let site = render(&workspace, &preview);
    let page = text(&site, "en/later.html");
    assert!(page.contains("Preview: under embargo."));
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(
        !text(&site, "en/feed.xml").contains("later"),
        "previews stay out of feeds"
    );
    assert!(
        !text(&site, "sitemap.xml").contains("later"),
        "and out of the sitemap"
    );
}

#[test]
fn release_and_locale_filters() {
    let ws = WorkspaceBuilder::new()
        .release("a", "date = 2025-11-01\nnumber = \"112/25\"\n", FULL)
        .release("b", "date = 2025-11-02\n", FULL);
    let mut options = options("2025-11-10T00:00:00Z");
    options.releases = vec![slug("a")];
    options.locales = vec![locale("en"), locale("tr")];
    let site = render(&ws.workspace(), &options);
    let pages: Vec<&str> = site
        .files
        .keys()
        .map(String::as_str)
        .filter(|p| p.ends_with("a.html") || p.ends_with("b.html"))
        .collect();
    assert_eq!(pages, ["en/a.html", "tr/a.html"]);
    assert!(text(&site, "en/a.txt").contains("Release No. 112/25"));
    let mut unknown = crate::builder::options("2025-11-10T00:00:00Z");
    unknown.releases = vec![slug("nope")];
    assert!(beyan_render::plan(&ws.workspace(), &unknown).is_err());
}

/// Regression: a render restricted to locales other than the reference failed with
/// "no messages for locale `en`": the language chooser, the sitemap and the style sheet were
/// rendered in the reference, whose messages such a render never loads.
#[test]
fn a_render_without_the_reference_is_a_whole_site_of_its_locales() {
    let ws = WorkspaceBuilder::new()
        .release("a", "date = 2025-11-01\n", FULL)
        .release("b", "date = 2025-11-02\n", FULL);
    let workspace = ws.workspace();
    let cases: [(&[&str], &[&str], &str); 4] = [
        (&["az"], &[], "ltr"),
        (&["tr", "az"], &[], "ltr"),
        (&["ur"], &["a"], "rtl"),
        (&["en"], &[], "ltr"),
    ];
    for (codes, releases, dir) in cases {
        let mut options = options("2025-11-10T00:00:00Z");
        options.locales = codes.iter().map(|c| locale(c)).collect();
        options.releases = releases.iter().map(|s| slug(s)).collect();
        let site = render(&workspace, &options);
        // Configuration order: az before tr whatever the order asked.
        let first = if codes.contains(&"az") {
            "az"
        } else {
            codes[0]
        };
        let published: Vec<&str> = site.locales.iter().map(|l| l.as_str()).collect();
        assert_eq!(published.len(), codes.len(), "{codes:?}");
        assert_eq!(published[0], first, "{codes:?}");
        for code in codes {
            for page in ["a.html", "a.txt", "a.md", "index.html", "feed.xml"] {
                assert!(
                    site.files.contains_key(&format!("{code}/{page}")),
                    "{code}/{page}"
                );
            }
            assert_eq!(
                site.files.contains_key(&format!("{code}/b.html")),
                releases.is_empty()
            );
        }
        // The chooser is in the first published locale and lists only the published ones.
        let chooser = text(&site, "index.html");
        assert!(
            chooser.contains(&format!("<html lang=\"{first}\" dir=\"{dir}\">")),
            "{codes:?}: {chooser}"
        );
        assert!(chooser.contains(&format!(
            "<a href=\"{first}/index.html\"><span>Embassy</span></a>"
        )));
        let sitemap = text(&site, "sitemap.xml");
        assert!(sitemap.contains(&format!(
            "hreflang=\"x-default\" href=\"https://press.example/{first}/a.html\""
        )));
        // Nothing links to a locale the render does not publish.
        for (path, bytes) in &site.files {
            let Ok(page) = std::str::from_utf8(bytes) else {
                continue;
            };
            for other in ["en", "az", "tr", "ur"]
                .iter()
                .filter(|c| !codes.contains(c))
            {
                assert!(
                    !page.contains(&format!("{other}/index.html"))
                        && !page.contains(&format!("hreflang=\"{other}\"")),
                    "{codes:?}: {path} links to {other}"
                );
            }
        }
    }
}
