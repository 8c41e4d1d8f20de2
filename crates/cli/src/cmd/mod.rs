//! The subcommands, one file each, and the flags they share.

/// A subcommand's `--help` epilogue: its examples, then the exit codes every command keeps.
macro_rules! after_help {
    ($($example:literal),* $(,)?) => {
        concat!(
            "Examples:\n",
            $("  ", $example, "\n",)*
            "\nExit codes: 0 success · 1 blocking problems found · 2 usage, configuration or I/O error",
        )
    };
}

mod check;
mod completions;
mod explain;
mod init;
mod lock;
mod man;
mod new;
mod render;
mod render_pdf;
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
#[command(name = "beyan", version, about, long_about = None, after_help = concat!(
    "Examples:\n",
    "  beyan init press --locales az,tr,ur   a new workspace, translated into three languages\n",
    "  beyan check                           the CI gate: is every required locale complete?\n",
    "  beyan todo -l az                      what is left to translate, ready to paste\n",
    "  beyan render                          publish every language version to dist/\n",
    "\n",
    "Exit codes: 0 success · 1 blocking problems found · 2 usage, configuration or I/O error",
))]
pub struct Cli {
    /// The workspace folder [default: the nearest folder upward with a beyan.toml; for `init`,
    /// the folder to create].
    #[arg(long, short = 'w', global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// Print only problems and what was asked for: no summaries, hints or progress.
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    /// When to colour the output: auto (a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    color: ColorWhen,

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
    /// What a diagnostic code means, an example and how to fix it.
    Explain(explain::Args),
    /// Prints the shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::Args),
    /// Writes the man pages.
    Man(man::Args),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.color {
        ColorWhen::Auto => {}
        ColorWhen::Always => anstream::ColorChoice::Always.write_global(),
        ColorWhen::Never => anstream::ColorChoice::Never.write_global(),
    }
    let context = Context {
        workspace: cli.workspace,
        quiet: cli.quiet,
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
        Command::Explain(args) => explain::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}
