//! "May beyan write here?": the one place that answers it, for every command that writes
//! (render's output folder, `status -o`, `lock`, `new`, `init`, exports).
//!
//! Paths are judged where they really lead (`..` and links resolved, [`crate::resolve`]).
//! beyan never writes over `/`, the home folder, the workspace or a folder that contains it,
//! nor over a source of the workspace (`beyan.toml`, `glossary.toml`, `beyan.lock` but for
//! `beyan lock` itself, and anything in `locales/`, `releases/`, `templates/`, `assets/`,
//! `.git/`). An output folder is replaced whole, so beyan replaces only a folder that is new,
//! empty, or holds exactly what beyan wrote there last time, as listed in its manifest
//! ([`SITE_MANIFEST`]).

use std::collections::{BTreeSet, HashSet};
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::atomic_write::{lock_file, parent_and_name, remove_leftover_dirs};
use crate::resolved_path::resolve;
use crate::{CONFIG_FILE, LOCK_FILE};

/// The manifest `render` writes into its output folder: the files it wrote, one per line.
pub const SITE_MANIFEST: &str = ".beyan-site";

/// Workspace folders that hold sources: nothing beyan writes goes inside them.
const SOURCE_FOLDERS: &[&str] = &["locales", "releases", "templates", "assets", ".git"];
/// Workspace files that are sources.
const SOURCE_FILES: &[&str] = &[CONFIG_FILE, LOCK_FILE, "glossary.toml"];
/// How many foreign entries a refusal names.
const SHOWN_ENTRIES: usize = 5;

/// Why beyan will not write somewhere.
#[derive(Debug, thiserror::Error)]
pub enum WriteRefused {
    #[error("refusing to write to {shown}: {reason}")]
    Refused { shown: String, reason: String },
    #[error(
        "refusing to replace {shown}: it holds files beyan did not write ({}); beyan replaces only a new or empty folder, or one it wrote before (listed in its `{SITE_MANIFEST}`); nothing was touched; choose another output folder (a site from a beyan older than the manifest: remove it once yourself)",
        entries.join(", ")
    )]
    Foreign { shown: String, entries: Vec<String> },
    #[error("another beyan is writing {shown}")]
    Busy { shown: String },
    #[error("cannot use {shown}: {source}")]
    Io {
        shown: String,
        #[source]
        source: io::Error,
    },
}

/// Judges the paths a command may write, for one workspace (or none, for `init`).
#[derive(Debug, Clone)]
pub struct WriteGate {
    /// The workspace root, resolved.
    workspace: Option<PathBuf>,
    /// The home folder, resolved, when there is one.
    home: Option<PathBuf>,
}

impl WriteGate {
    pub fn for_workspace(root: &Path) -> io::Result<Self> {
        Ok(Self {
            workspace: Some(root.canonicalize()?),
            home: home_dir(),
        })
    }

    /// For commands that create a workspace.
    pub fn without_workspace() -> Self {
        Self {
            workspace: None,
            home: home_dir(),
        }
    }

    fn resolve(path: &Path) -> Result<PathBuf, WriteRefused> {
        resolve(path).map_err(|source| WriteRefused::Io {
            shown: format!("`{}`", path.display()),
            source,
        })
    }

    /// Why `target` (resolved) may not be written, if it may not.
    fn forbidden(&self, target: &Path) -> Option<String> {
        if target.parent().is_none() {
            return Some("it is the root folder".to_owned());
        }
        if let Some(home) = &self.home {
            if target == home {
                return Some("it is your home folder".to_owned());
            }
            if home.starts_with(target) {
                return Some("it contains your home folder".to_owned());
            }
        }
        let root = self.workspace.as_ref()?;
        if target == root {
            return Some("it is the workspace".to_owned());
        }
        if root.starts_with(target) {
            return Some("it contains the workspace".to_owned());
        }
        let inside = target.strip_prefix(root).ok()?;
        let first = inside.components().next()?.as_os_str().to_string_lossy();
        if SOURCE_FOLDERS.contains(&first.as_ref()) {
            return Some(format!("it is inside the workspace's `{first}/`, a source"));
        }
        if inside.components().count() == 1 && SOURCE_FILES.contains(&first.as_ref()) {
            return Some(format!("`{first}` is a source file of the workspace"));
        }
        None
    }

    fn judge(&self, path: &Path) -> Result<PathBuf, WriteRefused> {
        let target = Self::resolve(path)?;
        match self.forbidden(&target) {
            Some(reason) => Err(WriteRefused::Refused {
                shown: shown(path, &target),
                reason,
            }),
            None => Ok(target),
        }
    }

    /// A file the user named (`status -o`, an export): anywhere but over a source, a folder or
    /// a protected place. Returns where it really leads.
    pub fn output_file(&self, path: &Path) -> Result<PathBuf, WriteRefused> {
        let target = self.judge(path)?;
        if target.is_dir() {
            return Err(WriteRefused::Refused {
                shown: shown(path, &target),
                reason: "it is a folder; give a file name".to_owned(),
            });
        }
        Ok(target)
    }

    /// A file that the command itself owns inside the workspace (`beyan.lock` for `lock`, a
    /// new release's files for `new`): it must resolve inside the workspace (a linked
    /// `releases/` leading out is refused). `rel` is workspace-relative.
    pub fn workspace_file(&self, rel: &str) -> Result<PathBuf, WriteRefused> {
        let root = self
            .workspace
            .as_ref()
            .ok_or_else(|| WriteRefused::Refused {
                shown: format!("`{rel}`"),
                reason: "there is no workspace".to_owned(),
            })?;
        let target = Self::resolve(&root.join(rel))?;
        if !target.starts_with(root) || target == *root {
            return Err(WriteRefused::Refused {
                shown: format!("`{rel}`"),
                reason: format!(
                    "it leads outside the workspace (to `{}`) through a symbolic link",
                    target.display()
                ),
            });
        }
        Ok(target)
    }

    /// A folder to create a workspace in: new, or empty.
    pub fn new_workspace_dir(&self, dir: &Path) -> Result<PathBuf, WriteRefused> {
        let target = Self::resolve(dir)?;
        let refuse = |reason: String| WriteRefused::Refused {
            shown: shown(dir, &target),
            reason,
        };
        if let Some(reason) = self.forbidden(&target) {
            return Err(refuse(reason));
        }
        match std::fs::symlink_metadata(&target) {
            Err(_) => Ok(target),
            Ok(meta) if !meta.is_dir() => Err(refuse("it exists and is not a folder".to_owned())),
            Ok(_) => {
                let entries = first_entries(&target);
                if entries.is_empty() {
                    Ok(target)
                } else {
                    Err(refuse(format!(
                        "the folder is not empty ({}); `beyan init` only creates a workspace in a new or empty folder",
                        entries.join(", ")
                    )))
                }
            }
        }
    }

    /// An output folder that a command replaces whole. Judged by where it leads; what it holds
    /// is judged when it is locked ([`OutputDir::lock`]).
    pub fn output_dir(&self, out: &Path) -> Result<OutputDir, WriteRefused> {
        let target = self.judge(out)?;
        let shown = shown(out, &target);
        if std::fs::metadata(&target).is_ok_and(|m| !m.is_dir()) {
            return Err(WriteRefused::Refused {
                shown,
                reason: "it is not a folder".to_owned(),
            });
        }
        Ok(OutputDir {
            path: target,
            shown,
        })
    }
}

/// An output folder that may be replaced, once locked.
#[derive(Debug)]
pub struct OutputDir {
    path: PathBuf,
    shown: String,
}

/// An output folder locked against other beyan runs, whose content was judged replaceable.
#[derive(Debug)]
pub struct LockedOutputDir {
    path: PathBuf,
    shown: String,
    /// Held until dropped.
    _lock: File,
}

impl OutputDir {
    /// Where the folder really is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Locks the folder against other beyan runs (an advisory lock on the folder that holds
    /// it, so nothing is created beside it; with `wait`, waits for a run that holds it, else
    /// fails with [`WriteRefused::Busy`]), removes leftovers of interrupted runs, and judges
    /// what the folder holds: it must be absent, empty, or hold exactly the files of its
    /// manifest. A refusal touches nothing.
    pub fn lock(&self, wait: bool) -> Result<LockedOutputDir, WriteRefused> {
        let io_error = |source| WriteRefused::Io {
            shown: self.shown.clone(),
            source,
        };
        let foreign = |entries| WriteRefused::Foreign {
            shown: self.shown.clone(),
            entries,
        };
        // Judged first without the lock, so that a refusal leaves no trace at all.
        let entries = foreign_entries(&self.path);
        if !entries.is_empty() {
            return Err(foreign(entries));
        }
        let (parent, _) = parent_and_name(&self.path);
        std::fs::create_dir_all(&parent).map_err(io_error)?;
        let lock = File::open(&parent).map_err(io_error)?;
        let locked = lock_file(&lock, false) || (wait && lock_file(&lock, true));
        if !locked {
            return Err(WriteRefused::Busy {
                shown: self.shown.clone(),
            });
        }
        // Under the lock no other run is writing here: what is left of one was interrupted.
        remove_leftover_dirs(&self.path);
        let entries = foreign_entries(&self.path);
        if !entries.is_empty() {
            return Err(foreign(entries));
        }
        Ok(LockedOutputDir {
            path: self.path.clone(),
            shown: self.shown.clone(),
            _lock: lock,
        })
    }
}

impl LockedOutputDir {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder as the user named it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Replaces the folder with what `fill` writes into an empty one, plus the manifest of it,
    /// in one swap ([`crate::write_dir_atomically`]).
    pub fn replace<E>(&self, fill: impl FnOnce(&Path) -> Result<(), E>) -> Result<(), E>
    where
        E: From<io::Error>,
    {
        crate::write_dir_atomically(&self.path, |dir| {
            fill(dir)?;
            write_manifest(dir)?;
            Ok(())
        })
    }
}

/// Writes the manifest of everything below `dir`.
fn write_manifest(dir: &Path) -> io::Result<()> {
    let mut files = BTreeSet::new();
    collect_files(dir, "", &mut files)?;
    let mut text = format!(
        "# {SITE_MANIFEST}: the files `beyan render` wrote in this folder, one per line.\n\
         # beyan replaces this folder only while it holds these files and nothing else.\n"
    );
    for file in &files {
        text.push_str(file);
        text.push('\n');
    }
    std::fs::write(dir.join(SITE_MANIFEST), text)
}

fn collect_files(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        if entry.file_type()?.is_dir() {
            collect_files(&entry.path(), &format!("{rel}/"), out)?;
        } else {
            out.insert(rel);
        }
    }
    Ok(())
}

/// Entries of `dir` that its manifest does not list (all of them when it has none), at most
/// [`SHOWN_ENTRIES`]; empty when the folder may be replaced.
fn foreign_entries(dir: &Path) -> Vec<String> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => return Vec::new(),
        Ok(meta) if !meta.is_dir() => return vec![shown_name(dir)],
        Ok(_) => {}
    }
    let manifest = dir.join(SITE_MANIFEST);
    let listed: Option<HashSet<String>> = std::fs::symlink_metadata(&manifest)
        .ok()
        .filter(|m| m.is_file())
        .and_then(|_| std::fs::read_to_string(&manifest).ok())
        .map(|text| {
            text.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect()
        });
    let Some(listed) = listed else {
        return first_entries(dir);
    };
    let folders: HashSet<&str> = listed
        .iter()
        .flat_map(|file| file.match_indices('/').map(move |(i, _)| &file[..i]))
        .collect();
    let mut foreign = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            foreign.push(format!("{prefix}(unreadable)"));
            continue;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let known = if is_dir {
                folders.contains(rel.as_str())
            } else {
                listed.contains(&rel) || rel == SITE_MANIFEST
            };
            if !known {
                foreign.push(if is_dir { format!("{rel}/") } else { rel });
                if foreign.len() >= SHOWN_ENTRIES {
                    return foreign;
                }
            } else if is_dir {
                pending.push((entry.path(), format!("{rel}/")));
            }
        }
    }
    foreign
}

/// The first few entries of a folder, by name (folders with a `/`).
fn first_entries(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec!["(unreadable)".to_owned()];
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                format!("{name}/")
            } else {
                name
            }
        })
        .collect();
    names.sort();
    let more = names.len().saturating_sub(SHOWN_ENTRIES);
    names.truncate(SHOWN_ENTRIES);
    if more > 0 {
        names.push(format!("and {more} more"));
    }
    names
}

fn shown_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A path as the user gave it, with where it leads when that differs.
fn shown(given: &Path, target: &Path) -> String {
    let same =
        given == target || std::env::current_dir().is_ok_and(|cwd| cwd.join(given) == target);
    if same {
        format!("`{}`", given.display())
    } else {
        format!("`{}` (that is `{}`)", given.display(), target.display())
    }
}

fn home_dir() -> Option<PathBuf> {
    std::env::home_dir()
        .filter(|home| !home.as_os_str().is_empty())
        .and_then(|home| home.canonicalize().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixture {
        _dir: tempfile::TempDir,
        base: PathBuf,
        root: PathBuf,
        gate: WriteGate,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().expect("test setup");
        let base = dir.path().canonicalize().expect("test setup");
        let root = base.join("ws");
        std::fs::create_dir_all(root.join("locales/en")).expect("test setup");
        std::fs::create_dir_all(root.join("releases")).expect("test setup");
        std::fs::write(root.join("beyan.toml"), "").expect("test setup");
        let gate = WriteGate::for_workspace(&root).expect("test setup");
        Fixture {
            _dir: dir,
            base,
            root,
            gate,
        }
    }

    fn refused(result: Result<impl std::fmt::Debug, WriteRefused>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn protected_places_are_refused() {
        let f = fixture();
        let gate = &f.gate;
        assert!(refused(gate.output_dir(Path::new("/"))).contains("root folder"));
        assert!(refused(gate.output_dir(&f.root)).contains("is the workspace"));
        assert!(refused(gate.output_dir(&f.base)).contains("contains the workspace"));
        assert!(refused(gate.output_dir(&f.root.join("dist/.."))).contains("is the workspace"));
        assert!(refused(gate.output_dir(&f.root.join("locales/en/dist"))).contains("locales/"));
        assert!(refused(gate.output_dir(&f.root.join("assets"))).contains("assets/"));
        assert!(refused(gate.output_file(&f.root.join("beyan.toml"))).contains("source file"));
        assert!(refused(gate.output_file(&f.root.join("releases/x.toml"))).contains("releases/"));
        assert!(refused(gate.output_file(&f.root)).contains("workspace"));
        assert!(gate.output_dir(&f.root.join("dist")).is_ok());
        assert!(gate.output_file(&f.root.join("status.html")).is_ok());
        if let Some(home) = home_dir() {
            assert!(refused(gate.output_dir(&home)).contains("home folder"));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_path_is_judged_where_it_leads() {
        let f = fixture();
        std::fs::create_dir(f.base.join("t")).unwrap();
        std::os::unix::fs::symlink(f.root.join("locales"), f.base.join("t/L")).unwrap();
        let error = refused(f.gate.output_dir(&f.base.join("t/L/../releases")));
        assert!(error.contains("releases/"), "{error}");
        std::os::unix::fs::symlink(f.base.join("t"), f.root.join("releases/out")).unwrap();
        assert!(refused(f.gate.workspace_file("releases/out/x.toml")).contains("outside"));
        assert!(f.gate.workspace_file("releases/x.toml").is_ok());
    }

    #[test]
    fn a_folder_beyan_did_not_write_is_never_replaced() {
        let f = fixture();
        let out = f.base.join("v");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("precious.txt"), "p").unwrap();
        let error = refused(f.gate.output_dir(&out).unwrap().lock(false));
        assert!(error.contains("precious.txt"), "{error}");
        assert_eq!(
            std::fs::read_to_string(out.join("precious.txt")).unwrap(),
            "p"
        );
    }

    #[test]
    fn a_rendered_folder_is_replaced_but_not_once_something_was_added() {
        let f = fixture();
        let out = f.base.join("site");
        let write = |text: &'static str| {
            f.gate.output_dir(&out).unwrap().lock(false).map(|dir| {
                dir.replace::<io::Error>(|d| {
                    std::fs::create_dir(d.join("en"))?;
                    std::fs::write(d.join("en/index.html"), text)
                })
                .unwrap();
            })
        };
        write("one").unwrap();
        let manifest = std::fs::read_to_string(out.join(SITE_MANIFEST)).unwrap();
        assert!(manifest.lines().any(|l| l == "en/index.html"), "{manifest}");
        write("two").unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("en/index.html")).unwrap(),
            "two"
        );
        std::fs::write(out.join("en/notes.txt"), "mine").unwrap();
        let error = write("three").unwrap_err().to_string();
        assert!(error.contains("en/notes.txt"), "{error}");
        assert_eq!(
            std::fs::read_to_string(out.join("en/index.html")).unwrap(),
            "two"
        );
    }

    #[test]
    fn a_second_writer_waits_or_is_told_it_is_busy() {
        let f = fixture();
        let out = f.base.join("site");
        let first = f.gate.output_dir(&out).unwrap().lock(false).unwrap();
        let second = f.gate.output_dir(&out).unwrap().lock(false);
        assert!(matches!(second, Err(WriteRefused::Busy { .. })));
        drop(first);
        assert!(f.gate.output_dir(&out).unwrap().lock(false).is_ok());
    }

    #[test]
    fn a_new_workspace_goes_only_into_a_new_or_empty_folder() {
        let f = fixture();
        let gate = WriteGate::without_workspace();
        assert!(gate.new_workspace_dir(&f.base.join("new")).is_ok());
        std::fs::create_dir(f.base.join("empty")).unwrap();
        assert!(gate.new_workspace_dir(&f.base.join("empty")).is_ok());
        let error = refused(gate.new_workspace_dir(&f.root));
        assert!(
            error.contains("not empty") && error.contains("beyan.toml"),
            "{error}"
        );
    }
}
