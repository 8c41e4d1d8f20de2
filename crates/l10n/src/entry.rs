//! What the checks need to know of one message or term, read once from the AST.

use compact_str::{CompactString, format_compact};
use fluent_syntax::ast;
use thin_vec::ThinVec;

use crate::source_file::SourceFile;
use crate::whitespace;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Message,
    Term,
}

/// A `$variable`, message or term reference, or plural selector, with its byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub offset: usize,
}

/// A select expression whose variants look like CLDR plural categories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluralSelect {
    pub keys: Vec<CompactString>,
}

/// One message or term of a file, summarized for comparison.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The id as referenced: `headline`, or `-org-name` for a term.
    pub id: CompactString,
    pub kind: EntryKind,
    /// Byte range of the entry's source in its file, from the id to the end of its last line.
    pub start: usize,
    pub end: usize,
    pub has_value: bool,
    pub attributes: ThinVec<Located<CompactString>>,
    /// Every `$variable` used in the value, the attributes and all variants, sorted, unique.
    pub variables: ThinVec<Located<CompactString>>,
    /// Message and term references (`-term`, `msg`), without attribute parts.
    pub references: ThinVec<Located<CompactString>>,
    pub plural_selects: ThinVec<Located<PluralSelect>>,
    pub words: u32,
    /// Bytes of the visible text that are not whitespace: with `words`, a fingerprint that
    /// rules out nearly every pair of different texts before their bodies are compared.
    ink: u32,
    /// Whether the visible text has letters (not only placeables or marks).
    has_words: bool,
    /// What the content checks may find in the text ([`crate::content_checks::TextFlags`]),
    /// read here with the text rather than again for every pair that compares the entry.
    pub content_flags: u8,
    /// Offsets of bidi control characters in the entry's text.
    pub bidi_controls: ThinVec<usize>,
    /// [`crate::content_hash`] of the entry's body, computed when first needed.
    hash: std::sync::OnceLock<u64>,
    /// The inline markup of the visible text (links, emphasis); boxed, as most text has none.
    markup: Option<Box<crate::markup::MarkupSummary>>,
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Entry {
    /// The entry's source without its id: what the translator wrote.
    pub fn body<'f>(&self, file: &'f SourceFile) -> &'f str {
        let source = file.text.get(self.start..self.end).unwrap_or("");
        source
            .find('=')
            .map_or(source, |eq| &source[eq + 1..])
            .trim()
    }

    /// [`crate::content_hash`] of the body; `file` must be the entry's own file.
    pub fn hash(&self, file: &SourceFile) -> u64 {
        *self
            .hash
            .get_or_init(|| crate::lockfile::content_hash(self.body(file)))
    }

    pub fn markup(&self) -> &crate::markup::MarkupSummary {
        static NONE: crate::markup::MarkupSummary = crate::markup::MarkupSummary::NONE;
        self.markup.as_deref().unwrap_or(&NONE)
    }

    /// Whether the visible texts could be the same: equal bodies (whitespace aside) give equal
    /// visible texts, so different word or byte counts rule a pair out without reading it.
    pub fn may_equal(&self, other: &Entry) -> bool {
        self.words == other.words && self.ink == other.ink
    }

    /// Whether two entries have the same body, whitespace runs aside (as the hash sees it).
    pub fn same_body(&self, file: &SourceFile, other: &Entry, other_file: &SourceFile) -> bool {
        self.body(file)
            .split_whitespace()
            .eq(other.body(other_file).split_whitespace())
    }

    pub fn has_attribute(&self, name: &str) -> bool {
        self.attributes.iter().any(|a| a.value == name)
    }

    pub fn uses_variable(&self, name: &str) -> bool {
        self.variables
            .binary_search_by(|v| v.value.as_str().cmp(name))
            .is_ok()
    }

    /// Whether the text has something a reader reads (letters), not only placeables or marks.
    pub fn has_words(&self) -> bool {
        self.has_words
    }
}

/// Summarizes the messages and terms of a parsed resource. `file` is the text it borrows from.
pub fn entries(resource: &ast::Resource<&str>, file: &SourceFile) -> Vec<Entry> {
    let count = resource
        .body
        .iter()
        .filter(|item| matches!(item, ast::Entry::Message(_) | ast::Entry::Term(_)))
        .count();
    let mut out: Vec<Entry> = Vec::with_capacity(count);
    let mut starts: Vec<usize> = Vec::with_capacity(resource.body.len());
    // Buffers for every entry, cleared between entries; each entry keeps an exact copy.
    let mut scratch = Scratch::default();
    let bidi_in_file = has_bidi_control(&file.text);
    for item in &resource.body {
        let (id, kind, value, attributes, comment) = match item {
            ast::Entry::Message(m) => (
                m.id.name,
                EntryKind::Message,
                m.value.as_ref(),
                &m.attributes,
                m.comment.as_ref(),
            ),
            ast::Entry::Term(t) => (
                t.id.name,
                EntryKind::Term,
                Some(&t.value),
                &t.attributes,
                t.comment.as_ref(),
            ),
            ast::Entry::Comment(c)
            | ast::Entry::GroupComment(c)
            | ast::Entry::ResourceComment(c) => {
                starts.extend(c.content.first().and_then(|l| file.offset_of(l)));
                continue;
            }
            ast::Entry::Junk { content } => {
                starts.extend(file.offset_of(content));
                continue;
            }
        };
        if let Some(first) = comment.and_then(|c| c.content.first()) {
            starts.extend(file.offset_of(first));
        }
        let id_offset = file.offset_of(id).unwrap_or(0);
        // A term's source starts at its `-`.
        let start = match kind {
            EntryKind::Message => id_offset,
            EntryKind::Term => id_offset.saturating_sub(1),
        };
        starts.push(start);
        let mut walker = Walker {
            file,
            bidi_in_file,
            entry: Entry {
                id: match kind {
                    EntryKind::Message => CompactString::new(id),
                    EntryKind::Term => format_compact!("-{id}"),
                },
                kind,
                start,
                end: file.text.len(),
                has_value: value.is_some(),
                attributes: ThinVec::new(),
                variables: ThinVec::new(),
                references: ThinVec::new(),
                plural_selects: ThinVec::new(),
                words: 0,
                ink: 0,
                has_words: false,
                content_flags: 0,
                bidi_controls: ThinVec::new(),
                hash: std::sync::OnceLock::new(),
                markup: None,
            },
            scratch: std::mem::take(&mut scratch),
        };
        if let Some(value) = value {
            walker.pattern(value);
        }
        for attribute in attributes {
            walker.scratch.attributes.push(Located {
                value: CompactString::new(attribute.id.name),
                offset: file.offset_of(attribute.id.name).unwrap_or(start),
            });
            walker.scratch.text.push('\n');
            walker.pattern(&attribute.value);
        }
        // The visible text is summarized, then dropped: keeping it would double the memory
        // of every catalog.
        let mut entry = walker.entry;
        scratch = walker.scratch;
        let text = &scratch.text;
        (entry.words, entry.ink, entry.has_words) = count_words(text);
        entry.content_flags = crate::content_checks::TextFlags::read(
            text,
            std::mem::take(&mut scratch.odd_space),
            std::mem::take(&mut scratch.literal),
        )
        .bits();
        let markup = crate::markup::summarize_markup(text);
        entry.markup = (markup != crate::markup::MarkupSummary::NONE).then(|| Box::new(markup));
        scratch.variables.sort_by(|a, b| a.value.cmp(&b.value));
        scratch.variables.dedup_by(|a, b| a.value == b.value);
        entry.attributes = exact(&mut scratch.attributes);
        entry.variables = exact(&mut scratch.variables);
        entry.references = exact(&mut scratch.references);
        entry.plural_selects = exact(&mut scratch.plural_selects);
        entry.bidi_controls = exact(&mut scratch.bidi_controls);
        scratch.text.clear();
        out.push(entry);
    }
    // Each entry ends where the next item (comment, junk or entry) begins.
    starts.sort_unstable();
    for entry in &mut out {
        let next = starts
            .partition_point(|&s| s <= entry.start)
            .min(starts.len());
        let limit = starts.get(next).copied().unwrap_or(file.text.len());
        let source = file.text.get(entry.start..limit).unwrap_or("");
        // Back off to the end of the entry's own last line (a next comment's `#` prefix too).
        let trimmed = memchr::memrchr(b'\n', source.as_bytes()).map_or(source, |at| &source[..at]);
        entry.end = entry.start + trimmed.trim_end().len();
    }
    out
}

struct Walker<'f> {
    file: &'f SourceFile,
    /// Whether the file has a bidi control anywhere: when not (nearly always), no text element
    /// needs a look.
    bidi_in_file: bool,
    entry: Entry,
    scratch: Scratch,
}

/// What the walk of one entry collects, in buffers reused from entry to entry.
#[derive(Default)]
struct Scratch {
    /// Visible text of value and attributes, variants included.
    text: String,
    attributes: Vec<Located<CompactString>>,
    variables: Vec<Located<CompactString>>,
    references: Vec<Located<CompactString>>,
    plural_selects: Vec<Located<PluralSelect>>,
    bidi_controls: Vec<usize>,
    /// A text element with doubled spaces, a tab, a no-break space or a space before a line
    /// break.
    odd_space: bool,
    /// A string literal placeable (its text is not in `text`).
    literal: bool,
}

/// The items of `buffer`, moved into a list of exactly their number (most lists are empty or
/// hold one or two, and there are tens of thousands of entries); `buffer` is left empty.
fn exact<T>(buffer: &mut Vec<T>) -> ThinVec<T> {
    if buffer.is_empty() {
        return ThinVec::new();
    }
    let mut list = ThinVec::with_capacity(buffer.len());
    list.extend(buffer.drain(..));
    list
}

impl Walker<'_> {
    fn offset(&self, slice: &str) -> usize {
        self.file.offset_of(slice).unwrap_or(self.entry.start)
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    if !self.scratch.odd_space
                        && (value.contains("  ")
                            || value.contains(['\t', '\u{00A0}'])
                            || value.contains(" \n"))
                    {
                        self.scratch.odd_space = true;
                    }
                    if self.bidi_in_file && has_bidi_control(value) {
                        let base = self.offset(value);
                        self.scratch.bidi_controls.extend(
                            value
                                .char_indices()
                                .filter(|(_, c)| is_bidi_control(*c))
                                .map(|(i, _)| base + i),
                        );
                    }
                    self.scratch.text.push_str(value);
                }
                ast::PatternElement::Placeable { expression } => {
                    self.scratch.text.push(' ');
                    self.expression(expression);
                    self.scratch.text.push(' ');
                }
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline),
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                let keys: Vec<CompactString> = variants
                    .iter()
                    .filter_map(|v| match &v.key {
                        ast::VariantKey::Identifier { name } => Some(CompactString::new(name)),
                        ast::VariantKey::NumberLiteral { .. } => None,
                    })
                    .collect();
                let numeric_selector = match selector {
                    ast::InlineExpression::VariableReference { .. } => true,
                    ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
                    _ => false,
                };
                // Plural when every named key is a CLDR category: `*[other]` alone counts
                // (it lacks `one`), `[masculine] *[other]` does not.
                let plural =
                    !keys.is_empty() && keys.iter().all(|k| PLURAL_KEYS.contains(&k.as_str()));
                if numeric_selector && plural {
                    let offset = variants
                        .first()
                        .map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => self.offset(name),
                            ast::VariantKey::NumberLiteral { value } => self.offset(value),
                        })
                        .unwrap_or(self.entry.start);
                    self.scratch.plural_selects.push(Located {
                        value: PluralSelect { keys },
                        offset,
                    });
                }
                for variant in variants {
                    self.pattern(&variant.value);
                    self.scratch.text.push('\n');
                }
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
        match inline {
            ast::InlineExpression::StringLiteral { .. } => self.scratch.literal = true,
            ast::InlineExpression::NumberLiteral { .. } => {}
            ast::InlineExpression::VariableReference { id } => {
                let offset = self.offset(id.name).saturating_sub(1);
                self.scratch.variables.push(Located {
                    value: CompactString::new(id.name),
                    offset,
                });
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                let offset = self.offset(id.name);
                self.scratch.references.push(Located {
                    value: CompactString::new(id.name),
                    offset,
                });
            }
            ast::InlineExpression::TermReference { id, arguments, .. } => {
                let offset = self.offset(id.name).saturating_sub(1);
                self.scratch.references.push(Located {
                    value: format_compact!("-{}", id.name),
                    offset,
                });
                if let Some(arguments) = arguments {
                    self.arguments(arguments);
                }
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                self.arguments(arguments);
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&str>) {
        // A literal argument (`dateStyle: "long"`) is an option, not text.
        let text_free = |e: &ast::InlineExpression<&str>| {
            !matches!(e, ast::InlineExpression::StringLiteral { .. })
        };
        for positional in arguments.positional.iter().filter(|e| text_free(e)) {
            self.inline(positional);
        }
        for named in arguments.named.iter().filter(|n| text_free(&n.value)) {
            self.inline(&named.value);
        }
    }
}

/// The number of words (runs of non-whitespace, as [`str::split_whitespace`] counts them), of
/// bytes that are not whitespace, and whether the text has any letter.
fn count_words(text: &str) -> (u32, u32, bool) {
    let bytes = text.as_bytes();
    let letters = text.chars().any(char::is_alphabetic);
    // Most text has no whitespace outside ASCII, and then a word starts at each non-space byte
    // after a space: a comparison per byte, no decoding, no dependency from one byte to the
    // next (the compiler vectorizes it).
    if !whitespace::has_wide_space(bytes) {
        let Some(&first) = bytes.first() else {
            return (0, 0, letters);
        };
        let first = u32::from(!whitespace::is_ascii_space(first));
        // Each byte beside the one before it: two slices of one length, which vectorize.
        let (mut starts, mut ink) = (first, first);
        for (&before, &b) in bytes[..bytes.len() - 1].iter().zip(&bytes[1..]) {
            let space = whitespace::is_ascii_space(b);
            starts += u32::from(!space & whitespace::is_ascii_space(before));
            ink += u32::from(!space);
        }
        return (starts, ink, letters);
    }
    // Whitespace outside ASCII (rare): the standard library's reading, as `content_hash` has.
    let words = text.split_whitespace().count() as u32;
    let ink = text.split_whitespace().map(str::len).sum::<usize>() as u32;
    (words, ink, letters)
}

/// U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a [bidi control](is_bidi_control): each is `E2 80 AA–AE` or
/// `E2 81 A6–A9` in UTF-8, so only the bytes after an `E2` need a look.
fn has_bidi_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|i| {
        matches!(
            bytes.get(i + 1..i + 3),
            Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (SourceFile, Vec<(String, Vec<String>, String)>) {
        let file = SourceFile::decode("t.ftl".into(), text.as_bytes());
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(r) | Err((r, _)) => r,
        };
        let found = entries(&resource, &file)
            .iter()
            .map(|e| {
                (
                    e.id.to_string(),
                    e.variables.iter().map(|v| v.value.to_string()).collect(),
                    file.text[e.start..e.end].to_owned(),
                )
            })
            .collect();
        (file, found)
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "  ",
            "one",
            " two  words\n",
            "a\u{0B}b\u{0C}c\rd",
            "Azərbaycan\u{00A0}Respublikası\u{2003}{ $x }",
            "یومِ فتح  ۸ نومبر",
            "{ 5 } 10",
        ] {
            let expected = (
                text.split_whitespace().count() as u32,
                text.split_whitespace().map(str::len).sum::<usize>() as u32,
                text.chars().any(char::is_alphabetic),
            );
            assert_eq!(count_words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn every_whitespace_character_separates_words() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let expected = text.split_whitespace().count() as u32;
            assert_eq!(count_words(&text).0, expected, "{c:?}");
        }
    }

    #[test]
    fn bidi_controls_are_found_by_their_bytes() {
        for c in ('\u{2000}'..='\u{20FF}').chain(['…', 'a', 'ہ']) {
            let text = format!("x{c}y");
            assert_eq!(has_bidi_control(&text), is_bidi_control(c), "{c:?}");
        }
    }

    #[test]
    fn variables_in_any_variant_count_and_ranges_exclude_next_comment() {
        let text = "# c\n-brand = B\nmsg = { $n ->\n    [one] one { $x }\n   *[other] { -brand } { $n }\n}\n    .title = { $t }\n\n# next\nother = x\n";
        let (_, found) = parse(text);
        assert_eq!(found[0].0, "-brand");
        assert_eq!(found[0].2, "-brand = B");
        assert_eq!(found[1].0, "msg");
        assert_eq!(found[1].1, ["n", "t", "x"]);
        assert!(found[1].2.ends_with(".title = { $t }"));
        assert_eq!(found[2].2, "other = x");
    }
}
