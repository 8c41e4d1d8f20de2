//! Dates, capitals and direction as a native reader expects them.

use crate::builder::{WorkspaceBuilder, options, render, text};

const RELEASE: &str = "date = 2025-11-08\n";

fn city_release(city: &str) -> String {
    format!("headline = Headline\ndateline-city = {city}\nparagraph-01 = Text.\n")
}

#[test]
fn localized_dates_in_every_format() {
    let ws = WorkspaceBuilder::new().release("r", RELEASE, &city_release("Bakı"));
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    let expected = [
        ("en", "November 8, 2025"),
        ("az", "8 noyabr 2025"),
        ("tr", "8 Kasım 2025"),
        ("ur", "8 نومبر، 2025"),
    ];
    for (locale, date) in expected {
        for format in ["html", "txt", "md"] {
            let page = text(&site, &format!("{locale}/r.{format}"));
            assert!(
                page.contains(date),
                "{locale}/r.{format} lacks {date}:\n{page}"
            );
        }
    }
}

#[test]
fn turkic_capitals_keep_the_dot() {
    let ws = WorkspaceBuilder::new()
        .release("izmir", RELEASE, &city_release("İzmir"))
        .release("shirvan", RELEASE, &city_release("Şirvan"))
        .release("islamabad", RELEASE, &city_release("Islamabad"));
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    for locale in ["tr", "az"] {
        for format in ["html", "txt", "md"] {
            assert!(text(&site, &format!("{locale}/izmir.{format}")).contains("İZMİR"));
            assert!(text(&site, &format!("{locale}/shirvan.{format}")).contains("ŞİRVAN"));
        }
    }
    assert!(text(&site, "en/islamabad.html").contains(">ISLAMABAD<"));
    // Turkish rules upper-case a dotless `I` word as written; English never adds a dot.
    assert!(!text(&site, "en/izmir.txt").contains("İİ"));
}

#[test]
fn urdu_is_right_to_left_with_isolated_placeables_and_the_font() {
    let common_ur = crate::builder::COMMON_EN
        .replace("= English", "= اردو")
        .replace(
            "release-date = { DATETIME($date, dateStyle: \"long\") }",
            "release-date = تاریخ { DATETIME($date, dateStyle: \"long\") }",
        );
    let ws = WorkspaceBuilder::new()
        .release("r", RELEASE, &city_release("Islamabad"))
        .file("locales/ur/common.ftl", &common_ur)
        .file(
            "locales/ur/releases/r.ftl",
            "headline = سرخی\ndateline-city = اسلام آباد\nparagraph-01 = متن\n",
        );
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    let html = text(&site, "ur/r.html");
    assert!(html.contains("<html lang=\"ur\" dir=\"rtl\">"));
    assert!(html.contains("تاریخ <bdi>8 نومبر، 2025</bdi>"), "{html}");
    assert!(
        !html.contains('\u{2068}'),
        "HTML uses <bdi>, not raw isolates"
    );
    assert!(text(&site, "ur/r.txt").contains("تاریخ \u{2068}8 نومبر، 2025\u{2069}"));
    let css = text(&site, "assets/style.css");
    assert!(css.contains("Noto Nastaliq Urdu") && css.contains("font-size: 1.2em"));
    assert!(css.contains("format(\"woff2\")") && css.contains("unicode-range: U+0600-06FF"));
    assert!(css.contains("font-synthesis: none"));
    // Left-to-right facts in right-to-left plain text keep their order: a right-to-left mark,
    // then the fact isolated left-to-right.
    let txt = text(&site, "ur/r.txt");
    assert!(
        txt.contains("\u{200F}\u{2066}press@example.org\u{2069}"),
        "{txt}"
    );
    assert!(text(&site, "en/r.txt").contains("E-mail: press@example.org\n"));
    for locale in ["en", "az", "tr"] {
        for format in ["html", "txt", "md"] {
            let page = text(&site, &format!("{locale}/r.{format}"));
            assert!(
                !page.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
                "{locale}/r.{format} has isolation marks"
            );
        }
    }
}
