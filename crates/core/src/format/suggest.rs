//! "Did you mean ...?": the known word nearest to a misspelt one.

/// Words longer than this get no suggestion: nobody mistypes a word that long, and the
/// edit distance costs the product of the two lengths, which a hostile file could make huge.
const MAX_WORD: usize = 64;

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo
/// (at most one edit per three characters, at least one).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    if length > MAX_WORD {
        return None;
    }
    let lowered = word.to_lowercase();
    let budget = (length / 3).max(1);
    candidates
        .into_iter()
        // The distance is at least the difference in length: skip hopeless candidates
        // (and long ones) without computing it.
        .filter(|c| c.chars().count().abs_diff(length) <= budget)
        .map(|c| (distance(&lowered, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance over characters, a swap of two neighbours counting as one edit ("chekc"
/// is one typo from "check"): strsim's optimal string alignment, which clap brings in.
fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        // salince -> salience: one insertion.
        assert_eq!(closest("salince", ["stance", "salience"]), Some("salience"));
        assert_eq!(
            closest("Principle", ["Principal", "Mediator"]),
            Some("Principal")
        );
        assert_eq!(closest("rus", ["ru", "ua"]), Some("ru"));
        assert_eq!(closest("banana", ["ru", "ua"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn long_words_get_no_suggestion_and_cost_nothing() {
        let long = "a".repeat(65);
        assert_eq!(closest(&long, [long.as_str()]), None);
        // 64 characters: budget 21 edits; one edit away still matches.
        let word = "a".repeat(64);
        let near = format!("{}b", "a".repeat(63));
        assert_eq!(closest(&word, [near.as_str()]), Some(near.as_str()));
        // A candidate 3 characters longer than a 6-letter word (budget 2) is skipped.
        assert_eq!(closest("stance", ["stance-xyz"]), None);
    }
}
