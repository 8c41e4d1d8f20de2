//! A small model of Fluent source (entries, patterns, placeables) that is written out in any
//! of the four locales: one structure, four translations, and defects applied to the structure
//! before it becomes text.

use crate::vocabulary::{CITIES, EN, LOCALES, Lang, WORDS, capitalize};

/// One run of a pattern. Runs are joined by single spaces.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Indices into [`WORDS`].
    Words(Vec<usize>),
    /// Text written as is in every locale.
    Literal(String),
    Variable(&'static str),
    Number(&'static str),
    Date(&'static str),
    MessageRef(String),
    /// A term reference; the id includes its `-`.
    TermRef(String),
    Link {
        url: String,
        words: Vec<usize>,
    },
    Emphasis(Vec<usize>),
    /// A city's name, index into [`CITIES`].
    City(usize),
    /// The capitalized first letter of a word: an access key that follows its label.
    Initial(usize),
    /// Words of running prose: capitalized when they open a sentence, closed with the
    /// locale's full stop when they end one.
    Sentence {
        words: Vec<usize>,
        capital: bool,
        stop: bool,
    },
}

impl Piece {
    /// Runs a wrapped line may start with: Fluent reads a continuation line that begins with
    /// `[`, `*` or `.` as syntax.
    fn can_start_line(&self) -> bool {
        !matches!(self, Piece::Link { .. } | Piece::Emphasis(_))
    }

    pub fn variable(&self) -> Option<&'static str> {
        match self {
            Piece::Variable(v) | Piece::Number(v) | Piece::Date(v) => Some(v),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    /// `id = text` on one line.
    Line(Vec<Piece>),
    /// Text wrapped onto indented lines below `id =`, breaking before a word once a line
    /// passes `width` characters.
    Wrapped { pieces: Vec<Piece>, width: usize },
    /// `{ $selector -> [key] … *[last] … }`; the last variant is the default.
    Plural {
        selector: &'static str,
        variants: Vec<(&'static str, Vec<Piece>)>,
    },
}

impl Pattern {
    pub fn pieces(&self) -> Box<dyn Iterator<Item = &Piece> + '_> {
        match self {
            Pattern::Line(p) | Pattern::Wrapped { pieces: p, .. } => Box::new(p.iter()),
            Pattern::Plural { variants, .. } => Box::new(variants.iter().flat_map(|(_, p)| p)),
        }
    }

    pub fn pieces_mut(&mut self) -> Option<&mut Vec<Piece>> {
        match self {
            Pattern::Line(p) | Pattern::Wrapped { pieces: p, .. } => Some(p),
            Pattern::Plural { .. } => None,
        }
    }
}

/// A message or term.
#[derive(Debug, Clone, PartialEq)]
pub struct FtlEntry {
    /// `-` first for a term.
    pub id: String,
    /// Comment lines written above the entry, without `# `.
    pub comment: Vec<String>,
    pub value: Option<Pattern>,
    pub attributes: Vec<(String, Pattern)>,
    /// Written in this locale whatever the file's locale (a translator who pasted the source).
    pub lang_override: Option<Lang>,
}

impl FtlEntry {
    pub fn new(id: String, value: Option<Pattern>) -> Self {
        Self {
            id,
            comment: Vec::new(),
            value,
            attributes: Vec::new(),
            lang_override: None,
        }
    }

    pub fn pieces(&self) -> impl Iterator<Item = &Piece> {
        self.value
            .iter()
            .chain(self.attributes.iter().map(|(_, p)| p))
            .flat_map(Pattern::pieces)
    }

    /// Ids of the messages and terms this entry refers to.
    pub fn references(&self) -> impl Iterator<Item = &str> {
        self.pieces().filter_map(|p| match p {
            Piece::MessageRef(id) | Piece::TermRef(id) => Some(id.as_str()),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    ResourceComment(Vec<String>),
    GroupComment(String),
    Entry(FtlEntry),
    /// Bytes written verbatim (syntax errors, text in a legacy encoding).
    Raw(Vec<u8>),
}

/// Writes `items` as the text of one `.ftl` file in `lang`.
pub fn write_items(items: &[Item], lang: Lang) -> Vec<u8> {
    let mut out = String::new();
    let mut raw: Vec<u8> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 && !matches!(item, Item::Entry(e) if e.comment.is_empty()) {
            out.push('\n');
        }
        match item {
            Item::ResourceComment(lines) => {
                for line in lines {
                    out.push_str("### ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Item::GroupComment(title) => {
                out.push_str("## ");
                out.push_str(title);
                out.push('\n');
            }
            Item::Entry(entry) => write_entry(&mut out, entry, lang),
            Item::Raw(bytes) => {
                raw.extend_from_slice(out.as_bytes());
                out.clear();
                raw.extend_from_slice(bytes);
            }
        }
    }
    raw.extend_from_slice(out.as_bytes());
    raw
}

pub fn write_entry(out: &mut String, entry: &FtlEntry, lang: Lang) {
    let lang = entry.lang_override.unwrap_or(lang);
    for line in &entry.comment {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&entry.id);
    out.push_str(" =");
    if let Some(value) = &entry.value {
        write_pattern(out, value, lang, "    ");
    }
    out.push('\n');
    for (name, pattern) in &entry.attributes {
        out.push_str("    .");
        out.push_str(name);
        out.push_str(" =");
        write_pattern(out, pattern, lang, "        ");
        out.push('\n');
    }
}

fn write_pattern(out: &mut String, pattern: &Pattern, lang: Lang, indent: &str) {
    match pattern {
        Pattern::Line(pieces) => {
            out.push(' ');
            out.push_str(&pieces_text(pieces, lang));
        }
        Pattern::Wrapped { pieces, width } => {
            // Break between words; a link or emphasis stays whole and never opens a line.
            let mut tokens: Vec<(String, bool)> = Vec::new();
            for (i, piece) in pieces.iter().enumerate() {
                let text = piece_text(piece, lang, i == 0);
                if matches!(piece, Piece::Words(_) | Piece::Sentence { .. }) {
                    tokens.extend(text.split(' ').map(|w| (w.to_owned(), true)));
                } else {
                    tokens.push((text, piece.can_start_line()));
                }
            }
            let mut line = String::new();
            for (text, can_start) in tokens {
                if !line.is_empty()
                    && line.chars().count() + text.chars().count() >= *width
                    && can_start
                {
                    out.push('\n');
                    out.push_str(indent);
                    out.push_str(&line);
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&text);
            }
            if !line.is_empty() {
                out.push('\n');
                out.push_str(indent);
                out.push_str(&line);
            }
        }
        Pattern::Plural { selector, variants } => {
            out.push('\n');
            out.push_str(indent);
            out.push_str("{ $");
            out.push_str(selector);
            out.push_str(" ->");
            for (i, (key, pieces)) in variants.iter().enumerate() {
                out.push('\n');
                out.push_str(indent);
                out.push_str(if i + 1 == variants.len() {
                    "   *["
                } else {
                    "    ["
                });
                out.push_str(key);
                out.push_str("] ");
                out.push_str(&pieces_text(pieces, lang));
            }
            out.push('\n');
            out.push_str(indent);
            out.push('}');
        }
    }
}

/// The text of `pieces` on one line in `lang`, the first word capitalized.
pub fn pieces_text(pieces: &[Piece], lang: Lang) -> String {
    let texts: Vec<String> = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| piece_text(p, lang, i == 0))
        .collect();
    texts.join(" ")
}

fn words_text(words: &[usize], lang: Lang, capital: bool) -> String {
    let mut text = String::new();
    for (i, &w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let word = WORDS[w][lang];
        if i == 0 && capital {
            text.push_str(&capitalize(word, lang));
        } else {
            text.push_str(word);
        }
    }
    text
}

fn piece_text(piece: &Piece, lang: Lang, first: bool) -> String {
    match piece {
        Piece::Words(words) => words_text(words, lang, first),
        Piece::Literal(text) => text.clone(),
        Piece::Variable(name) => format!("{{ ${name} }}"),
        Piece::Number(name) => format!("{{ NUMBER(${name}) }}"),
        Piece::Date(name) => format!("{{ DATETIME(${name}, dateStyle: \"long\") }}"),
        Piece::MessageRef(id) | Piece::TermRef(id) => format!("{{ {id} }}"),
        Piece::Link { url, words } => format!("[{}]({url})", words_text(words, lang, false)),
        Piece::Emphasis(words) => format!("*{}*", words_text(words, lang, false)),
        Piece::City(city) => CITIES[*city][lang].to_owned(),
        Piece::Initial(word) => WORDS[*word][lang]
            .chars()
            .next()
            .map(|c| capitalize(&c.to_string(), lang))
            .unwrap_or_default(),
        Piece::Sentence {
            words,
            capital,
            stop,
        } => {
            let mut text = words_text(words, lang, *capital);
            if *stop {
                text.push_str(if LOCALES[lang] == "ur" { "۔" } else { "." });
            }
            text
        }
    }
}

/// Plain text of a line of words, for comments and Hugo front matter.
pub fn sentence(words: &[usize], lang: Lang) -> String {
    words_text(words, lang, true)
}

/// The English text of `words`, for ids and comments.
pub fn english(words: &[usize]) -> String {
    words_text(words, EN, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_valid_fluent_in_every_locale() {
        let mut entry = FtlEntry::new(
            "files-count".into(),
            Some(Pattern::Plural {
                selector: "count",
                variants: vec![
                    (
                        "one",
                        vec![Piece::Variable("count"), Piece::Words(vec![31])],
                    ),
                    (
                        "other",
                        vec![Piece::Number("count"), Piece::Words(vec![31, 40])],
                    ),
                ],
            }),
        );
        entry.attributes.push((
            "title".into(),
            Pattern::Wrapped {
                pieces: vec![
                    Piece::Words(vec![0; 30]),
                    Piece::Link {
                        url: "https://a.example/x".into(),
                        words: vec![1, 2],
                    },
                    Piece::TermRef("-brand".into()),
                ],
                width: 40,
            },
        ));
        let items = vec![
            Item::ResourceComment(vec!["Files.".into()]),
            Item::Entry(FtlEntry::new(
                "-brand".into(),
                Some(Pattern::Line(vec![Piece::Literal("Beyan".into())])),
            )),
            Item::Entry(entry),
        ];
        for lang in 0..4 {
            let text = String::from_utf8(write_items(&items, lang)).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, e)| panic!("{text}\n{e:?}"));
            assert_eq!(resource.body.len(), 3, "{text}");
            assert!(
                text.contains("\n       *[other] { NUMBER($count) }"),
                "{text}"
            );
        }
    }
}
