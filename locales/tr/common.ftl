### Basın ofisinin ortak metinleri: kurum, etiketler ve sayfa öğeleri.
### Çevrilmeyen bilgiler (adresler, e-posta, URL’ler) beyan.toml dosyasındadır.

## Kurum

-org-name = Azerbaycan Cumhuriyeti’nin Pakistan İslam Cumhuriyeti Büyükelçiliği
-org-short = Azerbaycan Büyükelçiliği
org-name = { -org-name }
site-title = { -org-short } — Basın bültenleri
about-heading = { -org-short } Hakkında
boilerplate =
    { -org-name }, Pakistan’da Azerbaycan Cumhuriyeti’ni temsil etmektedir. Büyükelçilik,
    iki kardeş ülke arasındaki siyasi, ekonomik, kültürel ve insani ilişkileri geliştirir ve
    kamuoyunu Azerbaycan’ın dış politikası hakkında bilgilendirir.

## Bülten yapısı

for-immediate-release = HEMEN YAYIMLANMAK ÜZERE
embargoed-until = YAYIM AMBARGOSU: { DATETIME($embargo, dateStyle: "long", timeStyle: "short") } TARİHİNE KADAR
embargo-preview = Önizleme: Bu bülten ambargo altındadır ve henüz yayımlanmamıştır.
release-date = { DATETIME($date, dateStyle: "long") }
release-number = Bülten No: { $number }
media-contact = Medya iletişimi
end-mark = ###

## Sayfalar ve akışlar

language-name = Türkçe
choose-language = Dil seçin
other-languages = Bu bülten diğer dillerde
press-releases = Basın bültenleri
releases-count =
    { $count ->
        [one] { $count } bülten
       *[other] { $count } bülten
    }
skip-to-content = İçeriğe geç
published-on = { DATETIME($date, dateStyle: "long") } tarihinde yayımlandı
feed-title = { -org-short }: basın bültenleri

## Sayfa öğeleri

contact-name = Basın Bürosu
contact-email = E-posta
contact-phone = Telefon
home = Ana sayfa
breadcrumb = Buradasınız
all-releases = Tüm basın bültenleri
subscribe = Abone olun
subscribe-feeds = Haber okuyucular için Atom veya JSON Feed akışı
page-address = Sayfanın adresi
