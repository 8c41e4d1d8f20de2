//! "Did you mean …?": the closest known name to a mistyped one, for ids, references,
//! variables ([`closest`]) and locale codes ([`closest_locale`]).

/// The candidate closest to `word`, when one is close enough to be what was meant: a few
/// edits away for its length (`-org-shrt` → `-org-short`, `headlin` → `headline`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(word, candidates, |_| false)
}

/// [`closest`] for locale codes, where the same language with another region or script is
/// also what was meant (`tr-TR` → `tr`), however many letters differ.
pub fn closest_locale<'a>(
    code: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let language = |code: &str| {
        code.split(['-', '_'])
            .next()
            .unwrap_or(code)
            .to_ascii_lowercase()
    };
    let wanted = language(code);
    nearest(code, candidates, |candidate| {
        (code.contains(['-', '_']) || candidate.contains('-'))
            && !wanted.is_empty()
            && language(candidate) == wanted
    })
}

/// The nearest candidate within a third of `word`'s length in edits, or else one that
/// `related` accepts (ranked after every close one).
fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    related: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    // A third of the word's length: `fr` is no typo of `tr`, `headlin` is one of `headline`.
    let allowed = word.chars().count() / 3;
    let letters = LetterCounts::of(word);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|candidate| {
            // Most candidates of a large workspace's ids are far: the cheap bound rules them
            // out before the quadratic distance.
            let distance = if letters.edits_at_least(candidate) > allowed {
                usize::MAX
            } else {
                strsim::damerau_levenshtein(word, candidate)
            };
            if distance <= allowed {
                Some((distance, candidate))
            } else if related(candidate) {
                Some((allowed + 1, candidate))
            } else {
                None
            }
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, candidate)| candidate)
}

/// How many of each letter a word has (letters sharing a bucket counted together), for a
/// lower bound of the edit distance: an insertion, deletion or substitution changes the counts
/// by at most one letter in each direction, a transposition not at all.
struct LetterCounts([i32; 64]);

impl LetterCounts {
    fn of(word: &str) -> Self {
        let mut counts = [0; 64];
        for c in word.chars() {
            counts[c as usize % 64] += 1;
        }
        Self(counts)
    }

    /// A lower bound of the Damerau–Levenshtein distance between the counted word and `other`.
    fn edits_at_least(&self, other: &str) -> usize {
        let mut counts = self.0;
        for c in other.chars() {
            counts[c as usize % 64] -= 1;
        }
        let (mut surplus, mut lack) = (0, 0);
        for n in counts {
            if n > 0 {
                surplus += n;
            } else {
                lack -= n;
            }
        }
        surplus.max(lack) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_bound_never_exceeds_the_distance() {
        // Every pair of short words over a small alphabet (non-ASCII letters, and `a`, `!`
        // and `¡` in one bucket): the bound is an oracle-checked lower bound.
        let alphabet = ['a', 'b', 'ə', '!', 'q', '¡'];
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.chars().count() < 3)
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
            words.sort();
            words.dedup();
        }
        for a in &words {
            let counts = LetterCounts::of(a);
            for b in &words {
                assert!(
                    counts.edits_at_least(b) <= strsim::damerau_levenshtein(a, b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn typos_find_their_word_and_strangers_find_nothing() {
        let ids = ["-org-short", "-org-name", "headline", "subheadline", "-org"];
        assert_eq!(closest("-org-shrt", ids), Some("-org-short"));
        assert_eq!(closest("headlin", ids), Some("headline"));
        assert_eq!(closest("paragraph-99", ids), None);
        assert_eq!(
            closest("-missing-term", ids),
            None,
            "two terms are not related by their leading `-`"
        );
        assert_eq!(closest("org-xyzabc", ["org-name"]), None);
        assert_eq!(
            closest("headline", ids),
            None,
            "the word itself is no suggestion"
        );
    }

    #[test]
    fn a_locale_suggests_its_language() {
        let locales = ["az", "tr", "ur"];
        assert_eq!(closest_locale("tr-TR", locales), Some("tr"));
        assert_eq!(closest_locale("az_Latn_AZ", locales), Some("az"));
        assert_eq!(closest_locale("de", locales), None);
        assert_eq!(closest_locale("fr", locales), None);
        assert_eq!(closest_locale("de-DE", locales), None);
        assert_eq!(closest_locale("tr", ["tr-CY", "az"]), Some("tr-CY"));
    }
}
