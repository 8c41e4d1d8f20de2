hello = Hello, { $name }!
