//! `bench-gen`: writes the benchmark workspaces and runs the parse floor (see bench/run.sh).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bench_gen::{Archive, FileTree, LargeSpec, hugo_site, large_l10n, parse_floor};
use clap::{Parser, Subcommand};

const DEFAULT_SEED: u64 = 20_251_108;

#[derive(Parser)]
#[command(about = "Synthetic workspaces and baselines for beyan's benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// ≈230 .ftl files per locale, partially translated, with defects of every code.
    LargeL10n {
        out: PathBuf,
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
    },
    /// Releases complete in en, az, tr and ur (what `beyan render` publishes).
    Archive {
        out: PathBuf,
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        #[arg(long, default_value_t = 1000)]
        releases: usize,
    },
    /// The same archive (same seed and count) as a four-language Hugo site.
    HugoSite {
        out: PathBuf,
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        #[arg(long, default_value_t = 1000)]
        releases: usize,
    },
    /// Reads and parses every .ftl file under DIR/locales once, on one thread.
    ParseFloor { dir: PathBuf },
    /// Writes the large workspace to OUT, runs `beyan check` on it in process and prints, per
    /// content code, the seeded defects found and the diagnostics where none was seeded.
    Precision {
        out: PathBuf,
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
    },
}

fn precision(out: &Path, seed: u64) -> ExitCode {
    let (tree, seeds) = large_l10n::generate_with_seeds(&LargeSpec {
        seed,
        ..LargeSpec::default()
    });
    if write(&tree, out) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    let workspace = match beyan_content::Workspace::load(out) {
        Ok(workspace) => workspace,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let report = beyan_l10n::check(&workspace, &beyan_l10n::CheckOptions::default());
    println!("| code | seeded | found | recall | false positives |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for score in bench_gen::precision::score(&seeds, &report.diagnostics) {
        let recall = if score.seeded == 0 {
            100.0
        } else {
            100.0 * score.found as f64 / score.seeded as f64
        };
        println!(
            "| `{}` | {} | {} | {recall:.0}% | {} |",
            score.code,
            score.seeded,
            score.found,
            score.false_positives.len()
        );
        for fp in score.false_positives.iter().take(5) {
            println!("|   false positive: {fp} | | | | |");
        }
        for seed in score.missed.iter().take(5) {
            println!("|   missed: {seed} | | | | |");
        }
    }
    ExitCode::SUCCESS
}

fn write(tree: &FileTree, out: &Path) -> ExitCode {
    match tree.write(out) {
        Ok(()) => {
            eprintln!(
                "wrote {} files, {} bytes, to {}",
                tree.files.len(),
                tree.total_bytes(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::LargeL10n { out, seed } => write(
            &large_l10n::generate(&LargeSpec {
                seed,
                ..LargeSpec::default()
            }),
            &out,
        ),
        Command::Archive {
            out,
            seed,
            releases,
        } => write(&Archive::generate(seed, releases).workspace(), &out),
        Command::HugoSite {
            out,
            seed,
            releases,
        } => write(&hugo_site(&Archive::generate(seed, releases)), &out),
        Command::Precision { out, seed } => precision(&out, seed),
        Command::ParseFloor { dir } => match parse_floor(&dir) {
            Ok(count) => {
                println!(
                    "{} files, {} bytes, {} messages and terms, {} junk",
                    count.files, count.bytes, count.entries, count.junk
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", dir.display());
                ExitCode::from(2)
            }
        },
    }
}
