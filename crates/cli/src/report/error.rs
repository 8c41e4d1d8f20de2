//! Errors that stop a command (exit 2): configuration with carets, the rest as one line.

use std::io::Write;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
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
            let report = match (&e.source_line, e.line, e.source_column) {
                (Some(source), Some(line), Some(column)) => {
                    let start = byte_of_column(source, column);
                    let end = (start + 1).min(source.len()).max(start);
                    vec![
                        Level::ERROR.primary_title(title).element(
                            Snippet::source(source.as_str())
                                .line_start(line)
                                .path(e.file.as_str())
                                .annotation(AnnotationKind::Primary.span(start..end)),
                        ),
                    ]
                }
                _ => vec![
                    Level::ERROR
                        .primary_title(title)
                        .element(annotate_snippets::Origin::path(e.file.as_str())),
                ],
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

/// Byte offset of a 1-based character column in `line` (clamped to its end).
pub fn byte_of_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}
