//! `beyan serve`: a live preview. Renders the workspace in memory, serves it on loopback,
//! re-renders what each save affects and tells open pages to reload (Server-Sent Events).

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::context::Context;
use crate::serve::http::{self, Shared};
use crate::serve::preview;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan serve                                 preview on http://127.0.0.1:8150/",
    "beyan serve --port 0 --open                 any free port, opened in the browser",
    "beyan explain CODE                          a diagnostic the preview shows, explained",
))]
pub struct Args {
    /// The port to listen on; 0 picks any free port.
    #[arg(long, default_value_t = 8150)]
    port: u16,
    /// The address to listen on [default: 127.0.0.1]. Anything but loopback exposes the
    /// unpublished preview to the network.
    #[arg(long, value_name = "ADDR")]
    bind: Option<IpAddr>,
    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,
}

/// The workspace files and folders whose change re-renders the preview.
const WATCHED_FOLDERS: [&str; 4] = ["locales", "releases", "templates", "assets"];
const WATCHED_FILES: [&str; 3] = ["beyan.toml", "beyan.lock", "glossary.toml"];

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let root = context.root()?;
    let root = root.canonicalize().unwrap_or(root);
    let address = args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let mut err = anstream::stderr();
    if !address.is_loopback() {
        let _ = writeln!(
            err,
            "warning: listening on {address}: the preview (unpublished, embargoed releases included) is reachable from the network"
        );
    }
    let listener = TcpListener::bind(SocketAddr::new(address, args.port))
        .with_context(|| format!("cannot listen on {address}:{}", args.port))?;
    let local = listener.local_addr()?;

    let started = Instant::now();
    let (first, mut session) = preview::build(&root);
    report_build(&first, started, "rendered");
    let mut current = Arc::new(first);
    let shared = Arc::new(Shared::new(Arc::clone(&current)));

    // Changes arrive debounced, as the workspace-relative paths of the saved sources; each
    // batch re-renders once. An empty batch only wakes the builder.
    let (changes, changed) = mpsc::channel::<Vec<String>>();
    let wake = changes.clone();
    let watched_root = root.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(30),
        None,
        move |result: DebounceEventResult| {
            // Reading a file is an event too (inotify's close-after-read): only writes count,
            // or every render would start the next.
            if let Ok(events) = result {
                let mut paths: Vec<String> = events
                    .iter()
                    .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                    .flat_map(|e| &e.paths)
                    .filter_map(|p| source_path(&watched_root, p))
                    .filter(|rel| !is_editor_scratch(rel))
                    .collect();
                paths.sort();
                paths.dedup();
                if !paths.is_empty() {
                    let _ = changes.send(paths);
                }
            }
        },
    )
    .context("cannot watch the workspace")?;
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    // The source folders, not the whole root: a repository root also holds build output that
    // changes all the time. A folder created later (a first template) is watched from then on.
    let mut watched = Vec::new();
    watch_new_folders(&mut debouncer, &root, &mut watched)?;
    let debouncer = Arc::new(Mutex::new(debouncer));

    let builder = {
        let shared = Arc::clone(&shared);
        let root = root.clone();
        let debouncer = Arc::clone(&debouncer);
        std::thread::spawn(move || {
            while let Ok(mut paths) = changed.recv() {
                // A burst of saves is one render.
                while let Ok(more) = changed.try_recv() {
                    paths.extend(more);
                }
                if shared.stopped() {
                    break;
                }
                paths.sort();
                paths.dedup();
                if let Ok(mut debouncer) = debouncer.lock()
                    && let Err(e) = watch_new_folders(&mut debouncer, &root, &mut watched)
                {
                    let _ = writeln!(anstream::stderr(), "warning: {e:#}");
                }
                let started = Instant::now();
                // A release's `.ftl`: only what it affects; anything else: everything.
                let updated = session
                    .as_mut()
                    .and_then(|session| session.update(&current, &paths));
                let next = match updated {
                    Some(preview) => {
                        report_build(&preview, started, "updated");
                        preview
                    }
                    None => {
                        let (preview, next_session) = preview::build(&root);
                        session = next_session;
                        report_build(&preview, started, "rendered");
                        preview
                    }
                };
                current = Arc::new(next);
                shared.publish(Arc::clone(&current));
            }
        })
    };

    {
        let shared = Arc::clone(&shared);
        ctrlc::set_handler(move || {
            shared.stop();
            // Wake the accept loop.
            let _ = TcpStream::connect_timeout(&wake_address(local), Duration::from_secs(1));
        })
        .context("cannot install the Ctrl-C handler")?;
    }

    let url = format!("http://{}/", display_address(local));
    {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "serving the preview of {} at {url} (Ctrl-C to stop)",
            root.display()
        )?;
        out.flush()?;
    }
    if args.open {
        open_browser(&url);
    }
    http::accept_loop(&listener, &shared);
    // The builder sees the stop once woken.
    let _ = wake.send(Vec::new());
    let _ = builder.join();
    let _ = writeln!(err, "stopped");
    Ok(ExitCode::SUCCESS)
}

type Watcher = notify_debouncer_full::Debouncer<
    notify_debouncer_full::notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches each source folder that exists and is not watched yet.
fn watch_new_folders(
    debouncer: &mut Watcher,
    root: &Path,
    watched: &mut Vec<&'static str>,
) -> anyhow::Result<()> {
    for folder in WATCHED_FOLDERS {
        let path = root.join(folder);
        if !watched.contains(&folder) && path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
            watched.push(folder);
        }
    }
    Ok(())
}

/// A changed path as workspace-relative text with `/`, when it is one of the sources the
/// preview reads.
fn source_path(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?.as_str();
    let source = if parts.len() > 1 {
        WATCHED_FOLDERS.contains(&first)
    } else {
        WATCHED_FILES.contains(&first) || WATCHED_FOLDERS.contains(&first)
    };
    source.then(|| parts.join("/"))
}

/// A file an editor writes beside the sources while saving (vim's `4913` probe and `.swp`,
/// `name~` backups, a temporary `.ftl.tmp`): `locales/` is read for `.ftl` files only and
/// `releases/` for `.toml` files, so such a file changes nothing in the preview and must not
/// turn a save into a whole render. A name without a dot may be a folder: that counts.
fn is_editor_scratch(rel: &str) -> bool {
    let mut parts = rel.split('/');
    let wanted = match parts.next() {
        Some("locales") => ".ftl",
        Some("releases") => ".toml",
        _ => return false,
    };
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if rel.split('/').count() < 2 || name.ends_with(wanted) {
        return false;
    }
    name.starts_with('.')
        || name.ends_with('~')
        || name.contains('.')
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
}

fn report_build(preview: &preview::Preview, started: Instant, verb: &str) {
    let mut err = anstream::stderr();
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    match &preview.error {
        Some(error) => {
            let first = error.lines().next().unwrap_or("");
            let _ = writeln!(err, "error: {first} (the preview shows it)");
        }
        None => {
            let _ = writeln!(
                err,
                "{verb} {} in {elapsed:.0} ms ({})",
                crate::report::count(preview.files.len(), "file", "files"),
                crate::report::count(preview.diagnostics.len(), "diagnostic", "diagnostics")
            );
        }
    }
}

/// Where to connect to reach the listener (an unspecified bind address is reached on loopback).
fn wake_address(local: SocketAddr) -> SocketAddr {
    let ip = match local.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, local.port())
}

fn display_address(local: SocketAddr) -> String {
    wake_address(local).to_string()
}

fn open_browser(url: &str) {
    let command: (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(command.0)
        .args(&command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        let _ = writeln!(
            anstream::stderr(),
            "warning: cannot open a browser ({}: {e}); open {url}",
            command.0
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_scratch_files_are_not_sources() {
        for scratch in [
            "locales/az/releases/4913",
            "locales/az/releases/.2025-11-08-victory-day.ftl.swp",
            "locales/az/common.ftl~",
            "locales/az/common.ftl.tmp",
            "releases/x.toml.swp",
        ] {
            assert!(is_editor_scratch(scratch), "{scratch}");
        }
        for source in [
            "locales/az/releases/2025-11-08-victory-day.ftl",
            "locales/az",
            "locales/az/releases",
            "releases/x.toml",
            "templates/release.html",
            "templates/.hidden",
            "assets/logo.svg",
            "beyan.toml",
        ] {
            assert!(!is_editor_scratch(source), "{source}");
        }
    }
}
