# What the built-in templates print (the pages of this fixture render).

-org-name = اسلامی جمہوریہ پاکستان میں جمہوریہ آذربائیجان کا سفارت خانہ
-org-short = سفارت خانۂ آذربائیجان
site-title = { -org-short } — پریس ریلیزیں
skip-to-content = مواد پر جائیں
org-name = { -org-name }
choose-language = زبان منتخب کریں
contact-email = ای میل
contact-phone = فون
press-releases = پریس ریلیزیں
subscribe = سبسکرائب کریں
feed-title = { -org-short }: پریس ریلیزیں
breadcrumb = آپ یہاں ہیں
home = صفحۂ اول
embargoed-until = { DATETIME($embargo, dateStyle: "long", timeStyle: "short") } تک اشاعت ممنوع
published-on = تاریخِ اشاعت: { DATETIME($date, dateStyle: "long") }
subscribe-feeds = خبریں پڑھنے والی ایپس کے لیے ایٹم یا جے سن فیڈ
embargo-preview = پیش نظارہ: اس ریلیز کی اشاعت پر پابندی ہے اور یہ ابھی شائع نہیں ہوئی۔
for-immediate-release = فوری اجرا کے لیے
release-number = ریلیز نمبر { $number }
release-date = { DATETIME($date, dateStyle: "long") }
about-heading = { -org-short } کے بارے میں
boilerplate =
    { -org-name } پاکستان میں جمہوریہ آذربائیجان کی نمائندگی کرتا ہے۔ یہ دونوں برادر
    ممالک کے درمیان سیاسی، اقتصادی اور ثقافتی تعلقات نیز انسانی شعبے میں تعلقات کو فروغ دیتا ہے
    اور عوام کو آذربائیجان کی خارجہ پالیسی سے آگاہ کرتا ہے۔
media-contact = میڈیا رابطہ
end-mark = ###
page-address = صفحے کا پتا
other-languages = یہ ریلیز دیگر زبانوں میں
all-releases = تمام پریس ریلیزیں
