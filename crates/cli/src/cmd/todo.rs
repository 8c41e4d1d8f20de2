//! `beyan todo`: a translator's to-do as a ready-to-fill `.ftl` snippet on stdout. It never
//! edits a file.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use beyan_l10n::{Lockfile, load_todo};

use crate::context::{Context, target_locales};

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan todo -l az                            every missing or stale message of az",
    "beyan todo -l az --release 2025-11-08-victory-day",
))]
pub struct Args {
    /// The locale to translate (repeatable or comma-separated: one to-do after the other).
    #[arg(
        long = "locale",
        short = 'l',
        value_name = "L",
        value_delimiter = ',',
        required = true
    )]
    locales: Vec<String>,
    /// Only this release's text (repeatable); shared files are left out.
    #[arg(long = "release", value_name = "SLUG")]
    releases: Vec<String>,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let locales = target_locales(&workspace, &args.locales)?;
    for slug in &args.releases {
        beyan_content::Slug::parse(slug).map_err(anyhow::Error::msg)?;
        if workspace.release(slug).is_none() {
            bail!("no release `{slug}` (there is no releases/{slug}.toml)");
        }
    }
    let lock = Lockfile::load(&workspace.root)?;
    let mut out = std::io::stdout().lock();
    for (i, locale) in locales.iter().enumerate() {
        let mut todo = load_todo(&workspace, locale, lock.as_ref());
        if !args.releases.is_empty() {
            todo.files.retain(|f| {
                f.release
                    .as_ref()
                    .is_some_and(|r| args.releases.contains(r))
            });
        }
        if i > 0 {
            out.write_all(b"\n\n")?;
        }
        out.write_all(todo.to_ftl().as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
