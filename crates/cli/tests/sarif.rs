//! `check --format sarif` is valid SARIF 2.1.0, for a report with every kind of diagnostic and
//! for configuration errors: against the strict schema in `tests/data` and against the OASIS
//! TC's own `sarif-schema-2.1.0.json`, named by `BEYAN_SARIF_SCHEMA` (`.ci/run` fetches it; CI
//! fails without it). `beyan explain` knows every code.

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
    for (name, validator) in validators() {
        let errors: Vec<String> = validator
            .iter_errors(log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// Whether every schema refuses `log`.
fn refused(log: &Value) -> bool {
    validators().iter().all(|(_, v)| !v.is_valid(log))
}

/// The schemas a log must satisfy, each compiled with format checks on: the strict one of
/// `tests/data` (see its README), and the OASIS schema when `BEYAN_SARIF_SCHEMA` names it.
fn validators() -> Vec<(String, jsonschema::Validator)> {
    let strict = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-2.1.0.schema.json");
    let mut schemas = vec![strict];
    schemas.extend(official_schema());
    schemas
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("schema");
            let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
            escape_lone_brackets(&mut schema);
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .expect("schema compiles");
            (path.display().to_string(), validator)
        })
        .collect()
}

/// OASIS's `language` patterns have a lone `]` (`…{2}]?$`): a literal in ECMA-262's
/// web-compatible grammar (Annex B), which the validator's regex check refuses. Escaped, each
/// means the same.
fn escape_lone_brackets(schema: &mut Value) {
    const LONE: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    const ESCAPED: &str = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\]?$";
    match schema {
        Value::Object(members) => {
            for (name, value) in members.iter_mut() {
                if name == "pattern" && value == LONE {
                    *value = Value::from(ESCAPED);
                } else {
                    escape_lone_brackets(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(escape_lone_brackets),
        _ => {}
    }
}

/// The OASIS SARIF 2.1.0 schema, `sarif-schema-2.1.0.json`, named by `BEYAN_SARIF_SCHEMA`;
/// `.ci/run` fetches it, and CI fails without it.
fn official_schema() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("BEYAN_SARIF_SCHEMA").map(std::path::PathBuf::from);
    let found = path.filter(|path| path.exists());
    assert!(
        found.is_some() || std::env::var("CI").as_deref() != Ok("true"),
        "the OASIS SARIF 2.1.0 schema is required in CI (.ci/run sets BEYAN_SARIF_SCHEMA)"
    );
    if let Some(path) = &found {
        // The schema the OASIS TC publishes, not another version of it.
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
        assert_eq!(
            schema["$id"],
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
            "{}",
            path.display()
        );
    } else {
        eprintln!(
            "note: checked against tests/data's schema only (set BEYAN_SARIF_SCHEMA to OASIS's sarif-schema-2.1.0.json, as .ci/run does)"
        );
    }
    found
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
    assert!(refused(&log));
    // Nor is a result with a member SARIF does not define.
    let (mut log, _) = sarif("tests/cmd/content.in");
    log["runs"][0]["results"][0]["rule"] = Value::from("number-mismatch");
    assert!(!validators()[0].1.is_valid(&log));
    // Nor is a result whose level SARIF does not know.
    let (mut log, _) = sarif("tests/cmd/content.in");
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(refused(&log));
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
