//! CLDR plural categories of a locale, from ICU4X's compiled data.

use beyan_content::Locale;
use icu::plurals::{PluralCategory, PluralRules};

/// The cardinal plural categories a locale distinguishes (`["one", "other"]` for `tr`).
/// A locale ICU4X does not know falls back to its root rules (`other`).
pub fn plural_categories(locale: &Locale) -> Vec<&'static str> {
    let Ok(icu_locale) = locale.as_str().parse::<icu::locale::Locale>() else {
        return vec!["other"];
    };
    let Ok(rules) = PluralRules::try_new_cardinal((&icu_locale).into()) else {
        return vec!["other"];
    };
    rules.categories().map(name).collect()
}

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(code: &str) -> Vec<&'static str> {
        plural_categories(&Locale::parse(code).unwrap())
    }

    #[test]
    fn cldr_categories() {
        assert_eq!(categories("en"), ["one", "other"]);
        assert_eq!(categories("az"), ["one", "other"]);
        assert_eq!(categories("tr"), ["one", "other"]);
        assert_eq!(categories("ur"), ["one", "other"]);
        assert_eq!(
            categories("ar"),
            ["zero", "one", "two", "few", "many", "other"]
        );
        assert_eq!(categories("ja"), ["other"]);
    }
}
