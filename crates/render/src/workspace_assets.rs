//! The workspace's own `assets/` (emblem, favicon, share image…), published under
//! `<out>/assets/` beside the built-in stylesheet and fonts.
//!
//! Read through the workspace's `ReadGate`: only regular files, and a link that leads out of the
//! workspace is an error naming it (its target is never read); a name the built-ins use
//! (`style.css`, `fonts/…`) is an error rather than a silent replacement.

use std::collections::BTreeMap;
use std::path::Path;

use beyan_content::ReadGate;

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
    /// Reads `<root>/assets/` through the workspace's gate: a file or folder whose link leads
    /// out of the workspace is an error naming it, and is never read.
    pub(crate) fn load(root: &Path) -> Result<Self, AssetError> {
        let mut assets = Self::default();
        let gate = ReadGate::new(root).map_err(|e| AssetError {
            path: "assets".to_owned(),
            message: format!("cannot open the workspace: {e}"),
        })?;
        let listing = gate.list(&root.join("assets"), true, &|_| true);
        if let Some((_, refused)) = listing.refused.into_iter().next() {
            return Err(AssetError {
                path: refused.path,
                message: refused.reason,
            });
        }
        for (rel, path) in listing.files {
            let top = rel.split('/').next().unwrap_or(&rel);
            if RESERVED.contains(&top) {
                return Err(AssetError {
                    path: format!("assets/{top}"),
                    message: "this name is beyan's own (the stylesheet and fonts); rename the file"
                        .to_owned(),
                });
            }
            let bytes = gate
                .read(&path)
                .map_err(|refused| AssetError {
                    path: refused.path,
                    message: refused.reason,
                })?
                .unwrap_or_default();
            assets.files.insert(rel, bytes);
        }
        Ok(assets)
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
        std::fs::write(dir.path().join("inside.svg"), "<svg/>").unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret"),
            dir.path().join("assets/emblem.svg"),
        )
        .unwrap();
        let error = WorkspaceAssets::load(dir.path()).unwrap_err();
        assert_eq!(error.path, "assets/emblem.svg");
        assert!(error.message.contains("outside the workspace"), "{error}");
        // A link that stays inside the workspace is followed.
        std::fs::remove_file(dir.path().join("assets/emblem.svg")).unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("inside.svg"),
            dir.path().join("assets/emblem.svg"),
        )
        .unwrap();
        let assets = WorkspaceAssets::load(dir.path()).unwrap();
        assert_eq!(assets.files["emblem.svg"], b"<svg/>");
    }
}
