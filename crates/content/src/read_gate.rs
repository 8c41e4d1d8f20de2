//! "May beyan read this?": the one place that answers it. beyan reads only inside the
//! workspace: a file or folder whose symbolic link resolves outside it (`/etc/passwd`,
//! `/proc/self/environ`) is refused by name and never opened, so its content cannot be
//! printed in a snippet, a to-do or a published page. Links that stay inside are followed.
//! Only regular files are read: a FIFO or a device would block or never end.

use std::collections::HashSet;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Why a workspace path was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ReadRefused {
    /// Relative to the workspace root, with `/`.
    pub path: String,
    pub reason: String,
}

/// The files below a folder that may be read, and the entries that were refused.
#[derive(Debug, Default)]
pub struct Listing {
    /// (path relative to the listed folder with `/`, path to open with [`ReadGate::read_listed`]:
    /// for a link, its target), sorted by name.
    pub files: Vec<(String, PathBuf)>,
    /// Entries refused (a link out of the workspace, a file that is not a regular file), with
    /// their path relative to the listed folder.
    pub refused: Vec<(String, ReadRefused)>,
}

/// Reads workspace files, refusing whatever leads out of the workspace.
#[derive(Debug, Clone)]
pub struct ReadGate {
    /// The workspace root as given (for showing paths).
    shown_root: PathBuf,
    /// The same, with every link resolved.
    root: PathBuf,
}

impl ReadGate {
    pub fn new(root: &Path) -> io::Result<Self> {
        Ok(Self {
            shown_root: root.to_path_buf(),
            root: root.canonicalize()?,
        })
    }

    /// The workspace-relative form of `path`, for messages.
    pub fn shown(&self, path: &Path) -> String {
        let relative = path
            .strip_prefix(&self.shown_root)
            .or_else(|_| path.strip_prefix(&self.root))
            .unwrap_or(path);
        relative.to_string_lossy().replace('\\', "/")
    }

    fn refused(&self, path: &Path, reason: String) -> ReadRefused {
        ReadRefused {
            path: self.shown(path),
            reason,
        }
    }

    /// Where `path` leads, when that is inside the workspace. `Ok(None)` when nothing is there.
    pub fn resolve(&self, path: &Path) -> Result<Option<PathBuf>, ReadRefused> {
        let target = match path.canonicalize() {
            Ok(target) => target,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // A dangling link is something, not nothing: name it.
                return match std::fs::symlink_metadata(path) {
                    Ok(_) => Err(self.refused(
                        path,
                        "a symbolic link whose target does not exist".to_owned(),
                    )),
                    Err(_) => Ok(None),
                };
            }
            Err(e) => return Err(self.refused(path, format!("cannot be read: {e}"))),
        };
        if !target.starts_with(&self.root) {
            return Err(self.refused(
                path,
                format!(
                    "a symbolic link to `{}`, outside the workspace; beyan reads only inside the workspace, so it was not read",
                    target.display()
                ),
            ));
        }
        Ok(Some(target))
    }

    /// Opens a regular file of the workspace; `Ok(None)` when it does not exist.
    pub fn open(&self, path: &Path) -> Result<Option<File>, ReadRefused> {
        Ok(self.open_sized(path)?.map(|(file, _)| file))
    }

    /// [`ReadGate::open`], with the file's size.
    fn open_sized(&self, path: &Path) -> Result<Option<(File, u64)>, ReadRefused> {
        let Some(target) = self.resolve(path)? else {
            return Ok(None);
        };
        let meta = std::fs::metadata(&target)
            .map_err(|e| self.refused(path, format!("cannot be read: {e}")))?;
        if !meta.is_file() {
            return Err(self.refused(path, "not a regular file; it was not read".to_owned()));
        }
        File::open(&target)
            .map(|file| Some((file, meta.len())))
            .map_err(|e| self.refused(path, format!("cannot be read: {e}")))
    }

    /// Reads a regular file of the workspace whole; `Ok(None)` when it does not exist.
    pub fn read(&self, path: &Path) -> Result<Option<Vec<u8>>, ReadRefused> {
        let Some((file, len)) = self.open_sized(path)? else {
            return Ok(None);
        };
        read_whole(&file, len)
            .map(Some)
            .map_err(|e| self.refused(path, format!("cannot be read: {e}")))
    }

    /// Reads a file that [`ReadGate::list`] returned: the walk already resolved its links and
    /// judged its folders, so only the file itself is opened (never through a link planted
    /// since), without resolving every component of its path again.
    pub fn read_listed(&self, path: &Path) -> Result<Vec<u8>, ReadRefused> {
        let refuse = |e: io::Error| self.refused(path, format!("cannot be read: {e}"));
        let mut options = std::fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
        }
        let file = options.open(path).map_err(refuse)?;
        let meta = file.metadata().map_err(refuse)?;
        if !meta.is_file() {
            return Err(self.refused(path, "not a regular file; it was not read".to_owned()));
        }
        read_whole(&file, meta.len()).map_err(refuse)
    }

    /// Whether `path` is a folder inside the workspace (following links that stay inside).
    pub fn is_dir(&self, path: &Path) -> bool {
        matches!(self.resolve(path), Ok(Some(target)) if target.is_dir())
    }

    /// Lists the regular files below `dir` whose name `keep` accepts, sorted (recursively when
    /// `recursive`). Names starting with `.` are skipped. Links are resolved: inside the workspace they are
    /// followed (a folder reached twice is listed once, so a loop cannot trap the walk),
    /// outside it they are refused. A missing `dir` lists nothing.
    pub fn list(&self, dir: &Path, recursive: bool, keep: &dyn Fn(&str) -> bool) -> Listing {
        let mut listing = Listing::default();
        let target = match self.resolve(dir) {
            Ok(Some(target)) if target.is_dir() => target,
            Ok(_) => return listing,
            Err(refused) => {
                listing.refused.push((String::new(), refused));
                return listing;
            }
        };
        let mut seen = HashSet::new();
        seen.insert(target);
        self.walk(dir, "", recursive, keep, &mut seen, &mut listing);
        listing
    }

    fn walk(
        &self,
        dir: &Path,
        prefix: &str,
        recursive: bool,
        keep: &dyn Fn(&str) -> bool,
        seen: &mut HashSet<PathBuf>,
        listing: &mut Listing,
    ) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                let refused = self.refused(dir, format!("the folder cannot be read: {e}"));
                listing.refused.push((prefix.to_owned(), refused));
                return;
            }
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let Ok(mut kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            let rel = format!("{prefix}{name}");
            let mut path = path;
            if kind.is_symlink() {
                // Only a link that could matter is resolved: a folder, or a file we keep.
                match self.resolve(&path) {
                    Ok(Some(target)) => match std::fs::metadata(&target) {
                        Ok(meta) => {
                            kind = meta.file_type();
                            if kind.is_dir() && !seen.insert(target.clone()) {
                                continue;
                            }
                            // Opened where it leads: `read_listed` never follows a link.
                            path = target;
                        }
                        Err(_) => continue,
                    },
                    Ok(None) => continue,
                    Err(refused) => {
                        listing.refused.push((rel, refused));
                        continue;
                    }
                }
            }
            if kind.is_dir() {
                if recursive {
                    self.walk(&path, &format!("{rel}/"), recursive, keep, seen, listing);
                }
            } else if keep(&name) {
                if kind.is_file() {
                    listing.files.push((rel, path));
                } else {
                    let refused =
                        self.refused(&path, "not a regular file; it was not read".to_owned());
                    listing.refused.push((rel, refused));
                }
            }
        }
    }
}

/// Reads `file` whole, `len` bytes expected (its size when it was opened): one read for the
/// bytes and one that finds the end. `read_to_end` on a `File` would first ask the system for
/// its size and position again, and an archive reads thousands of files. A file that grew or
/// shrank since is still read whole.
fn read_whole(file: &File, len: u64) -> io::Result<Vec<u8>> {
    let expected = usize::try_from(len).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    io::Read::read_to_end(&mut io::Read::take(file, u64::MAX), &mut bytes)?;
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn workspace() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("test setup");
        let root = dir.path().join("ws");
        std::fs::create_dir_all(root.join("locales/en/releases")).expect("test setup");
        std::fs::write(root.join("locales/en/common.ftl"), "a = b\n").expect("test setup");
        std::fs::write(dir.path().join("secret.txt"), "SECRET").expect("test setup");
        (dir, root)
    }

    #[test]
    fn links_out_of_the_workspace_are_refused_and_never_read() {
        let (dir, root) = workspace();
        symlink(dir.path().join("secret.txt"), root.join("locales/en/x.ftl")).unwrap();
        let gate = ReadGate::new(&root).unwrap();
        let error = gate.read(&root.join("locales/en/x.ftl")).unwrap_err();
        assert_eq!(error.path, "locales/en/x.ftl");
        assert!(error.reason.contains("outside the workspace"), "{error}");
        assert!(!error.to_string().contains("SECRET"));
        let listing = gate.list(&root.join("locales/en"), true, &|n| n.ends_with(".ftl"));
        let files: Vec<&str> = listing.files.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(files, ["common.ftl"]);
        assert_eq!(listing.refused.len(), 1);
        assert_eq!(listing.refused[0].0, "x.ftl");
    }

    #[test]
    fn a_linked_folder_out_of_the_workspace_is_refused() {
        let (dir, root) = workspace();
        std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
        std::fs::write(dir.path().join("elsewhere/y.ftl"), "y = z\n").unwrap();
        symlink(dir.path().join("elsewhere"), root.join("locales/az")).unwrap();
        let gate = ReadGate::new(&root).unwrap();
        let listing = gate.list(&root.join("locales/az"), true, &|_| true);
        assert!(listing.files.is_empty());
        assert_eq!(listing.refused[0].1.path, "locales/az");
    }

    #[test]
    fn links_inside_are_followed_and_loops_end() {
        let (_dir, root) = workspace();
        symlink(
            root.join("locales/en/common.ftl"),
            root.join("locales/en/alias.ftl"),
        )
        .unwrap();
        symlink(
            root.join("locales/en"),
            root.join("locales/en/releases/loop"),
        )
        .unwrap();
        let gate = ReadGate::new(&root).unwrap();
        let listing = gate.list(&root.join("locales/en"), true, &|n| n.ends_with(".ftl"));
        let files: Vec<&str> = listing.files.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(files, ["alias.ftl", "common.ftl"]);
        assert!(listing.refused.is_empty());
        assert_eq!(
            gate.read(&root.join("locales/en/alias.ftl"))
                .unwrap()
                .unwrap(),
            b"a = b\n"
        );
    }

    #[test]
    fn listed_files_are_read_without_following_a_link_planted_later() {
        let (dir, root) = workspace();
        symlink(
            root.join("locales/en/common.ftl"),
            root.join("locales/en/alias.ftl"),
        )
        .unwrap();
        let gate = ReadGate::new(&root).unwrap();
        let listing = gate.list(&root.join("locales/en"), true, &|n| n.ends_with(".ftl"));
        for (_, path) in &listing.files {
            assert_eq!(gate.read_listed(path).unwrap(), b"a = b\n");
        }
        // Swapped for a link out of the workspace after the walk: refused, never read.
        let common = root.join("locales/en/common.ftl");
        std::fs::remove_file(&common).unwrap();
        symlink(dir.path().join("secret.txt"), &common).unwrap();
        let error = gate.read_listed(&common).unwrap_err();
        assert!(!error.to_string().contains("SECRET"), "{error}");
    }

    #[test]
    fn a_fifo_is_not_read() {
        let (_dir, root) = workspace();
        let fifo = root.join("locales/en/pipe.ftl");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(status.is_ok_and(|s| s.success()), "mkfifo");
        let gate = ReadGate::new(&root).unwrap();
        assert!(gate.read(&fifo).is_err());
        let listing = gate.list(&root.join("locales/en"), true, &|n| n.ends_with(".ftl"));
        assert_eq!(listing.refused.len(), 1);
    }
}
