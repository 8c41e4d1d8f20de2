//! The output folder is replaced whole on every render, so it must never be a folder that
//! holds anything else of value: the workspace, one of its parents or its sources.

use std::path::{Path, PathBuf};

use crate::RenderError;

/// Refuses an `out` that a render would destroy something by replacing: the workspace root or
/// an ancestor of it, a folder inside `locales/`, `releases/` or `templates/`, or a non-empty
/// folder that holds a `beyan.toml` or a `.git`.
pub fn check_out_dir(workspace_root: &Path, out: &Path) -> Result<(), RenderError> {
    let root = absolute(workspace_root);
    let target = absolute(out);
    let refuse = |why: &str| {
        Err(RenderError::OutDir(format!(
            "refusing to write to `{}`: {why}; choose another --out",
            out.display()
        )))
    };
    if root.starts_with(&target) {
        return refuse("it contains the workspace");
    }
    for source in ["locales", "releases", "templates", ".git"] {
        if target.starts_with(root.join(source)) {
            return refuse(&format!("it is inside the workspace's `{source}/`"));
        }
    }
    if target.join(beyan_content::CONFIG_FILE).exists() || target.join(".git").exists() {
        return refuse("it holds a beyan workspace or a git repository");
    }
    if target.exists() && !target.is_dir() {
        return refuse("it is not a folder");
    }
    Ok(())
}

/// An absolute, normalized path, resolving symbolic links of the part that exists.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Drop `.` and `..` first (by name: `dist/..` is the folder itself even when `dist` does
    // not exist), then resolve links in the longest existing prefix.
    let mut lexical = PathBuf::new();
    for component in joined.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            other => lexical.push(other),
        }
    }
    let joined = lexical;
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut result = existing.canonicalize().unwrap_or(existing);
    for part in rest.iter().rev() {
        result.push(part);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_folders_a_swap_would_destroy() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        std::fs::create_dir_all(root.join("locales/en")).unwrap();
        std::fs::write(root.join("beyan.toml"), "").unwrap();
        assert!(check_out_dir(&root, &root).is_err());
        assert!(check_out_dir(&root, dir.path()).is_err());
        assert!(check_out_dir(&root, &root.join("locales/en/dist")).is_err());
        assert!(check_out_dir(&root, &root.join("dist/..")).is_err());
        assert!(check_out_dir(&root, &root.join("dist")).is_ok());
        assert!(check_out_dir(&root, &dir.path().join("elsewhere/site")).is_ok());
        let other = dir.path().join("other");
        std::fs::create_dir_all(other.join(".git")).unwrap();
        assert!(check_out_dir(&root, &other).is_err());
    }
}
