//! The gate for a file named by `-o`: never a workspace source file, never a folder.
//!
//! A CLI-side check until the content layer has one gate for every path beyan writes.

use std::path::{Component, Path, PathBuf};

use anyhow::bail;

/// Workspace-relative names that hold sources: a file written there would overwrite one.
const SOURCE_FOLDERS: [&str; 5] = ["locales", "releases", "templates", "assets", ".git"];
const SOURCE_FILES: [&str; 3] = ["beyan.toml", "beyan.lock", "glossary.toml"];

/// Refuses `path` when it is a folder or a source file of the workspace at `root`.
pub fn check_output_file(root: &Path, path: &Path) -> anyhow::Result<()> {
    if path.is_dir() {
        bail!("{}: is a folder; give a file name", path.display());
    }
    let root = resolved(root);
    let target = resolved(path);
    if let Ok(rel) = target.strip_prefix(&root) {
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_source = SOURCE_FOLDERS.contains(&first.as_str()) && rel.components().count() > 1
            || SOURCE_FILES.contains(&first.as_str()) && rel.components().count() == 1;
        if is_source {
            bail!(
                "refusing to write to `{}`: it is a source of the workspace ({}); choose another -o",
                path.display(),
                rel.display()
            );
        }
    }
    Ok(())
}

/// An absolute path with `.` and `..` removed and the links of its existing part resolved.
fn resolved(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut lexical = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                lexical.pop();
            }
            other => lexical.push(other),
        }
    }
    // Resolve links in the longest prefix that exists, then add the rest back.
    let mut existing = lexical.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_owned()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for name in rest.iter().rev() {
        out.push(name);
    }
    out
}
