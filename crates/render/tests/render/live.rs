//! The engines that do not hold a whole site give the bytes of the one that does: a render
//! streamed into an output folder, and a live site brought up to date after a save, equal a
//! full render in memory of the same workspace.

use std::collections::BTreeMap;
use std::sync::Mutex;

use beyan_l10n::FtlFile;
use beyan_render::{LiveSite, PageSink, Update};

use crate::builder::{WorkspaceBuilder, locale, options, plan, render};

const NOW: &str = "2025-11-10T00:00:00Z";

fn release_text(headline: &str) -> String {
    format!(
        "headline = {headline}\ndateline-city = Baku\nparagraph-01 = One *two* three.\nquote-01 = Words.\n    .attribution = Someone\n"
    )
}

fn workspace() -> WorkspaceBuilder {
    WorkspaceBuilder::new()
        .release("a", "date = 2025-11-01\n", &release_text("First"))
        .release("b", "date = 2025-11-02\n", &release_text("Second"))
        .release("c", "date = 2025-11-03\n", &release_text("Third"))
}

#[derive(Default)]
struct Pages(Mutex<BTreeMap<String, Vec<u8>>>);

impl PageSink for Pages {
    fn page(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0
            .lock()
            .expect("not poisoned")
            .insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

impl Pages {
    fn take(&self) -> BTreeMap<String, Vec<u8>> {
        std::mem::take(&mut *self.0.lock().expect("not poisoned"))
    }
}

fn live(ws: &WorkspaceBuilder) -> (LiveSite, BTreeMap<String, Vec<u8>>) {
    let workspace = ws.workspace();
    let plan = plan(&workspace, &options(NOW));
    let live = LiveSite::new(workspace, plan).expect("live site");
    let pages = Pages::default();
    live.render_all(&pages).expect("rendered");
    (live, pages.take())
}

/// Saves `text` as `locales/<code>/releases/<slug>.ftl` and tells the live site.
fn save(
    ws: &WorkspaceBuilder,
    live: &mut LiveSite,
    site: &mut BTreeMap<String, Vec<u8>>,
    edits: &[(&str, &str, &str)],
) -> Update {
    let mut files = Vec::new();
    for (code, slug, text) in edits {
        let rel = format!("releases/{slug}.ftl");
        std::fs::write(ws.root().join(format!("locales/{code}/{rel}")), text).expect("saved");
        files.push((
            locale(code),
            FtlFile::parse(&locale(code), rel, text.as_bytes()),
        ));
    }
    let pages = Pages::default();
    let update = live.update_release_files(files, &pages).expect("updated");
    site.extend(pages.take());
    update
}

#[test]
fn a_live_site_updated_after_a_save_equals_a_full_render() {
    let ws = workspace();
    let (mut live, mut site) = live(&ws);
    assert_eq!(site, render(&ws.workspace(), &options(NOW)).files);

    // A translation's release file: its pages, its locale's index and feeds.
    let update = save(
        &ws,
        &mut live,
        &mut site,
        &[("az", "b", &release_text("İkinci başlıq"))],
    );
    assert_eq!(update, Update::Rendered { pages: 5 + 3 });
    let full = render(&ws.workspace(), &options(NOW)).files;
    assert!(String::from_utf8_lossy(&site["az/b.html"]).contains("İkinci başlıq"));
    assert_eq!(site, full, "after a translation changed");

    // The reference's, with a message added that the translations lack (published anyway:
    // the plan only blocks on required locales when asked to).
    let update = save(
        &ws,
        &mut live,
        &mut site,
        &[("en", "c", &release_text("Third, revised"))],
    );
    assert!(matches!(update, Update::Rendered { .. }), "{update:?}");
    assert_eq!(site, render(&ws.workspace(), &options(NOW)).files);

    // Two files saved at once.
    save(
        &ws,
        &mut live,
        &mut site,
        &[
            ("tr", "a", &release_text("Birinci")),
            ("ur", "c", &release_text("تیسرا")),
        ],
    );
    assert_eq!(site, render(&ws.workspace(), &options(NOW)).files);
}

#[test]
fn a_save_that_changes_what_is_published_asks_for_a_new_plan() {
    let ws = workspace();
    let (mut live, mut site) = live(&ws);
    let update = save(
        &ws,
        &mut live,
        &mut site,
        &[("tr", "a", "headline = {\ndateline-city = X\n")],
    );
    assert_eq!(update, Update::Replan);
}

#[test]
fn a_streamed_render_writes_the_bytes_of_a_render_in_memory() {
    let ws = workspace();
    let workspace = ws.workspace();
    let options = options(NOW);
    let plan = plan(&workspace, &options);
    let out = ws.root().join("dist");
    let gate = beyan_content::WriteGate::for_workspace(ws.root()).expect("workspace");
    let locked = gate
        .output_dir(&out)
        .expect("an output folder")
        .lock(false)
        .expect("unlocked");
    let rendered = beyan_render::render_to(&workspace, &plan, &locked, &mut |_| {}).expect("ok");
    let site = render(&workspace, &options);
    assert_eq!(rendered.pages, site.pages());
    for (path, bytes) in &site.files {
        assert_eq!(&std::fs::read(out.join(path)).expect(path), bytes, "{path}");
    }
    let manifest = std::fs::read_to_string(out.join(beyan_content::SITE_MANIFEST)).expect("ok");
    let listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
    let expected: Vec<&str> = site.files.keys().map(String::as_str).collect();
    assert_eq!(
        listed, expected,
        "the manifest lists exactly what was written"
    );
}

#[test]
fn a_render_of_more_releases_than_one_pass_gives_each_page_its_own_release_text() {
    // A streamed render builds the bundles of a few hundred releases at a time and hands
    // each pass's bundles to the templates compiled once: every page must still speak of
    // its own release, in the first pass and in the later ones.
    let count = 300;
    let mut ws = WorkspaceBuilder::new();
    for i in 0..count {
        let toml = format!("date = {}-{:02}-01\n", 2000 + i / 12, i % 12 + 1);
        ws = ws.release(
            &format!("r{i:03}"),
            &toml,
            &release_text(&format!("Headline {i:03}")),
        );
    }
    let site = render(&ws.workspace(), &options(NOW));
    for i in 0..count {
        for code in ["en", "az", "tr", "ur"] {
            let path = format!("{code}/r{i:03}.html");
            let page =
                String::from_utf8(site.files.get(&path).expect(&path).clone()).expect("UTF-8");
            let own = format!("<h1 id=\"headline\">Headline {i:03}</h1>");
            assert!(page.contains(&own), "{path} does not show {own}");
        }
    }
}

#[test]
fn a_live_site_updated_after_a_shared_file_is_saved_equals_a_full_render() {
    let ws = workspace();
    let (mut live, mut site) = live(&ws);
    let rel = "locales/tr/common.ftl";
    let text = std::fs::read_to_string(ws.root().join(rel)).expect("read");
    let edited = text.replace(
        "press-releases = Press releases",
        "press-releases = Basın bültenleri",
    );
    assert_ne!(edited, text);
    std::fs::write(ws.root().join(rel), &edited).expect("saved");
    let file = FtlFile::parse(&locale("tr"), "common.ftl".to_owned(), edited.as_bytes());
    let pages = Pages::default();
    let update = live
        .update_shared_files(&locale("tr"), vec![file], &pages)
        .expect("updated");
    // Every page of tr (3 releases in 5 formats, the index and two feeds) and the chooser.
    assert_eq!(
        update,
        Update::Rendered {
            pages: 3 * 5 + 3 + 1
        }
    );
    site.extend(pages.take());
    assert!(String::from_utf8_lossy(&site["tr/index.html"]).contains("Basın bültenleri"));
    assert_eq!(site, render(&ws.workspace(), &options(NOW)).files);

    // The language's own name is on every locale's pages: that needs the whole site.
    let renamed = edited.replace("language-name = Türkçe", "language-name = Türkçe (TR)");
    let file = FtlFile::parse(&locale("tr"), "common.ftl".to_owned(), renamed.as_bytes());
    let update = live
        .update_shared_files(&locale("tr"), vec![file], &Pages::default())
        .expect("judged");
    assert_eq!(update, Update::Replan);
    // The reference's shared text is what every translation is judged against.
    let file = FtlFile::parse(&locale("en"), "common.ftl".to_owned(), text.as_bytes());
    let update = live
        .update_shared_files(&locale("en"), vec![file], &Pages::default())
        .expect("judged");
    assert_eq!(update, Update::Replan);
}
