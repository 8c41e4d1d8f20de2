//! `releases/<slug>.toml`: the untranslated facts of one press release.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::config_error::from_toml;
use crate::contact::{Located, RawContact};
use crate::{ConfigError, ConfigErrors, Contact, LineIndex, Slug};

/// One press release's metadata. Its text lives in `locales/<locale>/releases/<slug>.ftl`.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub slug: Slug,
    /// Publication date.
    pub date: Date,
    /// Not published before this instant.
    pub embargo: Option<Timestamp>,
    /// The UTC offset the embargo was written with, so pages show it as the press office
    /// wrote it (`9:00 AM GMT+5`), not converted to UTC.
    pub embargo_offset: Option<jiff::tz::Offset>,
    /// The press office's reference number (`112/25`), printed when given.
    pub number: Option<String>,
    /// Overrides the workspace's `[contact]` for this release.
    pub contact: Option<Contact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    date: Spanned<toml::value::Datetime>,
    embargo: Option<Spanned<toml::value::Datetime>>,
    number: Option<Spanned<String>>,
    contact: Option<RawContact>,
}

impl Release {
    /// Parses a release file; `file` names it in errors.
    pub fn parse(slug: Slug, file: &str, text: &str) -> Result<Self, ConfigErrors> {
        let raw: RawRelease = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let mut errors = Vec::new();
        let index = LineIndex::new(text);
        let at = Located {
            file,
            text,
            index: &index,
        };
        let number = raw.number.and_then(|n| at.text("number", n, &mut errors));
        let contact = raw.contact.map(|c| c.resolve(&at, &mut errors));
        let date = {
            let value = raw.date.get_ref();
            match (value.date, value.time) {
                (Some(d), None) => Date::new(d.year as i16, d.month as i8, d.day as i8).ok(),
                _ => None,
            }
        };
        if date.is_none() {
            errors.push(
                ConfigError::new(file, "`date` must be a date such as 2025-11-08")
                    .with_key("date")
                    .at(text, Some(raw.date.span())),
            );
        }
        let embargo = raw.embargo.and_then(|embargo| {
            let value = embargo.get_ref();
            let parsed = value.offset.and_then(|_| {
                let text = value.to_string();
                let instant = text.parse::<Timestamp>().ok()?;
                let offset = jiff::fmt::temporal::Pieces::parse(&text)
                    .ok()?
                    .offset()?
                    .to_numeric_offset();
                Some((instant, offset))
            });
            if parsed.is_none() {
                errors.push(
                    ConfigError::new(
                        file,
                        "`embargo` must be a date and time with a UTC offset, such as 2025-11-08T09:00:00+05:00",
                    )
                    .with_key("embargo")
                    .at(text, Some(embargo.span())),
                );
            }
            parsed
        });
        match date {
            Some(date) if errors.is_empty() => Ok(Self {
                slug,
                date,
                embargo: embargo.map(|(instant, _)| instant),
                embargo_offset: embargo.map(|(_, offset)| offset),
                number,
                contact,
            }),
            _ => Err(ConfigErrors(errors)),
        }
    }

    /// Whether the release may be published at `now`.
    pub fn is_published_at(&self, now: Timestamp) -> bool {
        self.embargo.is_none_or(|embargo| now >= embargo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug() -> Slug {
        Slug::parse("2025-11-08-victory-day").unwrap()
    }

    #[test]
    fn parses_date_and_embargo() {
        let release = Release::parse(
            slug(),
            "r.toml",
            "date = 2025-11-08\nembargo = 2025-11-08T09:00:00+05:00\nnumber = \"112/25\"\n",
        )
        .unwrap();
        assert_eq!(release.date.to_string(), "2025-11-08");
        assert_eq!(release.embargo.unwrap().to_string(), "2025-11-08T04:00:00Z");
        assert_eq!(release.embargo_offset.unwrap().seconds(), 5 * 3600);
        let before: Timestamp = "2025-11-08T03:59:59Z".parse().unwrap();
        assert!(!release.is_published_at(before));
        assert!(release.is_published_at("2025-11-08T04:00:00Z".parse().unwrap()));
    }

    #[test]
    fn a_release_contact_is_validated_like_the_workspace_one() {
        let errors = Release::parse(
            slug(),
            "r.toml",
            "date = 2025-11-08\nnumber = \"1\\u0001\"\n[contact]\nname = \"A\\u0000\"\nemail = \"x@y.z> <script>alert(2)</script\"\nphone = \"<b>\"\n",
        )
        .unwrap_err()
        .0;
        let keys: Vec<_> = errors
            .iter()
            .map(|e| e.key.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            keys,
            ["number", "contact.name", "contact.email", "contact.phone"]
        );
        assert_eq!(errors[2].line, Some(5));
    }

    #[test]
    fn embargo_needs_offset_and_errors_have_lines() {
        let errors = Release::parse(
            slug(),
            "r.toml",
            "date = 2025-11-08\nembargo = 2025-11-08T09:00:00\n",
        )
        .unwrap_err()
        .0;
        assert_eq!(errors[0].key.as_deref(), Some("embargo"));
        assert_eq!(errors[0].line, Some(2));
        let errors = Release::parse(slug(), "r.toml", "date = \"yesterday\"\n")
            .unwrap_err()
            .0;
        assert_eq!(errors[0].line, Some(1));
        let errors = Release::parse(slug(), "r.toml", "date = 2025-11-08\ntitle = \"x\"\n")
            .unwrap_err()
            .0;
        assert_eq!(errors[0].key.as_deref(), Some("title"));
    }
}
