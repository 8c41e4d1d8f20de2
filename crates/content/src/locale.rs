//! A BCP 47 locale code as written in the workspace.

use std::fmt;

use unic_langid::LanguageIdentifier;

/// A validated locale code, kept in its canonical form (`en`, `az`, `tr`, `ur`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Locale(String);

impl Locale {
    /// Parses and canonicalizes a BCP 47 code; the error says why it is not one.
    pub fn parse(code: &str) -> Result<Self, String> {
        if code.is_empty() {
            return Err("a locale code cannot be empty".to_owned());
        }
        // unic-langid accepts `_` as a separator; a folder name should not.
        if code.contains('_') || code.trim() != code {
            return Err(format!("`{code}` is not a BCP 47 locale code"));
        }
        let id: LanguageIdentifier = code
            .parse()
            .map_err(|_| format!("`{code}` is not a BCP 47 locale code"))?;
        Ok(Self(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn langid(&self) -> LanguageIdentifier {
        // Validated at construction.
        self.0.parse().unwrap_or_default()
    }

    /// The language subtag (`az` of `az-Latn-AZ`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalizes_and_rejects() {
        assert_eq!(Locale::parse("en").unwrap().as_str(), "en");
        assert_eq!(Locale::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert!(Locale::parse("").is_err());
        assert!(Locale::parse("en_US").is_err());
        assert!(Locale::parse("english!").is_err());
        assert!(Locale::parse("../x").is_err());
    }
}
