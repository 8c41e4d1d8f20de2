### Zafer Günü açıklaması, 8 Kasım 2025.
### Kaynak: Büyükelçiliğin İngilizce açıklaması. Her paragraf bir mesaj, okuma sırasıyla.

headline = Azerbaycan’ın 44 Günlük Vatan Savaşı’ndaki Zaferinin 5. Yıl Dönümü
subheadline = Büyükelçiliğin 8 Kasım Zafer Günü Münasebetiyle Açıklaması
dateline-city = İslamabad

paragraph-01 =
    Bu yıl, Azerbaycan’ın 44 günlük Vatan Savaşı’nda kazandığı şanlı zaferin 5. yıl dönümüdür.
    8 Kasım 2020’de Azerbaycan’ın işgal altındaki toprakları kahraman Azerbaycan Ordusu
    tarafından kurtarılmış ve Azerbaycan halkının 30 yıllık hasretine son verilmiştir.
    Azerbaycan ve bölge için yeni bir dönemin başlangıcını simgeleyen bu tarih, Azerbaycan
    Cumhuriyeti Cumhurbaşkanı Sayın İlham Aliyev’in ilgili Kararnamesi uyarınca
    Zafer Günü olarak kutlanmaktadır.
paragraph-02 =
    Ermenistan’ın askeri saldırganlığının ve 30 yıl süren işgalinin ağır ekonomik, sosyal ve
    insani sonuçlarına, Azerbaycan’ın toprak bütünlüğünün ve egemenliğinin açıkça ihlal
    edilmesine rağmen Azerbaycan, çatışmanın barışçıl yollarla çözümü için sürekli çaba
    gösteren bir taraf olmuştur.
paragraph-03 =
    Ancak Ermenistan’ın yasa dışı askeri işgali sürdürmesi ve işgalin sonuçlarını korumaya
    yönelik adımları, işgal altındaki Azerbaycan topraklarındaki yasa dışı faaliyetleri ve
    “yeni topraklar için yeni savaşlar” ile “Karabağ Ermenistan’dır” gibi
    kabul edilemez söylemlere başvurarak müzakere sürecini baltalaması, çatışmanın barışçıl
    çözüm sürecinin başarısızlıkla sonuçlanmasına yol açmıştır.
paragraph-04 =
    Siyasi provokasyonların ardından Ermenistan’ın 27 Eylül 2020’de başlattığı yeni bir geniş
    çaplı saldırı, Azerbaycan’ı BM Şartı’nda güvence altına alınan meşru müdafaa hakkı
    çerçevesinde tedbirler almaya zorlamıştır. Aynı gün başlatılan karşı taarruz operasyonu,
    44 günlük Vatan Savaşı’nın, yani zafere giden yolun başlangıcı olmuştur.
paragraph-05 =
    Yasa dışı askeri işgali sürdürmeyi ve Azerbaycan halkının iradesini kırmayı amaçlayan
    Ermenistan, sivilleri hedef almaya başvurmuş; askeri operasyonların yürütüldüğü
    bölgelerden uzakta bulunan Gence, Berde ve Terter gibi yoğun nüfuslu yerleşim yerlerinde
    sivillere karşı ağır savaş suçları işlemiştir.
paragraph-06 =
    Ancak Vatan Savaşı sırasında muzaffer Başkomutan önderliğindeki şanlı Azerbaycan
    Ordusu’nun azmi ve kahramanlığı sayesinde Cebrail, Fuzuli, Zengilan ve Kubadlı şehirleri
    ile Azerbaycan halkı için özel bir sembolik değere ve öneme sahip olan Şuşa şehri ve
    300’den fazla yerleşim yeri işgalden kurtarılmıştır. Savaş meydanında kazanılan parlak
    zafer, kayda değer bir başka sonuca daha yol açmıştır: Azerbaycan’ın üç ilçesi, Ağdam,
    Kelbecer ve Laçın, tek bir kurşun atılmadan ve tek bir şehit verilmeden Azerbaycan’a iade
    edilmiştir. Toplamda yaklaşık 700 yerleşim yeri kurtarılmıştır.
paragraph-07 =
    Böylece Azerbaycan Cumhuriyeti’nin toprak bütünlüğü yeniden tesis edilmiş ve Azerbaycan,
    BM Güvenlik Konseyi’nin 1993 yılında kabul ettiği dört önemli belgeyi tek başına
    uygulamıştır: 30 Nisan tarihli 822, 29 Temmuz tarihli 853, 14 Ekim tarihli 874 ve
    11 Kasım tarihli 884 sayılı kararlar.
paragraph-08 =
    19–20 Eylül 2023 tarihlerinde Azerbaycan, yasa dışı Ermeni silahlı kuvvetlerinin
    varlığına son vermek ve tüm toprakları üzerinde tam egemenliğini yeniden tesis etmek
    amacıyla Karabağ bölgesinde 24 saat içinde terörle mücadele tedbirleri uygulamıştır.
paragraph-09 =
    Pakistan’ın, yukarıda anılan BM Güvenlik Konseyi kararlarının gereklerine uygun olarak
    Azerbaycan’ın toprak bütünlüğüne, egemenliğine ve sınırlarının dokunulmazlığına
    desteğini istikrarlı bir şekilde ortaya koyduğunu vurgulamak gerekir. Azerbaycan’ın
    Vatan Savaşı sırasında Pakistan’ın sergilediği ilkeli duruş ve Azerbaycan’ın haklı
    tutumuna verdiği sürekli siyasi ve manevi destek, kardeş ülkelerimiz arasındaki kardeşlik
    ilişkilerinin gerçek bir tezahürü olmuştur.
paragraph-10 =
    Azerbaycan Cumhuriyeti’nin tarihi zaferinin hemen ardından Karabağ ve Doğu Zengezur
    bölgelerinde kilit altyapı projeleri de dâhil olmak üzere büyük ölçekli yeniden imar ve
    inşa çalışmaları başlatılmış ve binlerce kişi ana yurtlarına geri dönmüştür.
paragraph-11 =
    Azerbaycan her zaman barış gündemini savunmuş ve bölgede kalıcı barış ve istikrarın
    sağlanmasına yönelik adımları etkin biçimde sürdürmüştür. Bugün bu alanda önemli
    ilerleme kaydedilmiştir. 8 Ağustos 2025’te Washington’da Amerika Birleşik Devletleri’nin
    tanıklığında Azerbaycan ile Ermenistan arasında bir Ortak Bildiri imzalanmıştır. Bu, iki
    ülke arasındaki uzun süreli çatışmanın sona erdirilmesi yolunda atılmış önemli ve tarihi
    bir adım olmuştur. Azerbaycan ile Ermenistan arasındaki barış anlaşmasının parafe
    edilmesi, yalnızca bölge için değil, daha geniş bir coğrafya için de elverişli fırsatlar
    yaratmaktadır. Güney Kafkasya’da refahın tam olarak tesis edilmesi, yalnızca bölge için
    değil, onun ötesindeki bölgeler için de fırsatlar doğuracaktır.
paragraph-12 =
    Bugün Azerbaycan halkı, ülkesinin toprak bütünlüğü uğruna canlarını feda eden şehitlerini
    derin saygı ve minnetle anmakta; savaş kahramanlarına sağlık, ülkesine ve halkına kalkınma ve
    refah, bölgeye ve dünyaya ise barış ve huzur dilemektedir.
