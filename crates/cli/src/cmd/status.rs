//! `beyan status`: completion per locale and per release, as a table, JSON or an HTML page.
//! It reports; it never blocks (exit 0 whatever the completion).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use std::collections::BTreeMap;

use anyhow::Context as _;
use beyan_content::WriteGate;
use beyan_l10n::{BundleBuilder, BundleOptions, Lockfile, load_catalog, status};
use clap::ValueEnum;

use crate::context::{Context, target_locales};
use crate::report;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan status                                a table per locale and per release",
    "beyan status -l ur -f json                   one locale as JSON",
    "beyan status -f html -o status.html         a self-contained dashboard",
    "beyan check -l ur                           the diagnostics behind the errors and warnings",
))]
pub struct Args {
    /// Only this locale (repeatable).
    #[arg(long = "locale", short = 'l', value_name = "L", value_delimiter = ',')]
    locales: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Html,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let loaded = context.workspace().and_then(|workspace| {
        let lock = Lockfile::load(&workspace.root)?;
        Ok((workspace, lock))
    });
    let (workspace, lock) = match loaded {
        Ok(loaded) => loaded,
        // A machine reading the JSON on stdout gets the configuration errors as JSON, as from
        // `check`; the person gets them on stderr either way.
        Err(error) if args.format == Format::Json && args.output.is_none() => {
            let Some(errors) = super::check::config_errors_of(&error) else {
                return Err(error);
            };
            report::config_errors_json(&errors)?;
            report::error(&error);
            return Ok(ExitCode::from(2));
        }
        Err(error) => return Err(error),
    };
    let locales = target_locales(&workspace, &args.locales)?;
    let status = status(&workspace, &locales, lock.as_ref());
    let text = match args.format {
        Format::Human => report::status_human(&status),
        Format::Json => report::status_json(&status)?,
        Format::Html => {
            let all: Vec<_> = workspace.config.locales.all().cloned().collect();
            report::status_html(
                &status,
                &language_names(&workspace.root, &all),
                &generated_at()?,
            )
        }
    };
    match &args.output {
        Some(path) => {
            let target = WriteGate::for_workspace(&workspace.root)?.output_file(path)?;
            // Colour is for terminals, never for a file.
            let text = anstream::adapter::strip_str(&text).to_string();
            beyan_content::write_atomically(&target, text.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => anstream::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Each locale's name in its own words (`language-name` in its shared text), where it has
/// one; the dashboard shows the code alone otherwise.
fn language_names(
    root: &std::path::Path,
    locales: &[beyan_content::Locale],
) -> BTreeMap<String, String> {
    locales
        .iter()
        .filter_map(|locale| {
            let catalog = load_catalog(root, locale);
            let bundle = BundleBuilder::new(&catalog, locale, BundleOptions::default())
                .release(None)
                .ok()?;
            let name = bundle.format("language-name", None).ok()?;
            Some((locale.to_string(), beyan_render::plain(&name)))
        })
        .collect()
}

/// When the dashboard was made, to the minute in UTC: `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention) when set, so a CI can make the same bytes twice.
fn generated_at() -> anyhow::Result<String> {
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(seconds) => {
            let seconds: i64 = seconds
                .trim()
                .parse()
                .with_context(|| format!("SOURCE_DATE_EPOCH `{seconds}` is not a number"))?;
            jiff::Timestamp::from_second(seconds)
                .with_context(|| format!("SOURCE_DATE_EPOCH `{seconds}` is out of range"))?
        }
        Err(_) => jiff::Timestamp::now(),
    };
    Ok(now.strftime("%Y-%m-%d %H:%M UTC").to_string())
}
