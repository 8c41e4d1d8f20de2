//! JSON Schemas of `beyan.toml` and `glossary.toml`, generated from the types that read them,
//! so that editors (Taplo, Even Better TOML) complete and validate the files with the same
//! rules. The repository keeps them in `schemas/`; a test fails when they drift from the types.

use crate::config::RawConfig;
use crate::glossary::RawGlossary;

/// The JSON Schema of `beyan.toml`, pretty-printed.
pub fn config_schema() -> String {
    pretty(schemars::schema_for!(RawConfig))
}

/// The JSON Schema of `glossary.toml`, pretty-printed.
pub fn glossary_schema() -> String {
    pretty(schemars::schema_for!(RawGlossary))
}

fn pretty(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `schemas/<name>` matches `generated`; with `BEYAN_BLESS=1` it is rewritten instead.
    fn matches_committed(name: &str, generated: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../schemas")
            .join(name);
        if std::env::var_os("BEYAN_BLESS").is_some() {
            std::fs::write(&path, generated).expect("write the schema");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} differs from the types; run `BEYAN_BLESS=1 cargo test -p beyan-content schema` and review the diff",
            path.display()
        );
    }

    #[test]
    fn committed_schemas_match_the_types() {
        matches_committed("beyan.schema.json", &config_schema());
        matches_committed("glossary.schema.json", &glossary_schema());
    }

    #[test]
    fn schemas_say_what_the_parser_says() {
        let config: serde_json::Value = serde_json::from_str(&config_schema()).unwrap();
        assert_eq!(config["additionalProperties"], false);
        assert_eq!(config["required"], serde_json::json!(["locales"]));
        let glossary: serde_json::Value = serde_json::from_str(&glossary_schema()).unwrap();
        assert!(glossary.to_string().contains("do-not-translate"));
    }
}
