//! Colour: only for a terminal (forced here with CLICOLOR_FORCE, as a terminal would get it),
//! never with NO_COLOR set, never when piped.

use std::path::Path;

use assert_cmd::Command;

fn check_output(env: &[(&str, &str)]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cmd/defects.in");
    let mut command = Command::cargo_bin("beyan").expect("binary");
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .arg("--workspace")
        .arg(root)
        .arg("check")
        .output()
        .expect("runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn colour_follows_terminal_and_no_color() {
    assert!(check_output(&[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'));
    assert!(!check_output(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
    assert!(!check_output(&[]).contains('\u{1b}'));
}
