//! `check --format sarif` is valid SARIF 2.1.0 (against the schema in `tests/data`), for
//! a report with every kind of diagnostic and for configuration errors; `beyan explain` knows
//! every code.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn repository(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn sarif(workspace: &str) -> (Value, Option<i32>) {
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .arg("--workspace")
        .arg(repository(workspace))
        .args(["check", "--format", "sarif"])
        .output()
        .expect("runs");
    let log = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    (log, output.status.code())
}

fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// The schema of `tests/data` (see its README), compiled with format checks on.
fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-2.1.0.schema.json"),
    )
    .expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

#[test]
fn report_is_valid_sarif_with_a_rule_per_code() {
    for workspace in ["tests/cmd/defects.in", "tests/cmd/content.in"] {
        let (log, code) = sarif(workspace);
        assert_valid(&log);
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert_eq!(rules.len(), beyan_codes().len());
        let results = run["results"].as_array().expect("results");
        assert!(!results.is_empty());
        for result in results {
            let index = result["ruleIndex"].as_u64().expect("index") as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri");
            assert!(uri.starts_with("locales/"), "{uri}");
        }
        if workspace.ends_with("defects.in") {
            assert_eq!(code, Some(1));
        }
    }
}

#[test]
fn a_log_that_breaks_the_schema_is_caught() {
    // The validation can fail: a result without its message is not SARIF.
    let (mut log, _) = sarif("tests/cmd/content.in");
    log["runs"][0]["results"][0]
        .as_object_mut()
        .expect("result")
        .remove("message");
    assert!(!validator().is_valid(&log));
    // Nor is a result with a member SARIF does not define.
    let (mut log, _) = sarif("tests/cmd/content.in");
    log["runs"][0]["results"][0]["rule"] = Value::from("number-mismatch");
    assert!(!validator().is_valid(&log));
}

#[test]
fn configuration_errors_are_a_sarif_notification() {
    let (log, code) = sarif("tests/cmd/bad-config.in");
    assert_eq!(code, Some(2));
    assert_valid(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolConfigurationNotifications"]
        .as_array()
        .expect("notifications");
    assert!(!notifications.is_empty());
    assert_eq!(notifications[0]["level"], "error");
}

fn beyan_codes() -> Vec<String> {
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .arg("explain")
        .output()
        .expect("runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn every_code_is_explained() {
    let codes = beyan_codes();
    assert!(codes.len() >= 26, "{codes:?}");
    for code in codes {
        let output = Command::cargo_bin("beyan")
            .expect("binary")
            .args(["explain", &code])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{code}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("Example") && text.contains("Fix"),
            "{code}: {text}"
        );
    }
}
