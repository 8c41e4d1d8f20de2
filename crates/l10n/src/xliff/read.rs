//! Reading an XLIFF 2 document back: the files, their units and each unit's target, with the
//! byte offset of every element for error messages. Anything a CAT tool may add that beyan does
//! not need (notes, metadata, other namespaces) is skipped; what would change the text silently
//! (paired codes, unknown entities) is an error.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::write::NAMESPACE;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadPart {
    Text(String),
    Ph {
        id: String,
        offset: usize,
    },
    /// An inline code beyan never writes (`<pc>`, `<sc>`, `<ec>`).
    Foreign {
        name: String,
        offset: usize,
    },
}

#[derive(Debug, Default)]
pub(crate) struct ReadUnit {
    pub id: String,
    pub offset: usize,
    pub target: Option<Vec<ReadPart>>,
}

#[derive(Debug, Default)]
pub(crate) struct ReadFile {
    pub original: Option<String>,
    pub offset: usize,
    pub units: Vec<ReadUnit>,
}

#[derive(Debug, Default)]
pub(crate) struct Document {
    pub src_lang: String,
    pub trg_lang: Option<String>,
    pub files: Vec<ReadFile>,
}

/// A problem at a byte offset of the document.
#[derive(Debug)]
pub(crate) struct ReadError {
    pub offset: usize,
    pub message: String,
}

fn error(offset: usize, message: impl Into<String>) -> ReadError {
    ReadError {
        offset,
        message: message.into(),
    }
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Result<Option<String>, String> {
    for attr in element.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        if attr.key.as_ref() == name.as_bytes() {
            return attr
                .unescape_value()
                .map(|v| Some(v.into_owned()))
                .map_err(|e| e.to_string());
        }
    }
    Ok(None)
}

pub(crate) fn read(text: &str) -> Result<Document, ReadError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut document = Document::default();
    let mut stack: Vec<String> = Vec::new();
    let mut seen_root = false;
    // Inside a <target>: the parts read so far of the current unit.
    let mut in_target = 0usize;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            error(
                usize::try_from(reader.error_position()).unwrap_or(offset),
                format!("not well-formed XML: {e}"),
            )
        })?;
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let empty = matches!(event, Event::Empty(_));
                let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
                let attr = |key: &str| attribute(element, key).map_err(|e| error(offset, e));
                if !seen_root {
                    seen_root = true;
                    if name != "xliff" || attr("xmlns")?.as_deref() != Some(NAMESPACE) {
                        return Err(error(
                            offset,
                            format!(
                                "not an XLIFF 2 document: the root must be <xliff xmlns=\"{NAMESPACE}\">"
                            ),
                        ));
                    }
                    let version = attr("version")?.unwrap_or_default();
                    if !version.starts_with("2.") {
                        return Err(error(
                            offset,
                            format!("XLIFF version `{version}`: beyan reads XLIFF 2.x"),
                        ));
                    }
                    document.src_lang =
                        attr("srcLang")?.ok_or_else(|| error(offset, "<xliff> has no srcLang"))?;
                    document.trg_lang = attr("trgLang")?;
                } else if in_target > 0 {
                    let part = match name.as_str() {
                        "ph" => Some(ReadPart::Ph {
                            id: attr("id")?.ok_or_else(|| error(offset, "<ph> without an id"))?,
                            offset,
                        }),
                        "cp" => {
                            let hex = attr("hex")?.unwrap_or_default();
                            let c = u32::from_str_radix(&hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or_else(|| {
                                    error(offset, format!("<cp hex=\"{hex}\">: not a character"))
                                })?;
                            Some(ReadPart::Text(c.to_string()))
                        }
                        // Annotations (terms, comments) leave the text as it is.
                        "mrk" | "sm" | "em" => None,
                        other => Some(ReadPart::Foreign {
                            name: other.to_owned(),
                            offset,
                        }),
                    };
                    match part {
                        Some(ReadPart::Text(text)) => push_text(&mut document, &text),
                        Some(part) => {
                            if let Some(unit) = current_unit(&mut document) {
                                unit.target.get_or_insert_with(Vec::new).push(part);
                            }
                        }
                        None => {}
                    }
                } else {
                    match (name.as_str(), stack.last().map(String::as_str)) {
                        ("file", Some("xliff")) => document.files.push(ReadFile {
                            original: attr("original")?,
                            offset,
                            units: Vec::new(),
                        }),
                        ("unit", Some(_)) => {
                            let id =
                                attr("id")?.ok_or_else(|| error(offset, "<unit> without an id"))?;
                            let file = document
                                .files
                                .last_mut()
                                .ok_or_else(|| error(offset, "<unit> outside a <file>"))?;
                            file.units.push(ReadUnit {
                                id,
                                offset,
                                target: None,
                            });
                        }
                        ("target", Some("segment" | "ignorable")) => {
                            let unit = current_unit(&mut document)
                                .ok_or_else(|| error(offset, "<target> outside a <unit>"))?;
                            unit.target.get_or_insert_with(Vec::new);
                            if !empty {
                                in_target = 1;
                            }
                        }
                        _ => {}
                    }
                }
                if !empty {
                    if in_target > 0 && name != "target" {
                        in_target += 1;
                    }
                    stack.push(name);
                }
            }
            Event::End(_) => {
                stack.pop();
                in_target = in_target.saturating_sub(1);
            }
            Event::Text(t) if in_target > 0 => {
                let value = t
                    .decode()
                    .map_err(|e| error(offset, format!("not UTF-8: {e}")))?;
                push_text(&mut document, &value);
            }
            Event::CData(t) if in_target > 0 => {
                let value = t
                    .decode()
                    .map_err(|e| error(offset, format!("not UTF-8: {e}")))?;
                push_text(&mut document, &value);
            }
            Event::GeneralRef(r) if in_target > 0 => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    match r.decode().as_deref() {
                        Ok("amp") => Some('&'),
                        Ok("lt") => Some('<'),
                        Ok("gt") => Some('>'),
                        Ok("quot") => Some('"'),
                        Ok("apos") => Some('\''),
                        _ => None,
                    }
                };
                let c = resolved.ok_or_else(|| {
                    error(
                        offset,
                        format!("unknown entity `&{};`", String::from_utf8_lossy(&r)),
                    )
                })?;
                push_text(&mut document, &c.to_string());
            }
            Event::GeneralRef(r) => {
                // Outside targets an entity matters only in being defined.
                let known =
                    r.is_char_ref() || matches!(&*r, b"amp" | b"lt" | b"gt" | b"quot" | b"apos");
                if !known {
                    return Err(error(
                        offset,
                        format!("unknown entity `&{};`", String::from_utf8_lossy(&r)),
                    ));
                }
            }
            Event::DocType(_) => {
                return Err(error(offset, "a DOCTYPE is not allowed in XLIFF"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(error(0, "empty document: no <xliff> element"));
    }
    if !stack.is_empty() {
        return Err(error(
            text.len(),
            "not well-formed XML: the document ends inside an element",
        ));
    }
    Ok(document)
}

fn current_unit(document: &mut Document) -> Option<&mut ReadUnit> {
    document.files.last_mut()?.units.last_mut()
}

fn push_text(document: &mut Document, value: &str) {
    if let Some(unit) = current_unit(document) {
        let parts = unit.target.get_or_insert_with(Vec::new);
        if let Some(ReadPart::Text(last)) = parts.last_mut() {
            last.push_str(value);
        } else if !value.is_empty() {
            parts.push(ReadPart::Text(value.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_with_codes_entities_and_segments() {
        let doc = read(&format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.1\" srcLang=\"en\" trgLang=\"az\"><file id=\"f1\" original=\"a.ftl\"><unit id=\"m\"><segment><source>x</source><target>A &amp; <ph id=\"1\"/><mrk id=\"k\">b</mrk>&#x41;<cp hex=\"0001\"/></target></segment></unit></file></xliff>"
        ))
        .unwrap();
        assert_eq!(doc.trg_lang.as_deref(), Some("az"));
        let unit = &doc.files[0].units[0];
        let target = unit.target.as_ref().unwrap();
        assert_eq!(target[0], ReadPart::Text("A & ".into()));
        assert!(matches!(&target[1], ReadPart::Ph { id, .. } if id == "1"));
        assert_eq!(target[2], ReadPart::Text("bA\u{1}".into()));
    }

    #[test]
    fn malformed_and_foreign_documents_are_errors() {
        assert!(read("<xliff").is_err());
        assert!(read("<xliff version=\"2.1\" srcLang=\"en\"/>").is_err());
        assert!(
            read(&format!(
                "<xliff xmlns=\"{NAMESPACE}\" version=\"1.2\" srcLang=\"en\"/>"
            ))
            .is_err()
        );
        let err = read("<a><b></a>").unwrap_err();
        assert!(err.message.contains("XLIFF") || err.message.contains("XML"));
    }
}
