//! `beyan check`: the CI gate.

use std::process::ExitCode;

use beyan_content::ConfigErrors;
use beyan_l10n::{Lockfile, Report, check_catalogs, load_catalogs};
use clap::ValueEnum;

use crate::context::{Context, target_locales};
use crate::report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Check only this locale (repeatable).
    #[arg(long = "locale", short = 'l', value_name = "L")]
    locales: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
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
        // A machine reading the output gets the configuration errors in its own format.
        Err(error) if args.format != Format::Human => {
            let Some(errors) = error.downcast_ref::<ConfigErrors>() else {
                return Err(error);
            };
            match args.format {
                Format::Json => report::config_errors_json(&errors.0)?,
                Format::Github => report::config_errors_github(&errors.0),
                Format::Sarif => report::config_errors_sarif(&errors.0)?,
                Format::Human => {}
            }
            report::error(&error);
            return Ok(ExitCode::from(2));
        }
        Err(error) => return Err(error),
    };
    let locales = target_locales(&workspace, &args.locales)?;
    // The lock is read while the locales are parsed: a large one costs as much as a locale.
    let (lock, catalogs) = std::thread::scope(|scope| {
        let lock = scope.spawn(|| Lockfile::load(&workspace.root));
        let catalogs = load_catalogs(
            &workspace.root,
            &workspace.config.locales.selected(&locales),
        );
        (lock.join(), catalogs)
    });
    let lock = lock.map_err(|_| anyhow::anyhow!("reading beyan.lock failed"))??;
    let report = check_catalogs(&workspace, &catalogs, lock.as_ref());
    match args.format {
        Format::Human => report::check_human(&report, args.strict),
        Format::Json => report::check_json(&report)?,
        Format::Github => report::check_github(&report),
        Format::Sarif => report::check_sarif(&report)?,
    }
    let code = if passes(&report, args.strict) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    // The process ends right after this: freeing every parsed file and diagnostic one by one
    // would only delay the exit (a large workspace holds hundreds of thousands of values).
    std::mem::forget(catalogs);
    std::mem::forget(report);
    std::mem::forget(lock);
    Ok(code)
}

/// Whether CI may merge: every required locale complete (and, with `--strict`, without
/// warnings), and a reference without errors.
pub fn passes(report: &Report, strict: bool) -> bool {
    let reference_ok =
        report.reference_errors() == 0 && (!strict || report.reference_warnings() == 0);
    reference_ok
        && report
            .locales
            .iter()
            .filter(|l| l.required)
            .all(|l| l.complete && (!strict || l.warnings == 0))
}
