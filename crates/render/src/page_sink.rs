//! Where a render's pages go as they are made: a folder on disk (`render` streams into the
//! output's staging folder), memory (`Site`, the preview), or a counter in front of either.
//!
//! A sink only writes below its folder, at paths the renderer built from validated slugs and
//! locale codes; it judges nothing itself (the output folder was judged by `WriteGate`).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::render_error::RenderError;

/// Where rendered pages go, as they are made: a folder on disk (`render`, streamed into the
/// output's staging folder), or memory (the preview, tests). Called from several threads.
pub trait PageSink: Sync {
    /// Takes the page at `path` (relative to the output folder, with `/`).
    fn page(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;

    /// Takes the page at `path` as `write` writes it: a sink on disk writes a long page (a
    /// feed of thousands of releases) to its file as it is rendered instead of holding it.
    fn page_from(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), RenderError>,
    ) -> Result<(), RenderError> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.page(path, &bytes)?;
        Ok(())
    }
}

/// Writes pages below a folder (which must exist), creating the folders they need.
pub struct FolderSink {
    dir: PathBuf,
    /// Folders known to exist, relative to `dir`.
    folders: Mutex<HashSet<String>>,
}

impl FolderSink {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            folders: Mutex::new(HashSet::new()),
        }
    }
}

impl FolderSink {
    /// The file of `path`, its folder created when it is not known to exist.
    fn file_path(&self, path: &str) -> std::io::Result<PathBuf> {
        // Pages are named by the plan (validated slugs and locales); nothing may lead out of
        // the folder whatever a name holds.
        if !Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        {
            return Err(std::io::Error::other(format!(
                "refusing to write `{path}`: not a plain path inside the output folder"
            )));
        }
        if let Some((folder, _)) = path.rsplit_once('/') {
            let known = self
                .folders
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .contains(folder);
            if !known {
                std::fs::create_dir_all(self.dir.join(folder))?;
                self.folders
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(folder.to_owned());
            }
        }
        Ok(self.dir.join(path))
    }
}

impl PageSink for FolderSink {
    fn page(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        std::fs::write(self.file_path(path)?, bytes)
    }

    fn page_from(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), RenderError>,
    ) -> Result<(), RenderError> {
        let file = std::fs::File::create(self.file_path(path)?)?;
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
        write(&mut out)?;
        std::io::Write::flush(&mut out)?;
        Ok(())
    }
}

/// Counts the pages (not the assets) that pass to another sink.
pub(crate) struct Counted<'s> {
    pub(crate) sink: &'s dyn PageSink,
    pub(crate) pages: std::sync::atomic::AtomicUsize,
}

impl PageSink for Counted<'_> {
    fn page(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if !path.starts_with("assets/") {
            self.pages
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        self.sink.page(path, bytes)
    }

    fn page_from(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), RenderError>,
    ) -> Result<(), RenderError> {
        if !path.starts_with("assets/") {
            self.pages
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        self.sink.page_from(path, write)
    }
}

/// Collects pages in memory.
#[derive(Default)]
pub(crate) struct Collector {
    pub(crate) files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl PageSink for Collector {
    fn page(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_path_cannot_lead_out_of_the_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sink = FolderSink::new(dir.path());
        for path in ["../escape.html", "/etc/escape.html", "az/../../escape.html"] {
            assert!(sink.page(path, b"x").is_err(), "{path}");
        }
        sink.page("az/page.html", b"x")
            .expect("a plain path is written");
        assert!(
            !dir.path()
                .parent()
                .expect("parent")
                .join("escape.html")
                .exists()
        );
    }
}
