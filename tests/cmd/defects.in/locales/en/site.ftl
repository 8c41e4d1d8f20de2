# What the built-in templates print (the pages of this fixture render).

-org-name = Embassy of the Republic of Azerbaijan in the Islamic Republic of Pakistan
-org-short = Embassy of Azerbaijan
site-title = { -org-short } — Press releases
skip-to-content = Skip to content
org-name = { -org-name }
choose-language = Choose a language
contact-email = E-mail
contact-phone = Phone
press-releases = Press releases
subscribe = Subscribe
feed-title = { -org-short }: press releases
breadcrumb = You are here
home = Home
embargoed-until = EMBARGOED UNTIL { DATETIME($embargo, dateStyle: "long", timeStyle: "short") }
published-on = Published { DATETIME($date, dateStyle: "long") }
subscribe-feeds = Atom feed or JSON Feed for news readers
embargo-preview = Preview: this release is under embargo and is not yet published.
for-immediate-release = FOR IMMEDIATE RELEASE
release-number = Release No. { $number }
release-date = { DATETIME($date, dateStyle: "long") }
about-heading = About the { -org-short }
boilerplate =
    The { -org-name } represents the Republic of Azerbaijan in Pakistan. It develops
    political, economic, cultural and humanitarian relations between the two brotherly
    countries and informs the public about Azerbaijan’s foreign policy.
media-contact = Media contact
end-mark = ###
page-address = Page address
other-languages = This release in other languages
all-releases = All press releases
