//! Atomic writes: a file or a whole folder appears complete or not at all, and an interrupted
//! write leaves nothing that the next one does not clean up.
//!
//! Every temporary name beyan makes beside a target starts with `.<name>.beyan-`, so that the
//! leftovers of a killed run are recognized (and only they are removed). Which paths may be
//! written at all is not decided here but by [`crate::WriteGate`].

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it over
/// the target, so a reader never sees a half-written file and a failure leaves the old one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (dir, name) = parent_and_name(path);
    let prefix = format!(".{name}.beyan-tmp-");
    remove_abandoned_temp_files(&dir, &prefix);
    let mut file = tempfile::Builder::new()
        .prefix(&prefix)
        .tempfile_in(&dir)
        .map_err(without_temp_path)?;
    // Held until the file is renamed: a concurrent writer sees that this one is alive.
    lock_file(file.as_file(), false);
    // A temporary file is private (0600); the result should read like any file the user
    // writes: keep an existing file's permissions, else the usual 0644.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(0o644),
    };
    file.as_file().set_permissions(permissions)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| without_temp_path(e.error))?;
    Ok(())
}

/// Builds a folder with `fill` in a temporary sibling of `target` and puts it in place of
/// `target` only when `fill` succeeded: on failure the previous `target` is untouched.
///
/// The replacement leaves no instant without `target`: the two names are exchanged in one
/// system call (`renameat2(RENAME_EXCHANGE)` on Linux), then the previous folder is removed.
/// A failure to remove it does not undo the swap; the next run removes what is left. Callers
/// judge first whether `target` may be replaced ([`crate::OutputDir`]); this function only
/// does it safely.
pub fn write_dir_atomically<E>(
    target: &Path,
    fill: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<io::Error>,
{
    let (parent, name) = parent_and_name(target);
    std::fs::create_dir_all(&parent)?;
    let staging = tempfile::Builder::new()
        .prefix(&staging_prefix(&name))
        .tempdir_in(&parent)
        .map_err(without_temp_path)?;
    // On failure the staging folder is dropped, and so removed.
    fill(staging.path())?;
    // A temporary folder is private (0700); published output must be readable.
    std::fs::set_permissions(staging.path(), default_permissions(0o755))?;
    let staged = staging.keep();
    let result = if std::fs::symlink_metadata(target).is_ok() {
        swap_in(&staged, target, &parent, &name)
    } else {
        std::fs::rename(&staged, target)
    };
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e.into());
    }
    Ok(())
}

/// Fills `dir`, which must be empty or absent, with what `fill` writes, all or nothing: a
/// missing folder is staged beside it and renamed into place; an existing empty folder (the
/// current one, say) is staged inside and its entries moved up, and removed again if a move
/// fails.
pub fn fill_empty_dir<E>(dir: &Path, fill: impl FnOnce(&Path) -> Result<(), E>) -> Result<(), E>
where
    E: From<io::Error>,
{
    if std::fs::symlink_metadata(dir).is_err() {
        return write_dir_atomically(dir, fill);
    }
    let staging = tempfile::Builder::new()
        .prefix(".beyan-init-")
        .tempdir_in(dir)
        .map_err(without_temp_path)?;
    fill(staging.path())?;
    let mut moved: Vec<PathBuf> = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(staging.path())?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let to = dir.join(entry.file_name());
        if let Err(e) = std::fs::rename(entry.path(), &to) {
            for path in moved.iter().rev() {
                let _ = std::fs::remove_dir_all(path).or_else(|_| std::fs::remove_file(path));
            }
            return Err(e.into());
        }
        moved.push(to);
    }
    Ok(())
}

/// tempfile's errors end with the temporary name (`… at path "/w/.beyan.lock.beyan-tmp-x1Y2"`),
/// which the user never asked for and cannot act on: keep what went wrong, not where (the
/// caller names the file it was writing).
fn without_temp_path(error: io::Error) -> io::Error {
    let text = error.to_string();
    match text.split_once(" at path \"") {
        Some((what, _)) => io::Error::new(error.kind(), what.to_owned()),
        None => error,
    }
}

/// The prefix of a staging folder beside `name` (`.dist.beyan-new-`).
fn staging_prefix(name: &str) -> String {
    format!(".{name}.beyan-new-")
}

/// Exchanges `staged` and `target`, then removes the previous folder (now at `staged`).
fn swap_in(staged: &Path, target: &Path, parent: &Path, name: &str) -> io::Result<()> {
    if exchange(staged, target)? {
        // The new site is in place; the old one may go, and if it will not, the next run
        // removes it (it carries the staging prefix).
        let _ = std::fs::remove_dir_all(staged);
        return Ok(());
    }
    // No exchange on this system or file system: two renames, with the old folder put back
    // when the second fails.
    let old = tempfile::Builder::new()
        .prefix(&format!(".{name}.beyan-old-"))
        .tempdir_in(parent)
        .map_err(without_temp_path)?
        .keep();
    std::fs::remove_dir(&old)?;
    std::fs::rename(target, &old)?;
    if let Err(e) = std::fs::rename(staged, target) {
        let _ = std::fs::rename(&old, target);
        return Err(e);
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps two names atomically; `Ok(false)` when the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes the leftovers of interrupted folder writes beside `target` (`.<name>.beyan-new-*`,
/// `.<name>.beyan-old-*`, and the `.<name>.new-*` / `.<name>.old-*` of earlier beyan
/// versions). Only folders are removed, never through a link. The caller holds the output's
/// lock, so no live run owns them.
pub(crate) fn remove_leftover_dirs(target: &Path) {
    let (parent, name) = parent_and_name(target);
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return;
    };
    let prefixes = [
        staging_prefix(&name),
        format!(".{name}.beyan-old-"),
        format!(".{name}.new-"),
        format!(".{name}.old-"),
    ];
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str()))
            && entry.file_type().is_ok_and(|t| t.is_dir())
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Removes temporary files of [`write_atomically`] whose writer is gone: a live writer holds
/// a lock on its file, so a file whose lock can be taken was abandoned (its process was killed).
fn remove_abandoned_temp_files(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with(prefix)
            || !entry.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        if let Ok(file) = std::fs::File::open(entry.path())
            && lock_file(&file, false)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Takes an exclusive advisory lock on `file`, waiting for it when `wait`; whether it was taken.
#[cfg(unix)]
pub(crate) fn lock_file(file: &std::fs::File, wait: bool) -> bool {
    use rustix::fs::{FlockOperation, flock};
    let operation = if wait {
        FlockOperation::LockExclusive
    } else {
        FlockOperation::NonBlockingLockExclusive
    };
    flock(file, operation).is_ok()
}

#[cfg(not(unix))]
pub(crate) fn lock_file(file: &std::fs::File, wait: bool) -> bool {
    if wait {
        file.lock().is_ok()
    } else {
        file.try_lock().is_ok()
    }
}

/// The folder a path is in (`.` for a bare name) and its file name.
pub(crate) fn parent_and_name(path: &Path) -> (PathBuf, String) {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_owned());
    (parent, name)
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
    fn a_failed_write_does_not_name_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let error =
            write_atomically(&dir.path().join("no-such-folder/beyan.lock"), b"x").unwrap_err();
        let text = error.to_string();
        assert!(!text.contains("beyan-tmp"), "{text}");
        assert_eq!(error.kind(), io::ErrorKind::NotFound, "{text}");
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("test setup")
            .map(|e| {
                e.expect("test setup")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

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
        assert_eq!(names(root.path()), ["dist"], "staging folder removed");
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
        assert_eq!(names(&out), ["new.txt"]);
        assert_eq!(
            names(root.path()),
            ["dist"],
            "no staging or old folder left"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_swap_is_one_exchange() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = (root.path().join("a"), root.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(a.join("from-a"), "").unwrap();
        // tmpfs and the usual Linux file systems support RENAME_EXCHANGE.
        assert!(exchange(&a, &b).unwrap());
        assert!(b.join("from-a").exists() && !a.join("from-a").exists());
    }

    #[test]
    fn leftovers_of_killed_runs_are_removed_and_nothing_else() {
        let root = tempfile::tempdir().unwrap();
        for name in [
            ".dist.beyan-new-abc",
            ".dist.beyan-old-abc",
            ".dist.new-xyz",
            ".other.beyan-new-abc",
            "dist",
        ] {
            std::fs::create_dir(root.path().join(name)).unwrap();
            std::fs::write(root.path().join(name).join("f"), "").unwrap();
        }
        std::fs::write(root.path().join(".dist.beyan-new-file"), "").unwrap();
        remove_leftover_dirs(&root.path().join("dist"));
        assert_eq!(
            names(root.path()),
            [".dist.beyan-new-file", ".other.beyan-new-abc", "dist"]
        );
    }

    #[test]
    fn abandoned_temporary_files_are_removed_live_ones_kept() {
        let root = tempfile::tempdir().unwrap();
        let abandoned = root.path().join(".beyan.lock.beyan-tmp-dead");
        std::fs::write(&abandoned, "half").unwrap();
        let live = root.path().join(".beyan.lock.beyan-tmp-live");
        std::fs::write(&live, "half").unwrap();
        let held = std::fs::File::open(&live).unwrap();
        assert!(lock_file(&held, false));
        write_atomically(&root.path().join("beyan.lock"), b"x").unwrap();
        assert_eq!(
            names(root.path()),
            [".beyan.lock.beyan-tmp-live", "beyan.lock"]
        );
    }

    #[test]
    fn an_empty_existing_folder_is_filled_in_place() {
        let root = tempfile::tempdir().unwrap();
        fill_empty_dir::<io::Error>(root.path(), |dir| {
            std::fs::create_dir(dir.join("locales"))?;
            std::fs::write(dir.join("beyan.toml"), "x")
        })
        .unwrap();
        assert_eq!(names(root.path()), ["beyan.toml", "locales"]);
        let failed: Result<(), io::Error> = fill_empty_dir(&root.path().join("new"), |dir| {
            std::fs::write(dir.join("a"), "x")?;
            Err(io::Error::other("boom"))
        });
        assert!(failed.is_err());
        assert_eq!(names(root.path()), ["beyan.toml", "locales"]);
    }
}
