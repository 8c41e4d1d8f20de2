//! The JSON documents of `check` and `status` (issue 11, row 13) validate against the JSON
//! Schemas kept in `schemas/`: on the sample, on every fixture workspace of `tests/cmd/`, and
//! on a sample with typos (diagnostics with `help`). The two schemas share their definitions
//! of the counts, and the schema's codes are `beyan explain`'s.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::translator::workspace::{SLUG, Sandbox};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema(name: &str) -> Value {
    let path = repository().join("schemas").join(name);
    let text = std::fs::read_to_string(&path).expect("schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema(name))
        .expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// `beyan --workspace DIR ARGS`: stdout parsed as JSON, or `None` when it printed none.
fn run(workspace: &Path, args: &[&str]) -> Option<Value> {
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .expect("runs");
    if output.stdout.is_empty() {
        assert_eq!(output.status.code(), Some(2), "{args:?} printed nothing");
        return None;
    }
    Some(serde_json::from_slice(&output.stdout).expect("JSON"))
}

fn workspaces() -> Vec<PathBuf> {
    let mut found = vec![repository()];
    let cases = repository().join("tests/cmd");
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(&cases)
        .expect("tests/cmd")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "in") && p.join("beyan.toml").is_file())
        .collect();
    fixtures.sort();
    found.extend(fixtures);
    found
}

#[test]
fn check_and_status_documents_validate_on_the_sample_and_every_fixture() {
    let check = validator("check.schema.json");
    let status = validator("status.schema.json");
    let mut reports = 0;
    for workspace in workspaces() {
        for args in [
            &["check", "-f", "json"][..],
            &["check", "-f", "json", "--strict"],
        ] {
            if let Some(document) = run(&workspace, args) {
                let found = errors(&check, &document);
                assert!(found.is_empty(), "{}: {found:#?}", workspace.display());
                reports += usize::from(document.get("version").is_some());
            }
        }
        if let Some(document) = run(&workspace, &["status", "-f", "json"]) {
            let found = errors(&status, &document);
            assert!(found.is_empty(), "{}: {found:#?}", workspace.display());
        }
    }
    assert!(reports >= 10, "too few reports were checked: {reports}");
}

#[test]
fn diagnostics_with_help_validate_and_the_counts_agree_between_check_and_status() {
    let ws = Sandbox::sample();
    ws.edit(
        "locales/tr/common.ftl",
        "site-title = { -org-short }",
        "site-title = { -org-shrt }",
    );
    ws.write(&format!("locales/tr/releases/{SLUG}-old.ftl"), "gone = x\n");
    let check = ws.beyan(&["check", "-f", "json"]).expect(1).json();
    let found = errors(&validator("check.schema.json"), &check);
    assert!(found.is_empty(), "{found:#?}");
    assert!(
        check["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["help"] == "did you mean `-org-short`?"),
        "{check:#}"
    );
    let status = ws.beyan(&["status", "-f", "json"]).expect(0).json();
    let found = errors(&validator("status.schema.json"), &status);
    assert!(found.is_empty(), "{found:#?}");
    assert_eq!(status["passed"], false);
    for field in ["version", "passed", "reference", "reference_errors"] {
        assert_eq!(check[field], status[field], "{field}");
    }
    let locales = |doc: &Value| doc["locales"].as_array().expect("locales").clone();
    for (c, s) in locales(&check).iter().zip(locales(&status)) {
        for field in [
            "locale",
            "required",
            "complete",
            "messages",
            "words",
            "errors",
            "warnings",
            "suppressed",
        ] {
            assert_eq!(c[field], s[field], "{} {field}", c["locale"]);
        }
    }
}

#[test]
fn configuration_errors_are_one_json_document_for_check_and_status() {
    let ws = Sandbox::sample();
    let config = ws.read("beyan.toml");
    ws.write(
        "beyan.toml",
        &format!("{config}\n[check.severity]\nglosary = \"off\"\n"),
    );
    let check = ws.beyan(&["check", "-f", "json"]).expect(2).json();
    let status = ws.beyan(&["status", "-f", "json"]).expect(2).json();
    assert!(errors(&validator("check.schema.json"), &check).is_empty());
    assert!(errors(&validator("status.schema.json"), &status).is_empty());
    assert_eq!(check, status);
    assert_eq!(status["errors"][0]["file"], "beyan.toml", "{status:#}");
    ws.write("beyan.toml", &config);
    ws.write("beyan.lock", "version = 1\n[az.\"a\\");
    let status = ws.beyan(&["status", "-f", "json"]).expect(2).json();
    assert!(errors(&validator("status.schema.json"), &status).is_empty());
    assert_eq!(status["errors"][0]["file"], "beyan.lock", "{status:#}");
    assert_eq!(status["errors"][0]["line"], 2, "{status:#}");
}

#[test]
fn a_document_that_breaks_the_shape_is_caught() {
    let check = validator("check.schema.json");
    let mut document = run(&repository(), &["check", "-f", "json"]).expect("a report");
    assert!(errors(&check, &document).is_empty());
    document["locales"][0]["words"]
        .as_object_mut()
        .expect("words")
        .remove("translated");
    assert!(!errors(&check, &document).is_empty());
    let mut status = run(&repository(), &["status", "-f", "json"]).expect("a status");
    status["locales"][0]["obsolete"] = 0.into();
    assert!(!errors(&validator("status.schema.json"), &status).is_empty());
}

#[test]
fn the_schemas_share_their_counts_and_know_every_code() {
    let check = schema("check.schema.json");
    let status = schema("status.schema.json");
    for shared in ["messages", "words", "counts", "config_errors"] {
        assert_eq!(
            check["$defs"][shared], status["$defs"][shared],
            "`{shared}` differs between the two schemas"
        );
    }
    let output = Command::cargo_bin("beyan")
        .expect("binary")
        .arg("explain")
        .output()
        .expect("runs");
    let codes: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(|c| Value::from(c.to_owned()))
        .collect();
    assert_eq!(
        check["$defs"]["diagnostic"]["properties"]["code"]["enum"]
            .as_array()
            .expect("codes"),
        &codes
    );
}
