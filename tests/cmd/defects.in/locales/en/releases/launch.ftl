headline = Launch of the new office
dateline-city = Izmir
paragraph-01 = The office opens on { $date }.
