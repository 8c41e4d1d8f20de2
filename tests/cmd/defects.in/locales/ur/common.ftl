-org = سفارت خانہ
brand-name = Beyan
greeting = سلام، { $name }!
files = { $count ->
       *[other] { $count } فائلیں
    }
about = { -org }
    .title = تعارف
link = [بیان](https://example.org/statement)
only-value = قدر
    .hint = اشارہ
broken = { oops
