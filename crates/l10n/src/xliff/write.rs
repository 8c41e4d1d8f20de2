//! Writing an XLIFF 2.1 document: deterministic text, every value escaped, characters XML 1.0
//! cannot carry written as `<cp>` (in text) or replaced (in attributes).

use super::unit::{Part, Unit};
use crate::xml;

pub(crate) const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// What the writer needs of one unit besides the unit itself.
pub(crate) struct UnitNotes<'a> {
    pub unit: &'a Unit,
    pub comment: Option<&'a str>,
    pub stale: bool,
}

pub(crate) struct FileOut<'a> {
    pub original: &'a str,
    pub units: Vec<UnitNotes<'a>>,
}

pub(crate) fn document(
    source_lang: &str,
    target_lang: &str,
    rtl: bool,
    files: &[FileOut<'_>],
) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" version=\"2.1\" srcLang=\"{}\" trgLang=\"{}\" xml:space=\"preserve\">\n",
        xml::attribute(source_lang),
        xml::attribute(target_lang)
    ));
    let direction = if rtl { " trgDir=\"rtl\"" } else { "" };
    for (index, file) in files.iter().enumerate() {
        out.push_str(&format!(
            "  <file id=\"f{}\" original=\"{}\" canResegment=\"no\"{direction}>\n",
            index + 1,
            xml::attribute(file.original)
        ));
        for entry in &file.units {
            unit(&mut out, target_lang, entry);
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn unit(out: &mut String, target_lang: &str, entry: &UnitNotes<'_>) {
    let unit = entry.unit;
    out.push_str(&format!(
        "    <unit id=\"{}\" name=\"{}\">\n",
        xml::attribute(&unit.id),
        xml::attribute(&unit.name)
    ));
    let mut notes = Vec::new();
    if let Some(comment) = entry.comment {
        notes.push(("comment", comment.to_owned()));
    }
    if let Some(category) = unit.precreated {
        notes.push((
            "plural",
            format!(
                "The plural category `{category}` of {target_lang}: the reference has no such variant; its source is the default variant's."
            ),
        ));
    }
    if entry.stale && unit.target.is_some() {
        notes.push((
            "stale",
            "Stale: the reference text changed after this translation was made; revise it.".into(),
        ));
    }
    if !notes.is_empty() {
        out.push_str("      <notes>\n");
        for (category, text) in notes {
            out.push_str(&format!(
                "        <note category=\"{category}\">{}</note>\n",
                xml::text(&text)
            ));
        }
        out.push_str("      </notes>\n");
    }
    if !unit.codes.is_empty() {
        out.push_str("      <originalData>\n");
        for code in &unit.codes {
            out.push_str(&format!(
                "        <data id=\"{}\">",
                xml::attribute(&code.data_id())
            ));
            text(out, &code.fluent);
            out.push_str("</data>\n");
        }
        out.push_str("      </originalData>\n");
    }
    let state = match &unit.target {
        Some(_) if !entry.stale => "translated",
        _ => "initial",
    };
    out.push_str(&format!(
        "      <segment state=\"{state}\">\n        <source>"
    ));
    parts(out, unit, &unit.source);
    out.push_str("</source>\n");
    if let Some(target) = &unit.target {
        out.push_str("        <target>");
        parts(out, unit, target);
        out.push_str("</target>\n");
    }
    out.push_str("      </segment>\n    </unit>\n");
}

fn parts(out: &mut String, unit: &Unit, parts: &[Part]) {
    for part in parts {
        match part {
            Part::Text(value) => text(out, value),
            Part::Ph(id) => {
                let (data, disp) = unit
                    .code(id)
                    .map(|c| (c.data_id(), c.disp.clone()))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "<ph id=\"{}\" dataRef=\"{}\" disp=\"{}\"/>",
                    xml::attribute(id),
                    xml::attribute(&data),
                    xml::attribute(&disp)
                ));
            }
        }
    }
}

/// Element text: escaped, with characters XML cannot carry as XLIFF code points.
fn text(out: &mut String, value: &str) {
    crate::xml::escape_into(out, value, false, |out, c| {
        out.push_str(&format!("<cp hex=\"{:04X}\"/>", u32::from(c)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_carry_become_code_points() {
        let mut out = String::new();
        text(&mut out, "a<b & \u{1}\r");
        assert_eq!(out, "a&lt;b &amp; <cp hex=\"0001\"/>&#13;");
    }
}
