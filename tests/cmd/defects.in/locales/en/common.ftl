-org = Embassy
brand-name = Beyan
greeting = Hello, { $name }!
files =
    { $count ->
        [one] One file
       *[other] { $count } files
    }
about = About the { -org }
    .title = About
link = Read [the statement](https://example.org/statement).
only-value = Value
    .hint = Hint
