//! Micro-benchmarks of page rendering on the sample workspace (the repository root: one
//! release in en, az, tr and ur): planning a render (reading and checking the `.ftl` files),
//! rendering the release in one locale (HTML, plain text and Markdown, with the pages every
//! render makes), rendering the whole site in memory, and the whole `beyan render` path into a
//! temporary folder. Pages render in parallel (rayon), so the figures are wall-clock times.
//!
//! `cargo bench -p beyan-render --bench render`. Figures are machine-dependent.

use std::path::{Path, PathBuf};

use beyan_content::{Locale, Workspace};
use beyan_render::{Plan, RenderOptions, Site, plan, render};

fn main() {
    divan::main();
}

const LOCALES: [&str; 4] = ["en", "az", "tr", "ur"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn workspace() -> Workspace {
    Workspace::load(&repo_root()).expect("the sample workspace")
}

/// Every release in every configured locale, after every embargo.
fn options() -> RenderOptions {
    RenderOptions {
        releases: Vec::new(),
        locales: Vec::new(),
        now: "2026-01-01T00:00:00Z".parse().expect("timestamp"),
        include_embargoed: false,
        skip_incomplete: false,
        extra_locales: Vec::new(),
    }
}

/// The plan of the whole site, checked to publish every release in every locale.
fn ready_plan(workspace: &Workspace) -> Plan {
    let options = options();
    let plan = plan(workspace, &options).expect("plan");
    assert!(
        plan.blocking(&options).is_empty()
            && plan
                .releases
                .iter()
                .all(|r| r.locales.len() == plan.locales.len()),
        "the sample workspace renders complete"
    );
    plan
}

fn render_site(workspace: &Workspace, plan: &Plan) -> Site {
    render(workspace, plan, &mut |_| {}).expect("render")
}

/// Resolving a render of the whole site: reading and parsing every `.ftl` file and the
/// completeness check.
#[divan::bench]
fn plan_site(bencher: divan::Bencher<'_, '_>) {
    let workspace = workspace();
    let options = options();
    bencher.bench(|| plan(&workspace, &options).expect("plan"));
}

/// One locale's site, as `beyan render --locale L` plans it: the release pages (HTML, plain
/// text, Markdown) with the pages every render makes (the locale's index and feed, the language
/// chooser, the sitemap, the style sheet).
#[divan::bench(args = LOCALES)]
fn render_locale(bencher: divan::Bencher<'_, '_>, code: &str) {
    let workspace = workspace();
    let options = RenderOptions {
        locales: vec![Locale::parse(code).expect("locale")],
        ..options()
    };
    let plan = plan(&workspace, &options).expect("plan");
    assert!(
        plan.blocking(&options).is_empty(),
        "{code} renders complete"
    );
    bencher.bench(|| render_site(&workspace, &plan));
}

/// The whole sample site in memory from a ready plan.
#[divan::bench]
fn render_all(bencher: divan::Bencher<'_, '_>) {
    let workspace = workspace();
    let plan = ready_plan(&workspace);
    bencher.bench(|| render_site(&workspace, &plan));
}

/// `beyan render` without the CLI: plan, render and write the site into a fresh folder in one
/// swap (the folder is made, and removed, outside the timing).
#[divan::bench(sample_count = 50)]
fn plan_render_write(bencher: divan::Bencher<'_, '_>) {
    let workspace = workspace();
    let options = options();
    bencher
        .with_inputs(|| tempfile::tempdir().expect("temp dir"))
        .bench_local_values(|dir| {
            let plan = plan(&workspace, &options).expect("plan");
            let out = beyan_content::WriteGate::for_workspace(&workspace.root)
                .expect("workspace")
                .output_dir(&dir.path().join("dist"))
                .expect("output folder")
                .lock(false)
                .expect("lock");
            render_site(&workspace, &plan)
                .write_to(&out)
                .expect("write");
            // Returned so that divan drops (deletes) it after the sample.
            dir
        });
}
