//! Pairs questions that were edited a little between two imports of a document.

use std::collections::HashSet;

/// How alike two questions must be (word-set Jaccard) to be taken as one card.
pub const SAME_QUESTION: f64 = 0.7;
/// Beyond this many comparisons, no pairing is tried (a wholly different document).
const MAX_COMPARISONS: usize = 4_000_000;

fn words(q: &str) -> HashSet<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Word-set similarity of two questions, 0 to 1.
#[cfg(test)]
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}

/// Pairs new questions (by index) with missing old cards (by id), most alike first, each
/// at most once, when they are at least [`SAME_QUESTION`] alike.
pub fn pair_questions(new: &[(usize, &str)], missing: &[(&str, &str)]) -> Vec<(usize, String)> {
    if new.is_empty() || missing.is_empty() || new.len() * missing.len() > MAX_COMPARISONS {
        return Vec::new();
    }
    let old_words: Vec<HashSet<String>> = missing.iter().map(|(_, q)| words(q)).collect();
    let mut candidates = Vec::new();
    for (i, q) in new {
        let w = words(q);
        if w.is_empty() {
            continue;
        }
        for (j, ow) in old_words.iter().enumerate() {
            if ow.is_empty() {
                continue;
            }
            let inter = w.intersection(ow).count() as f64;
            let union = (w.len() + ow.len()) as f64 - inter;
            let sim = inter / union;
            if sim >= SAME_QUESTION {
                candidates.push((sim, *i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_new = HashSet::new();
    let mut used_old = HashSet::new();
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if used_new.contains(&i) || used_old.contains(&j) {
            continue;
        }
        used_new.insert(i);
        used_old.insert(j);
        out.push((i, missing[j].0.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_edits_pair_and_different_questions_do_not() {
        let new = [
            (0, "Tell me about a time when you failed."),
            (1, "What is your greatest strength?"),
        ];
        let missing = [
            ("old1", "Tell me about a time you failed"),
            ("old2", "Why do you want this job?"),
        ];
        let p = pair_questions(&new, &missing);
        assert_eq!(p, vec![(0, "old1".to_string())]);
        assert!(similarity("Why Rust?", "Why Go?") < SAME_QUESTION);
        assert!(
            similarity(
                "Tell me about a time you failed",
                "Tell me about a time when you failed"
            ) >= SAME_QUESTION
        );
    }

    #[test]
    fn each_card_pairs_once() {
        let new = [
            (0, "Describe a conflict with a peer"),
            (1, "Describe a conflict with a peer!"),
        ];
        let missing = [("a", "Describe a conflict with a peer.")];
        assert_eq!(pair_questions(&new, &missing).len(), 1);
    }
}
