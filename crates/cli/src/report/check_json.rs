//! `check --format json`: one JSON document on stdout (the shape is in PRODUCT.md).

use std::io::Write;

use beyan_l10n::Report;

pub fn check_json(report: &Report) -> anyhow::Result<()> {
    // Buffered: stdout is line-buffered, and a report has a line per field.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}
