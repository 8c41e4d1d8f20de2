//! The workspace's own `assets/` (emblem, favicon, share image…), published under
//! `<out>/assets/` beside the built-in stylesheet and fonts.
//!
//! Only regular files are read: a symbolic link is an error naming it (its target is never
//! read), and a name the built-ins use (`style.css`, `fonts/…`) is an error rather than a
//! silent replacement.

use std::collections::BTreeMap;
use std::path::Path;

/// Why the workspace's `assets/` could not be published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct AssetError {
    /// Workspace-relative, with `/`.
    pub path: String,
    pub message: String,
}

/// The files of `<root>/assets/`, by path below it, and the ones the templates know by role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WorkspaceAssets {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Names the built-in assets take.
const RESERVED: [&str; 2] = ["style.css", "fonts"];

/// File names tried, in order, for each role a template can use.
const EMBLEMS: [&str; 4] = ["emblem.svg", "logo.svg", "emblem.png", "logo.png"];
const FAVICONS: [&str; 3] = ["favicon.svg", "favicon.png", "favicon.ico"];
const SHARE_IMAGES: [&str; 3] = ["share.png", "share.jpg", "share.jpeg"];

impl WorkspaceAssets {
    pub(crate) fn load(root: &Path) -> Result<Self, AssetError> {
        let mut assets = Self::default();
        let dir = root.join("assets");
        match std::fs::symlink_metadata(&dir) {
            Err(_) => return Ok(assets),
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(AssetError {
                    path: "assets".to_owned(),
                    message: "is a symbolic link; beyan publishes only the workspace's own files"
                        .to_owned(),
                });
            }
            Ok(meta) if !meta.is_dir() => return Ok(assets),
            Ok(_) => {}
        }
        assets.read(&dir, "")?;
        Ok(assets)
    }

    fn read(&mut self, dir: &Path, prefix: &str) -> Result<(), AssetError> {
        let shown = |name: &str| format!("assets/{prefix}{name}");
        let entries = std::fs::read_dir(dir).map_err(|e| AssetError {
            path: shown(""),
            message: format!("cannot read the folder: {e}"),
        })?;
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if prefix.is_empty() && RESERVED.contains(&name.as_str()) {
                return Err(AssetError {
                    path: shown(&name),
                    message: "this name is beyan's own (the stylesheet and fonts); rename the file"
                        .to_owned(),
                });
            }
            let kind = entry.file_type().map_err(|e| AssetError {
                path: shown(&name),
                message: format!("cannot read: {e}"),
            })?;
            if kind.is_symlink() {
                return Err(AssetError {
                    path: shown(&name),
                    message: "is a symbolic link; beyan publishes only the workspace's own files"
                        .to_owned(),
                });
            } else if kind.is_dir() {
                self.read(&entry.path(), &format!("{prefix}{name}/"))?;
            } else if kind.is_file() {
                let bytes = std::fs::read(entry.path()).map_err(|e| AssetError {
                    path: shown(&name),
                    message: format!("cannot read: {e}"),
                })?;
                self.files.insert(format!("{prefix}{name}"), bytes);
            }
        }
        Ok(())
    }

    fn first(&self, names: &[&str]) -> Option<String> {
        names
            .iter()
            .find(|name| self.files.contains_key(**name))
            .map(|name| (*name).to_owned())
    }

    /// The organization's emblem or logo for the header band.
    pub(crate) fn emblem(&self) -> Option<String> {
        self.first(&EMBLEMS)
    }

    pub(crate) fn favicon(&self) -> Option<String> {
        self.first(&FAVICONS)
    }

    /// The picture shown when a page is shared (Open Graph, Twitter card).
    pub(crate) fn share_image(&self) -> Option<String> {
        self.first(&SHARE_IMAGES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_files_and_finds_roles() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("assets/img")).unwrap();
        std::fs::write(dir.path().join("assets/logo.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("assets/img/a.png"), "png").unwrap();
        let assets = WorkspaceAssets::load(dir.path()).unwrap();
        assert_eq!(
            assets.files.keys().collect::<Vec<_>>(),
            ["img/a.png", "logo.svg"]
        );
        assert_eq!(assets.emblem().as_deref(), Some("logo.svg"));
        assert_eq!(assets.favicon(), None);
    }

    #[test]
    fn reserved_names_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::fs::write(dir.path().join("assets/style.css"), "body{}").unwrap();
        let error = WorkspaceAssets::load(dir.path()).unwrap_err();
        assert_eq!(error.path, "assets/style.css");
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret"),
            dir.path().join("assets/emblem.svg"),
        )
        .unwrap();
        let error = WorkspaceAssets::load(dir.path()).unwrap_err();
        assert_eq!(error.path, "assets/emblem.svg");
        assert!(error.message.contains("symbolic link"));
    }
}
