site-title = Basın bültenleri
greeting = Merhaba, { $name }!
headline-label = Başlık
