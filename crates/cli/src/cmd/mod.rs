//! The subcommands, one file each, and the flags they share.

mod check;
mod completions;
mod explain;
mod init;
mod lock;
mod man;
mod new;
mod render;
mod render_pseudo;
mod status;
mod todo;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::context::Context;

/// Check, translate and publish multilingual press releases.
#[derive(Debug, Parser)]
#[command(name = "beyan", version, about, long_about = None)]
pub struct Cli {
    /// The workspace folder (default: the nearest folder upward with a beyan.toml).
    #[arg(long, short = 'w', global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The CI gate: completeness and correctness of every locale against the reference.
    Check(check::Args),
    /// Publishes every complete language version of the releases (default --out dist).
    Render(render::Args),
    /// Completion per locale and per release, as a table, JSON or an HTML dashboard.
    Status(status::Args),
    /// Every missing or stale message of one locale, as a ready-to-fill .ftl snippet.
    Todo(todo::Args),
    /// Records which reference text each translation was made from (beyan.lock).
    Lock(lock::Args),
    /// Scaffolds a release: its TOML and its reference .ftl.
    New(new::Args),
    /// Creates a new workspace with the built-in templates and an example release.
    Init(init::Args),
    /// What a diagnostic code means, an example and how to fix it.
    Explain(explain::Args),
    /// Prints the shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::Args),
    /// Writes the man pages.
    Man(man::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let context = Context {
        workspace: cli.workspace,
    };
    match cli.command {
        Command::Check(args) => check::run(args, &context),
        Command::Render(args) => render::run(args, &context),
        Command::Status(args) => status::run(args, &context),
        Command::Todo(args) => todo::run(args, &context),
        Command::Lock(args) => lock::run(args, &context),
        Command::New(args) => new::run(args, &context),
        Command::Init(args) => init::run(args, &context),
        Command::Explain(args) => explain::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}
