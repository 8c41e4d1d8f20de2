headline = Yeni ofisin açılışı
dateline-city = İzmir
paragraph-01 = Ofis { $date } � tarihinde açılıyor.
