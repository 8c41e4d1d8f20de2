//! Text direction of a locale, from CLDR's likely scripts (so `ur` and `ur-PK` are right to
//! left without a hand-kept list).

use beyan_content::Locale;
use icu::locale::LocaleDirectionality;

/// The direction in which a locale's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn of(locale: &Locale) -> Self {
        let Ok(langid) = icu::locale::LanguageIdentifier::try_from_str(locale.as_str()) else {
            return Self::Ltr;
        };
        if LocaleDirectionality::new_common().is_right_to_left(&langid) {
            Self::Rtl
        } else {
            Self::Ltr
        }
    }

    /// The value of HTML's `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Self::Rtl
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urdu_is_right_to_left() {
        let dir = |code: &str| Direction::of(&Locale::parse(code).unwrap());
        assert_eq!(dir("ur"), Direction::Rtl);
        assert_eq!(dir("ur-PK"), Direction::Rtl);
        assert_eq!(dir("ar"), Direction::Rtl);
        assert_eq!(dir("en"), Direction::Ltr);
        assert_eq!(dir("az"), Direction::Ltr);
        assert_eq!(dir("tr"), Direction::Ltr);
    }
}
