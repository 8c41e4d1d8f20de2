//! `check --format sarif`: a SARIF 2.1.0 log for code-scanning dashboards (GitHub code
//! scanning, Azure DevOps, IDE viewers): one rule per diagnostic code with its help text, one
//! result per diagnostic; configuration errors as tool notifications of a failed run.

use std::io::Write;

use beyan_content::ConfigError;
use beyan_l10n::{Code, Diagnostic, Report, Severity};
use serde_json::{Value, json};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub fn check_sarif(report: &Report) -> anyhow::Result<()> {
    let results: Vec<Value> = report.diagnostics.iter().map(result).collect();
    write(run(results, None))
}

/// Configuration errors (exit 2) as a SARIF log: a run that did not complete, with one
/// notification per error.
pub fn config_errors_sarif(errors: &[ConfigError]) -> anyhow::Result<()> {
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| {
            let mut notification = json!({
                "level": "error",
                "message": {"text": e.to_string()},
                "locations": [location(&e.file, e.line, e.column)],
            });
            if let Some(key) = &e.key {
                notification["properties"] = json!({"key": key});
            }
            notification
        })
        .collect();
    write(run(Vec::new(), Some(notifications)))
}

fn write(log: Value) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &log)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

fn run(results: Vec<Value>, config_errors: Option<Vec<Value>>) -> Value {
    let rules: Vec<Value> = Code::ALL.iter().map(|&code| rule(code)).collect();
    let invocation = match config_errors {
        None => json!({"executionSuccessful": true}),
        Some(notifications) => json!({
            "executionSuccessful": false,
            "exitCode": 2,
            "toolConfigurationNotifications": notifications,
        }),
    };
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "beyan",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/beyan",
                "rules": rules,
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn rule(code: Code) -> Value {
    let doc = code.doc();
    let help = format!(
        "{}\n\nExample:\n{}\n\nFix: {}\n\nMore: beyan explain {code}",
        doc.summary, doc.example, doc.fix
    );
    json!({
        "id": code.as_str(),
        "shortDescription": {"text": doc.summary},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(code.default_severity())},
    })
}

fn location(file: &str, line: Option<usize>, column: Option<usize>) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": file}});
    if let Some(line) = line {
        let mut region = json!({"startLine": line});
        if let Some(column) = column {
            region["startColumn"] = json!(column);
        }
        physical["region"] = region;
    }
    json!({"physicalLocation": physical})
}

fn result(d: &Diagnostic) -> Value {
    let index = Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0);
    let mut properties = json!({"locale": d.locale});
    if let Some(id) = &d.id {
        properties["id"] = json!(id);
    }
    let mut text = format!("[{}] {}", d.locale, d.message);
    if let Some(help) = &d.help {
        text.push_str(&format!("; {help}"));
    }
    json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": index,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [location(&d.file, d.line, d.column)],
        "properties": properties,
    })
}
