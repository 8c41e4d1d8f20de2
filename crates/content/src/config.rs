//! `beyan.toml`: the workspace configuration, parsed strictly.
//!
//! Unknown keys, malformed or duplicate locale codes and bad values are errors with the key and
//! the line named; nothing is silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::config_error::from_toml;
use crate::contact::{Located, RawContact};
use crate::{AA_CONTRAST, Color, ConfigError, ConfigErrors, Contact, LineIndex, Locale};

/// Locale codes that may not be configured: `assets` would share `<out>/assets/` with the
/// stylesheet and fonts; the pseudolocales are what `render --pseudo` generates.
const RESERVED_LOCALES: &[(&str, &str)] = &[
    (
        "assets",
        "it would share `<out>/assets/` with the stylesheet and fonts",
    ),
    (
        "en-XA",
        "it is the pseudolocale that `render --pseudo` generates",
    ),
    (
        "ar-XB",
        "it is the pseudolocale that `render --pseudo` generates",
    ),
];

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
    "unknown-plural-category",
    "stale-translation",
    "same-as-source",
    "bidi-control",
    "markup-mismatch",
    "invalid-character",
    "too-many-placeables",
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

/// The codes that are errors by default: each is something `render` cannot publish past (a
/// message it cannot format, a file it cannot read), so `[check.severity]` may not lower them,
/// or `check` would pass what `render` then fails on. `beyan-l10n` tests that this list agrees
/// with its default severities.
pub const ERROR_CODES: &[&str] = &[
    "syntax-error",
    "invalid-encoding",
    "missing-message",
    "missing-attribute",
    "missing-value",
    "duplicate-id",
    "unknown-variable",
    "unknown-reference",
    "cyclic-reference",
    "invalid-character",
    "too-many-placeables",
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
    /// Links and focus rings; readable on white (WCAG AA).
    pub accent_color: Option<Color>,
    /// The header band behind the organization's name; white text on it is readable.
    pub band_color: Option<Color>,
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
    /// Links and focus rings, `#rrggbb`, readable on white (WCAG AA).
    #[schemars(with = "Option<String>")]
    accent_color: Option<Spanned<String>>,
    /// The header band behind the organization's name, `#rrggbb`; white text on it is readable.
    #[schemars(with = "Option<String>")]
    band_color: Option<Spanned<String>>,
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
        let index = LineIndex::new(text);
        let at = Located {
            file,
            text,
            index: &index,
        };
        let error =
            |key: &str, span: std::ops::Range<usize>, message: String| at.error(key, span, message);

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
        if let Some(locale) = &reference
            && let Some(reason) = reserved(locale)
        {
            errors.push(error(
                "locales.reference",
                raw.locales.reference.span(),
                reason,
            ));
        }
        let mut seen: std::collections::HashSet<Locale> = reference.iter().cloned().collect();
        let mut list = |key: &str, entries: &[Spanned<String>], errors: &mut Vec<ConfigError>| {
            let mut out = Vec::new();
            for entry in entries {
                match Locale::parse(entry.get_ref()) {
                    Ok(locale) if seen.contains(&locale) => errors.push(error(
                        key,
                        entry.span(),
                        format!("locale `{locale}` is listed more than once"),
                    )),
                    Ok(locale) => match reserved(&locale) {
                        Some(reason) => errors.push(error(key, entry.span(), reason)),
                        None => {
                            seen.insert(locale.clone());
                            out.push(locale);
                        }
                    },
                    Err(message) => errors.push(error(key, entry.span(), message)),
                }
            }
            out
        };
        let required = list("locales.required", &raw.locales.required, &mut errors);
        let optional = list("locales.optional", &raw.locales.optional, &mut errors);

        let base_url = raw
            .site
            .base_url
            .and_then(|url| match base_url(url.get_ref()) {
                Ok(value) => Some(value),
                Err(why) => {
                    let message = format!(
                        "`{}` is not a base URL: {why}",
                        url.get_ref().escape_debug()
                    );
                    errors.push(error("site.base-url", url.span(), message));
                    None
                }
            });

        let mut color = |key: &str, value: Option<Spanned<String>>| {
            let value = value?;
            let Some(parsed) = Color::parse(value.get_ref()) else {
                errors.push(error(
                    key,
                    value.span(),
                    format!("`{}` is not a colour written `#rrggbb`", value.get_ref()),
                ));
                return None;
            };
            let contrast = parsed.contrast(Color::WHITE);
            if contrast < AA_CONTRAST {
                errors.push(error(
                    key,
                    value.span(),
                    format!(
                        "`{parsed}` and white have a contrast of {contrast:.2}:1; WCAG AA asks for \
                         at least {AA_CONTRAST}:1 (choose a darker colour)"
                    ),
                ));
                return None;
            }
            Some(parsed)
        };
        let accent_color = color("site.accent-color", raw.site.accent_color);
        let band_color = color("site.band-color", raw.site.band_color);

        let contact = raw.contact.resolve(&at, &mut errors);

        let mut severity = BTreeMap::new();
        for (code, level) in raw.check.severity {
            if !CHECK_CODES.contains(&code.get_ref().as_str()) {
                errors.push(error(
                    "check.severity",
                    code.span(),
                    match crate::closest(code.get_ref(), CHECK_CODES.iter().copied()) {
                        Some(close) => format!(
                            "unknown diagnostic code `{}`; did you mean `{close}`?",
                            code.get_ref()
                        ),
                        None => format!(
                            "unknown diagnostic code `{}`; expected one of {}",
                            code.get_ref(),
                            CHECK_CODES.join(", ")
                        ),
                    },
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
            if parsed != SeverityOverride::Error && ERROR_CODES.contains(&code.get_ref().as_str()) {
                errors.push(error(
                    &format!("check.severity.{}", code.get_ref()),
                    level.span(),
                    format!(
                        "`{}` is an error that `render` cannot publish past, so it stays an \
                         error; to publish without an incomplete locale, make it optional in \
                         [locales] or render with --skip-incomplete",
                        code.get_ref()
                    ),
                ));
                continue;
            }
            severity.insert(code.into_inner(), parsed);
        }

        match reference {
            Some(reference) if errors.is_empty() => Ok(Self {
                locales: LocalesConfig {
                    reference,
                    required,
                    optional,
                },
                site: SiteConfig {
                    base_url,
                    accent_color,
                    band_color,
                },
                contact,
                check: CheckConfig {
                    same_as_source_allow: raw.check.same_as_source_allow,
                    severity,
                },
            }),
            _ => Err(ConfigErrors(errors)),
        }
    }
}

/// Why a configured locale may not be used, when it may not.
fn reserved(locale: &Locale) -> Option<String> {
    RESERVED_LOCALES
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(locale.as_str()))
        .map(|(code, why)| format!("the locale code `{code}` is reserved: {why}"))
}

/// A base URL as pages and feeds print it: `http(s)://host[:port][/path]`, without a trailing
/// `/`, credentials, query or fragment, and nothing that would need escaping.
fn base_url(value: &str) -> Result<String, &'static str> {
    let value = value.trim_end_matches('/');
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or("it must start with https:// or http://")?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() {
        return Err("it has no host");
    }
    if host.contains('@') {
        return Err("it must not carry a user name or password");
    }
    if value.contains(['?', '#']) {
        return Err("it must not have a query (`?`) or a fragment (`#`)");
    }
    if value
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || "<>\"'`{}|\\^".contains(c))
    {
        return Err("it holds spaces, control characters or characters a URL must escape");
    }
    Ok(value.to_owned())
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
    fn site_colors_are_hex_and_readable_with_white() {
        let config = Config::parse(
            "beyan.toml",
            "[locales]\nreference = \"en\"\n[site]\naccent-color = \"#0B4F8A\"\nband-color = \"#102a43\"\n",
        )
        .unwrap();
        assert_eq!(config.site.accent_color.unwrap().to_string(), "#0b4f8a");
        assert_eq!(config.site.band_color.unwrap().to_string(), "#102a43");
        let found = errors(
            "[locales]\nreference = \"en\"\n[site]\naccent-color = \"red; }\"\nband-color = \"#ffcc00\"\n",
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].key.as_deref(), Some("site.accent-color"));
        assert!(found[0].message.contains("#rrggbb"), "{}", found[0].message);
        assert_eq!(found[1].line, Some(5));
        assert!(
            found[1].message.contains("contrast of 1."),
            "{}",
            found[1].message
        );
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
    fn reserved_locales_and_unsafe_urls_are_refused() {
        let found = errors(
            "[locales]\nreference = \"en\"\nrequired = [\"assets\", \"en-XA\"]\n[site]\nbase-url = \"https://u:p@x.example/#f\"\n",
        );
        let messages: Vec<_> = found.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(found.len(), 3, "{messages:?}");
        assert!(messages[0].contains("reserved") && messages[1].contains("pseudolocale"));
        assert!(messages[2].contains("user name"));
        for bad in [
            "https://x.example/a\\u0001",
            "https://x.example/#top",
            "ftp://x",
            "https://",
        ] {
            let found = errors(&format!(
                "[locales]\nreference = \"en\"\n[site]\nbase-url = \"{bad}\"\n"
            ));
            assert_eq!(found[0].key.as_deref(), Some("site.base-url"), "{bad}");
        }
    }

    #[test]
    fn many_bad_locales_are_reported_in_linear_time() {
        let codes: Vec<String> = (0..8000).map(|i| format!("\"x_{i}\"")).collect();
        let text = format!(
            "[locales]\nreference = \"en\"\nrequired = [{}]\n",
            codes.join(", ")
        );
        let found = errors(&text);
        assert_eq!(found.len(), 8000);
        // No error copies the 80,000-character line: each is located by line and column.
        assert!(found.iter().all(|e| e.source_line.is_none()));
        assert!(
            found
                .iter()
                .all(|e| e.line == Some(3) && e.column.is_some())
        );
    }

    #[test]
    fn severity_codes_are_checked() {
        let found = errors("[locales]\nreference = \"en\"\n[check.severity]\nstale = \"error\"\n");
        assert_eq!(found[0].line, Some(4));
        assert!(found[0].message.contains("unknown diagnostic code `stale`"));
        let found =
            errors("[locales]\nreference = \"en\"\n[check.severity]\nsame-as-source = \"loud\"\n");
        assert!(found[0].message.contains("unknown severity"));
        for level in ["warning", "off"] {
            let found = errors(&format!(
                "[locales]\nreference = \"en\"\n[check.severity]\nmissing-message = \"{level}\"\n"
            ));
            assert_eq!(found[0].line, Some(4));
            assert!(
                found[0].message.contains("cannot publish past"),
                "{found:?}"
            );
        }
        let raised = "[locales]\nreference = \"en\"\n[check.severity]\nmissing-message = \"error\"\nsame-as-source = \"error\"\nglossary = \"off\"\n";
        assert!(Config::parse("beyan.toml", raised).is_ok());
    }
}
