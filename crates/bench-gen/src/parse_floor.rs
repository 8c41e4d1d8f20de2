//! The floor `beyan check` is measured against: read every `.ftl` file of a workspace once and
//! parse it with fluent-syntax, on one thread, doing nothing else.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloorCount {
    pub files: usize,
    pub bytes: usize,
    pub entries: usize,
    pub junk: usize,
}

/// Reads and parses every `.ftl` file under `root/locales`.
pub fn parse_floor(root: &Path) -> io::Result<FloorCount> {
    let mut paths = Vec::new();
    list_ftl(&root.join("locales"), &mut paths)?;
    let mut count = FloorCount::default();
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let text = String::from_utf8_lossy(&bytes);
        let resource = match fluent_syntax::parser::parse(text.as_ref()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        count.files += 1;
        count.bytes += bytes.len();
        for entry in &resource.body {
            match entry {
                fluent_syntax::ast::Entry::Message(_) | fluent_syntax::ast::Entry::Term(_) => {
                    count.entries += 1;
                }
                fluent_syntax::ast::Entry::Junk { .. } => count.junk += 1,
                _ => {}
            }
        }
    }
    Ok(count)
}

fn list_ftl(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            list_ftl(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
    Ok(())
}
