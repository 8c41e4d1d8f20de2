//! `beyan completions SHELL`: the shell completion script on stdout.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan completions bash > ~/.local/share/bash-completion/completions/beyan",
    "beyan completions zsh > ~/.zfunc/_beyan",
))]
pub struct Args {
    /// bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "beyan", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
