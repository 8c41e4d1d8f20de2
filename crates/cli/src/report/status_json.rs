//! `status --format json`: the `Status` document (its shape is documented in the README).

use beyan_l10n::Status;

/// `status --format json`: the [`Status`] with the document's version first (the one
/// [`super::check_json::JSON_VERSION`] that `check` carries too).
pub fn status_json(status: &Status) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(status)?;
    // The version goes first, before the status's own fields in their order.
    let fields = text.strip_prefix('{').unwrap_or(&text);
    let mut text = format!(
        "{{\n  \"version\": {},{fields}",
        super::check_json::JSON_VERSION
    );
    text.push('\n');
    Ok(text)
}
