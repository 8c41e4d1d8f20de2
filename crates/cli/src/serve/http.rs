//! A small HTTP/1.1 server for the preview: GET and HEAD of the in-memory site, and a
//! Server-Sent Events stream that tells open pages to reload.
//!
//! A request path is only ever a key into the in-memory site: it never reaches the file system,
//! so no `..` or encoded variant can read a file. One thread per connection (a preview has a
//! handful of clients); every connection is closed after its response, but the event stream.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use super::preview::{self, Preview};

/// The path of the event stream.
pub const EVENTS: &str = "/_beyan/events";

/// What the server threads share: the current preview and its generation.
#[derive(Default)]
pub struct Shared {
    preview: RwLock<Arc<Preview>>,
    generation: Mutex<u64>,
    changed: Condvar,
    stop: AtomicBool,
}

impl Shared {
    pub fn new(preview: Arc<Preview>) -> Self {
        Self {
            preview: RwLock::new(preview),
            ..Self::default()
        }
    }

    fn current(&self) -> Arc<Preview> {
        match self.preview.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the preview and wakes the event streams.
    pub fn publish(&self, preview: Arc<Preview>) {
        match self.preview.write() {
            Ok(mut guard) => *guard = preview,
            Err(poisoned) => *poisoned.into_inner() = preview,
        }
        let mut generation = self.generation.lock().unwrap_or_else(|p| p.into_inner());
        *generation += 1;
        self.changed.notify_all();
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _guard = self.generation.lock().unwrap_or_else(|p| p.into_inner());
        self.changed.notify_all();
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

/// Accepts connections until [`Shared::stop`] (the caller wakes `accept` by connecting).
pub fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopped() {
            break;
        }
        let Ok(stream) = stream else {
            continue;
        };
        let shared = Arc::clone(shared);
        std::thread::spawn(move || {
            let _ = handle(stream, &shared);
        });
    }
}

struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    extra: &'static str,
}

impl Response {
    fn html(status: &'static str, body: String) -> Self {
        Self {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
            extra: "",
        }
    }
}

fn handle(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = Vec::new();
    // The request line and headers, at most 16 KiB; the body (GET/HEAD have none) is ignored.
    loop {
        let mut line = Vec::new();
        let read = (&mut reader).take(16 * 1024).read_until(b'\n', &mut line)?;
        if read == 0 || line == b"\r\n" || line == b"\n" {
            break;
        }
        head.extend_from_slice(&line);
        if head.len() > 16 * 1024 {
            return respond(
                stream,
                "HEAD",
                error_response("431 Request Header Fields Too Large"),
            );
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        let mut response = error_response("405 Method Not Allowed");
        response.extra = "Allow: GET, HEAD\r\n";
        return respond(stream, "GET", response);
    }
    let raw_path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = site_path(raw_path) else {
        return respond(stream, method, not_found(raw_path));
    };
    if path == EVENTS.trim_start_matches('/') {
        return events(stream, shared);
    }
    let preview = shared.current();
    if let Some(error) = &preview.error {
        return respond(
            stream,
            method,
            Response::html(
                "500 Internal Server Error",
                preview::error_page("beyan cannot render the workspace", error),
            ),
        );
    }
    let response = match preview.files.get(&path) {
        Some(bytes) if path.ends_with(".html") => {
            let page = String::from_utf8_lossy(bytes);
            let overlay = preview::overlay(&preview, &path);
            let page = match page.rfind("</body>") {
                Some(at) => format!("{}{overlay}{}", &page[..at], &page[at..]),
                None => format!("{page}{overlay}"),
            };
            Response::html("200 OK", page)
        }
        Some(bytes) => Response {
            status: "200 OK",
            content_type: content_type(&path),
            body: bytes.to_vec(),
            extra: "",
        },
        None => match unrendered(&preview, &path) {
            Some(page) => Response::html("500 Internal Server Error", page),
            None => not_found(&path),
        },
    };
    respond(stream, method, response)
}

/// The site key of a request path: percent-decoded, without the leading `/`, `index.html`
/// for a folder. `None` for anything that is not a plain relative path (`..`, `.`, a
/// backslash, a NUL, invalid escapes or UTF-8).
pub fn site_path(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let decoded = percent_decode(rest)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if *segment == ".." || *segment == "." || (segment.is_empty() && i != last) {
            return None;
        }
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        return Some(format!("{decoded}index.html"));
    }
    Some(decoded)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The error page of a release page that could not be rendered, with its problems.
fn unrendered(preview: &Preview, path: &str) -> Option<String> {
    let (locale, name) = path.split_once('/')?;
    let slug = name.strip_suffix(".html")?;
    let incomplete = preview
        .incomplete
        .iter()
        .find(|i| i.locale.as_str() == locale && i.release.as_str() == slug)?;
    let text: Vec<String> = incomplete
        .problems
        .iter()
        .map(|p| format!("{}: {}: {}", p.file, p.code, p.message))
        .collect();
    Some(preview::error_page(
        &format!("The {locale} version of {slug} cannot be rendered"),
        &text.join("\n"),
    ))
}

fn not_found(path: &str) -> Response {
    let mut response = Response::html(
        "404 Not Found",
        preview::error_page(
            "Not found",
            &format!("No page `{path}` in the preview. Try /."),
        ),
    );
    response.extra = "";
    response
}

fn error_response(status: &'static str) -> Response {
    Response {
        status,
        content_type: "text/plain; charset=utf-8",
        body: format!("{status}\n").into_bytes(),
        extra: "",
    }
}

fn respond(mut stream: TcpStream, method: &str, response: Response) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n{}\r\n",
        response.status,
        response.content_type,
        response.body.len(),
        response.extra
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// The event stream: a `reload` event each time the preview changes, a comment every 15 s
/// to notice a closed connection.
fn events(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n: connected\n\n",
    )?;
    stream.flush()?;
    let mut seen = *shared.generation.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        let generation = {
            let guard = shared.generation.lock().unwrap_or_else(|p| p.into_inner());
            let (guard, _) = shared
                .changed
                .wait_timeout_while(guard, Duration::from_secs(15), |g| {
                    *g == seen && !shared.stopped()
                })
                .unwrap_or_else(|p| p.into_inner());
            *guard
        };
        if shared.stopped() {
            return Ok(());
        }
        if generation != seen {
            seen = generation;
            stream.write_all(format!("event: reload\ndata: {generation}\n\n").as_bytes())?;
        } else {
            stream.write_all(b": keep-alive\n\n")?;
        }
        stream.flush()?;
    }
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "eml" => "message/rfc822",
        "pdf" => "application/pdf",
        "ttf" => "font/ttf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_keys_never_traversals() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/az/").as_deref(), Some("az/index.html"));
        assert_eq!(site_path("/az/x%2Dy.html").as_deref(), Some("az/x-y.html"));
        for bad in [
            "/../beyan.toml",
            "/%2e%2e/beyan.toml",
            "/az/%2E%2E/%2E%2E/etc/passwd",
            "/..%2fbeyan.toml",
            "/az/..\\beyan.toml",
            "/a//b",
            "/%zz",
            "/%00",
            "relative",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }
}
