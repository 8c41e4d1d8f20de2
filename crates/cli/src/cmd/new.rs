//! `beyan new`: scaffolds a release, its TOML and its reference `.ftl`, never over an existing
//! file.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use beyan_content::{Slug, WriteGate, release_files};
use jiff::civil::Date;

use crate::context::Context;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan new 2026-12-01-trade-mission          dated by its slug",
    "beyan new state-visit --date 2026-12-05",
))]
pub struct Args {
    /// The release's slug: lower-case letters, digits and `-` (e.g. 2025-11-20-state-visit).
    slug: String,
    /// Publication date, YYYY-MM-DD [default: the date the slug starts with, else today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let slug = Slug::parse(&args.slug).map_err(anyhow::Error::msg)?;
    // A dated slug (`2026-12-01-trade-mission`) carries its date.
    let date = match &args.date {
        Some(text) => parse_date(text)?,
        None => args
            .slug
            .get(..10)
            .and_then(|prefix| parse_date(prefix).ok())
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
    };
    let workspace = context.workspace()?;
    let files = release_files(&slug, date, workspace.reference());
    let gate = WriteGate::for_workspace(&workspace.root)?;
    let targets = files
        .iter()
        .map(|f| gate.workspace_file(&f.path))
        .collect::<Result<Vec<_>, _>>()?;
    let existing: Vec<&str> = files
        .iter()
        .zip(&targets)
        .filter(|(_, target)| std::fs::symlink_metadata(target).is_ok())
        .map(|(f, _)| f.path.as_str())
        .collect();
    if !existing.is_empty() {
        bail!(
            "release `{slug}` already exists ({}); nothing was written",
            existing.join(", ")
        );
    }
    for (file, path) in files.iter().zip(&targets) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder of {}", file.path))?;
        }
        beyan_content::write_atomically(path, file.text.as_bytes())
            .with_context(|| format!("cannot write {}", file.path))?;
    }
    if context.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    for file in &files {
        writeln!(out, "created {}", file.path)?;
    }
    writeln!(
        out,
        "next: replace the placeholder text in {}, run `beyan check`, then give translators `beyan todo --locale <locale> --release {slug}`",
        files[1].path
    )?;
    Ok(ExitCode::SUCCESS)
}

fn parse_date(text: &str) -> anyhow::Result<Date> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    match text.parse::<Date>() {
        Ok(date) if well_formed => Ok(date),
        _ => bail!("`{text}` is not a date; use YYYY-MM-DD, e.g. 2025-11-20"),
    }
}
