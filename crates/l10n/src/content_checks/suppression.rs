//! `# beyan-ignore: code, code — reason` on a translated message silences those codes for that
//! message. The reason is required (a reviewer must be able to tell why): a suppression without
//! one, or naming a code that does not exist, is itself an `invalid-suppression` warning.

use super::Finding;
use crate::diagnostic::Code;

/// A parsed `beyan-ignore` comment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Suppression {
    pub codes: Vec<Code>,
    pub reason: Option<String>,
    /// Names that are not diagnostic codes.
    pub unknown: Vec<String>,
}

/// Separators between the codes and the reason.
const DASHES: [&str; 4] = ["—", "–", " -- ", " - "];

impl Suppression {
    /// Reads the `beyan-ignore:` line of a message comment, if there is one.
    pub fn parse(comment: &str) -> Option<Self> {
        let line = comment
            .lines()
            .find_map(|l| l.trim().strip_prefix("beyan-ignore:"))?;
        let (codes, reason) = DASHES
            .iter()
            .filter_map(|d| line.find(d).map(|at| (at, d.len())))
            .min()
            .map_or((line, None), |(at, len)| {
                (&line[..at], Some(line[at + len..].trim()))
            });
        let mut out = Self {
            reason: reason.filter(|r| !r.is_empty()).map(str::to_owned),
            ..Self::default()
        };
        for name in codes
            .split([',', ' '])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match Code::from_name(name) {
                Some(code) => out.codes.push(code),
                None => out.unknown.push(name.to_owned()),
            }
        }
        Some(out)
    }

    /// Whether the suppression silences `code` (an unexplained one still does: the warning
    /// about it is enough noise).
    pub fn silences(&self, code: Code) -> bool {
        self.codes.contains(&code)
    }

    /// What is wrong with the suppression itself.
    pub fn problems(&self) -> Option<Finding> {
        let mut problems = Vec::new();
        if !self.unknown.is_empty() {
            problems.push(format!(
                "{} {} not a diagnostic code",
                self.unknown
                    .iter()
                    .map(|u| {
                        let codes = Code::ALL.iter().map(|c| c.as_str());
                        match beyan_content::closest(u, codes) {
                            Some(code) => format!("`{u}` (did you mean `{code}`?)"),
                            None => format!("`{u}`"),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                if self.unknown.len() == 1 { "is" } else { "are" }
            ));
        }
        if self.codes.is_empty() && self.unknown.is_empty() {
            problems.push("it names no code".to_owned());
        }
        if self.reason.is_none() {
            problems.push("it gives no reason (write `# beyan-ignore: code — why`)".to_owned());
        }
        (!problems.is_empty()).then(|| Finding {
            code: Code::InvalidSuppression,
            offset: None,
            message: format!(
                "this `beyan-ignore` comment is not valid: {}",
                problems.join("; ")
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_reason() {
        let s = Suppression::parse(
            "Translator's note.\nbeyan-ignore: number-mismatch, too-long — the Urdu uses the Hijri year",
        )
        .unwrap();
        assert_eq!(s.codes, [Code::NumberMismatch, Code::TooLong]);
        assert_eq!(s.reason.as_deref(), Some("the Urdu uses the Hijri year"));
        assert!(s.problems().is_none());
        assert!(s.silences(Code::TooLong));
        assert!(!s.silences(Code::Glossary));
        let hyphen = Suppression::parse("beyan-ignore: glossary - the name is quoted").unwrap();
        assert_eq!(hyphen.codes, [Code::Glossary]);
        assert!(hyphen.reason.is_some());
        assert!(Suppression::parse("an ordinary comment").is_none());
    }

    #[test]
    fn no_reason_or_unknown_code_is_a_problem() {
        let bare = Suppression::parse("beyan-ignore: too-long").unwrap();
        assert!(bare.silences(Code::TooLong));
        assert!(bare.problems().unwrap().message.contains("no reason"));
        let unknown = Suppression::parse("beyan-ignore: too-lng — typo").unwrap();
        assert!(
            unknown
                .problems()
                .unwrap()
                .message
                .contains("`too-lng` (did you mean `too-long`?) is not a diagnostic code")
        );
        let empty = Suppression::parse("beyan-ignore: — why").unwrap();
        assert!(empty.problems().unwrap().message.contains("names no code"));
    }
}
