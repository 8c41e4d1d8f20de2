//! The preview site of `beyan serve`: every release in every locale, never a publication.
//!
//! Incomplete locales are shown anyway: a copy of the workspace's sources, in a temporary
//! folder, gets each missing message as the reference text between two markers, and the site
//! is rendered from that copy with the embargoed releases included. The markers become a
//! visible "missing" mark; each page gets a panel with its diagnostics from `check` on the real
//! workspace. Nothing here writes inside the workspace.
//!
//! A [`Session`] keeps the last build's catalogs and its [`LiveSite`]: a save re-reads and
//! re-checks only the saved files (in the scope a bundle holds), fills them again, and has the
//! live site render what they affect; the next preview shares every other page with the last.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use beyan_content::{Locale, Workspace};
use beyan_l10n::{
    Catalog, Diagnostic, FileScope, FtlFile, Lockfile, Severity, TodoState, check_catalogs,
    load_catalogs,
};
use beyan_render::{Incomplete, LiveSite, PageSink, RenderError, RenderOptions, Update};

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
#[derive(Debug, Default, Clone)]
pub struct Preview {
    /// Path (relative, with `/`) → bytes; shared, so that the next preview after a save copies
    /// only the pages it renders again.
    pub files: BTreeMap<String, Arc<[u8]>>,
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

/// What the last full build knew, kept to bring the preview up to date after a save of a
/// release's `.ftl` or a translation's shared `.ftl` without reading, checking and rendering
/// everything again.
pub struct Session {
    /// The real workspace, its lock and its catalogs (the reference first), as `check` reads
    /// them.
    workspace: Workspace,
    lock: Option<Lockfile>,
    catalogs: Vec<Catalog>,
    /// The render of the filled copy.
    live: LiveSite,
    base_url: Option<String>,
    /// The filled copy the live site was loaded from.
    _copy: tempfile::TempDir,
}

/// Collects re-rendered pages, marked for the preview.
#[derive(Default)]
struct PreviewPages {
    base_url: Option<String>,
    files: Mutex<Vec<(String, Arc<[u8]>)>>,
}

impl PageSink for PreviewPages {
    fn page(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let bytes = local_links(
            path,
            mark_missing(path, bytes.to_vec()),
            self.base_url.as_deref(),
        );
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_owned(), bytes.into()));
        Ok(())
    }
}

impl PreviewPages {
    fn into_files(self) -> Vec<(String, Arc<[u8]>)> {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Renders the preview of the workspace at `root`, and the session that can update it.
pub fn build(root: &Path) -> (Preview, Option<Session>) {
    let mut preview = Preview::default();
    let workspace = match Workspace::load(root) {
        Ok(workspace) => workspace,
        Err(errors) => {
            preview.error = Some(format!("beyan.toml or a release is not valid:\n{errors}"));
            return (preview, None);
        }
    };
    let lock = match Lockfile::load(root) {
        Ok(lock) => lock,
        Err(e) => {
            preview.error = Some(e.to_string());
            return (preview, None);
        }
    };
    let locales: Vec<Locale> = workspace.config.locales.targets().cloned().collect();
    let catalogs = load_catalogs(root, &workspace.config.locales.selected(&locales));
    let report = check_catalogs(&workspace, &catalogs, lock.as_ref(), &[]);
    preview.diagnostics = report.diagnostics;

    let copy = match filled_copy(&workspace, &locales, lock.as_ref()) {
        Ok(copy) => copy,
        Err(e) => {
            preview.error = Some(format!("cannot prepare the preview: {e}"));
            return (preview, None);
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
            let base_url = copied.config.site.base_url.clone();
            let live = LiveSite::new(copied, plan).map_err(|e| render_error(&e))?;
            let pages = PreviewPages {
                base_url: base_url.clone(),
                ..PreviewPages::default()
            };
            live.render_all(&pages).map_err(|e| render_error(&e))?;
            Ok((live, pages.into_files(), base_url))
        });
    match rendered {
        Ok((live, files, base_url)) => {
            preview.incomplete = live.plan().incomplete.clone();
            preview.files = files.into_iter().collect();
            let session = Session {
                workspace,
                lock,
                catalogs,
                live,
                base_url,
                _copy: copy,
            };
            (preview, Some(session))
        }
        Err(e) => {
            preview.error = Some(e);
            (preview, None)
        }
    }
}

fn render_error(error: &RenderError) -> String {
    match error {
        RenderError::Template(t) => {
            let mut text = format!("template {t}");
            if let Some(report) = &t.report {
                text.push('\n');
                text.push_str(report);
            }
            text
        }
        other => other.to_string(),
    }
}

impl Session {
    /// The preview after the files `changed` (workspace-relative) were saved, built from
    /// `current` by checking and rendering again only what they affect; `None` when that is
    /// not possible (anything but release `.ftl` files changed, a version became publishable
    /// or stopped being so): then build the whole preview again.
    pub fn update(&mut self, current: &Preview, changed: &[String]) -> Option<Preview> {
        if current.error.is_some() {
            return None;
        }
        if changed.iter().all(|rel| release_file(rel).is_some()) {
            return self.update_releases(current, changed);
        }
        // The shared files of one translation (its `common.ftl`…): that locale's pages.
        let mut locale = None;
        let mut shared = Vec::new();
        for rel in changed {
            let (code, file) = rel.strip_prefix("locales/")?.split_once('/')?;
            let scoped = file.ends_with(".ftl") && FileScope::of(file) == FileScope::Shared;
            if !scoped || locale.is_some_and(|l| l != code) {
                return None;
            }
            locale = Some(code);
            shared.push(file.to_owned());
        }
        let config = &self.workspace.config.locales;
        let locale = config
            .targets()
            .find(|l| Some(l.as_str()) == locale)?
            .clone();
        self.update_shared(current, &locale, &shared)
    }

    /// [`Session::update`] for the shared files `rels` (locale-relative) of a translation.
    fn update_shared(
        &mut self,
        current: &Preview,
        locale: &Locale,
        rels: &[String],
    ) -> Option<Preview> {
        let index = self.catalogs.iter().position(|c| &c.locale == locale)?;
        for rel in rels {
            // Only files the last build knew: a new or deleted file changes what is listed.
            self.catalogs[index].file(rel)?;
            let path = self.workspace.root.join(format!("locales/{locale}/{rel}"));
            let bytes = self.workspace.reader.read(&path).ok()??;
            let file = FtlFile::parse_owned(locale, rel.clone(), bytes);
            let catalog = &mut self.catalogs[index];
            let i = catalog
                .files
                .binary_search_by(|f| f.rel.as_str().cmp(&file.rel))
                .ok()?;
            catalog.files[i] = file;
        }
        let pair = [self.catalogs[0].clone(), self.catalogs[index].clone()];
        let report = check_catalogs(&self.workspace, &pair, self.lock.as_ref(), &[]);
        let mut next = current.clone();
        next.diagnostics
            .retain(|d| d.locale.as_str() != locale.as_str());
        next.diagnostics.extend(
            report
                .diagnostics
                .into_iter()
                .filter(|d| d.locale.as_str() == locale.as_str()),
        );
        sort_diagnostics(&mut next.diagnostics);
        let mut copies = Vec::new();
        for rel in rels {
            let bytes = self.filled_bytes(&pair[0], &pair[1], rel)?;
            copies.push(FtlFile::parse_owned(locale, rel.clone(), bytes));
        }
        self.apply(next, |live, pages| {
            live.update_shared_files(locale, copies, pages)
        })
    }

    /// [`Session::update`] for release files.
    fn update_releases(&mut self, current: &Preview, changed: &[String]) -> Option<Preview> {
        let config = &self.workspace.config.locales;
        let reference = config.reference.clone();
        // (locale, slug) of each saved release file.
        let mut saved: Vec<(Locale, String)> = Vec::new();
        for rel in changed {
            let (locale, slug) = release_file(rel)?;
            let locale = config.all().find(|l| l.as_str() == locale)?.clone();
            self.workspace.release(slug)?;
            saved.push((locale, slug.to_owned()));
        }
        saved.sort();
        saved.dedup();
        for (locale, slug) in &saved {
            let rel = format!("releases/{slug}.ftl");
            let path = self.workspace.root.join(format!("locales/{locale}/{rel}"));
            // A deleted file, or one the gate refuses: the full build says why.
            let bytes = self.workspace.reader.read(&path).ok()??;
            let file = FtlFile::parse_owned(locale, rel, bytes);
            let catalog = self.catalogs.iter_mut().find(|c| &c.locale == locale)?;
            match catalog
                .files
                .binary_search_by(|f| f.rel.as_str().cmp(&file.rel))
            {
                Ok(i) => catalog.files[i] = file,
                Err(i) => catalog.files.insert(i, file),
            }
        }
        let mut slugs: Vec<&str> = saved.iter().map(|(_, s)| s.as_str()).collect();
        slugs.dedup();

        let mut next = current.clone();
        let mut copies = Vec::new();
        for slug in &slugs {
            let files: Vec<String> = self
                .catalogs
                .iter()
                .map(|c| format!("locales/{}/releases/{slug}.ftl", c.locale))
                .collect();
            next.diagnostics.retain(|d| !files.contains(&d.file));
            let scoped = scoped_catalogs(&self.catalogs, slug);
            let report = check_catalogs(&self.workspace, &scoped, self.lock.as_ref(), &[]);
            next.diagnostics.extend(
                report
                    .diagnostics
                    .into_iter()
                    .filter(|d| files.contains(&d.file)),
            );
            // The copy's files: the reference's as saved, each translation's filled again
            // (a reference file changes what every translation lacks).
            let reference_saved = saved.iter().any(|(l, s)| *l == reference && s == slug);
            for catalog in &scoped {
                let saved_here = saved.iter().any(|(l, s)| *l == catalog.locale && s == slug);
                if !(saved_here || reference_saved) {
                    continue;
                }
                let rel = format!("releases/{slug}.ftl");
                let bytes = if catalog.locale == reference {
                    self.real_bytes(&catalog.locale, &rel)?
                } else {
                    self.filled_bytes(&scoped[0], catalog, &rel)?
                };
                copies.push((
                    catalog.locale.clone(),
                    FtlFile::parse_owned(&catalog.locale, rel, bytes),
                ));
            }
        }
        sort_diagnostics(&mut next.diagnostics);

        self.apply(next, |live, pages| live.update_release_files(copies, pages))
    }

    /// Renders an update of the live site into `next` (the pages it wrote replace theirs);
    /// `None` when the update asks for a whole build instead, or fails.
    fn apply(
        &mut self,
        mut next: Preview,
        update: impl FnOnce(&mut LiveSite, &PreviewPages) -> Result<Update, RenderError>,
    ) -> Option<Preview> {
        let pages = PreviewPages {
            base_url: self.base_url.clone(),
            ..PreviewPages::default()
        };
        match update(&mut self.live, &pages) {
            Ok(Update::Rendered { .. }) => {}
            Ok(Update::Replan) | Err(_) => return None,
        }
        for (path, bytes) in pages.into_files() {
            next.files.insert(path, bytes);
        }
        next.incomplete = self.live.plan().incomplete.clone();
        Some(next)
    }

    /// The bytes of a workspace file, as saved (`None` when it cannot be read).
    fn real_bytes(&self, locale: &Locale, rel: &str) -> Option<Vec<u8>> {
        let path = self.workspace.root.join(format!("locales/{locale}/{rel}"));
        match self.workspace.reader.read(&path) {
            Ok(Some(bytes)) => Some(bytes),
            Ok(None) => Some(Vec::new()),
            Err(_) => None,
        }
    }

    /// A translation's file `rel` as the filled copy has it: as saved, with each missing
    /// message added as the marked reference text (what [`filled_copy`] writes).
    fn filled_bytes(&self, reference: &Catalog, target: &Catalog, rel: &str) -> Option<Vec<u8>> {
        let exists = target.file(rel).is_some();
        let bytes = if exists {
            self.real_bytes(&target.locale, rel)?
        } else {
            Vec::new()
        };
        let only = |catalog: &Catalog| Catalog {
            locale: catalog.locale.clone(),
            files: catalog.file(rel).cloned().into_iter().collect(),
            exists: catalog.exists,
            set_aside: beyan_l10n::SetAside::default(),
        };
        let todo = beyan_l10n::todo(&only(reference), &only(target), self.lock.as_ref());
        let added = filled_messages(todo.files.iter().flat_map(|f| &f.items));
        if added.is_empty() {
            return Some(bytes);
        }
        let mut text = String::from_utf8(bytes).unwrap_or_default();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&added);
        Some(text.into_bytes())
    }
}

/// In the order `check` reports them: locale, file, line, column.
fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.locale.as_str(), a.file.as_str(), a.line, a.column).cmp(&(
            b.locale.as_str(),
            b.file.as_str(),
            b.line,
            b.column,
        ))
    });
}

/// `locales/<locale>/releases/<slug>.ftl` → (locale, slug).
fn release_file(rel: &str) -> Option<(&str, &str)> {
    let rest = rel.strip_prefix("locales/")?;
    let (locale, rest) = rest.split_once('/')?;
    Some((locale, FileScope::release_of(rest)?))
}

/// Each catalog with only the files a bundle of release `slug` holds.
fn scoped_catalogs(catalogs: &[Catalog], slug: &str) -> Vec<Catalog> {
    catalogs
        .iter()
        .map(|catalog| catalog.scoped_to_release(slug))
        .collect()
}

/// The missing messages of to-do items, filled with the marked reference text.
fn filled_messages<'a>(items: impl Iterator<Item = &'a beyan_l10n::TodoItem>) -> String {
    let mut added = String::new();
    for item in items.filter(|i| i.state == TodoState::Missing) {
        added.push('\n');
        added.push_str(&filled_message(&item.id, &item.reference_body));
    }
    added
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
            let added = filled_messages(file.items.iter());
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
    // Most pages have no marker: found without decoding a feed of megabytes.
    let mut marker = [0; 4];
    let marker = MISSING_START.encode_utf8(&mut marker).as_bytes();
    if memchr::memmem::find(&bytes, marker).is_none() {
        return bytes;
    }
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
