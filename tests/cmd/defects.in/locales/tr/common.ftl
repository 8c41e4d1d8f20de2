-org = Büyükelçilik
brand-name = Beyan
greeting = Merhaba, ⁨{ $name }⁩!
files =
    { $count ->
        [one] Bir dosya
       *[other] { $count } dosya
    }
about = { -org } hakkında

link = Read [the statement](https://example.org/statement).
only-value = Değer
    .hint = İpucu
