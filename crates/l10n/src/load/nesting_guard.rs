//! Guards fluent-syntax's parser against the input it cannot survive.
//!
//! fluent-syntax descends once per `{` (and per call argument), so thousands of nested
//! placeables overflow the stack before it can return Junk; and a `\u` escape cut short by a
//! non-ASCII character (`{ "\ué" }`) makes it slice inside that character and panic. Before
//! parsing, this pass finds such entries and blanks them (keeping line breaks, so every other
//! position in the file stays where it was); the caller reports each as a syntax error.

/// Deepest placeable/call nesting accepted. Real messages rarely go past 3.
pub const MAX_NESTING: usize = 32;

/// The bytes the depth tracking looks at; every other byte is skipped at once.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let special = *b"\n\\\"{}()";
    while k < special.len() {
        table[special[k] as usize] = true;
        k += 1;
    }
    table
};

/// An entry blanked, by the byte offset of what the parser could not survive.
pub struct TooDeep {
    pub offset: usize,
    /// What was wrong there, for the syntax error.
    pub message: String,
}

/// Returns the text to parse (borrowed when nothing was too deep) and the entries blanked.
pub fn guard(text: &str) -> (std::borrow::Cow<'_, str>, Vec<TooDeep>) {
    let bytes = text.as_bytes();
    if !may_nest_too_deep(bytes) && !may_cut_an_escape(bytes) {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    // (entry start, offset of the problem, message)
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut entry_start = 0usize;
    let mut flagged = false;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start {
            line_start = false;
            if starts_entry(b) {
                depth = 0;
                in_string = false;
                entry_start = i;
                flagged = false;
            }
        }
        if !SPECIAL[usize::from(b)] {
            i += 1;
            continue;
        }
        match b {
            b'\n' => {
                in_string = false;
                line_start = true;
            }
            b'\\' if in_string => {
                if !flagged && cuts_an_escape(bytes, i) {
                    flagged = true;
                    found.push((
                        entry_start,
                        i,
                        "invalid unicode escape sequence: `\\u` takes 4 hex digits, `\\U` 6"
                            .to_owned(),
                    ));
                }
                i += 1;
            }
            b'"' if depth > 0 => in_string = !in_string,
            b'{' if !in_string => depth += 1,
            b'(' if !in_string && depth > 0 => depth += 1,
            b'}' | b')' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING && !flagged {
            flagged = true;
            found.push((
                entry_start,
                i,
                format!("placeables nested more than {MAX_NESTING} levels deep"),
            ));
        }
        i += 1;
    }
    if found.is_empty() {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    let mut blanked = bytes.to_vec();
    for &(start, _, _) in &found {
        let end = next_entry_start(bytes, start);
        for byte in &mut blanked[start..end] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    }
    // Whole UTF-8 sequences were replaced by spaces, so the text is still UTF-8.
    let text = String::from_utf8(blanked).unwrap_or_default();
    let too_deep = found
        .into_iter()
        .map(|(_, offset, message)| TooDeep { offset, message })
        .collect();
    (std::borrow::Cow::Owned(text), too_deep)
}

/// Whether some entry could nest deeper than [`MAX_NESTING`]: depth starts at 0 with each entry
/// and needs an opening `{` or `(` per level, so an entry with at most `MAX_NESTING` openers
/// is safe. An entry holding more means `MAX_NESTING + 1` consecutive openers with no entry
/// start between them; both searches are vectorized, far cheaper than tracking depth.
fn may_nest_too_deep(bytes: &[u8]) -> bool {
    let openers = memchr::memchr2_iter(b'{', b'(', bytes);
    let window_ends = memchr::memchr2_iter(b'{', b'(', bytes).skip(MAX_NESTING);
    let mut entry_starts = memchr::memchr_iter(b'\n', bytes)
        .map(|newline| newline + 1)
        .filter(|&start| bytes.get(start).is_some_and(|&b| starts_entry(b)));
    let mut next_start = entry_starts.next();
    for (first, last) in openers.zip(window_ends) {
        while next_start.is_some_and(|start| start <= first) {
            next_start = entry_starts.next();
        }
        if next_start.is_none_or(|start| start >= last) {
            return true;
        }
    }
    false
}

/// Whether the backslash at `at` starts a `\u`/`\U` escape whose hex digits stop short at a
/// non-ASCII character: fluent-syntax would slice inside that character.
fn cuts_an_escape(bytes: &[u8], at: usize) -> bool {
    let need = match bytes.get(at + 1) {
        Some(b'u') => 4,
        Some(b'U') => 6,
        _ => return false,
    };
    let digits = bytes[at + 2..]
        .iter()
        .take(need)
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    digits < need && bytes.get(at + 2 + digits).is_some_and(|&b| b >= 0x80)
}

/// Whether some `\u`/`\U` anywhere is cut short by a non-ASCII character (in a string or
/// not: the exact scan decides).
fn may_cut_an_escape(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\\', bytes).any(|at| cuts_an_escape(bytes, at))
}

/// Whether a line beginning with `b` begins a new entry (or comment).
fn starts_entry(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'-' || b == b'#'
}

/// Offset of the first line after `start`'s line that begins a new entry, or the end.
fn next_entry_start(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(pos) = bytes[i..].iter().position(|&b| b == b'\n') {
        i += pos + 1;
        match bytes.get(i) {
            Some(&b) if starts_entry(b) => return i,
            Some(_) => {}
            None => return bytes.len(),
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_entry_is_blanked_and_neighbours_kept() {
        let deep = format!("bad = {}x{}\n", "{".repeat(1000), "}".repeat(1000));
        let text = format!("a = 1\n{deep}b = {{ $n }}\n");
        let (guarded, found) = guard(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].offset, 6 + 6 + MAX_NESTING);
        assert!(guarded.starts_with("a = 1\n   "));
        assert!(guarded.ends_with("\nb = { $n }\n"));
        assert_eq!(guarded.len(), text.len());
    }

    #[test]
    fn ordinary_and_string_braces_pass() {
        let text = "a = { \"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\" }\nb = {{{ $x }}}\n";
        let (guarded, found) = guard(text);
        assert!(found.is_empty());
        assert_eq!(guarded, text);
    }

    #[test]
    fn many_shallow_entries_skip_the_scan_and_one_deep_entry_does_not() {
        let shallow = "a = { $x } { $y } { F($z) }\n".repeat(100);
        assert!(!may_nest_too_deep(shallow.as_bytes()));
        // Openers spread over continuation lines still belong to one entry.
        let spread = format!("a =\n{}", "    { F(\n".repeat(20));
        assert!(may_nest_too_deep(spread.as_bytes()));
        assert_eq!(guard(&spread).1.len(), 1);
        let deep = format!(
            "{shallow}b = {}x{}\n{shallow}",
            "{".repeat(40),
            "}".repeat(40)
        );
        assert!(may_nest_too_deep(deep.as_bytes()));
        assert_eq!(guard(&deep).1.len(), 1);
    }

    #[test]
    fn an_escape_cut_by_a_non_ascii_character_is_blanked() {
        let text = "a = 1\nr = { \"\\u\u{e9}\" }\nb = { \"\\u00e9\" } \\u\u{e9} outside a string\n";
        let (guarded, found) = guard(text);
        assert_eq!(found.len(), 1, "only the string literal's escape");
        assert_eq!(found[0].offset, 13);
        assert!(found[0].message.contains("unicode escape"));
        assert!(guarded.starts_with("a = 1\n      "));
        assert!(guarded.ends_with("\nb = { \"\\u00e9\" } \\u\u{e9} outside a string\n"));
        assert!(fluent_syntax::parser::parse(guarded.as_ref()).is_ok());
    }

    #[test]
    fn deep_function_calls_are_caught() {
        let text = format!("a = {{ {}$x{} }}\n", "F(".repeat(500), ")".repeat(500));
        assert_eq!(guard(&text).1.len(), 1);
    }
}
