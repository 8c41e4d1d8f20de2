//! `beyan tm export`: the workspace's translations of one locale as a TMX 1.4b translation
//! memory, for CAT tools.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use beyan_content::WriteGate;
use beyan_l10n::{Lockfile, TranslationMemory, load_catalogs, to_tmx};

use crate::context::{Context, target_locales};

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan tm export -l az -o az.tmx             the fresh az translations as TMX 1.4b",
))]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Writes the locale's fresh translations as TMX 1.4b (stdout, or -o FILE).
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan tm export -l az -o az.tmx",
    "beyan tm export -l ur > ur.tmx",
))]
struct ExportArgs {
    /// The target locale.
    #[arg(long = "locale", short = 'l', value_name = "L")]
    locale: String,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let Command::Export(args) = args.command;
    let workspace = context.workspace()?;
    let locale = target_locales(&workspace, std::slice::from_ref(&args.locale))?.remove(0);
    // Judged before any work: a refused -o costs nothing.
    let target = match &args.output {
        Some(path) => Some(WriteGate::for_workspace(&workspace.root)?.output_file(path)?),
        None => None,
    };
    let lock = Lockfile::load(&workspace.root)?;
    let reference = workspace.config.locales.reference.clone();
    let catalogs = load_catalogs(&workspace.root, &[reference.clone(), locale.clone()]);
    let memory = TranslationMemory::new(&catalogs[0], &catalogs[1], lock.as_ref());
    let tmx = to_tmx(&memory, reference.as_str(), locale.as_str());
    match (&args.output, &target) {
        (Some(path), Some(target)) => {
            beyan_content::write_atomically(target, tmx.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "wrote {}: {} translation units ({reference} → {locale})",
                path.display(),
                memory.len()
            );
        }
        _ => std::io::stdout().lock().write_all(tmx.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
