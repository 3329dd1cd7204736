//! Likely interview questions from a résumé and a posting, phrased as an interviewer would
//! ask them: grounded in one role and one bullet, tied to what the posting asks for.
//!
//! The phrasing is built from the parsed résumé by a few templates that know a little
//! grammar: a bullet that opens with a past-tense verb ("Scaled…", "Led…") is retold in the
//! second person ("you scaled…"); any other bullet is quoted. Lists of skills are joined
//! with commas and "and".

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::against::{mentions, ResumeMatch};
use super::Resume;
use crate::jobs::{Keyword, Lexicon};
use crate::store::Job;

/// One likely question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LikelyQuestion {
    pub question: String,
    /// `achievement`, `skill`, `gap` or `behavioural`.
    pub kind: String,
    /// "Title at Company" of the role it draws on.
    pub role: Option<String>,
    pub bullet: Option<String>,
    /// Names of the posting's keywords it is about.
    pub keywords: Vec<String>,
    /// A prepared card that already answers it.
    pub card_id: Option<String>,
    #[serde(skip)]
    #[ts(skip)]
    pub weight: f32,
}

const IRREGULAR_PAST: &[&str] = &[
    "led",
    "built",
    "ran",
    "wrote",
    "drove",
    "grew",
    "made",
    "took",
    "won",
    "cut",
    "set",
    "began",
    "brought",
    "taught",
    "oversaw",
    "rebuilt",
    "rewrote",
    "shipped",
    "sold",
    "found",
    "held",
    "kept",
    "met",
    "paid",
    "put",
    "saw",
    "spent",
    "stood",
    "thought",
    "understood",
    "undertook",
    "went",
    "chose",
    "gave",
    "got",
    "broke",
    "spoke",
    "flew",
    "drew",
    "fed",
];

const NOT_VERBS: &[&str] = &[
    "red",
    "bed",
    "need",
    "speed",
    "seed",
    "feed",
    "shed",
    "embed",
    "hundred",
    "sacred",
    "united",
    "limited",
    "based",
    "related",
    "advanced",
    "distributed",
    "automated",
];

/// The bullet as a clause after "you", when it opens with a past-tense verb.
fn as_clause(bullet: &str) -> Option<String> {
    let b = bullet.trim().trim_end_matches(['.', ';', ',']).trim();
    let first = b.split_whitespace().next()?;
    let lower = first.to_lowercase();
    let word: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let past = (word.ends_with("ed") && word.len() > 4 && !NOT_VERBS.contains(&word.as_str()))
        || IRREGULAR_PAST.contains(&word.as_str());
    // "Co-founded", "Re-architected" are verbs too; "API-based" is not.
    if !past || first.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let rest = &b[first.len()..];
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    // Long bullets are cut at a clause boundary so the question stays speakable.
    if words.len() > 22 {
        let cut = words
            .iter()
            .enumerate()
            .skip(8)
            .find(|(_, w)| w.ends_with(',') || w.ends_with(';'))
            .map(|(i, _)| i + 1)
            .unwrap_or(22);
        words.truncate(cut.min(22));
    }
    let mut s = format!("{lower} {}", words.join(" "));
    while s.ends_with([',', ';', ':', '.']) {
        s.pop();
    }
    Some(s.trim().to_string())
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        _ => format!(
            "{} and {}",
            items[..items.len() - 1].join(", "),
            items[items.len() - 1]
        ),
    }
}

fn at_company(company: &str) -> String {
    if company.is_empty() {
        "In that role".to_string()
    } else {
        format!("At {company}")
    }
}

fn role_label(title: &str, company: &str) -> String {
    match (title.is_empty(), company.is_empty()) {
        (false, false) => format!("{title} at {company}"),
        (false, true) => title.to_string(),
        _ => company.to_string(),
    }
}

const LEADERSHIP: &[&str] = &[
    "led",
    "managed",
    "mentored",
    "coached",
    "hired",
    "supervised",
    "directed",
    "headed",
    "coordinated",
    "onboarded",
    "organized",
    "organised",
];

/// Likely questions for a résumé, with a job's keywords and the résumé match when there is a
/// job. `answers` are the prepared cards' questions and answers by id, to find one that
/// already answers a question.
pub fn likely(
    resume: &Resume,
    job: Option<&Job>,
    matched: Option<&ResumeMatch>,
    answers: &[(String, String)],
    limit: usize,
) -> Vec<LikelyQuestion> {
    let lex = Lexicon::builtin();
    let keywords: Vec<&Keyword> = job.map(|j| j.keywords.iter().collect()).unwrap_or_default();
    let mut out: Vec<LikelyQuestion> = Vec::new();
    let mut used_bullets: HashSet<String> = HashSet::new();
    // 1. Each role's main achievement, the recent roles first.
    for (ri, r) in resume.roles.iter().enumerate().take(6) {
        let recency = 1.0 / (1.0 + ri as f32 * 0.35);
        let best = r
            .bullets
            .iter()
            .map(|b| {
                let kws: Vec<&Keyword> = keywords
                    .iter()
                    .copied()
                    .filter(|k| mentions(lex, b, k))
                    .collect();
                let w: f32 = kws.iter().map(|k| k.weight).sum();
                let numbers = b.chars().any(|c| c.is_ascii_digit());
                let score = w + if numbers { 0.8 } else { 0.0 } + as_clause(b).map_or(0.0, |_| 0.3);
                (b, kws, score)
            })
            .max_by(|a, b| a.2.total_cmp(&b.2));
        let Some((bullet, kws, score)) = best else {
            continue;
        };
        let names: Vec<String> = kws.iter().take(3).map(|k| k.name.clone()).collect();
        let tie = if names.is_empty() {
            "Walk me through how you did it, and what you would do differently now.".to_string()
        } else {
            format!(
                "The role asks for {}: walk me through how you did it.",
                join_and(&names)
            )
        };
        let q = match as_clause(bullet) {
            Some(clause) => format!("{} you {clause}. {tie}", at_company(&r.company)),
            None => format!(
                "{}, your résumé says: \u{201c}{}\u{201d}. {tie}",
                at_company(&r.company),
                bullet.trim().trim_end_matches('.')
            ),
        };
        used_bullets.insert(bullet.clone());
        out.push(LikelyQuestion {
            question: q,
            kind: "achievement".into(),
            role: Some(role_label(&r.title, &r.company)),
            bullet: Some(bullet.clone()),
            keywords: names,
            card_id: None,
            weight: (1.0 + score) * recency,
        });
    }
    if let Some(m) = matched {
        // 2. Required skills the résumé shows in a role.
        for k in m.keywords.iter().filter(|k| !k.roles.is_empty()).take(12) {
            let hit = k
                .roles
                .iter()
                .find(|h| h.bullet.as_ref().is_none_or(|b| !used_bullets.contains(b)));
            let Some(hit) = hit else { continue };
            if let Some(b) = &hit.bullet {
                used_bullets.insert(b.clone());
            }
            let where_ = if hit.company.is_empty() {
                format!("as {}", hit.title)
            } else {
                format!("at {}", hit.company)
            };
            out.push(LikelyQuestion {
                question: format!(
                    "Your résumé shows {} {where_}, and this role leans on it. What was the hardest problem you solved with {} there?",
                    k.name, k.name
                ),
                kind: "skill".into(),
                role: Some(role_label(&hit.title, &hit.company)),
                bullet: hit.bullet.clone(),
                keywords: vec![k.name.clone()],
                card_id: None,
                weight: k.weight * if k.required { 1.2 } else { 0.8 },
            });
        }
        // 3. Requirements the résumé does not show.
        for id in m.gaps.iter().take(12) {
            let Some(k) = m.keywords.iter().find(|k| &k.id == id) else {
                continue;
            };
            // Soft skills and loose phrases make no question of this kind.
            let hard = job
                .and_then(|j| j.keywords.iter().find(|x| x.id == k.id))
                .is_some_and(|x| x.kind == crate::jobs::KeywordKind::HardSkill);
            if k.on_resume || !hard {
                continue;
            }
            out.push(LikelyQuestion {
                question: format!(
                    "The role asks for {}, which your résumé does not mention. How would you get up to speed, and what have you used that comes closest?",
                    k.name
                ),
                kind: "gap".into(),
                role: None,
                bullet: None,
                keywords: vec![k.name.clone()],
                card_id: None,
                weight: k.weight * if k.required { 1.1 } else { 0.6 },
            });
        }
    }
    // 4. Behavioural questions on the résumé's own evidence.
    let lead = resume.roles.iter().find_map(|r| {
        r.bullets
            .iter()
            .find(|b| {
                let first = b.split_whitespace().next().unwrap_or("").to_lowercase();
                LEADERSHIP.contains(&first.as_str()) && !used_bullets.contains(*b)
            })
            .map(|b| (r, b))
    });
    if let Some((r, b)) = lead {
        used_bullets.insert(b.clone());
        let q = match as_clause(b) {
            Some(clause) => format!(
                "{} you {clause}. Tell me about a disagreement in that work and how you resolved it.",
                at_company(&r.company)
            ),
            None => format!(
                "{}, you led others. Tell me about a disagreement on that team and how you resolved it.",
                at_company(&r.company)
            ),
        };
        out.push(LikelyQuestion {
            question: q,
            kind: "behavioural".into(),
            role: Some(role_label(&r.title, &r.company)),
            bullet: Some(b.clone()),
            keywords: Vec::new(),
            card_id: None,
            weight: 0.9,
        });
    }
    if let Some(r) = resume.roles.first() {
        out.push(LikelyQuestion {
            question: format!(
                "Tell me about a time something you shipped {} went wrong. What did you change afterwards?",
                if r.company.is_empty() {
                    "in your last role".to_string()
                } else {
                    format!("at {}", r.company)
                }
            ),
            kind: "behavioural".into(),
            role: Some(role_label(&r.title, &r.company)),
            bullet: None,
            keywords: Vec::new(),
            card_id: None,
            weight: 0.7,
        });
    }
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut seen = HashSet::new();
    out.retain(|q| seen.insert(q.question.to_lowercase()));
    out.truncate(limit);
    for q in &mut out {
        q.card_id = answering_card(q, answers);
    }
    out
}

/// A prepared card that already answers a likely question: it names the role's company (when
/// the question is about a role) and the question's keywords, or shares the bullet's
/// distinctive words.
fn answering_card(q: &LikelyQuestion, answers: &[(String, String)]) -> Option<String> {
    let company = q
        .role
        .as_deref()
        .and_then(|r| r.rsplit_once(" at ").map(|(_, c)| c.to_lowercase()));
    let bullet_words: HashSet<String> = q
        .bullet
        .as_deref()
        .unwrap_or("")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 4)
        .map(String::from)
        .collect();
    let mut best: Option<(usize, &String)> = None;
    for (id, text) in answers {
        let lower = text.to_lowercase();
        if let Some(c) = &company {
            if !super::against::has_words(&lower, c) {
                continue;
            }
        }
        let kw = q
            .keywords
            .iter()
            .filter(|k| super::against::has_words(&lower, &k.to_lowercase()))
            .count();
        let shared = bullet_words
            .iter()
            .filter(|w| super::against::has_words(&lower, w))
            .count();
        let score = kw * 3 + shared;
        let enough = (q.keywords.is_empty() || kw > 0)
            && (bullet_words.is_empty() || shared * 3 >= bullet_words.len());
        if enough && score > 0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, id));
        }
    }
    best.map(|(_, id)| id.clone())
}
