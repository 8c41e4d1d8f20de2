### 2026-01-05-visit: the text of this release in the reference language (en).
### Replace the text after each `=`. Paragraphs are printed in the order of this file:
### add paragraph-04, paragraph-05… as needed; delete `subheadline` if there is none.
### A quotation is `quote-1 = …` with an optional `.attribution = Name, title` line.
### Then run `beyan check`; translators get their to-do with
### `beyan todo --locale <locale> --release 2026-01-05-visit`.

headline = Headline: one line that says what happened
subheadline = Subheadline: one sentence with the essential detail
dateline-city = City

paragraph-01 =
    First paragraph: who, what, when, where and why, in two or three sentences.
paragraph-02 =
    Second paragraph: the details, the background and the context.
paragraph-03 =
    Third paragraph: what happens next, and where to learn more.
