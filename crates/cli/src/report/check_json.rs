//! `check --format json`: one JSON document on stdout (the shape is in PRODUCT.md): the
//! summary indented, then one diagnostic per line, so that a report of thousands stays easy to
//! read, grep and diff.

use std::io::Write;

use beyan_l10n::{Diagnostic, Report};
use rayon::prelude::*;

/// Configuration errors (exit 2) as a JSON document: `{"errors": [{file, line, column, key,
/// message}]}`.
pub fn config_errors_json(errors: &[beyan_content::ConfigError]) -> anyhow::Result<()> {
    let list: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| {
            serde_json::json!({
                "file": e.file, "line": e.line, "column": e.column,
                "key": e.key, "message": e.message,
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "errors": list }))?;
    out.write_all(b"\n")?;
    Ok(())
}

pub fn check_json(report: &Report) -> anyhow::Result<()> {
    // Buffered: stdout is line-buffered, and a report has a line per diagnostic.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_report(&mut out, report)?;
    out.flush()?;
    Ok(())
}

/// Diagnostics per serialized chunk: large enough to amortize the hand-off between threads.
const CHUNK: usize = 512;
/// Chunks serialized at once before they are written.
const WAVE: usize = 4;

fn write_report(out: &mut impl Write, report: &Report) -> anyhow::Result<()> {
    out.write_all(b"{\n  \"reference\": ")?;
    serde_json::to_writer(&mut *out, &report.reference)?;
    out.write_all(b",\n  \"locales\": ")?;
    // Pretty-printed at the top level, then indented one level to sit inside the document.
    let locales = serde_json::to_vec_pretty(&report.locales)?;
    for (i, line) in locales.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(line)?;
    }
    out.write_all(b",\n  \"diagnostics\": [")?;
    // Serialized in parallel, a few chunks at a time so that the buffers stay small: a large
    // workspace has thousands of diagnostics.
    let waves = report.diagnostics.chunks(CHUNK * WAVE);
    let wave_count = waves.len();
    for (w, wave) in waves.enumerate() {
        let chunks = wave
            .par_chunks(CHUNK)
            .map(serialize_lines)
            .collect::<Result<Vec<_>, _>>()?;
        for (c, chunk) in chunks.iter().enumerate() {
            // Every line ends with a comma but the document's last one.
            let last = w + 1 == wave_count && c + 1 == chunks.len();
            out.write_all(if last {
                &chunk[..chunk.len() - 1]
            } else {
                chunk
            })?;
        }
    }
    if !report.diagnostics.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]\n}\n")?;
    Ok(())
}

/// Each diagnostic on its own indented line, followed by a comma.
fn serialize_lines(diagnostics: &[Diagnostic]) -> serde_json::Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(diagnostics.len() * 320);
    for diagnostic in diagnostics {
        buffer.extend_from_slice(b"\n    ");
        serde_json::to_writer(&mut buffer, diagnostic)?;
        buffer.push(b',');
    }
    Ok(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use beyan_l10n::{Code, Severity};

    fn diagnostic(line: usize) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: Code::MissingMessage,
            locale: "az".into(),
            file: "locales/az/a \"b\".ftl".into(),
            line: Some(line),
            column: None,
            id: Some("x".into()),
            message: "missing `x`\nnext".into(),
            source_line: None,
        }
    }

    /// The hand-assembled document is the report's own JSON, whatever the count.
    #[test]
    fn document_equals_the_reports_serialization() {
        for count in [
            0,
            1,
            2,
            CHUNK,
            CHUNK + 1,
            CHUNK * WAVE,
            CHUNK * WAVE + 1,
            9 * CHUNK - 1,
        ] {
            let report = Report {
                reference: "en".into(),
                locales: Vec::new(),
                diagnostics: (1..=count).map(diagnostic).collect(),
            };
            let mut out = Vec::new();
            write_report(&mut out, &report).unwrap();
            let parsed: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(parsed, serde_json::to_value(&report).unwrap(), "{count}");
            let text = String::from_utf8(out).unwrap();
            // One line per diagnostic, between the summary and the closing lines.
            let expected = if count == 0 { 5 } else { 6 + count };
            assert_eq!(text.lines().count(), expected, "{count}");
        }
    }
}
