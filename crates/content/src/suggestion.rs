//! "Did you mean …?": the closest known name to a mistyped one, for ids, references,
//! variables and locale codes.

/// The candidate closest to `word`, when one is close enough to be what was meant: a few
/// edits away for its length (`-org-shrt` → `-org-short`, `headlin` → `headline`), or the
/// same language with another region (`tr-TR` → `tr`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let language = |code: &str| code.split('-').next().unwrap_or(code).to_ascii_lowercase();
    // A third of the word's length: `fr` is no typo of `tr`, `headlin` is one of `headline`.
    let allowed = word.chars().count() / 3;
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|candidate| {
            let distance = strsim::damerau_levenshtein(word, candidate);
            let same_language = word.contains('-') || candidate.contains('-');
            if distance <= allowed {
                Some((distance, candidate))
            } else if same_language && language(word) == language(candidate) {
                Some((allowed + 1, candidate))
            } else {
                None
            }
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word_and_strangers_find_nothing() {
        let ids = ["-org-short", "-org-name", "headline", "subheadline"];
        assert_eq!(closest("-org-shrt", ids), Some("-org-short"));
        assert_eq!(closest("headlin", ids), Some("headline"));
        assert_eq!(closest("paragraph-99", ids), None);
        assert_eq!(closest("tr-TR", ["az", "tr", "ur"]), Some("tr"));
        assert_eq!(closest("de", ["az", "tr", "ur"]), None);
        assert_eq!(closest("fr", ["az", "tr", "ur"]), None);
        assert_eq!(
            closest("headline", ids),
            None,
            "the word itself is no suggestion"
        );
    }
}
