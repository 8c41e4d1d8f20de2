//! `beyan init`: a new workspace that `check` and `render` accept at once: `beyan.toml`, the
//! built-in templates, the reference's shared text and an example release.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use beyan_content::{ScaffoldFile, workspace_files};

use crate::context::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create (it may exist if it is empty).
    dir: PathBuf,
}

pub fn run(args: Args, _context: &Context) -> anyhow::Result<ExitCode> {
    let dir = &args.dir;
    if dir.exists() {
        if !dir.is_dir() {
            bail!("{}: exists and is not a folder", dir.display());
        }
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{}: the folder is not empty; `beyan init` only creates a workspace in a new or empty folder",
                dir.display()
            );
        }
    }
    let mut files = workspace_files(jiff::ZonedDateTime::now().date());
    files.extend(
        beyan_render::BUILT_IN
            .iter()
            .map(|(name, text)| ScaffoldFile {
                path: format!("templates/{name}"),
                text: (*text).to_owned(),
            }),
    );
    // The whole workspace appears at once, or not at all.
    beyan_content::write_dir_atomically(dir, |staging: &Path| -> std::io::Result<()> {
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
    let mut out = std::io::stdout().lock();
    writeln!(out, "created a beyan workspace in {}:", dir.display())?;
    for file in &files {
        writeln!(out, "  {}", file.path)?;
    }
    writeln!(
        out,
        "next: cd {} && beyan check && beyan render",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
