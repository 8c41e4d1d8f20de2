//! `beyan explain CODE`: what a diagnostic code means, an example and the fix (like
//! `rustc --explain`). Needs no workspace.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use beyan_l10n::{Code, Severity};

#[derive(Debug, clap::Args)]
#[command(after_help = after_help!(
    "beyan explain                               every diagnostic code, with its default severity",
    "beyan explain number-mismatch               what it means, an example and the fix",
))]
pub struct Args {
    /// The diagnostic code (`number-mismatch`); without it, the list of codes.
    code: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    let Some(name) = args.code else {
        for &code in Code::ALL {
            writeln!(
                out,
                "{:<24} [{}] {}",
                code.as_str(),
                code.default_severity().as_str(),
                code.doc().summary
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(code) = Code::from_name(name.trim()) else {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        if let Some(code) = beyan_content::closest(name.trim(), names.iter().copied()) {
            bail!(
                "`{name}` is not a diagnostic code; did you mean `{code}`? (`beyan explain` lists them all)"
            );
        }
        bail!(
            "`{name}` is not a diagnostic code; the codes are: {}",
            names.join(", ")
        );
    };
    write!(out, "{}", report(code))?;
    Ok(ExitCode::SUCCESS)
}

/// The text `beyan explain` prints for `code`.
pub fn report(code: Code) -> String {
    let doc = code.doc();
    let bold = anstyle::Style::new().bold();
    let example: String = doc
        .example
        .lines()
        .map(|line| format!("    {line}\n"))
        .collect();
    let policy = match code.default_severity() {
        Severity::Warning => format!(
            "Its severity can be changed, or the code switched off, in beyan.toml:\n\n    [check.severity]\n    {code} = \"error\"   # or \"off\"\n"
        ),
        Severity::Error => {
            "It stays an error: `render` cannot publish past it, so [check.severity] \
             cannot lower it. A locale that may lag behind belongs in `optional` in [locales], \
             or `render --skip-incomplete` leaves out what is not complete.\n"
                .to_owned()
        }
    };
    format!(
        "{bold}{code}{bold:#} [{severity} by default]\n\n{summary}\n\n{bold}Example{bold:#}\n\n{example}\n{bold}Fix{bold:#}\n\n{fix}\n\n{policy}",
        severity = code.default_severity().as_str(),
        summary = doc.summary,
        fix = doc.fix,
    )
}
