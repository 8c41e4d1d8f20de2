//! Atomic writes: a file or a whole folder appears complete or not at all.

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it over
/// the target, so a reader never sees a half-written file and a failure leaves the old one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    // A temporary file is private (0600); the result should read like any file the user
    // writes: keep an existing file's permissions, else the usual 0644.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(0o644),
    };
    file.as_file().set_permissions(permissions)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Builds a folder with `fill` in a temporary sibling of `target` and swaps it in place of
/// `target` only when `fill` succeeded. On failure the previous `target` is untouched.
pub fn write_dir_atomically<E>(
    target: &Path,
    fill: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<io::Error>,
{
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_owned());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)?;
    fill(staging.path())?;
    // A temporary folder is private (0700); published output must be readable.
    std::fs::set_permissions(staging.path(), default_permissions(0o755))?;
    let staged = staging.keep();
    if target.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(&parent)?
            .keep();
        // The rename below needs a free name; the empty folder just reserved it.
        std::fs::remove_dir(&old)?;
        std::fs::rename(target, &old)?;
        if let Err(e) = std::fs::rename(&staged, target) {
            // Put the previous output back before reporting.
            let _ = std::fs::rename(&old, target);
            let _ = std::fs::remove_dir_all(&staged);
            return Err(e.into());
        }
        remove_dir_all_in_parallel(&old)?;
    } else {
        std::fs::rename(&staged, target)?;
    }
    Ok(())
}

/// `remove_dir_all`, with the folder's subfolders removed side by side: a site's previous
/// output is thousands of files in a few folders (one per locale), and removing them is system
/// calls that run in parallel when they touch different folders.
fn remove_dir_all_in_parallel(dir: &Path) -> io::Result<()> {
    let mut subfolders = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            subfolders.push(entry.path());
        }
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(subfolders.len());
    if workers > 1 {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let remove = || -> io::Result<()> {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(folder) = subfolders.get(i) else {
                    return Ok(());
                };
                std::fs::remove_dir_all(folder)?;
            }
        };
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(remove)).collect();
            let mine = remove();
            helpers
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(io::Error::other("removal failed")))
                })
                .fold(mine, Result::and)
        })?;
    }
    // The files at the top, and whatever is left.
    std::fs::remove_dir_all(dir)
}

#[cfg(unix)]
fn default_permissions(mode: u32) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(mode)
}

#[cfg(not(unix))]
fn default_permissions(_mode: u32) -> std::fs::Permissions {
    // Outside Unix a new file's permissions carry no mode bits worth setting.
    let mut permissions = std::fs::metadata(std::env::temp_dir())
        .map(|m| m.permissions())
        .expect("the temporary folder exists");
    permissions.set_readonly(false);
    permissions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_fill_leaves_previous_folder() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("keep.txt"), "old").unwrap();
        let result: Result<(), io::Error> = write_dir_atomically(&out, |dir| {
            std::fs::write(dir.join("half.txt"), "new")?;
            Err(io::Error::other("boom"))
        });
        assert!(result.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("keep.txt")).unwrap(),
            "old"
        );
        assert!(!out.join("half.txt").exists());
        let leftovers = std::fs::read_dir(root.path()).unwrap().count();
        assert_eq!(leftovers, 1, "staging folder removed");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_and_folders_are_readable() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("beyan.lock");
        write_atomically(&file, b"x").unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        let out = root.path().join("dist");
        write_dir_atomically::<io::Error>(&out, |_| Ok(())).unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
    }

    #[test]
    fn the_previous_folder_goes_with_all_its_subfolders() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        for locale in ["en", "az", "tr", "ur"] {
            std::fs::create_dir_all(out.join(locale).join("deep")).unwrap();
            std::fs::write(out.join(locale).join("deep/page.html"), "old").unwrap();
        }
        std::fs::write(out.join("index.html"), "old").unwrap();
        write_dir_atomically::<io::Error>(&out, |dir| std::fs::write(dir.join("new.txt"), "new"))
            .unwrap();
        let names: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["new.txt"]);
        let siblings = std::fs::read_dir(root.path()).unwrap().count();
        assert_eq!(siblings, 1, "no staging or old folder left");
    }

    #[test]
    fn successful_fill_replaces_folder() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("dist");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("stale.txt"), "old").unwrap();
        write_dir_atomically::<io::Error>(&out, |dir| std::fs::write(dir.join("new.txt"), "new"))
            .unwrap();
        assert!(!out.join("stale.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("new.txt")).unwrap(), "new");
    }
}
