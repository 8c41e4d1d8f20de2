//! Micro-benchmarks of `check`'s hot paths: parsing + indexing one file, and the whole check
//! of a workspace made of the sample release repeated (≈1 MB per locale).
//!
//! `cargo bench -p beyan-l10n --bench check`. Figures are machine-dependent; the side-by-side
//! comparison with other tools is `bench/run.sh` (see BENCHMARKS.md).

use std::path::{Path, PathBuf};

use beyan_content::{Locale, Workspace};
use beyan_l10n::{CheckOptions, FtlFile, check};

fn main() {
    divan::main();
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample_release(locale: &str) -> Vec<u8> {
    let path = repo_root().join(format!(
        "locales/{locale}/releases/2025-11-08-victory-day.ftl"
    ));
    std::fs::read(path).expect("sample release")
}

/// Parsing and summarizing one release file (≈8 KB) of each language.
#[divan::bench(args = ["en", "az", "tr", "ur"])]
fn parse_release_file(bencher: divan::Bencher<'_, '_>, locale: &str) {
    let bytes = sample_release(locale);
    let code = Locale::parse(locale).expect("locale");
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| FtlFile::parse(&code, "releases/x.ftl".to_owned(), divan::black_box(&bytes)));
}

/// A workspace of 120 copies of the sample release in four locales (≈1 MB per locale).
struct Scaled {
    _dir: tempfile::TempDir,
    workspace: Workspace,
}

fn scaled() -> Scaled {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::write(
        root.join("beyan.toml"),
        "[locales]\nreference = \"en\"\nrequired = [\"az\", \"tr\", \"ur\"]\n",
    )
    .expect("config");
    for locale in ["en", "az", "tr", "ur"] {
        let folder = root.join("locales").join(locale).join("releases");
        std::fs::create_dir_all(&folder).expect("folder");
        let common = repo_root().join(format!("locales/{locale}/common.ftl"));
        std::fs::copy(common, root.join("locales").join(locale).join("common.ftl"))
            .expect("common");
        let text = sample_release(locale);
        for i in 0..120 {
            std::fs::write(folder.join(format!("r{i:03}.ftl")), &text).expect("release");
        }
    }
    let workspace = Workspace::load(root).expect("workspace");
    Scaled {
        _dir: dir,
        workspace,
    }
}

#[divan::bench(sample_count = 20)]
fn check_scaled_workspace(bencher: divan::Bencher<'_, '_>) {
    let scaled = scaled();
    bencher.bench(|| check(&scaled.workspace, &CheckOptions::default()));
}
