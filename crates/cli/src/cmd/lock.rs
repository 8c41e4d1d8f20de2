//! `beyan lock`: records which reference text each translation was made from (`beyan.lock`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use beyan_content::WriteGate;
use beyan_l10n::{LockOptions, LockOutcome, Lockfile, lock};

use crate::context::{Context, target_locales};

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan lock                                  record what each translation was made from",
    "beyan lock -l tr --accept headline          confirm an unchanged translation as still right",
))]
pub struct Args {
    /// Lock only this locale (repeatable); the others keep their entries.
    #[arg(long = "locale", short = 'l', value_name = "L", value_delimiter = ',')]
    locales: Vec<String>,
    /// Confirm that the unchanged translations of this message are still valid for the
    /// current reference text (repeatable).
    #[arg(long = "accept", value_name = "ID")]
    accept: Vec<String>,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let locales = target_locales(&workspace, &args.locales)?;
    // A corrupt lock stops here, before anything is written over it.
    let previous = Lockfile::load(&workspace.root)?;
    let outcome = lock(
        &workspace,
        previous.as_ref(),
        &LockOptions {
            locales,
            accept: args.accept,
        },
    )?;
    let path =
        WriteGate::for_workspace(&workspace.root)?.workspace_file(beyan_content::LOCK_FILE)?;
    let text = outcome.lock.to_text();
    let unchanged = workspace
        .reader
        .read(&path)
        .is_ok_and(|old| old.is_some_and(|old| old == text.as_bytes()));
    if !unchanged {
        beyan_content::write_atomically(&path, text.as_bytes())
            .with_context(|| format!("cannot write {}", beyan_content::LOCK_FILE))?;
    }
    if !context.quiet {
        print_summary(&outcome, unchanged)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_summary(outcome: &LockOutcome, unchanged: bool) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    let file = beyan_content::LOCK_FILE;
    let entries = crate::report::count(outcome.entries, "entry", "entries");
    if unchanged {
        writeln!(out, "{file} is up to date: {entries}")?;
    } else {
        let mut details = vec![format!(
            "{} recorded against the current reference text",
            outcome.recorded
        )];
        if outcome.dropped > 0 {
            details.push(format!(
                "{} dropped (message or translation gone)",
                outcome.dropped
            ));
        }
        writeln!(out, "wrote {file}: {entries}; {}", details.join(", "))?;
    }
    for accepted in &outcome.accepted {
        writeln!(
            out,
            "accepted {} in locales/{}/{} as still valid",
            accepted.id, accepted.locale, accepted.file
        )?;
    }
    if !outcome.still_stale.is_empty() {
        let yellow = anstyle::AnsiColor::Yellow.on_default();
        writeln!(
            out,
            "{yellow}{} still stale{yellow:#}: the reference changed after they were translated; edit them, or confirm one with `--accept ID`:",
            crate::report::count(
                outcome.still_stale.len(),
                "translation is",
                "translations are"
            ),
        )?;
        for stale in &outcome.still_stale {
            writeln!(
                out,
                "  locales/{}/{}  {}",
                stale.locale, stale.file, stale.id
            )?;
        }
    }
    Ok(())
}
