//! The Fluent functions translators may call, `DATETIME` and `NUMBER`, and the number formatter
//! every bundle uses, all backed by CLDR data through ICU4X.
//!
//! fluent-rs ships no `DATETIME` and its `NUMBER` ignores grouping and locale symbols, so both
//! are replaced here. Dates reach messages as ISO strings (`2025-11-08`, or an RFC 3339
//! timestamp with its offset for date and time): Fluent arguments stay plain text and the
//! templates can pass dates through unchanged.

use fluent::types::{FluentNumber, FluentNumberOptions};
use fluent::{FluentArgs, FluentValue};
use icu::calendar::{Date, Gregorian};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{self, zone::LocalizedOffsetShort};
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu::locale::Locale as IcuLocale;
use icu::time::zone::UtcOffset;
use icu::time::{Time, ZonedDateTime};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

/// A CLDR date or time length, as in ECMA-402's `dateStyle` and `timeStyle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Full,
    Long,
    Medium,
    Short,
}

impl Style {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "full" => Some(Self::Full),
            "long" => Some(Self::Long),
            "medium" => Some(Self::Medium),
            "short" => Some(Self::Short),
            _ => None,
        }
    }
}

/// A date, or an instant at a known UTC offset, to be formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateInput {
    Date(jiff::civil::Date),
    DateTime {
        local: jiff::civil::DateTime,
        offset: jiff::tz::Offset,
    },
}

impl DateInput {
    /// Reads `2025-11-08` or `2025-11-08T09:00:00+05:00` (`Z` for UTC).
    pub fn parse(text: &str) -> Option<Self> {
        // jiff reads a date out of a date-time too; only a bare date is a `Date` here.
        if text.len() <= "+002025-11-08".len() {
            return text.parse().ok().map(Self::Date);
        }
        let pieces = jiff::fmt::temporal::Pieces::parse(text).ok()?;
        let time = pieces.time()?;
        let offset = pieces.offset()?.to_numeric_offset();
        Some(Self::DateTime {
            local: pieces.date().to_datetime(time),
            offset,
        })
    }
}

/// Formats `$input` with a Gregorian formatter for the field set `$fset` (a macro, because each
/// field set is its own type and the formatter's bounds are not worth spelling out per call).
macro_rules! format_with {
    ($prefs:expr, $fset:expr, $input:expr) => {
        FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new($prefs, $fset)
            .ok()
            .map(|formatter| formatter.format($input).to_string())
    };
}

/// Formats a date (and, with `time_style`, its time and UTC offset) for `locale` in the
/// Gregorian calendar, which is what a press release's dateline uses in every language here.
pub fn format_date(
    locale: &IcuLocale,
    input: DateInput,
    date_style: Style,
    time_style: Option<Style>,
) -> Option<String> {
    let prefs = icu::datetime::DateTimeFormatterPreferences::from(locale);
    let (date, time) = match input {
        DateInput::Date(date) => (date, None),
        DateInput::DateTime { local, offset } => (local.date(), Some((local.time(), offset))),
    };
    let date = Date::try_new_gregorian(
        i32::from(date.year()),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()?;
    let Some((time, offset)) = time.filter(|_| time_style.is_some()) else {
        let formatted = match date_style {
            Style::Full => format_with!(prefs, fieldsets::YMDE::long(), &date),
            Style::Long => format_with!(prefs, fieldsets::YMD::long(), &date),
            Style::Medium => format_with!(prefs, fieldsets::YMD::medium(), &date),
            Style::Short => format_with!(prefs, fieldsets::YMD::short(), &date),
        };
        return formatted;
    };
    let zoned = ZonedDateTime {
        date,
        time: Time::try_new(
            u8::try_from(time.hour()).ok()?,
            u8::try_from(time.minute()).ok()?,
            u8::try_from(time.second()).ok()?,
            0,
        )
        .ok()?,
        zone: UtcOffset::try_from_seconds(offset.seconds()).ok()?,
    };
    // A short time shows minutes; the longer ones seconds too, as CLDR's time formats do.
    let seconds = !matches!(time_style, Some(Style::Short));
    macro_rules! with_time {
        ($fset:expr) => {
            if seconds {
                format_with!(
                    prefs,
                    $fset.with_time_hms().with_zone(LocalizedOffsetShort),
                    &zoned
                )
            } else {
                format_with!(
                    prefs,
                    $fset.with_time_hm().with_zone(LocalizedOffsetShort),
                    &zoned
                )
            }
        };
    }
    match date_style {
        Style::Full => with_time!(fieldsets::YMDE::long()),
        Style::Long => with_time!(fieldsets::YMD::long()),
        Style::Medium => with_time!(fieldsets::YMD::medium()),
        Style::Short => with_time!(fieldsets::YMD::short()),
    }
}

/// Formats a number for `locale` with CLDR symbols and, unless switched off, grouping.
pub fn format_number(locale: &IcuLocale, number: &FluentNumber) -> Option<String> {
    let options = &number.options;
    let value = number.value;
    if !value.is_finite() {
        return None;
    }
    // Rust prints the shortest text that reads back as the same f64, never in exponent form.
    let mut decimal = Decimal::try_from_str(&format!("{value}")).ok()?;
    if let Some(max) = options.maximum_fraction_digits {
        decimal.round(-(i16::try_from(max.min(100)).ok()?));
    }
    if let Some(min) = options.minimum_fraction_digits {
        decimal.pad_end(-(i16::try_from(min.min(100)).ok()?));
    }
    if let Some(min) = options.minimum_integer_digits {
        decimal.pad_start(i16::try_from(min.min(100)).ok()?);
    }
    let grouping = if options.use_grouping {
        GroupingStrategy::Auto
    } else {
        GroupingStrategy::Never
    };
    let mut formatter_options = DecimalFormatterOptions::default();
    formatter_options.grouping_strategy = Some(grouping);
    let formatter = DecimalFormatter::try_new(locale.into(), formatter_options).ok()?;
    Some(formatter.format_to_string(&decimal))
}

pub(crate) fn icu_locale(langid: &LanguageIdentifier) -> IcuLocale {
    IcuLocale::try_from_str(&langid.to_string()).unwrap_or(IcuLocale::UNKNOWN)
}

thread_local! {
    /// Failures of beyan's functions while the current thread formats one message: fluent-rs
    /// prints a failed call as `{DATETIME()}` without reporting it, and a page must never
    /// carry that, so the bundle checks this after formatting.
    static FAILURES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Forgets earlier failures, before formatting a message on this thread.
pub(crate) fn clear_failures() {
    FAILURES.with(|f| f.borrow_mut().clear());
}

/// The failures recorded since `clear_failures` on this thread.
pub(crate) fn take_failures() -> Vec<String> {
    FAILURES.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

fn fail<'a>(message: String) -> FluentValue<'a> {
    FAILURES.with(|f| f.borrow_mut().push(message));
    FluentValue::Error
}

/// `DATETIME($date, dateStyle: "long", timeStyle: "short")`.
pub(crate) fn datetime<'a>(
    locale: &IcuLocale,
    positional: &[FluentValue<'a>],
    named: &FluentArgs<'_>,
) -> FluentValue<'a> {
    let Some(FluentValue::String(text)) = positional.first() else {
        return fail("DATETIME() needs a date as its first argument".to_owned());
    };
    let Some(input) = DateInput::parse(text) else {
        return fail(format!(
            "DATETIME(): `{text}` is not a date (2025-11-08) or a date and time with an offset"
        ));
    };
    let style = |key: &str| match named.get(key) {
        Some(FluentValue::String(s)) => Style::parse(s).map(Some).ok_or(()),
        Some(_) => Err(()),
        None => Ok(None),
    };
    let (Ok(date_style), Ok(time_style)) = (style("dateStyle"), style("timeStyle")) else {
        return fail(
            "DATETIME(): dateStyle and timeStyle are \"full\", \"long\", \"medium\" or \"short\""
                .to_owned(),
        );
    };
    match format_date(
        locale,
        input,
        date_style.unwrap_or(Style::Medium),
        time_style,
    ) {
        Some(text) => FluentValue::String(text.into()),
        None => fail(format!("DATETIME(): `{text}` cannot be formatted")),
    }
}

/// `NUMBER($n, useGrouping: "false", minimumFractionDigits: 2)`: keeps the value a number (so
/// plural selectors still work) and records the options for the formatter.
pub(crate) fn number<'a>(
    positional: &[FluentValue<'a>],
    named: &FluentArgs<'_>,
) -> FluentValue<'a> {
    match positional.first() {
        Some(FluentValue::Number(n)) => {
            let mut n = n.clone();
            n.options.merge(named);
            FluentValue::Number(n)
        }
        Some(FluentValue::String(s)) => match s.parse::<f64>() {
            Ok(value) => {
                let mut options = FluentNumberOptions::default();
                options.merge(named);
                FluentValue::Number(FluentNumber::new(value, options))
            }
            Err(_) => fail(format!("NUMBER(): `{s}` is not a number")),
        },
        _ => fail("NUMBER() needs a number as its first argument".to_owned()),
    }
}

/// The bundle's locale, fetched through the memoizer: the formatter hook is a plain `fn` and
/// the memoizer is the only per-bundle state it is handed.
struct BundleLocale(IcuLocale);

impl Memoizable for BundleLocale {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(Self(icu_locale(&lang)))
    }
}

/// The bundle's formatter hook: every number, with or without `NUMBER()`, is formatted by ICU.
pub(crate) fn format_value(
    value: &FluentValue<'_>,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let locale = memoizer
        .with_try_get::<BundleLocale, _, _>((), |l| l.0.clone())
        .ok()?;
    format_number(&locale, number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(code: &str, text: &str, date_style: Style, time_style: Option<Style>) -> String {
        let locale = IcuLocale::try_from_str(code).unwrap();
        format_date(
            &locale,
            DateInput::parse(text).unwrap(),
            date_style,
            time_style,
        )
        .unwrap()
    }

    #[test]
    fn long_dates_in_every_sample_language() {
        assert_eq!(
            date("en", "2025-11-08", Style::Long, None),
            "November 8, 2025"
        );
        assert_eq!(date("az", "2025-11-08", Style::Long, None), "8 noyabr 2025");
        assert_eq!(date("tr", "2025-11-08", Style::Long, None), "8 Kasım 2025");
        assert_eq!(date("ur", "2025-11-08", Style::Long, None), "8 نومبر، 2025");
    }

    #[test]
    fn other_date_styles() {
        assert_eq!(
            date("en", "2025-11-08", Style::Full, None),
            "Saturday, November 8, 2025"
        );
        assert_eq!(date("en", "2025-11-08", Style::Medium, None), "Nov 8, 2025");
        assert_eq!(date("en", "2025-11-08", Style::Short, None), "11/8/25");
        assert_eq!(date("tr", "2025-11-08", Style::Short, None), "8.11.2025");
    }

    #[test]
    fn date_and_time_keep_their_offset() {
        let text = "2025-11-08T09:00:00+05:00";
        assert_eq!(
            date("en", text, Style::Long, Some(Style::Short)),
            "November 8, 2025 at 9:00\u{202f}AM GMT+5"
        );
        let utc = date(
            "tr",
            "2025-11-08T04:00:00Z",
            Style::Long,
            Some(Style::Short),
        );
        assert!(
            utc.starts_with("8 Kasım 2025") && utc.contains("04:00"),
            "{utc}"
        );
        assert!(
            DateInput::parse("2025-11-08T09:00:00").is_none(),
            "no offset, no instant"
        );
        assert!(DateInput::parse("yesterday").is_none());
    }

    #[test]
    fn numbers_are_grouped_per_locale() {
        let n = |code: &str, value: f64, grouping: bool| {
            let options = FluentNumberOptions {
                use_grouping: grouping,
                ..Default::default()
            };
            format_number(
                &IcuLocale::try_from_str(code).unwrap(),
                &FluentNumber::new(value, options),
            )
            .unwrap()
        };
        assert_eq!(n("en", 1234567.0, true), "1,234,567");
        assert_eq!(n("tr", 1234567.0, true), "1.234.567");
        assert_eq!(n("az", 1234567.0, true), "1.234.567");
        assert_eq!(n("en", 1234567.0, false), "1234567");
        assert_eq!(n("en", 2.5, true), "2.5");
        assert_eq!(n("tr", 2.5, true), "2,5");
    }
}
