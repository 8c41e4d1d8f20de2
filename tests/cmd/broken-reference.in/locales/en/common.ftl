site-title = Press releases
greeting = Hello, { $name
headline-label = Headline
