# What the built-in templates print (the pages of this fixture render).

-org-name = Azerbaycan Cumhuriyeti’nin Pakistan İslam Cumhuriyeti Büyükelçiliği
-org-short = Azerbaycan Büyükelçiliği
site-title = { -org-short } — Basın bültenleri
skip-to-content = İçeriğe geç
org-name = { -org-name }
choose-language = Dil seçin
contact-email = E-posta
contact-phone = Telefon
press-releases = Basın bültenleri
subscribe = Abone olun
feed-title = { -org-short }: basın bültenleri
breadcrumb = Buradasınız
home = Ana sayfa
embargoed-until = YAYIM AMBARGOSU: { DATETIME($embargo, dateStyle: "long", timeStyle: "short") } TARİHİNE KADAR
published-on = { DATETIME($date, dateStyle: "long") } tarihinde yayımlandı
subscribe-feeds = Haber okuyucular için Atom veya JSON Feed akışı
embargo-preview = Önizleme: Bu bülten ambargo altındadır ve henüz yayımlanmamıştır.
for-immediate-release = HEMEN YAYIMLANMAK ÜZERE
release-number = Bülten No: { $number }
release-date = { DATETIME($date, dateStyle: "long") }
about-heading = { -org-short } Hakkında
boilerplate =
    { -org-name }, Pakistan’da Azerbaycan Cumhuriyeti’ni temsil etmektedir. Büyükelçilik,
    iki kardeş ülke arasındaki siyasi, ekonomik, kültürel ve insani ilişkileri geliştirir ve
    kamuoyunu Azerbaycan’ın dış politikası hakkında bilgilendirir.
media-contact = Medya iletişimi
end-mark = ###
page-address = Sayfanın adresi
other-languages = Bu bülten diğer dillerde
all-releases = Tüm basın bültenleri
