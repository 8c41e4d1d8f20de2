hello = Salam
