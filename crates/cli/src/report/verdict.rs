//! Whether `check` passes, and why not: one decision that the exit code and every output
//! format share.

use beyan_l10n::Report;

/// The gate's decision on a report.
pub struct Verdict {
    pub passed: bool,
    /// `az, tr, ur complete` when it passed; the reasons it failed otherwise.
    pub detail: String,
}

impl Verdict {
    /// Every required locale complete (and, with `--strict`, without warnings), and a
    /// reference without errors.
    pub fn of(report: &Report, strict: bool) -> Self {
        let blocking: Vec<&str> = report
            .locales
            .iter()
            .filter(|l| l.required && (!l.complete || (strict && l.warnings > 0)))
            .map(|l| l.locale.as_str())
            .collect();
        let reference_blocks =
            report.reference_errors() > 0 || (strict && report.reference_warnings() > 0);
        if blocking.is_empty() && !reference_blocks {
            let required: Vec<&str> = report
                .locales
                .iter()
                .filter(|l| l.required)
                .map(|l| l.locale.as_str())
                .collect();
            let detail = if required.is_empty() {
                String::new()
            } else {
                format!("{} complete", required.join(", "))
            };
            return Self {
                passed: true,
                detail,
            };
        }
        let mut why = Vec::new();
        if reference_blocks {
            why.push(format!("the reference {} has errors", report.reference));
        }
        if !blocking.is_empty() {
            let plural = if blocking.len() == 1 { "" } else { "s" };
            let what = if strict {
                "incomplete or with warnings (--strict)"
            } else {
                "not complete"
            };
            why.push(format!(
                "required locale{plural} {what}: {}",
                blocking.join(", ")
            ));
        }
        Self {
            passed: false,
            detail: why.join("; "),
        }
    }

    /// `check passed: …` / `check failed: …`, without colour.
    pub fn line(&self) -> String {
        let head = if self.passed {
            "check passed"
        } else {
            "check failed"
        };
        if self.detail.is_empty() {
            head.to_owned()
        } else {
            format!("{head}: {}", self.detail)
        }
    }
}
