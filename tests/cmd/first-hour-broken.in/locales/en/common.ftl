-org-short = Embassy of Azerbaijan
site-title = { -org-short }: press releases
greeting = Hello, { $name }!
releases-count =
    { $count ->
        [one] { $count } release
       *[other] { $count } releases
    }
headline-label = Headline
