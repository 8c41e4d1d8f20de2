//! Locale-aware case mapping: Turkish and Azerbaijani `i` upper-cases to `İ`, not `I`.

use std::borrow::Cow;

use beyan_content::Locale;
use icu::casemap::CaseMapper;

/// Upper-cases `text` with the rules of `locale` (CLDR special casing through ICU4X).
pub fn to_upper<'t>(locale: &Locale, text: &'t str) -> Cow<'t, str> {
    let langid = icu::locale::LanguageIdentifier::try_from_str(locale.as_str())
        .unwrap_or(icu::locale::LanguageIdentifier::UNKNOWN);
    CaseMapper::new().uppercase_to_string(text, &langid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(code: &str, text: &str) -> String {
        to_upper(&Locale::parse(code).unwrap(), text).into_owned()
    }

    #[test]
    fn dotted_capital_i_in_turkic_languages() {
        assert_eq!(upper("tr", "İzmir"), "İZMİR");
        assert_eq!(upper("tr", "Şirvan"), "ŞİRVAN");
        assert_eq!(upper("az", "Şirvan"), "ŞİRVAN");
        assert_eq!(upper("az", "İslamabad"), "İSLAMABAD");
        assert_eq!(upper("tr", "istanbul"), "İSTANBUL");
        assert_eq!(upper("en", "istanbul"), "ISTANBUL");
        assert_eq!(upper("en", "Islamabad"), "ISLAMABAD");
        assert_eq!(upper("ur", "اسلام آباد"), "اسلام آباد");
    }
}
