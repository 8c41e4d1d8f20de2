//! The rendered sample in a real browser: Debian's headless Chromium loads every page of every
//! locale through `tests/browser/harness.html` and the test asserts what a reader would see:
//! `<html lang dir>`, the Urdu headline in the shipped Nastaliq face, no horizontal overflow at
//! 390 px, and language-switcher links that resolve. Screenshots go to `target/browser/`.
//!
//! Chromium is installed by `.ci/run`; without it the test is skipped locally but fails when
//! `CI=true`.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value;

const SLUG: &str = "2025-11-08-victory-day";
const LOCALES: [&str; 4] = ["en", "az", "tr", "ur"];

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chromium() -> Option<PathBuf> {
    let candidates = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ];
    let found = candidates.iter().map(PathBuf::from).find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "Chromium is required in CI (.ci/run installs it)"
        );
    }
    found
}

fn chromium_command(browser: &Path, profile: &Path) -> Process {
    let mut command = Process::new(browser);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
        "--hide-scrollbars",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// Loads `page` (relative to `root`) in the harness and returns its RESULT document.
pub fn inspect(browser: &Path, root: &Path, page: &str) -> Value {
    let profile = tempfile::tempdir().expect("profile dir");
    let harness = root.join("__harness.html");
    if !harness.exists() {
        std::fs::copy(repo_root().join("tests/browser/harness.html"), &harness).expect("harness");
    }
    let url = format!("file://{}?page={page}", harness.display());
    let output = chromium_command(browser, profile.path())
        .args(["--virtual-time-budget=15000", "--dump-dom", &url])
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let line = dom
        .lines()
        .find_map(|l| {
            l.split_once("RESULT {")
                .map(|(_, rest)| format!("{{{rest}"))
        })
        .unwrap_or_else(|| panic!("no result for {page}: {dom}"));
    let json = line.trim_end_matches("</pre>");
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bad result for {page} ({e}): {json}"))
}

/// Saves a 390 px wide screenshot of `page` under `target/browser/`.
pub fn screenshot(browser: &Path, root: &Path, page: &str, name: &str) -> PathBuf {
    let out_dir = repo_root().join("target/browser");
    std::fs::create_dir_all(&out_dir).expect("screenshot dir");
    let file = out_dir.join(format!("{name}.png"));
    let profile = tempfile::tempdir().expect("profile dir");
    let status = chromium_command(browser, profile.path())
        .arg(format!("--screenshot={}", file.display()))
        .args(["--window-size=390,1600", "--virtual-time-budget=5000"])
        .arg(format!("file://{}", root.join(page).display()))
        .output()
        .expect("chromium runs");
    assert!(status.status.success(), "screenshot of {page} failed");
    file
}

fn render_sample(out: &Path) {
    Command::cargo_bin("beyan")
        .expect("binary")
        .arg("--workspace")
        .arg(repo_root())
        .args(["render", "--now", "2026-01-01T00:00:00Z", "--out"])
        .arg(out)
        .assert()
        .success();
}

#[test]
fn rendered_pages_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium (install the `chromium` package)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("dist");
    render_sample(&out);

    for locale in LOCALES {
        for page in [
            format!("{locale}/{SLUG}.html"),
            format!("{locale}/index.html"),
        ] {
            let result = inspect(&browser, &out, &page);
            assert_eq!(result["lang"], locale, "{page}: {result}");
            let dir = if locale == "ur" { "rtl" } else { "ltr" };
            assert_eq!(result["dir"], dir, "{page}: {result}");
            let scroll = result["scrollWidth"].as_u64().expect("scrollWidth");
            let client = result["clientWidth"].as_u64().expect("clientWidth");
            assert!(
                scroll <= client,
                "{page} overflows at 390 px: {scroll} > {client}"
            );
            let links = result["links"].as_array().expect("links");
            for link in links {
                assert_eq!(link["ok"], true, "{page}: link does not resolve: {link}");
            }
            if locale == "ur" {
                let loaded = result["faces"].as_array().expect("faces").iter().any(|f| {
                    f["family"].as_str().is_some_and(|n| n.contains("Nastaliq"))
                        && f["status"] == "loaded"
                });
                assert!(loaded, "{page}: the Nastaliq face did not load: {result}");
                let font = result["headlineFont"].as_str().unwrap_or("");
                assert!(font.contains("Nastaliq"), "{page}: headline font {font}");
            }
            if page.ends_with(&format!("{SLUG}.html")) {
                // Every other published language is one click away.
                let switched: Vec<&str> = links
                    .iter()
                    .filter_map(|l| l["hreflang"].as_str())
                    .collect();
                for other in LOCALES.iter().filter(|l| **l != locale) {
                    assert!(
                        switched.contains(other),
                        "{page}: no link to {other}: {result}"
                    );
                }
                let png = screenshot(&browser, &out, &page, &format!("{locale}-{SLUG}"));
                assert!(std::fs::metadata(png).expect("screenshot").len() > 10_000);
            }
        }
    }
    let chooser = inspect(&browser, &out, "index.html");
    let links = chooser["links"].as_array().expect("links");
    assert!(links.len() >= 4, "language chooser links: {chooser}");
    assert!(links.iter().all(|l| l["ok"] == true), "{chooser}");
}

#[test]
fn status_dashboard_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium (install the `chromium` package)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("status.html");
    // The defects workspace: missing and broken messages in az, tr and ur, so the to-do lists
    // (with right-to-left Urdu entries) are long.
    Command::cargo_bin("beyan")
        .expect("binary")
        .arg("--workspace")
        .arg(repo_root().join("tests/cmd/defects.in"))
        .args(["status", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let result = inspect(&browser, dir.path(), "status.html");
    assert!(
        result["lang"].as_str().is_some_and(|l| !l.is_empty()),
        "{result}"
    );
    let scroll = result["scrollWidth"].as_u64().expect("scrollWidth");
    let client = result["clientWidth"].as_u64().expect("clientWidth");
    assert!(
        scroll <= client,
        "status page overflows at 390 px: {scroll} > {client}"
    );
    assert!(
        result["headline"].as_str().is_some_and(|h| !h.is_empty()),
        "status page has a heading: {result}"
    );
    let png = screenshot(&browser, dir.path(), "status.html", "status-dashboard");
    assert!(std::fs::metadata(png).expect("screenshot").len() > 10_000);
}
