//! `beyan check`: the CI gate.

use std::process::ExitCode;

use beyan_l10n::{CheckOptions, Lockfile, Report, check};
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

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let locales = target_locales(&workspace, &args.locales)?;
    let lock = Lockfile::load(&workspace.root)?;
    let report = check(
        &workspace,
        &CheckOptions {
            locales,
            lock: lock.as_ref(),
        },
    );
    match args.format {
        Format::Human => report::check_human(&report, args.strict),
        Format::Json => report::check_json(&report)?,
        Format::Github => report::check_github(&report),
    }
    Ok(if passes(&report, args.strict) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
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
