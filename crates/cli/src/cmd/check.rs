//! `beyan check`: the CI gate.

use std::process::ExitCode;

use beyan_content::{ConfigError, ConfigErrors};
use beyan_l10n::{LockError, Lockfile, Report, check_catalogs, list_catalogs};
use clap::ValueEnum;

use crate::context::{Context, target_locales};
use crate::report;
use crate::threads;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan check                        every locale against the reference",
    "beyan check -l az,tr --strict      two locales; warnings block too",
    "beyan check -f github              annotations on a pull request",
    "beyan check -f json > report.json  one JSON document",
    "beyan explain unknown-variable     what a diagnostic code means and how to fix it",
))]
pub struct Args {
    /// Check only this locale (repeatable).
    #[arg(long = "locale", short = 'l', value_name = "L", value_delimiter = ',')]
    locales: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Warnings of required locales block too.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = match context.workspace() {
        Ok(workspace) => workspace,
        Err(error) if args.format != Format::Human => {
            return configuration_errors(args.format, error);
        }
        Err(error) => return Err(error),
    };
    let locales = target_locales(&workspace, &args.locales)?;
    let listing = list_catalogs(
        &workspace.root,
        &workspace.config.locales.selected(&locales),
    );
    let small = listing.is_smaller_than(threads::ONE_THREAD_BELOW);
    let (lock, catalogs) = if small {
        threads::stay_on_this_thread();
        (Ok(Lockfile::load_records(&workspace.root)), listing.load())
    } else {
        // The lock is read while the locales are parsed: a large one costs as much as a locale.
        std::thread::scope(|scope| {
            let lock = scope.spawn(|| Lockfile::load_records(&workspace.root));
            let catalogs = listing.load();
            (lock.join(), catalogs)
        })
    };
    let lock = match lock.map_err(|_| anyhow::anyhow!("reading beyan.lock failed"))? {
        Ok(lock) => lock,
        Err(error) if args.format != Format::Human => {
            return configuration_errors(args.format, error.into());
        }
        Err(error) => return Err(error.into()),
    };
    // What `render` will ask of the reference: the labels its templates print.
    let templates = beyan_render::TemplateSet::load(&workspace.root)?;
    let required = beyan_render::template_requirements(&templates);
    let report = check_catalogs(&workspace, &catalogs, lock.as_ref(), &required);
    // A large workspace's catalogs are hundreds of thousands of small values: they are freed on
    // another thread while the report prints, and the process exits without waiting for it.
    if !small {
        std::thread::spawn(move || drop((catalogs, lock)));
    }
    match args.format {
        Format::Human => report::check_human(&report, args.strict, context.quiet, &workspace.root),
        Format::Json => report::check_json(&report, args.strict)?,
        Format::Github => report::check_github(&report, args.strict),
        Format::Sarif => report::check_sarif(&report)?,
    }
    let code = if passes(&report, args.strict) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    Ok(code)
}

/// A machine reading the output gets the errors in the configuration (`beyan.toml`, a
/// release's TOML, `beyan.lock`) in its own format, and the person on stderr; exit 2.
/// Any other error is returned as it is.
fn configuration_errors(format: Format, error: anyhow::Error) -> anyhow::Result<ExitCode> {
    let Some(errors) = config_errors_of(&error) else {
        return Err(error);
    };
    match format {
        Format::Json => report::config_errors_json(&errors)?,
        Format::Github => report::config_errors_github(&errors),
        Format::Sarif => report::config_errors_sarif(&errors)?,
        Format::Human => {}
    }
    report::error(&error);
    Ok(ExitCode::from(2))
}

/// The configuration errors an error carries: those of `beyan.toml` and the releases' TOML,
/// or the one of `beyan.lock`; `None` for any other error.
pub(crate) fn config_errors_of(error: &anyhow::Error) -> Option<Vec<ConfigError>> {
    if let Some(errors) = error.downcast_ref::<ConfigErrors>() {
        return Some(errors.0.clone());
    }
    let lock = error.downcast_ref::<LockError>()?;
    let mut config = ConfigError::new(lock.file.clone(), lock.message.clone());
    if let Some((line, column)) = lock.position {
        (config.line, config.column) = (Some(line), Some(column));
    }
    Some(vec![config])
}

/// Whether CI may merge (see [`report::Verdict`]).
pub fn passes(report: &Report, strict: bool) -> bool {
    report::Verdict::of(report, strict).passed
}
