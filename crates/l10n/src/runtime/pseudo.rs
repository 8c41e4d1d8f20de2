//! Pseudolocales for layout testing before translations exist: the reference text accented and
//! about 30% longer (`en-XA`), or flipped and set right to left (`ar-XB`), the codes Android and
//! Chrome use for the same purpose. They are synthetic: built from the reference's files at
//! render time, never configured, never checked, never counted as translations.

use std::borrow::Cow;

use beyan_content::Locale;

use crate::runtime::bundle::BundleOptions;

/// A synthetic locale derived from the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pseudo {
    /// `en-XA`: accented letters, vowels doubled (~30% longer), left to right.
    Accented,
    /// `ar-XB`: letters turned upside down, laid out right to left.
    Flipped,
}

impl Pseudo {
    pub const ALL: [Self; 2] = [Self::Accented, Self::Flipped];

    pub fn code(self) -> &'static str {
        match self {
            Self::Accented => "en-XA",
            Self::Flipped => "ar-XB",
        }
    }

    pub fn locale(self) -> Locale {
        // Both codes are valid BCP 47; parsing cannot fail.
        Locale::parse(self.code()).unwrap_or_else(|_| unreachable!("valid BCP 47"))
    }

    /// Whether `locale` is one of the pseudolocale codes.
    pub fn of(locale: &Locale) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == locale.as_str())
    }

    /// Bundle options that apply the transformation to every text fragment of a message.
    pub fn bundle_options(self) -> BundleOptions {
        BundleOptions {
            transform: Some(match self {
                Self::Accented => accented,
                Self::Flipped => flipped,
            }),
        }
    }
}

fn accented(text: &str) -> Cow<'_, str> {
    outside_link_targets(text, |part| fluent_pseudo::transform(part, false, true))
}

fn flipped(text: &str) -> Cow<'_, str> {
    outside_link_targets(text, |part| fluent_pseudo::transform(part, true, false))
}

/// Applies `transform` to the text but not to the targets of inline links (`](https://…)`),
/// so that a pseudolocalized link still points where the reference's does.
fn outside_link_targets<'a>(
    text: &'a str,
    transform: impl Fn(&str) -> Cow<'_, str>,
) -> Cow<'a, str> {
    if !text.contains("](") {
        return Cow::Owned(transform(text).into_owned());
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        let target_start = start + 2;
        out.push_str(&transform(&rest[..target_start]));
        let Some(len) = rest[target_start..].find(')') else {
            // An unclosed target is text, like any other.
            out.push_str(&transform(&rest[target_start..]));
            return Cow::Owned(out);
        };
        out.push_str(&rest[target_start..target_start + len + 1]);
        rest = &rest[target_start + len + 1..];
    }
    out.push_str(&transform(rest));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_is_longer_and_flipped_is_rtl() {
        let text = "Read the statement of the Embassy";
        let accented = accented(text);
        assert_ne!(accented, text);
        let grown = accented.chars().count() as f64 / text.chars().count() as f64;
        assert!(grown > 1.2, "{accented}: {grown}");
        assert_eq!(flipped("Hello World"), "Hǝʅʅo Moɹʅp");
        assert_eq!(
            crate::Direction::of(&Pseudo::Flipped.locale()),
            crate::Direction::Rtl
        );
        assert_eq!(
            crate::Direction::of(&Pseudo::Accented.locale()),
            crate::Direction::Ltr
        );
    }

    #[test]
    fn link_targets_are_kept() {
        let out = accented("Read [the statement](https://example.org/a) now");
        assert!(out.contains("](https://example.org/a)"), "{out}");
        assert!(out.starts_with("Řeeaaḓ [ŧħee"), "{out}");
        let out = flipped("[a](mailto:x@example.org) and [b](broken");
        assert!(out.contains("](mailto:x@example.org)"), "{out}");
        assert!(!out.contains("broken"), "an unclosed target is text: {out}");
    }

    #[test]
    fn codes_round_trip() {
        for pseudo in Pseudo::ALL {
            assert_eq!(Pseudo::of(&pseudo.locale()), Some(pseudo));
        }
        assert_eq!(Pseudo::of(&Locale::parse("en").unwrap()), None);
    }
}
