headline = Yeni ofisin açılışı
headline = Yeni ofisin açılışı (təkrar)
dateline-city = İzmir
paragraph-01 = Ofis { -missing-term } tarixində açılır. { loop-a }
loop-a = { loop-b }
loop-b = { loop-a }
