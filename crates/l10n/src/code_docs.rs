//! What each diagnostic code means, an example of it and how to fix it: the text of
//! `beyan explain CODE` and of the rules in `check --format sarif`.

use crate::diagnostic::Code;

/// The documentation of one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeDoc {
    /// One line: what the code reports.
    pub summary: &'static str,
    /// A small `.ftl` example that triggers it (the translation, with the reference in a
    /// comment where it matters).
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

impl Code {
    pub fn doc(self) -> CodeDoc {
        let (summary, example, fix) = match self {
            Code::SyntaxError => (
                "The Fluent parser could not read an entry (it becomes Junk and is not published).",
                "# A message without `=`:\nheadline Zafer Günü",
                "Correct the syntax at the line and column given: every message is `id = text`, placeables are closed with `}`, attributes start with `.` on an indented line.",
            ),
            Code::InvalidEncoding => (
                "A file that is not valid UTF-8 (or cannot be read); the rest of the file and the other files are still checked.",
                "# Saved as Windows-1254: bytes 0xFC 0xE7 where ü ç should be\nparagraph-01 = Gen\u{FFFD}li\u{FFFD}",
                "Save the file as UTF-8 (without changing the text) in your editor.",
            ),
            Code::MissingMessage => (
                "A message or term (`-id`) of the reference is absent from the translation; or a message the templates print (`feed-title`, `headline`) is absent from the reference, so `render` could not publish.",
                "# en: subheadline = Statement of the Embassy on Victory Day\n# tr: (no `subheadline`)",
                "Translate the message into the locale's file with the same relative path (`beyan todo --locale L` prints a snippet to start from). A label the templates print belongs in the reference's shared file (`locales/en/common.ftl`), a release's text in its own file.",
            ),
            Code::MissingAttribute => (
                "An attribute of the reference message is absent from the translation.",
                "# en: link = Read\n#         .title = The full statement\nlink = Okuyun",
                "Add the attribute (`.title = …`) under the translated message.",
            ),
            Code::MissingValue => (
                "The reference message has a value, the translation only attributes.",
                "# en: link = Read\n#         .title = The statement\nlink =\n    .title = Açıklama",
                "Give the translated message a value on the `id =` line.",
            ),
            Code::DuplicateId => (
                "The same id is defined twice in one locale (in one scope: the shared files, or a release and the shared files).",
                "headline = Zafer Günü\nheadline = Zafer Günü Açıklaması",
                "Keep one definition; the first one wins at run time, which is rarely the intended one.",
            ),
            Code::UnknownVariable => (
                "The translation uses a `$variable` that the reference message never uses, so it has no value when formatted.",
                "# en: greeting = Hello, { $name }!\ngreeting = Salam, { $nam }!",
                "Use the reference's variable names exactly (they are not translated).",
            ),
            Code::UnknownReference => (
                "A message or term reference (`{ -org-name }`, `{ about-heading }`) that the locale cannot resolve.",
                "site-title = { -org-shortname } — Basın bültenleri",
                "Refer to an id that exists in the locale (the reference's ids are not translated), or add the missing term.",
            ),
            Code::InvalidCharacter => (
                "A character that no output format can carry: a C0 control other than tab and newline, U+FFFE/U+FFFF or another noncharacter (raw, or written as an escape in a string literal).",
                "headline = Zafer\u{1}Günü\nnote = { \"\\u0000\" }",
                "Remove the character; it is usually pasted by accident from another program.",
            ),
            Code::TooManyPlaceables => (
                "Formatting the message would take more placeables (its own and those of every message and term it refers to) than the Fluent runtime allows (100), so render would refuse it.",
                "-a = { -b }{ -b }\n-b = { -c }{ -c }\n# … a chain that doubles at each step\nheadline = { -a }",
                "Flatten the chain of references: write the text out, or refer to fewer terms.",
            ),
            Code::CyclicReference => (
                "Messages or terms that reference each other in a loop; none of them can be formatted.",
                "a = { b }\nb = { a }",
                "Break the loop: one of the messages must have its own text.",
            ),
            Code::ObsoleteMessage => (
                "A message in the translation that the reference no longer has (or a whole file the reference does not have).",
                "# en: (no `old-banner`)\nold-banner = Eski duyuru",
                "Delete it, or rename it to the reference's new id if the message was renamed.",
            ),
            Code::ObsoleteAttribute => (
                "An attribute of a translated message that the reference message does not have.",
                "# en: link = Read\nlink = Okuyun\n    .tooltip = Açıklamayı okuyun",
                "Delete the attribute, or rename it to the reference's.",
            ),
            Code::UnusedVariable => (
                "A `$variable` of the reference is used nowhere in the translation, so its value never shows.",
                "# en: published-on = Published { DATETIME($date) }\npublished-on = Yayımlandı",
                "Use the variable in the translation (in every variant where the reader needs it).",
            ),
            Code::MissingPluralCategory => (
                "A plural selector lacks a CLDR plural category that the locale needs.",
                "# ur needs `one` and `other`\nreleases-count = { $count ->\n   *[other] { $count } ریلیز\n}",
                "Add a variant for each category the message names (`[one]`, `[few]`, … as CLDR gives them for the locale).",
            ),
            Code::UnknownPluralCategory => (
                "A variant of a plural selector is named after a CLDR plural category that the locale does not have, so no number ever matches it.",
                "# tr has only `one` and `other`\nreleases-count = { $count ->\n    [few] { $count } bülten\n    [one] { $count } bülten\n   *[other] { $count } bülten\n}",
                "Remove the variant, or move its text to a category the locale has (the warning lists them, as CLDR gives them).",
            ),
            Code::StaleTranslation => (
                "The reference text changed after the translation was made (recorded in `beyan.lock`).",
                "# beyan.lock recorded the English before its last edit\nheadline = Zafer Günü",
                "Update the translation to the new reference text, then run `beyan lock`; or, if it is still right, `beyan lock --accept ID`.",
            ),
            Code::SameAsSource => (
                "The translation is identical to the reference text.",
                "# en: media-contact = Media contact\nmedia-contact = Media contact",
                "Translate it; a name that is the same in every language goes into `[check] same-as-source-allow` in beyan.toml.",
            ),
            Code::BidiControl => (
                "Bidirectional override, embedding or isolate controls (U+202A–U+202E, U+2066–U+2069) in translated text; they can reorder what the reader sees.",
                "dateline-city = \u{2067}اسلام آباد\u{2069}",
                "Delete the control characters: the renderer sets the text direction of each page and value itself.",
            ),
            Code::MarkupMismatch => (
                "Links or inline markup differ from the reference (a changed URL, a dropped link or emphasis), variant by variant.",
                "# en: link = Read [the statement](https://example.org/s).\nlink = [Açıklamayı](https://evil.example/) okuyun.",
                "Keep the reference's link destinations and emphasis; translate only the link text.",
            ),
            Code::NumberMismatch => (
                "The numbers of the translation differ from the reference's, compared as values (digits of every script, CLDR grouping and decimal separators of each locale, suffixes such as `2020-ci` or `2020’de` read as 2020).",
                "# en: On 8 November 2020 …\nparagraph-01 = 11 Kasım 2020’de …",
                "Correct the number. A number written out in words is not a mismatch; if the difference is intended (another calendar), add `# beyan-ignore: number-mismatch — why` above the message.",
            ),
            Code::UrlMismatch => (
                "A URL of the reference's text is not in the translation unchanged.",
                "# en: See https://mfa.gov.az/en for details.\nsee-more = Ayrıntılar: https://mfa.gov.az/tr",
                "Copy the URL exactly; if the locale has its own page on purpose, add `# beyan-ignore: url-mismatch — why`.",
            ),
            Code::EmailMismatch => (
                "An e-mail address of the reference's text is not in the translation unchanged.",
                "# en: Write to press@embassy.example.\ncontact = basin@embassy.example adresine yazın.",
                "Copy the address exactly.",
            ),
            Code::PunctuationMismatch => (
                "The reference ends in `.` `?` `!` or `:` and the translation does not end in its counterpart for its script (Urdu `۔` for `.`, `؟` for `?`); a closing quotation mark or parenthesis is looked through.",
                "# en: The ceremony ended.\nended = Tören sona erdi",
                "End the translation as the reference ends, with the mark of the translation's script.",
            ),
            Code::Whitespace => (
                "Leading, trailing or doubled spaces, or tabs, in the translation where the reference has none.",
                "spaced = Tören  sona erdi.",
                "Delete the extra space (it shows in the published text, or doubles around a line break).",
            ),
            Code::RepeatedWord => (
                "The same word twice in a row, which is usually a typo (grammatical doubling such as Turkish “yavaş yavaş” or Urdu “ساتھ ساتھ” is not reported).",
                "doubled = Büyükelçilik ve ve halk.",
                "Delete the repeated word; if the doubling is intended, add `# beyan-ignore: repeated-word — why`.",
            ),
            Code::TooLong => (
                "The translation is longer than the `# max-length: N` comment on the reference message allows, counted in characters as a reader counts them (grapheme clusters).",
                "# en:\n#   # max-length: 24\n#   short = Fifth anniversary\nshort = Zafer Gününün Beşinci Yıl Dönümü",
                "Shorten the translation (the limit is usually a layout's: a headline, a button, an e-mail subject).",
            ),
            Code::Glossary => (
                "The reference uses a term of `glossary.toml` and the translation has none of its approved renderings (or, for a `do-not-translate` term, not the term itself).",
                "# glossary.toml: en = \"Patriotic War\", tr = [\"Vatan Savaşı\"]\n# en: The Patriotic War ended.\nwar = Büyük Savaş sona erdi.",
                "Use an approved rendering (it may carry suffixes: `Vatan Savaşı’nda`); if the glossary lacks a good one, add it to glossary.toml.",
            ),
            Code::InvalidSuppression => (
                "A `# beyan-ignore:` comment without a reason, or naming a code that does not exist.",
                "# beyan-ignore: number-mismatch\nnoted = 1441 yılı.",
                "Write why after a dash: `# beyan-ignore: number-mismatch — the Turkish gives the Rumi year`, with the codes spelled as `beyan explain` lists them.",
            ),
        };
        CodeDoc {
            summary,
            example,
            fix,
        }
    }

    /// The code named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_summary_an_example_and_a_fix() {
        for &code in Code::ALL {
            let doc = code.doc();
            assert!(doc.summary.ends_with('.'), "{code}");
            assert!(!doc.example.trim().is_empty(), "{code}");
            assert!(doc.fix.len() > 20, "{code}");
            assert_eq!(Code::from_name(code.as_str()), Some(code));
        }
        // Each example is its own: none is copied from another code's.
        let examples: std::collections::HashSet<&str> =
            Code::ALL.iter().map(|c| c.doc().example).collect();
        assert_eq!(examples.len(), Code::ALL.len());
    }
}
