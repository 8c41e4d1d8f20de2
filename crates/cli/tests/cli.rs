//! The `beyan` binary end to end: CLI cases as data (`tests/cmd/*.toml` at the repository
//! root: arguments, input workspace, expected output and exit code), then the robustness
//! cases that need generated input.

mod browser;
mod colour;
mod first_hour;
mod gate;
mod json_schema;
mod render;
mod robustness;
mod safety;
mod sarif;
mod translator;

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("../../tests/cmd/*.toml")
        .env("NO_COLOR", "1");
}
