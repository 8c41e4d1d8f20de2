//! `check --format human`: compiler-style diagnostics, then a summary table per locale.

use std::io::Write;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use beyan_l10n::{Code, Diagnostic, Report, Severity};

use super::bar;
use super::error::{char_at_column, origin};

/// `root` is the workspace's: a translation file that does not exist there is one line, not a
/// block per message it lacks (JSON keeps every message).
pub fn check_human(report: &Report, strict: bool, quiet: bool, root: &Path) {
    // Built whole, then written once: stdout is line-buffered.
    let renderer = Renderer::styled();
    let mut text = String::new();
    // Whether a file is absent, asked once per file: a missing file's diagnostics follow
    // one another (they are sorted by file).
    let mut last: Option<(&str, bool)> = None;
    for d in &report.diagnostics {
        if d.code == Code::MissingMessage && d.line.is_none() {
            let absent = match last {
                Some((file, absent)) if file == d.file => absent,
                _ => {
                    let absent = !root.join(&d.file).exists();
                    last = Some((d.file.as_str(), absent));
                    if absent {
                        let count = report
                            .diagnostics
                            .iter()
                            .filter(|o| o.code == Code::MissingMessage && o.file == d.file)
                            .count();
                        let red = AnsiColor::Red.on_default().bold();
                        text.push_str(&format!(
                            "{red}error[missing-message]{red:#}: {} is missing: {} — beyan todo --locale {}\n\n",
                            d.file,
                            super::count(count, "message", "messages"),
                            d.locale
                        ));
                    }
                    absent
                }
            };
            if absent {
                continue;
            }
        }
        text.push_str(&renderer.render(&[snippet(d)]));
        text.push_str("\n\n");
    }
    if quiet {
        // The verdict only: the table is for reading, not for logs.
        text.push_str(&super::Verdict::of(report, strict).line());
        text.push('\n');
    } else {
        text.push_str(&summary(report, strict));
    }
    let _ = anstream::stdout().lock().write_all(text.as_bytes());
}

fn snippet(d: &Diagnostic) -> annotate_snippets::Group<'_> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    let group = match (&d.source_line, d.line, d.column) {
        (Some(source), Some(line), Some(column)) => title.element(
            Snippet::source(source.as_str())
                .line_start(line)
                .path(d.file.as_str())
                .annotation(
                    AnnotationKind::Primary
                        .span(char_at_column(source, column))
                        .label(d.locale.as_str()),
                ),
        ),
        (_, line, column) => title.element(origin(&d.file, line, column)),
    };
    match &d.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    }
}

fn summary(report: &Report, strict: bool) -> String {
    let bold = Style::new().bold();
    let green = AnsiColor::Green.on_default();
    let red = AnsiColor::Red.on_default().bold();
    let yellow = AnsiColor::Yellow.on_default();
    let mut s = String::new();
    s.push_str(&format!(
        "{bold}{:<8} {:<10} {:<28} {:>9} {:>11} {:>7} {:>8}{bold:#}\n",
        "locale", "status", "translated", "messages", "words", "errors", "warnings"
    ));
    let reference_errors = report.reference_errors();
    let reference_warnings = report.reference_warnings();
    s.push_str(&format!(
        "{:<8} {:<10} {:<28} {:>9} {:>11} {:>7} {:>8}\n",
        report.reference, "reference", "", "", "", reference_errors, reference_warnings
    ));
    for l in &report.locales {
        let (status, style) = match (l.complete, l.required) {
            (true, _) if strict && l.required && l.warnings > 0 => ("warnings", red),
            (true, _) => ("complete", green),
            (false, true) => ("incomplete", red),
            (false, false) => ("incomplete", yellow),
        };
        let name = if l.required {
            l.locale.clone()
        } else {
            format!("{} (opt)", l.locale)
        };
        let percent = l.percent();
        s.push_str(&format!(
            "{:<8} {style}{:<10}{style:#} {} {:>6.1}% {:>9} {:>11} {:>7} {:>8}\n",
            name,
            status,
            bar(percent, 20),
            percent,
            format!("{}/{}", l.messages.translated, l.messages.total),
            format!("{}/{}", l.words.total - l.words.missing, l.words.total),
            l.errors,
            l.warnings
        ));
    }
    let verdict = super::Verdict::of(report, strict);
    let style = if verdict.passed { green } else { red };
    let head = if verdict.passed {
        "check passed"
    } else {
        "check failed"
    };
    if verdict.detail.is_empty() {
        s.push_str(&format!("{style}{head}{style:#}\n"));
    } else {
        s.push_str(&format!("{style}{head}{style:#}: {}\n", verdict.detail));
    }
    s
}
