//! Judge: the rules of `beyan check`, each in its own module, over what `load` read and
//! `align` paired. A judge only finds; the severity policy and the counts are `check`'s.
//!
//! - [`compare`]: rules over one aligned pair (a reference entry and its translation); each is a
//!   [`PairJudge`] in [`PAIR_JUDGES`]. A new rule over pairs is a function added there.
//! - [`scope`]: what a locale needs on its own (encoding, syntax, characters, duplicates,
//!   references resolved in the runtime's scopes).
//! - [`required`]: what the reference must define because the templates use it.
//! - [`graph`]: the reference graph of a scope (a node per value and per attribute): cycles and
//!   the runtime's placeable limit.

pub mod compare;
pub mod graph;
pub mod required;
pub mod scope;

use beyan_content::{Config, Locale};

use crate::align::Pair;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::catalog::FtlFile;

/// What a rule over pairs sees besides the pair: the target locale and the configuration.
pub struct PairContext<'a> {
    pub config: &'a Config,
    pub locale: &'a Locale,
    /// The CLDR plural categories of `locale`.
    pub plural: &'a [&'static str],
}

/// A rule over one translated pair: the pair is translated (`pair.translated()` is `Some`).
/// It pushes what it finds into `out`, positioned in the translation's file.
pub type PairJudge = fn(&PairContext<'_>, &Pair<'_>, &mut Findings<'_>);

/// The rules over translated pairs, in the order their findings are listed.
pub const PAIR_JUDGES: &[PairJudge] = &[
    compare::structure,
    compare::variables,
    compare::plural_categories,
    compare::unknown_plural_categories,
    compare::freshness,
    compare::same_as_source,
    compare::bidi_controls,
    compare::markup,
];

/// Diagnostics found in one locale.
pub struct Findings<'a> {
    pub locale: &'a Locale,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    pub fn new(locale: &'a Locale) -> Self {
        Self {
            locale,
            diagnostics: Vec::new(),
        }
    }

    /// A finding in `file` at byte `offset` (or the whole file), about `id`; returned so that
    /// a rule can add its `help`.
    pub fn push(
        &mut self,
        code: Code,
        file: &FtlFile,
        offset: Option<usize>,
        id: Option<&str>,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(diagnostic(code, self.locale, file, offset, id, message));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }
}

/// A diagnostic of `locale` in `file` at byte `offset`, with its default severity.
pub fn diagnostic(
    code: Code,
    locale: &Locale,
    file: &FtlFile,
    offset: Option<usize>,
    id: Option<&str>,
    message: String,
) -> Diagnostic {
    let (line, column, source_line) = match offset {
        Some(offset) => {
            let (line, column) = file.source.position(offset);
            (
                Some(line),
                Some(column),
                // Every finding holds its own copy of its line: a long one is located by
                // line and column alone, or many findings on it would each copy all of it.
                Some(file.source.line_text(line))
                    .filter(|text| text.len() <= beyan_content::QUOTED_LINE_MAX)
                    .map(printable),
            )
        }
        None => (None, None, None),
    };
    Diagnostic {
        severity: code.default_severity(),
        code,
        locale: locale.as_str().to_owned(),
        file: file.source.path.clone(),
        line,
        column,
        id: id.map(str::to_owned),
        message,
        help: None,
        source_line,
        scope: Some(file.scope.clone()),
    }
}

/// A source line safe to print on a terminal: bidi and other control characters (which could
/// reorder what the reader sees) become U+FFFD, one character for one, so columns still match.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| {
            if crate::load::entry::is_bidi_control(c)
                || (c.is_control() && c != '\t')
                || crate::load::entry::is_invalid_character(c)
            {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// "term" or "message", by the id's form.
pub fn kind_of(id: &str) -> &'static str {
    if id.starts_with('-') {
        "term"
    } else {
        "message"
    }
}
