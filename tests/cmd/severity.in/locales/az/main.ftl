hello = Salam!
extra = Artıq
