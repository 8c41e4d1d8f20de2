//! `beyan.lock`: per locale, file and message, a hash of the reference text a translation was
//! made from and of the translation itself (see Freshness in PRODUCT.md).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// What `beyan lock` recorded for one translated message.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockEntry {
    pub reference: String,
    pub translation: String,
}

/// locale → file (relative to the locale folder) → message id → entry.
pub type LockTable = BTreeMap<String, BTreeMap<String, BTreeMap<String, LockEntry>>>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lockfile {
    pub locales: LockTable,
}

/// A `beyan.lock` that cannot be read; it is reported, never silently rewritten.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", position.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct LockError {
    pub file: String,
    pub position: Option<(usize, usize)>,
    pub message: String,
}

const HEADER: &str = "# beyan.lock: the reference text each translation was made from.\n# Written by `beyan lock`; sorted and deterministic. Edit translations, not this file.\n";
const VERSION: u32 = 1;

#[derive(Deserialize)]
struct RawLock {
    version: u32,
    #[serde(flatten)]
    locales: LockTable,
}

impl Lockfile {
    /// Reads `beyan.lock` under `root`; `Ok(None)` when there is none.
    pub fn load(root: &Path) -> Result<Option<Self>, LockError> {
        let file = beyan_content::LOCK_FILE;
        match std::fs::read(root.join(file)) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|e| LockError {
                    file: file.to_owned(),
                    position: None,
                    message: format!("not UTF-8 after byte {}", e.utf8_error().valid_up_to()),
                })?;
                Self::parse(file, &text).map(Some)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(LockError {
                file: file.to_owned(),
                position: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }

    pub fn parse(file: &str, text: &str) -> Result<Self, LockError> {
        let index = beyan_content::LineIndex::new(text);
        let error = |offset: Option<usize>, message: String| LockError {
            file: file.to_owned(),
            position: offset.map(|o| index.position(text, o)),
            message,
        };
        let raw: RawLock = toml::from_str(text)
            .map_err(|e| error(e.span().map(|s| s.start), e.message().trim().to_owned()))?;
        if raw.version != VERSION {
            let at = text.find("version");
            return Err(error(
                at,
                format!("unsupported version {}, expected {VERSION}", raw.version),
            ));
        }
        for files in raw.locales.values() {
            for entries in files.values() {
                for entry in entries.values() {
                    for hash in [&entry.reference, &entry.translation] {
                        if hash.len() != 16 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                            let at = text.find(&format!("\"{hash}\""));
                            return Err(error(at, format!("`{hash}` is not a 16-digit hex hash")));
                        }
                    }
                }
            }
        }
        Ok(Self {
            locales: raw.locales,
        })
    }

    pub fn get(&self, locale: &str, file: &str, id: &str) -> Option<&LockEntry> {
        self.locales.get(locale)?.get(file)?.get(id)
    }

    /// The file's text: sorted, one line per message, stable across runs.
    pub fn to_text(&self) -> String {
        let mut out = String::from(HEADER);
        out.push_str(&format!("version = {VERSION}\n"));
        for (locale, files) in &self.locales {
            for (file, entries) in files {
                if entries.is_empty() {
                    continue;
                }
                out.push_str(&format!("\n[{}.{}]\n", quote_key(locale), quote_key(file)));
                for (id, entry) in entries {
                    out.push_str(&format!(
                        "{} = {{ reference = \"{}\", translation = \"{}\" }}\n",
                        quote_key(id),
                        entry.reference,
                        entry.translation
                    ));
                }
            }
        }
        out
    }
}

fn quote_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        key.to_owned()
    } else {
        toml::Value::String(key.to_owned()).to_string()
    }
}

/// A stable 64-bit FNV-1a hash of a message's source, whitespace runs collapsed so that
/// re-wrapping a paragraph is not a change. Hex, 16 digits.
pub fn content_hash(body: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            feed(b' ');
        }
        word.bytes().for_each(&mut feed);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_order() {
        let mut lock = Lockfile::default();
        let entry = LockEntry {
            reference: content_hash("a"),
            translation: content_hash("b"),
        };
        for id in ["zeta", "-term", "alpha"] {
            lock.locales
                .entry("az".into())
                .or_default()
                .entry("releases/x y.ftl".into())
                .or_default()
                .insert(id.into(), entry.clone());
        }
        let text = lock.to_text();
        assert!(text.contains("[az.\"releases/x y.ftl\"]\n-term = "));
        assert!(text.find("alpha").unwrap() < text.find("zeta").unwrap());
        assert_eq!(Lockfile::parse("beyan.lock", &text).unwrap(), lock);
    }

    #[test]
    fn corrupt_lock_names_line() {
        let error = Lockfile::parse("beyan.lock", "version = 1\n[az.\"a.ftl\"]\nx = { reference = \"zz\", translation = \"0000000000000000\" }\n").unwrap_err();
        assert_eq!(error.position.unwrap().0, 3);
        let error = Lockfile::parse("beyan.lock", "version = 1\n[az\n").unwrap_err();
        assert_eq!(error.position.unwrap().0, 2);
    }

    #[test]
    fn hash_ignores_wrapping_only() {
        assert_eq!(content_hash("a b\n    c"), content_hash("a  b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }
}
