//! Whether `check` passes, and why not: one decision that the exit code and every output
//! format share.

use beyan_l10n::{Report, Status};

/// What the verdict reads of one target locale.
struct Gate<'a> {
    locale: &'a str,
    required: bool,
    complete: bool,
    warnings: usize,
}

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
        let locales = report.locales.iter().map(|l| Gate {
            locale: &l.locale,
            required: l.required,
            complete: l.complete,
            warnings: l.warnings,
        });
        let reference_blocks =
            report.reference_errors() > 0 || (strict && report.reference_warnings() > 0);
        Self::decide(
            &report.reference,
            reference_blocks,
            locales.collect(),
            strict,
        )
    }

    /// The verdict `check` (without `--strict`) gives on what `status` reports.
    pub fn of_status(status: &Status) -> Self {
        let locales = status.locales.iter().map(|l| Gate {
            locale: &l.locale,
            required: l.required,
            complete: l.complete,
            warnings: l.progress.warnings,
        });
        Self::decide(
            &status.reference,
            status.reference_errors > 0,
            locales.collect(),
            false,
        )
    }

    fn decide(
        reference: &str,
        reference_blocks: bool,
        locales: Vec<Gate<'_>>,
        strict: bool,
    ) -> Self {
        let blocking: Vec<&str> = locales
            .iter()
            .filter(|l| l.required && (!l.complete || (strict && l.warnings > 0)))
            .map(|l| l.locale)
            .collect();
        if blocking.is_empty() && !reference_blocks {
            let required: Vec<&str> = locales
                .iter()
                .filter(|l| l.required)
                .map(|l| l.locale)
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
            why.push(format!("the reference {reference} has errors"));
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
