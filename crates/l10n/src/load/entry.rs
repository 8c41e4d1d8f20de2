//! What the checks need to know of one message or term, read once from the AST.

use compact_str::{CompactString, format_compact};
use fluent_syntax::ast;
use thin_vec::ThinVec;

use crate::content_checks::TextRole;
use crate::load::source_file::SourceFile;
use crate::load::whitespace;

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

/// A message or term reference (`msg`, `msg.attr`, `-term`) and the part of its own entry it
/// is in: references are resolved per value and per attribute, as the runtime resolves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The id as referenced: `msg` or `-term`.
    pub id: CompactString,
    /// The attribute referenced (`msg.attr`), if any.
    pub attribute: Option<CompactString>,
    /// The part of the entry the reference is in: `None` for the value, `Some(i)` for the
    /// entry's `i`-th attribute.
    pub from: Option<u16>,
}

/// The markup of one variant of one part (value or attribute) of an entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartMarkup {
    /// `None` for the value, else the attribute's name.
    pub attribute: Option<CompactString>,
    pub markup: crate::markup::MarkupSummary,
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
    /// Message and term references, each with the part of this entry it is in.
    pub references: ThinVec<Located<Reference>>,
    /// Placeables written in the entry, every part and every variant counted: a bound of what
    /// any one part resolves on its own.
    pub placeables: u32,
    /// Offsets of characters no output can carry (C0 controls but tab and newline,
    /// noncharacters), in text and in string literals once unescaped.
    pub invalid_characters: ThinVec<(usize, char)>,
    pub plural_selects: ThinVec<Located<PluralSelect>>,
    pub words: u32,
    /// Bytes of the visible text that are not whitespace: with `words`, a fingerprint that
    /// rules out nearly every pair of different texts before their bodies are compared.
    ink: u32,
    /// What the content checks may find in the text ([`crate::content_checks::TextFlags`]),
    /// read here with the text rather than again for every pair that compares the entry.
    pub content_flags: u8,
    /// Offsets of bidi control characters in the entry's text.
    pub bidi_controls: ThinVec<usize>,
    /// The inline markup (links, emphasis) of each variant of each part, sorted and unique;
    /// `None` when no part has any (most text), which reads as "no markup in any variant".
    markup: Option<ThinVec<PartMarkup>>,
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

    /// Whether any variant of any part has markup.
    pub fn has_markup(&self) -> bool {
        self.markup.is_some()
    }

    /// The distinct markups of the variants of one part (`None`: the value).
    pub fn part_markup(&self, attribute: Option<&str>) -> Vec<&crate::markup::MarkupSummary> {
        static NONE: crate::markup::MarkupSummary = crate::markup::MarkupSummary::NONE;
        let found: Vec<&crate::markup::MarkupSummary> = self
            .markup
            .as_deref()
            .into_iter()
            .flatten()
            .filter(|p| p.attribute.as_deref() == attribute)
            .map(|p| &p.markup)
            .collect();
        if found.is_empty() { vec![&NONE] } else { found }
    }

    /// The index of an attribute by name.
    pub fn attribute_index(&self, name: &str) -> Option<usize> {
        self.attributes.iter().position(|a| a.value == name)
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

    /// Whether the text has more than one word once placeables, numbers, URLs and e-mail
    /// addresses are set aside: text that a translation is expected to change.
    pub fn is_prose(&self, file: &SourceFile) -> bool {
        // Asked only of the rare translation identical to its reference: the entry is read
        // again rather than every entry's visible text summarized for it.
        let source = file.text.get(self.start..self.end).unwrap_or("");
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(r) | Err((r, _)) => r,
        };
        let mut text = String::new();
        for item in &resource.body {
            let (value, attributes) = match item {
                ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
                _ => continue,
            };
            for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
                visible_text(pattern, &mut text);
                text.push('\n');
            }
        }
        is_prose(&text)
    }
}

/// Summarizes the messages and terms of a parsed resource. `file` is the text it borrows from;
/// `role` is the side of the pairs its entries will be compared on.
pub fn entries(resource: &ast::Resource<&str>, file: &SourceFile, role: TextRole) -> Vec<Entry> {
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
                placeables: 0,
                invalid_characters: ThinVec::new(),
                plural_selects: ThinVec::new(),
                words: 0,
                ink: 0,
                content_flags: 0,
                bidi_controls: ThinVec::new(),
                markup: None,
            },
            scratch: std::mem::take(&mut scratch),
            part: None,
        };
        let mut part_markup: Vec<PartMarkup> = Vec::new();
        if let Some(value) = value {
            walker.part(None, value, &mut part_markup);
        }
        for (i, attribute) in attributes.iter().enumerate() {
            walker.scratch.attributes.push(Located {
                value: CompactString::new(attribute.id.name),
                offset: file.offset_of(attribute.id.name).unwrap_or(start),
            });
            walker.scratch.text.push('\n');
            let index = u16::try_from(i).unwrap_or(u16::MAX);
            walker.part(
                Some((index, attribute.id.name)),
                &attribute.value,
                &mut part_markup,
            );
        }
        // The visible text is summarized, then dropped: keeping it would double the memory
        // of every catalog.
        let mut entry = walker.entry;
        scratch = walker.scratch;
        let text = &scratch.text;
        (entry.words, entry.ink) = count_words(text);
        part_markup.sort();
        part_markup.dedup();
        entry.markup = part_markup
            .iter()
            .any(|p| p.markup != crate::markup::MarkupSummary::NONE)
            .then(|| part_markup.into_iter().collect());
        entry.content_flags = crate::content_checks::TextFlags::read(
            text,
            std::mem::take(&mut scratch.odd_space),
            std::mem::take(&mut scratch.literal),
            comment.map_or(&[], |c| c.content.as_slice()),
            role,
        )
        .bits();
        scratch.variables.sort_by(|a, b| a.value.cmp(&b.value));
        scratch.variables.dedup_by(|a, b| a.value == b.value);
        entry.attributes = exact(&mut scratch.attributes);
        entry.variables = exact(&mut scratch.variables);
        entry.references = exact(&mut scratch.references);
        entry.invalid_characters = exact(&mut scratch.invalid_characters);
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
    /// The part being walked: `None` for the value, else the attribute's index.
    part: Option<u16>,
}

/// What the walk of one entry collects, in buffers reused from entry to entry.
#[derive(Default)]
struct Scratch {
    /// Visible text of value and attributes, variants included.
    text: String,
    attributes: Vec<Located<CompactString>>,
    variables: Vec<Located<CompactString>>,
    references: Vec<Located<Reference>>,
    invalid_characters: Vec<(usize, char)>,
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

    /// Walks one part (the value, or an attribute with its index and name), then records the
    /// markup of each of its variants.
    fn part(
        &mut self,
        attribute: Option<(u16, &str)>,
        pattern: &ast::Pattern<&str>,
        markup: &mut Vec<PartMarkup>,
    ) {
        self.part = attribute.map(|(i, _)| i);
        let text_start = self.scratch.text.len();
        self.pattern(pattern);
        let text = &self.scratch.text[text_start..];
        if crate::markup::may_have_markup(text) {
            let name = attribute.map(|(_, name)| CompactString::new(name));
            for variant in variant_texts(pattern) {
                markup.push(PartMarkup {
                    attribute: name.clone(),
                    markup: crate::markup::summarize_markup(&variant),
                });
            }
        }
    }

    fn invalid_characters(&mut self, text: &str, offset: usize) {
        if text.chars().any(is_invalid_character) {
            self.scratch.invalid_characters.extend(
                text.char_indices()
                    .filter(|(_, c)| is_invalid_character(*c))
                    .map(|(i, c)| (offset + i, c)),
            );
        }
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    if may_have_invalid_character(value) {
                        let base = self.offset(value);
                        self.invalid_characters(value, base);
                    }
                    if !self.scratch.odd_space && whitespace::has_odd_space(value) {
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
                    self.entry.placeables += 1;
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
                if is_plural_select(selector, variants) {
                    let keys: Vec<CompactString> = variants
                        .iter()
                        .filter_map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => Some(CompactString::new(name)),
                            ast::VariantKey::NumberLiteral { .. } => None,
                        })
                        .collect();
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
            ast::InlineExpression::StringLiteral { value } => {
                self.scratch.literal = true;
                if value.contains('\\') || value.chars().any(is_invalid_character) {
                    let unescaped = fluent_syntax::unicode::unescape_unicode_to_string(value);
                    // Reported at the literal's opening quote: an escape has no single column.
                    let offset = self.offset(value).saturating_sub(1);
                    if unescaped.chars().any(is_invalid_character) {
                        self.scratch.invalid_characters.extend(
                            unescaped
                                .chars()
                                .filter(|c| is_invalid_character(*c))
                                .map(|c| (offset, c)),
                        );
                    }
                }
            }
            ast::InlineExpression::NumberLiteral { .. } => {}
            ast::InlineExpression::VariableReference { id } => {
                let offset = self.offset(id.name).saturating_sub(1);
                self.scratch.variables.push(Located {
                    value: CompactString::new(id.name),
                    offset,
                });
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                let offset = self.offset(id.name);
                self.scratch.references.push(Located {
                    value: Reference {
                        id: CompactString::new(id.name),
                        attribute: attribute.as_ref().map(|a| CompactString::new(a.name)),
                        from: self.part,
                    },
                    offset,
                });
            }
            ast::InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let offset = self.offset(id.name).saturating_sub(1);
                self.scratch.references.push(Located {
                    value: Reference {
                        id: format_compact!("-{}", id.name),
                        attribute: attribute.as_ref().map(|a| CompactString::new(a.name)),
                        from: self.part,
                    },
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

/// Whether a select expression chooses by plural category: its selector is a number (a
/// variable, or `NUMBER()`) and every named key is a CLDR category. `*[other]` alone counts
/// (it lacks `one`), `[masculine] *[other]` does not.
pub(crate) fn is_plural_select(
    selector: &ast::InlineExpression<&str>,
    variants: &[ast::Variant<&str>],
) -> bool {
    let numeric_selector = match selector {
        ast::InlineExpression::VariableReference { .. } => true,
        ast::InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    };
    let mut named = variants
        .iter()
        .filter_map(|v| match &v.key {
            ast::VariantKey::Identifier { name } => Some(*name),
            ast::VariantKey::NumberLiteral { .. } => None,
        })
        .peekable();
    numeric_selector && named.peek().is_some() && named.all(|key| PLURAL_KEYS.contains(&key))
}

/// A character that no output format can carry: a C0 control other than tab and newline, or
/// a noncharacter
/// (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among them).
pub fn is_invalid_character(c: char) -> bool {
    let code = u32::from(c);
    (code < 0x20 && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// The text elements of a pattern, every variant's, placeables as a space.
fn visible_text(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                out.push(' ');
                if let ast::Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        visible_text(&variant.value, out);
                        out.push('\n');
                    }
                }
                out.push(' ');
            }
        }
    }
}

/// Whether `text` may hold an [invalid character](is_invalid_character), by its bytes: a C0
/// control is one byte below 0x20; every noncharacter is encoded with a lead byte `EF` (in the
/// BMP) or `F0`–`F4`. Most text has none of these bytes, and then no character is decoded.
fn may_have_invalid_character(text: &str) -> bool {
    text.bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0xEF || b >= 0xF0)
}

/// Whether a visible text has more than one word once numbers, URLs, e-mail addresses and
/// markup tags are set aside (placeables are already out of it): a word is a run of
/// non-whitespace with a letter in it.
fn is_prose(text: &str) -> bool {
    let set_aside = |word: &str| {
        let tag = word.starts_with('<') && word.ends_with('>');
        let address = word.contains("://")
            || word.starts_with("www.")
            || word.starts_with("mailto:")
            || word.contains('@');
        tag || address || !word.chars().any(char::is_alphabetic)
    };
    text.split_whitespace()
        .filter(|word| !set_aside(word))
        .nth(1)
        .is_some()
}

/// The texts of a pattern's variants (each select expression's variants, combined with the
/// text around them), placeables other than selects as a space. At most 64: beyond that, a
/// select's variants are spread over the texts so far instead of multiplied.
fn variant_texts(pattern: &ast::Pattern<&str>) -> Vec<String> {
    const MOST: usize = 64;
    let mut texts = vec![String::new()];
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                texts.iter_mut().for_each(|t| t.push_str(value));
            }
            ast::PatternElement::Placeable { expression } => {
                let mut expression = expression;
                // `{ { $n -> … } }`: the select inside.
                while let ast::Expression::Inline(ast::InlineExpression::Placeable {
                    expression: inner,
                }) = expression
                {
                    expression = inner;
                }
                let ast::Expression::Select { variants, .. } = expression else {
                    texts.iter_mut().for_each(|t| t.push(' '));
                    continue;
                };
                let options: Vec<String> = variants
                    .iter()
                    .flat_map(|v| variant_texts(&v.value))
                    .collect();
                if options.is_empty() {
                    continue;
                }
                if texts.len() * options.len() <= MOST {
                    texts = texts
                        .iter()
                        .flat_map(|t| options.iter().map(move |o| format!("{t} {o} ")))
                        .collect();
                } else {
                    let len = texts.len().max(options.len()).min(MOST.max(texts.len()));
                    texts = (0..len)
                        .map(|i| {
                            format!("{} {} ", texts[i % texts.len()], options[i % options.len()])
                        })
                        .collect();
                }
            }
        }
    }
    texts
}

/// The number of words (runs of non-whitespace, as [`str::split_whitespace`] counts them) and
/// of bytes that are not whitespace.
fn count_words(text: &str) -> (u32, u32) {
    let bytes = text.as_bytes();
    // Most text has no whitespace outside ASCII, and then a word starts at each non-space byte
    // after a space: a comparison per byte, no decoding, no dependency from one byte to the
    // next (the compiler vectorizes it).
    if !whitespace::has_wide_space(bytes) {
        let Some(&first) = bytes.first() else {
            return (0, 0);
        };
        let first = u32::from(!whitespace::is_ascii_space(first));
        // Each byte beside the one before it: two slices of one length, which vectorize.
        let (mut starts, mut ink) = (first, first);
        for (&before, &b) in bytes[..bytes.len() - 1].iter().zip(&bytes[1..]) {
            let space = whitespace::is_ascii_space(b);
            starts += u32::from(!space & whitespace::is_ascii_space(before));
            ink += u32::from(!space);
        }
        return (starts, ink);
    }
    // Whitespace outside ASCII (rare): the standard library's reading, as `content_hash` has.
    let words = text.split_whitespace().count() as u32;
    let ink = text.split_whitespace().map(str::len).sum::<usize>() as u32;
    (words, ink)
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
        let found = entries(&resource, &file, TextRole::Either)
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
    fn invalid_characters_are_found_by_their_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            if is_invalid_character(c) {
                assert!(may_have_invalid_character(&text), "{c:?}");
            }
        }
        assert!(!may_have_invalid_character("plain\ttext\nə ہ €"));
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
