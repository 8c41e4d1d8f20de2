//! `beyan man [-o DIR]`: the man pages (`beyan.1` and one per subcommand, `beyan-check.1`…),
//! written into DIR, or `beyan.1` alone on stdout.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory;

use super::Cli;

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan man -o /usr/local/share/man/man1      beyan.1 and a page per command",
    "beyan man | man -l -                        read beyan.1 now",
))]
pub struct Args {
    /// Write every page into this folder (created if needed) instead of `beyan.1` on stdout.
    #[arg(long, short = 'o', value_name = "DIR")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let Some(dir) = args.out else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        std::io::Write::write_all(&mut std::io::stdout().lock(), &page)?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut pages = vec![("beyan".to_owned(), command.clone())];
    for sub in command.get_subcommands() {
        pages.push((format!("beyan-{}", sub.get_name()), sub.clone()));
    }
    for (name, page_command) in pages {
        let mut page = Vec::new();
        clap_mangen::Man::new(page_command)
            .title(name.to_uppercase())
            .render(&mut page)?;
        let path = dir.join(format!("{name}.1"));
        beyan_content::write_atomically(&path, &page)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
