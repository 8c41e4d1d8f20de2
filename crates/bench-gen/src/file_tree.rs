//! A generated folder held in memory (relative path → bytes), so that it can be compared in
//! tests and written to disk in one atomic step.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileTree {
    /// Relative paths with `/`.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl FileTree {
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn total_bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }

    /// Replaces `target` with exactly these files; on failure `target` is left as it was.
    pub fn write(&self, target: &Path) -> io::Result<()> {
        beyan_content::write_dir_atomically(target, |dir| {
            for (path, bytes) in &self.files {
                let path = dir.join(path);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, bytes)?;
            }
            Ok::<(), io::Error>(())
        })
    }
}
