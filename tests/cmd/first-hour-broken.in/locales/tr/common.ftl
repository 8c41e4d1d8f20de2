-org-short = Azerbaycan Büyükelçiliği
site-title =
greeting = Merhaba, { $name !
releases-count =
    { $count ->
       *[other] { $count } bülten
    }
headline-label = Başlık
