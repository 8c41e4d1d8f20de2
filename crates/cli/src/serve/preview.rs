//! The preview site of `beyan serve`: every release in every locale, never a publication.
//!
//! Incomplete locales are shown anyway: a copy of the workspace's sources, in a temporary
//! folder, gets each missing message as the reference text between two markers, and the site
//! is rendered from that copy with the embargoed releases included. The markers become a
//! visible "missing" mark; each page gets a panel with its diagnostics from `check` on the real
//! workspace. Nothing here writes inside the workspace.

use std::collections::BTreeMap;
use std::path::Path;

use beyan_content::{Locale, Workspace};
use beyan_l10n::{Diagnostic, Lockfile, Severity, TodoState, check_catalogs, load_catalogs};
use beyan_render::{Incomplete, RenderError, RenderOptions};

/// Marks the start and end of a reference text standing in for a missing translation (private
/// use characters: no `.ftl` text or template output has them otherwise).
const MISSING_START: char = '\u{E000}';
const MISSING_END: char = '\u{E001}';

/// The sources a render reads; the copy holds only these.
const SOURCES: [&str; 7] = [
    "beyan.toml",
    "beyan.lock",
    "glossary.toml",
    "releases",
    "locales",
    "templates",
    "assets",
];

/// One rendering of the workspace.
#[derive(Debug, Default)]
pub struct Preview {
    /// Path (relative, with `/`) → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Why nothing could be rendered (configuration or template error), as text.
    pub error: Option<String>,
    /// Pairs that could not be rendered even with the reference text filled in.
    pub incomplete: Vec<Incomplete>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Preview {
    /// The diagnostics that concern a page of `locale` (its release file, when `slug` is
    /// given, and the locale's shared files).
    pub fn diagnostics_for(&self, locale: &str, slug: Option<&str>) -> Vec<&Diagnostic> {
        let release_file = slug.map(|s| format!("locales/{locale}/releases/{s}.ftl"));
        self.diagnostics
            .iter()
            .filter(|d| d.locale.as_str() == locale)
            .filter(|d| {
                let shared = !d.file.starts_with(&format!("locales/{locale}/releases/"));
                shared || release_file.as_deref() == Some(d.file.as_str())
            })
            .collect()
    }
}

/// Renders the preview of the workspace at `root`.
pub fn build(root: &Path) -> Preview {
    let mut preview = Preview::default();
    let workspace = match Workspace::load(root) {
        Ok(workspace) => workspace,
        Err(errors) => {
            preview.error = Some(format!("beyan.toml or a release is not valid:\n{errors}"));
            return preview;
        }
    };
    let lock = match Lockfile::load(root) {
        Ok(lock) => lock,
        Err(e) => {
            preview.error = Some(e.to_string());
            return preview;
        }
    };
    let locales: Vec<Locale> = workspace.config.locales.targets().cloned().collect();
    let catalogs = load_catalogs(root, &workspace.config.locales.selected(&locales));
    let report = check_catalogs(&workspace, &catalogs, lock.as_ref(), &[]);
    preview.diagnostics = report.diagnostics.clone();

    let copy = match filled_copy(&workspace, &locales, lock.as_ref()) {
        Ok(copy) => copy,
        Err(e) => {
            preview.error = Some(format!("cannot prepare the preview: {e}"));
            return preview;
        }
    };
    let rendered = Workspace::load(copy.path())
        .map_err(|e| e.to_string())
        .and_then(|copied| {
            let options = RenderOptions {
                releases: Vec::new(),
                locales: Vec::new(),
                now: jiff::Timestamp::now(),
                include_embargoed: true,
                skip_incomplete: true,
                extra_locales: Vec::new(),
            };
            let plan = beyan_render::plan(&copied, &options).map_err(|e| e.to_string())?;
            let site = beyan_render::render(&copied, &plan, &mut |_| {}).map_err(|e| match e {
                RenderError::Template(t) => {
                    let mut text = format!("template {t}");
                    if let Some(report) = &t.report {
                        text.push('\n');
                        text.push_str(report);
                    }
                    text
                }
                other => other.to_string(),
            })?;
            Ok((plan.incomplete, site, copied.config.site.base_url))
        });
    match rendered {
        Ok((incomplete, site, base_url)) => {
            preview.incomplete = incomplete;
            preview.files = site
                .files
                .into_iter()
                .map(|(path, bytes)| {
                    let bytes = local_links(&path, mark_missing(&path, bytes), base_url.as_deref());
                    (path, bytes)
                })
                .collect();
        }
        Err(e) => preview.error = Some(e),
    }
    preview
}

/// A copy of the workspace's sources with every missing message of every target locale
/// filled with the reference text between the markers.
fn filled_copy(
    workspace: &Workspace,
    locales: &[Locale],
    lock: Option<&Lockfile>,
) -> std::io::Result<tempfile::TempDir> {
    let copy = tempfile::Builder::new().prefix("beyan-serve-").tempdir()?;
    // Read through the workspace's gate: a link out of the workspace is never followed
    // (`check`, in the panel, names it).
    let gate = &workspace.reader;
    for name in SOURCES {
        let from = workspace.root.join(name);
        if gate.is_dir(&from) {
            for (rel, path) in gate.list(&from, true, &|_| true).files {
                if let Ok(Some(bytes)) = gate.read(&path) {
                    let to = copy.path().join(name).join(&rel);
                    if let Some(parent) = to.parent() {
                        std::fs::create_dir_all(parent)?;
                    }
                    std::fs::write(to, bytes)?;
                }
            }
        } else if let Ok(Some(bytes)) = gate.read(&from) {
            std::fs::write(copy.path().join(name), bytes)?;
        }
    }
    for locale in locales {
        let todo = beyan_l10n::load_todo(workspace, locale, lock);
        for file in &todo.files {
            let mut added = String::new();
            for item in file.items.iter().filter(|i| i.state == TodoState::Missing) {
                added.push('\n');
                added.push_str(&filled_message(&item.id, &item.reference_body));
            }
            if added.is_empty() {
                continue;
            }
            let path = copy.path().join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let mut text = std::fs::read_to_string(&path).unwrap_or_default();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&added);
            std::fs::write(&path, text)?;
        }
    }
    Ok(copy)
}

/// `id = ⟨reference⟩` with the markers around the value (attributes are copied as they are).
fn filled_message(id: &str, body: &str) -> String {
    if body.starts_with('.') {
        return format!("{id} =\n    {body}\n");
    }
    // The value ends where the first attribute line begins.
    let (value, attributes) = match body.find("\n    .").or_else(|| body.find("\n  .")) {
        Some(at) => body.split_at(at),
        None => (body, ""),
    };
    format!("{id} = {MISSING_START}{value}{MISSING_END}{attributes}\n")
}

/// Replaces the markers: a `<mark>` in HTML, brackets in every other format.
fn mark_missing(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        // Fonts and images: no markers.
        Err(e) => return e.into_bytes(),
    };
    if !text.contains(MISSING_START) {
        return text.into_bytes();
    }
    let (start, end) = if path.ends_with(".html") {
        (
            "<mark class=\"beyan-missing\" title=\"missing translation: the reference text is shown\">",
            "</mark>",
        )
    } else {
        ("[missing: ", "]")
    };
    text.replace(MISSING_START, start)
        .replace(MISSING_END, end)
        .into_bytes()
}

/// Links of an HTML page to the published site (`base-url`) lead into the preview instead.
fn local_links(path: &str, bytes: Vec<u8>, base_url: Option<&str>) -> Vec<u8> {
    let Some(base) = base_url else {
        return bytes;
    };
    if !path.ends_with(".html") {
        return bytes;
    }
    match String::from_utf8(bytes) {
        Ok(text) => text
            .replace(&format!("href=\"{base}/"), "href=\"/")
            .replace(&format!("src=\"{base}/"), "src=\"/")
            .into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

/// The panel and the reload script added to an HTML page of the preview.
pub fn overlay(preview: &Preview, path: &str) -> String {
    let mut parts = path.split('/');
    let locale = parts.next().unwrap_or("");
    let slug = parts
        .next()
        .and_then(|name| name.strip_suffix(".html"))
        .filter(|name| *name != "index");
    let diagnostics = preview.diagnostics_for(locale, slug);
    let mut out = String::from(
        "<aside id=\"beyan-preview\" style=\"position:fixed;bottom:0;inset-inline:0;max-height:40vh;overflow:auto;background:#fffbe6;color:#222;border-top:2px solid #d4a000;font:14px/1.4 system-ui,sans-serif;padding:.5em 1em;z-index:9999\" dir=\"ltr\">",
    );
    out.push_str(&format!(
        "<strong>beyan preview</strong> — {} diagnostic{} for this page",
        diagnostics.len(),
        if diagnostics.len() == 1 { "" } else { "s" }
    ));
    if !diagnostics.is_empty() {
        out.push_str("<ul>");
        for d in diagnostics {
            let at = match (d.line, d.column) {
                (Some(line), Some(column)) => format!("{}:{line}:{column}", d.file),
                _ => d.file.to_string(),
            };
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "<li><code>{}</code> {severity} <code>{}</code>: {}</li>",
                beyan_render::escape_html(&at),
                d.code.as_str(),
                beyan_render::escape_html(&d.message)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</aside>");
    out.push_str(RELOAD_SCRIPT);
    out
}

/// Reloads the page when the server says the site changed.
pub const RELOAD_SCRIPT: &str = "<script>new EventSource(\"/_beyan/events\").addEventListener(\"reload\",function(){location.reload()});</script>";

/// A whole page for a problem: the error text, escaped, and the reload script.
pub fn error_page(title: &str, text: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font:15px/1.5 system-ui,sans-serif;margin:2em\"><h1>{}</h1><pre style=\"white-space:pre-wrap;background:#fee;padding:1em;border:1px solid #c00\">{}</pre><p>Fix the file and save: this page reloads by itself.</p>{RELOAD_SCRIPT}</body></html>",
        beyan_render::escape_html(title),
        beyan_render::escape_html(title),
        beyan_render::escape_html(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_messages_parse_and_keep_attributes() {
        assert_eq!(
            filled_message("a", "Text\n    .title = T"),
            "a = \u{E000}Text\u{E001}\n    .title = T\n"
        );
        assert_eq!(filled_message("b", ".title = T"), "b =\n    .title = T\n");
    }

    #[test]
    fn markers_become_a_mark_in_html_only() {
        let html = mark_missing("az/x.html", "<p>\u{E000}Hi\u{E001}</p>".into());
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<p><mark class=\"beyan-missing\" title=\"missing translation: the reference text is shown\">Hi</mark></p>"
        );
        let text = mark_missing("az/x.txt", "\u{E000}Hi\u{E001}".into());
        assert_eq!(String::from_utf8(text).unwrap(), "[missing: Hi]");
    }
}
