### Zəfər Günü ilə bağlı bəyanat, 8 noyabr 2025-ci il.
### Mənbə: səfirliyin ingilis dilindəki bəyanatı. Hər abzas üçün bir mesaj, oxunuş ardıcıllığı ilə.

headline = Azərbaycanın 44 günlük Vətən müharibəsində Qələbəsinin 5-ci ildönümü
subheadline = Səfirliyin 8 Noyabr – Zəfər Günü münasibətilə bəyanatı
dateline-city = İslamabad

paragraph-01 =
    Bu il Azərbaycanın 44 günlük Vətən müharibəsində şanlı Qələbəsinin 5-ci ildönümü
    qeyd olunur. 2020-ci il noyabrın 8-də Azərbaycanın işğal altındakı torpaqları igid
    Azərbaycan Ordusu tərəfindən azad edilmiş, Azərbaycan xalqının 30 illik həsrətinə son
    qoyulmuşdur. Azərbaycan və region üçün yeni dövrün başlanğıcını təmsil edən bu tarix
    Azərbaycan Respublikasının Prezidenti Zati-aliləri cənab İlham Əliyevin müvafiq
    Sərəncamına əsasən Zəfər Günü kimi qeyd olunur.
paragraph-02 =
    Ermənistanın hərbi təcavüzünün və 30 illik işğalının ağır iqtisadi, sosial və
    humanitar nəticələrinə, Azərbaycanın ərazi bütövlüyünün və suverenliyinin kobud
    şəkildə pozulmasına baxmayaraq, Azərbaycan münaqişənin sülh yolu ilə həlli üçün daim
    səy göstərən tərəf olmuşdur.
paragraph-03 =
    Lakin Ermənistanın qanunsuz hərbi işğalı davam etdirməsi və işğalın nəticələrini
    möhkəmləndirməyə yönəlmiş addımları, Azərbaycanın işğal olunmuş ərazilərindəki qanunsuz
    fəaliyyəti, eləcə də “yeni ərazilər uğrunda yeni müharibələr” və “Qarabağ
    Ermənistandır” kimi qəbuledilməz ritorikaya əl ataraq danışıqlar prosesini pozması
    münaqişənin sülh yolu ilə nizamlanması prosesinin uğursuzluğa düçar olmasına səbəb
    olmuşdur.
paragraph-04 =
    Siyasi təxribatların ardınca Ermənistanın 2020-ci il sentyabrın 27-də növbəti
    genişmiqyaslı hücumu Azərbaycanı BMT Nizamnaməsində təsbit olunmuş özünümüdafiə
    hüququna uyğun olaraq tədbirlər görməyə məcbur etmişdir. Həmin gün başlanan əks-hücum
    əməliyyatı 44 günlük Vətən müharibəsinin – qələbəyə aparan yolun başlanğıcı olmuşdur.
paragraph-05 =
    Qanunsuz hərbi işğalı davam etdirməyi və Azərbaycan xalqının iradəsini sarsıtmağı
    qarşısına məqsəd qoyan Ermənistan dinc əhalini hədəfə almağa əl atmış, hərbi
    əməliyyatların aparıldığı bölgələrdən uzaqda yerləşən Gəncə, Bərdə və Tərtər kimi sıx
    məskunlaşmış ərazilərdə dinc sakinlərə qarşı ağır müharibə cinayətləri törətmişdir.
paragraph-06 =
    Lakin Vətən müharibəsi zamanı Müzəffər Ali Baş Komandanın rəhbərlik etdiyi şanlı
    Azərbaycan Ordusunun əzmkarlığı və şücaəti nəticəsində Cəbrayıl, Füzuli, Zəngilan və
    Qubadlı şəhərləri, eləcə də Azərbaycan xalqı üçün xüsusi rəmzi dəyərə və əhəmiyyətə
    malik olan Şuşa şəhəri və 300-dən çox yaşayış məntəqəsi işğaldan azad edilmişdir.
    Döyüş meydanında qazanılmış parlaq qələbə daha bir əlamətdar nəticəyə gətirib
    çıxarmışdır: Azərbaycanın üç rayonu – Ağdam, Kəlbəcər və Laçın bir güllə belə
    atılmadan və bir nəfər də olsun şəhid verilmədən Azərbaycana qaytarılmışdır.
    Ümumilikdə, təxminən 700 yaşayış məntəqəsi azad edilmişdir.
paragraph-07 =
    Beləliklə, Azərbaycan Respublikasının ərazi bütövlüyü bərpa olunmuş, Azərbaycan BMT
    Təhlükəsizlik Şurasının 1993-cü ildə qəbul etdiyi dörd mühüm sənədi – 30 aprel tarixli
    822, 29 iyul tarixli 853, 14 oktyabr tarixli 874 və 11 noyabr tarixli 884 saylı
    qətnamələri təkbaşına icra etmişdir.
paragraph-08 =
    2023-cü il sentyabrın 19–20-də qanunsuz erməni silahlı birləşmələrinin mövcudluğuna son
    qoymaq və bütün əraziləri üzərində tam suverenliyini bərpa etmək məqsədilə Azərbaycan
    Qarabağ bölgəsində 24 saat ərzində antiterror tədbirləri həyata keçirmişdir.
paragraph-09 =
    Xüsusi vurğulanmalıdır ki, Pakistan yuxarıda qeyd olunan BMT Təhlükəsizlik Şurası
    qətnamələrinin tələblərinə uyğun olaraq Azərbaycanın ərazi bütövlüyünə, suverenliyinə
    və sərhədlərinin toxunulmazlığına dəstəyini ardıcıl şəkildə ortaya qoymuşdur.
    Azərbaycanın Vətən müharibəsi dövründə Pakistanın nümayiş etdirdiyi prinsipial mövqe
    və Azərbaycanın ədalətli mövqeyinə göstərdiyi davamlı siyasi və mənəvi dəstək qardaş
    ölkələrimiz arasındakı qardaşlıq münasibətlərinin əsl təzahürü olmuşdur.
paragraph-10 =
    Azərbaycan Respublikasının tarixi Qələbəsindən dərhal sonra Qarabağ və Şərqi Zəngəzur
    bölgələrində əsas infrastruktur layihələri də daxil olmaqla genişmiqyaslı bərpa və
    yenidənqurma işlərinə başlanılmış, minlərlə insan doğma torpaqlarına qayıtmışdır.
paragraph-11 =
    Azərbaycan həmişə sülh gündəliyini müdafiə etmiş və regionda davamlı sülh və
    sabitliyə nail olmaq üçün fəal şəkildə tədbirlər görmüşdür. Hazırda bu istiqamətdə
    mühüm irəliləyiş əldə olunmuşdur. 2025-ci il avqustun 8-də Vaşinqtonda Amerika
    Birləşmiş Ştatlarının şahidliyi ilə Azərbaycan və Ermənistan arasında Birgə Bəyannamə
    imzalanmışdır. Bu, iki ölkə arasında uzun müddət davam edən münaqişəyə son qoyulması
    istiqamətində mühüm tarixi addım olmuşdur. Azərbaycan ilə Ermənistan arasında sülh
    sazişinin paraflanması təkcə region üçün deyil, həm də daha geniş coğrafiya üçün
    əlverişli imkanlar yaradır. Cənubi Qafqazda rifahın tam bərqərar olması təkcə region
    üçün deyil, onun hüdudlarından kənarda yerləşən bölgələr üçün də imkanlar açacaqdır.
paragraph-12 =
    Bu gün Azərbaycan xalqı ölkəsinin ərazi bütövlüyü uğrunda canlarını fəda etmiş
    şəhidlərini dərin ehtiram və minnətdarlıqla yad edir, müharibə qəhrəmanlarına möhkəm
    cansağlığı, ölkəsinə və xalqına inkişaf və firavanlıq, regiona və dünyaya isə sülh və
    əmin-amanlıq arzulayır.
