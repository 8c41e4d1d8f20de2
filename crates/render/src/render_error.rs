//! Why a render failed. Incomplete translations are not errors here: the plan reports them.

use crate::templates::TemplateSet;

/// A template that did not parse or render, located in its file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", location(*.line, *.column))]
pub struct TemplateError {
    /// The override's workspace-relative path, or the built-in's name.
    pub file: String,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based.
    pub column: Option<usize>,
    pub message: String,
    /// Tera's report with the source line and a caret, when it has one.
    pub report: Option<String>,
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

impl TemplateError {
    pub(crate) fn from_tera(
        error: &tera::Error,
        templates: &TemplateSet,
        rendering: Option<&str>,
    ) -> Self {
        let display = |name: &str| {
            templates
                .get(name)
                .map_or_else(|| format!("templates/{name}"), |t| t.display_path())
        };
        match error.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                let span = report.span();
                let mut message = report.message().to_owned();
                if let Some(source) = std::error::Error::source(error) {
                    message = format!("{message}: {source}");
                }
                Self {
                    file: display(report.filename()),
                    line: Some(span.start_line).filter(|&l| l > 0),
                    column: Some(span.start_col + 1),
                    message,
                    report: Some(error.to_string()),
                }
            }
            kind => Self {
                file: rendering.map_or_else(|| "templates".to_owned(), display),
                line: None,
                column: None,
                message: kind.to_string(),
                report: None,
            },
        }
    }
}

/// Why a render could not produce its output.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    TemplateLoad(#[from] crate::templates::TemplateLoadError),
    #[error(transparent)]
    Asset(#[from] crate::workspace_assets::AssetError),
    #[error(transparent)]
    Bundle(#[from] beyan_l10n::BundleError),
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
    /// A release's headline or body that did not format (see `release_texts`).
    #[error("{0}")]
    Texts(String),
}
