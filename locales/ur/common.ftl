### Shared text of the press office: organization, labels and page furniture (Urdu).
### Facts that are not translated (addresses, e-mail, URLs) live in beyan.toml.

## Organization

-org-name = اسلامی جمہوریہ پاکستان میں جمہوریہ آذربائیجان کا سفارت خانہ
-org-short = سفارت خانۂ آذربائیجان
org-name = { -org-name }
site-title = { -org-short } — پریس ریلیزیں
about-heading = { -org-short } کے بارے میں
boilerplate =
    { -org-name } پاکستان میں جمہوریہ آذربائیجان کی نمائندگی کرتا ہے۔ یہ دونوں برادر
    ممالک کے درمیان سیاسی، اقتصادی اور ثقافتی تعلقات نیز انسانی شعبے میں تعلقات کو فروغ دیتا ہے
    اور عوام کو آذربائیجان کی خارجہ پالیسی سے آگاہ کرتا ہے۔

## Release anatomy

for-immediate-release = فوری اجرا کے لیے
embargoed-until = { DATETIME($embargo, dateStyle: "long", timeStyle: "short") } تک اشاعت ممنوع
embargo-preview = پیش نظارہ: اس ریلیز کی اشاعت پر پابندی ہے اور یہ ابھی شائع نہیں ہوئی۔
release-date = { DATETIME($date, dateStyle: "long") }
release-number = ریلیز نمبر { $number }
media-contact = میڈیا رابطہ
end-mark = ###

## Pages and feeds

language-name = اردو
choose-language = زبان منتخب کریں
other-languages = یہ ریلیز دیگر زبانوں میں
press-releases = پریس ریلیزیں
releases-count =
    { $count ->
        [one] { $count } ریلیز
       *[other] { $count } ریلیزیں
    }
skip-to-content = مواد پر جائیں
published-on = تاریخِ اشاعت: { DATETIME($date, dateStyle: "long") }
feed-title = { -org-short }: پریس ریلیزیں

## صفحے کے اجزا

contact-name = پریس سیکشن
contact-email = ای میل
contact-phone = فون
home = صفحۂ اول
breadcrumb = آپ یہاں ہیں
all-releases = تمام پریس ریلیزیں
subscribe = سبسکرائب کریں
subscribe-feeds = خبریں پڑھنے والی ایپس کے لیے ایٹم یا جے سن فیڈ
page-address = صفحے کا پتا
