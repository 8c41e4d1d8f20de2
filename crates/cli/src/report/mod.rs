//! Everything the CLI prints: diagnostics, summaries and errors, in each output format.
//!
//! Colour goes through anstream, which drops it when the output is not a terminal or
//! `NO_COLOR` is set.

mod check_github;
mod check_human;
mod check_json;
mod check_sarif;
mod error;
mod status_html;
mod status_human;
mod status_json;
mod verdict;

pub use check_github::{check_github, config_errors_github};
pub use check_human::check_human;
pub use check_json::{check_json, config_errors_json};
pub use check_sarif::{check_sarif, config_errors_sarif};
pub use error::error;
pub use status_html::status_html;
pub use status_human::status_human;
pub use status_json::status_json;
pub use verdict::Verdict;

/// `1 error`, `2 errors`: a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A completion bar of `width` cells for a share of 0–100.
pub fn bar(percent: f64, width: usize) -> String {
    let filled = ((percent / 100.0) * width as f64).floor() as usize;
    let filled = filled.min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars() {
        assert_eq!(bar(100.0, 4), "████");
        assert_eq!(bar(0.0, 4), "░░░░");
        assert_eq!(bar(74.9, 4), "██░░");
    }
}
