-org = Səfirlik
brand-name = Beyan
greeting = Salam, { $nam }!
files =
    { $count ->
       *[other] { $count } fayl
    }
about = { -org } haqqında
    .title = Haqqında
    .tooltip = Artıq
link = Bəyanatı [oxuyun](https://evil.example/).
only-value =
    .hint = İpucu
old-message = Köhnə
