//! Diagnostics of `beyan check`: stable codes, severities and where each problem is.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $name:literal, $severity:ident;)*) => {
        /// A diagnostic code. The names are a stable interface (JSON, GitHub annotations,
        /// `[check.severity]` in `beyan.toml`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    SyntaxError => "syntax-error", Error;
    InvalidEncoding => "invalid-encoding", Error;
    MissingMessage => "missing-message", Error;
    MissingAttribute => "missing-attribute", Error;
    MissingValue => "missing-value", Error;
    DuplicateId => "duplicate-id", Error;
    UnknownVariable => "unknown-variable", Error;
    UnknownReference => "unknown-reference", Error;
    CyclicReference => "cyclic-reference", Error;
    ObsoleteMessage => "obsolete-message", Warning;
    ObsoleteAttribute => "obsolete-attribute", Warning;
    UnusedVariable => "unused-variable", Warning;
    MissingPluralCategory => "missing-plural-category", Warning;
    UnknownPluralCategory => "unknown-plural-category", Warning;
    StaleTranslation => "stale-translation", Warning;
    SameAsSource => "same-as-source", Warning;
    BidiControl => "bidi-control", Warning;
    MarkupMismatch => "markup-mismatch", Warning;
    InvalidCharacter => "invalid-character", Error;
    TooManyPlaceables => "too-many-placeables", Error;
    NumberMismatch => "number-mismatch", Warning;
    UrlMismatch => "url-mismatch", Warning;
    EmailMismatch => "email-mismatch", Warning;
    PunctuationMismatch => "punctuation-mismatch", Warning;
    Whitespace => "whitespace", Warning;
    RepeatedWord => "repeated-word", Warning;
    TooLong => "too-long", Warning;
    Glossary => "glossary", Warning;
    InvalidSuppression => "invalid-suppression", Warning;
}

impl Code {
    /// The codes of the content checks (`crate::content_checks`): what a translation says
    /// rather than how it is built. All are warnings unless `[check.severity]` raises one.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            Code::NumberMismatch
                | Code::UrlMismatch
                | Code::EmailMismatch
                | Code::PunctuationMismatch
                | Code::Whitespace
                | Code::RepeatedWord
                | Code::TooLong
                | Code::Glossary
                | Code::InvalidSuppression
        )
    }

    /// Codes that make a translation incomplete, whatever their severity.
    pub fn is_missing(self) -> bool {
        matches!(
            self,
            Self::MissingMessage | Self::MissingAttribute | Self::MissingValue
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem found in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub locale: String,
    /// Workspace-relative path with `/`.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The message or term id (`-term`, `message.attribute`), when the problem has one.
    pub id: Option<String>,
    pub message: String,
    /// What to do about it, when there is a likely fix ("did you mean `-org-short`?"); in the
    /// JSON only when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The source line, for a caret display (`None` for a line longer than
    /// [`beyan_content::QUOTED_LINE_MAX`]); not part of the JSON.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// The scope of the file (which bundles see it); `None` for a problem of the whole locale
    /// (its folder is missing), which concerns every scope. Not part of the JSON.
    #[serde(skip)]
    pub scope: Option<crate::load::catalog::FileScope>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_agree_with_configuration() {
        let names: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names, beyan_content::CHECK_CODES);
        let errors: Vec<_> = Code::ALL
            .iter()
            .filter(|c| c.default_severity() == Severity::Error)
            .map(|c| c.as_str())
            .collect();
        assert_eq!(errors, beyan_content::ERROR_CODES);
    }
}
