//! `beyan status`: completion per locale and per release, as a table, JSON or an HTML page.
//! It reports; it never blocks (exit 0 whatever the completion).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use beyan_content::WriteGate;
use beyan_l10n::{Lockfile, status};
use clap::ValueEnum;

use crate::context::{Context, target_locales};
use crate::report;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan status                                a table per locale and per release",
    "beyan status -l ur -f json                   one locale as JSON",
    "beyan status -f html -o status.html         a self-contained dashboard",
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
    let workspace = context.workspace()?;
    let locales = target_locales(&workspace, &args.locales)?;
    let lock = Lockfile::load(&workspace.root)?;
    let status = status(&workspace, &locales, lock.as_ref());
    let text = match args.format {
        Format::Human => report::status_human(&status),
        Format::Json => report::status_json(&status)?,
        Format::Html => report::status_html(&status),
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
