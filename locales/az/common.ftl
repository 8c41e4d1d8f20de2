### Mətbuat xidmətinin ümumi mətnləri: təşkilat, nişanlar və səhifə elementləri.
### Tərcümə olunmayan faktlar (ünvanlar, e-poçt, URL-lər) beyan.toml faylındadır.

## Təşkilat

-org-name = Azərbaycan Respublikasının Pakistan İslam Respublikasındakı Səfirliyi
-org-short = Azərbaycan Səfirliyi
org-name = { -org-name }
site-title = { -org-short } — Press-relizlər
about-heading = { -org-short } haqqında
boilerplate =
    { -org-name } Azərbaycan Respublikasını Pakistanda təmsil edir. Səfirlik iki qardaş
    ölkə arasında siyasi, iqtisadi, mədəni və humanitar əlaqələri inkişaf etdirir və
    ictimaiyyəti Azərbaycanın xarici siyasəti barədə məlumatlandırır.

## Press-relizin quruluşu

for-immediate-release = DƏRHAL YAYIMLANMAQ ÜÇÜN
embargoed-until = EMBARQO: { DATETIME($embargo, dateStyle: "long", timeStyle: "short") } TARİXİNƏDƏK
embargo-preview = İlkin baxış: bu press-reliz embarqo altındadır və hələ dərc olunmayıb.
release-date = { DATETIME($date, dateStyle: "long") }
release-number = Press-reliz № { $number }
media-contact = Media üçün əlaqə
end-mark = ###

## Səhifələr və lentlər

language-name = Azərbaycanca
choose-language = Dil seçin
other-languages = Bu press-reliz digər dillərdə
press-releases = Press-relizlər
releases-count =
    { $count ->
        [one] { $count } press-reliz
       *[other] { $count } press-reliz
    }
skip-to-content = Əsas məzmuna keçin
published-on = Dərc olunub: { DATETIME($date, dateStyle: "long") }
feed-title = { -org-short }: press-relizlər

## Səhifə elementləri

contact-name = Mətbuat xidməti
contact-email = E-poçt
contact-phone = Telefon
home = Ana səhifə
breadcrumb = Siz buradasınız
all-releases = Bütün press-relizlər
subscribe = Abunə olun
subscribe-feeds = Xəbər oxuyucuları üçün Atom və ya JSON Feed lenti
page-address = Səhifənin ünvanı
