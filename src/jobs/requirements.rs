//! What a posting requires beyond its words: years of experience (overall and per skill, as
//! in "5+ years of Python"), the degree asked for, seniority, and the job title. Pure
//! functions of the posting and its keywords.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::extract::Keyword;
use super::posting::{Posting, SectionKind};

/// Years of experience asked for one skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SkillYears {
    /// The keyword's id.
    pub id: String,
    pub name: String,
    pub years: u32,
}

/// A posting's requirements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Requirements {
    pub title: Option<String>,
    /// intern, junior, mid-level, senior, staff, principal, lead, manager, director.
    pub seniority: Option<String>,
    /// Years of experience asked for overall (the least a line of the requirements names).
    pub years: Option<u32>,
    /// bachelor's, master's or PhD: the highest asked for as a requirement.
    pub degree: Option<String>,
    /// What the degree is in, as the posting words it ("Computer Science or a related
    /// field").
    pub degree_field: Option<String>,
    /// "or equivalent experience" stands beside the degree.
    pub degree_or_experience: bool,
    pub skill_years: Vec<SkillYears>,
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
];

/// The least number of years a line asks for ("5+ years", "3-5 years", "at least two
/// years"), if it asks for any.
pub fn years_in(line: &str) -> Option<u32> {
    years_mentions(line).first().map(|m| m.1)
}

/// Every "N years" in a line: the byte offset where it starts, and N (the lower end of a
/// range).
pub fn years_mentions(line: &str) -> Vec<(usize, u32)> {
    let lower = line.to_lowercase();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        let sep = c.is_whitespace() || c == '(' || c == ')' || c == ',';
        match (sep, start) {
            (true, Some(s)) => {
                words.push((s, &lower[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &lower[s..]));
    }
    let unit = |s: &str| {
        let s = s.trim_end_matches(['.', ';', ':']);
        matches!(s, "years" | "year" | "yrs" | "yr" | "years'" | "year's")
    };
    let mut out = Vec::new();
    for (i, (at, w)) in words.iter().enumerate() {
        let next = words.get(i + 1).map_or("", |x| x.1);
        // "5+ years", "3-5 years", "5+years".
        let (num, rest_is_unit) = match w.strip_suffix("years").or_else(|| w.strip_suffix("yrs")) {
            Some(stripped) if !stripped.is_empty() => (stripped, true),
            _ => (*w, unit(next)),
        };
        if !rest_is_unit {
            continue;
        }
        let first: String = num
            .trim_start_matches(['~', '>'])
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let n = first
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=30).contains(n))
            .or_else(|| {
                NUMBER_WORDS
                    .iter()
                    .find(|(name, _)| num.trim_end_matches('+') == *name)
                    .map(|(_, n)| *n)
            });
        if let Some(n) = n {
            out.push((*at, n));
        }
    }
    out
}

fn degree_in(line: &str) -> Option<(u8, &'static str)> {
    let lower = format!(
        " {} ",
        line.to_lowercase().replace(['(', ')', ',', '/', ';'], " ")
    );
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    if has(&[" phd ", " ph.d", " doctorate ", " doctoral "]) {
        Some((3, "PhD"))
    } else if has(&[" master", " ms ", " m.s.", " msc ", " m.sc", " mba "]) {
        Some((2, "master's"))
    } else if has(&[
        " bachelor",
        " bs ",
        " b.s.",
        " bsc ",
        " b.sc",
        " ba ",
        " b.a.",
        " undergraduate degree",
        " university degree",
        " college degree",
        " degree in ",
    ]) {
        Some((1, "bachelor's"))
    } else {
        None
    }
}

/// The field a line's degree is in, without an article before it or an "or equivalent"
/// after it.
fn field_of(line: &str) -> Option<String> {
    let (a, b) = super::extract::degree_fields(line).into_iter().next()?;
    let mut field = line.get(a..b)?.trim();
    for article in ["a ", "an ", "the ", "A ", "An ", "The "] {
        field = field.strip_prefix(article).unwrap_or(field);
    }
    let lower = field.to_lowercase();
    if let Some(k) = lower.find(" or equivalent") {
        field = &field[..k];
    }
    let field = field.trim().trim_end_matches([',', '.', ';', ':']).trim();
    (!field.is_empty() && field.chars().count() <= 90).then(|| field.to_string())
}

fn seniority_of(title: &str) -> Option<&'static str> {
    let lower = format!(
        " {} ",
        title.to_lowercase().replace(['(', ')', ',', '/', '-'], " ")
    );
    let has = |w: &str| lower.contains(&format!(" {w} "));
    [
        ("intern", "intern"),
        ("internship", "intern"),
        ("junior", "junior"),
        ("jr", "junior"),
        ("jr.", "junior"),
        ("graduate", "junior"),
        ("entry", "junior"),
        ("principal", "principal"),
        ("staff", "staff"),
        ("director", "director"),
        ("head", "director"),
        ("manager", "manager"),
        ("lead", "lead"),
        ("senior", "senior"),
        ("sr", "senior"),
        ("sr.", "senior"),
        ("mid", "mid-level"),
        ("intermediate", "mid-level"),
    ]
    .iter()
    .find(|(w, _)| has(w))
    .map(|(_, s)| *s)
}

/// The requirements of a posting whose keywords are `keywords`.
pub fn requirements(posting: &Posting, keywords: &[Keyword]) -> Requirements {
    let lex = super::Lexicon::builtin();
    let mut out = Requirements {
        title: posting.title.clone(),
        seniority: posting
            .title
            .as_deref()
            .and_then(seniority_of)
            .map(String::from),
        ..Requirements::default()
    };
    let mut best_degree: Option<(u8, &'static str)> = None;
    let mut overall: Vec<u32> = Vec::new();
    for section in &posting.sections {
        for (kind, line) in &section.lines {
            let asks = matches!(kind, SectionKind::Required | SectionKind::Preferred)
                || matches!(
                    section.kind,
                    SectionKind::Summary | SectionKind::Responsibilities
                );
            if !asks {
                continue;
            }
            let mentions = years_mentions(line);
            if let Some(&(_, n)) = mentions.first() {
                // Each keyword named on the line takes the years said nearest before it
                // ("5+ years of Python and 3 of Go").
                let named: Vec<(&Keyword, u32)> = lex
                    .find(line)
                    .into_iter()
                    .filter_map(|m| {
                        let id = &lex.skill(m.skill).id;
                        let years = mentions
                            .iter()
                            .rev()
                            .find(|(at, _)| *at <= m.start)
                            .or(mentions.first())
                            .map_or(n, |x| x.1);
                        keywords.iter().find(|k| &k.id == id).map(|k| (k, years))
                    })
                    .collect();
                if named.is_empty() {
                    if *kind != SectionKind::Preferred {
                        overall.push(n);
                    }
                } else {
                    for (k, years) in named {
                        if !out.skill_years.iter().any(|s| s.id == k.id) {
                            out.skill_years.push(SkillYears {
                                id: k.id.clone(),
                                name: k.name.clone(),
                                years,
                            });
                        }
                    }
                    if *kind != SectionKind::Preferred && line.to_lowercase().contains("experience")
                    {
                        overall.push(n);
                    }
                }
            }
            if *kind != SectionKind::Preferred {
                if let Some(d) = degree_in(line) {
                    if best_degree.is_none_or(|b| d.0 > b.0) {
                        best_degree = Some(d);
                        out.degree_field = field_of(line);
                        let lower = line.to_lowercase();
                        out.degree_or_experience = lower.contains("equivalent")
                            || lower.contains("or relevant experience")
                            || lower.contains("or related experience");
                    }
                }
            }
        }
    }
    out.degree = best_degree.map(|d| d.1.to_string());
    out.years = overall.into_iter().min();
    if out.seniority.is_none() {
        out.seniority = match out.years {
            Some(0..=1) => Some("junior".into()),
            Some(2..=4) => Some("mid-level".into()),
            Some(_) => Some("senior".into()),
            None => None,
        };
    }
    out
}

/// The group a keyword's chip sits in: languages, frameworks and libraries, data stores,
/// cloud and infrastructure, practices, domain knowledge, soft skills.
pub fn group_of(category: Option<&str>, soft: bool, phrase: bool) -> &'static str {
    if soft {
        return "soft skills";
    }
    if phrase {
        return "domain knowledge";
    }
    match category.unwrap_or("") {
        "programming language" | "style sheet language" | "query language" | "markup language" => {
            "languages"
        }
        "framework" | "library" | "testing tool" | "cms" | "technology" | "design tool"
        | "game engine" | "runtime" => "frameworks and libraries",
        "database" | "data format" => "data stores",
        "cloud"
        | "container orchestration"
        | "ci/cd"
        | "monitoring"
        | "operating system"
        | "web server"
        | "server"
        | "platform"
        | "build tool"
        | "version control"
        | "tool"
        | "enterprise software"
        | "containers"
        | "configuration management"
        | "infrastructure as code" => "cloud and infrastructure",
        "method" | "architecture" | "security" | "hard skill" => "practices",
        _ => "domain knowledge",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::{extract_keywords, posting::parse_text};

    #[test]
    fn years_degree_seniority() {
        assert_eq!(years_in("5+ years of Python"), Some(5));
        assert_eq!(years_in("3-5 years experience"), Some(3));
        assert_eq!(years_in("At least two years with Go"), Some(2));
        assert_eq!(years_in("Digits 1-3 years"), Some(1));
        assert_eq!(years_in("We were founded 10 years ago"), Some(10));
        assert_eq!(years_in("Python 3.10"), None);
        let p = parse_text(
            "# Senior Backend Engineer at Acme\n\n## Requirements\n- 5+ years of Python and 3 years of Kubernetes\n\
             - 4+ years of professional experience building services\n- BS in Computer Science or equivalent experience\n\
             ## Nice to have\n- Master's degree\n- 2 years of Terraform\n",
        );
        let k = extract_keywords(&p);
        let r = requirements(&p, &k);
        assert_eq!(r.seniority.as_deref(), Some("senior"));
        assert_eq!(r.years, Some(4));
        assert_eq!(r.degree.as_deref(), Some("bachelor's"));
        assert_eq!(r.degree_field.as_deref(), Some("Computer Science"));
        assert!(r.degree_or_experience);
        let years = |name: &str| {
            r.skill_years
                .iter()
                .find(|s| s.name == name)
                .map(|s| s.years)
        };
        assert_eq!(years("Python"), Some(5));
        assert_eq!(years("Kubernetes"), Some(3));
        assert_eq!(years("Terraform"), Some(2));
        assert_eq!(p.company.as_deref(), Some("Acme"));
    }

    #[test]
    fn groups() {
        assert_eq!(
            group_of(Some("programming language"), false, false),
            "languages"
        );
        assert_eq!(group_of(Some("database"), false, false), "data stores");
        assert_eq!(
            group_of(Some("cloud"), false, false),
            "cloud and infrastructure"
        );
        assert_eq!(group_of(Some("method"), false, false), "practices");
        assert_eq!(group_of(None, true, false), "soft skills");
        assert_eq!(group_of(None, false, true), "domain knowledge");
    }
}
