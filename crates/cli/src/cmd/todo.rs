//! `beyan todo`: a translator's to-do as a ready-to-fill `.ftl` snippet on stdout; with
//! `--write`, the missing messages appended to the locale's files instead.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use beyan_l10n::{Lockfile, TodoState, load_todo};

use crate::context::{Context, target_locales};

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan todo -l az                            every missing or stale message of az",
    "beyan todo -l az --release 2025-11-08-victory-day",
    "beyan todo -l az --write                    append the missing messages to az's files, ready to fill",
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
    /// Append the missing messages, ready to fill, to the locale's files (created when
    /// absent) instead of printing the to-do; stale and incomplete ones are only listed.
    #[arg(long)]
    write: bool,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let locales = target_locales(&workspace, &args.locales)?;
    for slug in &args.releases {
        beyan_content::Slug::parse(slug).map_err(anyhow::Error::msg)?;
        if workspace.release(slug).is_none() {
            bail!("{}", workspace.unknown_release(slug));
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
        if args.write {
            write_skeletons(&workspace, &todo, &mut out)?;
            continue;
        }
        if i > 0 {
            out.write_all(b"\n\n")?;
        }
        out.write_all(todo.to_ftl().as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `todo --write`: appends each file's missing messages to it (creating it), atomically and
/// through the write gate; a file is a translation source, so only inside the workspace.
fn write_skeletons(
    workspace: &beyan_content::Workspace,
    todo: &beyan_l10n::Todo,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let gate = beyan_content::WriteGate::for_workspace(&workspace.root)?;
    let mut written = 0;
    for file in &todo.files {
        let missing: Vec<String> = file
            .items
            .iter()
            .filter(|item| item.state == TodoState::Missing)
            .map(|item| item.skeleton(&todo.reference, &file.reference_path))
            .collect();
        let others = file.items.len() - missing.len();
        if others > 0 {
            writeln!(
                out,
                "{}: {} to revise by hand (beyan todo --locale {})",
                file.path,
                crate::report::count(
                    others,
                    "stale or incomplete message",
                    "stale or incomplete messages"
                ),
                todo.locale
            )?;
        }
        if missing.is_empty() {
            continue;
        }
        let path = gate.workspace_file(&file.path)?;
        let mut text = match workspace.reader.read(&path) {
            Ok(Some(bytes)) => String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("{}: not UTF-8; nothing was written", file.path))?,
            Ok(None) => String::new(),
            Err(refused) => return Err(refused.into()),
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for block in &missing {
            text.push('\n');
            text.push_str(block);
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        beyan_content::write_atomically(&path, text.as_bytes())?;
        written += missing.len();
        writeln!(
            out,
            "{}: {} to translate appended",
            file.path,
            crate::report::count(missing.len(), "message", "messages")
        )?;
    }
    if written > 0 {
        writeln!(
            out,
            "next: write the {} text after each empty `=`, then run `beyan check --locale {}`",
            todo.locale, todo.locale
        )?;
    } else {
        writeln!(out, "{}: nothing missing to append", todo.locale)?;
    }
    Ok(())
}
