//! A résumé held against a posting and against the prepared answers: where each of the
//! posting's keywords shows, the scores, the gaps, and the checks a screening tool makes.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{dates, role_months, Resume, SectionKind};
use crate::jobs::{Keyword, Lexicon, SectionKind as PostingSection};
use crate::matching::MatchReport;
use crate::model::CardId;
use crate::store::Job;

/// Where the résumé shows a keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ResumeHit {
    /// Index of the role in the résumé's roles.
    #[ts(type = "number")]
    pub role: usize,
    pub company: String,
    pub title: String,
    /// The bullet that names it; none when only the title does.
    pub bullet: Option<String>,
}

/// One keyword of the posting, on the résumé and in the answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeywordEvidence {
    pub id: String,
    pub name: String,
    pub weight: f32,
    /// Asked for under the posting's requirements.
    pub required: bool,
    /// Roles and bullets that show it.
    pub roles: Vec<ResumeHit>,
    /// Named somewhere on the résumé (a skills list counts, for less).
    pub on_resume: bool,
    /// Named only outside the roles (skills list, summary).
    pub skills_only: bool,
    /// Answers that cover it.
    pub answers: Vec<CardId>,
    /// `both`, `resume`, `answers` or `neither`.
    pub status: String,
}

/// A check a recruiter's screening tool makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Check {
    pub id: String,
    pub ok: bool,
    pub message: String,
}

/// The résumé against one job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ResumeMatch {
    pub job_id: String,
    pub resume_id: String,
    /// Weighted share of the keywords the résumé shows, 0 to 100.
    pub resume_score: f32,
    /// The same with the prepared answers counted too.
    pub combined_score: f32,
    pub keywords: Vec<KeywordEvidence>,
    /// Keyword ids in neither the résumé nor an answer, required and heavy first.
    pub gaps: Vec<String>,
    pub checks: Vec<Check>,
}

/// Whether `text` names keyword `k`: the lexicon finds its skill, or its name or a spelling
/// the posting used stands in the text as whole words.
pub fn mentions(lex: &Lexicon, text: &str, k: &Keyword) -> bool {
    if lex.find(text).iter().any(|m| lex.skill(m.skill).id == k.id) {
        return true;
    }
    let lower = text.to_lowercase();
    if std::iter::once(&k.name)
        .chain(k.matched.iter())
        .filter(|f| f.chars().count() >= 3 || f.chars().any(char::is_uppercase))
        .any(|f| has_words(&lower, &f.to_lowercase()))
    {
        return true;
    }
    // "Mentored three engineers" tells "Mentoring": the same stems in a
    // row, for names of four letters or more that are not ambiguous words.
    if k.name.chars().count() < 4 || lex.is_ambiguous(&k.name) {
        return false;
    }
    let want = stems(&k.name);
    !want.is_empty()
        && stems(text)
            .windows(want.len())
            .any(|w| w == want.as_slice())
}

fn stems(text: &str) -> Vec<String> {
    let mut analyzer = crate::index::english_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// `needle` in `hay` with word boundaries on both sides.
pub fn has_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let at = from + p;
        let end = at + needle.len();
        if boundary(hay[..at].chars().next_back()) && boundary(hay[end..].chars().next()) {
            return true;
        }
        from = at + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Holds the résumé against a job and the answers' coverage of its keywords.
pub fn against(job: &Job, resume: &Resume, answers: &MatchReport, today: &str) -> ResumeMatch {
    let lex = Lexicon::builtin();
    let all_text: String = resume
        .sections
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut keywords = Vec::new();
    let (mut total, mut resume_sum, mut combined_sum) = (0.0f32, 0.0f32, 0.0f32);
    for k in &job.keywords {
        let mut roles = Vec::new();
        for (i, r) in resume.roles.iter().enumerate() {
            let bullet = r.bullets.iter().find(|b| mentions(lex, b, k));
            if bullet.is_some() || mentions(lex, &r.title, k) {
                roles.push(ResumeHit {
                    role: i,
                    company: r.company.clone(),
                    title: r.title.clone(),
                    bullet: bullet.cloned(),
                });
            }
        }
        let on_resume = !roles.is_empty() || mentions(lex, &all_text, k);
        let skills_only = roles.is_empty() && on_resume;
        let cov = answers.keywords.iter().find(|c| c.id == k.id);
        let cards: Vec<CardId> = cov.map(|c| c.covered_by.clone()).unwrap_or_default();
        let answer_credit = match cov {
            Some(c) if !c.strong.is_empty() => 1.0,
            Some(c) if c.count > 0 => crate::matching::WEAK,
            _ => 0.0,
        };
        let resume_credit = if !roles.is_empty() {
            1.0
        } else if on_resume {
            0.5
        } else {
            0.0
        };
        total += k.weight;
        resume_sum += k.weight * resume_credit;
        combined_sum += k.weight * f32::max(resume_credit, answer_credit);
        let status = match (on_resume, !cards.is_empty()) {
            (true, true) => "both",
            (true, false) => "resume",
            (false, true) => "answers",
            (false, false) => "neither",
        };
        keywords.push(KeywordEvidence {
            id: k.id.clone(),
            name: k.name.clone(),
            weight: k.weight,
            required: k.section == PostingSection::Required,
            roles,
            on_resume,
            skills_only,
            answers: cards,
            status: status.to_string(),
        });
    }
    let mut gaps: Vec<&KeywordEvidence> =
        keywords.iter().filter(|k| k.status == "neither").collect();
    gaps.sort_by(|a, b| {
        b.required
            .cmp(&a.required)
            .then(b.weight.total_cmp(&a.weight))
    });
    let pct = |x: f32| {
        if total > 0.0 {
            (1000.0 * x / total).round() / 10.0
        } else {
            0.0
        }
    };
    ResumeMatch {
        job_id: job.id.clone(),
        resume_id: resume.id.clone(),
        resume_score: pct(resume_sum),
        combined_score: pct(combined_sum),
        gaps: gaps.iter().map(|k| k.id.clone()).collect(),
        checks: checks(job, resume, today),
        keywords,
    }
}

const TITLE_NOISE: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "staff",
    "principal",
    "ii",
    "iii",
    "iv",
    "i",
    "the",
    "a",
    "an",
    "of",
    "and",
    "remote",
    "mid",
    "level",
    "mid-level",
    "full",
    "time",
    "m/f/d",
    "f/m/d",
    "w/m/d",
    "(m/f/d)",
];

fn title_words(s: &str) -> HashSet<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty() && !TITLE_NOISE.contains(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

fn degree_rank(s: &str) -> u8 {
    let l = s.to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
        .collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(&x.trim_matches('.')));
    if l.contains("phd") || l.contains("ph.d") || l.contains("doctor") {
        3
    } else if l.contains("master")
        || l.contains("mba")
        || has(&[
            "ms", "m.s", "msc", "m.sc", "meng", "m.tech", "mtech", "ma", "m.a",
        ])
    {
        2
    } else if l.contains("bachelor")
        || has(&[
            "bs", "b.s", "bsc", "b.sc", "ba", "b.a", "beng", "btech", "b.tech", "be", "b.e",
        ])
    {
        1
    } else {
        0
    }
}

/// Months covered by the roles, overlaps counted once.
fn career_months(resume: &Resume, today: &str) -> u32 {
    let mut spans: Vec<(u32, u32)> = resume
        .roles
        .iter()
        .filter_map(|r| {
            let start = r.start.as_deref()?;
            let s = month_index(start, false, today)?;
            let e = month_index(r.end.as_deref().unwrap_or(start), true, today)?;
            (e >= s).then_some((s, e))
        })
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(u32, u32)> = None;
    for (s, e) in spans {
        cur = match cur {
            Some((a, b)) if s <= b + 1 => Some((a, b.max(e))),
            Some((a, b)) => {
                total += b - a + 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((a, b)) = cur {
        total += b - a + 1;
    }
    total
}

fn month_index(d: &str, is_end: bool, today: &str) -> Option<u32> {
    let d = if d == "present" { today } else { d };
    let mut it = d.split('-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: u32 = match it.next() {
        Some(m) => m.parse().ok()?,
        None if is_end => 12,
        None => 1,
    };
    Some(y * 12 + m - 1)
}

fn years_text(months: u32) -> String {
    let y = months as f32 / 12.0;
    if (y - y.round()).abs() < 0.05 {
        format!("{}", y.round() as u32)
    } else {
        format!("{y:.1}")
    }
}

/// The checks an applicant tracking system makes of a résumé for a job.
/// Whether the résumé's degrees are in the field a posting asks for ("Computer Science or
/// Engineering" against "BSc Computer Science"), with the degree that decides it; none when
/// no degree names a field.
fn field_studied(field: &str, education: &[crate::resume::Education]) -> Option<(bool, String)> {
    const GENERIC: &[&str] = &[
        "science",
        "sciences",
        "studies",
        "technology",
        "arts",
        "related",
        "relevant",
        "field",
        "fields",
        "degree",
        "similar",
        "equivalent",
        "discipline",
        "quantitative",
        "technical",
        "area",
        "areas",
        "bachelor",
        "bachelor's",
        "master",
        "master's",
        "other",
        "with",
        "and",
        "or",
        "of",
        "in",
        "a",
        "an",
        "the",
    ];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| w.len() >= 3 && !GENERIC.contains(&w.as_str()))
            .collect()
    };
    let want = words(field);
    if want.is_empty() {
        return None;
    }
    let degrees: Vec<&str> = education
        .iter()
        .map(|e| e.degree.as_str())
        .filter(|d| !d.trim().is_empty())
        .collect();
    let first = degrees.first()?;
    match degrees
        .iter()
        .find(|d| words(d).iter().any(|w| want.contains(w)))
    {
        Some(d) => Some((true, d.to_string())),
        None => Some((false, first.to_string())),
    }
}

pub fn checks(job: &Job, resume: &Resume, today: &str) -> Vec<Check> {
    let lex = Lexicon::builtin();
    let mut out = Vec::new();
    let req = &job.requirements;
    // The posting's title near a title held.
    if let Some(title) = req.title.as_deref().or(job.title.as_deref()) {
        let want = title_words(title);
        let best = resume
            .roles
            .iter()
            .map(|r| {
                let have = title_words(&r.title);
                (want.intersection(&have).count(), r.title.clone())
            })
            .max_by_key(|(n, _)| *n);
        let need = want.len().div_ceil(2).max(1);
        let ok = best.as_ref().is_some_and(|(n, _)| *n >= need);
        out.push(Check {
            id: "title".into(),
            ok,
            message: match (&best, ok) {
                (Some((_, t)), true) => format!("the posting's title \"{title}\" is close to \"{t}\" on the résumé"),
                _ => format!("no title on the résumé is close to \"{title}\"; if you did that work, say so in a title or summary"),
            },
        });
    }
    // The degree asked for.
    if let Some(degree) = req.degree.as_deref() {
        let want = degree_rank(degree);
        let have = resume
            .education
            .iter()
            .map(|e| degree_rank(&e.degree).max(degree_rank(&e.school)))
            .max()
            .unwrap_or(0);
        let level_ok =
            have >= want || (req.degree_or_experience && career_months(resume, today) >= 48);
        // "in Computer Science or a related field": the field asked for against the field
        // studied; a related field will do where the posting says so.
        let field = req.degree_field.as_deref();
        let studied = field.and_then(|f| field_studied(f, &resume.education));
        let lenient = field.is_some_and(|f| {
            let f = f.to_lowercase();
            [
                "related",
                "similar",
                "equivalent",
                "relevant",
                "quantitative",
                "technical field",
            ]
            .iter()
            .any(|w| f.contains(w))
        }) || req.degree_or_experience;
        let ok = level_ok && (studied.as_ref().is_none_or(|(same, _)| *same) || lenient);
        let wanted = match field {
            Some(f) => format!("a {degree} degree in {f}"),
            None => format!("a {degree} degree"),
        };
        out.push(Check {
            id: "degree".into(),
            ok,
            message: if let (true, Some((false, shown))) = (level_ok, &studied) {
                if ok {
                    format!("the posting asks for {wanted}; the résumé shows {shown}: say how it relates")
                } else {
                    format!("the posting asks for {wanted}; the résumé shows {shown}, another field: say how your studies prepared you")
                }
            } else if let (true, Some((true, shown))) = (ok, &studied) {
                format!("the posting asks for {wanted}; the résumé shows {shown}")
            } else if ok {
                format!("the posting asks for a {degree} degree; the résumé meets it")
            } else if resume.education.is_empty() {
                format!("the posting asks for a {degree} degree and no education was found on the résumé")
            } else {
                format!("the posting asks for a {degree} degree; the résumé shows a lower one")
            },
        });
    }
    // Years asked for, overall and per skill.
    if let Some(years) = req.years {
        let months = career_months(resume, today);
        out.push(Check {
            id: "years".into(),
            ok: months >= years * 12,
            message: format!(
                "the posting asks for {years}+ years; the résumé's dates cover {} years",
                years_text(months)
            ),
        });
    }
    for sy in &req.skill_years {
        let Some(k) = job.keywords.iter().find(|k| k.id == sy.id) else {
            continue;
        };
        let months: u32 = resume
            .roles
            .iter()
            .filter(|r| mentions(lex, &r.title, k) || r.bullets.iter().any(|b| mentions(lex, b, k)))
            .filter_map(|r| role_months(r, today))
            .sum();
        out.push(Check {
            id: format!("years:{}", sy.id),
            ok: months >= sy.years * 12,
            message: if months == 0 {
                format!(
                    "the posting asks for {} years of {}; no role on the résumé names it",
                    sy.years, sy.name
                )
            } else {
                format!(
                    "the posting asks for {} years of {}; the roles that name it cover {} years",
                    sy.years,
                    sy.name,
                    years_text(months)
                )
            },
        });
    }
    // Measurable results.
    let bullets: Vec<&String> = resume.roles.iter().flat_map(|r| &r.bullets).collect();
    let measured = bullets
        .iter()
        .filter(|b| b.chars().any(|c| c.is_ascii_digit()))
        .count();
    let ok = !bullets.is_empty() && measured * 3 >= bullets.len();
    out.push(Check {
        id: "measurable".into(),
        ok,
        message: format!(
            "{measured} of {} bullets state a number (a result, a size, a time){}",
            bullets.len(),
            if ok { "" } else { "; aim for one in three" }
        ),
    });
    // Standard headings.
    let has = |k: SectionKind| resume.sections.iter().any(|s| s.kind == k);
    let missing: Vec<&str> = [
        (SectionKind::Experience, "experience"),
        (SectionKind::Education, "education"),
        (SectionKind::Skills, "skills"),
    ]
    .iter()
    .filter(|(k, _)| !has(*k))
    .map(|(_, n)| *n)
    .collect();
    out.push(Check {
        id: "headings".into(),
        ok: missing.is_empty(),
        message: if missing.is_empty() {
            "experience, education and skills sit under headings screening tools know".into()
        } else {
            format!(
                "no standard heading for {}; screening tools look for \"Experience\", \"Education\", \"Skills\"",
                missing.join(", ")
            )
        },
    });
    // Dates readable.
    let undated: Vec<String> = resume
        .roles
        .iter()
        .filter(|r| {
            r.start.as_deref().is_none_or(|s| {
                dates::months_between(s, r.end.as_deref().unwrap_or(s), today).is_none()
            })
        })
        .map(|r| {
            if r.title.is_empty() {
                r.company.clone()
            } else {
                r.title.clone()
            }
        })
        .collect();
    out.push(Check {
        id: "dates".into(),
        ok: undated.is_empty() && !resume.roles.is_empty(),
        message: if resume.roles.is_empty() {
            "no roles with dates were found".into()
        } else if undated.is_empty() {
            "every role's dates can be read".into()
        } else {
            format!("dates could not be read for: {}", undated.join(", "))
        },
    });
    out
}

#[cfg(test)]
mod tests {
    use super::field_studied;
    use crate::resume::Education;

    fn studied(degree: &str) -> Vec<Education> {
        vec![Education {
            school: "Example University".into(),
            degree: degree.into(),
            ..Education::default()
        }]
    }

    #[test]
    fn the_field_asked_for_against_the_field_studied() {
        assert_eq!(
            field_studied(
                "Computer Science or Engineering",
                &studied("BSc Computer Science")
            ),
            Some((true, "BSc Computer Science".to_string()))
        );
        assert_eq!(
            field_studied("Computer Science", &studied("BSc Biology")),
            Some((false, "BSc Biology".to_string()))
        );
        // "Science" alone says nothing about the field.
        assert_eq!(
            field_studied("Computer Science", &studied("MSc Data Science")).map(|x| x.0),
            Some(false)
        );
        assert_eq!(
            field_studied("a related field", &studied("BSc Biology")),
            None
        );
        assert_eq!(field_studied("Computer Science", &[]), None);
    }
}
