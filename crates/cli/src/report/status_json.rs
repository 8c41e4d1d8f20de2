//! `status --format json`: the `Status` document (its shape is documented in the README).

use beyan_l10n::Status;

pub fn status_json(status: &Status) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(status)?;
    text.push('\n');
    Ok(text)
}
