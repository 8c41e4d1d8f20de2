//! `beyan serve` end to end: pages served from memory, a save announced as a reload event and
//! the new text served, a broken template shown as an error page, a missing message shown as
//! the reference in a mark, no path that reads a file, and Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use super::workspace::{SLUG, Sandbox};

struct Server {
    child: Child,
    address: String,
    /// Where the server's standard error goes.
    log: tempfile::NamedTempFile,
}

impl Server {
    fn start(ws: &Sandbox) -> Self {
        let log = tempfile::NamedTempFile::new().expect("a log file");
        let mut child = Command::cargo_bin("beyan")
            .expect("binary")
            .arg("--workspace")
            .arg(ws.root())
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("the log file"))
            .spawn()
            .expect("serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("first line");
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_owned();
        assert!(
            address.starts_with("127.0.0.1:"),
            "loopback by default: {line}"
        );
        Self {
            child,
            address,
            log,
        }
    }

    /// How many times the server rendered the whole preview, and how many saves it brought
    /// up to date by rendering only what they affect.
    fn builds(&self) -> (usize, usize) {
        let log = std::fs::read_to_string(self.log.path()).unwrap_or_default();
        let count = |start: &str| log.lines().filter(|l| l.starts_with(start)).count();
        (count("rendered "), count("updated "))
    }

    /// A raw request (the target is sent as given); the status code and the body.
    fn request(&self, method: &str, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        write!(stream, "{method} {target} HTTP/1.1\r\nHost: x\r\n\r\n").expect("request");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("response");
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    fn get(&self, path: &str) -> String {
        let (status, body) = self.request("GET", path);
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    /// An open event stream, read past its greeting.
    fn events(&self) -> BufReader<TcpStream> {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        write!(stream, "GET /_beyan/events HTTP/1.1\r\nHost: x\r\n\r\n").expect("request");
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while !line.starts_with(": connected") {
            line.clear();
            assert!(
                reader.read_line(&mut line).expect("greeting") > 0,
                "stream closed"
            );
        }
        reader
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for the next `reload` event; how long it took.
fn next_reload(events: &mut BufReader<TcpStream>) -> Duration {
    let started = Instant::now();
    let mut line = String::new();
    loop {
        // Keep-alive comments arrive every 15 s: the deadline is the test's own.
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no reload event within 20 s"
        );
        line.clear();
        let read = events
            .read_line(&mut line)
            .expect("an event before the timeout");
        assert!(read > 0, "the event stream closed");
        if line.trim() == "event: reload" {
            return started.elapsed();
        }
    }
}

fn release_page() -> String {
    format!("/az/{SLUG}.html")
}

/// Every page and feed of the sample's preview.
fn every_page() -> Vec<String> {
    let mut pages = vec![
        "/".to_owned(),
        "/sitemap.xml".to_owned(),
        "/assets/style.css".to_owned(),
    ];
    for locale in ["en", "az", "tr", "ur"] {
        pages.push(format!("/{locale}/"));
        for name in ["index.html", "feed.xml", "feed.json"] {
            pages.push(format!("/{locale}/{name}"));
        }
        for extension in ["html", "txt", "md", "json", "eml"] {
            pages.push(format!("/{locale}/{SLUG}.{extension}"));
        }
    }
    pages
}

#[test]
fn serves_reloads_and_shows_errors() {
    let ws = Sandbox::sample();
    let server = Server::start(&ws);
    for path in every_page() {
        server.get(&path);
    }
    let page = server.get(&release_page());
    assert!(
        page.contains("/_beyan/events"),
        "the page listens for reloads"
    );
    assert!(page.contains("0 diagnostics for this page"), "{page}");
    let (status, body) = server.request("HEAD", &release_page());
    assert_eq!((status, body.as_str()), (200, ""));

    // A save is announced, and the new text is served.
    let mut events = server.events();
    let rel = format!("locales/az/releases/{SLUG}.ftl");
    let text = ws.read(&rel);
    let headline = text
        .lines()
        .find(|l| l.starts_with("headline = "))
        .expect("headline")
        .to_owned();
    ws.write(
        &rel,
        &text.replace(&headline, "headline = Yeni başlıq önizləmədə"),
    );
    let took = next_reload(&mut events);
    eprintln!("save → reload event: {} ms", took.as_millis());
    assert!(
        server
            .get(&release_page())
            .contains("Yeni başlıq önizləmədə")
    );
    // What the save re-rendered and what it kept equal what a server started now renders
    // from the saved workspace.
    let fresh = Server::start(&ws);
    for path in every_page() {
        assert_eq!(server.get(&path), fresh.get(&path), "{path} after the save");
    }
    drop(fresh);

    // A missing message: the reference text in a visible mark, and the panel names it.
    ws.write(&rel, &text.replace(&format!("{headline}\n"), ""));
    next_reload(&mut events);
    let page = server.get(&release_page());
    assert!(
        page.contains("<mark class=\"beyan-missing\""),
        "the reference stands in for the missing headline"
    );
    assert!(page.contains("missing-message"), "the panel lists it");

    // The reference changes: the mark shows its new text, and every page equals a fresh
    // render.
    let reference = format!("locales/en/releases/{SLUG}.ftl");
    let english = ws.read(&reference);
    let english_headline = english
        .lines()
        .find(|l| l.starts_with("headline = "))
        .expect("headline")
        .to_owned();
    ws.write(
        &reference,
        &english.replace(&english_headline, "headline = A revised English headline"),
    );
    next_reload(&mut events);
    assert!(
        server
            .get(&release_page())
            .contains("A revised English headline</mark>"),
        "the missing headline shows the new reference text"
    );
    let fresh = Server::start(&ws);
    for path in every_page() {
        assert_eq!(server.get(&path), fresh.get(&path), "{path} after the save");
    }
    drop(fresh);

    // A translation's shared file: its pages and the chooser again, the rest kept.
    ws.edit(
        "locales/az/common.ftl",
        "home = Ana səhifə",
        "home = Baş səhifə",
    );
    next_reload(&mut events);
    assert!(server.get(&release_page()).contains("Baş səhifə"));
    let fresh = Server::start(&ws);
    for path in every_page() {
        assert_eq!(server.get(&path), fresh.get(&path), "{path} after the save");
    }
    drop(fresh);

    // The four saves above were each brought up to date in part, never rendered whole.
    let (whole, updated) = server.builds();
    assert_eq!(whole, 1, "only the first build renders everything");
    assert!(updated >= 4, "{updated} updates");

    // A broken template: an error page, then the site again once fixed.
    ws.write("templates/release.html", "{% if %}");
    next_reload(&mut events);
    let (status, body) = server.request("GET", &release_page());
    assert_eq!(status, 500, "{body}");
    assert!(body.contains("template"), "{body}");
    std::fs::remove_file(ws.path("templates/release.html")).expect("remove");
    next_reload(&mut events);
    server.get(&release_page());
}

#[test]
fn no_request_reads_a_file_outside_the_site() {
    let ws = Sandbox::sample();
    let server = Server::start(&ws);
    let secret = ws.read("beyan.toml");
    let marker = secret.lines().next().expect("a line").to_owned();
    for target in [
        "/../beyan.toml",
        "/%2e%2e/beyan.toml",
        "/%2E%2E%2Fbeyan.toml",
        "/az/../../beyan.toml",
        "/az/..%2f..%2fbeyan.toml",
        "/..%5cbeyan.toml",
        "/beyan.toml",
        "/locales/az/common.ftl",
        "//etc/passwd",
        "/%00",
    ] {
        let (status, body) = server.request("GET", target);
        assert_ne!(status, 200, "{target}");
        assert!(!body.contains(&marker), "{target} read beyan.toml");
    }
    let (status, _) = server.request("POST", "/");
    assert_eq!(status, 405);
    let (status, _) = server.request("DELETE", "/index.html");
    assert_eq!(status, 405);
}

#[cfg(unix)]
#[test]
fn ctrl_c_exits_cleanly() {
    let ws = Sandbox::sample();
    let mut server = Server::start(&ws);
    server.get("/");
    let pid = server.child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still running");
        std::thread::sleep(Duration::from_millis(20));
    }
}
