//! The files `beyan new` and `beyan init` create, as text. Nothing here touches the disk: the
//! CLI decides where and how (atomically, never over an existing file) they are written.

use jiff::civil::Date;

use crate::{CONFIG_FILE, Locale, Slug};

/// One file to create, relative to the workspace root (with `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaffoldFile {
    pub path: String,
    pub text: String,
}

/// The slug of the example release in a new workspace.
pub const EXAMPLE_SLUG: &str = "example-release";

/// `releases/<slug>.toml` and the reference `.ftl` of a new release: every message the
/// built-in templates print, with placeholder text a press officer replaces.
pub fn release_files(slug: &Slug, date: Date, reference: &Locale) -> Vec<ScaffoldFile> {
    vec![
        ScaffoldFile {
            path: format!("releases/{slug}.toml"),
            text: format!(
                "# {slug}: the facts of this release that are not translated.\n\
                 date = {date}\n\
                 # Not published before this instant (a date and time with its UTC offset):\n\
                 # embargo = {date}T09:00:00+00:00\n\
                 # The press office's reference number, printed when given:\n\
                 # number = \"1/{year:02}\"\n",
                year = date.year() % 100,
            ),
        },
        ScaffoldFile {
            path: format!("locales/{reference}/releases/{slug}.ftl"),
            text: format!(
                "### {slug}: the text of this release in the reference language ({reference}).\n\
                 ### Replace the text after each `=`. Paragraphs are printed in the order of this file:\n\
                 ### add paragraph-04, paragraph-05… as needed; delete `subheadline` if there is none.\n\
                 ### A quotation is `quote-1 = …` with an optional `.attribution = Name, title` line.\n\
                 ### Then run `beyan check`; translators get their to-do with\n\
                 ### `beyan todo --locale <locale> --release {slug}`.\n\
                 \n\
                 headline = Headline: one line that says what happened\n\
                 subheadline = Subheadline: one sentence with the essential detail\n\
                 dateline-city = City\n\
                 \n\
                 paragraph-01 =\n    \
                     First paragraph: who, what, when, where and why, in two or three sentences.\n\
                 paragraph-02 =\n    \
                     Second paragraph: the details, the background and the context.\n\
                 paragraph-03 =\n    \
                     Third paragraph: what happens next, and where to learn more.\n"
            ),
        },
    ]
}

/// A new workspace: `beyan.toml` (with `locales` required), the reference's shared text, an
/// example release dated `date`, and for each locale a `common.ftl` to translate into. The
/// CLI adds the built-in templates.
pub fn workspace_files(date: Date, locales: &[Locale]) -> Vec<ScaffoldFile> {
    let reference = Locale::parse("en").unwrap_or_else(|_| unreachable!("`en` is a locale"));
    let slug = Slug::parse(EXAMPLE_SLUG).unwrap_or_else(|_| unreachable!("a valid slug"));
    let mut files = vec![
        ScaffoldFile {
            path: CONFIG_FILE.to_owned(),
            text: config(locales),
        },
        ScaffoldFile {
            path: format!("locales/{reference}/common.ftl"),
            text: COMMON_FTL.to_owned(),
        },
        ScaffoldFile {
            path: ".gitignore".to_owned(),
            text: "# What `beyan render` publishes (its default output folder).\n/dist/\n"
                .to_owned(),
        },
    ];
    files.extend(release_files(&slug, date, &reference));
    files.extend(locales.iter().map(|locale| ScaffoldFile {
        path: format!("locales/{locale}/common.ftl"),
        text: format!(
            "### Shared text of the press office in `{locale}`: the translation of\n\
             ### locales/{reference}/common.ftl. `beyan todo --locale {locale}` lists every message\n\
             ### to translate, ready to paste here.\n"
        ),
    }));
    files
}

/// `beyan.toml` with `locales` as the required ones.
fn config(locales: &[Locale]) -> String {
    let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    CONFIG.replacen(
        "required = []",
        &format!("required = [{}]", quoted.join(", ")),
        1,
    )
}

const CONFIG: &str = r#"# A beyan workspace: `beyan check` compares the translations with the reference,
# `beyan status` shows what is left to translate, `beyan render` publishes the releases.

[locales]
reference = "en"
# A required locale must be complete for `beyan check` to pass; an optional one is reported.
# Create locales/<code>/ for each, e.g. required = ["az", "tr", "ur"].
required = []
optional = []

[site]
# Where the rendered `dist/` is published: canonical links, feeds and the sitemap.
# base-url = "https://press.example.org"

[contact]
# The media contact printed on every release (a release may override it). Its name, as
# readers see it, is `contact-name` in each locale's common.ftl.
email = "press@example.org"
"#;

/// The shared text the built-in templates print, with the press office's details to replace.
const COMMON_FTL: &str = r#"### Shared text of the press office: organization, labels and page furniture.
### Replace the organization's name and boilerplate; the labels can stay as they are.

## Organization

-org-name = Example Press Office
-org-short = Example Press Office
org-name = { -org-name }
site-title = { -org-short } — Press releases
about-heading = About the { -org-short }
boilerplate =
    The { -org-name } publishes news and statements of its organization. Replace this
    paragraph with two or three sentences about who you are.

## Release anatomy

for-immediate-release = FOR IMMEDIATE RELEASE
embargoed-until = EMBARGOED UNTIL { DATETIME($embargo, dateStyle: "long", timeStyle: "short") }
embargo-preview = Preview: this release is under embargo and is not yet published.
release-date = { DATETIME($date, dateStyle: "long") }
release-number = Release No. { $number }
media-contact = Media contact
end-mark = ###

## Pages and feeds

language-name = English
choose-language = Choose a language
other-languages = This release in other languages
press-releases = Press releases
releases-count =
    { $count ->
        [one] { $count } release
       *[other] { $count } releases
    }
skip-to-content = Skip to content
published-on = Published { DATETIME($date, dateStyle: "long") }
feed-title = { -org-short }: press releases
## Page furniture

# The media contact as readers see it; a release may name a person in its TOML instead.
contact-name = Press Office
contact-email = E-mail
contact-phone = Phone
home = Home
breadcrumb = You are here
all-releases = All press releases
subscribe = Subscribe
subscribe-feeds = Atom feed or JSON Feed for news readers
page-address = Page address
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(ftl: &str) -> Vec<&str> {
        ftl.lines()
            .filter(|l| !l.starts_with([' ', '#']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .collect()
    }

    #[test]
    fn shared_text_has_every_id_of_the_sample() {
        let sample = include_str!("../../../locales/en/common.ftl");
        let ours = ids(COMMON_FTL);
        for id in ids(sample) {
            assert!(ours.contains(&id), "init's common.ftl lacks `{id}`");
        }
    }

    #[test]
    fn release_files_are_named_after_the_slug_and_parse() {
        let slug = Slug::parse("2026-01-05-visit").unwrap();
        let date = Date::new(2026, 1, 5).unwrap();
        let files = release_files(&slug, date, &Locale::parse("en").unwrap());
        assert_eq!(files[0].path, "releases/2026-01-05-visit.toml");
        assert_eq!(files[1].path, "locales/en/releases/2026-01-05-visit.ftl");
        let release = crate::Release::parse(slug, &files[0].path, &files[0].text).unwrap();
        assert_eq!(release.date, date);
        assert_eq!(release.embargo, None);
        for id in ["headline", "subheadline", "dateline-city", "paragraph-01"] {
            assert!(ids(&files[1].text).contains(&id), "{id}");
        }
    }

    #[test]
    fn config_parses() {
        let config = crate::Config::parse(CONFIG_FILE, CONFIG).unwrap();
        assert_eq!(config.locales.reference.as_str(), "en");
        assert!(config.locales.required.is_empty());
        let locales = [Locale::parse("az").unwrap(), Locale::parse("ur").unwrap()];
        let parsed = crate::Config::parse(CONFIG_FILE, &super::config(&locales)).unwrap();
        assert_eq!(parsed.locales.required, locales);
    }
}
