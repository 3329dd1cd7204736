//! Highlighted snippets as `{text, highlighted}` segments (never byte offsets: the UI is
//! JavaScript, whose strings count UTF-16 units).

use std::collections::HashSet;

use crate::model::Segment;

/// About how many characters of answer a snippet shows.
pub const SNIPPET_CHARS: usize = 200;

/// What the query asked for, in the forms a token of text is compared with.
#[derive(Debug, Default, Clone)]
pub struct Highlighter {
    stems: HashSet<String>,
    prefixes: Vec<String>,
    fuzzy: Vec<String>,
}

impl Highlighter {
    pub fn add_word(&mut self, stem: &str, raw: &str, prefix: bool, fuzzy: bool) {
        self.stems.insert(stem.to_string());
        if prefix && raw.chars().count() >= 2 {
            self.prefixes.push(raw.to_string());
        }
        if fuzzy {
            self.fuzzy.push(raw.to_string());
        }
    }

    fn matches(&self, stem: &str, raw: &str) -> bool {
        self.stems.contains(stem)
            || self.prefixes.iter().any(|p| raw.starts_with(p.as_str()))
            || self.fuzzy.iter().any(|w| {
                let d = super::fuzzy_distance(w) as usize;
                d > 0 && within_distance(w, raw, d)
            })
    }

    /// Byte ranges of the words in `text` that match.
    fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut analyzer = super::english_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut spans = Vec::new();
        while let Some(token) = stream.next() {
            let (from, to) = (token.offset_from, token.offset_to);
            let Some(raw) = text.get(from..to) else {
                continue;
            };
            if self.matches(&token.text, &raw.to_lowercase()) {
                spans.push((from, to));
            }
        }
        spans
    }

    /// `text` cut to about `max_chars` around the densest run of matches, as segments.
    pub fn segments(&self, text: &str, max_chars: usize) -> Vec<Segment> {
        let spans = self.spans(text);
        let (start, end) = window(text, &spans, max_chars);
        let mut out: Vec<Segment> = Vec::new();
        let mut push = |s: &str, highlighted: bool| {
            if s.is_empty() {
                return;
            }
            match out.last_mut() {
                Some(last) if last.highlighted == highlighted => last.text.push_str(s),
                _ => out.push(Segment {
                    text: s.to_string(),
                    highlighted,
                }),
            }
        };
        if start > 0 {
            push("…", false);
        }
        let mut at = start;
        for &(from, to) in spans.iter().filter(|(f, t)| *f >= start && *t <= end) {
            push(&text[at..from], false);
            push(&text[from..to], true);
            at = to;
        }
        push(&text[at..end], false);
        if end < text.len() {
            push("…", false);
        }
        out
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Picks the byte window to show: the one of about `max_chars` holding most matches,
/// starting a little before the first of them, cut at word boundaries.
fn window(text: &str, spans: &[(usize, usize)], max_chars: usize) -> (usize, usize) {
    if max_chars == usize::MAX || text.len() <= max_chars {
        return (0, text.len());
    }
    let budget = max_chars;
    let mut best = (0usize, 0usize);
    for (i, &(from, _)) in spans.iter().enumerate() {
        let count = spans[i..]
            .iter()
            .take_while(|(_, to)| *to <= from + budget)
            .count();
        if count > best.1 {
            best = (from, count);
        }
    }
    let lead = budget / 5;
    let mut start = if best.1 == 0 {
        0
    } else {
        floor_boundary(text, best.0.saturating_sub(lead))
    };
    if start > 0 {
        // Begin at the start of a word.
        if let Some(space) = text[start..best.0.max(start)].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let mut end = floor_boundary(text, start + budget);
    if end < text.len() {
        if let Some(space) = text[start..end].rfind(char::is_whitespace) {
            if space > budget / 2 {
                end = start + space;
            }
        }
    }
    (start, end)
}

/// Whether two words are within `max` edits (Levenshtein, by chars).
fn within_distance(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| {
                if s.highlighted {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn highlights_stemmed_and_prefix_matches() {
        let mut h = Highlighter::default();
        h.add_word("pipelin", "pipelines", false, false);
        h.add_word("kube", "kube", true, false);
        let s = h.segments("Pipelines on Kubernetes; one pipeline.", usize::MAX);
        assert_eq!(joined(&s), "[Pipelines] on [Kubernetes]; one [pipeline].");
    }

    #[test]
    fn long_text_is_cut_around_the_matches_on_char_boundaries() {
        let text = format!(
            "{} the answer mentions Kafka here {}",
            "é ".repeat(300),
            "ü ".repeat(300)
        );
        let mut h = Highlighter::default();
        h.add_word("kafka", "kafka", false, false);
        let s = h.segments(&text, 120);
        let all = joined(&s);
        assert!(all.starts_with('…') && all.ends_with('…'), "{all}");
        assert!(all.contains("[Kafka]"));
        assert!(all.chars().count() < 160, "{}", all.chars().count());
    }

    #[test]
    fn no_match_gives_the_start() {
        let h = Highlighter::default();
        let text = "word ".repeat(100);
        let s = h.segments(&text, 50);
        assert!(!s[0].highlighted);
        assert!(s[0].text.starts_with("word"));
    }

    #[test]
    fn edit_distance() {
        assert!(within_distance("kubernetes", "kubernetse", 2));
        assert!(within_distance("kafka", "kafak", 2));
        assert!(!within_distance("kafka", "spark", 1));
    }
}
