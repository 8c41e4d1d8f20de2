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
/// Links in the PDFs lead to the published site (`base_url`); without one they are text.
pub fn add_pdfs(site: &mut Site, base_url: Option<&str>) -> anyhow::Result<usize> {
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
        // The copy that is printed links to the public pages, not to the scratch folder.
        let html = String::from_utf8_lossy(&site.files[page]).into_owned();
        let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        std::fs::write(
            scratch.path().join(page),
            public_links(&html, folder, base_url),
        )
        .with_context(|| format!("cannot write the page to print: {page}"))?;
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

/// `html` with every relative link of an `<a>` resolved against `base_url` and the page's
/// `folder` (`../az/x.html` from `en` is `<base>/az/x.html`), or removed without a base URL.
/// Absolute links (`https:`, `mailto:`, `tel:`) and fragments stay.
fn public_links(html: &str, folder: &str, base_url: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        let (before, tag_and_after) = rest.split_at(at);
        out.push_str(before);
        let end = tag_and_after
            .find('>')
            .map_or(tag_and_after.len(), |i| i + 1);
        let (tag, after) = tag_and_after.split_at(end);
        out.push_str(&rewrite_href(tag, folder, base_url));
        rest = after;
    }
    out.push_str(rest);
    out
}

fn rewrite_href(tag: &str, folder: &str, base_url: Option<&str>) -> String {
    let Some(start) = tag.find(" href=\"") else {
        return tag.to_owned();
    };
    let value_start = start + " href=\"".len();
    let Some(length) = tag[value_start..].find('"') else {
        return tag.to_owned();
    };
    let href = &tag[value_start..value_start + length];
    let absolute = href.starts_with('#')
        || href
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/'));
    if absolute {
        return tag.to_owned();
    }
    let after = &tag[value_start + length + 1..];
    match base_url {
        Some(base) => {
            let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
            for segment in href.split('/') {
                match segment {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    other => parts.push(other),
                }
            }
            format!(
                "{} href=\"{base}/{}\"{after}",
                &tag[..start],
                parts.join("/")
            )
        }
        None => format!("{}{after}", &tag[..start]),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_lead_to_the_published_site_or_are_text() {
        let html = "<a href=\"index.html\">i</a> <a href=\"../az/x.html\" hreflang=\"az\">az</a> \
                    <a href=\"mailto:p@x.org\">m</a> <a href=\"#main\">s</a>";
        assert_eq!(
            public_links(html, "en", Some("https://press.example")),
            "<a href=\"https://press.example/en/index.html\">i</a> \
             <a href=\"https://press.example/az/x.html\" hreflang=\"az\">az</a> \
             <a href=\"mailto:p@x.org\">m</a> <a href=\"#main\">s</a>"
        );
        assert_eq!(
            public_links(html, "en", None),
            "<a>i</a> <a hreflang=\"az\">az</a> <a href=\"mailto:p@x.org\">m</a> <a href=\"#main\">s</a>"
        );
    }

    #[test]
    fn print_dates_become_the_epoch() {
        let pdf =
            b"<< /CreationDate (D:20261130221500+00'00') /ModDate (D:20261130221500+00'00') >>"
                .to_vec();
        let fixed = reproducible(pdf.clone(), Path::new("/tmp/.tmpAbCdEf"));
        assert_eq!(fixed.len(), pdf.len());
        assert_eq!(
            String::from_utf8(fixed).unwrap(),
            "<< /CreationDate (D:19700101000000+00'00') /ModDate (D:19700101000000+00'00') >>"
        );
    }
}
