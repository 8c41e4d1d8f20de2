//! The subcommands, one file each, and the flags they share.

mod check;
mod render;

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
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let context = Context {
        workspace: cli.workspace,
    };
    match cli.command {
        Command::Check(args) => check::run(args, &context),
        Command::Render(args) => render::run(args, &context),
    }
}
