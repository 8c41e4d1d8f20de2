//! Rules over one aligned pair: a reference entry and its translation. Each rule is a
//! [`super::PairJudge`]; the translation is only blamed for what differs from the reference.

use crate::align::Pair;
use crate::diagnostic::Code;
use crate::load::entry::Entry;

use super::{Findings, PairContext};

/// A value or attributes the reference has and the translation lacks; attributes it adds.
pub fn structure(_: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let reference = pair.reference;
    let id = reference.id.as_str();
    if reference.has_value && !translation.has_value {
        out.push(
            Code::MissingValue,
            file,
            Some(translation.start),
            Some(id),
            format!("`{id}` has only attributes; the reference also has a value"),
        );
    }
    for attribute in &reference.attributes {
        if !translation.has_attribute(&attribute.value) {
            out.push(
                Code::MissingAttribute,
                file,
                Some(translation.start),
                Some(&format!("{id}.{}", attribute.value)),
                format!("`{id}` lacks the attribute `.{}`", attribute.value),
            );
        }
    }
    for attribute in &translation.attributes {
        if !reference.has_attribute(&attribute.value) {
            out.push(
                Code::ObsoleteAttribute,
                file,
                Some(attribute.offset),
                Some(&format!("{id}.{}", attribute.value)),
                format!(
                    "the attribute `.{}` of `{id}` is not in the reference",
                    attribute.value
                ),
            );
        }
    }
}

/// Variables the translation uses that the reference never does, and the reverse.
pub fn variables(_: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let reference = pair.reference;
    let id = reference.id.as_str();
    for variable in &translation.variables {
        if !reference.uses_variable(&variable.value) {
            let unknown = out.push(
                Code::UnknownVariable,
                file,
                Some(variable.offset),
                Some(id),
                format!(
                    "`${}` is not a variable of `{id}`{}",
                    variable.value,
                    list_variables(reference)
                ),
            );
            let known = reference.variables.iter().map(|v| v.value.as_str());
            unknown.help = beyan_content::closest(&variable.value, known)
                .map(|name| format!("did you mean `${name}`?"));
        }
    }
    for variable in &reference.variables {
        if !translation.uses_variable(&variable.value) {
            out.push(
                Code::UnusedVariable,
                file,
                Some(translation.start),
                Some(id),
                format!(
                    "`{id}` does not use `${}`, which the reference uses",
                    variable.value
                ),
            );
        }
    }
}

/// Plural selectors that lack a CLDR category the locale needs.
pub fn plural_categories(cx: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let id = pair.reference.id.as_str();
    for select in &translation.plural_selects {
        let missing: Vec<&str> = cx
            .plural
            .iter()
            .copied()
            .filter(|c| !select.value.keys.iter().any(|k| k == c))
            .collect();
        if !missing.is_empty() {
            out.push(
                Code::MissingPluralCategory,
                file,
                Some(select.offset),
                Some(id),
                format!(
                    "the plural selector of `{id}` lacks {} that {} needs (CLDR: {})",
                    missing
                        .iter()
                        .map(|c| format!("`[{c}]`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    cx.locale,
                    cx.plural.join(", ")
                ),
            );
        }
    }
}

/// Variants of a plural selector named after a CLDR category the locale does not have
/// (`[few]` in Turkish): no number ever matches them.
pub fn unknown_plural_categories(cx: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let id = pair.reference.id.as_str();
    for select in &translation.plural_selects {
        for (i, key) in select.value.keys.iter().enumerate() {
            if !cx.plural.contains(&key.as_str()) {
                // The select's offset is its first key's; a later key is found after it.
                let offset = if i == 0 {
                    select.offset
                } else {
                    variant_key_offset(&file.source.text, select.offset, translation.end, key)
                        .unwrap_or(select.offset)
                };
                let unknown = out.push(
                    Code::UnknownPluralCategory,
                    file,
                    Some(offset),
                    Some(id),
                    format!(
                        "`[{key}]` in `{id}` is never selected: `{key}` is not a plural category of {} (CLDR: {})",
                        cx.locale,
                        cx.plural.join(", ")
                    ),
                );
                unknown.help = Some(format!(
                    "remove the `[{key}]` variant, or move its text to one of {}",
                    cx.plural
                        .iter()
                        .map(|c| format!("`[{c}]`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    }
}

/// The byte offset of `key`'s name in a variant key `[key]` between `from` and `end` of
/// `text`, read only when a finding needs it. A variant key begins its line (after spaces and
/// the default's `*`); a `[` elsewhere is text, such as a link's.
fn variant_key_offset(text: &str, from: usize, end: usize, key: &str) -> Option<usize> {
    let region = text.get(from..end)?;
    let mut at = 0;
    while let Some(open) = region[at..].find('[') {
        let start = at + open + 1;
        let close = start + region[start..].find(']')?;
        let inside = &region[start..close];
        let line_start = region[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        let before = region[line_start..start - 1].trim_start();
        if (before.is_empty() || before == "*") && inside.trim() == key {
            return Some(from + start + (inside.len() - inside.trim_start().len()));
        }
        at = close + 1;
    }
    None
}

/// A translation made from a reference text that has changed since (see `beyan.lock`).
pub fn freshness(cx: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    if pair.is_stale() {
        let id = pair.reference.id.as_str();
        let stale = out.push(
            Code::StaleTranslation,
            file,
            Some(translation.start),
            Some(id),
            format!("the reference text of `{id}` changed after this translation was made"),
        );
        let locale = cx.locale;
        stale.help = Some(format!(
            "`beyan todo --locale {locale}` shows what changed; revise the translation, or keep it with `beyan lock --locale {locale} --accept {id}`"
        ));
    }
}

/// A translation identical to a reference text that is prose (more than one word once
/// placeables, numbers, URLs and e-mail addresses are set aside): names are left alone.
pub fn same_as_source(cx: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let reference = pair.reference;
    let id = reference.id.as_str();
    // Identical bodies have the same visible text, so its counts (known already) rule out
    // nearly every translation before the bodies are compared.
    if reference.may_equal(translation)
        && reference.same_body(&pair.reference_file.source, translation, &file.source)
        && reference.is_prose(&pair.reference_file.source)
    {
        let allowed = cx
            .config
            .check
            .same_as_source_allow
            .iter()
            .any(|a| a == id || a.trim() == translation.body(&file.source));
        if !allowed {
            out.push(
                Code::SameAsSource,
                file,
                Some(translation.start),
                Some(id),
                format!("`{id}` is identical to the reference text; translate it or add it to `[check] same-as-source-allow`"),
            );
        }
    }
}

/// Bidirectional controls in the translation.
pub fn bidi_controls(_: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let id = pair.reference.id.as_str();
    if let Some(&offset) = translation.bidi_controls.first() {
        out.push(
            Code::BidiControl,
            file,
            Some(offset),
            Some(id),
            format!(
                "`{id}` contains {}; delete them: the renderer sets the text direction itself",
                match translation.bidi_controls.len() {
                    1 => "a bidirectional control character".to_owned(),
                    n => format!("{n} bidirectional control characters"),
                }
            ),
        );
    }
}

/// Markup compared variant by variant: each variant of each part of the translation must have
/// the markup of some variant of the same part of the reference (a translation may have other
/// plural variants than the reference, each with the reference's markup).
pub fn markup(_: &PairContext<'_>, pair: &Pair<'_>, out: &mut Findings<'_>) {
    let Some((file, translation)) = pair.translated() else {
        return;
    };
    let reference = pair.reference;
    if !reference.has_markup() && !translation.has_markup() {
        return;
    }
    let id = reference.id.as_str();
    let parts = std::iter::once(None)
        .filter(|_| translation.has_value && reference.has_value)
        .chain(
            translation
                .attributes
                .iter()
                .filter(|a| reference.has_attribute(&a.value))
                .map(|a| Some(a.value.as_str())),
        );
    for part in parts {
        let expected = reference.part_markup(part);
        let Some(found) = translation
            .part_markup(part)
            .into_iter()
            .find(|m| !expected.contains(m))
        else {
            continue;
        };
        let nearest = expected[0];
        let detail = if nearest.links != found.links {
            links_differ(&nearest.links, &found.links)
        } else {
            "emphasis or inline markup differs from the reference".to_owned()
        };
        let what = match part {
            None => String::new(),
            Some(name) => format!(".{name}"),
        };
        out.push(
            Code::MarkupMismatch,
            file,
            Some(translation.start),
            Some(id),
            format!("`{id}{what}`: {detail}"),
        );
        // One finding per message, as before the comparison went variant by variant.
        return;
    }
}

/// What a translation's links change: "the translation drops the link to `a` and adds one
/// to `b`". Both lists are sorted.
fn links_differ(reference: &[String], translation: &[String]) -> String {
    let quoted = |links: Vec<&String>| {
        links
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dropped: Vec<&String> = reference
        .iter()
        .filter(|l| !translation.contains(l))
        .collect();
    let added: Vec<&String> = translation
        .iter()
        .filter(|l| !reference.contains(l))
        .collect();
    let mut changes = Vec::new();
    match dropped.len() {
        0 => {}
        1 => changes.push(format!("drops the link to {}", quoted(dropped))),
        _ => changes.push(format!("drops the links to {}", quoted(dropped))),
    }
    match added.len() {
        0 => {}
        1 => changes.push(format!("adds a link to {}", quoted(added))),
        _ => changes.push(format!("adds links to {}", quoted(added))),
    }
    if changes.is_empty() {
        // The same destinations, another number of times.
        return format!(
            "the reference has {} and the translation {}",
            link_count(reference.len()),
            link_count(translation.len())
        );
    }
    format!("the translation {}", changes.join(" and "))
}

fn link_count(n: usize) -> String {
    match n {
        1 => "1 link".to_owned(),
        n => format!("{n} links"),
    }
}

fn list_variables(entry: &Entry) -> String {
    if entry.variables.is_empty() {
        " (the reference uses none)".to_owned()
    } else {
        let names: Vec<String> = entry
            .variables
            .iter()
            .map(|v| format!("${}", v.value))
            .collect();
        format!(" (the reference uses {})", names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::variant_key_offset;

    #[test]
    fn a_later_variant_key_is_found_by_name_not_in_link_text() {
        let text = "n = { $c ->\n    [one] [few](https://x) one\n    [ few ] x\n   *[other] y\n}\n";
        let from = text.find("one").unwrap();
        let at = variant_key_offset(text, from, text.len(), "few").unwrap();
        assert_eq!(&text[at..at + 3], "few");
        assert_eq!(&text[at - 2..at], "[ ", "the key, not the link text");
        assert_eq!(variant_key_offset(text, from, text.len(), "two"), None);
        assert_eq!(variant_key_offset(text, from, text.len() + 5, "few"), None);
    }
}
