//! `status --format human`: one table per view (locales, then each release), with bars, in
//! 80 columns.

use anstyle::{AnsiColor, Style};
use beyan_l10n::{Progress, Status, TodoState};

use super::bar;

const BAR: usize = 14;

/// The tables, with colour codes that the caller strips when the output is not a terminal.
pub fn status_human(status: &Status) -> String {
    let bold = Style::new().bold();
    let mut s = format!(
        "{bold}translation status{bold:#} (reference {}: {}, {})\n\n",
        status.reference,
        super::count(status.messages, "message", "messages"),
        super::count(status.words, "word", "words")
    );
    // A broken reference blocks every locale: it comes first, before any percentage.
    if status.reference_errors > 0 {
        let red = AnsiColor::Red.on_default().bold();
        s.push_str(&format!(
            "{red}the reference {} has {}{red:#}: every locale is blocked until it is fixed; `beyan check --locale <any>` shows where\n\n",
            status.reference,
            super::count(status.reference_errors, "error", "errors"),
        ));
    }
    if status.locales.is_empty() {
        s.push_str("no translated locale is configured yet: add one to `required` or `optional` under [locales] in beyan.toml and create locales/<code>/\n");
        return s;
    }
    s.push_str(&header());
    for locale in &status.locales {
        let name = if locale.required {
            locale.locale.clone()
        } else {
            format!("{} (opt)", locale.locale)
        };
        s.push_str(&row(&name, &locale.progress));
    }
    let parts = status.releases.iter().chain(
        // The shared files matter only when there are any.
        Some(&status.shared).filter(|p| !p.files.is_empty()),
    );
    for part in parts {
        let title = match (&part.release, &part.date) {
            (Some(slug), Some(date)) => format!("release {slug} ({date})"),
            (Some(slug), None) => format!("release {slug} (no releases/{slug}.toml)"),
            (None, _) => format!("shared text ({})", part.files.join(", ")),
        };
        s.push_str(&format!("\n{bold}{title}{bold:#}\n"));
        for locale in &part.locales {
            s.push_str(&row(&format!("  {}", locale.locale), &locale.progress));
        }
    }
    if let Some(first) = status.locales.first()
        && first.glossary.terms > 0
    {
        s.push_str(&format!(
            "\n{bold}glossary{bold:#} ({}, glossary.toml)\n",
            super::count(first.glossary.terms, "term", "terms")
        ));
        for locale in &status.locales {
            let g = &locale.glossary;
            s.push_str(&format!(
                "  {:<8} {}/{} terms rendered, {} without an approved rendering\n",
                locale.locale,
                g.rendered,
                g.terms,
                super::count(g.mismatches, "message", "messages")
            ));
        }
    }
    let pending: Vec<String> = status
        .locales
        .iter()
        .filter(|l| !l.pending.is_empty())
        .map(|l| {
            let count = |state| l.pending.iter().filter(|p| p.state == state).count();
            let mut what = Vec::new();
            for (state, name) in [
                (TodoState::Missing, "missing"),
                (TodoState::Incomplete, "incomplete"),
                (TodoState::Stale, "stale"),
            ] {
                let n = count(state);
                if n > 0 {
                    what.push(format!("{n} {name}"));
                }
            }
            format!(
                "{}: {} (beyan todo --locale {})",
                l.locale,
                what.join(", "),
                l.locale
            )
        })
        .collect();
    if pending.is_empty() && status.reference_errors > 0 {
        // Translated, but nothing can be published past a broken reference.
        let red = AnsiColor::Red.on_default().bold();
        s.push_str(&format!(
            "\n{red}every locale is translated, but none can be published until the reference {} is fixed{red:#} (beyan check shows where)\n",
            status.reference
        ));
    } else if pending.is_empty() {
        let green = AnsiColor::Green.on_default();
        s.push_str(&format!(
            "\n{green}every locale is translated and up to date{green:#}\n"
        ));
    } else {
        s.push_str("\nto do:\n");
        for line in pending {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s
}

fn header() -> String {
    let bold = Style::new().bold();
    format!(
        "{bold}{:<10} {:<19} {:>9} {:>11} {:>7} {:>5} {:>6} {:>4}{bold:#}\n",
        "locale", "translated", "messages", "words", "missing", "stale", "errors", "warn"
    )
}

fn row(name: &str, p: &Progress) -> String {
    let percent = p.percent();
    // Floor, so that 99.7% never reads as done.
    let shown = percent.floor() as u32;
    let style = if p.messages.missing == 0 && p.errors == 0 && p.messages.stale == 0 {
        AnsiColor::Green.on_default()
    } else if p.messages.missing > 0 || p.errors > 0 {
        AnsiColor::Red.on_default()
    } else {
        AnsiColor::Yellow.on_default()
    };
    format!(
        "{:<10} {style}{}{style:#} {:>3}% {:>9} {:>11} {:>7} {:>5} {:>6} {:>4}\n",
        name,
        bar(percent, BAR),
        shown,
        format!("{}/{}", p.messages.translated, p.messages.total),
        format!("{}/{}", p.words.translated, p.words.total),
        p.messages.missing,
        p.messages.stale,
        p.errors,
        p.warnings
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fit_eighty_columns() {
        let mut p = Progress::default();
        p.messages.total = 12345;
        p.messages.translated = 12000;
        p.messages.missing = 345;
        p.words.total = 99_999;
        p.words.translated = 99_000;
        let line = anstream::adapter::strip_str(&row("zh-Hant", &p)).to_string();
        assert!(line.trim_end().chars().count() <= 80, "{line}");
        let header = anstream::adapter::strip_str(&header()).to_string();
        assert!(header.trim_end().chars().count() <= 80, "{header}");
        assert!(line.contains(" 97% "), "{line}");
    }
}
