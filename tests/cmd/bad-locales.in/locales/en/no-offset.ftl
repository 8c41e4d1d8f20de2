headline = x
