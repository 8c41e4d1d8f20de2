//! Where a path really leads: `..` and symbolic links resolved the way the operating system
//! resolves them, also for the part of the path that does not exist yet.

use std::io;
use std::path::{Component, Path, PathBuf};

/// The absolute path that `path` names on disk. Each existing prefix is resolved with its
/// symbolic links, so `link/..` is the parent of the link's target (as the kernel reads it),
/// not the folder that holds the link. Components past the first missing one are taken by
/// name: that is also what creating the folders would do.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut resolved = PathBuf::new();
    let mut on_disk = true;
    for component in joined.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component),
            Component::CurDir => {}
            // `resolved` holds no link (each was replaced by its target), so dropping the
            // last name is the physical parent.
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if !on_disk {
                    continue;
                }
                match std::fs::symlink_metadata(&resolved) {
                    Ok(meta) if meta.file_type().is_symlink() => {
                        resolved = std::fs::canonicalize(&resolved).map_err(|e| {
                            let target = std::fs::read_link(&resolved)
                                .map(|t| t.display().to_string())
                                .unwrap_or_default();
                            io::Error::new(
                                e.kind(),
                                format!(
                                    "{} is a symbolic link to `{target}`, which cannot be followed: {e}",
                                    resolved.display()
                                ),
                            )
                        })?;
                    }
                    Ok(_) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => on_disk = false,
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(resolved)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn dot_dot_after_a_link_is_the_parent_of_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("ws/locales")).unwrap();
        std::fs::create_dir_all(root.join("t")).unwrap();
        std::os::unix::fs::symlink(root.join("ws/locales"), root.join("t/L")).unwrap();
        let resolved = resolve(&root.join("t/L/../releases")).unwrap();
        assert_eq!(resolved, root.join("ws/releases"));
    }

    #[test]
    fn missing_parts_are_taken_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        assert_eq!(
            resolve(&root.join("a/b/../c/./d")).unwrap(),
            root.join("a/c/d")
        );
    }

    #[test]
    fn a_dangling_link_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("link")).unwrap();
        let error = resolve(&root.join("link/x")).unwrap_err();
        assert!(error.to_string().contains("link"), "{error}");
    }
}
