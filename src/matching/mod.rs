//! A posting's keywords held against the prepared answers: which cards cover each keyword
//! (strongly: the skill or the exact phrase; weakly: the stemmed words only), the score,
//! the gaps, and a ranking of cards for the job. Pure: cards and keywords in, report out.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::index::english_analyzer;
use crate::jobs::{Keyword, KeywordKind, Lexicon, SectionKind};
use crate::model::CardId;

/// What matching needs of a card.
#[derive(Debug, Clone)]
pub struct CardText {
    pub id: CardId,
    pub question: String,
    /// The answer as plain text.
    pub answer: String,
    pub skills: Vec<String>,
}

/// How one keyword is covered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeywordCoverage {
    pub id: String,
    pub name: String,
    pub kind: KeywordKind,
    pub section: SectionKind,
    pub weight: f32,
    /// Cards that cover it, strong ones first (at most 50 when found through the index;
    /// `count` says how many there are).
    pub covered_by: Vec<CardId>,
    /// How many cards cover it.
    pub count: usize,
    /// Of those, the ones that name the skill or the exact phrase.
    pub strong: Vec<CardId>,
}

/// A card's place in the ranking for a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RankedCard {
    pub card_id: CardId,
    pub question: String,
    pub score: f32,
    /// Keyword ids the card covers.
    pub matched: Vec<String>,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MatchReport {
    /// Weighted coverage of all keywords, 0 to 100.
    pub score: f32,
    pub required_coverage: f32,
    pub preferred_coverage: f32,
    pub keywords: Vec<KeywordCoverage>,
    /// Keyword ids no card covers, required ones first, heaviest first.
    pub gaps: Vec<String>,
    pub ranking: Vec<RankedCard>,
}

/// What a weak cover counts for, against a strong one's 1.
pub const WEAK: f32 = 0.5;

fn stems(text: &str) -> Vec<String> {
    let mut analyzer = english_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn pct(covered: f32, total: f32) -> f32 {
    if total <= 0.0 {
        0.0
    } else {
        (1000.0 * covered / total).round() / 10.0
    }
}

/// Whether `text` names the skill of keyword `k` as a skill: in a technical context the
/// lexicon accepts, or spelled exactly as the posting or the lexicon spells it ("Go", not
/// "go").
fn names_skill(lex: &Lexicon, text: &str, k: &Keyword) -> bool {
    if lex.find(text).iter().any(|m| lex.skill(m.skill).id == k.id) {
        return true;
    }
    let cased = |s: &str| s.chars().any(char::is_uppercase);
    let forms: Vec<&str> = std::iter::once(k.name.as_str())
        .chain(k.matched.iter().map(String::as_str))
        .filter(|f| cased(f))
        .collect();
    lex.tokenize(text)
        .iter()
        .any(|t| forms.contains(&&text[t.start..t.end]))
}

/// Holds `keywords` against `cards`.
pub fn match_cards(keywords: &[Keyword], cards: &[CardText]) -> MatchReport {
    let lex = Lexicon::builtin();
    let texts: Vec<String> = cards
        .iter()
        .map(|c| format!("{}\n{}", c.question, c.answer))
        .collect();
    let prepared: Vec<(Vec<String>, HashSet<String>, Vec<String>)> = texts
        .iter()
        .map(|text| {
            let tokens: Vec<String> = lex.tokenize(text).into_iter().map(|t| t.norm).collect();
            let stemmed = stems(text);
            (tokens, stemmed.iter().cloned().collect(), stemmed)
        })
        .collect();
    let mut found = Vec::with_capacity(keywords.len());
    for k in keywords {
        let phrase_tokens: Vec<String> =
            lex.tokenize(&k.name).into_iter().map(|t| t.norm).collect();
        let phrase_stems = stems(&k.name);
        // A short name that is also a word ("Go", "R", "Swift") covers weakly only where the
        // answer writes it as the name or uses it in a technical context, not as the verb.
        let ambiguous = k.kind != KeywordKind::Phrase
            && phrase_tokens.len() == 1
            && (lex.is_ambiguous(&k.name) || k.matched.iter().any(|m| lex.is_ambiguous(m)));
        let mut strong = Vec::new();
        let mut weak = Vec::new();
        for (i, card) in cards.iter().enumerate() {
            let (tokens, stem_set, stem_seq) = &prepared[i];
            let is_strong = card.skills.iter().any(|s| s == &k.id)
                || (k.kind == KeywordKind::Phrase && contains_run(tokens, &phrase_tokens))
                || k.matched.iter().any(|m| {
                    let mt: Vec<String> = lex.tokenize(m).into_iter().map(|t| t.norm).collect();
                    mt.len() > 1 && contains_run(tokens, &mt)
                });
            let is_weak = !is_strong
                && !phrase_stems.is_empty()
                && (contains_run(stem_seq, &phrase_stems)
                    || (phrase_stems.len() > 1
                        && phrase_stems.iter().all(|s| stem_set.contains(s))))
                && (!ambiguous || names_skill(lex, &texts[i], k));
            if is_strong {
                strong.push(card.id.clone());
            } else if is_weak {
                weak.push(card.id.clone());
            }
        }
        let count = strong.len() + weak.len();
        found.push(Found {
            strong,
            weak,
            count,
        });
    }
    let questions: std::collections::HashMap<&CardId, &str> =
        cards.iter().map(|c| (&c.id, c.question.as_str())).collect();
    report(
        keywords,
        found,
        |id| questions.get(id).map(|q| q.to_string()).unwrap_or_default(),
        usize::MAX,
    )
}

/// The cards that cover one keyword, however they were found (by scanning card text, or
/// through the search index).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub strong: Vec<CardId>,
    pub weak: Vec<CardId>,
    /// How many cards cover it in all (the lists may hold fewer).
    pub count: usize,
}

/// Score, coverage, gaps and ranking from each keyword's covering cards (`found[i]` for
/// `keywords[i]`). The ranking keeps the `max_ranked` best cards; `question_of` is asked
/// only for those.
pub fn report(
    keywords: &[Keyword],
    found: Vec<Found>,
    question_of: impl Fn(&CardId) -> String,
    max_ranked: usize,
) -> MatchReport {
    let mut card_scores: std::collections::HashMap<CardId, (f32, Vec<String>)> =
        std::collections::HashMap::new();
    for (k, f) in keywords.iter().zip(&found) {
        for (ids, w) in [(&f.strong, 1.0), (&f.weak, WEAK)] {
            for id in ids {
                let e = card_scores.entry(id.clone()).or_default();
                e.0 += k.weight * w;
                e.1.push(k.id.clone());
            }
        }
    }
    let mut scored: Vec<(CardId, f32, Vec<String>)> = card_scores
        .into_iter()
        .filter(|(_, (score, _))| *score > 0.0)
        .map(|(id, (score, matched))| (id, score, matched))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(max_ranked);
    let ranking = scored
        .into_iter()
        .map(|(card_id, score, matched)| RankedCard {
            question: question_of(&card_id),
            card_id,
            score: (score * 100.0).round() / 100.0,
            matched,
        })
        .collect();
    report_ranked(keywords, found, ranking)
}

/// [`report`] with the ranking already made (the index ranks every card itself).
pub fn report_ranked(
    keywords: &[Keyword],
    found: Vec<Found>,
    ranking: Vec<RankedCard>,
) -> MatchReport {
    let mut coverage = Vec::with_capacity(keywords.len());
    let (mut total, mut covered) = (0f32, 0f32);
    let (mut req_total, mut req_covered, mut pref_total, mut pref_covered) =
        (0f32, 0f32, 0f32, 0f32);
    for (k, f) in keywords.iter().zip(found) {
        let Found {
            mut strong,
            mut weak,
            count,
        } = f;
        strong.sort();
        weak.sort();
        let strength = if !strong.is_empty() {
            1.0
        } else if !weak.is_empty() {
            WEAK
        } else {
            0.0
        };
        total += k.weight;
        covered += k.weight * strength;
        match k.section {
            SectionKind::Required | SectionKind::Responsibilities => {
                req_total += k.weight;
                req_covered += k.weight * strength;
            }
            SectionKind::Preferred => {
                pref_total += k.weight;
                pref_covered += k.weight * strength;
            }
            _ => {}
        }
        coverage.push(KeywordCoverage {
            id: k.id.clone(),
            name: k.name.clone(),
            kind: k.kind,
            section: k.section,
            weight: k.weight,
            covered_by: strong.iter().chain(&weak).cloned().collect(),
            count: count.max(strong.len() + weak.len()),
            strong,
        });
    }
    let mut gaps: Vec<&KeywordCoverage> = coverage
        .iter()
        .filter(|c| c.covered_by.is_empty() && c.weight > 0.0)
        .collect();
    let rank = |s: SectionKind| match s {
        SectionKind::Required => 0,
        SectionKind::Responsibilities => 1,
        SectionKind::Preferred => 2,
        _ => 3,
    };
    gaps.sort_by(|a, b| {
        rank(a.section)
            .cmp(&rank(b.section))
            .then(b.weight.total_cmp(&a.weight))
    });
    MatchReport {
        score: pct(covered, total),
        required_coverage: pct(req_covered, req_total),
        preferred_coverage: pct(pref_covered, pref_total),
        gaps: gaps.iter().map(|g| g.id.clone()).collect(),
        keywords: coverage,
        ranking,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::{extract_keywords, posting::parse_text};

    fn card(id: &str, q: &str, a: &str) -> CardText {
        CardText {
            id: CardId(id.into()),
            question: q.into(),
            answer: a.into(),
            skills: Lexicon::builtin().skill_ids(&format!("{q}\n{a}")),
        }
    }

    #[test]
    fn an_ambiguous_short_name_needs_the_name_not_the_verb() {
        let keywords = extract_keywords(&parse_text(
            "## Requirements\n- Experience with Go and Kubernetes\n",
        ));
        let go = keywords
            .iter()
            .find(|k| k.name == "Go")
            .unwrap_or_else(|| panic!("Go in {keywords:?}"))
            .id
            .clone();
        let verb = card(
            "a",
            "Where do you want to go next?",
            "I go where the hard problems are and go the extra mile.",
        );
        let name = card(
            "b",
            "What did you build last?",
            "A billing service; Go is what I reach for first.",
        );
        let r = match_cards(&keywords, &[verb, name]);
        let cov = r.keywords.iter().find(|k| k.id == go).unwrap();
        assert_eq!(cov.covered_by, vec![CardId("b".into())], "{cov:?}");
        // The bare word still covers a keyword that is no ordinary word.
        let r = match_cards(
            &keywords,
            &[card("c", "Containers?", "We ran everything on kubernetes.")],
        );
        assert!(r
            .keywords
            .iter()
            .any(|k| k.name == "Kubernetes" && !k.covered_by.is_empty()));
    }

    #[test]
    fn coverage_gaps_and_ranking() {
        let posting = parse_text(
            "## Requirements\n- Kubernetes and Python\n- Experience with Rust\n- Model serving at scale\n- Model serving latency\n\n## Nice to have\n- Terraform\n",
        );
        let keywords = extract_keywords(&posting);
        let cards = vec![
            card(
                "a",
                "How did you run k8s?",
                "We ran Python services on k8s with Helm.",
            ),
            card(
                "b",
                "Tell me about latency",
                "I cut serving latency for our models.",
            ),
            card("c", "Why this job?", "I like robots."),
        ];
        let r = match_cards(&keywords, &cards);
        let cov = |name: &str| {
            r.keywords
                .iter()
                .find(|k| k.name.eq_ignore_ascii_case(name))
                .unwrap_or_else(|| panic!("{name}: {:?}", r.keywords))
        };
        assert_eq!(cov("Kubernetes").strong, vec![CardId("a".into())]);
        assert_eq!(cov("Python").covered_by, vec![CardId("a".into())]);
        assert!(cov("Rust").covered_by.is_empty());
        let rust_id = cov("Rust").id.clone();
        assert!(r.gaps.contains(&rust_id));
        let terraform = cov("Terraform").id.clone();
        let gap_pos = |id: &String| r.gaps.iter().position(|g| g == id).unwrap();
        assert!(
            gap_pos(&rust_id) < gap_pos(&terraform),
            "required gaps come first: {:?}",
            r.gaps
        );
        assert_eq!(r.ranking[0].card_id, CardId("a".into()));
        assert!(!r.ranking.iter().any(|c| c.card_id == CardId("c".into())));
        assert!(r.score > 0.0 && r.score < 100.0);
        assert_eq!(r.preferred_coverage, 0.0);
        assert!(r.required_coverage > 0.0);
    }
}
