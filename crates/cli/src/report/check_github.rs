//! `check --format github`: GitHub Actions workflow commands, one per diagnostic.

use std::io::Write;

use beyan_l10n::{Report, Severity};

pub fn check_github(report: &Report, strict: bool) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in &report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = format!("file={}", escape_property(&d.file));
        if let Some(line) = d.line {
            properties.push_str(&format!(",line={line}"));
        }
        if let Some(column) = d.column {
            properties.push_str(&format!(",col={column}"));
        }
        properties.push_str(&format!(",title={}", escape_property(d.code.as_str())));
        let mut text = format!("[{}] {}", d.locale, d.message);
        if let Some(help) = &d.help {
            text.push_str(&format!("; {help}"));
        }
        let _ = writeln!(out, "::{command} {properties}::{}", escape_data(&text));
    }
    for l in &report.locales {
        let state = if l.complete { "complete" } else { "incomplete" };
        let kind = if l.required { "required" } else { "optional" };
        let _ = writeln!(
            out,
            "::notice title=beyan check::{}",
            escape_data(&format!(
                "{} ({kind}) {state}: {}/{} messages, {}, {}",
                l.locale,
                l.messages.translated,
                l.messages.total,
                super::count(l.errors, "error", "errors"),
                super::count(l.warnings, "warning", "warnings")
            ))
        );
    }
    // A failed job says why in an error of its own: with --strict, warnings alone fail it.
    let verdict = super::Verdict::of(report, strict);
    if !verdict.passed {
        let _ = writeln!(
            out,
            "::error title=beyan check::{}",
            escape_data(&verdict.line())
        );
    }
    let _ = out.flush();
}

/// Configuration errors (exit 2) as `::error` workflow commands.
pub fn config_errors_github(errors: &[beyan_content::ConfigError]) {
    let mut out = std::io::stdout().lock();
    for e in errors {
        let mut properties = format!("file={}", escape_property(&e.file));
        if let Some(line) = e.line {
            properties.push_str(&format!(",line={line}"));
        }
        if let Some(column) = e.column {
            properties.push_str(&format!(",col={column}"));
        }
        properties.push_str(",title=configuration");
        let text = match &e.key {
            Some(key) => format!("`{key}`: {}", e.message),
            None => e.message.clone(),
        };
        let _ = writeln!(out, "::error {properties}::{}", escape_data(&text));
    }
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50%\na"), "50%25%0Aa");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
