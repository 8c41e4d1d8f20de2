//! `check --format json`: one JSON document on stdout (the shape is in PRODUCT.md): the
//! summary indented, then one diagnostic per line, so that a report of thousands stays easy to
//! read, grep and diff.

use std::io::Write;

use beyan_l10n::Report;

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

/// The version of the JSON documents of `check` and `status`: it changes only when a field is
/// removed or changes meaning (new fields may appear at any time).
pub const JSON_VERSION: u32 = 1;

pub fn check_json(report: &Report, strict: bool) -> anyhow::Result<()> {
    // Buffered: stdout is line-buffered, and a report has a line per diagnostic.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let passed = super::Verdict::of(report, strict).passed;
    write_report(&mut out, report, passed)?;
    out.flush()?;
    Ok(())
}

fn write_report(out: &mut impl Write, report: &Report, passed: bool) -> anyhow::Result<()> {
    write!(
        out,
        "{{\n  \"version\": {JSON_VERSION},\n  \"passed\": {passed},\n  \"reference\": "
    )?;
    serde_json::to_writer(&mut *out, &report.reference)?;
    write!(
        out,
        ",\n  \"reference_errors\": {},\n  \"locales\": ",
        report.reference_errors()
    )?;
    // Pretty-printed at the top level, then indented one level to sit inside the document.
    let locales = serde_json::to_vec_pretty(&report.locales)?;
    for (i, line) in locales.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(line)?;
    }
    out.write_all(b",\n  \"diagnostics\": [")?;
    for (i, diagnostic) in report.diagnostics.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        serde_json::to_writer(&mut *out, diagnostic)?;
    }
    if !report.diagnostics.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]\n}\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use beyan_l10n::Diagnostic;
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
            help: None,
            source_line: None,
            scope: None,
        }
    }

    /// The hand-assembled document is the report's own JSON, whatever the count.
    #[test]
    fn document_equals_the_reports_serialization() {
        for count in [0, 1, 2, 3, 1000] {
            let report = Report {
                reference: "en".into(),
                locales: Vec::new(),
                diagnostics: (1..=count).map(diagnostic).collect(),
            };
            let mut out = Vec::new();
            write_report(&mut out, &report, false).unwrap();
            let mut parsed: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(parsed["version"], JSON_VERSION);
            assert_eq!(parsed["passed"], false);
            let object = parsed.as_object_mut().unwrap();
            object.remove("version");
            object.remove("passed");
            assert_eq!(object.remove("reference_errors"), Some(0.into()));
            assert_eq!(parsed, serde_json::to_value(&report).unwrap(), "{count}");
            let text = String::from_utf8(out).unwrap();
            // One line per diagnostic, between the summary and the closing lines.
            let expected = if count == 0 { 8 } else { 9 + count };
            assert_eq!(text.lines().count(), expected, "{count}");
        }
    }
}
