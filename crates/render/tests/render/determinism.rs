//! The same inputs and `now` give the same bytes; a failed write leaves the old output.

use crate::builder::{WorkspaceBuilder, options, render};

const FULL: &str = "headline = H\ndateline-city = C\nparagraph-01 = One.\n";

#[test]
fn rendering_twice_gives_identical_bytes() {
    let ws = WorkspaceBuilder::new()
        .release("a", "date = 2025-11-01\n", FULL)
        .release(
            "b",
            "date = 2025-11-02\nembargo = 2025-11-02T09:00:00Z\n",
            FULL,
        );
    let workspace = ws.workspace();
    let first = render(&workspace, &options("2025-11-10T00:00:00Z"));
    let second = render(&workspace, &options("2025-11-10T00:00:00Z"));
    assert_eq!(first, second);
    let out_a = ws.root().join("out-a");
    let out_b = ws.root().join("out-b");
    write(&first, ws.root(), &out_a);
    write(&second, ws.root(), &out_b);
    for (path, bytes) in &first.files {
        assert_eq!(&std::fs::read(out_a.join(path)).unwrap(), bytes, "{path}");
        assert_eq!(
            std::fs::read(out_a.join(path)).unwrap(),
            std::fs::read(out_b.join(path)).unwrap()
        );
    }
}

#[test]
fn writing_replaces_the_previous_output_whole() {
    let ws = WorkspaceBuilder::new().release("a", "date = 2025-11-01\n", FULL);
    let out = ws.root().join("dist");
    let mut previous = beyan_render::Site::default();
    previous
        .files
        .insert("en/stale.html".to_owned(), b"old".to_vec());
    write(&previous, ws.root(), &out);
    assert!(out.join("en/stale.html").exists());
    let site = render(&ws.workspace(), &options("2025-11-10T00:00:00Z"));
    write(&site, ws.root(), &out);
    assert!(!out.join("en/stale.html").exists());
    assert!(out.join("en/a.html").exists());
    // Per locale: the release in five formats (HTML, text, Markdown, ninjs, e-mail), the
    // index and two feeds; then the chooser and the sitemap.
    assert_eq!(site.pages(), 4 * 5 + 4 * 3 + 2);
}

/// Writes `site` to `out` as `beyan render` does: judged, locked, swapped in.
fn write(site: &beyan_render::Site, root: &std::path::Path, out: &std::path::Path) {
    let gate = beyan_content::WriteGate::for_workspace(root).expect("workspace");
    let folder = gate.output_dir(out).expect("an output folder");
    let locked = folder.lock(false).expect("unlocked");
    site.write_to(&locked).expect("written");
}
