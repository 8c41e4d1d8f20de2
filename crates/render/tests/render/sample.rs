//! Snapshots of every output of the repository's own sample release, in every locale.

use std::path::Path;

use beyan_content::Workspace;

use crate::builder::{SLUG, options, render, text};

fn sample() -> beyan_render::Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let workspace = Workspace::load(&root).expect("the sample workspace loads");
    render(&workspace, &options("2025-11-10T00:00:00Z"))
}

#[test]
fn every_output_of_every_locale() {
    let site = sample();
    for locale in ["en", "az", "tr", "ur"] {
        for format in ["html", "txt", "md", "json"] {
            let path = format!("{locale}/{SLUG}.{format}");
            insta::assert_snapshot!(format!("release-{locale}-{format}"), text(&site, &path));
        }
        insta::assert_snapshot!(
            format!("index-{locale}"),
            text(&site, &format!("{locale}/index.html"))
        );
        insta::assert_snapshot!(
            format!("feed-{locale}"),
            text(&site, &format!("{locale}/feed.xml"))
        );
        insta::assert_snapshot!(
            format!("json-feed-{locale}"),
            text(&site, &format!("{locale}/feed.json"))
        );
    }
    insta::assert_snapshot!("languages", text(&site, "index.html"));
    insta::assert_snapshot!("sitemap", text(&site, "sitemap.xml"));
    assert!(site.files.contains_key("assets/style.css"));
    // The Nastaliq face as WOFF2 (its signature), subset: well under the 570 KB TrueType.
    let font = &site.files["assets/fonts/NotoNastaliqUrdu-Regular.subset.woff2"];
    assert!(font.starts_with(b"wOF2"));
    assert!((50_000..200_000).contains(&font.len()), "{}", font.len());
    assert!(text(&site, "assets/fonts/OFL.txt").contains("SIL OPEN FONT LICENSE"));
}

#[test]
fn pages_carry_lang_and_dir() {
    let site = sample();
    for (locale, dir) in [("en", "ltr"), ("az", "ltr"), ("tr", "ltr"), ("ur", "rtl")] {
        let html = text(&site, &format!("{locale}/{SLUG}.html"));
        assert!(
            html.contains(&format!("<html lang=\"{locale}\" dir=\"{dir}\">")),
            "{locale}"
        );
        let index = text(&site, &format!("{locale}/index.html"));
        assert!(
            index.contains(&format!("<html lang=\"{locale}\" dir=\"{dir}\">")),
            "{locale}"
        );
    }
}
