# Wrong day: 11 where the reference says 8.
date-line = 11 Kasım 2025’te büyükelçilik günü andı.
since = 2020’den bu yana 1.500 kişi ziyaret etti.
range = Görüşmeler 19–20 Kasım’da yapıldı.
days = Savaş kırk dört gün sürdü.
link = Ayrıntılar için https://mfa.gov.az/tr adresine bakın.
mail = Bugün basin@embassy.example adresine yazın.
question = Kimler katıldı?
ended = Tören sona erdi
spaced = Tören sona{ "  " }erdi.
doubled = Büyükelçilik ve ve halk.
short = Zafer Gününün Beşinci Yıl Dönümü
war = Vatan Savaşı’nda zafer kazanıldı.
president = Cumhurbaşkanı İLHAM ALİYEV konuştu.
product = Beyan açıklamaları yayımlar.
# beyan-ignore: number-mismatch — the Turkish text gives the Rumi year
noted = 1441 yılı.
# beyan-ignore: number-mismatch
unexplained = 1441 yılı.
