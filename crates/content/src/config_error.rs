//! Configuration errors: a problem in `beyan.toml` or a release's TOML, with where it is.

use std::fmt;
use std::ops::Range;

use crate::LineIndex;

/// One problem in a configuration file, located to the line and column when it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Path relative to the workspace root (or as given), with `/`.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The TOML key concerned (`locales.required`), when there is one.
    pub key: Option<String>,
    pub message: String,
    /// The source line, for a caret display at `column`; `None` for a line longer than
    /// [`QUOTED_LINE_MAX`], which is located by its line and column alone.
    pub source_line: Option<String>,
}

/// The longest source line an error quotes, in bytes. Each error holds its own copy: many
/// errors on one huge line (a generated list) must not each copy all of it.
pub const QUOTED_LINE_MAX: usize = 4096;

impl ConfigError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            key: None,
            message: message.into(),
            source_line: None,
        }
    }

    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Locates the error at a byte range of `text`.
    pub fn at(self, text: &str, span: Option<Range<usize>>) -> Self {
        match span {
            Some(span) => self.at_index(&LineIndex::new(text), text, span),
            None => self,
        }
    }

    /// Locates the error at a byte range of `text`, whose line index the caller made once
    /// (a file with thousands of errors is indexed once, not once per error).
    pub fn at_index(mut self, index: &LineIndex, text: &str, span: Range<usize>) -> Self {
        let (line, column) = index.position(text, span.start);
        self.line = Some(line);
        self.column = Some(column);
        let source = index.line_text(text, line);
        self.source_line = (source.len() <= QUOTED_LINE_MAX).then(|| source.to_owned());
        self
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": ")?;
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Every configuration problem found while loading a workspace.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl From<ConfigError> for ConfigErrors {
    fn from(error: ConfigError) -> Self {
        Self(vec![error])
    }
}

/// Turns a TOML parse or shape error into a located [`ConfigError`], naming the key when the
/// message does (`unknown field `x``).
pub(crate) fn from_toml(file: &str, text: &str, error: &toml::de::Error) -> ConfigError {
    let message = error.message().trim().to_owned();
    let mut located = ConfigError::new(file, message.clone()).at(text, error.span());
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some(end) = rest.find('`')
    {
        located.key = Some(rest[..end].to_owned());
    }
    located
}
