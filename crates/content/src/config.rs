//! `beyan.toml`: the workspace configuration, parsed strictly.
//!
//! Unknown keys, malformed or duplicate locale codes and bad values are errors with the key and
//! the line named; nothing is silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::config_error::from_toml;
use crate::{ConfigError, ConfigErrors, Locale};

/// Diagnostic codes whose severity `[check.severity]` may change. Kept here, in the lowest
/// layer, so that a misspelt code is a configuration error with its line; `beyan-l10n` tests
/// that its own list agrees.
pub const CHECK_CODES: &[&str] = &[
    "syntax-error",
    "invalid-encoding",
    "missing-message",
    "missing-attribute",
    "missing-value",
    "duplicate-id",
    "unknown-variable",
    "unknown-reference",
    "cyclic-reference",
    "obsolete-message",
    "obsolete-attribute",
    "unused-variable",
    "missing-plural-category",
    "stale-translation",
    "same-as-source",
    "bidi-control",
    "markup-mismatch",
    "number-mismatch",
    "url-mismatch",
    "email-mismatch",
    "punctuation-mismatch",
    "whitespace",
    "repeated-word",
    "too-long",
    "glossary",
    "invalid-suppression",
];

/// The resolved workspace configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub locales: LocalesConfig,
    pub site: SiteConfig,
    pub contact: Contact,
    pub check: CheckConfig,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalesConfig {
    pub reference: Locale,
    pub required: Vec<Locale>,
    pub optional: Vec<Locale>,
}

impl LocalesConfig {
    /// Every translated (non-reference) locale: required first, then optional.
    pub fn targets(&self) -> impl Iterator<Item = &Locale> {
        self.required.iter().chain(&self.optional)
    }

    /// The reference followed by every target locale.
    pub fn all(&self) -> impl Iterator<Item = &Locale> {
        std::iter::once(&self.reference).chain(self.targets())
    }

    /// The reference followed by the target locales in `only` (every target when empty),
    /// in configuration order.
    pub fn selected(&self, only: &[Locale]) -> Vec<Locale> {
        std::iter::once(&self.reference)
            .chain(
                self.targets()
                    .filter(|l| only.is_empty() || only.contains(l)),
            )
            .cloned()
            .collect()
    }

    pub fn is_required(&self, locale: &Locale) -> bool {
        self.required.contains(locale)
    }

    pub fn contains(&self, locale: &Locale) -> bool {
        self.all().any(|l| l == locale)
    }
}

/// Where the published site lives; used for canonical links, feeds and the sitemap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteConfig {
    /// Absolute `http(s)` URL without a trailing `/`, when configured.
    pub base_url: Option<String>,
}

/// The press office's media contact: facts, not translated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeverityOverride {
    Error,
    Warning,
    Off,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckConfig {
    /// Message ids or exact texts that may stay identical to the reference (names, acronyms).
    pub same_as_source_allow: Vec<String>,
    /// Per-code severity changes, keyed by diagnostic code.
    pub severity: BTreeMap<String, SeverityOverride>,
}

/// `beyan.toml` as written (its JSON Schema, `schemas/beyan.schema.json`, is generated from
/// these types).
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(
    title = "beyan.toml",
    description = "The configuration of a beyan workspace."
)]
pub(crate) struct RawConfig {
    /// The reference locale and the translated ones.
    locales: RawLocales,
    /// Where the published site lives.
    #[serde(default)]
    site: RawSite,
    /// The press office's media contact (facts, not translated).
    #[serde(default)]
    contact: RawContact,
    /// What `beyan check` reports and how severely.
    #[serde(default)]
    check: RawCheck,
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawLocales {
    /// The source language (BCP 47), e.g. "en".
    #[schemars(with = "String")]
    reference: Spanned<String>,
    /// Locales that must be complete for `beyan check` to pass.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    required: Vec<Spanned<String>>,
    /// Locales that are reported and never block.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    optional: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSite {
    /// Absolute http(s) URL of the published site.
    #[schemars(with = "Option<String>")]
    base_url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawContact {
    name: Option<String>,
    #[schemars(with = "Option<String>")]
    email: Option<Spanned<String>>,
    phone: Option<String>,
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCheck {
    /// Message ids or exact texts that may stay identical to the reference (names).
    #[serde(default)]
    same_as_source_allow: Vec<String>,
    /// Per diagnostic code: "error", "warning" or "off".
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, SeverityLevel>")]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// A severity in `[check.severity]` (for the JSON Schema; the parser reads the string itself
/// to name a wrong one with its line).
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum SeverityLevel {
    Error,
    Warning,
    Off,
}

impl Config {
    /// Parses `beyan.toml`; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, ConfigErrors> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let mut errors = Vec::new();
        let error = |key: &str, span: std::ops::Range<usize>, message: String| {
            ConfigError::new(file, message)
                .with_key(key)
                .at(text, Some(span))
        };

        let reference = match Locale::parse(raw.locales.reference.get_ref()) {
            Ok(locale) => Some(locale),
            Err(message) => {
                errors.push(error(
                    "locales.reference",
                    raw.locales.reference.span(),
                    message,
                ));
                None
            }
        };
        let mut seen: Vec<Locale> = reference.iter().cloned().collect();
        let mut list = |key: &str, entries: &[Spanned<String>], errors: &mut Vec<ConfigError>| {
            let mut out = Vec::new();
            for entry in entries {
                match Locale::parse(entry.get_ref()) {
                    Ok(locale) if seen.contains(&locale) => errors.push(error(
                        key,
                        entry.span(),
                        format!("locale `{locale}` is listed more than once"),
                    )),
                    Ok(locale) => {
                        seen.push(locale.clone());
                        out.push(locale);
                    }
                    Err(message) => errors.push(error(key, entry.span(), message)),
                }
            }
            out
        };
        let required = list("locales.required", &raw.locales.required, &mut errors);
        let optional = list("locales.optional", &raw.locales.optional, &mut errors);

        let base_url = raw.site.base_url.and_then(|url| {
            let value = url.get_ref().trim_end_matches('/').to_owned();
            if (value.starts_with("https://") || value.starts_with("http://"))
                && !value.contains(char::is_whitespace)
                && value.len() > "https://".len()
            {
                Some(value)
            } else {
                errors.push(error(
                    "site.base-url",
                    url.span(),
                    format!("`{}` is not an absolute http(s) URL", url.get_ref()),
                ));
                None
            }
        });

        let email = raw.contact.email.and_then(|email| {
            let value = email.get_ref();
            let valid = value.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !value.contains(char::is_whitespace)
            });
            if valid {
                Some(value.clone())
            } else {
                errors.push(error(
                    "contact.email",
                    email.span(),
                    format!("`{value}` is not an e-mail address"),
                ));
                None
            }
        });

        let mut severity = BTreeMap::new();
        for (code, level) in raw.check.severity {
            if !CHECK_CODES.contains(&code.get_ref().as_str()) {
                errors.push(error(
                    "check.severity",
                    code.span(),
                    format!(
                        "unknown diagnostic code `{}`; expected one of {}",
                        code.get_ref(),
                        CHECK_CODES.join(", ")
                    ),
                ));
                continue;
            }
            let parsed = match level.get_ref().as_str() {
                "error" => SeverityOverride::Error,
                "warning" => SeverityOverride::Warning,
                "off" => SeverityOverride::Off,
                other => {
                    errors.push(error(
                        &format!("check.severity.{}", code.get_ref()),
                        level.span(),
                        format!("unknown severity `{other}`; expected `error`, `warning` or `off`"),
                    ));
                    continue;
                }
            };
            severity.insert(code.into_inner(), parsed);
        }

        match reference {
            Some(reference) if errors.is_empty() => Ok(Self {
                locales: LocalesConfig {
                    reference,
                    required,
                    optional,
                },
                site: SiteConfig { base_url },
                contact: Contact {
                    name: raw.contact.name,
                    email,
                    phone: raw.contact.phone,
                },
                check: CheckConfig {
                    same_as_source_allow: raw.check.same_as_source_allow,
                    severity,
                },
            }),
            _ => Err(ConfigErrors(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<ConfigError> {
        Config::parse("beyan.toml", text).unwrap_err().0
    }

    #[test]
    fn minimal_config() {
        let config = Config::parse(
            "beyan.toml",
            "[locales]\nreference = \"en\"\nrequired = [\"az\", \"tr\", \"ur\"]\noptional = []\n",
        )
        .unwrap();
        assert_eq!(config.locales.reference.as_str(), "en");
        let targets: Vec<_> = config.locales.targets().map(Locale::as_str).collect();
        assert_eq!(targets, ["az", "tr", "ur"]);
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let found = errors("[locales]\nreference = \"en\"\nrequierd = [\"az\"]\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key.as_deref(), Some("requierd"));
        assert_eq!(found[0].line, Some(3));
        assert_eq!(found[0].column, Some(1));
    }

    #[test]
    fn bad_and_duplicate_locales_are_all_reported() {
        let found =
            errors("[locales]\nreference = \"en\"\nrequired = [\"az\", \"x_y\", \"az\", \"en\"]\n");
        let messages: Vec<_> = found.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(found.len(), 3, "{messages:?}");
        assert!(found.iter().all(|e| e.line == Some(3)));
        assert_eq!(found[0].column, Some(19));
        assert!(messages[1].contains("more than once"));
    }

    #[test]
    fn severity_codes_are_checked() {
        let found = errors("[locales]\nreference = \"en\"\n[check.severity]\nstale = \"error\"\n");
        assert_eq!(found[0].line, Some(4));
        assert!(found[0].message.contains("unknown diagnostic code `stale`"));
        let found =
            errors("[locales]\nreference = \"en\"\n[check.severity]\nsame-as-source = \"loud\"\n");
        assert!(found[0].message.contains("unknown severity"));
    }
}
