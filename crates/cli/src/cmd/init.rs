//! `beyan init`: a new workspace that `check` and `render` accept at once: `beyan.toml`, the
//! built-in templates, the reference's shared text and an example release.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use beyan_content::{Locale, ScaffoldFile, WriteGate, workspace_files};

use crate::context::Context;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan init press --locales az,tr,ur         a new workspace in press/",
    "beyan init                                  the current (empty) folder",
))]
pub struct Args {
    /// The folder to create the workspace in: new, or empty [default: the current folder].
    dir: Option<PathBuf>,
    /// The locales to translate into, required by `beyan check` (comma-separated or repeated).
    #[arg(
        long = "locales",
        short = 'l',
        value_name = "L,...",
        value_delimiter = ','
    )]
    locales: Vec<String>,
    /// The global `--workspace`, taken here so that `init --help` does not list it: the folder
    /// is DIR. Still accepted (`beyan init -w press` is `beyan init press`).
    #[arg(long = "workspace", short = 'w', value_name = "DIR", hide = true)]
    workspace: Option<PathBuf>,
}

pub fn run(args: Args, context: &Context) -> anyhow::Result<ExitCode> {
    let dir = args
        .dir
        .or(args.workspace)
        .or_else(|| context.workspace.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    let mut locales: Vec<Locale> = Vec::new();
    for code in &args.locales {
        let locale = Locale::parse(code).map_err(anyhow::Error::msg)?;
        if locale.as_str() == "en" {
            bail!(
                "`en` is the reference language of a new workspace; give the locales to translate into"
            );
        }
        if !locales.contains(&locale) {
            locales.push(locale);
        }
    }
    let target = WriteGate::without_workspace().new_workspace_dir(&dir)?;
    let mut files = workspace_files(jiff::ZonedDateTime::now().date(), &locales);
    files.extend(
        beyan_render::BUILT_IN
            .iter()
            .map(|(name, text)| ScaffoldFile {
                path: format!("templates/{name}"),
                text: (*text).to_owned(),
            }),
    );
    // The whole workspace appears at once, or not at all.
    beyan_content::fill_empty_dir(&target, |staging: &Path| -> std::io::Result<()> {
        for file in &files {
            let path = staging.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, &file.text)?;
        }
        Ok(())
    })
    .with_context(|| format!("cannot create the workspace in {}", dir.display()))?;
    if context.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "created a beyan workspace in {}:", dir.display())?;
    for file in &files {
        writeln!(out, "  {}", file.path)?;
    }
    let step = match locales.first() {
        Some(locale) => format!("beyan todo --locale {locale} --write"),
        None => "beyan check && beyan render".to_owned(),
    };
    if dir == Path::new(".") {
        writeln!(out, "next: {step}")?;
    } else {
        writeln!(out, "next: cd {} && {step}", dir.display())?;
    }
    Ok(ExitCode::SUCCESS)
}
