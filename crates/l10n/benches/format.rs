//! Micro-benchmarks of message formatting, the runtime side of a render: formatting messages of
//! the sample workspace (plain, with `DATETIME`, with `NUMBER` and plural selection) through a
//! release's bundle, the ICU4X formatters behind `DATETIME` and `NUMBER` called directly, and
//! building the bundles a render builds per locale and per release. Every benchmark runs in the
//! four sample languages (en, az, tr, ur).
//!
//! `cargo bench -p beyan-l10n --bench format`. Figures are machine-dependent.

use std::path::{Path, PathBuf};

use beyan_content::Locale;
use beyan_l10n::{
    BundleBuilder, BundleOptions, Catalog, DateInput, FluentArgs, FluentValue, FtlFile,
    LocaleBundle, Style, format_date, format_number, load_catalog,
};
use fluent::types::{FluentNumber, FluentNumberOptions};

fn main() {
    divan::main();
}

const LOCALES: [&str; 4] = ["en", "az", "tr", "ur"];

/// The release of the sample workspace (`locales/*/releases/<SLUG>.ftl`).
const SLUG: &str = "2025-11-08-victory-day";

/// A shared file added in memory to every locale: the sample files format numbers only
/// implicitly (`releases-count`), never through `NUMBER()`.
const NUMBER_FTL: &str = "\
bench-downloads =
    { NUMBER($count) ->
        [one] { NUMBER($count) } download
       *[other] { NUMBER($count) } downloads
    }
";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn locale(code: &str) -> Locale {
    Locale::parse(code).expect("locale")
}

fn icu_locale(code: &str) -> icu::locale::Locale {
    icu::locale::Locale::try_from_str(code).expect("ICU locale")
}

/// The locale's `.ftl` files of the sample workspace, plus `NUMBER_FTL` as `bench.ftl`.
fn catalog(code: &str) -> Catalog {
    let locale = locale(code);
    let mut catalog = load_catalog(&repo_root(), &locale);
    assert!(catalog.exists, "locales/{code}/ of the sample workspace");
    catalog.files.push(FtlFile::parse(
        &locale,
        "bench.ftl".to_owned(),
        NUMBER_FTL.as_bytes(),
    ));
    // `Catalog::file` looks files up by binary search.
    catalog.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    catalog
}

/// The sample release's bundle, as a render builds it.
fn release_bundle(code: &str) -> LocaleBundle {
    let catalog = catalog(code);
    BundleBuilder::new(&catalog, &locale(code), BundleOptions::default())
        .release(Some(SLUG))
        .expect("bundle of the sample release")
}

fn args(name: &'static str, value: FluentValue<'static>) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set(name, value);
    args
}

/// Formatting one message of the sample release's bundle, arguments built beforehand.
mod message {
    use super::*;

    fn bench_format(
        bencher: divan::Bencher<'_, '_>,
        code: &str,
        id: &str,
        args: Option<FluentArgs<'static>>,
    ) {
        let bundle = release_bundle(code);
        // Fail here, not with a benchmark of an error path.
        bundle.format(id, args.as_ref()).expect("message formats");
        // `bench_local`: Fluent arguments are not `Sync`, and the benchmark is single-threaded.
        bencher.bench_local(|| bundle.format(divan::black_box(id), args.as_ref()));
    }

    /// A release message without placeables (`headline`): the floor of the others.
    #[divan::bench(args = LOCALES)]
    fn plain(bencher: divan::Bencher<'_, '_>, code: &str) {
        bench_format(bencher, code, "headline", None);
    }

    /// `release-date = { DATETIME($date, dateStyle: "long") }` (the dateline).
    #[divan::bench(args = LOCALES)]
    fn datetime_date(bencher: divan::Bencher<'_, '_>, code: &str) {
        let args = args("date", "2025-11-08".into());
        bench_format(bencher, code, "release-date", Some(args));
    }

    /// `embargoed-until`: `DATETIME` of an instant, long date and short time with its offset.
    #[divan::bench(args = LOCALES)]
    fn datetime_instant(bencher: divan::Bencher<'_, '_>, code: &str) {
        let args = args("embargo", "2025-11-08T09:00:00+05:00".into());
        bench_format(bencher, code, "embargoed-until", Some(args));
    }

    /// `releases-count`: plural selection on a number, formatted by ICU without `NUMBER()`.
    #[divan::bench(args = LOCALES)]
    fn plural_count(bencher: divan::Bencher<'_, '_>, code: &str) {
        let args = args("count", 1234.into());
        bench_format(bencher, code, "releases-count", Some(args));
    }

    /// `NUMBER($count)` as the selector and twice as a placeable (in-memory `bench.ftl`).
    #[divan::bench(args = LOCALES)]
    fn number_plural(bencher: divan::Bencher<'_, '_>, code: &str) {
        let args = args("count", 1_234_567.into());
        bench_format(bencher, code, "bench-downloads", Some(args));
    }
}

/// The ICU4X formatters behind `DATETIME` and `NUMBER`, called directly.
mod functions {
    use super::*;

    /// A long date (`8 noyabr 2025`).
    #[divan::bench(args = LOCALES)]
    fn format_date_long(bencher: divan::Bencher<'_, '_>, code: &str) {
        let locale = icu_locale(code);
        let input = DateInput::parse("2025-11-08").expect("date");
        bencher.bench(|| format_date(&locale, divan::black_box(input), Style::Long, None));
    }

    /// A long date and a short time with the UTC offset (an embargo).
    #[divan::bench(args = LOCALES)]
    fn format_date_time(bencher: divan::Bencher<'_, '_>, code: &str) {
        let locale = icu_locale(code);
        let input = DateInput::parse("2025-11-08T09:00:00+05:00").expect("instant");
        bencher.bench(|| {
            format_date(
                &locale,
                divan::black_box(input),
                Style::Long,
                Some(Style::Short),
            )
        });
    }

    /// A grouped integer (`1,234,567`, `1.234.567`).
    #[divan::bench(args = LOCALES)]
    fn format_number_grouped(bencher: divan::Bencher<'_, '_>, code: &str) {
        let locale = icu_locale(code);
        let number = FluentNumber::new(1_234_567.0, FluentNumberOptions::default());
        bencher.bench(|| format_number(&locale, divan::black_box(&number)));
    }

    /// A fraction with fixed digits (`NUMBER($n, minimumFractionDigits: 2)`).
    #[divan::bench(args = LOCALES)]
    fn format_number_fraction(bencher: divan::Bencher<'_, '_>, code: &str) {
        let locale = icu_locale(code);
        let options = FluentNumberOptions {
            minimum_fraction_digits: Some(2),
            maximum_fraction_digits: Some(2),
            ..Default::default()
        };
        let number = FluentNumber::new(1234.5, options);
        bencher.bench(|| format_number(&locale, divan::black_box(&number)));
    }
}

/// Building bundles, as a render does: a builder per locale (parsing the shared files once),
/// then a bundle per release and one of the shared files alone (indexes and feeds).
mod bundle {
    use super::*;

    /// A locale's whole share of rendering one release: the builder, the shared bundle and
    /// the release's bundle.
    #[divan::bench(args = LOCALES)]
    fn locale_bundles(bencher: divan::Bencher<'_, '_>, code: &str) {
        let catalog = catalog(code);
        let locale = locale(code);
        bencher.bench(|| {
            let builder = BundleBuilder::new(&catalog, &locale, BundleOptions::default());
            let shared = builder.release(None).expect("shared bundle");
            let release = builder.release(Some(SLUG)).expect("release bundle");
            (shared, release)
        });
    }

    /// One more release's bundle from a ready builder: the per-release cost in an archive.
    #[divan::bench(args = LOCALES)]
    fn one_release(bencher: divan::Bencher<'_, '_>, code: &str) {
        let catalog = catalog(code);
        let builder = BundleBuilder::new(&catalog, &locale(code), BundleOptions::default());
        bencher.bench(|| {
            builder
                .release(divan::black_box(Some(SLUG)))
                .expect("release bundle")
        });
    }
}
