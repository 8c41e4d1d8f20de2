-org-short = Azerbaycan Büyükelçiliği
site-title = { -org-shrt }: basın bültenleri
greeting = Merhaba, { $nmae }!
releases-count =
    { $count ->
        [few] { $count } bülten
        [one] { $count } bülten
       *[other] { $count } bülten
    }
headline-label = Başlık
