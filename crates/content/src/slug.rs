//! Release slugs: `[a-z0-9][a-z0-9-]*`, safe as a file name and in a URL.

use std::fmt;

/// A validated release slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

/// Slugs that would collide with a locale's own pages (`index.html`, `feed.xml`, the
/// sitemap), or that Windows cannot use as a file name.
const RESERVED: &[&str] = &[
    "index", "feed", "sitemap", "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
    "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
    "lpt9",
];

impl Slug {
    pub fn parse(text: &str) -> Result<Self, String> {
        if RESERVED.contains(&text) {
            Err(format!(
                "`{text}` is a reserved name (it would collide with a page beyan writes, or is not a file name on Windows); choose another slug"
            ))
        } else if is_valid_slug(text) {
            Ok(Self(text.to_owned()))
        } else {
            Err(format!(
                "`{text}` is not a valid slug: use lower-case letters a-z, digits and `-`, starting with a letter or digit"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn is_valid_slug(text: &str) -> bool {
    let mut bytes = text.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("2025-11-08-victory-day"));
        assert!(is_valid_slug("a"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("-a"));
        assert!(!is_valid_slug("A"));
        assert!(!is_valid_slug("a/b"));
        assert!(!is_valid_slug(".."));
        assert!(!is_valid_slug("a_b"));
        for reserved in ["index", "feed", "sitemap", "con", "nul", "aux", "com1"] {
            let error = Slug::parse(reserved).unwrap_err();
            assert!(error.contains("reserved"), "{error}");
        }
        assert!(Slug::parse("index-2").is_ok());
    }
}
