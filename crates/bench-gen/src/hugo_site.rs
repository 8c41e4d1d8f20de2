//! The archive as a four-language Hugo site: the same releases and labels, a minimal layout
//! that prints what beyan's page prints (timing line, headline, subheadline, dateline, body,
//! boilerplate, media contact, end mark, links to the other languages), so that `hugo` and
//! `beyan render` build comparable sites from the same content.

use std::collections::HashMap;

use fluent_syntax::ast;

use crate::archive::{Archive, SAMPLE_COMMON};
use crate::file_tree::FileTree;
use crate::ftl_item::{pieces_text, sentence};
use crate::vocabulary::{CITIES, LOCALES};

const LANGUAGE_NAMES: [&str; 4] = ["English", "Azərbaycanca", "Türkçe", "اردو"];

/// Labels of `common.ftl` used by the layout.
const LABELS: [&str; 8] = [
    "site-title",
    "for-immediate-release",
    "about-heading",
    "boilerplate",
    "media-contact",
    "end-mark",
    "other-languages",
    "press-releases",
];

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}" dir="{{ .Site.Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ i18n "site-title" }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;

const SINGLE: &str = r#"{{ define "main" }}<article>
<p class="timing">{{ i18n "for-immediate-release" }}</p>
<h1>{{ .Title }}</h1>
{{ with .Params.subheadline }}<p class="subheadline">{{ . }}</p>{{ end }}
<p class="dateline">{{ upper .Params.dateline }}, {{ .Date | time.Format ":date_long" }}{{ with .Params.number }} · {{ . }}{{ end }}</p>
{{ .Content }}
<h2>{{ i18n "about-heading" }}</h2>
<p>{{ i18n "boilerplate" }}</p>
<h2>{{ i18n "media-contact" }}</h2>
<p>{{ site.Params.contactName }} · <a href="mailto:{{ site.Params.contactEmail }}">{{ site.Params.contactEmail }}</a></p>
<p class="end">{{ i18n "end-mark" }}</p>
{{ with .Translations }}<nav><h2>{{ i18n "other-languages" }}</h2><ul>
{{ range . }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}</ul></nav>{{ end }}
</article>{{ end }}
"#;

const INDEX: &str = r#"{{ define "main" }}<h1>{{ i18n "press-releases" }}</h1>
<ul>
{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></li>
{{ end }}</ul>
{{ end }}
"#;

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The site: `config.toml`, `i18n/`, `layouts/` and `content/<locale>/releases/<slug>.md`.
pub fn hugo_site(archive: &Archive) -> FileTree {
    let mut tree = FileTree::default();
    let mut config = String::from(
        "# The benchmark archive as a Hugo site, made by `bench-gen hugo-site`.\n\
         baseURL = \"https://press.embassy.example/\"\n\
         defaultContentLanguage = \"en\"\n\
         defaultContentLanguageInSubdir = true\n\
         disableKinds = [\"taxonomy\", \"term\", \"section\", \"404\"]\n\n\
         [params]\ncontactName = \"Press Office\"\ncontactEmail = \"press@embassy.example\"\n",
    );
    for (lang, locale) in LOCALES.iter().enumerate() {
        config.push_str(&format!(
            "\n[languages.{locale}]\ncontentDir = \"content/{locale}\"\nlanguageName = {}\nweight = {}\n",
            toml_string(LANGUAGE_NAMES[lang]),
            lang + 1
        ));
        if *locale == "ur" {
            config.push_str("languageDirection = \"rtl\"\n");
        }
        let labels = plain_messages(SAMPLE_COMMON[lang]);
        let mut i18n = String::new();
        for id in LABELS {
            let text = labels.get(id).map(String::as_str).unwrap_or(id);
            i18n.push_str(&format!("[{id}]\nother = {}\n", toml_string(text)));
        }
        tree.insert(format!("i18n/{locale}.toml"), i18n);
        tree.insert(
            format!("content/{locale}/_index.md"),
            format!(
                "+++\ntitle = {}\n+++\n",
                toml_string(labels.get("press-releases").map_or("", String::as_str))
            ),
        );
        for release in &archive.releases {
            let text = &release.text;
            let mut page = format!(
                "+++\ntitle = {}\ndate = {}\nsubheadline = {}\ndateline = {}\n",
                toml_string(&sentence(&text.headline, lang)),
                release.date,
                toml_string(&sentence(&text.subheadline, lang)),
                toml_string(CITIES[text.city][lang]),
            );
            // Custom keys at the top level: Hugo 0.111 (Debian's) has no `[params]` table in
            // front matter.
            if let Some(number) = &release.number {
                page.push_str(&format!("number = {}\n", toml_string(number)));
            }
            page.push_str("+++\n");
            for paragraph in &text.paragraphs {
                page.push('\n');
                page.push_str(&pieces_text(paragraph, lang));
                page.push('\n');
            }
            tree.insert(
                format!("content/{locale}/releases/{}.md", release.slug),
                page,
            );
        }
    }
    tree.insert("config.toml", config);
    tree.insert("layouts/_default/baseof.html", BASEOF);
    tree.insert("layouts/_default/single.html", SINGLE);
    tree.insert("layouts/index.html", INDEX);
    tree
}

/// Messages of a `.ftl` file whose value is text, term and message references only, resolved
/// to plain text with whitespace collapsed (what Hugo's i18n files can hold).
pub fn plain_messages(source: &str) -> HashMap<String, String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut patterns: HashMap<String, &ast::Pattern<&str>> = HashMap::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                if let Some(value) = &m.value {
                    patterns.insert(m.id.name.to_owned(), value);
                }
            }
            ast::Entry::Term(t) => {
                patterns.insert(format!("-{}", t.id.name), &t.value);
            }
            _ => {}
        }
    }
    fn resolve(
        pattern: &ast::Pattern<&str>,
        patterns: &HashMap<String, &ast::Pattern<&str>>,
        depth: usize,
    ) -> Option<String> {
        if depth > 8 {
            return None;
        }
        let mut text = String::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => text.push_str(value),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Inline(inline),
                } => {
                    let id = match inline {
                        ast::InlineExpression::TermReference {
                            id,
                            attribute: None,
                            arguments: None,
                        } => format!("-{}", id.name),
                        ast::InlineExpression::MessageReference {
                            id,
                            attribute: None,
                        } => id.name.to_owned(),
                        _ => return None,
                    };
                    text.push_str(&resolve(patterns.get(&id)?, patterns, depth + 1)?);
                }
                ast::PatternElement::Placeable { .. } => return None,
            }
        }
        Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
    patterns
        .iter()
        .filter(|(id, _)| !id.starts_with('-'))
        .filter_map(|(id, pattern)| Some((id.clone(), resolve(pattern, &patterns, 0)?)))
        .collect()
}
