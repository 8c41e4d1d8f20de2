//! `render --pdf`: each release page printed to `<locale>/<slug>.pdf` by headless Chromium,
//! the browser the tests already use. The stylesheet's print rules make it A4 with the
//! letterhead and the page's address; the fonts the page uses (Nastaliq for Urdu) are embedded
//! by the browser.
//!
//! The pages are printed from a scratch copy of the rendered site, before the output folder
//! is replaced, so the PDFs are swapped in with everything else.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};
use beyan_render::Site;

/// Names tried on `PATH`, in order, when `BEYAN_CHROMIUM` is not set.
const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The browser to print with: `BEYAN_CHROMIUM`, else the first of `BROWSERS` on `PATH`.
fn find_browser() -> anyhow::Result<PathBuf> {
    if let Some(path) = std::env::var_os("BEYAN_CHROMIUM") {
        let path = PathBuf::from(path);
        if path.is_file() {
            return Ok(path);
        }
        bail!(
            "render --pdf: BEYAN_CHROMIUM is {}, which is not a file",
            path.display()
        );
    }
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    for name in BROWSERS {
        for dir in &dirs {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    bail!(
        "render --pdf needs Chromium (or Google Chrome) to print the pages, and none was found \
         on PATH (looked for {}); install the `chromium` package or set BEYAN_CHROMIUM to the \
         browser's path",
        BROWSERS.join(", ")
    )
}

/// Prints every release page of `site` and adds the PDFs to it. Returns how many were added.
pub fn add_pdfs(site: &mut Site) -> anyhow::Result<usize> {
    let browser = find_browser()?;
    let scratch = tempfile::tempdir().context("cannot create a folder to print from")?;
    site.write_into(scratch.path())
        .context("cannot write the pages to print")?;
    let pages: Vec<String> = site
        .files
        .keys()
        .filter(|path| is_release_page(path, site))
        .cloned()
        .collect();
    let profile = tempfile::tempdir().context("cannot create the browser's profile folder")?;
    for page in &pages {
        let pdf_path = page.trim_end_matches(".html").to_owned() + ".pdf";
        let target = scratch.path().join(&pdf_path);
        print(
            &browser,
            profile.path(),
            &scratch.path().join(page),
            &target,
        )?;
        let bytes = std::fs::read(&target)
            .with_context(|| format!("{} wrote no PDF for {page}", browser.display()))?;
        site.files
            .insert(pdf_path, reproducible(bytes, scratch.path()));
    }
    Ok(pages.len())
}

/// A release page: `<locale>/<slug>.html` with its ninjs beside it (indexes have none).
fn is_release_page(path: &str, site: &Site) -> bool {
    path.ends_with(".html")
        && path.matches('/').count() == 1
        && !path.starts_with("assets/")
        && site
            .files
            .contains_key(&(path.trim_end_matches(".html").to_owned() + ".json"))
}

fn print(browser: &Path, profile: &Path, page: &Path, target: &Path) -> anyhow::Result<()> {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
            "--no-pdf-header-footer",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", target.display()))
        .arg(url(page))
        .output()
        .with_context(|| format!("cannot run {}", browser.display()))?;
    if !output.status.success() || !target.is_file() {
        bail!(
            "{} could not print {}: {}",
            browser.display(),
            page.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

fn url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte));
            }
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    url
}

/// The browser stamps each PDF with the time it was printed (`/CreationDate`, `/ModDate`) and
/// its links with the scratch folder's random name: both are replaced by fixed text of the
/// same length, so that the same inputs give the same bytes and the file's offsets stay right.
fn reproducible(mut bytes: Vec<u8>, scratch: &Path) -> Vec<u8> {
    if let Some(name) = scratch
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    {
        let fixed: String = "beyan-print"
            .chars()
            .cycle()
            .take(name.chars().count())
            .collect();
        if fixed.len() == name.len() {
            let mut from = 0;
            while let Some(at) = find(&bytes[from..], name.as_bytes()) {
                let start = from + at;
                bytes[start..start + name.len()].copy_from_slice(fixed.as_bytes());
                from = start + name.len();
            }
        }
    }
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], key) {
            let start = from + at + key.len();
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b')')
                .map_or(start, |i| start + i);
            for (i, byte) in bytes[start..end].iter_mut().enumerate() {
                // D:19700101000000+00'00' — digits become the epoch, the rest stays.
                if byte.is_ascii_digit() {
                    *byte = if i == 5 || i == 7 { b'1' } else { b'0' };
                }
            }
            bytes[start..end]
                .iter_mut()
                .take(4)
                .zip(*b"1970")
                .for_each(|(b, year)| *b = year);
            from = end;
        }
    }
    bytes
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
