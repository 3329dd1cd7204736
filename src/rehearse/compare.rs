//! A typed attempt held against the prepared answer: which talking points it covered, which
//! job keywords it mentioned, and a suggested rating from that and the time taken.

use std::collections::HashSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{PointStatus, Rating, TalkingPoint, TypedFeedback};

/// Share of a point's content words that must appear for it to count as covered.
const COVERED: f64 = 0.6;
/// ... and as partly covered.
const PARTIAL: f64 = 0.3;

/// Words too common to say whether a point was made.
const STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
    "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the",
    "their", "then", "there", "this", "to", "was", "we", "were", "what", "when", "which", "who",
    "will", "with", "you", "your", "they", "them", "he", "she", "his", "her", "not", "no", "do",
    "did", "does", "been", "being", "into", "about", "would", "could", "should", "can", "also",
    "than", "just", "very", "how", "all", "any", "each", "more", "most", "some", "such", "only",
    "own", "same", "too", "up", "out", "if", "because", "while", "after", "before", "over",
];

/// The answer's talking points: list items, and the sentences of paragraphs. Code blocks
/// and headings are left out.
pub fn talking_points(answer_markdown: &str) -> Vec<String> {
    let mut points = Vec::new();
    let mut buf = String::new();
    let mut depth_item = 0usize;
    let mut in_code = false;
    let flush = |buf: &mut String, points: &mut Vec<String>, split: bool| {
        let text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
        buf.clear();
        if text.is_empty() {
            return;
        }
        if split {
            points.extend(sentences(&text));
        } else {
            points.push(text);
        }
    };
    for ev in Parser::new(answer_markdown) {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Item) => {
                flush(&mut buf, &mut points, depth_item == 0);
                depth_item += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut buf, &mut points, false);
                depth_item = depth_item.saturating_sub(1);
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::BlockQuote(_)) => {
                if depth_item == 0 {
                    flush(&mut buf, &mut points, true);
                } else {
                    buf.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => buf.clear(),
            Event::Text(t) | Event::Code(t) if !in_code => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            _ => {}
        }
    }
    flush(&mut buf, &mut points, true);
    points.retain(|p| p.chars().any(|c| c.is_alphanumeric()));
    points
}

/// Splits text after `.`, `!` or `?` followed by a space and a capital letter or digit, so
/// that "e.g. this" and "v1.2" stay whole.
fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        if matches!(chars[i], '.' | '!' | '?')
            && chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            out.push(chars[start..=i].iter().collect::<String>());
            start = i + 2;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect::<String>());
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn content_stems(text: &str) -> Vec<String> {
    let mut analyzer = crate::index::english_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(tok) = stream.next() {
        if !STOP.contains(&tok.text.as_str()) {
            out.push(tok.text.clone());
        }
    }
    out
}

/// Compares what was typed with the prepared answer. `keywords` are a job's keyword names
/// (with their aliases, if known); those the typed text mentions are reported.
pub fn compare(
    answer_markdown: &str,
    typed: &str,
    duration_ms: u64,
    target_secs: u32,
    keywords: &[(String, Vec<String>)],
) -> TypedFeedback {
    let said: HashSet<String> = content_stems(typed).into_iter().collect();
    let mut points = Vec::new();
    let mut score = 0.0;
    for text in talking_points(answer_markdown) {
        let stems: HashSet<String> = content_stems(&text).into_iter().collect();
        let share = if stems.is_empty() {
            0.0
        } else {
            stems.iter().filter(|s| said.contains(*s)).count() as f64 / stems.len() as f64
        };
        let status = if share >= COVERED {
            score += 1.0;
            PointStatus::Covered
        } else if share >= PARTIAL {
            score += 0.5;
            PointStatus::Partial
        } else {
            PointStatus::Missed
        };
        points.push(TalkingPoint { text, status });
    }
    let coverage = if points.is_empty() {
        0.0
    } else {
        score / points.len() as f64
    };
    let typed_lower = format!(" {} ", normalise(typed));
    let mentioned = keywords
        .iter()
        .filter(|(name, aliases)| {
            std::iter::once(name).chain(aliases).any(|a| {
                !a.trim().is_empty() && typed_lower.contains(&format!(" {} ", normalise(a)))
            })
        })
        .map(|(name, _)| name.clone())
        .collect();
    TypedFeedback {
        suggested: suggest(coverage, duration_ms, target_secs),
        points,
        coverage,
        keywords: mentioned,
    }
}

fn normalise(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || "+#./-".contains(c)))
        .map(|w| w.trim_end_matches(['.', '/', '-']))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A rating from coverage and time: most points made within the target is Easy; well over
/// the target costs one step.
pub fn suggest(coverage: f64, duration_ms: u64, target_secs: u32) -> Rating {
    let mut r = if coverage >= 0.85 {
        Rating::Easy
    } else if coverage >= 0.6 {
        Rating::Good
    } else if coverage >= 0.3 {
        Rating::Hard
    } else {
        Rating::Again
    };
    let over = duration_ms as f64 / 1000.0 > f64::from(target_secs.max(1)) * 1.25;
    if over && r > Rating::Hard {
        r = Rating::from_u8(r.as_u8() - 1).unwrap_or(r);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANSWER: &str = "At Acme I cut deploy time from 40 minutes to 6. \
        We moved the pipeline to GitHub Actions and cached the Docker layers.\n\n\
        - Rolled back in 14 minutes when a migration failed\n\
        - Wrote the runbook the on-call team still uses\n";

    #[test]
    fn points_are_sentences_and_bullets() {
        let p = talking_points(ANSWER);
        assert_eq!(p.len(), 4, "{p:?}");
        assert!(p[0].starts_with("At Acme"));
        assert!(p[1].starts_with("We moved"));
        assert_eq!(p[2], "Rolled back in 14 minutes when a migration failed");
        assert!(talking_points("Use e.g. caching in v1.2 builds.").len() == 1);
    }

    #[test]
    fn typed_attempt_marks_points_and_keywords() {
        let typed = "I cut the deploy time at Acme from 40 minutes down to 6 minutes, \
                     using GitHub Actions and caching docker layers.";
        let kw = vec![
            ("GitHub Actions".to_string(), vec![]),
            ("Kubernetes".to_string(), vec!["k8s".to_string()]),
            ("Docker".to_string(), vec![]),
        ];
        let f = compare(ANSWER, typed, 60_000, 120, &kw);
        let statuses: Vec<PointStatus> = f.points.iter().map(|p| p.status).collect();
        assert_eq!(statuses[0], PointStatus::Covered);
        assert_ne!(statuses[1], PointStatus::Missed);
        assert_eq!(statuses[3], PointStatus::Missed, "{:?}", f.points);
        assert_eq!(f.keywords, vec!["GitHub Actions", "Docker"]);
        assert!(f.coverage > 0.3 && f.coverage < 0.9, "{}", f.coverage);
    }

    #[test]
    fn suggestion_follows_coverage_and_time() {
        assert_eq!(suggest(1.0, 60_000, 120), Rating::Easy);
        assert_eq!(
            suggest(1.0, 200_000, 120),
            Rating::Good,
            "too long costs a step"
        );
        assert_eq!(suggest(0.7, 60_000, 120), Rating::Good);
        assert_eq!(suggest(0.4, 60_000, 120), Rating::Hard);
        assert_eq!(suggest(0.1, 60_000, 120), Rating::Again);
        let empty = compare(ANSWER, "", 1000, 120, &[]);
        assert_eq!(empty.suggested, Rating::Again);
        assert!(empty.points.iter().all(|p| p.status == PointStatus::Missed));
    }
}
