//! `glossary.toml`: the approved renderings of names and terms per locale, parsed strictly.
//!
//! A term is keyed by locale codes of the workspace (the reference's text, then each locale's
//! approved renderings), plus `do-not-translate` and an optional `note`. Any other key is an
//! error with its line and column, as in `beyan.toml`. Matching the terms in text is
//! `beyan-l10n`'s job; this module only reads and validates.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::config_error::from_toml;
use crate::{ConfigError, ConfigErrors, Locale, LocalesConfig};

/// The file name, at the workspace root.
pub const GLOSSARY_FILE: &str = "glossary.toml";

/// Every term of the workspace's glossary (empty when there is no `glossary.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Glossary {
    pub terms: Vec<GlossaryTerm>,
}

/// One name or term: how the reference writes it and how each locale may render it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryTerm {
    /// The reference locale's text(s) of the term (one or more spellings).
    pub source: Vec<String>,
    /// Approved renderings per target locale; a locale without an entry is not checked,
    /// unless the term is `do-not-translate`.
    pub renderings: BTreeMap<Locale, Vec<String>>,
    /// The term must appear unchanged in every locale.
    pub do_not_translate: bool,
    pub note: Option<String>,
    /// 1-based line of the term's table in `glossary.toml`.
    pub line: usize,
}

impl GlossaryTerm {
    /// What a translation into `locale` may use: the term itself when it is not translated,
    /// else the locale's renderings (`None` when the glossary says nothing for that locale).
    pub fn renderings_for(&self, locale: &Locale) -> Option<&[String]> {
        if self.do_not_translate {
            Some(&self.source)
        } else {
            self.renderings.get(locale).map(Vec::as_slice)
        }
    }
}

/// `glossary.toml` as written (its JSON Schema, `schemas/glossary.schema.json`, is generated
/// from these types).
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "glossary.toml",
    description = "The approved renderings of names and terms per locale (beyan)."
)]
pub(crate) struct RawGlossary {
    /// One name or term per table.
    #[serde(default)]
    #[schemars(with = "Vec<TermSchema>")]
    term: Vec<Spanned<BTreeMap<Spanned<String>, Spanned<RawValue>>>>,
}

/// A term as the JSON Schema describes it: the known keys, and a locale code for every other
/// (which locales exist is in beyan.toml, so the parser checks them).
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
struct TermSchema {
    /// The term must appear unchanged in every locale.
    #[serde(default)]
    do_not_translate: bool,
    /// A note for translators.
    note: Option<String>,
    /// Locale code → the term in the reference, or the approved renderings (a match may carry
    /// suffixes).
    #[serde(flatten)]
    locales: BTreeMap<String, Rendering>,
}

#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum Rendering {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Flag(bool),
    Text(String),
    List(Vec<String>),
}

impl Glossary {
    /// Parses `glossary.toml`; `locales` says which keys are locale codes.
    pub fn parse(file: &str, text: &str, locales: &LocalesConfig) -> Result<Self, ConfigErrors> {
        let raw: RawGlossary = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let mut errors = Vec::new();
        let index = crate::LineIndex::new(text);
        let error = |key: &str, span: std::ops::Range<usize>, message: String| {
            ConfigError::new(file, message)
                .with_key(key)
                .at(text, Some(span))
        };
        let known: Vec<String> = locales.all().map(|l| l.to_string()).collect();
        let mut terms = Vec::new();
        for (n, table) in raw.term.into_iter().enumerate() {
            let table_span = table.span();
            let line = index.position(text, table_span.start).0;
            let mut term = GlossaryTerm {
                source: Vec::new(),
                renderings: BTreeMap::new(),
                do_not_translate: false,
                note: None,
                line,
            };
            let before = errors.len();
            for (key, value) in table.into_inner() {
                let span = value.span();
                let name = key.get_ref().as_str();
                let path = format!("term[{n}].{name}");
                match (name, value.into_inner()) {
                    ("do-not-translate", RawValue::Flag(flag)) => term.do_not_translate = flag,
                    ("do-not-translate", _) => {
                        errors.push(error(&path, span, "expected `true` or `false`".to_owned()));
                    }
                    ("note", RawValue::Text(note)) => term.note = Some(note),
                    ("note", _) => errors.push(error(&path, span, "expected a string".to_owned())),
                    (code, value) if known.iter().any(|k| k == code) => {
                        let texts = match value {
                            RawValue::Text(text) => vec![text],
                            RawValue::List(list) => list,
                            RawValue::Flag(_) => {
                                errors.push(error(
                                    &path,
                                    span,
                                    "expected a string or a list of strings".to_owned(),
                                ));
                                continue;
                            }
                        };
                        if texts.is_empty() || texts.iter().any(|t| t.trim().is_empty()) {
                            errors.push(error(
                                &path,
                                span,
                                "a rendering cannot be empty".to_owned(),
                            ));
                            continue;
                        }
                        let texts = texts.into_iter().map(|t| t.trim().to_owned()).collect();
                        if code == locales.reference.as_str() {
                            term.source = texts;
                        } else if let Ok(locale) = Locale::parse(code) {
                            term.renderings.insert(locale, texts);
                        }
                    }
                    (other, _) => errors.push(error(
                        &path,
                        key.span(),
                        format!(
                            "unknown key `{other}`; expected a locale of beyan.toml ({}), `do-not-translate` or `note`",
                            known.join(", ")
                        ),
                    )),
                }
            }
            if term.source.is_empty() && errors.len() == before {
                errors.push(error(
                    &format!("term[{n}]"),
                    table_span,
                    format!(
                        "the term has no `{}` key: the reference text is what is looked for",
                        locales.reference
                    ),
                ));
            }
            terms.push(term);
        }
        if errors.is_empty() {
            Ok(Self { terms })
        } else {
            Err(ConfigErrors(errors))
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales() -> LocalesConfig {
        LocalesConfig {
            reference: Locale::parse("en").unwrap(),
            required: vec![Locale::parse("az").unwrap(), Locale::parse("tr").unwrap()],
            optional: vec![Locale::parse("ur").unwrap()],
        }
    }

    #[test]
    fn terms_with_renderings_and_do_not_translate() {
        let text = "[[term]]\nen = \"Patriotic War\"\naz = [\"Vətən müharibəsi\"]\ntr = [\"Vatan Muharebesi\", \"Vatan Savaşı\"]\nur = \"جنگِ وطن\"\n\n[[term]]\nen = \"Beyan\"\ndo-not-translate = true\nnote = \"the product\"\n";
        let glossary = Glossary::parse("glossary.toml", text, &locales()).unwrap();
        assert_eq!(glossary.terms.len(), 2);
        let war = &glossary.terms[0];
        assert_eq!(war.source, ["Patriotic War"]);
        let tr = Locale::parse("tr").unwrap();
        assert_eq!(
            war.renderings_for(&tr).unwrap(),
            ["Vatan Muharebesi", "Vatan Savaşı"]
        );
        assert_eq!(war.line, 1);
        let beyan = &glossary.terms[1];
        assert!(beyan.do_not_translate);
        assert_eq!(beyan.renderings_for(&tr).unwrap(), ["Beyan"]);
        assert_eq!(beyan.line, 7);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located() {
        let text = "[[term]]\nen = \"Karabakh\"\nfr = \"Karabagh\"\n\n[[term]]\naz = \"x\"\n\n[[term]]\nen = \"y\"\ndo-not-translate = \"yes\"\n";
        let errors = Glossary::parse("glossary.toml", text, &locales())
            .unwrap_err()
            .0;
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (Some(3), Some(1)));
        assert!(errors[0].message.contains("unknown key `fr`"));
        assert!(errors[1].message.contains("no `en` key"));
        assert_eq!(errors[2].line, Some(10));
        let top = Glossary::parse("glossary.toml", "[[terms]]\nen = \"x\"\n", &locales());
        let top = top.unwrap_err().0;
        assert_eq!(top[0].line, Some(1));
    }
}
