//! Anchoring highlights the way web annotation tools do (the W3C Web Annotation text-quote
//! selector): a highlight remembers its exact words, a little text before and after them,
//! and where they were. To find it again in a text that may have changed, every exact
//! occurrence of the words is scored by how well its surroundings match the remembered
//! context and how near it is to the old position; when the words themselves changed a
//! little ("14-minute" became "12-minute"), an approximate match (edit distance up to a
//! quarter of their length) is taken instead. When neither works the highlight is an
//! orphan: the caller keeps it and shows it apart, never drops it.
//!
//! Whitespace never matters: runs of spaces and line breaks compare equal to one space.
//! Offsets are in chars of the text given.

/// How much context is kept on each side.
pub const CONTEXT_CHARS: usize = 32;
/// Longest quote used for the approximate search (longer ones use their start).
const MAX_FUZZY_CHARS: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    /// 1.0 = exact words with matching context; lower for weaker matches.
    pub score: f64,
    /// The words were found unchanged.
    pub exact: bool,
}

/// Text with whitespace runs folded to one space, and where each char came from.
struct Folded {
    chars: Vec<char>,
    origin: Vec<usize>,
}

fn fold(text: &str) -> Folded {
    let mut chars = Vec::new();
    let mut origin = Vec::new();
    let mut in_space = false;
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            if !in_space {
                chars.push(' ');
                origin.push(i);
            }
            in_space = true;
        } else {
            chars.push(c);
            origin.push(i);
            in_space = false;
        }
    }
    Folded { chars, origin }
}

fn fold_str(s: &str) -> Vec<char> {
    fold(s).chars
}

/// Describes chars `[start, end)` of `text`; None for an empty or blank range.
pub fn describe(text: &str, start: usize, end: usize) -> Option<TextQuote> {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let exact: String = chars[start..end].iter().collect();
    if exact.trim().is_empty() {
        return None;
    }
    let prefix: String = chars[start.saturating_sub(CONTEXT_CHARS)..start]
        .iter()
        .collect();
    let suffix: String = chars[end..(end + CONTEXT_CHARS).min(chars.len())]
        .iter()
        .collect();
    Some(TextQuote {
        exact,
        prefix,
        suffix,
        start,
        end,
    })
}

/// A quote from what a window knows of a selection: its text, the text around it (any
/// length; the nearest [`CONTEXT_CHARS`] are kept) and perhaps where it starts.
pub fn quote_from_selection(
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<usize>,
) -> Option<TextQuote> {
    if exact.trim().is_empty() {
        return None;
    }
    let p: Vec<char> = prefix.chars().collect();
    let prefix: String = p[p.len().saturating_sub(CONTEXT_CHARS)..].iter().collect();
    let suffix: String = suffix.chars().take(CONTEXT_CHARS).collect();
    let start = hint.unwrap_or(usize::MAX);
    Some(TextQuote {
        exact: exact.to_string(),
        prefix,
        suffix,
        start,
        end: start.saturating_add(exact.chars().count()),
    })
}

/// Share of `context` (read from its end) that the text ending at `at` repeats.
fn prefix_agreement(text: &[char], at: usize, context: &[char]) -> f64 {
    if context.is_empty() {
        return 0.5;
    }
    let n = text[..at]
        .iter()
        .rev()
        .zip(context.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    n as f64 / context.len() as f64
}

/// Share of `context` (read from its start) that the text starting at `at` repeats.
fn suffix_agreement(text: &[char], at: usize, context: &[char]) -> f64 {
    if context.is_empty() {
        return 0.5;
    }
    let n = text[at.min(text.len())..]
        .iter()
        .zip(context.iter())
        .take_while(|(a, b)| a == b)
        .count();
    n as f64 / context.len() as f64
}

fn trim_folded(mut v: Vec<char>) -> Vec<char> {
    while v.first() == Some(&' ') {
        v.remove(0);
    }
    while v.last() == Some(&' ') {
        v.pop();
    }
    v
}

/// Finds the quote in `text`; None when its words are gone (an orphan).
pub fn anchor(text: &str, quote: &TextQuote) -> Option<Anchor> {
    let t = fold(text);
    let exact = trim_folded(fold_str(&quote.exact));
    if exact.is_empty() || t.chars.is_empty() {
        return None;
    }
    let prefix = fold_str(&quote.prefix);
    let prefix: Vec<char> = {
        let mut p = prefix;
        while p.last() == Some(&' ') {
            p.pop();
        }
        p
    };
    let suffix = {
        let mut s = fold_str(&quote.suffix);
        while s.first() == Some(&' ') {
            s.remove(0);
        }
        s
    };
    let text_len = t.chars.len().max(1) as f64;
    // The hint is in chars of the original text; compare it in folded positions.
    let hint = if quote.start == usize::MAX {
        None
    } else {
        Some(t.origin.partition_point(|&o| o < quote.start))
    };
    let place = |start: usize, end: usize| -> f64 {
        // Skip the one space that separates the words from their context.
        let before = if start > 0 && t.chars[start - 1] == ' ' && prefix.last() != Some(&' ') {
            start - 1
        } else {
            start
        };
        let after = if end < t.chars.len() && t.chars[end] == ' ' && suffix.first() != Some(&' ') {
            end + 1
        } else {
            end
        };
        let ctx = (prefix_agreement(&t.chars, before, &prefix)
            + suffix_agreement(&t.chars, after, &suffix))
            / 2.0;
        let near = hint.map_or(1.0, |h| {
            1.0 - (start.abs_diff(h) as f64 / text_len).min(1.0)
        });
        ctx * 0.8 + near * 0.2
    };
    let to_anchor = |start: usize, end: usize, score: f64, exact: bool| Anchor {
        start: t.origin[start],
        end: t.origin[end - 1] + 1,
        score,
        exact,
    };

    // Exact occurrences.
    let m = exact.len();
    let mut best: Option<(f64, usize)> = None;
    if m <= t.chars.len() {
        for s in 0..=t.chars.len() - m {
            if t.chars[s] == exact[0] && t.chars[s..s + m] == exact[..] {
                let score = place(s, s + m);
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, s));
                }
            }
        }
    }
    if let Some((score, s)) = best {
        return Some(to_anchor(s, s + m, score, true));
    }

    // Approximate: the substring of the text with the fewest edits from the words
    // (Sellers' dynamic programme, free start), remembering where each match starts.
    let pat: &[char] = &exact[..m.min(MAX_FUZZY_CHARS)];
    let pm = pat.len();
    let allowed = (pm / 4).max(1);
    if pm < 4 {
        return None;
    }
    let mut cost: Vec<usize> = (0..=pm).collect();
    let mut from: Vec<usize> = vec![0; pm + 1];
    let mut ends: Vec<(usize, usize, usize)> = Vec::new(); // (edits, start, end)
    for (j, &c) in t.chars.iter().enumerate() {
        let (mut diag, mut diag_from) = (0usize, j);
        cost[0] = 0;
        from[0] = j + 1;
        for i in 1..=pm {
            let (up, up_from) = (cost[i], from[i]);
            let sub = diag + usize::from(pat[i - 1] != c);
            let (mut best_cost, mut best_from) = (sub, diag_from);
            if up + 1 < best_cost {
                best_cost = up + 1;
                best_from = up_from;
            }
            if cost[i - 1] + 1 < best_cost {
                best_cost = cost[i - 1] + 1;
                best_from = from[i - 1];
            }
            diag = up;
            diag_from = up_from;
            cost[i] = best_cost;
            from[i] = best_from;
        }
        if cost[pm] <= allowed {
            ends.push((cost[pm], from[pm], j + 1));
        }
    }
    let fewest = ends.iter().map(|e| e.0).min()?;
    let mut pick: Option<(f64, usize, usize)> = None;
    for &(edits, start, end) in ends.iter().filter(|e| e.0 == fewest) {
        let end = if m > pm {
            (start + m).min(t.chars.len())
        } else {
            end
        };
        if start >= end {
            continue;
        }
        let score = place(start, end) * (1.0 - edits as f64 / pm as f64);
        if pick.is_none_or(|(b, _, _)| score > b) {
            pick = Some((score, start, end));
        }
    }
    pick.map(|(score, s, e)| to_anchor(s, e, score.min(0.99), false))
}

/// The chars `[a.start, a.end)` of `text`.
pub fn slice(text: &str, a: &Anchor) -> String {
    text.chars()
        .skip(a.start)
        .take(a.end.saturating_sub(a.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "We shipped on time. I rolled back in 14 minutes when the migration failed, \
                        and wrote the runbook the on-call team still uses.";

    fn quote_of(text: &str, words: &str) -> TextQuote {
        let start = text.find(words).map(|b| text[..b].chars().count()).unwrap();
        describe(text, start, start + words.chars().count()).unwrap()
    }

    #[test]
    fn survives_text_added_before() {
        let q = quote_of(TEXT, "rolled back in 14 minutes");
        let moved = format!("At Acme, in 2023: {TEXT}");
        let a = anchor(&moved, &q).unwrap();
        assert!(a.exact);
        assert_eq!(slice(&moved, &a), "rolled back in 14 minutes");
        assert!(a.start > q.start);
    }

    #[test]
    fn context_picks_the_right_twin_and_the_hint_breaks_ties() {
        let text = "Lead with the result. Then the story. Lead with the result. Then the numbers.";
        let second = text
            .rfind("Lead")
            .map(|b| text[..b].chars().count())
            .unwrap();
        let q = describe(text, second, second + 21).unwrap();
        let a = anchor(text, &q).unwrap();
        assert_eq!(a.start, second, "context says the second one");
        let same = "ab ab ab";
        let q = TextQuote {
            exact: "ab".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 3,
            end: 5,
        };
        assert_eq!(anchor(same, &q).unwrap().start, 3);
    }

    #[test]
    fn small_change_inside_is_found_fuzzily() {
        let q = quote_of(TEXT, "rolled back in 14 minutes");
        let changed = TEXT.replace("14 minutes", "12 minutes");
        let a = anchor(&changed, &q).unwrap();
        assert!(!a.exact);
        assert_eq!(slice(&changed, &a), "rolled back in 12 minutes");
    }

    #[test]
    fn deleted_words_orphan() {
        let q = quote_of(TEXT, "wrote the runbook the on-call team still uses");
        let cut = "We shipped on time. I rolled back in 14 minutes when the migration failed.";
        assert_eq!(anchor(cut, &q), None);
    }

    #[test]
    fn whitespace_does_not_matter() {
        let q =
            quote_from_selection("rolled  back\nin 14", "on time. I ", " minutes", None).unwrap();
        let a = anchor(TEXT, &q).unwrap();
        assert!(a.exact);
        assert_eq!(slice(TEXT, &a), "rolled back in 14");
    }

    #[test]
    fn non_ascii_offsets_are_chars() {
        let text = "Résumé: I led the café 🚀 launch in Zürich.";
        let q = quote_of(text, "café 🚀 launch");
        let a = anchor(&format!("Née. {text}"), &q).unwrap();
        assert_eq!(slice(&format!("Née. {text}"), &a), "café 🚀 launch");
    }

    #[test]
    fn round_trip_on_unchanged_text() {
        let chars = TEXT.chars().count();
        let mut seed: u64 = 7;
        for _ in 0..300 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let s = (seed >> 33) as usize % chars;
            let len = 3 + (seed >> 20) as usize % 30;
            let e = (s + len).min(chars);
            let Some(q) = describe(TEXT, s, e) else {
                continue;
            };
            let a = anchor(TEXT, &q).unwrap();
            assert_eq!(slice(TEXT, &a).trim(), q.exact.trim(), "{q:?}");
        }
    }

    #[test]
    fn adversarial_inputs_do_not_panic() {
        let q = TextQuote {
            exact: "x".repeat(5000),
            prefix: "🚀".into(),
            suffix: String::new(),
            start: 99,
            end: 3,
        };
        assert_eq!(anchor("", &q), None);
        assert_eq!(anchor("short", &q), None);
        assert_eq!(describe("", 0, 10), None);
        assert_eq!(describe("abc", 5, 2), None);
        assert_eq!(quote_from_selection("  ", "", "", None), None);
        let q = quote_from_selection("é", "", "", Some(1)).unwrap();
        assert!(anchor("e\u{301}é", &q).is_some());
    }
}
