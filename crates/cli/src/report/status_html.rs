//! `status --format html`: one self-contained page (inline CSS, no script, no network) that a
//! coordinator can open from disk or attach to an e-mail. Per-locale and per-release bars, then
//! each locale's to-do with the reference text beside the translation, right to left where the
//! locale is. Deterministic: the same workspace gives the same bytes but for the "generated"
//! line, which `SOURCE_DATE_EPOCH` fixes too.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use beyan_render::escape_html;

use beyan_l10n::{LocaleStatus, Part, Progress, Status, TodoItem, TodoState};

const STYLE: &str = r#"
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
code { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.lead { color: #57606a; margin-top: 0; }
.rows { list-style: none; margin: 0; padding: 0; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: .25rem .75rem; padding: .5rem 0; border-bottom: 1px solid #eaeef2; }
.who { min-width: 0; }
.name { font-weight: 600; }
.code { color: #57606a; font-size: .85rem; }
.tag { font-size: .75rem; color: #57606a; border: 1px solid #d0d7de; border-radius: 1rem; padding: 0 .4rem; }
.bar { display: flex; grid-column: 1 / -1; grid-row: 2; height: .9rem; background: #eaeef2; border-radius: .45rem; overflow: hidden; }
.bar .fresh { background: #1a7f37; }
.bar .stale { background: #bf8700; }
.pct { grid-column: 2; grid-row: 1; font-variant-numeric: tabular-nums; text-align: end; white-space: nowrap; }
.pct .current { display: block; font-size: .75rem; color: #7d4e00; }
.counts { grid-column: 1 / -1; font-size: .85rem; color: #57606a; }
@media (min-width: 40rem) { .row { grid-template-columns: 14rem minmax(8rem, 1fr) 7.5rem; } .bar { grid-column: 2; grid-row: 1; } .pct { grid-column: 3; grid-row: 1; } }
.legend { font-size: .85rem; color: #57606a; }
.legend span::before { content: ""; display: inline-block; width: .8rem; height: .8rem; margin-inline-end: .3rem; vertical-align: -.1rem; border-radius: .2rem; }
.legend .l-fresh::before { background: #1a7f37; }
.legend .l-stale::before { background: #bf8700; }
.legend .l-missing::before { background: #eaeef2; }
.todo { list-style: none; margin: 0; padding: 0; }
.item { border: 1px solid #d0d7de; border-radius: .4rem; margin: .6rem 0; padding: .5rem .75rem; }
.item.missing { border-inline-start: .3rem solid #cf222e; }
.item.incomplete { border-inline-start: .3rem solid #8250df; }
.item.stale { border-inline-start: .3rem solid #bf8700; }
.meta { font-size: .85rem; color: #57606a; }
.state { font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.texts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .5rem; margin-top: .4rem; }
.text { min-width: 0; }
.label { display: block; font-size: .75rem; color: #57606a; }
.text pre { margin: 0; padding: .4rem .5rem; background: #f6f8fa; border-radius: .3rem; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }
.text pre.empty { color: #57606a; font-style: italic; }
:lang(ur) { font-family: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Urdu Typesetting", serif; line-height: 2.2; }
.done { color: #1a7f37; }
"#;

/// `names`: each locale's name in its own words, by code (the code alone where absent);
/// `generated_at`: when, as the reader should see it.
pub fn status_html(
    status: &Status,
    names: &BTreeMap<String, String>,
    generated_at: &str,
) -> String {
    let mut h = String::new();
    let (messages, words) = (status.messages, status.words);
    let reference_name = locale_label(names, &status.reference);
    let generated_at = escape_html(generated_at);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Translation status</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Translation status</h1>\n\
         <p class=\"lead\">Reference {reference_name}: {messages} messages, {words} words. \
         Generated {generated_at}.</p>\n\
         <p class=\"legend\"><span class=\"l-fresh\">translated</span> · <span class=\"l-stale\">stale (reference changed)</span> · <span class=\"l-missing\">missing</span></p>\n"
    );

    h.push_str("<section aria-labelledby=\"h-locales\">\n<h2 id=\"h-locales\">Locales</h2>\n<ul class=\"rows\">\n");
    for locale in &status.locales {
        let tag = if locale.required {
            "required"
        } else {
            "optional"
        };
        let link = if locale.todo.is_empty() {
            String::new()
        } else {
            format!(
                " <a href=\"#todo-{0}\">to do</a>",
                escape_html(&locale.locale)
            )
        };
        row(
            &mut h,
            names,
            &locale.locale,
            Some(tag),
            &locale.progress,
            &link,
        );
    }
    h.push_str("</ul>\n</section>\n");

    h.push_str("<section aria-labelledby=\"h-releases\">\n<h2 id=\"h-releases\">Releases</h2>\n");
    let shared = Some(&status.shared).filter(|p| !p.files.is_empty());
    for part in status.releases.iter().chain(shared) {
        part_rows(&mut h, names, part);
    }
    h.push_str("</section>\n");

    for locale in &status.locales {
        todo_section(&mut h, locale, &status.reference);
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn part_rows(h: &mut String, names: &BTreeMap<String, String>, part: &Part) {
    let title = match (&part.release, &part.date) {
        (Some(slug), Some(date)) => {
            format!("<code>{}</code> ({})", escape_html(slug), escape_html(date))
        }
        (Some(slug), None) => format!("<code>{}</code>", escape_html(slug)),
        (None, _) => {
            let files: Vec<String> = part.files.iter().map(|f| escape_html(f)).collect();
            format!("Shared text ({})", files.join(", "))
        }
    };
    let _ = writeln!(h, "<h3>{title}</h3>\n<ul class=\"rows\">");
    for locale in &part.locales {
        row(h, names, &locale.locale, None, &locale.progress, "");
    }
    h.push_str("</ul>\n");
}

/// A locale as a reader knows it: its own name in its language, and its code.
fn locale_label(names: &BTreeMap<String, String>, code: &str) -> String {
    let escaped = escape_html(code);
    match names.get(code) {
        Some(name) => format!(
            "<span class=\"name\" lang=\"{escaped}\">{}</span> <span class=\"code\">{escaped}</span>",
            escape_html(name)
        ),
        None => format!("<span class=\"name\">{escaped}</span>"),
    }
}

fn row(
    h: &mut String,
    names: &BTreeMap<String, String>,
    code: &str,
    tag: Option<&str>,
    p: &Progress,
    extra: &str,
) {
    let label = locale_label(names, code);
    let locale = escape_html(code);
    let fresh = p.fresh_percent();
    let stale = (p.percent() - fresh).max(0.0);
    let shown = p.percent().floor();
    // Beside a bar that is partly amber, "100%" alone would read as done: say how much of
    // it is up to date.
    let current = if p.messages.stale > 0 {
        format!(
            "<span class=\"current\">{}% up to date</span>",
            fresh.floor()
        )
    } else {
        String::new()
    };
    let tag = tag.map_or(String::new(), |t| {
        format!(" <span class=\"tag\">{t}</span>")
    });
    let _ = writeln!(
        h,
        "<li class=\"row\"><span class=\"who\">{label}{tag}</span>\
         <span class=\"bar\" role=\"img\" aria-label=\"{locale}: {shown}% translated, {stale_n} stale\">\
         <span class=\"fresh\" style=\"width:{fresh:.1}%\"></span><span class=\"stale\" style=\"width:{stale:.1}%\"></span></span>\
         <span class=\"pct\">{shown}%{current}</span>\
         <span class=\"counts\">{}/{} messages · {}/{} words · {} missing · {stale_n} stale · {} · {}{extra}</span></li>",
        p.messages.translated,
        p.messages.total,
        p.words.translated,
        p.words.total,
        p.messages.missing,
        super::count(p.errors, "error", "errors"),
        super::count(p.warnings, "warning", "warnings"),
        stale_n = p.messages.stale,
    );
}

fn todo_section(h: &mut String, locale: &LocaleStatus, reference: &str) {
    let code = escape_html(&locale.locale);
    let dir = locale.direction;
    let _ = writeln!(
        h,
        "<section id=\"todo-{code}\" aria-labelledby=\"h-todo-{code}\">\n<h2 id=\"h-todo-{code}\">To do: {code}</h2>"
    );
    let todo = &locale.todo;
    if todo.is_empty() {
        h.push_str("<p class=\"done\">Nothing to do: every message is translated and up to date.</p>\n</section>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<p>{} missing, {} incomplete, {} stale. Get them as a file to fill in with <code>beyan todo --locale {code}</code>.</p>",
        todo.count(TodoState::Missing),
        todo.count(TodoState::Incomplete),
        todo.count(TodoState::Stale),
    );
    let reference = escape_html(reference);
    for file in &todo.files {
        let new = if file.exists { "" } else { " (new file)" };
        let _ = writeln!(
            h,
            "<h3><code>{}</code>{new}</h3>\n<ol class=\"todo\">",
            escape_html(&file.path)
        );
        for item in &file.items {
            todo_item(h, item, &reference, &code, dir);
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</section>\n");
}

fn todo_item(h: &mut String, item: &TodoItem, reference: &str, code: &str, dir: &str) {
    let state = item.state.as_str();
    let lacking = if item.lacking.is_empty() {
        String::new()
    } else {
        format!(" · lacks {}", escape_html(&item.lacking.join(", ")))
    };
    let translation = match &item.translation_source {
        Some(text) => format!(
            "<pre lang=\"{code}\" dir=\"{dir}\">{}</pre>",
            escape_html(&dedent(body(text)))
        ),
        None => "<pre class=\"empty\">not translated yet</pre>".to_owned(),
    };
    let _ = writeln!(
        h,
        "<li class=\"item {state}\"><div class=\"meta\"><code>{}</code> · <span class=\"state\">{state}</span> · {} words{lacking}</div>\
         <div class=\"texts\"><div class=\"text\"><span class=\"label\">{reference}</span><pre lang=\"{reference}\" dir=\"ltr\">{}</pre></div>\
         <div class=\"text\"><span class=\"label\">{code}</span>{translation}</div></div></li>",
        escape_html(&item.id),
        item.words,
        escape_html(&dedent(&item.reference_body)),
    );
}

/// A message's source without its `id =`, dedented: the text a reader compares.
fn body(source: &str) -> &str {
    source
        .split_once('=')
        .map_or(source, |(_, rest)| rest)
        .trim()
}

/// The text as a reader compares it: Fluent's continuation lines joined into prose, except
/// where the layout is the meaning (select expressions, attributes).
fn dedent(text: &str) -> String {
    let structured = text.contains("->") || text.lines().any(|l| l.trim_start().starts_with('.'));
    let separator = if structured { "\n" } else { " " };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() || structured)
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
