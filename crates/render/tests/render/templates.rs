//! Workspace templates override the built-ins; their errors name file, line and message.

use beyan_render::RenderError;

use crate::builder::{WorkspaceBuilder, options, plan, render, text};

const FULL: &str = "headline = H\ndateline-city = C\nparagraph-01 = One.\n";

#[test]
fn a_workspace_template_overrides_the_built_in() {
    let ws = WorkspaceBuilder::new()
        .release("a", "date = 2025-11-01\n", FULL)
        .file("templates/release.txt", "{{ t(id=\"headline\") }} / {{ t(id=\"dateline-city\") | upper }} / {{ release.date | date(style=\"full\") }}\n");
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    assert_eq!(
        text(&site, "en/a.txt"),
        "H / C / Saturday, November 1, 2025\n"
    );
    assert_eq!(text(&site, "tr/a.txt"), "H / C / 1 Kasım 2025 Cumartesi\n");
    assert!(
        text(&site, "en/a.html").contains("<h1 id=\"headline\">H</h1>"),
        "other built-ins stay"
    );
}

fn template_error(template: &str) -> beyan_render::TemplateError {
    let ws = WorkspaceBuilder::new()
        .release("a", "date = 2025-11-01\n", FULL)
        .file("templates/release.html", template);
    let workspace = ws.workspace();
    let options = options("2025-11-10T00:00:00Z");
    let plan = plan(&workspace, &options);
    match beyan_render::render(&workspace, &plan, &mut |_| {}) {
        Err(RenderError::Template(e)) => e,
        other => panic!("expected a template error, got {other:?}"),
    }
}

#[test]
fn a_syntax_error_names_file_and_line() {
    let e = template_error("<p>\n{% if %}\n");
    assert_eq!(e.file, "templates/release.html");
    assert_eq!(e.line, Some(2));
    assert!(!e.message.is_empty());
}

#[test]
fn an_unknown_message_is_a_template_error_not_text() {
    let e = template_error("<p>\n\n{{ t(id=\"no-such-message\") }}\n");
    assert_eq!(e.file, "templates/release.html");
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("no-such-message"), "{}", e.message);
}

#[test]
fn workspace_assets_and_colours_reach_every_page() {
    let config = crate::builder::CONFIG.replace(
        "[site]\n",
        "[site]\naccent-color = \"#7a1f1f\"\nband-color = \"#102a43\"\n",
    );
    let ws = WorkspaceBuilder::new()
        .file("beyan.toml", &config)
        .file(
            "assets/emblem.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file(
            "assets/favicon.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file("assets/share.png", "not really a png")
        .file("assets/press/kit.pdf", "%PDF")
        .release("r", "date = 2025-11-08\n", FULL);
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    for path in [
        "assets/emblem.svg",
        "assets/favicon.svg",
        "assets/share.png",
        "assets/press/kit.pdf",
    ] {
        assert!(site.files.contains_key(path), "{path}");
    }
    let html = text(&site, "en/r.html");
    assert!(html.contains("<img class=\"emblem\" src=\"../assets/emblem.svg\" alt=\"\""));
    assert!(html.contains("<link rel=\"icon\" href=\"../assets/favicon.svg\">"));
    assert!(html.contains(
        "<meta property=\"og:image\" content=\"https://press.example/assets/share.png\">"
    ));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(html.contains("--accent: #7a1f1f;") && html.contains("--band: #102a43;"));
    // The site's contact name comes from TOML when the locale has no `contact-name`.
    assert!(html.contains("<span class=\"contact-name\">Press Office</span>"));
    let index = text(&site, "en/index.html");
    assert!(index.contains("<img class=\"emblem\""));
}

#[test]
fn a_person_named_in_the_release_stays_the_contact_in_every_language() {
    let ws = WorkspaceBuilder::new()
        .file(
            "locales/tr/common.ftl",
            &format!(
                "{}contact-name = Basın Bürosu\n",
                crate::builder::COMMON_EN.replace("= English", "= Türkçe")
            ),
        )
        .release(
            "r",
            "date = 2025-11-08\n[contact]\nname = \"Aysel Mammadova\"\n",
            FULL,
        )
        .release("s", "date = 2025-11-09\n", FULL);
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    assert!(text(&site, "tr/r.txt").contains("Aysel Mammadova\n"));
    // Without a person, the press office's name in the page's language.
    assert!(text(&site, "tr/s.txt").contains("Basın Bürosu\n"));
    assert!(text(&site, "tr/s.html").contains("<span class=\"contact-name\">Basın Bürosu</span>"));
}
