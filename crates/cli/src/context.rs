//! Resolving where the workspace is, once, for every command.

use std::path::PathBuf;

use anyhow::{Context as _, bail};
use beyan_content::{Locale, Workspace, discover_root};

/// The global options every command shares, resolved.
pub struct Context {
    /// `--workspace`, when given.
    pub workspace: Option<PathBuf>,
    /// `--quiet`: no summaries, hints or progress.
    pub quiet: bool,
}

impl Context {
    /// The workspace root: `--workspace`, or the nearest folder upward with a `beyan.toml`.
    pub fn root(&self) -> anyhow::Result<PathBuf> {
        match &self.workspace {
            Some(dir) => {
                if !dir.join(beyan_content::CONFIG_FILE).is_file() {
                    bail!(
                        "{}: no `{}` here; run `beyan init {}` to create a workspace",
                        dir.display(),
                        beyan_content::CONFIG_FILE,
                        dir.display()
                    );
                }
                Ok(dir.clone())
            }
            None => {
                let cwd = std::env::current_dir().context("cannot read the current folder")?;
                discover_root(&cwd).with_context(|| {
                    format!(
                        "no `{}` in {} or any parent folder; pass --workspace DIR or run `beyan init DIR`",
                        beyan_content::CONFIG_FILE,
                        cwd.display()
                    )
                })
            }
        }
    }

    /// Loads and validates the workspace.
    pub fn workspace(&self) -> anyhow::Result<Workspace> {
        let root = self.root()?;
        Ok(Workspace::load(&root)?)
    }
}

/// Resolves `--locale` values against the configuration: each must be a configured target.
pub fn target_locales(workspace: &Workspace, given: &[String]) -> anyhow::Result<Vec<Locale>> {
    let locales = &workspace.config.locales;
    given
        .iter()
        .map(|code| {
            let locale = Locale::parse(code).map_err(anyhow::Error::msg)?;
            if locale == locales.reference {
                bail!("`{locale}` is the reference locale; give a translated locale");
            }
            if !locales.targets().any(|l| *l == locale) {
                let known: Vec<&str> = locales.targets().map(Locale::as_str).collect();
                let hint = beyan_content::closest_locale(locale.as_str(), known.iter().copied())
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_default();
                bail!(
                    "locale `{locale}` is not configured in beyan.toml (configured: {}){hint}",
                    known.join(", ")
                );
            }
            Ok(locale)
        })
        .collect()
}
