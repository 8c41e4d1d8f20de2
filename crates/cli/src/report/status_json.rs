//! `status --format json`: the `Status` document (its shape is documented in the README and
//! in `schemas/status.schema.json`).

use beyan_l10n::Status;

/// `status --format json`: the [`Status`] after the fields every JSON document of `check` and
/// `status` begins with: the [`super::check_json::JSON_VERSION`] and the verdict `check` would
/// give (without `--strict`).
pub fn status_json(status: &Status) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(status)?;
    // The version and verdict go first, before the status's own fields in their order.
    let fields = text.strip_prefix('{').unwrap_or(&text);
    let passed = super::Verdict::of_status(status).passed;
    let mut text = format!(
        "{{\n  \"version\": {},\n  \"passed\": {passed},{fields}",
        super::check_json::JSON_VERSION
    );
    text.push('\n');
    Ok(text)
}
