//! What an answer claims, checked against the résumé, and the résumé lines an answer draws
//! on.
//!
//! Claims are numbers with what they count ("a team of eight", "40% faster", "1,000 queries
//! per second"), durations at a company ("three years at Acme") and titles ("as a tech
//! lead"). A claim the résumé states the same way is supported; one it states with another
//! number (team sizes, durations by the roles' dates) is contradicted; one it never states
//! is unsupported, which is not the same as wrong.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{role_months, Resume};
use crate::jobs::Lexicon;

/// One claim of an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Claim {
    pub text: String,
    /// `supported`, `contradicted` or `unsupported`.
    pub status: String,
    /// The résumé line that supports or contradicts it.
    pub evidence: Option<String>,
}

/// A résumé bullet an answer draws on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ResumeLink {
    /// "Title at Company".
    pub role: String,
    /// Index of the bullet in its role.
    #[ts(type = "number")]
    pub bullet: usize,
    pub text: String,
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("a dozen", 12.0),
];

/// A number in text: its value, where it stands, and the words after it.
#[derive(Debug, Clone)]
struct Num {
    value: f64,
    percent: bool,
    start: usize,
    end: usize,
    /// Up to three lowercase words after the number.
    after: Vec<String>,
    /// Up to two lowercase words before it.
    before: Vec<String>,
}

fn words_with_spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric()
            || ((c == '.' || c == ',') && start.is_some())
            || c == '%'
            || c == '$'
            || c == '+';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, text[s..i].to_string()));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), text[s..].to_string()));
    }
    for w in &mut out {
        while w.2.ends_with(['.', ',']) {
            w.2.pop();
            w.1 -= 1;
        }
    }
    out
}

fn numbers(text: &str) -> Vec<Num> {
    let words = words_with_spans(text);
    let lower: Vec<String> = words.iter().map(|w| w.2.to_lowercase()).collect();
    let mut out = Vec::new();
    for (i, (s, e, w)) in words.iter().enumerate() {
        let l = &lower[i];
        let digits: String = w
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let mut value: Option<f64> = None;
        let mut percent = w.ends_with('%');
        if w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || ",.%$+kKmMxX".contains(c))
        {
            value = digits.parse::<f64>().ok().map(|v| {
                let lw = w.to_lowercase();
                if lw.ends_with('k') {
                    v * 1e3
                } else if lw.ends_with('m') {
                    v * 1e6
                } else {
                    v
                }
            });
        } else if let Some((_, v)) = NUMBER_WORDS.iter().find(|(n, _)| n == l) {
            value = Some(*v);
        }
        let Some(v) = value else { continue };
        // A year is a date, not a claim to check here.
        if !percent && (1950.0..=2039.0).contains(&v) && !w.contains(',') && digits.len() == 4 {
            continue;
        }
        let after: Vec<String> = lower.iter().skip(i + 1).take(3).cloned().collect();
        if after.first().is_some_and(|a| {
            a == "percent" || a == "per" && after.get(1).is_some_and(|b| b == "cent")
        }) {
            percent = true;
        }
        let before: Vec<String> = lower[i.saturating_sub(2)..i].to_vec();
        out.push(Num {
            value: v,
            percent,
            start: *s,
            end: *e,
            after,
            before,
        });
    }
    out
}

const TEAM_NOUNS: &[&str] = &[
    "engineers",
    "people",
    "developers",
    "reports",
    "members",
    "designers",
    "analysts",
    "scientists",
    "testers",
    "person",
    "strong",
];

fn is_team(n: &Num) -> bool {
    n.before.iter().any(|w| w == "of") && n.before.iter().any(|w| w == "team")
        || n.after
            .first()
            .is_some_and(|a| TEAM_NOUNS.contains(&a.as_str()))
        || n.after
            .first()
            .is_some_and(|a| a == "person" || a == "-person")
}

fn is_duration(n: &Num) -> bool {
    n.after
        .first()
        .is_some_and(|a| matches!(a.as_str(), "years" | "year" | "months" | "month"))
}

const STOP_AFTER: &[&str] = &[
    "that", "and", "to", "at", "in", "by", "with", "for", "of", "from", "on", "the", "a", "an",
    "which", "who", "while", "so", "but", "or", "i", "we", "it", "than", "into", "as",
];

/// The words that make a number a claim: "team of eight", "11 minutes", "40% faster",
/// "2,000 queries per second".
fn claim_text(text: &str, n: &Num) -> String {
    let lower = text.to_lowercase();
    let mut start = n.start;
    if n.before.len() == 2 && n.before[0] == "team" && n.before[1] == "of" {
        if let Some(p) = lower[..n.start].rfind("team") {
            start = p;
        }
    }
    let mut end = n.end;
    let mut taken = 0;
    for (s, e, w) in words_with_spans(&text[n.end..]) {
        let between = &text[end..n.end + s];
        if taken >= 3 || !between.chars().all(char::is_whitespace) {
            break;
        }
        let l = w.to_lowercase();
        if STOP_AFTER.contains(&l.as_str()) && l != "per" || w.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        end = n.end + e;
        taken += 1;
        if !(l == "per" || l == "queries" || l == "requests")
            && taken >= 1
            && !lower[end..].starts_with(" per ")
        {
            break;
        }
    }
    text[start..end].trim().to_string()
}

struct ResumeLine {
    text: String,
}

fn resume_lines(r: &Resume) -> Vec<ResumeLine> {
    let mut out: Vec<ResumeLine> = r
        .roles
        .iter()
        .flat_map(|role| role.bullets.iter().map(|b| ResumeLine { text: b.clone() }))
        .collect();
    for s in &r.sections {
        for l in s.text.lines() {
            let l = l.trim_start_matches("- ");
            if !out.iter().any(|x| x.text == l) {
                out.push(ResumeLine {
                    text: l.to_string(),
                });
            }
        }
    }
    out
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

/// The claims in an answer, each checked against the résumé.
pub fn check(answer: &str, resume: &Resume, today: &str) -> Vec<Claim> {
    let lines = resume_lines(resume);
    let line_nums: Vec<(usize, Vec<Num>)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, numbers(&l.text)))
        .collect();
    let lower = answer.to_lowercase();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for n in numbers(answer) {
        // "one endpoint", "one-command rollback": "one" is rarely a claim.
        if n.value == 1.0 && !n.percent && !is_duration(&n) && !is_team(&n) {
            continue;
        }
        let text = claim_text(answer, &n);
        if !seen.insert((text.clone(), n.start)) {
            continue;
        }
        // Durations at a company named near the number: by the roles' dates.
        if is_duration(&n) {
            let window = &lower[n.end..lower.len().min(n.end + 80)];
            let role = resume.roles.iter().find(|r| {
                !r.company.is_empty()
                    && super::against::has_words(window, &r.company.to_lowercase())
            });
            if let Some(r) = role {
                let months: u32 = resume
                    .roles
                    .iter()
                    .filter(|x| x.company == r.company)
                    .filter_map(|x| role_months(x, today))
                    .sum();
                let claimed = if n.after[0].starts_with("month") {
                    n.value
                } else {
                    n.value * 12.0
                };
                if months > 0 {
                    let ok = (claimed - months as f64).abs() <= 12.0;
                    out.push(Claim {
                        text: format!("{text} at {}", r.company),
                        status: if ok { "supported" } else { "contradicted" }.into(),
                        evidence: Some(format!(
                            "{} at {}: {} to {} ({} months)",
                            r.title,
                            r.company,
                            r.start.clone().unwrap_or_default(),
                            r.end.clone().unwrap_or_default(),
                            months
                        )),
                    });
                    continue;
                }
            }
        }
        // The same number with the same kind of thing: supported.
        let same = line_nums.iter().find_map(|(i, nums)| {
            nums.iter()
                .any(|m| {
                    same_value(m.value, n.value)
                        && m.percent == n.percent
                        && (is_team(m) == is_team(&n))
                })
                .then_some(*i)
        });
        if let Some(i) = same {
            out.push(Claim {
                text,
                status: "supported".into(),
                evidence: Some(lines[i].text.clone()),
            });
            continue;
        }
        // A team size the résumé gives otherwise: contradicted.
        if is_team(&n) {
            let other = line_nums.iter().find_map(|(i, nums)| {
                nums.iter()
                    .find(|m| is_team(m) && !same_value(m.value, n.value))
                    .map(|_| *i)
            });
            if let Some(i) = other {
                out.push(Claim {
                    text,
                    status: "contradicted".into(),
                    evidence: Some(lines[i].text.clone()),
                });
                continue;
            }
        }
        out.push(Claim {
            text,
            status: "unsupported".into(),
            evidence: None,
        });
    }
    // Titles: "as a tech lead", "as the engineering manager".
    for marker in [" as a ", " as an ", " as the "] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(marker) {
            let at = from + p + marker.len();
            from = at;
            let phrase: Vec<&str> = answer[at..]
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == ' '))
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(4)
                .collect();
            // Up to the word that names a job.
            let Some(end) = phrase.iter().position(|w| super::parse::title_score(w) > 0) else {
                continue;
            };
            let title = phrase[..=end].join(" ");
            let tl = title.to_lowercase();
            let role = resume
                .roles
                .iter()
                .find(|r| r.title.to_lowercase().contains(&tl));
            out.push(Claim {
                text: format!("as {}{title}", &marker[4..]),
                status: if role.is_some() {
                    "supported"
                } else {
                    "unsupported"
                }
                .into(),
                evidence: role.map(|r| format!("{} at {}", r.title, r.company)),
            });
        }
    }
    // Companies named in the answer that the résumé lists are supported.
    for r in &resume.roles {
        if r.company.len() >= 2
            && super::against::has_words(&lower, &r.company.to_lowercase())
            && !out.iter().any(|c| c.text == r.company)
        {
            out.push(Claim {
                text: r.company.clone(),
                status: "supported".into(),
                evidence: Some(format!("{} at {}", r.title, r.company)),
            });
        }
    }
    out
}

fn content_words(text: &str) -> HashSet<String> {
    let common = crate::jobs::extract::common_words();
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3 && !common.contains(*w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// The résumé bullets an answer draws on: shared skills, numbers, the company's name and
/// distinctive words. At most `limit`, strongest first.
pub fn links(question: &str, answer: &str, resume: &Resume, limit: usize) -> Vec<ResumeLink> {
    let lex = Lexicon::builtin();
    let text = format!("{question}\n{answer}");
    let lower = text.to_lowercase();
    let skills: HashSet<String> = lex.skill_ids(&text).into_iter().collect();
    // Only distinctive numbers link an answer to a bullet: "three" or "4" are everywhere.
    let distinctive = |n: &Num| n.percent || n.value >= 10.0;
    let nums: Vec<f64> = numbers(&text)
        .iter()
        .filter(|n| distinctive(n))
        .map(|n| n.value)
        .collect();
    let words = content_words(&text);
    let mut scored: Vec<(f32, ResumeLink)> = Vec::new();
    for r in &resume.roles {
        let named =
            !r.company.is_empty() && super::against::has_words(&lower, &r.company.to_lowercase());
        for (i, b) in r.bullets.iter().enumerate() {
            let shared_skills = lex
                .skill_ids(b)
                .iter()
                .filter(|s| skills.contains(*s))
                .count();
            let shared_nums = numbers(b)
                .iter()
                .filter(|n| distinctive(n) && nums.iter().any(|m| same_value(*m, n.value)))
                .count();
            let shared_words = content_words(b).intersection(&words).count();
            let score = shared_skills as f32 * 1.5
                + shared_nums as f32 * 2.0
                + shared_words as f32 * 0.5
                + if named { 1.5 } else { 0.0 };
            if score >= 3.0 {
                scored.push((
                    score,
                    ResumeLink {
                        role: if r.title.is_empty() {
                            r.company.clone()
                        } else if r.company.is_empty() {
                            r.title.clone()
                        } else {
                            format!("{} at {}", r.title, r.company)
                        },
                        bullet: i,
                        text: b.clone(),
                    },
                ));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(limit).map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resume::{Resume, Role};

    fn resume() -> Resume {
        Resume {
            id: "r".into(),
            name: "r".into(),
            source: "r.md".into(),
            person: None,
            sections: Vec::new(),
            roles: vec![Role {
                company: "Acme".into(),
                title: "Senior Engineer".into(),
                start: Some("2022-01".into()),
                end: Some("2024-12".into()),
                location: None,
                bullets: vec![
                    "Led a team of 5 engineers building the billing service".into(),
                    "Cut checkout latency by 40% with a Redis cache".into(),
                ],
                line: 1,
            }],
            education: Vec::new(),
            skills: Vec::new(),
        }
    }

    fn status(claims: &[Claim], needle: &str) -> String {
        claims
            .iter()
            .find(|c| c.text.contains(needle))
            .map(|c| c.status.clone())
            .unwrap_or_else(|| panic!("no claim with {needle:?} in {claims:?}"))
    }

    #[test]
    fn claims_are_supported_contradicted_or_unsupported() {
        let c = check(
            "I led a team of eight engineers. We cut latency by 40%. I spent three years at Acme. It served 2,000 users.",
            &resume(),
            "2026-11",
        );
        assert_eq!(status(&c, "team of eight"), "contradicted");
        assert_eq!(status(&c, "40%"), "supported");
        assert_eq!(status(&c, "three years"), "supported");
        assert_eq!(status(&c, "2,000 users"), "unsupported");
        let c = check("I was there for six years at Acme.", &resume(), "2026-11");
        assert_eq!(status(&c, "six years"), "contradicted");
    }

    #[test]
    fn an_answer_links_to_the_bullets_it_retells() {
        let l = links(
            "Tell me about performance work",
            "At Acme I cut checkout latency by 40% by putting Redis in front of the database.",
            &resume(),
            3,
        );
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].bullet, 1);
        assert_eq!(l[0].role, "Senior Engineer at Acme");
    }
}
