//! Tera, set up for beyan: the template set and the helpers templates call.
//!
//! Helpers read the page's locale, output format and release from reserved context variables
//! (`_locale`, `_format`, `_release`) that the renderer sets for every page, and format through
//! the bundles of the render:
//! - `t(id="headline")`, `t(id="quote-1", attr="attribution")`, `t(id="release-date",
//!   date=release.date)`, `t(id="headline", release=other.slug)`: a translated message, escaped
//!   and marked up for the page's format (`id`, `attr` and `release` are reserved; every other
//!   argument is a Fluent variable); `locale="az"` formats in another locale (the root
//!   chooser speaks every language) and `format="txt"` for another format than the page's
//!   (plain text for JSON values, HTML inside a feed's XHTML content);
//! - `text | json`: a JSON string literal, safe inside `<script>` (`<`, `>`, `&` escaped);
//! - `text | ltr`: a left-to-right fact (phone, e-mail) in plain text or Markdown of a
//!   right-to-left page, isolated so that its digit groups keep their order;
//! - `text | upper`: upper-casing with the locale's rules (Turkish `i` → `İ`);
//! - `release.date | date(style="long")`: a localized date (`time_style` too, for instants).

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use beyan_l10n::{DateInput, FluentArgs, FluentValue, LocaleBundle, Style};
use tera::{ArgFromValue, Context, Kwargs, State, StringInput, Tera, Value};

use crate::markup::{Format, Isolation, Message};
use crate::render_error::TemplateError;
use crate::templates::TemplateSet;

/// The bundles of one render, by locale: the shared text's and each release's.
///
/// A bundle is shared (`Arc`) so that a streaming render can hold every locale's shared
/// bundle in each locale's pass without building it again.
#[derive(Debug, Default, Clone)]
pub struct Bundles {
    locales: HashMap<String, LocaleBundles>,
}

#[derive(Debug, Default, Clone)]
struct LocaleBundles {
    shared: Option<Arc<LocaleBundle>>,
    releases: HashMap<String, Arc<LocaleBundle>>,
}

impl Bundles {
    pub fn insert(&mut self, locale: &str, release: Option<&str>, bundle: Arc<LocaleBundle>) {
        let bundles = self.locales.entry(locale.to_owned()).or_default();
        match release {
            Some(slug) => {
                bundles.releases.insert(slug.to_owned(), bundle);
            }
            None => bundles.shared = Some(bundle),
        }
    }

    pub fn get(&self, locale: &str, release: Option<&str>) -> Option<&LocaleBundle> {
        let bundles = self.locales.get(locale)?;
        match release {
            Some(slug) => bundles.releases.get(slug).map(Arc::as_ref),
            None => bundles.shared.as_deref(),
        }
    }

    /// Adds every bundle of `other`.
    pub fn extend(&mut self, other: Self) {
        for (locale, bundles) in other.locales {
            let mine = self.locales.entry(locale).or_default();
            if bundles.shared.is_some() {
                mine.shared = bundles.shared;
            }
            mine.releases.extend(bundles.releases);
        }
    }

    /// Every locale's shared bundle.
    pub fn locales_shared(&self) -> impl Iterator<Item = (&str, Arc<LocaleBundle>)> {
        self.locales.iter().filter_map(|(locale, bundles)| {
            Some((locale.as_str(), Arc::clone(bundles.shared.as_ref()?)))
        })
    }
}

/// Messages already formatted and read on this thread while a `MemoScope` is alive, keyed by
/// the bundle's address and the call (id, attribute, arguments).
///
/// The three formats of a release repeat the same messages, and a page repeats some of them
/// (the headline is in the title, the Open Graph tags and the `<h1>`); Fluent and the markup
/// parser run once per message instead. Formatting is a pure function of the bundle and the
/// call, so a remembered message is the one formatting would give again. Bundles' addresses
/// are only unique while they are alive, so nothing outlives the scope.
struct Memo {
    messages: HashMap<(usize, String), Rc<Remembered>>,
}

/// A message read once, and what it gave for each format a page asked for: the headline
/// comes six times in a release page.
pub(crate) struct Remembered {
    pub(crate) message: Message,
    /// By `Format`, in the order of `FORMATS`.
    rendered: [OnceCell<Value>; FORMATS.len()],
}

const FORMATS: [Format; 4] = [Format::Html, Format::Xml, Format::Text, Format::Markdown];

impl Remembered {
    fn new(message: Message) -> Self {
        Self {
            message,
            rendered: Default::default(),
        }
    }

    /// The message escaped and marked up for `format`, as a safe value; `isolation` is the
    /// bundle's, the same for every call on one message.
    fn render(&self, format: Format, isolation: Isolation) -> Value {
        let render = || Value::safe_string(&self.message.render(format, isolation));
        match FORMATS.iter().position(|f| *f == format) {
            Some(i) => self.rendered[i].get_or_init(render).clone(),
            None => render(),
        }
    }
}

thread_local! {
    static MEMO: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

/// While alive, `t()` on this thread remembers what it formatted (see `Memo`). The bundles
/// must outlive it.
pub struct MemoScope(());

impl MemoScope {
    pub fn new() -> Self {
        MEMO.with(|memo| {
            *memo.borrow_mut() = Some(Memo {
                messages: HashMap::default(),
            });
        });
        Self(())
    }
}

impl Drop for MemoScope {
    fn drop(&mut self) {
        MEMO.with(|memo| *memo.borrow_mut() = None);
    }
}

/// The compiled templates and the bundles their helpers format with. A streamed render
/// compiles the templates once and gives each pass its bundles ([`Engine::set_bundles`]).
pub struct Engine {
    tera: Tera,
    templates: TemplateSet,
    bundles: Arc<Bundles>,
}

impl Engine {
    pub fn new(templates: TemplateSet, bundles: Arc<Bundles>) -> Result<Self, TemplateError> {
        let mut tera = Tera::new();
        // Plain text and Markdown are never HTML-escaped; their text is escaped by `t`.
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(escape_html_runs);
        tera.register_function("t", |kwargs: Kwargs, _: &State<'_>| {
            with_page(|page| translate(page, &kwargs))
        });
        tera.register_filter(
            "upper",
            |value: StringInput<'_>, _: Kwargs, _: &State<'_>| {
                with_page(|page| upper(page, &value))
            },
        );
        tera.register_filter(
            "date",
            |value: StringInput<'_>, kwargs: Kwargs, _: &State<'_>| {
                with_page(|page| localized_date(page, &value, &kwargs))
            },
        );
        tera.register_filter(
            "json",
            |value: StringInput<'_>, _: Kwargs, _: &State<'_>| {
                Ok::<_, tera::Error>(Value::safe_string(&crate::json_string::json_string(
                    value.as_str(),
                )))
            },
        );
        tera.register_filter("ltr", |value: StringInput<'_>, _: Kwargs, _: &State<'_>| {
            with_page(|page| ltr(page, value))
        });
        tera.register_filter(
            "plain",
            |value: StringInput<'_>, _: Kwargs, _: &State<'_>| plain(value),
        );
        tera.register_filter("md", |value: StringInput<'_>, _: Kwargs, _: &State<'_>| {
            Ok::<_, tera::Error>(Value::safe_string(&crate::markup::escape_markdown(
                value.as_str(),
            )))
        });
        tera.register_filter(
            "wrap",
            |value: StringInput<'_>, kwargs: Kwargs, _: &State<'_>| {
                let width = kwargs.get::<usize>("width")?.unwrap_or(72);
                Ok::<_, tera::Error>(value.inherit_safety(wrap(value.as_str(), width)))
            },
        );
        let sources = templates
            .templates
            .iter()
            .map(|t| (t.name.as_str(), t.text.as_str()));
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(TemplateError::from_tera(&e, &templates, None));
        }
        Ok(Self {
            tera,
            templates,
            bundles,
        })
    }

    /// The bundles the pages rendered from now on format with; the templates stay compiled.
    pub fn set_bundles(&mut self, bundles: Arc<Bundles>) {
        self.bundles = bundles;
    }

    /// Renders template `name` into `out` (cleared first).
    pub fn render_to(
        &self,
        name: &str,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), TemplateError> {
        out.clear();
        self.write_to(name, context, &mut *out)
    }

    /// Renders template `name` into `out` as it goes.
    pub fn write_to(
        &self,
        name: &str,
        context: &Context,
        out: &mut dyn std::io::Write,
    ) -> Result<(), TemplateError> {
        let _page = PageScope::new(context, &self.bundles);
        self.tera
            .render_to(name, context, out)
            .map_err(|e| TemplateError::from_tera(&e, &self.templates, Some(name)))
    }
}

/// Tera's autoescape (the same five characters as Tera's own `escape_html`), writing the text
/// between them a run at a time: Tera's writes every byte on its own through `dyn Write`.
fn escape_html_runs(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut run = 0;
    for (at, byte) in input.bytes().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&input.as_bytes()[run..at])?;
        out.write_all(entity)?;
        run = at + 1;
    }
    out.write_all(&input.as_bytes()[run..])
}

/// The reserved variables of the page being rendered on this thread, read from its context
/// once rather than looked up in Tera's state by every `t()` (hundreds of times a page).
struct Page {
    locale: Option<Value>,
    format: Option<Value>,
    release: Option<Value>,
    bundles: Arc<Bundles>,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

/// While alive, the helpers read the page's reserved variables from `PAGE`; the page before
/// (none, outside a render) is back when it ends.
struct PageScope(Option<Page>);

impl PageScope {
    fn new(context: &Context, bundles: &Arc<Bundles>) -> Self {
        let page = Page {
            locale: context.get("_locale").cloned(),
            format: context.get("_format").cloned(),
            release: context.get("_release").cloned(),
            bundles: Arc::clone(bundles),
        };
        Self(PAGE.with(|current| current.replace(Some(page))))
    }
}

impl Drop for PageScope {
    fn drop(&mut self) {
        PAGE.with(|current| *current.borrow_mut() = self.0.take());
    }
}

/// `f` with the page being rendered on this thread (its reserved variables and bundles are
/// read in place: a page calls the helpers hundreds of times).
fn with_page(f: impl FnOnce(&Page) -> tera::TeraResult<Value>) -> tera::TeraResult<Value> {
    PAGE.with(|page| match page.borrow().as_ref() {
        Some(page) => f(page),
        None => Err(tera::Error::message("no page is being rendered")),
    })
}

/// A value as text, converted as `get::<String>` would, without copying a string.
fn text_of(value: &Value) -> tera::TeraResult<Cow<'_, str>> {
    <Cow<'_, str> as ArgFromValue<'_>>::from_value(value)
}

impl Page {
    /// `_locale`.
    fn locale(&self) -> tera::TeraResult<Cow<'_, str>> {
        match &self.locale {
            Some(value) => text_of(value),
            None => Err(tera::Error::message("the page has no `_locale`")),
        }
    }

    /// `_format`.
    fn format(&self) -> tera::TeraResult<Format> {
        let name = match &self.format {
            Some(value) => text_of(value)?,
            None => Cow::Borrowed(""),
        };
        Format::parse(&name).ok_or_else(|| tera::Error::message("the page has no `_format`"))
    }

    /// `_release`.
    fn release(&self) -> tera::TeraResult<Option<Cow<'_, str>>> {
        self.release.as_ref().map(text_of).transpose()
    }
}

fn translate(page: &Page, kwargs: &Kwargs) -> tera::TeraResult<Value> {
    let bundles = &page.bundles;
    // The arguments in one pass (each look-up by name hashes the name): `t`'s own, and the
    // message's, sorted by name so that one call has one memo key.
    let (mut locale, mut format, mut id, mut attribute, mut named_release) =
        (None, None, None, None, None);
    let mut message_args: Vec<(&str, &Value)> = Vec::new();
    for (key, value) in kwargs.iter() {
        let Some(name) = key.as_str() else { continue };
        let slot = match name {
            "locale" => &mut locale,
            "format" => &mut format,
            "id" => &mut id,
            "attr" => &mut attribute,
            "release" => &mut named_release,
            _ => {
                message_args.push((name, value));
                continue;
            }
        };
        *slot = Some(text_of(value)?);
    }
    message_args.sort_unstable_by_key(|(name, _)| *name);
    let locale: Cow<'_, str> = match locale {
        Some(locale) => locale,
        None => page.locale()?,
    };
    let locale = locale.as_ref();
    let format = match format {
        Some(name) => Format::parse(&name).ok_or_else(|| {
            tera::Error::message(format!(
                "`format` is \"html\", \"xml\", \"txt\" or \"md\", not \"{name}\""
            ))
        })?,
        None => page.format()?,
    };
    // Without `id`, Tera's own "missing keyword argument" error.
    let id: Cow<'_, str> = match id {
        Some(id) => id,
        None => kwargs.must_get("id")?,
    };
    let id = id.as_ref();
    let attribute = attribute.as_deref();
    // Another release's message (an index's headlines, a feed's texts) comes once per page:
    // remembering it would only cost.
    let remember = named_release.is_none();
    let release: Option<Cow<'_, str>> = match named_release {
        Some(slug) => Some(slug),
        None => page.release()?,
    };
    let release = release.as_deref();
    let bundle = bundles
        .get(locale, release)
        .or_else(|| bundles.get(locale, None))
        .ok_or_else(|| tera::Error::message(format!("no messages for locale `{locale}`")))?;
    let mut args = FluentArgs::new();
    // The call as a memo key: the id, the attribute and every argument with its kind.
    let mut call = String::with_capacity(64);
    call.push_str(id);
    call.push('\0');
    call.push_str(attribute.unwrap_or_default());
    for (name, value) in message_args {
        let number = value.as_i64().map(|n| n as f64).or_else(|| value.as_f64());
        let value = if let Some(n) = number {
            FluentValue::from(n)
        } else if let Some(s) = value.as_str() {
            FluentValue::from(s.to_owned())
        } else if value.is_none() || value.is_undefined() {
            continue;
        } else {
            FluentValue::from(value.to_string())
        };
        call.push('\0');
        call.push_str(name);
        match &value {
            FluentValue::Number(n) => {
                call.push_str("\0n");
                call.push_str(&n.value.to_bits().to_string());
            }
            FluentValue::String(s) => {
                call.push_str("\0s");
                call.push_str(s);
            }
            _ => {}
        }
        args.set(name.to_owned(), value);
    }
    let message = remembered(bundle, call, remember, || {
        let args = args.iter().next().is_some().then_some(&args);
        match attribute {
            Some(attribute) => bundle.format_attribute(id, attribute, args),
            None => bundle.format(id, args),
        }
    })
    .map_err(tera::Error::message)?;
    Ok(message.render(format, isolation(bundle)))
}

/// A message of `bundle` without arguments, formatted and read once per `MemoScope`: what
/// `t(id=…)` (or `t(id=…, attr=…)`) gives a page of that bundle's release.
pub(crate) fn message(
    bundle: &LocaleBundle,
    id: &str,
    attribute: Option<&str>,
) -> Result<Rc<Remembered>, String> {
    let mut call = String::with_capacity(id.len() + 16);
    call.push_str(id);
    call.push('\0');
    call.push_str(attribute.unwrap_or_default());
    remembered(bundle, call, true, || match attribute {
        Some(attribute) => bundle.format_attribute(id, attribute, None),
        None => bundle.format(id, None),
    })
}

/// The message of `call` on `bundle`: the memo's when it has it, else `format`ted and read
/// (and remembered when `remember`).
fn remembered<E: std::fmt::Display>(
    bundle: &LocaleBundle,
    call: String,
    remember: bool,
    format: impl FnOnce() -> Result<String, E>,
) -> Result<Rc<Remembered>, String> {
    let key = (std::ptr::from_ref(bundle) as usize, call);
    if remember {
        let found = MEMO.with(|memo| {
            memo.borrow()
                .as_ref()
                .and_then(|m| m.messages.get(&key).cloned())
        });
        if let Some(message) = found {
            return Ok(message);
        }
    }
    let text = format().map_err(|e| e.to_string())?;
    let message = Rc::new(Remembered::new(Message::parse(&text)));
    if remember {
        MEMO.with(|memo| {
            if let Some(memo) = memo.borrow_mut().as_mut() {
                memo.messages.insert(key, Rc::clone(&message));
            }
        });
    }
    Ok(message)
}

/// How a bundle's messages keep their isolation marks: only right-to-left text has them.
pub(crate) fn isolation(bundle: &LocaleBundle) -> Isolation {
    if bundle.direction().is_rtl() {
        Isolation::Keep
    } else {
        Isolation::Strip
    }
}

fn upper(page: &Page, value: &StringInput<'_>) -> tera::TeraResult<Value> {
    let locale = page.locale()?;
    let locale = locale.as_ref();
    let locale = page
        .bundles
        .get(locale, None)
        .map(|b| b.locale().clone())
        .or_else(|| beyan_content::Locale::parse(locale).ok())
        .ok_or_else(|| tera::Error::message(format!("`{locale}` is not a locale")))?;
    if !value.is_safe() {
        return Ok(Value::from(
            beyan_l10n::to_upper(&locale, value.as_str()).into_owned(),
        ));
    }
    // Marked-up text: upper-case the text, never the tags or character references.
    let mut out = String::with_capacity(value.as_str().len());
    let mut rest = value.as_str();
    while let Some(start) = rest.find(['<', '&']) {
        out.push_str(&beyan_l10n::to_upper(&locale, &rest[..start]));
        let close = if rest[start..].starts_with('<') {
            '>'
        } else {
            ';'
        };
        let end = rest[start..]
            .find(close)
            .map_or(rest.len(), |i| start + i + 1);
        out.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    out.push_str(&beyan_l10n::to_upper(&locale, rest));
    Ok(Value::safe_string(&out))
}

fn localized_date(
    page: &Page,
    value: &StringInput<'_>,
    kwargs: &Kwargs,
) -> tera::TeraResult<Value> {
    let locale = page.locale()?;
    let style = |name: &str, default: Option<Style>| -> tera::TeraResult<Option<Style>> {
        match kwargs.get::<String>(name)? {
            Some(text) => Style::parse(&text).map(Some).ok_or_else(|| {
                tera::Error::message(format!(
                    "`{name}` is \"full\", \"long\", \"medium\" or \"short\", not \"{text}\""
                ))
            }),
            None => Ok(default),
        }
    };
    let date_style = style("style", Some(Style::Long))?.unwrap_or(Style::Long);
    let time_style = style("time_style", None)?;
    let input = DateInput::parse(value.as_str())
        .ok_or_else(|| tera::Error::message(format!("`{}` is not a date", value.as_str())))?;
    let icu_locale = icu_locale(&locale)?;
    beyan_l10n::format_date(&icu_locale, input, date_style, time_style)
        .map(Value::from)
        .ok_or_else(|| tera::Error::message(format!("cannot format `{}`", value.as_str())))
}

fn icu_locale(code: &str) -> tera::TeraResult<icu::locale::Locale> {
    icu::locale::Locale::try_from_str(code)
        .map_err(|_| tera::Error::message(format!("`{code}` is not a locale")))
}

/// A left-to-right fact on its own line of right-to-left plain text: a right-to-left mark
/// keeps the line's direction, and a left-to-right isolate keeps "+92 51 000 0000" from being
/// shown with its groups reversed. Left-to-right pages and HTML (which has `dir="ltr"`) get
/// the value as it is.
fn ltr(page: &Page, value: StringInput<'_>) -> tera::TeraResult<Value> {
    let locale = page.locale()?;
    let rtl = page
        .bundles
        .get(&locale, None)
        .is_some_and(|b| b.direction().is_rtl());
    let plain_text = matches!(page.format()?, Format::Text | Format::Markdown);
    if !(rtl && plain_text) {
        return Ok(value.into_value());
    }
    let marked = format!("\u{200F}\u{2066}{}\u{2069}", value.as_str());
    Ok(value.inherit_safety(marked))
}

/// Text without its tags, for `<title>` and attribute values; character references stay, so
/// escaped text stays escaped.
fn plain(value: StringInput<'_>) -> Value {
    if !value.is_safe() {
        return value.into_value();
    }
    // `<` and `>` are ASCII: the text between tags is copied a run at a time.
    let text = value.as_str();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Value::safe_string(&out)
}

/// Word-wraps text at `width` characters for plain-text e-mail; a word longer than the line
/// (a URL) gets a line of its own rather than being broken.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let length = word.chars().count();
            if column > 0 && column + 1 + length > width {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += length;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_autoescape_writes_what_teras_own_writes() {
        let texts = [
            "",
            "plain",
            "<a href=\"x\">Tom & Jerry's</a>",
            "&&<<>>\"\"''",
            "Bakı — «İstiqlal» <b>",
            "اردو '<' و \"&\"",
            "end&",
            "<start",
        ];
        for text in texts {
            let mut ours = Vec::new();
            let mut teras = Vec::new();
            escape_html_runs(text, &mut ours).expect("write to a Vec");
            tera::escape_html(text, &mut teras).expect("write to a Vec");
            assert_eq!(ours, teras, "{text:?}");
        }
    }
}
