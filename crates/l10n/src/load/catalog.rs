//! The `.ftl` files of one locale, read and parsed in parallel, each summarized to entries.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap as HashMap;

use beyan_content::{Locale, ReadGate};
use rayon::prelude::*;

use crate::content_checks::TextRole;
use crate::load::entry::{Entry, entries};
use crate::load::nesting_guard;
use crate::load::source_file::SourceFile;

/// Which messages a file's entries live among, decided once when the file is read and used by
/// `check`, the bundles and the render plan alike.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileScope {
    /// Every file but a release's own: seen by every bundle of the locale.
    #[default]
    Shared,
    /// `releases/<slug>.ftl` (directly in `releases/`): seen only by that release's bundle,
    /// on top of the shared files.
    Release(String),
}

impl FileScope {
    /// The scope of a file by its path relative to the locale folder. Only a file directly in
    /// `releases/` belongs to one release; `releases/archive/notes.ftl` is shared.
    pub fn of(rel: &str) -> Self {
        match Self::release_of(rel) {
            Some(slug) => Self::Release(slug.to_owned()),
            None => Self::Shared,
        }
    }

    /// The slug of the release whose own file `rel` is, borrowed from the path: the release
    /// of [`FileScope::of`].
    pub fn release_of(rel: &str) -> Option<&str> {
        rel.strip_prefix("releases/")
            .and_then(|name| name.strip_suffix(".ftl"))
            .filter(|slug| !slug.contains('/'))
    }

    /// The release slug, for a release's own file.
    pub fn release(&self) -> Option<&str> {
        match self {
            Self::Shared => None,
            Self::Release(slug) => Some(slug),
        }
    }

    /// Whether the bundle of release `slug` holds this file's messages.
    pub fn is_in_release(&self, slug: &str) -> bool {
        match self {
            Self::Shared => true,
            Self::Release(own) => own == slug,
        }
    }
}

/// One parsed `.ftl` file.
#[derive(Debug, Clone)]
pub struct FtlFile {
    /// Path relative to the locale's folder, with `/` (`releases/<slug>.ftl`).
    pub rel: String,
    /// Shared, or one release's own file.
    pub scope: FileScope,
    pub source: SourceFile,
    pub entries: Vec<Entry>,
    /// Parser errors (and entries nested too deeply to parse), in the order of the file.
    pub syntax_errors: Vec<SyntaxError>,
    /// Ids of the messages and terms that a syntax error broke: each is reported once, by its
    /// syntax error, never a second time as missing.
    pub broken_ids: Vec<String>,
    /// Set when the file could not be read at all.
    pub io_error: Option<String>,
    /// The entries' hashes, computed when first needed ([`FtlFile::hash_of`]).
    hashes: std::sync::OnceLock<Vec<u64>>,
}

impl FtlFile {
    /// Whether the file belongs to one release (`releases/<slug>.ftl`) rather than shared text.
    pub fn release_slug(&self) -> Option<&str> {
        self.scope.release()
    }

    /// [`crate::content_hash`] of one of this file's entries: what `beyan.lock` records. The
    /// hashes of the whole file are computed on first use, once (every target locale compares
    /// with the same reference file); an entry of another file is hashed on its own.
    pub fn hash_of(&self, entry: &Entry) -> u64 {
        match self.index_of(entry) {
            Some(i) => self.hashes()[i],
            None => crate::load::lockfile::content_hash(entry.body(&self.source)),
        }
    }

    /// The position of `entry` in [`FtlFile::entries`], when it is one of them.
    pub fn index_of(&self, entry: &Entry) -> Option<usize> {
        self.entries
            .as_ptr_range()
            .contains(&std::ptr::from_ref(entry))
            .then(|| {
                (std::ptr::from_ref(entry) as usize - self.entries.as_ptr() as usize)
                    / std::mem::size_of::<Entry>()
            })
    }

    /// [`FtlFile::hash_of`] every entry, in order.
    pub fn hashes(&self) -> &[u64] {
        self.hashes.get_or_init(|| {
            self.entries
                .iter()
                .map(|e| crate::load::lockfile::content_hash(e.body(&self.source)))
                .collect()
        })
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Parses `bytes` as the file `rel` of `locale`.
    pub fn parse(locale: &Locale, rel: String, bytes: &[u8]) -> Self {
        Self::parse_owned(locale, rel, bytes.to_vec())
    }

    /// [`FtlFile::parse`] of bytes read from disk, without copying them.
    pub fn parse_owned(locale: &Locale, rel: String, bytes: Vec<u8>) -> Self {
        Self::parse_as(locale, rel, bytes, TextRole::Either)
    }

    /// [`FtlFile::parse_owned`] of a file whose entries will be compared on the `role`'s side.
    fn parse_as(locale: &Locale, rel: String, bytes: Vec<u8>, role: TextRole) -> Self {
        let source = SourceFile::decode_owned(format!("locales/{locale}/{rel}"), bytes);
        let (guarded, too_deep) = nesting_guard::guard(&source.text);
        let mut syntax_errors: Vec<SyntaxError> = too_deep
            .iter()
            .map(|t| SyntaxError {
                offset: t.offset,
                message: t.message.clone(),
                help: None,
            })
            .collect();
        let mut broken_ids = Vec::new();
        let entries = {
            // Offsets in the guarded text equal those of the original.
            let guarded_file;
            let file = if too_deep.is_empty() {
                &source
            } else {
                guarded_file = source.with_text(guarded.into_owned());
                &guarded_file
            };
            let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in &errors {
                        let junk = error
                            .slice
                            .clone()
                            .and_then(|r| file.text.get(r.clone()).map(|text| (r.start, text)));
                        let (found, id) = match junk {
                            Some((start, text)) => explain_junk(start, text, error),
                            None => (SyntaxError::said(error.pos.start, error), None),
                        };
                        syntax_errors.push(found);
                        broken_ids.extend(id);
                    }
                    resource
                }
            };
            entries(&resource, file, role)
        };
        syntax_errors.sort_by_key(|e| e.offset);
        Self {
            scope: FileScope::of(&rel),
            rel,
            source,
            entries,
            syntax_errors,
            broken_ids,
            io_error: None,
            hashes: std::sync::OnceLock::new(),
        }
    }
}

/// A syntax error: where, what, and what to do when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the file.
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

impl SyntaxError {
    /// The parser's own description, at `offset`.
    fn said(offset: usize, error: &fluent_syntax::parser::ParserError) -> Self {
        Self {
            offset,
            message: error.kind.to_string(),
            help: None,
        }
    }
}

/// Where and how to report one piece of Junk, and the id of the message it broke: an entry
/// left empty (`org-name =`, a pasted to-do) is "not translated yet"; an unclosed `{` is
/// reported where it opens, not where the parser gave up (the next, innocent line).
fn explain_junk(
    start: usize,
    junk: &str,
    error: &fluent_syntax::parser::ParserError,
) -> (SyntaxError, Option<String>) {
    let Some((id, value)) = junk_entry(junk) else {
        return (SyntaxError::said(error.pos.start, error), None);
    };
    if value.trim().is_empty() {
        let found = SyntaxError {
            offset: start,
            message: format!("`{id}` is not translated yet"),
            help: Some(
                "write its text after `=`, or remove the line until it is translated".to_owned(),
            ),
        };
        return (found, Some(id.to_owned()));
    }
    if let Some(open) = unclosed_brace(junk) {
        let found = SyntaxError {
            offset: start + open,
            message: format!(
                "this `{{` is never closed (the parser says: {})",
                error.kind
            ),
            help: Some("end the placeable with `}`".to_owned()),
        };
        return (found, Some(id.to_owned()));
    }
    (
        SyntaxError::said(error.pos.start, error),
        Some(id.to_owned()),
    )
}

/// The id and the rest of a Junk that begins as an entry (`id =` or `-term =`).
fn junk_entry(junk: &str) -> Option<(&str, &str)> {
    let (head, value) = junk.split_once('=')?;
    let id = head.trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then_some((id, value))
}

/// The byte offset of the last `{` that is never closed, outside string literals.
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' if !open.is_empty() => in_string = !in_string,
            '\n' => in_string = false,
            '{' if !in_string => open.push(at),
            '}' if !in_string => {
                open.pop();
            }
            _ => {}
        }
    }
    open.last().copied()
}

/// Every `.ftl` file of one locale.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub locale: Locale,
    /// Sorted by `rel`.
    pub files: Vec<FtlFile>,
    /// Whether `locales/<locale>/` exists at all.
    pub exists: bool,
    /// Releases' own files that were judged and let go ([`crate::check_in_batches`]); never
    /// in `files` at the same time.
    pub set_aside: SetAside,
}

/// Releases' own files that a check read, judged and let go so that memory does not grow
/// with the archive: read again, one at a time, when a bundle needs them, and refused when
/// their text is no longer the one judged (a save between the check and the render must not
/// publish text the check never saw).
#[derive(Debug, Clone, Default)]
pub struct SetAside {
    gate: Option<ReadGate>,
    /// Sorted by `rel`.
    files: Vec<SetAsideFile>,
}

#[derive(Debug, Clone)]
struct SetAsideFile {
    rel: String,
    /// Where the listing found it (a link's target), opened with [`ReadGate::read_listed`].
    listed: PathBuf,
    /// [`judged_hash`] of the file as judged.
    judged: u64,
    /// How many syntax errors the check found in it (the same text has the same ones).
    syntax_errors: usize,
}

/// What a set-aside file's text must still hash to: its decoded text and how it was read.
fn judged_hash(file: &FtlFile) -> u64 {
    read_hash(
        &file.source.text,
        file.source.invalid_utf8_at,
        file.io_error.as_deref(),
    )
}

/// [`judged_hash`] of a file's parts, for a file read again without being parsed.
fn read_hash(text: &str, invalid_utf8_at: Option<usize>, io_error: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    invalid_utf8_at.hash(&mut hasher);
    io_error.hash(&mut hasher);
    hasher.finish()
}

/// Why a set-aside file is refused: its text is not the one the check judged.
const CHANGED_SINCE_CHECKED: &str = "the file changed after it was checked, and nothing unchecked is published: run the command again";

/// A release's own file as its bundle reads it: the text the check judged, and whether the
/// check found it broken. A set-aside file is read again as text only: its entries were
/// summarized when it was judged, and the bundle parses the text itself.
#[derive(Debug, Clone)]
pub struct ReleaseText<'c> {
    /// Workspace-relative path with `/`.
    pub path: Cow<'c, str>,
    /// Decoded as [`SourceFile`] decodes it.
    pub text: Cow<'c, str>,
    /// How many syntax errors the check found in this text.
    pub syntax_errors: usize,
}

impl SetAside {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    fn find(&self, rel: &str) -> Option<&SetAsideFile> {
        self.files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()
            .map(|i| &self.files[i])
    }

    /// Reads `file` again, as the file `rel` of `locale`; an error when it cannot be read or
    /// its text changed since it was judged.
    fn read(&self, locale: &Locale, file: &SetAsideFile) -> Result<FtlFile, String> {
        let gate = self
            .gate
            .as_ref()
            .ok_or_else(|| "the workspace cannot be opened".to_owned())?;
        let again = read_listed(
            Some(gate),
            locale,
            &file.rel,
            Ok(&file.listed),
            TextRole::Either,
        );
        if judged_hash(&again) != file.judged {
            return Err(CHANGED_SINCE_CHECKED.to_owned());
        }
        Ok(again)
    }

    /// [`SetAside::read`] for a bundle: the text only, not parsed; an error when it cannot be
    /// read (the reason the check saw) or its text changed since it was judged.
    fn read_text(
        &self,
        locale: &Locale,
        file: &SetAsideFile,
    ) -> Result<ReleaseText<'static>, String> {
        let gate = self
            .gate
            .as_ref()
            .ok_or_else(|| "the workspace cannot be opened".to_owned())?;
        match gate.read_listed(&file.listed) {
            Ok(bytes) => {
                let source =
                    SourceFile::decode_owned(format!("locales/{locale}/{}", file.rel), bytes);
                if read_hash(&source.text, source.invalid_utf8_at, None) != file.judged {
                    return Err(CHANGED_SINCE_CHECKED.to_owned());
                }
                Ok(ReleaseText {
                    path: Cow::Owned(source.path),
                    text: Cow::Owned(source.text),
                    syntax_errors: file.syntax_errors,
                })
            }
            Err(refused) => {
                let refused = refused.to_string();
                if read_hash("", None, Some(&refused)) != file.judged {
                    return Err(CHANGED_SINCE_CHECKED.to_owned());
                }
                Err(refused)
            }
        }
    }
}

impl Catalog {
    /// The same catalog with only the files a bundle of release `slug` holds: the shared ones
    /// and the release's own.
    pub fn scoped_to_release(&self, slug: &str) -> Self {
        Self {
            locale: self.locale.clone(),
            files: self
                .files
                .iter()
                .filter(|f| f.scope == FileScope::Shared || f.scope.is_in_release(slug))
                .cloned()
                .collect(),
            exists: self.exists,
            set_aside: SetAside::default(),
        }
    }

    /// A catalog of texts given in memory, as if read from `locales/<locale>/` (for tests).
    #[cfg(test)]
    pub(crate) fn from_texts(locale: &Locale, files: &[(&str, &str)]) -> Self {
        Self {
            files: files
                .iter()
                .map(|(rel, text)| FtlFile::parse(locale, (*rel).to_owned(), text.as_bytes()))
                .collect(),
            locale: locale.clone(),
            exists: true,
            set_aside: SetAside::default(),
        }
    }

    /// The own file of release `slug`, if the locale has one and holds it (see
    /// [`Catalog::release_text`] for one set aside).
    pub fn release_file(&self, slug: &str) -> Option<&FtlFile> {
        self.file(&format!("releases/{slug}.ftl"))
            .filter(|f| f.scope.release() == Some(slug))
    }

    /// The text of release `slug`'s own file, if the locale has one: held, or read again when
    /// it was set aside; an error when it could not be read, or changed since it was judged.
    pub fn release_text(&self, slug: &str) -> Result<Option<ReleaseText<'_>>, String> {
        if let Some(file) = self.release_file(slug) {
            if let Some(e) = &file.io_error {
                return Err(e.clone());
            }
            return Ok(Some(ReleaseText {
                path: Cow::Borrowed(&file.source.path),
                text: Cow::Borrowed(&file.source.text),
                syntax_errors: file.syntax_errors.len(),
            }));
        }
        let rel = format!("releases/{slug}.ftl");
        match self.set_aside.find(&rel) {
            Some(file) => Ok(Some(self.set_aside.read_text(&self.locale, file)?)),
            None => Ok(None),
        }
    }

    /// Reads every set-aside file again and holds it (a preview keeps every file); an error,
    /// with the file's path, when one changed since it was judged.
    pub fn read_set_aside(&mut self) -> Result<(), (String, String)> {
        let set_aside = &self.set_aside;
        let locale = &self.locale;
        let read: Vec<FtlFile> = set_aside
            .files
            .par_iter()
            .map(|file| {
                set_aside
                    .read(locale, file)
                    .map_err(|e| (format!("locales/{locale}/{}", file.rel), e))
            })
            .collect::<Result<_, _>>()?;
        self.set_aside.files.clear();
        self.files.extend(read);
        self.files.sort_by(|a, b| a.rel.cmp(&b.rel));
        Ok(())
    }

    /// Lets go of the releases' own files, judged: they are read again when needed.
    pub(crate) fn set_aside_release_files(&mut self, listed: &HashMap<&str, &PathBuf>) {
        let (releases, shared): (Vec<FtlFile>, Vec<FtlFile>) = std::mem::take(&mut self.files)
            .into_iter()
            .partition(|f| f.release_slug().is_some());
        self.files = shared;
        for file in releases {
            let Some(path) = listed.get(file.rel.as_str()) else {
                // Not read from a listed path (it could not be read): held, it is small.
                self.files.push(file);
                continue;
            };
            self.set_aside.files.push(SetAsideFile {
                judged: judged_hash(&file),
                syntax_errors: file.syntax_errors.len(),
                listed: (*path).clone(),
                rel: file.rel,
            });
        }
        self.files.sort_by(|a, b| a.rel.cmp(&b.rel));
        self.set_aside.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    }

    pub fn file(&self, rel: &str) -> Option<&FtlFile> {
        self.files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()
            .map(|i| &self.files[i])
    }
}

/// Reads and parses one locale.
pub fn load_catalog(root: &Path, locale: &Locale) -> Catalog {
    let listing = Listing::new(root, std::slice::from_ref(locale));
    listing
        .catalogs(listing.read(|_| true, |_| TextRole::Either))
        .remove(0)
}

/// Reads and parses several locales, every file of every locale in parallel: the reference
/// first, then the target locales (the order [`crate::check_catalogs`] reads them in). Files are
/// read through the workspace's [`ReadGate`]: one whose link leads out of the workspace is
/// never read and carries the refusal as its `io_error`.
pub fn load_catalogs(root: &Path, locales: &[Locale]) -> Vec<Catalog> {
    list_catalogs(root, locales).load()
}

/// [`load_catalogs`] in two steps: the files listed, then read. A caller that sizes the work
/// first ([`CatalogListing::is_smaller_than`]) can spare a handful of files the thread pool.
pub fn list_catalogs(root: &Path, locales: &[Locale]) -> CatalogListing {
    CatalogListing(Listing::new(root, locales))
}

/// The `.ftl` files of some locales, listed and not yet read.
pub struct CatalogListing(Listing);

impl CatalogListing {
    /// Whether the listed files hold fewer than `bytes` bytes in all. Sizes are asked of the
    /// file system one file at a time and only until `bytes` is reached: a large workspace
    /// answers after a few files. A file whose size cannot be read counts as empty.
    pub fn is_smaller_than(&self, bytes: u64) -> bool {
        let mut total = 0;
        for (_, _, path) in &self.0.files {
            if let Ok(path) = path {
                total += std::fs::metadata(path).map_or(0, |m| m.len());
            }
            if total >= bytes {
                return false;
            }
        }
        true
    }

    /// Reads and parses the files, in parallel (see [`load_catalogs`]).
    pub fn load(self) -> Vec<Catalog> {
        let listing = self.0;
        listing.catalogs(listing.read(|_| true, Listing::role))
    }
}

/// The `.ftl` files of several locales, listed through the workspace's [`ReadGate`] but not
/// yet read: a check of a large workspace reads them a part at a time.
pub(crate) struct Listing {
    gate: Option<ReadGate>,
    pub(crate) locales: Vec<Locale>,
    /// (index of the locale, path relative to its folder, where to read it or why it cannot
    /// be read).
    pub(crate) files: Vec<(usize, String, Result<PathBuf, String>)>,
    /// Whether each locale's folder exists.
    exists: Vec<bool>,
}

impl Listing {
    pub(crate) fn new(root: &Path, locales: &[Locale]) -> Self {
        let gate = ReadGate::new(root).ok();
        let files = locales
            .iter()
            .enumerate()
            .flat_map(|(i, locale)| {
                let dir = root.join("locales").join(locale.as_str());
                let listing = gate
                    .as_ref()
                    .map(|gate| gate.list(&dir, true, &|name| name.ends_with(".ftl")))
                    .unwrap_or_default();
                let files = listing.files.into_iter().map(|(rel, path)| (rel, Ok(path)));
                let refused = listing
                    .refused
                    .into_iter()
                    .map(|(rel, refused)| (rel, Err(refused.to_string())));
                files.chain(refused).map(move |(rel, path)| (i, rel, path))
            })
            .collect();
        let exists = locales
            .iter()
            .map(|locale| root.join("locales").join(locale.as_str()).is_dir())
            .collect();
        Self {
            gate,
            locales: locales.to_vec(),
            files,
            exists,
        }
    }

    /// The side of the pairs the locale at index `i` is on: the reference first.
    pub(crate) fn role(i: usize) -> TextRole {
        match i {
            0 => TextRole::Reference,
            _ => TextRole::Translation,
        }
    }

    /// Reads and parses, in parallel, the listed files whose path `keep` accepts, the locale
    /// at index `i` on the side `role(i)` of the pairs.
    pub(crate) fn read(
        &self,
        keep: impl Fn(&str) -> bool,
        role: impl Fn(usize) -> TextRole + Sync,
    ) -> Vec<(usize, FtlFile)> {
        let gate = self.gate.as_ref();
        let locales = &self.locales;
        self.files
            .iter()
            .filter(|(_, rel, _)| keep(rel))
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(i, rel, path)| {
                let file = read_listed(gate, &locales[*i], rel, path.as_ref(), role(*i));
                (*i, file)
            })
            .collect()
    }

    /// One catalog per listed locale, holding `files`.
    pub(crate) fn catalogs(&self, files: Vec<(usize, FtlFile)>) -> Vec<Catalog> {
        let mut catalogs: Vec<Catalog> = self
            .locales
            .iter()
            .zip(&self.exists)
            .map(|(locale, exists)| Catalog {
                locale: locale.clone(),
                files: Vec::new(),
                exists: *exists,
                set_aside: SetAside {
                    gate: self.gate.clone(),
                    files: Vec::new(),
                },
            })
            .collect();
        Self::add(&mut catalogs, files);
        catalogs
    }

    /// Adds `files` to the catalogs they were read for.
    pub(crate) fn add(catalogs: &mut [Catalog], files: Vec<(usize, FtlFile)>) {
        for (i, file) in files {
            catalogs[i].files.push(file);
        }
        for catalog in catalogs {
            catalog.files.sort_by(|a, b| a.rel.cmp(&b.rel));
        }
    }

    /// Where the listed files of the locale at index `i` are read from, by relative path.
    pub(crate) fn paths(&self, i: usize) -> HashMap<&str, &PathBuf> {
        self.files
            .iter()
            .filter(|(locale, _, _)| *locale == i)
            .filter_map(|(_, rel, path)| Some((rel.as_str(), path.as_ref().ok()?)))
            .collect()
    }
}

/// Reads the file `rel` of `locale` where its listing found it (`path`, or why it cannot be
/// read) through `gate`, and parses it on the `role`'s side; a file that cannot be read is an
/// empty one carrying the reason as its `io_error`.
fn read_listed(
    gate: Option<&ReadGate>,
    locale: &Locale,
    rel: &str,
    path: Result<&PathBuf, &String>,
    role: TextRole,
) -> FtlFile {
    let read =
        path.map_err(Clone::clone)
            .and_then(|path| match gate.map(|g| g.read_listed(path)) {
                Some(Ok(bytes)) => Ok(bytes),
                Some(Err(refused)) => Err(refused.to_string()),
                None => Err("the workspace cannot be opened".to_owned()),
            });
    match read {
        Ok(bytes) => FtlFile::parse_as(locale, rel.to_owned(), bytes, role),
        Err(e) => {
            let mut file = FtlFile::parse(locale, rel.to_owned(), b"");
            file.io_error = Some(e);
            file
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::nesting_guard::MAX_NESTING;

    #[test]
    fn deeply_nested_file_becomes_a_syntax_error_not_a_crash() {
        let locale = Locale::parse("en").unwrap();
        let deep = format!(
            "ok = fine\nbad = {}x{}\nafter = {{ $n }}\n",
            "{".repeat(200_000),
            "}".repeat(200_000)
        );
        let file = FtlFile::parse(&locale, "deep.ftl".into(), deep.as_bytes());
        let ids: Vec<_> = file.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["ok", "after"]);
        assert_eq!(file.syntax_errors.len(), 1);
        assert_eq!(
            file.source.position(file.syntax_errors[0].offset),
            (2, 7 + MAX_NESTING)
        );
    }

    #[test]
    fn junk_is_located() {
        let locale = Locale::parse("en").unwrap();
        let file = FtlFile::parse(&locale, "a.ftl".into(), b"a = 1\nb c\nd = 2\n");
        assert_eq!(file.entries.len(), 2);
        assert_eq!(file.syntax_errors.len(), 1);
        assert_eq!(file.source.position(file.syntax_errors[0].offset).0, 2);
    }

    #[test]
    fn a_listing_is_sized_by_its_files_and_loads_like_load_catalogs() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("beyan.toml", "");
        write("locales/en/common.ftl", "a = A\nb = B\n");
        write("locales/en/releases/r.ftl", "c = C\n");
        write("locales/az/common.ftl", "a = A az\n");
        write("locales/az/notes.txt", "not a catalog, not counted");
        let locales = [Locale::parse("en").unwrap(), Locale::parse("az").unwrap()];
        let listing = list_catalogs(dir.path(), &locales);
        let bytes = (12 + 6 + 9) as u64;
        assert!(listing.is_smaller_than(bytes + 1));
        assert!(!listing.is_smaller_than(bytes));
        let ids = |catalogs: &[Catalog]| -> Vec<Vec<(String, Vec<String>)>> {
            catalogs
                .iter()
                .map(|c| {
                    c.files
                        .iter()
                        .map(|f| {
                            (
                                f.rel.clone(),
                                f.entries.iter().map(|e| e.id.to_string()).collect(),
                            )
                        })
                        .collect()
                })
                .collect()
        };
        let loaded = listing.load();
        assert_eq!(ids(&loaded), ids(&load_catalogs(dir.path(), &locales)));
        assert_eq!(
            ids(&loaded)[0],
            [
                (
                    "common.ftl".to_owned(),
                    vec!["a".to_owned(), "b".to_owned()]
                ),
                ("releases/r.ftl".to_owned(), vec!["c".to_owned()]),
            ]
        );
    }
}
