date-line = On 8 November 2025 the embassy marked the day.
since = Since 2020, 1,500 people have visited.
range = The talks were held on 19-20 November.
days = The war lasted 44 days.
link = See https://mfa.gov.az/en for details.
mail = Write to press@embassy.example today.
question = Who attended?
ended = The ceremony ended.
spaced = The ceremony ended.
doubled = The embassy and the people.
# max-length: 24
short = Fifth anniversary
war = The Patriotic War ended in victory.
president = President Ilham Aliyev spoke.
product = Beyan publishes statements.
noted = The year 2025.
unexplained = The year 2025.
