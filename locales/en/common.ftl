### Shared text of the press office: organization, labels and page furniture.
### Facts that are not translated (addresses, e-mail, URLs) live in beyan.toml.

## Organization

-org-name = Embassy of the Republic of Azerbaijan in the Islamic Republic of Pakistan
-org-short = Embassy of Azerbaijan
org-name = { -org-name }
site-title = { -org-short } — Press releases
about-heading = About the { -org-short }
boilerplate =
    The { -org-name } represents the Republic of Azerbaijan in Pakistan. It develops
    political, economic, cultural and humanitarian relations between the two brotherly
    countries and informs the public about Azerbaijan’s foreign policy.

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

contact-name = Press Office
contact-email = E-mail
contact-phone = Phone
home = Home
breadcrumb = You are here
all-releases = All press releases
subscribe = Subscribe
subscribe-feeds = Atom feed or JSON Feed for news readers
page-address = Page address
