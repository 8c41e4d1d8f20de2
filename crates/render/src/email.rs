//! `<slug>.eml`: a release as a ready e-mail (RFC 5322, `multipart/alternative` with the
//! plain-text and the HTML version), for a press officer to open and send to a list.
//!
//! Everything that would vary between runs in a mail library's defaults is fixed here: the
//! `Message-ID` is the release, locale and contact domain, the `Date` is the release's, and the
//! MIME boundary is derived from the slug, so the same inputs give the same bytes.

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

/// What the e-mail of one release in one locale is made of.
pub(crate) struct Email<'a> {
    pub slug: &'a str,
    pub locale: &'a str,
    /// The headline as plain text (encoded per RFC 2047 when it is not ASCII).
    pub subject: &'a str,
    /// The organization's name in the release's language.
    pub from_name: &'a str,
    pub from_address: &'a str,
    /// Seconds since the Unix epoch: the embargo's end, else the release date.
    pub date: i64,
    /// The plain-text and HTML versions as rendered (UTF-8), taken as they are: the text
    /// parts are declared `charset=utf-8` and encoded from these bytes without a copy.
    pub text: &'a [u8],
    pub html: &'a [u8],
}

impl Email<'_> {
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let domain = self
            .from_address
            .rsplit_once('@')
            .map_or("localhost", |(_, domain)| domain);
        let boundary = format!("beyan-{}-{}", self.slug, self.locale);
        let body = MimePart::new(
            ContentType::new("multipart/alternative").attribute("boundary", boundary),
            vec![
                MimePart::new(utf8("text/plain"), self.text),
                MimePart::new(utf8("text/html"), self.html),
            ],
        );
        MessageBuilder::new()
            .from(Address::new_address(
                Some(self.from_name.to_owned()),
                self.from_address.to_owned(),
            ))
            .subject(self.subject.to_owned())
            .date(self.date)
            .message_id(MessageId::new(format!(
                "{}.{}@{domain}",
                self.slug, self.locale
            )))
            .header("Content-Language", Raw::new(self.locale.to_owned()))
            .body(body)
            .write_to_vec()
            .unwrap_or_default()
    }
}

/// A text part's type, with the charset mail-builder gives a part made from a `str`.
fn utf8(c_type: &str) -> ContentType<'_> {
    ContentType::new(c_type).attribute("charset", "utf-8")
}
