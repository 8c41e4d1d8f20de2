//! `beyan`: the command line. Thin: it parses arguments, resolves them against the workspace,
//! calls the libraries, prints their results and owns the exit code.

mod cmd;
mod context;
mod report;
mod serve;
mod threads;

use std::process::ExitCode;

use clap::Parser;

/// A parallel `check` of a large workspace allocates hundreds of thousands of small values on
/// several threads; jemalloc serves them faster than the system allocator (BENCHMARKS.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            report::error(&error);
            ExitCode::from(2)
        }
    }
}

/// `beyan check --format json | head` closes the pipe early: not an error worth reporting.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
