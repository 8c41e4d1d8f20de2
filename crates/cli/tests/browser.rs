//! The rendered sample in a real browser: Debian's headless Chromium loads every page of every
//! locale through `tests/browser/harness.html`, served over HTTP from the output folder, and the
//! test asserts what a reader would see: `<html lang dir>`, the Urdu headline in the shipped
//! Nastaliq face, no horizontal overflow at 390 px and 1280 px, no Urdu text outside the
//! column, language-switcher links that resolve, the bytes each page costs (Resource Timing:
//! an English release at most 60 KB and no font, an Urdu one at most 300 KB and one font).
//! Screenshots of every page type and locale go to `target/browser/`; `just screenshots`
//! copies three of them to `docs/screenshots/`.
//!
//! Chromium is installed by `.ci/run`; without it the test is skipped locally but fails when
//! `CI=true`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
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

/// Serves the files below `root` on a loopback port, one thread per connection, for as long
/// as the test runs: enough HTTP/1.0 for a browser to load pages, styles and fonts and for
/// Resource Timing to count their bytes.
fn serve(root: &Path) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().expect("address").port();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || respond(&root, stream));
        }
    });
    port
}

fn respond(root: &Path, mut stream: TcpStream) {
    let mut request = String::new();
    if BufReader::new(&stream).read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path.trim_start_matches('/'));
    let file = root.join(&path);
    let inside = !path.split('/').any(|part| part == "..");
    let (status, body) = match std::fs::read(&file) {
        Ok(bytes) if inside => ("200 OK", bytes),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("woff2") => "font/woff2",
        Some("xml") => "application/xml",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    let head = format!(
        "HTTP/1.0 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Loads `page` (relative to `root`) in the harness, in a frame `width` px wide, and returns
/// its RESULT document.
pub fn inspect(browser: &Path, root: &Path, page: &str) -> Value {
    inspect_at(browser, root, page, 390)
}

pub fn inspect_at(browser: &Path, root: &Path, page: &str, width: u32) -> Value {
    let profile = tempfile::tempdir().expect("profile dir");
    let harness = root.join("__harness.html");
    if !harness.exists() {
        std::fs::copy(repo_root().join("tests/browser/harness.html"), &harness).expect("harness");
    }
    let port = SERVERS.with(|servers| {
        let mut servers = servers.borrow_mut();
        *servers
            .entry(root.to_path_buf())
            .or_insert_with(|| serve(root))
    });
    let url = format!("http://127.0.0.1:{port}/__harness.html?page={page}&width={width}");
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

thread_local! {
    /// One server per output folder a test inspects.
    static SERVERS: std::cell::RefCell<std::collections::HashMap<PathBuf, u16>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Saves a 390 px wide screenshot of `page` under `target/browser/`.
pub fn screenshot(browser: &Path, root: &Path, page: &str, name: &str) -> PathBuf {
    screenshot_at(browser, root, page, name, 390)
}

/// Saves a screenshot `width` px wide of `page` under `target/browser/`.
pub fn screenshot_at(browser: &Path, root: &Path, page: &str, name: &str, width: u32) -> PathBuf {
    let out_dir = repo_root().join("target/browser");
    std::fs::create_dir_all(&out_dir).expect("screenshot dir");
    let file = out_dir.join(format!("{name}.png"));
    let profile = tempfile::tempdir().expect("profile dir");
    let status = chromium_command(browser, profile.path())
        .arg(format!("--screenshot={}", file.display()))
        .arg(format!("--window-size={width},1600"))
        .arg("--virtual-time-budget=5000")
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
        .args([
            "render",
            "--pseudo",
            "--now",
            "2026-01-01T00:00:00Z",
            "--out",
        ])
        .arg(out)
        .assert()
        .success();
}

/// What a page cost: its bytes as transferred and the fonts it fetched.
fn transfer(result: &Value) -> (u64, usize) {
    let resources = result["resources"].as_array().expect("resources");
    let bytes = resources
        .iter()
        .map(|r| r["transferSize"].as_u64().unwrap_or(0))
        .sum();
    let fonts = resources
        .iter()
        .filter(|r| r["name"].as_str().is_some_and(|n| n.ends_with(".woff2")))
        .count();
    (bytes, fonts)
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
        for (kind, page) in [
            ("release", format!("{locale}/{SLUG}.html")),
            ("index", format!("{locale}/index.html")),
        ] {
            for width in [390, 1280] {
                let result = inspect_at(&browser, &out, &page, width);
                check_page(&result, &page, locale, width);
                if width == 390 {
                    let (bytes, fonts) = transfer(&result);
                    eprintln!("{page}: {bytes} bytes transferred, {fonts} font(s)");
                    // An English, Azerbaijani or Turkish page downloads no font; an Urdu page
                    // the one subset Nastaliq face.
                    let expected_fonts = usize::from(locale == "ur");
                    assert_eq!(fonts, expected_fonts, "{page}: fonts fetched: {result}");
                    let budget = if locale == "ur" { 300_000 } else { 60_000 };
                    assert!(
                        bytes > 0 && bytes <= budget,
                        "{page}: {bytes} bytes transferred, budget {budget}: {result}"
                    );
                }
                let png = screenshot_at(
                    &browser,
                    &out,
                    &page,
                    &format!("{locale}-{kind}-{width}"),
                    width,
                );
                assert!(std::fs::metadata(png).expect("screenshot").len() > 10_000);
            }
        }
    }
    // In the right-to-left pseudolocale the dateline reads city, then date, from the right:
    // the `<bdi>`s keep the Latin city and the date from trading places.
    for (locale, rtl) in [("ar-XB", true), ("en", false), ("ur", true)] {
        let page = format!("{locale}/{SLUG}.html");
        let result = inspect(&browser, &out, &page);
        let dateline = &result["dateline"];
        let edge = |key: &str| dateline[key].as_f64().expect("a dateline box");
        // Each part whole on its side: without isolation the date's pieces land on both sides
        // of the city, and its box spans it.
        let in_order = if rtl {
            edge("cityLeft") >= edge("dateRight") - 0.5
        } else {
            edge("cityRight") <= edge("dateLeft") + 0.5
        };
        assert!(in_order, "{page}: dateline order: {dateline}");
    }
    screenshot(
        &browser,
        &out,
        &format!("ar-XB/{SLUG}.html"),
        "ar-XB-release-390",
    );
    let chooser = inspect(&browser, &out, "index.html");
    let links = chooser["links"].as_array().expect("links");
    assert!(links.len() >= 4, "language chooser links: {chooser}");
    assert!(links.iter().all(|l| l["ok"] == true), "{chooser}");
    screenshot(&browser, &out, "index.html", "chooser-390");
}

/// What every page must show a reader at `width` px.
fn check_page(result: &Value, page: &str, locale: &str, width: u32) {
    assert_eq!(result["lang"], locale, "{page}: {result}");
    let dir = if locale == "ur" { "rtl" } else { "ltr" };
    assert_eq!(result["dir"], dir, "{page}: {result}");
    let scroll = result["scrollWidth"].as_u64().expect("scrollWidth");
    let client = result["clientWidth"].as_u64().expect("clientWidth");
    assert!(
        scroll <= client,
        "{page} overflows at {width} px: {scroll} > {client}"
    );
    let overhang = result["overhang"].as_array().expect("overhang");
    assert!(
        overhang.is_empty(),
        "{page} at {width} px: text outside the column: {overhang:?}"
    );
    let links = result["links"].as_array().expect("links");
    for link in links {
        assert_eq!(link["ok"], true, "{page}: link does not resolve: {link}");
    }
    if locale == "ur" {
        let loaded = result["faces"].as_array().expect("faces").iter().any(|f| {
            f["family"].as_str().is_some_and(|n| n.contains("Nastaliq")) && f["status"] == "loaded"
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
    }
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

/// Forwards loopback connections to `upstream` and records the request line of each, so a
/// test sees what the browser asked for (and when it asked again).
fn recording_proxy(upstream: String) -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::Read;
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().expect("address").port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = std::sync::Arc::clone(&seen);
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect(&upstream) else {
                continue;
            };
            let log = std::sync::Arc::clone(&log);
            let (mut client_in, mut server_out) = (client, server);
            let (Ok(mut client_out), Ok(mut server_in)) =
                (client_in.try_clone(), server_out.try_clone())
            else {
                continue;
            };
            std::thread::spawn(move || {
                let mut buffer = [0u8; 16 * 1024];
                let mut first = true;
                while let Ok(n) = client_in.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    if first {
                        let head = String::from_utf8_lossy(&buffer[..n]);
                        let line = head.lines().next().unwrap_or("").to_owned();
                        log.lock().expect("log").push(line);
                        first = false;
                    }
                    if server_out.write_all(&buffer[..n]).is_err() {
                        break;
                    }
                }
            });
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut server_in, &mut client_out);
                let _ = client_out.shutdown(std::net::Shutdown::Both);
            });
        }
    });
    (port, seen)
}

/// Ends a child process when the test ends, however it ends.
struct Reaped(std::process::Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn an_open_preview_page_reloads_itself_after_a_save() {
    use assert_cmd::cargo::CommandCargoExt;
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium (install the `chromium` package)");
        return;
    };
    let ws = crate::translator::workspace::Sandbox::sample();
    let mut server = Reaped(
        Process::cargo_bin("beyan")
            .expect("binary")
            .arg("--workspace")
            .arg(ws.root())
            .args(["serve", "--port", "0"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("serve starts"),
    );
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the URL");
    let upstream = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_owned();
    let (port, seen) = recording_proxy(upstream);
    let page = format!("/az/{SLUG}.html");
    let loads = || {
        seen.lock()
            .expect("log")
            .iter()
            .filter(|l| l.starts_with(&format!("GET {page} ")))
            .count()
    };
    let wait_for = |what: &str, done: &dyn Fn() -> bool| {
        let started = std::time::Instant::now();
        while !done() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(60),
                "{what}: {:?}",
                seen.lock().expect("log")
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        started.elapsed()
    };

    let profile = tempfile::tempdir().expect("profile dir");
    let _browser = Reaped(
        chromium_command(&browser, profile.path())
            .arg("--remote-debugging-port=0")
            .arg(format!("http://127.0.0.1:{port}{page}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromium runs"),
    );
    wait_for("the page loads and listens for reloads", &|| {
        loads() == 1
            && seen
                .lock()
                .expect("log")
                .iter()
                .any(|l| l.starts_with("GET /_beyan/events "))
    });

    let rel = format!("locales/az/releases/{SLUG}.ftl");
    let text = ws.read(&rel);
    let headline = text
        .lines()
        .find(|l| l.starts_with("headline = "))
        .expect("a headline")
        .to_owned();
    ws.write(
        &rel,
        &text.replace(&headline, "headline = Brauzerdə yeni başlıq"),
    );
    let took = wait_for("the open page reloads after the save", &|| loads() >= 2);
    eprintln!(
        "save → the browser asked for the page again: {} ms",
        took.as_millis()
    );
}
