//! Errors that stop a command (exit 2): configuration with carets, the rest as one line.

use std::io::Write;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use beyan_content::ConfigErrors;

pub fn error(error: &anyhow::Error) {
    let mut err = anstream::stderr();
    if let Some(errors) = error.downcast_ref::<ConfigErrors>() {
        let renderer = Renderer::styled();
        for e in &errors.0 {
            let title = match &e.key {
                Some(key) => format!("`{key}`: {}", e.message),
                None => e.message.clone(),
            };
            let title = Level::ERROR.primary_title(title);
            let report = match (&e.source_line, e.line, e.column) {
                (Some(source), Some(line), Some(column)) => vec![
                    title.element(
                        Snippet::source(source.as_str())
                            .line_start(line)
                            .path(e.file.as_str())
                            .annotation(
                                AnnotationKind::Primary.span(char_at_column(source, column)),
                            ),
                    ),
                ],
                (_, line, column) => vec![title.element(origin(&e.file, line, column))],
            };
            let _ = writeln!(err, "{}", renderer.render(&report));
        }
        let _ = writeln!(
            err,
            "{} configuration error{} found",
            errors.0.len(),
            if errors.0.len() == 1 { "" } else { "s" }
        );
        return;
    }
    let style = anstyle::AnsiColor::Red.on_default().bold();
    let _ = write!(err, "{style}error{style:#}: {error}");
    for cause in error.chain().skip(1) {
        let _ = write!(err, ": {cause}");
    }
    let _ = writeln!(err);
}

/// Where a problem is, as far as it is known: a line too long to quote is located by its
/// line and column alone.
pub fn origin(file: &str, line: Option<usize>, column: Option<usize>) -> Origin<'_> {
    let mut origin = Origin::path(file);
    if let Some(line) = line {
        origin = origin.line(line);
        if let Some(column) = column {
            origin = origin.char_column(column);
        }
    }
    origin
}

/// The bytes of the character at a 1-based character column of `line`: what a caret marks.
/// Empty at the line's end (a column past it is clamped there). A span must hold whole
/// characters: the renderer slices the line with it.
pub fn char_at_column(line: &str, column: usize) -> Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let end = line[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    start..end
}

#[cfg(test)]
mod tests {
    use super::char_at_column;

    #[test]
    fn a_caret_marks_a_whole_character() {
        assert_eq!(char_at_column("city = İzmir", 8), 7..9);
        assert_eq!(char_at_column("a = 1", 1), 0..1);
        assert_eq!(char_at_column("…xx…", 4), 5..8);
        assert_eq!(char_at_column("abc", 4), 3..3);
        assert_eq!(char_at_column("abc", 99), 3..3);
        assert_eq!(char_at_column("", 1), 0..0);
    }
}
