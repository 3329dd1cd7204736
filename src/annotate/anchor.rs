//! Re-attaching highlights to edited text, W3C Web Annotation "text quote" style.
//!
//! A highlight is stored as a [`TextQuote`]: the highlighted text (`exact`), up to 32 chars
//! of context on each side (`prefix`/`suffix`) and the old char range as a position hint.
//! [`anchor`] finds the quote again in a possibly edited text:
//!
//! 1. Both texts are normalised: every run of whitespace becomes one `' '`, and each
//!    normalised char remembers its original char span, so results map back exactly.
//! 2. Exact phase: every occurrence of the normalised `exact` (linear `str::find`).
//! 3. Fuzzy phase (only if there is none): Myers' bit-parallel approximate search (64-char
//!    blocks, O(text x quote/64)) finds match ends within one edit of the best (at most
//!    `len/4` edits); the same algorithm run backwards over a short window finds each
//!    match's start. Quotes over 1,024 chars and oversized texts skip this phase.
//! 4. Candidates are ranked by edits plus context errors (edit distance of the stored
//!    prefix/suffix to the text beside the candidate, again via Myers), then length change,
//!    then distance to the hint, then position. The hint is only a tie-breaker, so edits
//!    above a highlight do not mislead it. No candidate means an orphan (`None`).
//!
//! Score = (1 - edits/len) * (0.5 + 0.5 * context similarity): 1.0 exactly when `exact`
//! and all context match, at least 0.5 for any exact match, and below 1.0 for fuzzy ones.
//! All offsets are chars (Unicode scalar values), never bytes.

use std::collections::HashMap;

const CONTEXT: usize = 32;
const CONTEXT_SLACK: usize = 8;
const MAX_CANDIDATES: usize = 10_000;
const MAX_FUZZY_ENDS: usize = 1_000;
const FUZZY_MAX_CHARS: usize = 1_024;
/// Upper bound on text chars x 64-char pattern blocks for the fuzzy scan.
const FUZZY_BUDGET: usize = 64_000_000;

/// Offsets are in chars (Unicode scalar values) of the text given, never bytes.
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
    /// 1.0 = exact text with matching context; lower for fuzzy
    pub score: f64,
    pub exact: bool,
}

/// Describe chars [start, end) of `text`: exact plus up to 32 chars of context each side
/// (fewer at the edges). Clamps out-of-range offsets and trims whitespace off the ends of
/// the range (so `start`/`end` of the result may be narrower); None if nothing is left.
pub fn describe(text: &str, start: usize, end: usize) -> Option<TextQuote> {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    let (start, end) = trim(&chars, start.min(end).min(len), end.min(len));
    if start == end {
        return None;
    }
    let s = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
    Some(TextQuote {
        exact: s(start..end),
        prefix: s(start.saturating_sub(CONTEXT)..start),
        suffix: s(end..(end + CONTEXT).min(chars.len())),
        start,
        end,
    })
}

/// Build a quote from what a UI knows: the selected text, the text just before/after it
/// (any length; whitespace runs collapsed, then trimmed to the 32 chars nearest the
/// selection) and an optional position hint (char offset of the selection). Without a
/// hint `start == end == 0`, which makes [`anchor`] prefer the earliest of equal matches.
pub fn quote_from_selection(
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint: Option<usize>,
) -> Option<TextQuote> {
    let trimmed = exact.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lead = &exact[..exact.len() - exact.trim_start().len()];
    let trail = &exact[exact.trim_end().len()..];
    let pre = normalize(&format!("{prefix}{lead}")).0;
    let suf = normalize(&format!("{trail}{suffix}")).0;
    let start = hint.map_or(0, |h| h.saturating_add(lead.chars().count()));
    let end = hint.map_or(0, |_| start.saturating_add(trimmed.chars().count()));
    Some(TextQuote {
        exact: trimmed.to_string(),
        prefix: pre[pre.len().saturating_sub(CONTEXT)..].iter().collect(),
        suffix: suf[..suf.len().min(CONTEXT)].iter().collect(),
        start,
        end,
    })
}

/// Find the quote in (possibly changed) text; None = orphan. See the module docs.
pub fn anchor(text: &str, quote: &TextQuote) -> Option<Anchor> {
    let (nt, spans) = normalize(text);
    let ne = normalize(quote.exact.trim()).0;
    let m = ne.len();
    if m == 0 || nt.is_empty() {
        return None;
    }
    let (hay, needle): (String, String) = (nt.iter().collect(), ne.iter().collect());
    let mut cands: Vec<(usize, usize, usize)> = occurrences(&hay, &needle)
        .into_iter()
        .map(|s| (s, s + m, 0))
        .collect();
    if cands.is_empty() {
        cands = fuzzy(&nt, &ne)?;
    }
    let (pre, suf) = context_matchers(&quote.prefix, &quote.suffix);
    let (errs, _, _, start, end, edits) = cands
        .iter()
        .map(|&(s, e, edits)| {
            let err = context_errors(&pre, &suf, &nt, s, e) + edits;
            let (os, oe, dist) = (spans[s].0, spans[e - 1].1, spans[s].0.abs_diff(quote.start));
            (err, (e - s).abs_diff(m), dist, os, oe, edits)
        })
        .min()?;
    let total = (pre.m + suf.m).max(1);
    let ctx_sim = 1.0 - (errs - edits) as f64 / total as f64;
    let text_sim = 1.0 - edits as f64 / m as f64;
    Some(Anchor {
        start,
        end,
        score: text_sim * (0.5 + 0.5 * ctx_sim),
        exact: edits == 0,
    })
}

/// The chars [a.start, a.end) of text as a String.
pub fn slice(text: &str, a: &Anchor) -> String {
    let len = a.end.saturating_sub(a.start);
    text.chars().skip(a.start).take(len).collect()
}

/// Collapses whitespace runs to one `' '`; returns the chars and each one's original
/// [start, end) char span.
fn normalize(s: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let (mut out, mut spans) = (Vec::new(), Vec::<(usize, usize)>::new());
    for (i, c) in s.chars().enumerate() {
        let ws = c.is_whitespace();
        match spans.last_mut() {
            Some(span) if ws && out.last() == Some(&' ') => span.1 = i + 1,
            _ => {
                out.push(if ws { ' ' } else { c });
                spans.push((i, i + 1));
            }
        }
    }
    (out, spans)
}

/// Char indices of all (overlapping) occurrences of a non-empty `needle`, capped.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let (mut out, mut from, mut last_byte, mut chars) = (Vec::new(), 0, 0, 0);
    while let Some(i) = hay[from..].find(needle) {
        let b = from + i;
        chars += hay[last_byte..b].chars().count();
        last_byte = b;
        out.push(chars);
        from = b + hay[b..].chars().next().map_or(1, char::len_utf8);
        if out.len() >= MAX_CANDIDATES {
            break;
        }
    }
    out
}

/// Approximate matches of `ne` in `nt` within one edit of the best (at most len/4 edits),
/// as normalised (start, end, edits).
fn fuzzy(nt: &[char], ne: &[char]) -> Option<Vec<(usize, usize, usize)>> {
    let (m, k) = (ne.len(), ne.len() / 4);
    let work = nt.len().saturating_mul(m.div_ceil(64));
    if k == 0 || m > FUZZY_MAX_CHARS || work > FUZZY_BUDGET {
        return None;
    }
    let (mut best, mut ends) = (k, Vec::new());
    Myers::new(ne).scan(nt, false, |j, d| {
        if d < best {
            best = d;
            ends.retain(|&(_, e)| e <= d + 1);
        }
        if d <= (best + 1).min(k) && ends.len() < MAX_FUZZY_ENDS {
            ends.push((j, d));
        }
    });
    let back = Myers::new(&rev(ne));
    let mut out = Vec::new();
    for (j, _) in ends {
        let mut pick = (usize::MAX, usize::MAX, 0);
        back.scan(&rev(&nt[j.saturating_sub(m + k)..j]), true, |i, d| {
            pick = pick.min((d, i.abs_diff(m), i))
        });
        let (s, e) = trim(nt, j - pick.2, j);
        if s < e {
            out.push((s, e, pick.0));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Narrows [s, e) of `chars` until it neither starts nor ends with whitespace.
fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s, e)
}

fn rev(chars: &[char]) -> Vec<char> {
    chars.iter().rev().copied().collect()
}

/// Matchers for the stored context, normalised and cut to 32 chars (prefix reversed).
fn context_matchers(prefix: &str, suffix: &str) -> (Myers, Myers) {
    let (pre, mut suf) = (normalize(prefix).0, normalize(suffix).0);
    suf.truncate(CONTEXT);
    (
        Myers::new(&rev(&pre)[..pre.len().min(CONTEXT)]),
        Myers::new(&suf),
    )
}

/// Edits turning the stored context into the text around nt[s..e]; each side is anchored
/// at the candidate and free at its far end.
fn context_errors(pre: &Myers, suf: &Myers, nt: &[char], s: usize, e: usize) -> usize {
    let before = rev(&nt[s.saturating_sub(pre.m + CONTEXT_SLACK)..s]);
    let after = &nt[e..(e + suf.m + CONTEXT_SLACK).min(nt.len())];
    let (mut p, mut q) = (pre.m, suf.m);
    pre.scan(&before, true, |_, d| p = p.min(d));
    suf.scan(after, true, |_, d| q = q.min(d));
    p + q
}

/// Myers/Hyyrö bit-parallel edit distance, pattern split into 64-char blocks.
struct Myers {
    peq: HashMap<char, Vec<u64>>,
    zero: Vec<u64>,
    m: usize,
}

impl Myers {
    fn new(p: &[char]) -> Self {
        let blocks = p.len().div_ceil(64);
        let mut peq = HashMap::new();
        for (i, &c) in p.iter().enumerate() {
            peq.entry(c).or_insert_with(|| vec![0u64; blocks])[i / 64] |= 1u64 << (i % 64);
        }
        let (zero, m) = (vec![0; blocks], p.len());
        Myers { peq, zero, m }
    }

    /// Calls `f(j, d)` for j in 1..=text.len(): d = fewest edits turning the pattern into a
    /// substring of text ending at j (starting at 0 when `anchored`, anywhere otherwise).
    fn scan(&self, text: &[char], anchored: bool, mut f: impl FnMut(usize, usize)) {
        if self.m == 0 {
            return;
        }
        let nb = self.zero.len();
        let (mut pv, mut mv) = (vec![!0u64; nb], vec![0u64; nb]);
        let top = 1u64 << ((self.m - 1) % 64);
        let mut score = self.m as i64;
        for (j, c) in text.iter().enumerate() {
            let eqs = self.peq.get(c).unwrap_or(&self.zero);
            let mut h = anchored as i64; // horizontal delta entering the block from above
            for b in 0..nb {
                let high = if b + 1 == nb { top } else { 1 << 63 };
                let (p, m, mut eq) = (pv[b], mv[b], eqs[b]);
                let xv = eq | m;
                eq |= (h < 0) as u64;
                let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
                let (mut ph, mut mh) = (m | !(xh | p), p & xh);
                let out = (ph & high != 0) as i64 - (mh & high != 0) as i64;
                ph <<= 1;
                mh <<= 1;
                mh |= (h < 0) as u64;
                ph |= (h > 0) as u64;
                pv[b] = mh | !(xv | ph);
                mv[b] = ph & xv;
                h = out;
            }
            score += h;
            f(j + 1, score.max(0) as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANSWER: &str = "In my last role I cut deploy failures by shipping a 14-minute rollback \
        plan. We then automated the canary analysis with custom metrics. Finally, I mentored \
        two juniors.";

    fn quote(text: &str, needle: &str) -> TextQuote {
        let s = text[..text.find(needle).unwrap()].chars().count();
        describe(text, s, s + needle.chars().count()).unwrap()
    }
    fn lcg(x: &mut u64) -> usize {
        *x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        (*x >> 33) as usize
    }
    fn words(seed: u64, n: usize, vocab: &str) -> String {
        let (mut x, vocab): (u64, Vec<&str>) = (seed, vocab.split('|').collect());
        let w: Vec<&str> = (0..n).map(|_| vocab[lcg(&mut x) % vocab.len()]).collect();
        w.join(" ")
    }

    #[test]
    fn reattaches_after_insertion_before() {
        let q = quote(ANSWER, "14-minute rollback");
        let ins = "Context: we had weekly outages. ";
        let text = format!("{ins}{ANSWER}");
        let a = anchor(&text, &q).unwrap();
        assert_eq!((a.start, a.end), (q.start + ins.len(), q.end + ins.len()));
        assert!(a.exact && a.score == 1.0);
        assert_eq!(slice(&text, &a), "14-minute rollback");
    }

    #[test]
    fn context_picks_the_right_duplicate_even_against_the_hint() {
        let text = "We cut rollback time in staging. Later we cut rollback time in production.";
        let s = text.rfind("cut rollback time").unwrap(); // ASCII: bytes == chars
        let mut q = describe(text, s, s + 17).unwrap();
        q.start = 0; // hint points at the first occurrence; context must win
        let a = anchor(text, &q).unwrap();
        assert_eq!((a.start, a.score), (s, 1.0));
    }

    #[test]
    fn hint_breaks_ties_when_context_is_equal() {
        let text = "Cut latency now. Cut latency now. Cut latency now.";
        for (hint, want) in [(Some(0), 4), (Some(20), 21), (Some(99), 38), (None, 4)] {
            let q = quote_from_selection("latency", "Cut ", " now", hint).unwrap();
            let a = anchor(text, &q).unwrap();
            assert_eq!((a.start, a.end, a.score), (want, want + 7, 1.0), "{hint:?}");
        }
    }

    #[test]
    fn fuzzy_reattach_after_small_edit_inside_quote() {
        let q = quote(ANSWER, "14-minute rollback");
        let text = ANSWER.replace("14-minute", "12-minute");
        let a = anchor(&text, &q).unwrap();
        assert!(!a.exact && a.score < 1.0 && a.score > 0.5, "{a:?}");
        assert_eq!(slice(&text, &a), "12-minute rollback");
        let typo = ANSWER.replace("rollback", "rollbakc"); // typo fixed after highlighting
        let a = anchor(ANSWER, &quote(&typo, "14-minute rollbakc")).unwrap();
        assert!(
            !a.exact && slice(ANSWER, &a) == "14-minute rollback",
            "{a:?}"
        );
    }

    #[test]
    fn orphan_when_quoted_sentence_deleted() {
        let sentence = "We then automated the canary analysis with custom metrics. ";
        let q = quote(ANSWER, sentence);
        assert!(anchor(ANSWER, &q).is_some());
        assert_eq!(anchor(&ANSWER.replace(sentence, ""), &q), None);
    }

    #[test]
    fn whitespace_differences_do_not_matter() {
        let text = "Tell me about a failure.\n\nWe   cut the\nrollback window in half.";
        let prefix = "Tell me about a failure. We";
        let q = quote_from_selection(" cut  the rollback\nwindow ", prefix, " in half.", None);
        let a = anchor(text, &q.unwrap()).unwrap();
        assert!(a.exact && a.score == 1.0);
        assert_eq!(slice(text, &a), "cut the\nrollback window");
        let q = describe("cut the rollback window", 0, 23).unwrap();
        let a = anchor(text, &q).unwrap();
        assert_eq!(slice(text, &a), "cut the\nrollback window");
    }

    #[test]
    fn non_ascii_offsets_are_chars() {
        let text = "Café ☕ chat: naïve 🚀 launch in Zürich, e\u{301}quipe 👩‍💻 ok";
        let q = quote(text, "🚀 launch in Zürich");
        assert_eq!((q.start, q.end), (19, 37));
        let edited = format!("Ünïcödé 🎉 {text}");
        let a = anchor(&edited, &q).unwrap();
        assert_eq!((a.start, a.end, a.exact), (29, 47, true));
        assert_eq!(slice(&edited, &a), "🚀 launch in Zürich");
        let q = quote(text, "e\u{301}quipe 👩‍💻");
        assert_eq!(slice(&edited, &anchor(&edited, &q).unwrap()), q.exact);
    }

    #[test]
    fn describe_anchor_round_trip_on_unchanged_text() {
        let text = words(1, 600, "rollback|é|🚀|e\u{301}|latency|\n\n| |team|14");
        let (n, mut x, mut checked) = (text.chars().count(), 42u64, 0);
        for _ in 0..500 {
            let s = lcg(&mut x) % (n + 5);
            if let Some(q) = describe(&text, s, s + lcg(&mut x) % 80) {
                let a = anchor(&text, &q).unwrap();
                assert_eq!((a.start, a.end, a.score), (q.start, q.end, 1.0));
                assert!(a.exact && slice(&text, &a) == q.exact);
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    }

    fn abc(x: &mut u64, n: usize) -> Vec<char> {
        (0..n).map(|_| ['a', 'b', 'c'][lcg(x) % 3]).collect()
    }

    #[test]
    fn myers_matches_naive_dp() {
        let mut x = 9u64;
        for _ in 0..300 {
            let (mlen, tlen) = (1 + lcg(&mut x) % 150, lcg(&mut x) % 200);
            let (p, t) = (abc(&mut x, mlen), abc(&mut x, tlen));
            for anchored in [false, true] {
                let mut col: Vec<usize> = (0..=p.len()).collect();
                let mut got = Vec::new();
                Myers::new(&p).scan(&t, anchored, |_, d| got.push(d));
                for (j, &c) in t.iter().enumerate() {
                    let mut prev = col[0];
                    col[0] = if anchored { j + 1 } else { 0 };
                    for i in 1..=p.len() {
                        let sub = prev + (p[i - 1] != c) as usize;
                        prev = col[i];
                        col[i] = sub.min(col[i] + 1).min(col[i - 1] + 1);
                    }
                    assert_eq!(got[j], col[p.len()]);
                }
            }
        }
    }

    #[test]
    fn adversarial_inputs_do_not_panic() {
        let q = |e: &str| TextQuote {
            exact: e.into(),
            prefix: "x".into(),
            suffix: String::new(),
            start: usize::MAX,
            end: 0,
        };
        assert_eq!(anchor("", &q("abc")), None);
        assert_eq!(anchor("abc", &q("")), None);
        assert_eq!(anchor("abc", &q(" \n ")), None);
        assert_eq!(anchor("abc", &q("abcdefghijklmnopqrstuvwxyz")), None);
        for (t, s, e) in [("", 0, 5), ("abc", 5, 2), ("abc", 2, 1), (" \n ", 0, 3)] {
            assert_eq!(describe(t, s, e), None);
        }
        assert_eq!(describe("abc", 1, 99).unwrap().exact, "bc");
        assert_eq!(quote_from_selection("", "a", "b", Some(3)), None);
        assert_eq!(quote_from_selection(" \n", "a", "b", None), None);
        let marks = "\u{301}".repeat(50);
        let a = anchor(&marks, &q("\u{301}\u{301}")).unwrap();
        assert_eq!(slice(&marks, &a).chars().count(), 2);
        let huge = "a".repeat(200_000);
        assert!(anchor(&huge, &q(&format!("{}b", "a".repeat(199)))).is_some());
        assert!(anchor(&huge, &q("aa")).is_some());
        assert!(anchor("ab", &q(&"🚀".repeat(5000))).is_none());
        assert_eq!(slice("abc", &Anchor { start: 5, ..a }), "");
    }

    #[test]
    #[ignore]
    fn timing_20k_chars_200_char_quote() {
        let vocab = "rollback|latency|team|deploy|the|a|we|metrics";
        let mut text: Vec<char> = words(3, 5_000, vocab).chars().take(20_000).collect();
        let q = describe(&text.iter().collect::<String>(), 10_000, 10_200).unwrap();
        let exact: String = text.iter().collect();
        text[10_050] = 'X';
        text[10_120] = 'Y';
        let fuzzy: String = text.iter().collect();
        let orphan: String = text[..9_900].iter().chain(&text[10_300..]).collect();
        for (name, t) in [("exact", &exact), ("fuzzy", &fuzzy), ("orphan", &orphan)] {
            let t0 = std::time::Instant::now();
            for _ in 0..20 {
                std::hint::black_box(anchor(t, &q));
            }
            let per = t0.elapsed() / 20;
            println!("{name}: {per:?} per anchor -> {:?}", anchor(t, &q));
        }
    }
}
