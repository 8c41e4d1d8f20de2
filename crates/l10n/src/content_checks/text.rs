//! The visible text of one message, as the content checks read it: per part (the value, each
//! attribute) and per variant of its selects, with placeables replaced by U+FFFC (their value
//! is not known before formatting: a `{ NUMBER($n) }` is a variable, not a literal) and string
//! literals kept (they are text the reader sees).
//!
//! [`crate::load::entry::Entry`] drops the text after summarizing it; the checks read it again from
//! the entry's own source range, which costs one small parse for a message with placeables or
//! several lines, and nothing for the one-line text that most messages are.

use fluent_syntax::ast;

/// Stands for a placeable whose text is not known before formatting.
pub const OBJECT: char = '\u{FFFC}';

/// At most this many variants per part: select expressions multiply, and a check does not
/// need every combination of a hostile file's selects.
const MAX_VARIANTS: usize = 32;

/// One variant of one part, with the map back to the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variant {
    /// The keys chosen in each select on the way, `*` before a default key (`*other`).
    pub keys: Vec<String>,
    /// The keys chosen in plural selects on the way ([`crate::load::entry::is_plural_select`]),
    /// default keys aside: a category the locale lacks is never selected.
    pub plural_keys: Vec<String>,
    pub text: String,
    /// `(position in text, byte offset in the file)` at the start of each text element.
    pub map: Vec<(usize, usize)>,
}

impl Variant {
    /// Whether every key on the way is its select's default.
    pub fn is_default(&self) -> bool {
        self.keys.iter().all(|k| k.starts_with('*'))
    }

    /// The byte offset in the file of position `at` of the text, when it is in a text element.
    pub fn offset(&self, at: usize) -> Option<usize> {
        let i = self.map.partition_point(|&(pos, _)| pos <= at);
        let (pos, offset) = *self.map.get(i.checked_sub(1)?)?;
        Some(offset + (at - pos))
    }
}

/// The value (`attribute: None`) or one attribute of a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    pub attribute: Option<String>,
    pub variants: Vec<Variant>,
}

/// Every visible text of one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageText {
    pub parts: Vec<Part>,
}

impl MessageText {
    /// Drops the variants that choose a plural category not in `categories` (a locale's): they
    /// are never selected. Every select keeps its default variant.
    pub fn keep_selected(&mut self, categories: &[&str]) {
        for part in &mut self.parts {
            part.variants.retain(|v| {
                v.plural_keys
                    .iter()
                    .all(|k| categories.contains(&k.as_str()))
            });
        }
    }

    /// Reads the message or term whose source is `file_text[start..end]`.
    pub fn read(file_text: &str, start: usize, end: usize) -> Self {
        let Some(source) = file_text.get(start..end) else {
            return Self::default();
        };
        // The common case: `id = text` on one line, no placeable, no attribute.
        if !source.contains(['{', '\n', '}'])
            && let Some(eq) = source.find('=')
        {
            let raw = &source[eq + 1..];
            let text = raw.trim_start_matches(' ');
            let offset = start + eq + 1 + (raw.len() - text.len());
            let text = text.trim_end_matches(' ');
            return Self {
                parts: vec![Part {
                    attribute: None,
                    variants: vec![Variant {
                        text: text.to_owned(),
                        map: vec![(0, offset)],
                        ..Variant::default()
                    }],
                }],
            };
        }
        // A message nested deeper than the guard allows was blanked for the parser; it is
        // not read again here either (the parser is recursive).
        let (_, too_deep) = crate::load::nesting_guard::guard(source);
        if !too_deep.is_empty() {
            return Self::default();
        }
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let base = source.as_ptr() as usize;
        let reader = Reader { base, start };
        let mut parts = Vec::new();
        for entry in &resource.body {
            let (value, attributes) = match entry {
                ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
                _ => continue,
            };
            if let Some(value) = value {
                parts.push(Part {
                    attribute: None,
                    variants: reader.pattern(value),
                });
            }
            for attribute in attributes {
                parts.push(Part {
                    attribute: Some(attribute.id.name.to_owned()),
                    variants: reader.pattern(&attribute.value),
                });
            }
            break;
        }
        Self { parts }
    }

    /// The part with the same name (value or attribute) as `part`.
    pub fn part(&self, attribute: Option<&str>) -> Option<&Part> {
        self.parts.get(self.part_index(attribute)?)
    }

    /// The position of [`MessageText::part`] in `parts`.
    pub fn part_index(&self, attribute: Option<&str>) -> Option<usize> {
        self.parts
            .iter()
            .position(|p| p.attribute.as_deref() == attribute)
    }

    /// Every variant's text, for checks that read the message as a whole.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.parts
            .iter()
            .flat_map(|p| p.variants.iter().map(|v| v.text.as_str()))
    }
}

impl Part {
    /// The reference variant that a translation's variant is compared with: the one with the
    /// same keys, else the default one (plural categories differ between languages).
    pub fn counterpart(&self, variant: &Variant) -> Option<&Variant> {
        self.variants.get(self.counterpart_index(variant)?)
    }

    /// The position of [`Part::counterpart`] in `variants`.
    pub fn counterpart_index(&self, variant: &Variant) -> Option<usize> {
        let same = |a: &str, b: &str| a.trim_start_matches('*') == b.trim_start_matches('*');
        self.variants
            .iter()
            .position(|v| {
                v.keys.len() == variant.keys.len()
                    && v.keys.iter().zip(&variant.keys).all(|(a, b)| same(a, b))
            })
            .or_else(|| self.variants.iter().position(Variant::is_default))
            .or_else(|| (!self.variants.is_empty()).then_some(0))
    }
}

struct Reader {
    /// Address of the parsed slice, to turn text slices into offsets.
    base: usize,
    /// Offset of the slice in its file.
    start: usize,
}

impl Reader {
    fn offset(&self, slice: &str) -> usize {
        (slice.as_ptr() as usize)
            .checked_sub(self.base)
            .map_or(self.start, |o| self.start + o)
    }

    fn pattern(&self, pattern: &ast::Pattern<&str>) -> Vec<Variant> {
        let mut variants = vec![Variant::default()];
        self.elements(&pattern.elements, &mut variants);
        variants
    }

    fn elements(&self, elements: &[ast::PatternElement<&str>], variants: &mut Vec<Variant>) {
        for element in elements {
            match element {
                ast::PatternElement::TextElement { value } => self.push(variants, value, value),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, variants);
                }
            }
        }
    }

    /// Appends `text`, which reads as the source slice `source` (the same, or an escaped
    /// literal's value).
    fn push(&self, variants: &mut [Variant], source: &str, text: &str) {
        let offset = self.offset(source);
        for variant in variants {
            variant.map.push((variant.text.len(), offset));
            variant.text.push_str(text);
        }
    }

    fn expression(&self, expression: &ast::Expression<&str>, variants: &mut Vec<Variant>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, variants),
            ast::Expression::Select {
                selector,
                variants: choices,
            } => {
                let plural = crate::load::entry::is_plural_select(selector, choices);
                let mut next = Vec::new();
                for variant in variants.iter() {
                    for choice in choices {
                        if next.len() >= MAX_VARIANTS && !choice.default {
                            continue;
                        }
                        let key = match &choice.key {
                            ast::VariantKey::Identifier { name } => name,
                            ast::VariantKey::NumberLiteral { value } => value,
                        };
                        let mut branch = vec![variant.clone()];
                        for b in &mut branch {
                            b.keys.push(if choice.default {
                                format!("*{key}")
                            } else {
                                (*key).to_owned()
                            });
                            if plural && !choice.default {
                                b.plural_keys.push((*key).to_owned());
                            }
                        }
                        self.elements(&choice.value.elements, &mut branch);
                        next.append(&mut branch);
                    }
                }
                *variants = next;
            }
        }
    }

    fn inline(&self, inline: &ast::InlineExpression<&str>, variants: &mut Vec<Variant>) {
        match inline {
            // The reader sees `{ "\u00A0" }` as a no-break space, not as the digits of its escape.
            ast::InlineExpression::StringLiteral { value } => {
                let text = fluent_syntax::unicode::unescape_unicode_to_string(value);
                self.push(variants, value, &text);
            }
            ast::InlineExpression::Placeable { expression } => {
                self.expression(expression, variants);
            }
            _ => {
                for variant in variants {
                    variant.text.push(OBJECT);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> MessageText {
        MessageText::read(source, 0, source.len())
    }

    #[test]
    fn one_line_text_and_its_offsets() {
        let source = "headline = Victory Day  ";
        let text = read(source);
        let variant = &text.parts[0].variants[0];
        assert_eq!(variant.text, "Victory Day");
        assert_eq!(variant.offset(8), Some(source.find("Day").unwrap()));
    }

    #[test]
    fn placeables_are_objects_and_literals_are_text() {
        let text = read("m = On { $date } at { NUMBER(9) }{ \" \" }o'clock.\n    .title = T 12\n");
        assert_eq!(
            text.parts[0].variants[0].text,
            "On \u{FFFC} at \u{FFFC} o'clock."
        );
        assert_eq!(text.parts[1].attribute.as_deref(), Some("title"));
        assert_eq!(text.parts[1].variants[0].text, "T 12");
    }

    #[test]
    fn escaped_literals_are_read_as_the_characters_they_stand_for() {
        let text = read("m = 12{ \"\\u00A0\" }km{ \"\\\\\" }\n");
        assert_eq!(text.parts[0].variants[0].text, "12\u{A0}km\\");
    }

    #[test]
    fn selects_give_one_variant_per_key_and_multiline_text_is_dedented() {
        let source = "m =\n    Line one\n    { $n ->\n        [one] one day\n       *[other] { $n } days\n    } left.\n";
        let text = read(source);
        let variants = &text.parts[0].variants;
        assert_eq!(variants.len(), 2);
        assert_eq!(variants[0].keys, ["one"]);
        assert_eq!(variants[0].text, "Line one\none day left.");
        assert_eq!(variants[1].text, "Line one\n\u{FFFC} days left.");
        assert!(variants[1].is_default());
        let at = variants[0].text.find("day").unwrap();
        assert_eq!(variants[0].offset(at), Some(source.find("day").unwrap()));
        let part = &text.parts[0];
        let other = Variant {
            keys: vec!["*few".into()],
            ..Variant::default()
        };
        assert_eq!(part.counterpart(&other).unwrap().keys, ["*other"]);
    }

    #[test]
    fn too_deep_is_not_parsed_again() {
        let deep = format!("m = {}x{}\n", "{".repeat(200), "}".repeat(200));
        assert_eq!(read(&deep), MessageText::default());
    }
}
