//! The XLIFF units of one Fluent message, and the way back from translated units to a message.
//!
//! The reference message is the skeleton: one unit per pattern (value, attribute, variant of a
//! select), placeables protected as codes. A pattern that is a single select expression has no
//! unit of its own, only its variants; a select inside running text is a code of its pattern's
//! unit and its variants are units too. Targets come from the translation where it has the same
//! shape. Rebuilding walks the same skeleton, so unit ids never need parsing.

use std::collections::HashMap;

use fluent_syntax::ast;

/// A piece of a unit's source or target: text, or a placeholder naming one of the unit's codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Text(String),
    Ph(String),
}

/// A protected placeable: its Fluent source (the `<data>`), what a CAT tool shows (`disp`), and,
/// for a select expression, its index among the pattern's selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    pub id: String,
    pub fluent: String,
    pub disp: String,
    pub select: Option<usize>,
}

impl Code {
    pub fn data_id(&self) -> String {
        format!("d{}", self.id)
    }
}

/// One translatable pattern of a message.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// NMTOKEN: `headline`, `card.title`, `releases-count:one`.
    pub id: String,
    /// The Fluent path as a reader writes it: `releases-count[one]`.
    pub name: String,
    pub source: Vec<Part>,
    /// The current translation, when it has this pattern.
    pub target: Option<Vec<Part>>,
    /// Codes of the source (ids `1`, `2`, …) then codes only the translation has (`t1`, …).
    pub codes: Vec<Code>,
    /// A plural variant the reference lacks but the target locale needs (CLDR).
    pub precreated: Option<&'static str>,
}

impl Unit {
    pub fn code(&self, id: &str) -> Option<&Code> {
        self.codes.iter().find(|c| c.id == id)
    }

    pub fn source_codes(&self) -> impl Iterator<Item = &str> {
        self.source.iter().filter_map(|p| match p {
            Part::Ph(id) => Some(id.as_str()),
            Part::Text(_) => None,
        })
    }
}

/// A message or term, seen the same way whichever it is.
pub(crate) struct MessageView<'a> {
    /// `headline`, or `-org-name` for a term.
    pub id: String,
    pub value: Option<&'a ast::Pattern<String>>,
    pub attributes: Vec<(&'a str, &'a ast::Pattern<String>)>,
    pub comment: Option<String>,
}

impl<'a> MessageView<'a> {
    pub fn of(entry: &'a ast::Entry<String>) -> Option<Self> {
        let (id, value, attributes, comment) = match entry {
            ast::Entry::Message(m) => (
                m.id.name.clone(),
                m.value.as_ref(),
                &m.attributes,
                m.comment.as_ref(),
            ),
            ast::Entry::Term(t) => (
                format!("-{}", t.id.name),
                Some(&t.value),
                &t.attributes,
                t.comment.as_ref(),
            ),
            _ => return None,
        };
        Some(Self {
            id,
            value,
            attributes: attributes
                .iter()
                .map(|a| (a.id.name.as_str(), &a.value))
                .collect(),
            comment: comment.map(|c| c.content.join("\n")),
        })
    }

    fn attribute(&self, name: &str) -> Option<&'a ast::Pattern<String>> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| *p)
    }
}

#[derive(Clone)]
struct UnitPath {
    id: String,
    name: String,
}

impl UnitPath {
    fn step(&self, index: usize, multi: bool, key: &str) -> Self {
        let prefix = if multi {
            format!("{index}.")
        } else {
            String::new()
        };
        Self {
            id: format!("{}:{prefix}{key}", self.id),
            name: format!("{}[{key}]", self.name),
        }
    }
}

/// The units of `reference`, with targets from `translation`; `categories` are the target
/// locale's CLDR plural categories.
pub(crate) fn message_units(
    reference: &MessageView<'_>,
    translation: Option<&MessageView<'_>>,
    categories: &[&'static str],
) -> Vec<Unit> {
    let mut out = Vec::new();
    let root = UnitPath {
        id: reference.id.clone(),
        name: reference.id.clone(),
    };
    if let Some(value) = reference.value {
        walk(
            &root,
            value,
            translation.and_then(|t| t.value),
            categories,
            &mut out,
        );
    }
    for (name, pattern) in &reference.attributes {
        let path = UnitPath {
            id: format!("{}.{name}", root.id),
            name: format!("{}.{name}", root.name),
        };
        walk(
            &path,
            pattern,
            translation.and_then(|t| t.attribute(name)),
            categories,
            &mut out,
        );
    }
    out
}

type Variants = Vec<ast::Variant<String>>;

fn only_select(pattern: &ast::Pattern<String>) -> Option<&Variants> {
    match pattern.elements.as_slice() {
        [
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            },
        ] => Some(variants),
        _ => None,
    }
}

fn selects(pattern: &ast::Pattern<String>) -> Vec<&ast::Expression<String>> {
    pattern
        .elements
        .iter()
        .filter_map(|e| match e {
            ast::PatternElement::Placeable { expression } if is_select(expression) => {
                Some(expression)
            }
            _ => None,
        })
        .collect()
}

/// `{ "{" }`, `{ "}" }`, and `{ "[" }`, `{ "*" }`, `{ "." }` (at a line's start): how Fluent
/// writes a character its syntax reserves; a translator sees the character.
fn brace(expression: &ast::Expression<String>) -> Option<&str> {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value })
            if matches!(value.as_str(), "{" | "}" | "[" | "*" | ".") =>
        {
            Some(value)
        }
        _ => None,
    }
}

fn is_select(expression: &ast::Expression<String>) -> bool {
    matches!(expression, ast::Expression::Select { .. })
}

fn walk(
    path: &UnitPath,
    reference: &ast::Pattern<String>,
    translation: Option<&ast::Pattern<String>>,
    categories: &[&'static str],
    out: &mut Vec<Unit>,
) {
    if let Some(variants) = only_select(reference) {
        let translated = translation.and_then(only_select);
        walk_select(path, 0, false, variants, translated, categories, out);
        return;
    }
    let mut codes = Vec::new();
    let mut source = Vec::new();
    let mut select_count = 0;
    for element in &reference.elements {
        match element {
            ast::PatternElement::TextElement { value } => push_text(&mut source, value),
            ast::PatternElement::Placeable { expression } if brace(expression).is_some() => {
                push_text(&mut source, brace(expression).unwrap_or_default());
            }
            ast::PatternElement::Placeable { expression } => {
                let id = (codes.len() + 1).to_string();
                let select = is_select(expression).then(|| {
                    select_count += 1;
                    select_count - 1
                });
                codes.push(code(id.clone(), expression, select));
                source.push(Part::Ph(id));
            }
        }
    }
    let source_code_count = codes.len();
    let target = translation.map(|pattern| {
        let mut parts = Vec::new();
        let mut select_index = 0;
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => push_text(&mut parts, value),
                ast::PatternElement::Placeable { expression } if brace(expression).is_some() => {
                    push_text(&mut parts, brace(expression).unwrap_or_default());
                }
                ast::PatternElement::Placeable { expression } => {
                    let fluent = placeable_source(expression);
                    let known = if is_select(expression) {
                        select_index += 1;
                        codes[..source_code_count]
                            .iter()
                            .find(|c| c.select == Some(select_index - 1))
                    } else {
                        codes
                            .iter()
                            .find(|c| c.select.is_none() && c.fluent == fluent)
                    };
                    let id = match known {
                        Some(c) => c.id.clone(),
                        None => {
                            let id = format!("t{}", codes.len() - source_code_count + 1);
                            codes.push(code(id.clone(), expression, None));
                            id
                        }
                    };
                    parts.push(Part::Ph(id));
                }
            }
        }
        parts
    });
    out.push(Unit {
        id: path.id.clone(),
        name: path.name.clone(),
        source,
        target,
        codes,
        precreated: None,
    });
    let reference_selects = selects(reference);
    let translated_selects = translation.map(selects).unwrap_or_default();
    let multi = reference_selects.len() > 1;
    for (index, select) in reference_selects.iter().enumerate() {
        let ast::Expression::Select { variants, .. } = select else {
            continue;
        };
        let translated = match translated_selects.get(index) {
            Some(ast::Expression::Select { variants, .. }) => Some(variants),
            _ => None,
        };
        walk_select(path, index, multi, variants, translated, categories, out);
    }
}

fn walk_select(
    path: &UnitPath,
    index: usize,
    multi: bool,
    variants: &Variants,
    translated: Option<&Variants>,
    categories: &[&'static str],
    out: &mut Vec<Unit>,
) {
    for slot in variant_slots(variants, categories) {
        let step = path.step(index, multi, &slot.key);
        let translation = translated.and_then(|t| {
            t.iter()
                .find(|v| key_text(&v.key) == slot.key)
                .map(|v| &v.value)
        });
        let before = out.len();
        walk(&step, slot.skeleton, translation, categories, out);
        if let Some(category) = slot.precreated {
            for unit in &mut out[before..] {
                unit.precreated = Some(category);
            }
        }
    }
}

/// A variant of a select as the target will have it: the reference's, or a plural category the
/// reference lacks (its skeleton is the default variant), placed before the default.
struct VariantSlot<'a> {
    key: String,
    skeleton: &'a ast::Pattern<String>,
    default: bool,
    precreated: Option<&'static str>,
}

fn variant_slots<'a>(variants: &'a Variants, categories: &[&'static str]) -> Vec<VariantSlot<'a>> {
    let keys: Vec<String> = variants.iter().map(|v| key_text(&v.key)).collect();
    let plural = keys.iter().all(|k| is_plural_key(k))
        && keys.iter().any(|k| PLURAL_CATEGORIES.contains(&k.as_str()));
    let mut slots = Vec::new();
    let default = variants.iter().find(|v| v.default);
    for variant in variants {
        if variant.default
            && plural
            && let Some(default) = default
        {
            for category in categories {
                if !keys.iter().any(|k| k == category) {
                    slots.push(VariantSlot {
                        key: (*category).to_owned(),
                        skeleton: &default.value,
                        default: false,
                        precreated: Some(category),
                    });
                }
            }
        }
        slots.push(VariantSlot {
            key: key_text(&variant.key),
            skeleton: &variant.value,
            default: variant.default,
            precreated: None,
        });
    }
    slots
}

const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn is_plural_key(key: &str) -> bool {
    PLURAL_CATEGORIES.contains(&key) || key.parse::<f64>().is_ok()
}

fn key_text(key: &ast::VariantKey<String>) -> String {
    match key {
        ast::VariantKey::Identifier { name } => name.clone(),
        ast::VariantKey::NumberLiteral { value } => value.clone(),
    }
}

fn push_text(parts: &mut Vec<Part>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Part::Text(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(Part::Text(text.to_owned()));
    }
}

fn code(id: String, expression: &ast::Expression<String>, select: Option<usize>) -> Code {
    let fluent = placeable_source(expression);
    let disp = match expression {
        ast::Expression::Select { selector, .. } => {
            let selector = placeable_source(&ast::Expression::Inline(selector.clone()));
            let inner = selector
                .trim_start_matches('{')
                .trim_end_matches('}')
                .trim();
            format!("{{ {inner} -> … }}")
        }
        ast::Expression::Inline(_) => fluent.clone(),
    };
    Code {
        id,
        fluent,
        disp,
        select,
    }
}

/// The Fluent source of a placeable, as the serializer writes it (`{ $count }`).
pub(crate) fn placeable_source(expression: &ast::Expression<String>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x".into() },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: expression.clone(),
                }],
            }),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let text = fluent_syntax::serializer::serialize(&resource);
    text.strip_prefix("x =")
        .unwrap_or(&text)
        .trim_start()
        .trim_end()
        .to_owned()
}

/// Parses a placeable's Fluent source back into its expression.
fn parse_placeable(fluent: &str) -> Option<ast::Expression<String>> {
    let resource = fluent_syntax::parser::parse(format!("x = {fluent}\n")).ok()?;
    match resource.body.into_iter().next()? {
        ast::Entry::Message(ast::Message {
            value: Some(pattern),
            ..
        }) => match pattern.elements.into_iter().next()? {
            ast::PatternElement::Placeable { expression } => Some(expression),
            ast::PatternElement::TextElement { .. } => None,
        },
        _ => None,
    }
}

/// Why translated units could not become a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RebuildError {
    pub unit: String,
    pub message: String,
}

/// The targets to rebuild from, by unit id (those of the XLIFF, else the current translation).
pub(crate) type Targets<'a> = HashMap<&'a str, &'a [Part]>;

/// The message `reference` translated by `targets`; `None` when no unit of it has a target.
pub(crate) fn rebuild_message(
    reference: &ast::Entry<String>,
    view: &MessageView<'_>,
    units: &HashMap<&str, &Unit>,
    targets: &Targets<'_>,
    categories: &[&'static str],
) -> Result<Option<ast::Entry<String>>, RebuildError> {
    let root = UnitPath {
        id: view.id.clone(),
        name: view.id.clone(),
    };
    let rebuild =
        |path: &UnitPath, pattern| rebuild_pattern(path, pattern, units, targets, categories);
    // A value without a target is left out, as the translation has it then (attributes only);
    // `check` reports `missing-value` where the reference has one.
    let value = match view.value {
        Some(pattern) => rebuild(&root, pattern)?,
        None => None,
    };
    let mut attributes = Vec::new();
    for (name, pattern) in &view.attributes {
        let path = UnitPath {
            id: format!("{}.{name}", root.id),
            name: format!("{}.{name}", root.name),
        };
        if let Some(value) = rebuild(&path, pattern)? {
            attributes.push(ast::Attribute {
                id: ast::Identifier {
                    name: (*name).to_owned(),
                },
                value,
            });
        }
    }
    if value.is_none() && attributes.is_empty() {
        return Ok(None);
    }
    Ok(Some(match reference {
        ast::Entry::Term(t) => ast::Entry::Term(ast::Term {
            id: t.id.clone(),
            value: value.ok_or_else(|| RebuildError {
                unit: view.id.clone(),
                message: "a term needs a value: its unit has no target".into(),
            })?,
            attributes,
            comment: None,
        }),
        _ => ast::Entry::Message(ast::Message {
            id: ast::Identifier {
                name: view.id.clone(),
            },
            value,
            attributes,
            comment: None,
        }),
    }))
}

fn rebuild_pattern(
    path: &UnitPath,
    reference: &ast::Pattern<String>,
    units: &HashMap<&str, &Unit>,
    targets: &Targets<'_>,
    categories: &[&'static str],
) -> Result<Option<ast::Pattern<String>>, RebuildError> {
    if let Some(ast::PatternElement::Placeable { expression }) = reference.elements.first()
        && only_select(reference).is_some()
    {
        let select = rebuild_select(path, 0, false, expression, units, targets, categories)?;
        return Ok(select.map(|expression| ast::Pattern {
            elements: vec![ast::PatternElement::Placeable { expression }],
        }));
    }
    let (Some(unit), Some(target)) = (units.get(path.id.as_str()), targets.get(path.id.as_str()))
    else {
        return Ok(None);
    };
    let reference_selects = selects(reference);
    let multi = reference_selects.len() > 1;
    let mut elements = Vec::new();
    for part in target.iter() {
        match part {
            Part::Text(text) => push_fluent_text(&mut elements, text),
            Part::Ph(id) => {
                let error = |message: String| RebuildError {
                    unit: unit.id.clone(),
                    message,
                };
                let code = unit
                    .code(id)
                    .ok_or_else(|| error(format!("invented placeholder `{id}`")))?;
                let expression = match code.select {
                    Some(index) => {
                        let Some(select) = reference_selects.get(index) else {
                            return Err(error(format!("placeholder `{id}` names no select")));
                        };
                        rebuild_select(path, index, multi, select, units, targets, categories)?
                            .ok_or_else(|| {
                                error(format!(
                                    "placeholder `{id}` ({}) has no translated variants",
                                    code.disp
                                ))
                            })?
                    }
                    None => parse_placeable(&code.fluent).ok_or_else(|| {
                        error(format!("placeholder `{id}` is not Fluent: {}", code.fluent))
                    })?,
                };
                elements.push(ast::PatternElement::Placeable { expression });
            }
        }
    }
    Ok(Some(ast::Pattern { elements }))
}

fn rebuild_select(
    path: &UnitPath,
    index: usize,
    multi: bool,
    select: &ast::Expression<String>,
    units: &HashMap<&str, &Unit>,
    targets: &Targets<'_>,
    categories: &[&'static str],
) -> Result<Option<ast::Expression<String>>, RebuildError> {
    let ast::Expression::Select { selector, variants } = select else {
        return Ok(None);
    };
    let mut rebuilt = Vec::new();
    let mut default_missing = None;
    for slot in variant_slots(variants, categories) {
        let step = path.step(index, multi, &slot.key);
        match rebuild_pattern(&step, slot.skeleton, units, targets, categories)? {
            Some(value) => rebuilt.push(ast::Variant {
                key: variant_key(&slot.key),
                value,
                default: slot.default,
            }),
            None if slot.default => default_missing = Some(step.id),
            None => {}
        }
    }
    if rebuilt.is_empty() {
        return Ok(None);
    }
    if let Some(unit) = default_missing {
        return Err(RebuildError {
            unit,
            message: "the default variant has no target; a select needs one".into(),
        });
    }
    Ok(Some(ast::Expression::Select {
        selector: selector.clone(),
        variants: rebuilt,
    }))
}

fn variant_key(key: &str) -> ast::VariantKey<String> {
    if key.parse::<f64>().is_ok() {
        ast::VariantKey::NumberLiteral {
            value: key.to_owned(),
        }
    } else {
        ast::VariantKey::Identifier {
            name: key.to_owned(),
        }
    }
}

/// Text of a target as Fluent text elements: braces, which Fluent text cannot hold, become
/// string literals; each line is an element of its own (the serializer indents a line only at
/// the start of an element), and a line that begins with `[`, `*` or `.` begins with a literal,
/// or Fluent would read a variant or an attribute there.
fn push_fluent_text(elements: &mut Vec<ast::PatternElement<String>>, text: &str) {
    let multiline = text.contains('\n');
    let mut at_line_start = multiline;
    let mut current = String::new();
    let literal = |elements: &mut Vec<ast::PatternElement<String>>, c: char| {
        elements.push(ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral {
                value: c.to_string(),
            }),
        });
    };
    let flush = |elements: &mut Vec<ast::PatternElement<String>>, current: &mut String| {
        if !current.is_empty() {
            elements.push(ast::PatternElement::TextElement {
                value: std::mem::take(current),
            });
        }
    };
    for c in text.chars() {
        let special_start = at_line_start && matches!(c, '[' | '*' | '.');
        at_line_start = false;
        if c == '{' || c == '}' || special_start {
            flush(elements, &mut current);
            literal(elements, c);
            continue;
        }
        current.push(c);
        if c == '\n' {
            flush(elements, &mut current);
            at_line_start = true;
        }
    }
    flush(elements, &mut current);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ast::Resource<String> {
        fluent_syntax::parser::parse(text.to_owned()).expect("valid Fluent")
    }

    fn units(reference: &str, translation: Option<&str>, categories: &[&'static str]) -> Vec<Unit> {
        let reference = parse(reference);
        let translation = translation.map(parse);
        let view = MessageView::of(&reference.body[0]).unwrap();
        let translated = translation
            .as_ref()
            .and_then(|t| MessageView::of(&t.body[0]));
        message_units(&view, translated.as_ref(), categories)
    }

    #[test]
    fn one_unit_per_value_attribute_and_variant_with_codes() {
        let found = units(
            "count = { $n ->\n    [one] { $n } item\n   *[other] { $n } items\n}\n    .title = Hello { -brand }\n",
            None,
            &["one", "few", "other"],
        );
        let ids: Vec<_> = found.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(
            ids,
            ["count:one", "count:few", "count:other", "count.title"]
        );
        assert_eq!(found[1].precreated, Some("few"));
        assert_eq!(
            found[2].source,
            [Part::Ph("1".into()), Part::Text(" items".into())]
        );
        assert_eq!(found[2].codes[0].fluent, "{ $n }");
        assert_eq!(found[3].codes[0].disp, "{ -brand }");
    }

    #[test]
    fn targets_share_the_codes_of_the_source() {
        let found = units(
            "a = Hi { $name }, see { $place }\n",
            Some("a = { $place }: salam { $name } { -x }\n"),
            &["other"],
        );
        assert_eq!(
            found[0].target.as_deref().unwrap(),
            [
                Part::Ph("2".into()),
                Part::Text(": salam ".into()),
                Part::Ph("1".into()),
                Part::Text(" ".into()),
                Part::Ph("t1".into()),
            ]
        );
    }

    #[test]
    fn select_in_running_text_is_a_code_and_its_variants_units() {
        let reference = "a = You have { $n ->\n    [one] one\n   *[other] many\n} left\n";
        let found = units(reference, None, &["one", "other"]);
        let ids: Vec<_> = found.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a", "a:one", "a:other"]);
        assert_eq!(found[0].codes[0].disp, "{ $n -> … }");
        // Rebuilding from the sources gives the reference back.
        let resource = parse(reference);
        let view = MessageView::of(&resource.body[0]).unwrap();
        let by_id: HashMap<&str, &Unit> = found.iter().map(|u| (u.id.as_str(), u)).collect();
        let targets: Targets<'_> = found
            .iter()
            .map(|u| (u.id.as_str(), u.source.as_slice()))
            .collect();
        let message = rebuild_message(
            &resource.body[0],
            &view,
            &by_id,
            &targets,
            &["one", "other"],
        )
        .unwrap()
        .unwrap();
        let text = fluent_syntax::serializer::serialize(&ast::Resource {
            body: vec![message],
        });
        assert_eq!(parse(&text), resource);
    }

    #[test]
    fn multiline_targets_serialize_to_what_they_say() {
        for text in [
            "first line\nsecond line",
            "a\n[b] *c\n.d",
            "one {two}\nthree",
        ] {
            let mut elements = Vec::new();
            push_fluent_text(&mut elements, text);
            let serialized = fluent_syntax::serializer::serialize(&ast::Resource {
                body: vec![ast::Entry::Message(ast::Message {
                    id: ast::Identifier { name: "m".into() },
                    value: Some(ast::Pattern { elements }),
                    attributes: Vec::new(),
                    comment: None,
                })],
            });
            let parsed = parse(&serialized);
            let view = MessageView::of(&parsed.body[0]).expect("a message");
            let units = message_units(&view, None, &["other"]);
            let shown: String = units[0]
                .source
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.clone(),
                    Part::Ph(id) => format!("<{id}>"),
                })
                .collect();
            assert_eq!(shown, text, "{serialized}");
        }
    }

    #[test]
    fn braces_typed_in_a_target_stay_text() {
        let mut elements = Vec::new();
        push_fluent_text(&mut elements, "a {b}");
        let text = fluent_syntax::serializer::serialize(&ast::Resource {
            body: vec![ast::Entry::Message(ast::Message {
                id: ast::Identifier { name: "m".into() },
                value: Some(ast::Pattern { elements }),
                attributes: Vec::new(),
                comment: None,
            })],
        });
        assert_eq!(text, "m = a { \"{\" }b{ \"}\" }\n");
    }
}
