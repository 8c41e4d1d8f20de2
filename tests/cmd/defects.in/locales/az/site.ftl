# What the built-in templates print (the pages of this fixture render).

-org-name = Azərbaycan Respublikasının Pakistan İslam Respublikasındakı Səfirliyi
-org-short = Azərbaycan Səfirliyi
site-title = { -org-short } — Press-relizlər
skip-to-content = Əsas məzmuna keçin
org-name = { -org-name }
choose-language = Dil seçin
contact-email = E-poçt
contact-phone = Telefon
press-releases = Press-relizlər
subscribe = Abunə olun
feed-title = { -org-short }: press-relizlər
breadcrumb = Siz buradasınız
home = Ana səhifə
embargoed-until = EMBARQO: { DATETIME($embargo, dateStyle: "long", timeStyle: "short") } TARİXİNƏDƏK
published-on = Dərc olunub: { DATETIME($date, dateStyle: "long") }
subscribe-feeds = Xəbər oxuyucuları üçün Atom və ya JSON Feed lenti
embargo-preview = İlkin baxış: bu press-reliz embarqo altındadır və hələ dərc olunmayıb.
for-immediate-release = DƏRHAL YAYIMLANMAQ ÜÇÜN
release-number = Press-reliz № { $number }
release-date = { DATETIME($date, dateStyle: "long") }
about-heading = { -org-short } haqqında
boilerplate =
    { -org-name } Azərbaycan Respublikasını Pakistanda təmsil edir. Səfirlik iki qardaş
    ölkə arasında siyasi, iqtisadi, mədəni və humanitar əlaqələri inkişaf etdirir və
    ictimaiyyəti Azərbaycanın xarici siyasəti barədə məlumatlandırır.
media-contact = Media üçün əlaqə
end-mark = ###
page-address = Səhifənin ünvanı
other-languages = Bu press-reliz digər dillərdə
all-releases = Bütün press-relizlər
