//! `beyan xliff export` / `beyan xliff import`: XLIFF 2.1 round trips with agencies' CAT tools.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use beyan_content::WriteGate;
use beyan_l10n::{Lockfile, check_catalogs, export_xliff, import_xliff, load_catalogs};

use crate::context::{Context, target_locales};
use crate::report;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan xliff export -l az -o az.xlf          every message of az, for a CAT tool",
    "beyan xliff import az.xlf                   the translated units back into locales/az/",
    "beyan check -l az                           then: what the import left to fix (beyan explain CODE)",
))]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Writes a locale's messages as XLIFF 2.1 (stdout, or -o FILE).
    Export(ExportArgs),
    /// Writes the translated units of XLIFF files into the locale's .ftl files.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan xliff export -l az -o az.xlf",
    "beyan xliff export -l tr --release 2025-11-08-victory-day > release.xlf",
))]
struct ExportArgs {
    /// The target locale.
    #[arg(long = "locale", short = 'l', value_name = "L")]
    locale: String,
    /// Only this release's file (repeatable); shared files are left out.
    #[arg(long = "release", value_name = "SLUG")]
    releases: Vec<String>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan xliff import az.xlf tr.xlf            nothing is written unless every file is valid",
))]
struct ImportArgs {
    /// XLIFF 2 files, as exported by `beyan xliff export` and translated.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Export(args) => export(args, context),
        Command::Import(args) => import(args, context),
    }
}

fn export(args: ExportArgs, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let locale = target_locales(&workspace, std::slice::from_ref(&args.locale))?.remove(0);
    for slug in &args.releases {
        if workspace.release(slug).is_none() {
            bail!("{}", workspace.unknown_release(slug));
        }
    }
    // Judged before any work: a refused -o costs nothing.
    let target = match &args.output {
        Some(path) => Some(WriteGate::for_workspace(&workspace.root)?.output_file(path)?),
        None => None,
    };
    let lock = Lockfile::load(&workspace.root)?;
    let export = export_xliff(&workspace, &locale, &args.releases, lock.as_ref());
    if export.units == 0 {
        bail!("nothing to export: the reference has no messages in the files asked for");
    }
    match (&args.output, &target) {
        (Some(path), Some(target)) => {
            beyan_content::write_atomically(target, export.xml.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "wrote {}: {} in {} for {locale}",
                path.display(),
                crate::report::count(export.units, "unit", "units"),
                crate::report::count(export.files, "file", "files")
            );
        }
        _ => std::io::stdout().lock().write_all(export.xml.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn import(args: ImportArgs, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let lock = Lockfile::load(&workspace.root)?;
    // Every file is read and judged before anything is written.
    let mut imports = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let Ok(text) = String::from_utf8(bytes) else {
            bail!("{}: not UTF-8", path.display());
        };
        match import_xliff(&workspace, &text, lock.as_ref()) {
            Ok(import) => imports.push(import),
            Err(issues) => {
                failed = true;
                let mut err = anstream::stderr().lock();
                for issue in issues {
                    writeln!(
                        err,
                        "{}:{}:{}: error: {}",
                        path.display(),
                        issue.line,
                        issue.column,
                        issue.message
                    )?;
                }
            }
        }
    }
    if failed {
        eprintln!("nothing written: fix the XLIFF files above and import again");
        return Ok(ExitCode::from(1));
    }
    let mut locales = Vec::new();
    let mut out = anstream::stdout().lock();
    let gate = WriteGate::for_workspace(&workspace.root)?;
    for import in &imports {
        if import.files.is_empty() {
            writeln!(out, "{}: no translation changed", import.locale)?;
        }
        for file in &import.files {
            // A translation file is the one source an import may write, inside the workspace.
            let rel = file
                .path
                .strip_prefix(&workspace.root)
                .unwrap_or(&file.path)
                .to_string_lossy()
                .replace('\\', "/");
            let path = gate.workspace_file(&rel)?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            beyan_content::write_atomically(&path, file.text.as_bytes())
                .with_context(|| format!("cannot write {}", file.display))?;
            writeln!(
                out,
                "wrote {}: {} ({})",
                file.display,
                plural(file.messages.len(), "message"),
                file.messages.join(", ")
            )?;
        }
        if !locales.contains(&import.locale) {
            locales.push(import.locale.clone());
        }
    }
    drop(out);
    if !locales.is_empty() {
        let codes: Vec<String> = locales.iter().map(ToString::to_string).collect();
        let locales = target_locales(&workspace, &codes)?;
        let catalogs = load_catalogs(
            &workspace.root,
            &workspace.config.locales.selected(&locales),
        );
        let lock = Lockfile::load(&workspace.root)?;
        let report = check_catalogs(&workspace, &catalogs, lock.as_ref(), &[]);
        let _ = writeln!(anstream::stdout());
        report::check_human(&report, false, context.quiet, &workspace.root);
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
