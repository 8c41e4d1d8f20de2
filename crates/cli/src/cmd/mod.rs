//! The subcommands, one file each, and the flags they share.

mod check;
mod init;
mod lock;
mod new;
mod render;
mod render_pseudo;
mod serve;
mod status;
mod tm;
mod todo;
mod xliff;

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
    /// XLIFF 2.1 round trips with translation agencies' CAT tools.
    Xliff(xliff::Args),
    /// The workspace's translations as a TMX 1.4b translation memory.
    Tm(tm::Args),
    /// Live preview: renders in memory, serves on loopback, reloads open pages on every save.
    Serve(serve::Args),
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
        Command::Xliff(args) => xliff::run(args, &context),
        Command::Tm(args) => tm::run(args, &context),
        Command::Serve(args) => serve::run(args, &context),
    }
}
