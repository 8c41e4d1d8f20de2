//! The press office's media contact, as `beyan.toml` and a release's TOML both write it, and
//! the rules that keep any configured text publishable in every output format.

use serde::Deserialize;
use toml::Spanned;

use crate::{ConfigError, LineIndex};

/// The press office's media contact: facts, not translated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// `[contact]` as written.
#[derive(Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContact {
    /// A person's name; the office's own name is `contact-name` in each locale's common.ftl.
    #[schemars(with = "Option<String>")]
    name: Option<Spanned<String>>,
    /// The press office's e-mail address.
    #[schemars(with = "Option<String>")]
    email: Option<Spanned<String>>,
    /// The press office's telephone number: digits, spaces and + - ( ) . /
    #[schemars(with = "Option<String>")]
    phone: Option<Spanned<String>>,
}

/// Where a TOML file's errors are reported.
pub(crate) struct Located<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl Located<'_> {
    pub fn error(&self, key: &str, span: std::ops::Range<usize>, message: String) -> ConfigError {
        ConfigError::new(self.file, message)
            .with_key(key)
            .at_index(self.index, self.text, span)
    }

    /// The value, or an error when it holds a character no output format can carry.
    pub fn text(
        &self,
        key: &str,
        value: Spanned<String>,
        errors: &mut Vec<ConfigError>,
    ) -> Option<String> {
        match invalid_character(value.get_ref()) {
            Some(c) => {
                errors.push(self.error(
                    key,
                    value.span(),
                    format!(
                        "the value holds the control character U+{:04X}, which no output format can carry; remove it",
                        u32::from(c)
                    ),
                ));
                None
            }
            None => Some(value.into_inner()),
        }
    }
}

impl RawContact {
    /// Validates every field; problems go to `errors` with their key (`contact.email`).
    pub(crate) fn resolve(self, at: &Located<'_>, errors: &mut Vec<ConfigError>) -> Contact {
        let name = self.name.and_then(|v| at.text("contact.name", v, errors));
        let email = self.email.and_then(|value| {
            if is_email(value.get_ref()) {
                Some(value.into_inner())
            } else {
                let message = format!(
                    "`{}` is not an e-mail address",
                    value.get_ref().escape_debug()
                );
                errors.push(at.error("contact.email", value.span(), message));
                None
            }
        });
        let phone = self.phone.and_then(|value| {
            if is_phone(value.get_ref()) {
                Some(value.into_inner())
            } else {
                let message = format!(
                    "`{}` is not a telephone number: use digits, spaces and + - ( ) . /",
                    value.get_ref().escape_debug()
                );
                errors.push(at.error("contact.phone", value.span(), message));
                None
            }
        });
        Contact { name, email, phone }
    }
}

/// The first character of `text` that no output format can carry: C0 controls but tab and
/// newline (XML 1.0 forbids them even escaped), U+FFFE, U+FFFF and the other noncharacters.
pub fn invalid_character(text: &str) -> Option<char> {
    text.chars().find(|&c| is_invalid_character(c))
}

/// Whether `c` is a character no output format can carry (see [`invalid_character`]).
pub fn is_invalid_character(c: char) -> bool {
    let code = u32::from(c);
    (code < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// `user@host.tld`, with nothing that would need quoting in a header or a page.
fn is_email(value: &str) -> bool {
    let Some((user, host)) = value.split_once('@') else {
        return false;
    };
    let plain = |c: char| !c.is_control() && !c.is_whitespace() && !"<>()[]\\,;:\"@'`".contains(c);
    !user.is_empty()
        && user.chars().all(plain)
        && host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

fn is_phone(value: &str) -> bool {
    value.chars().any(|c| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " +-().,/#*".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_numbers() {
        assert!(is_email("press@embassy.example"));
        assert!(!is_email("x@y.z> <script>alert(2)</script"));
        assert!(!is_email("a\"b@c.d"));
        assert!(!is_email("ab@c"));
        assert!(is_phone("+92 51 000 0000"));
        assert!(!is_phone("<b>1</b>"));
    }

    #[test]
    fn characters_no_format_carries() {
        assert_eq!(invalid_character("A\u{1}B"), Some('\u{1}'));
        assert_eq!(invalid_character("A\u{0}"), Some('\u{0}'));
        assert_eq!(invalid_character("x\u{FFFF}"), Some('\u{FFFF}'));
        assert_eq!(invalid_character("x\u{1FFFE}"), Some('\u{1FFFE}'));
        assert_eq!(invalid_character("x\u{FDD0}"), Some('\u{FDD0}'));
        assert_eq!(invalid_character("tab\tnew\nline İ اردو"), None);
    }
}
