//! `beyan.lock`: per locale, file and message, a hash of the reference text a translation was
//! made from and of the translation itself (see Freshness in PRODUCT.md); and, once per hash,
//! the reference text itself, so that `todo` can show what changed in a stale message's
//! reference (version 2; a version 1 lock, without texts, is still read).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use beyan_content::ReadGate;

/// What `beyan lock` recorded for one translated message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockEntry {
    /// [`content_hash`] of the reference text the translation was made from.
    pub reference: u64,
    /// [`content_hash`] of the translation.
    pub translation: u64,
}

/// locale → file (relative to the locale folder) → message id → entry.
pub type LockTable = BTreeMap<String, BTreeMap<String, BTreeMap<String, LockEntry>>>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lockfile {
    pub locales: LockTable,
    /// The reference text (a message's source without its id) of each reference hash the
    /// entries record; empty in a version 1 lock.
    pub texts: BTreeMap<u64, String>,
}

/// A `beyan.lock` that cannot be read; it is reported, never silently rewritten.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", position.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct LockError {
    pub file: String,
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Whether a read keeps the `[reference-texts]` table or skips it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Texts {
    Read,
    Skip,
}

const HEADER: &str = "# beyan.lock: the reference text each translation was made from.\n# Written by `beyan lock`; sorted and deterministic. Edit translations, not this file.\n";
const VERSION: u32 = 2;
/// The table of reference texts, by hash.
const TEXTS_TABLE: &str = "reference-texts";

impl Lockfile {
    /// Reads `beyan.lock` under `root`; `Ok(None)` when there is none. The file is read line by
    /// line: a large lock is never held in memory as text beside what it records.
    pub fn load(root: &Path) -> Result<Option<Self>, LockError> {
        Self::load_with(root, Texts::Read)
    }

    /// [`Lockfile::load`] without the reference texts (`texts` is left empty): what `check`
    /// needs, the hashes, without reading a large lock's texts into memory.
    pub fn load_records(root: &Path) -> Result<Option<Self>, LockError> {
        Self::load_with(root, Texts::Skip)
    }

    fn load_with(root: &Path, texts: Texts) -> Result<Option<Self>, LockError> {
        let file = beyan_content::LOCK_FILE;
        let error = |message: String| LockError {
            file: file.to_owned(),
            position: None,
            message,
        };
        let gate = ReadGate::new(root).map_err(|e| error(format!("cannot read: {e}")))?;
        match gate.open(&root.join(file)) {
            Ok(Some(handle)) => {
                let reader = std::io::BufReader::with_capacity(1 << 16, handle);
                Self::read(file, reader, texts).map(Some)
            }
            Ok(None) => Ok(None),
            Err(refused) => Err(error(refused.reason)),
        }
    }

    /// Reads the lock's own format (a subset of TOML: comments, `version = 1`,
    /// `[locale."file"]` headers and one `id = { reference = "…", translation = "…" }` line per
    /// message) line by line; anything else is an error naming its line and column. A large
    /// lock is read in a fraction of what a general TOML parser needs.
    pub fn parse(file: &str, text: &str) -> Result<Self, LockError> {
        Self::read(file, text.as_bytes(), Texts::Read)
    }

    fn read(
        file: &str,
        mut reader: impl std::io::BufRead,
        read_texts: Texts,
    ) -> Result<Self, LockError> {
        let error = |line: usize, column: usize, message: String| LockError {
            file: file.to_owned(),
            position: Some((line, column)),
            message,
        };
        let mut locales = LockTable::new();
        let mut texts = BTreeMap::new();
        // In the `[reference-texts]` table rather than a `[locale."file"]` one.
        let mut in_texts = false;
        let mut version = None;
        let mut table: Option<(String, String)> = None;
        // The current table's entries (id, entry, line number), added to `locales` at its end.
        let mut pending: Vec<(String, LockEntry, usize)> = Vec::new();
        let mut buffer = String::new();
        let mut number = 0;
        loop {
            buffer.clear();
            number += 1;
            match reader.read_line(&mut buffer) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    return Err(error(number, 1, "this line is not UTF-8".to_owned()));
                }
                Err(e) => {
                    return Err(LockError {
                        file: file.to_owned(),
                        position: None,
                        message: format!("cannot read: {e}"),
                    });
                }
            }
            let line = buffer.trim_end();
            // Skipped texts are not parsed (nor checked): only a table header after them is.
            if in_texts && read_texts == Texts::Skip && !line.trim_start().starts_with('[') {
                continue;
            }
            if table.is_some()
                && let Some((key, entry)) = written_entry(line)
            {
                pending.push((key.to_owned(), entry, number));
                continue;
            }
            let mut cursor = Cursor::new(line);
            cursor.skip_space();
            if cursor.done() || cursor.peek() == Some(b'#') {
                continue;
            }
            let fail = |cursor: &Cursor<'_>, what: &str| {
                error(number, cursor.column(), format!("expected {what}"))
            };
            if cursor.eat(b'[') {
                cursor.skip_space();
                let locale = cursor
                    .key()
                    .ok_or_else(|| fail(&cursor, "a locale code"))?
                    .into_owned();
                cursor.skip_space();
                if locale == TEXTS_TABLE && cursor.eat(b']') {
                    cursor
                        .end()
                        .map_err(|()| fail(&cursor, "the end of the line"))?;
                    if let Some(done) = table.take() {
                        add_table(&mut locales, &done, &mut pending)
                            .map_err(|(line, message)| error(line, 1, message))?;
                    }
                    in_texts = true;
                    continue;
                }
                if !cursor.eat(b'.') {
                    return Err(fail(&cursor, "`.` and a file name"));
                }
                cursor.skip_space();
                let path = cursor
                    .key()
                    .ok_or_else(|| fail(&cursor, "a file name"))?
                    .into_owned();
                cursor.skip_space();
                if !cursor.eat(b']') {
                    return Err(fail(&cursor, "`]`"));
                }
                cursor
                    .end()
                    .map_err(|()| fail(&cursor, "the end of the line"))?;
                if table.as_ref() == Some(&(locale.clone(), path.clone())) {
                    return Err(error(number, 1, "this table is defined twice".to_owned()));
                }
                if let Some(done) = &table {
                    add_table(&mut locales, done, &mut pending)
                        .map_err(|(line, message)| error(line, 1, message))?;
                }
                table = Some((locale, path));
                in_texts = false;
                continue;
            }
            let key = cursor.key().ok_or_else(|| fail(&cursor, "a key"))?;
            cursor.skip_space();
            if !cursor.eat(b'=') {
                return Err(fail(&cursor, "`=`"));
            }
            cursor.skip_space();
            if key == "version" && table.is_none() {
                let digits = cursor.take_while(|b| b.is_ascii_digit());
                let value: u32 = digits
                    .parse()
                    .map_err(|_| fail(&cursor, "a version number"))?;
                cursor
                    .end()
                    .map_err(|()| fail(&cursor, "the end of the line"))?;
                if !(1..=VERSION).contains(&value) {
                    return Err(error(
                        number,
                        1,
                        format!("unsupported version {value}, expected {VERSION} or lower"),
                    ));
                }
                version = Some(value);
                continue;
            }
            if in_texts {
                if let Some((hash, text)) = written_text(line) {
                    if texts.insert(hash, text.into_owned()).is_some() {
                        return Err(error(number, 1, format!("`{hash:016x}` is recorded twice")));
                    }
                    continue;
                }
                let hash = parse_hash(&key).ok_or_else(|| {
                    error(number, 1, format!("`{key}` is not a 16-digit hex hash"))
                })?;
                let text = cursor
                    .string()
                    .ok_or_else(|| fail(&cursor, "a quoted text"))?;
                cursor
                    .end()
                    .map_err(|()| fail(&cursor, "the end of the line"))?;
                if texts.insert(hash, text.into_owned()).is_some() {
                    return Err(error(number, 1, format!("`{key}` is recorded twice")));
                }
                continue;
            }
            if table.is_none() {
                return Err(error(
                    number,
                    1,
                    format!("`{key}` outside a [locale.\"file\"] table"),
                ));
            }
            if !cursor.eat(b'{') {
                return Err(fail(&cursor, "`{`"));
            }
            let mut reference = None;
            let mut translation = None;
            loop {
                cursor.skip_space();
                let field_at = cursor.at;
                let field = cursor
                    .key()
                    .ok_or_else(|| fail(&cursor, "`reference` or `translation`"))?;
                cursor.skip_space();
                if !cursor.eat(b'=') {
                    return Err(fail(&cursor, "`=`"));
                }
                cursor.skip_space();
                let hash_at = cursor.at;
                let text = cursor
                    .string()
                    .ok_or_else(|| fail(&cursor, "a quoted hash"))?;
                let value = parse_hash(&text).ok_or_else(|| {
                    error(
                        number,
                        cursor.column_at(hash_at),
                        format!("`{text}` is not a 16-digit hex hash"),
                    )
                })?;
                let slot = match field.as_ref() {
                    "reference" => &mut reference,
                    "translation" => &mut translation,
                    other => {
                        return Err(error(
                            number,
                            cursor.column_at(field_at),
                            format!("unknown field `{other}`"),
                        ));
                    }
                };
                if slot.replace(value).is_some() {
                    return Err(error(
                        number,
                        cursor.column_at(field_at),
                        format!("`{field}` given twice"),
                    ));
                }
                cursor.skip_space();
                if cursor.eat(b',') {
                    continue;
                }
                if cursor.eat(b'}') {
                    break;
                }
                return Err(fail(&cursor, "`,` or `}`"));
            }
            cursor
                .end()
                .map_err(|()| fail(&cursor, "the end of the line"))?;
            let (Some(reference), Some(translation)) = (reference, translation) else {
                return Err(error(
                    number,
                    1,
                    "an entry needs both `reference` and `translation`".to_owned(),
                ));
            };
            pending.push((
                key.into_owned(),
                LockEntry {
                    reference,
                    translation,
                },
                number,
            ));
        }
        if let Some(done) = &table {
            add_table(&mut locales, done, &mut pending)
                .map_err(|(line, message)| error(line, 1, message))?;
        }
        if version.is_none() {
            return Err(LockError {
                file: file.to_owned(),
                position: None,
                message: "missing `version = 1`".to_owned(),
            });
        }
        Ok(Self { locales, texts })
    }

    /// The reference text recorded with hash `hash`, when the lock has it.
    pub fn text_of(&self, hash: u64) -> Option<&str> {
        self.texts.get(&hash).map(String::as_str)
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
                        "{} = {{ reference = \"{:016x}\", translation = \"{:016x}\" }}\n",
                        quote_key(id),
                        entry.reference,
                        entry.translation
                    ));
                }
            }
        }
        if !self.texts.is_empty() {
            out.push_str(&format!("\n[{TEXTS_TABLE}]\n"));
            for (hash, text) in &self.texts {
                out.push_str(&format!("{hash:016x} = {}\n", basic_string(text)));
            }
        }
        out
    }
}

/// `text` as a one-line TOML basic string: the lock is read line by line.
fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quote_key(key: &str) -> String {
    if !key.is_empty() && key.bytes().all(is_bare_key_byte) {
        key.to_owned()
    } else {
        toml::Value::String(key.to_owned()).to_string()
    }
}

/// A byte of a bare (unquoted) TOML key, as the lock writes and reads ids.
fn is_bare_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A stable 64-bit FNV-1a hash of a message's source, whitespace runs collapsed so that
/// re-wrapping a paragraph is not a change. Hex, 16 digits.
pub fn content_hash(body: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    let bytes = body.as_bytes();
    if crate::load::whitespace::has_wide_space(bytes) {
        for (i, word) in body.split_whitespace().enumerate() {
            if i > 0 {
                feed(b' ');
            }
            word.bytes().for_each(&mut feed);
        }
    } else {
        // The same words and single spaces, read byte by byte.
        let mut started = false;
        let mut space = false;
        for &b in bytes {
            if crate::load::whitespace::is_ascii_space(b) {
                space = started;
            } else {
                if space {
                    feed(b' ');
                    space = false;
                }
                feed(b);
                started = true;
            }
        }
    }
    hash
}

/// Adds a table's entries to `locales`, or names the line of an id recorded twice.
fn add_table(
    locales: &mut LockTable,
    (locale, path): &(String, String),
    pending: &mut Vec<(String, LockEntry, usize)>,
) -> Result<(), (usize, String)> {
    if pending.is_empty() {
        return Ok(());
    }
    // `beyan lock` writes ids sorted: strictly increasing ids need neither sort nor search for
    // duplicates.
    if !pending.windows(2).all(|pair| pair[0].0 < pair[1].0) {
        pending.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some((id, line)) = pending
            .windows(2)
            .filter(|pair| pair[0].0 == pair[1].0)
            .map(|pair| (&pair[1].0, pair[1].2))
            .min_by_key(|(_, line)| *line)
        {
            return Err((line, format!("`{id}` is recorded twice")));
        }
    }
    let entries = locales
        .entry(locale.clone())
        .or_default()
        .entry(path.clone())
        .or_default();
    if entries.is_empty() {
        *entries = pending
            .drain(..)
            .map(|(id, entry, _)| (id, entry))
            .collect();
        return Ok(());
    }
    // The same table again, further down the file.
    for (id, entry, line) in pending.drain(..) {
        if entries.contains_key(&id) {
            return Err((line, format!("`{id}` is recorded twice")));
        }
        entries.insert(id, entry);
    }
    Ok(())
}

/// A message's line exactly as `beyan lock` writes it (a bare id, both hashes, nothing
/// else): read without the general reader, which takes any other shape.
fn written_entry(line: &str) -> Option<(&str, LockEntry)> {
    let id_len = line.bytes().position(|b| !is_bare_key_byte(b))?;
    let (id, rest) = line.split_at(id_len);
    let rest = rest.strip_prefix(" = { reference = \"")?;
    let (reference, rest) = rest.split_at_checked(16)?;
    let rest = rest.strip_prefix("\", translation = \"")?;
    let (translation, rest) = rest.split_at_checked(16)?;
    (!id.is_empty() && rest == "\" }").then_some(())?;
    Some((
        id,
        LockEntry {
            reference: parse_hash(reference)?,
            translation: parse_hash(translation)?,
        },
    ))
}

/// A reference text's line as `beyan lock` writes it (a bare hash, a string with only the
/// escapes [`basic_string`] writes): read without the general reader, which takes any other
/// shape.
fn written_text(line: &str) -> Option<(u64, Cow<'_, str>)> {
    let hash = parse_hash(line.get(..16)?)?;
    let quoted = line.get(16..)?.strip_prefix(" = \"")?.strip_suffix('"')?;
    if !quoted.bytes().any(|b| b == b'\\' || b == b'"') {
        return Some((hash, Cow::Borrowed(quoted)));
    }
    let mut text = String::with_capacity(quoted.len());
    let mut rest = quoted;
    while let Some(at) = rest.find(['\\', '"']) {
        text.push_str(&rest[..at]);
        let escaped = rest[at..].strip_prefix('\\')?;
        let mut chars = escaped.chars();
        match chars.next()? {
            'n' => text.push('\n'),
            't' => text.push('\t'),
            'r' => text.push('\r'),
            '"' => text.push('"'),
            '\\' => text.push('\\'),
            'u' => {
                let digits = escaped.get(1..5)?;
                if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                text.push(char::from_u32(u32::from_str_radix(digits, 16).ok()?)?);
                rest = &escaped[5..];
                continue;
            }
            _ => return None,
        }
        rest = chars.as_str();
    }
    text.push_str(rest);
    Some((hash, Cow::Owned(text)))
}

/// A hash as the lock writes it: exactly 16 hex digits.
fn parse_hash(text: &str) -> Option<u64> {
    /// Each byte's value as a hex digit; 0xFF for any other byte.
    const DIGITS: [u8; 256] = {
        let mut table = [0xFF; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = match b as u8 {
                d @ b'0'..=b'9' => d - b'0',
                d @ b'a'..=b'f' => d - b'a' + 10,
                d @ b'A'..=b'F' => d - b'A' + 10,
                _ => 0xFF,
            };
            b += 1;
        }
        table
    };
    if text.len() != 16 {
        return None;
    }
    text.bytes().try_fold(0u64, |hash, b| {
        let digit = DIGITS[usize::from(b)];
        (digit != 0xFF).then_some(hash << 4 | u64::from(digit))
    })
}

impl LockEntry {
    /// Whether this record was made from a reference text with hash `hash`.
    pub fn made_from(&self, hash: u64) -> bool {
        self.reference == hash
    }
}

/// A position in one line of the lock, for its small hand-written reader.
struct Cursor<'l> {
    line: &'l str,
    at: usize,
}

impl<'l> Cursor<'l> {
    fn new(line: &'l str) -> Self {
        Self { line, at: 0 }
    }

    fn rest(&self) -> &'l [u8] {
        &self.line.as_bytes()[self.at..]
    }

    fn peek(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    fn done(&self) -> bool {
        self.at >= self.line.len()
    }

    fn column(&self) -> usize {
        self.column_at(self.at)
    }

    /// 1-based column of a byte offset in the line; counted only when an error needs it.
    /// The cursor may stand past the line's end (an escape cut by the end of the file).
    fn column_at(&self, at: usize) -> usize {
        let mut at = at.min(self.line.len());
        while !self.line.is_char_boundary(at) {
            at -= 1;
        }
        self.line[..at].chars().count() + 1
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn skip_space(&mut self) {
        self.take_while(|b| b == b' ' || b == b'\t');
    }

    #[inline]
    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'l str {
        let start = self.at;
        let len = self.rest().iter().take_while(|&&b| keep(b)).count();
        self.at += len;
        &self.line[start..self.at]
    }

    /// A bare key (`a-z A-Z 0-9 - _`) or a quoted one.
    fn key(&mut self) -> Option<Cow<'l, str>> {
        if self.peek() == Some(b'"') {
            return self.string();
        }
        let key = self.take_while(is_bare_key_byte);
        (!key.is_empty()).then_some(Cow::Borrowed(key))
    }

    /// A TOML basic string; escapes are rare here and decoded by the TOML parser.
    fn string(&mut self) -> Option<Cow<'l, str>> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        let mut escaped = false;
        loop {
            // Whole characters only: the cursor never stops inside one or past the line's end.
            let c = self.line[self.at..].chars().next()?;
            match c {
                '\\' => {
                    escaped = true;
                    self.at += 1;
                    let escaped_char = self.line[self.at..].chars().next()?;
                    self.at += escaped_char.len_utf8();
                }
                '"' => break,
                _ => self.at += c.len_utf8(),
            }
        }
        let raw = &self.line[start..self.at];
        self.at += 1;
        if !escaped {
            return Some(Cow::Borrowed(raw));
        }
        let table: toml::Table = toml::from_str(&format!("v = \"{raw}\"")).ok()?;
        table.get("v")?.as_str().map(|s| Cow::Owned(s.to_owned()))
    }

    fn end(&mut self) -> Result<(), ()> {
        self.skip_space();
        if self.done() || self.peek() == Some(b'#') {
            Ok(())
        } else {
            Err(())
        }
    }
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
    fn reference_texts_round_trip_and_a_version_1_lock_is_still_read() {
        let mut lock = Lockfile::default();
        let text = "Victory \"Day\"\n    .title = a\\b\ttab \u{1} ə";
        lock.texts.insert(content_hash(text), text.to_owned());
        lock.texts.insert(content_hash("plain"), "plain".to_owned());
        lock.locales
            .entry("az".into())
            .or_default()
            .entry("a.ftl".into())
            .or_default()
            .insert(
                "x".into(),
                LockEntry {
                    reference: content_hash(text),
                    translation: 1,
                },
            );
        let written = lock.to_text();
        assert!(written.contains("version = 2\n"), "{written}");
        assert!(written.contains("\n[reference-texts]\n"), "{written}");
        assert_eq!(
            written.lines().count(),
            4 + 3 + 3,
            "one line per text: {written}"
        );
        let read = Lockfile::parse("beyan.lock", &written).unwrap();
        assert_eq!(read, lock);
        assert_eq!(read.text_of(content_hash(text)), Some(text));
        let old = "version = 1\n[az.\"a.ftl\"]\nx = { reference = \"0123456789abcdef\", translation = \"0123456789abcdef\" }\n";
        let read = Lockfile::parse("beyan.lock", old).unwrap();
        assert!(read.texts.is_empty());
        assert!(read.get("az", "a.ftl", "x").is_some());
        let text_of = |line: &str| written_text(line).map(|(_, text)| text.into_owned());
        assert_eq!(
            text_of("0123456789abcdef = \"Victory Day\"").as_deref(),
            Some("Victory Day")
        );
        assert_eq!(
            text_of(r#"0123456789abcdef = "a\nb \"c\" \\ \u0001ə""#).as_deref(),
            Some("a\nb \"c\" \\ \u{1}ə")
        );
        for other in [
            "0123456789abcdef = \"a\" # note",
            r#"0123456789abcdef = "a\x""#,
            r#"0123456789abcdef = "a\u00""#,
            r#"0123456789abcdef = "a\"#,
            r#"0123456789abcdef = "a"b""#,
        ] {
            assert_eq!(text_of(other), None, "{other}");
        }
        let bad = "version = 2\n[reference-texts]\nnot-a-hash = \"x\"\n";
        assert_eq!(
            Lockfile::parse("beyan.lock", bad).unwrap_err().position,
            Some((3, 1))
        );
    }

    #[test]
    fn corrupt_lock_names_line() {
        let error = Lockfile::parse("beyan.lock", "version = 1\n[az.\"a.ftl\"]\nx = { reference = \"zz\", translation = \"0000000000000000\" }\n").unwrap_err();
        assert_eq!(error.position.unwrap().0, 3);
        let error = Lockfile::parse("beyan.lock", "version = 1\n[az\n").unwrap_err();
        assert_eq!(error.position.unwrap().0, 2);
    }

    #[test]
    fn records_without_texts_are_the_records_of_the_whole_lock() {
        let text = "version = 2\n[az.\"a.ftl\"]\nm = { reference = \"00000000000000aa\", translation = \"00000000000000bb\" }\n[reference-texts]\n00000000000000aa = \"Old text\"\nnot a text line at all\n[tr.\"a.ftl\"]\nm = { reference = \"00000000000000aa\", translation = \"00000000000000cc\" }\n";
        let skipped = Lockfile::read("beyan.lock", text.as_bytes(), Texts::Skip).unwrap();
        assert!(skipped.texts.is_empty());
        assert_eq!(skipped.locales.len(), 2, "a table after the texts is read");
        let whole = text.replace("not a text line at all\n", "");
        let read = Lockfile::parse("beyan.lock", &whole).unwrap();
        assert_eq!(read.locales, skipped.locales);
        assert_eq!(read.texts.len(), 1);
    }

    #[test]
    fn reader_reports_shape_errors_with_columns() {
        let hash = "0123456789abcdef";
        let ok = format!(
            "version = 1\n\n[az.\"dir/a \\\"b\\\".ftl\"]\nx = {{ translation = \"{hash}\", reference = \"{hash}\" }} # note\n"
        );
        let lock = Lockfile::parse("beyan.lock", &ok).unwrap();
        assert!(lock.get("az", "dir/a \"b\".ftl", "x").is_some());
        let cases = [
            ("version = 3\n".to_owned(), (1, 1), "unsupported version"),
            (
                format!("version = 1\nx = {{ reference = \"{hash}\" }}\n"),
                (2, 1),
                "outside",
            ),
            (
                format!(
                    "version = 1\n[az.\"a\"]\nx = {{ reference = \"{hash}\", other = \"{hash}\" }}\n"
                ),
                (3, 39),
                "unknown field",
            ),
            (
                format!("version = 1\n[az.\"a\"]\nx = {{ reference = \"{hash}\" }}\n"),
                (3, 1),
                "both",
            ),
            (
                format!(
                    "version = 1\n[az.\"a\"]\nx = {{ reference = \"{hash}\", translation = \"{hash}\" }} y\n"
                ),
                (3, 74),
                "end of the line",
            ),
        ];
        for (text, position, message) in cases {
            let error = Lockfile::parse("beyan.lock", &text).unwrap_err();
            assert_eq!(error.position, Some(position), "{text}: {error}");
            assert!(error.message.contains(message), "{text}: {error}");
        }
        assert!(Lockfile::parse("beyan.lock", "# empty\n").is_err());
    }

    #[test]
    fn an_escape_at_the_end_of_a_line_or_before_a_wide_character_is_an_error_not_a_panic() {
        for text in [
            "version = 1\n[az.\"a\\",
            "version = 1\n[az.\"a\\\n",
            "version = 1\n[az.\"a\\ə\n",
            "version = 1\n[az.\"a\\əb\"]\nx = { reference = \"a\\",
            "version = 1\n[az.\"a\"]\nx = { reference = \"\\ğ",
        ] {
            let error = Lockfile::parse("beyan.lock", text).unwrap_err();
            assert!(error.position.is_some(), "{text:?}: {error}");
        }
    }

    #[test]
    fn written_lines_and_hand_edited_ones_read_alike() {
        let hash = "0123456789abcdef";
        let written = format!(
            "version = 1\n[az.\"a.ftl\"]\nb = {{ reference = \"{hash}\", translation = \"{hash}\" }}\n\"a\" = {{ translation = \"{hash}\", reference = \"{hash}\" }}\n"
        );
        let lock = Lockfile::parse("beyan.lock", &written).unwrap();
        let ids: Vec<_> = lock.locales["az"]["a.ftl"].keys().collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(
            written_entry(&format!(
                "b = {{ reference = \"{hash}\", translation = \"{hash}\" }}"
            ))
            .is_some()
        );
        assert!(
            written_entry(&format!(
                "b = {{ reference = \"{hash}\", translation = \"{hash}\" }} #"
            ))
            .is_none()
        );
        assert!(
            written_entry(&format!(
                "b = {{ reference = \"{hash}\", translation = \"0123\" }}"
            ))
            .is_none()
        );
    }

    #[test]
    fn ids_recorded_twice_are_refused_with_their_line() {
        let hash = "0123456789abcdef";
        let line =
            |id: &str| format!("{id} = {{ reference = \"{hash}\", translation = \"{hash}\" }}\n");
        let text = format!(
            "version = 1\n[az.\"a.ftl\"]\n{}{}{}",
            line("x"),
            line("y"),
            line("x")
        );
        let error = Lockfile::parse("beyan.lock", &text).unwrap_err();
        assert_eq!(error.position, Some((5, 1)));
        assert!(error.message.contains("`x` is recorded twice"));
        // The same table again further down.
        let text = format!(
            "version = 1\n[az.\"a.ftl\"]\n{}[tr.\"a.ftl\"]\n{}[az.\"a.ftl\"]\n{}",
            line("x"),
            line("x"),
            line("x")
        );
        let error = Lockfile::parse("beyan.lock", &text).unwrap_err();
        assert_eq!(error.position, Some((7, 1)));
    }

    #[test]
    fn a_line_that_is_not_utf8_is_named() {
        let mut bytes = b"version = 1\n[az.\"a.ftl\"]\nx".to_vec();
        bytes.extend_from_slice(b"\xFF = 1\n");
        let error = Lockfile::read("beyan.lock", bytes.as_slice(), Texts::Read).unwrap_err();
        assert_eq!(error.position, Some((3, 1)));
        assert!(error.message.contains("not UTF-8"), "{error}");
    }

    #[test]
    fn hash_reads_words_as_split_whitespace_does() {
        let words = |body: &str| {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            let joined = body.split_whitespace().collect::<Vec<_>>().join(" ");
            for b in joined.bytes() {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
            hash
        };
        for body in [
            "",
            "   ",
            "a",
            "  lead and trail  ",
            "tab\tvt\u{0B}ff\u{0C}cr\r\nlf",
            "Bakı\u{00A0}şəhəri — 8\u{2009}noyabr",
            "اسلام آباد\u{3000}{ $date }",
        ] {
            assert_eq!(content_hash(body), words(body), "{body:?}");
        }
        // FNV-1a of `a b c`: hashes in existing locks stay valid.
        assert_eq!(content_hash("a b\n    c"), 0x69cf480885ad45af);
    }

    #[test]
    fn hash_ignores_wrapping_only() {
        assert_eq!(content_hash("a b\n    c"), content_hash("a  b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }
}
