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
