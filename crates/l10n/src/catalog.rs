//! The `.ftl` files of one locale, read and parsed in parallel, each summarized to entries.

use std::path::{Path, PathBuf};

use beyan_content::{Locale, ReadGate};
use rayon::prelude::*;

use crate::entry::{Entry, entries};
use crate::nesting_guard::{self, MAX_NESTING};
use crate::source_file::SourceFile;

/// One parsed `.ftl` file.
#[derive(Debug, Clone)]
pub struct FtlFile {
    /// Path relative to the locale's folder, with `/` (`releases/<slug>.ftl`).
    pub rel: String,
    pub source: SourceFile,
    pub entries: Vec<Entry>,
    /// Parser errors (and entries nested too deeply to parse): byte offset and description.
    pub syntax_errors: Vec<(usize, String)>,
    /// Set when the file could not be read at all.
    pub io_error: Option<String>,
}

impl FtlFile {
    /// Whether the file belongs to one release (`releases/<slug>.ftl`) rather than shared text.
    pub fn release_slug(&self) -> Option<&str> {
        self.rel
            .strip_prefix("releases/")
            .and_then(|name| name.strip_suffix(".ftl"))
            .filter(|slug| !slug.contains('/'))
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
        let source = SourceFile::decode_owned(format!("locales/{locale}/{rel}"), bytes);
        let (guarded, too_deep) = nesting_guard::guard(&source.text);
        let mut syntax_errors: Vec<(usize, String)> = too_deep
            .iter()
            .map(|t| {
                (
                    t.offset,
                    format!("placeables nested more than {MAX_NESTING} levels deep"),
                )
            })
            .collect();
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
                    syntax_errors.extend(errors.iter().map(|e| (e.pos.start, e.kind.to_string())));
                    resource
                }
            };
            entries(&resource, file)
        };
        syntax_errors.sort_by_key(|(offset, _)| *offset);
        Self {
            rel,
            source,
            entries,
            syntax_errors,
            io_error: None,
        }
    }
}

/// Every `.ftl` file of one locale.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub locale: Locale,
    /// Sorted by `rel`.
    pub files: Vec<FtlFile>,
    /// Whether `locales/<locale>/` exists at all.
    pub exists: bool,
}

impl Catalog {
    pub fn file(&self, rel: &str) -> Option<&FtlFile> {
        self.files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()
            .map(|i| &self.files[i])
    }
}

/// Reads and parses one locale.
pub fn load_catalog(root: &Path, locale: &Locale) -> Catalog {
    load_catalogs(root, std::slice::from_ref(locale)).remove(0)
}

/// Reads and parses several locales, every file of every locale in parallel. Files are read
/// through the workspace's [`ReadGate`]: one whose link leads out of the workspace is never
/// read and carries the refusal as its `io_error`.
pub fn load_catalogs(root: &Path, locales: &[Locale]) -> Vec<Catalog> {
    let gate = ReadGate::new(root).ok();
    let listed: Vec<(usize, String, Result<PathBuf, String>)> = locales
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
    let parsed: Vec<(usize, FtlFile)> = listed
        .into_par_iter()
        .map(|(i, rel, path)| {
            let read = path.and_then(|path| match gate.as_ref().map(|g| g.read(&path)) {
                Some(Ok(Some(bytes))) => Ok(bytes),
                Some(Ok(None)) => Err("the file disappeared while it was read".to_owned()),
                Some(Err(refused)) => Err(refused.to_string()),
                None => Err("the workspace cannot be opened".to_owned()),
            });
            let file = match read {
                Ok(bytes) => FtlFile::parse_owned(&locales[i], rel, bytes),
                Err(e) => {
                    let mut file = FtlFile::parse(&locales[i], rel, b"");
                    file.io_error = Some(e);
                    file
                }
            };
            (i, file)
        })
        .collect();
    let mut catalogs: Vec<Catalog> = locales
        .iter()
        .map(|locale| Catalog {
            locale: locale.clone(),
            files: Vec::new(),
            exists: root.join("locales").join(locale.as_str()).is_dir(),
        })
        .collect();
    for (i, file) in parsed {
        catalogs[i].files.push(file);
    }
    for catalog in &mut catalogs {
        catalog.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    }
    catalogs
}

#[cfg(test)]
mod tests {
    use super::*;

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
            file.source.position(file.syntax_errors[0].0),
            (2, 7 + MAX_NESTING)
        );
    }

    #[test]
    fn junk_is_located() {
        let locale = Locale::parse("en").unwrap();
        let file = FtlFile::parse(&locale, "a.ftl".into(), b"a = 1\nb c\nd = 2\n");
        assert_eq!(file.entries.len(), 2);
        assert_eq!(file.syntax_errors.len(), 1);
        assert_eq!(file.source.position(file.syntax_errors[0].0).0, 2);
    }
}
