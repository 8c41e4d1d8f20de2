//! The text of one synthetic press release (headline, subheadline, dateline city, paragraphs),
//! written as `releases/<slug>.ftl` in every locale: complete and free of defects.

use crate::ftl_item::{FtlEntry, Item, Pattern, Piece, english};
use crate::rng::Rng;
use crate::vocabulary::{CITIES, WORDS};

#[derive(Debug, Clone)]
pub struct ReleaseText {
    pub headline: Vec<usize>,
    pub subheadline: Vec<usize>,
    /// Index into [`CITIES`].
    pub city: usize,
    /// Each paragraph's runs: sentences and, rarely, a link inside one.
    pub paragraphs: Vec<Vec<Piece>>,
}

/// Whether `next` after `before` reads as one word twice in some locale (compared word by
/// word, as some renderings are two words: Azerbaijani "bu gün"; and two English words may
/// share a rendering: Urdu تصویر is both "image" and "photo").
pub fn repeats(before: usize, next: usize) -> bool {
    (0..WORDS[0].len()).any(|lang| {
        WORDS[before][lang].split(' ').next_back() == WORDS[next][lang].split(' ').next()
    })
}

/// Random words; a word that would repeat the one before it (in any locale's rendering) is
/// replaced by the next one of the vocabulary, so that the text has no accidental "the the"
/// (which `repeated-word` would rightly report), without drawing more numbers from `rng`.
pub fn words(rng: &mut Rng, lo: usize, hi: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..rng.range(lo, hi))
        .map(|_| rng.below(WORDS.len()))
        .collect();
    for i in 1..out.len() {
        while repeats(out[i - 1], out[i]) {
            out[i] = (out[i] + 1) % WORDS.len();
        }
    }
    out
}

impl ReleaseText {
    pub fn generate(rng: &mut Rng, paragraphs: (usize, usize)) -> Self {
        let count = rng.range(paragraphs.0, paragraphs.1);
        let paragraphs = (0..count)
            .map(|_| {
                let mut pieces = Vec::new();
                for _ in 0..rng.range(3, 5) {
                    if rng.chance(0.03) {
                        pieces.push(Piece::Sentence {
                            words: words(rng, 4, 8),
                            capital: true,
                            stop: false,
                        });
                        pieces.push(Piece::Link {
                            url: format!("https://mfa.example/en/news/{}", rng.range(1000, 99_999)),
                            words: words(rng, 2, 3),
                        });
                        pieces.push(Piece::Sentence {
                            words: words(rng, 2, 5),
                            capital: false,
                            stop: true,
                        });
                    } else {
                        pieces.push(Piece::Sentence {
                            words: words(rng, 8, 16),
                            capital: true,
                            stop: true,
                        });
                    }
                }
                pieces
            })
            .collect();
        Self {
            headline: words(rng, 6, 10),
            subheadline: words(rng, 8, 12),
            city: rng.below(CITIES.len()),
            paragraphs,
        }
    }

    /// The file's items, in every locale: words are translated when the items are written.
    pub fn items(&self) -> Vec<Item> {
        let mut items = vec![Item::ResourceComment(vec![format!(
            "Release: {}.",
            english(&self.headline)
        )])];
        let line = |id: &str, pieces: Vec<Piece>| {
            Item::Entry(FtlEntry::new(id.into(), Some(Pattern::Line(pieces))))
        };
        items.push(line("headline", vec![Piece::Words(self.headline.clone())]));
        items.push(line(
            "subheadline",
            vec![Piece::Words(self.subheadline.clone())],
        ));
        items.push(line("dateline-city", vec![Piece::City(self.city)]));
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let mut entry = FtlEntry::new(
                format!("paragraph-{:02}", i + 1),
                Some(Pattern::Wrapped {
                    pieces: paragraph.clone(),
                    width: 88,
                }),
            );
            if i == 0 {
                entry
                    .comment
                    .push("One message per paragraph, in reading order.".into());
            }
            items.push(Item::Entry(entry));
        }
        items
    }
}
