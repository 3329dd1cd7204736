//! Résumés: read (PDF, DOCX, markdown, plain text), understood (sections, roles, education,
//! skills), held against a posting, turned into likely interview questions, and used to
//! check what answers claim.
//!
//! Every format is first turned into [`lines::Line`]s: PDF by layout ([`pdf`]), DOCX through
//! the document reader's CommonMark, markdown and text as written. The lines are kept, as a
//! normalised markdown text, so that a better parser reads a stored résumé better without
//! the file: the analysis is redone on load, as jobs' requirements are.

pub mod against;
pub mod claims;
pub mod dates;
pub mod latex;
pub mod lines;
pub mod parse;
pub mod pdf;
pub mod questions;

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::jobs::Lexicon;
use lines::Line;

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ResumeSectionKind")]
pub enum SectionKind {
    Summary,
    Experience,
    Education,
    Skills,
    Projects,
    Other,
}

/// A section of a résumé as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Section {
    pub title: String,
    pub kind: SectionKind,
    /// Line of the heading in the stored text.
    #[ts(type = "number")]
    pub line: usize,
    /// The section's text, bullets as `- `.
    pub text: String,
}

/// A job held: one title at one employer over one stretch of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Role {
    pub company: String,
    pub title: String,
    /// `YYYY-MM` or `YYYY`.
    pub start: Option<String>,
    /// `YYYY-MM`, `YYYY` or `present`.
    pub end: Option<String>,
    pub location: Option<String>,
    pub bullets: Vec<String>,
    #[ts(type = "number")]
    pub line: usize,
}

/// A school attended.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Education {
    pub school: String,
    pub degree: String,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// A skill the résumé names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ResumeSkill {
    pub id: String,
    pub name: String,
    /// Named in a role's bullets or header, not only in a skills list.
    pub in_roles: bool,
}

/// Something doubtful about how a résumé was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ResumeWarning {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(type = "number | null")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub message: String,
}

/// A résumé as Cuecard understood it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Resume {
    pub id: String,
    pub name: String,
    /// The file it was read from.
    pub source: String,
    /// The person's name, from the top of the résumé.
    pub person: Option<String>,
    pub sections: Vec<Section>,
    pub roles: Vec<Role>,
    pub education: Vec<Education>,
    pub skills: Vec<ResumeSkill>,
}

/// Why a file could not be read as a résumé.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFailure(pub String);

/// The formats résumés are read in, for messages.
pub const RESUME_FORMATS: &str =
    "PDF (.pdf), Word (.docx), markdown (.md), LaTeX (.tex) and plain text (.txt)";

/// Reads a résumé file's bytes into its normalised text (markdown: headings, bullets,
/// blank lines) and the PDF pages lines came from.
pub fn normalise(bytes: &[u8], name: &Path) -> Result<String, ReadFailure> {
    normalise_any(bytes, name).map(|text| expand_ligatures(&text))
}

/// Typographic ligatures as their letters: PDFs set "Airﬂow" and "certiﬁed" with one glyph
/// for "fl" and "fi", and no skill or word is found through them. Soft hyphens as what they
/// stood for: some PDF makers write every hyphen and dash as one ("Post\u{ad}doctoral",
/// "2015\u{ad}-present", "Project\u{ad} Scientist"); beside a space or a dash it is nothing,
/// between letters or digits a hyphen.
pub fn expand_ligatures(text: &str) -> String {
    if !text
        .chars()
        .any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c) || c == '\u{ad}')
    {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\u{ad}' => {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let joins = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if joins(before) && joins(after) {
                    out.push('-');
                }
            }
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

fn normalise_any(bytes: &[u8], name: &Path) -> Result<String, ReadFailure> {
    let ext = name
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if ext == "pdf" || bytes.starts_with(b"%PDF") {
        let lines = pdf::read(bytes).map_err(|e| ReadFailure(e.to_string()))?;
        return Ok(to_text(&lines));
    }
    if ext == "docx" || bytes.starts_with(b"PK\x03\x04") {
        let markdown =
            crate::document::docx_keeping_tabs(bytes).map_err(|e| ReadFailure(e.to_string()))?;
        return Ok(to_text(&lines::from_text(&markdown)));
    }
    let (text, _) = crate::import::decode(bytes).map_err(|_| {
        ReadFailure(format!(
            "not a text file; Cuecard reads résumés as {RESUME_FORMATS}"
        ))
    })?;
    let text = if ext == "html" || ext == "htm" {
        crate::document::read(bytes, name)
            .map_err(|e| ReadFailure(e.to_string()))?
            .markdown
    } else if ext == "tex" || latex::looks_like_latex(&text) {
        latex::to_markdown(&text)
    } else {
        text
    };
    Ok(to_text(&lines::from_text(&text)))
}

/// Lines back to the normalised text [`lines::from_text`] reads the same way.
pub fn to_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 && (l.blank_before || l.heading.is_some()) {
            out.push('\n');
        }
        if let Some(h) = l.heading {
            for _ in 0..h.clamp(1, 6) {
                out.push('#');
            }
            out.push(' ');
        } else if l.bullet {
            out.push_str("- ");
        } else if l.bold {
            out.push_str("**");
        }
        // Markup characters in the text itself stay text.
        let text = l
            .text
            .replace('\\', "\\\\")
            .replace('*', "\\*")
            .replace('[', "\\[");
        let text = if !l.bullet && l.heading.is_none() {
            match text.chars().next() {
                Some('#' | '-' | '+' | '>' | '|' | '=' | '~') => format!("\\{text}"),
                _ => text,
            }
        } else {
            text
        };
        out.push_str(&text);
        if l.bold && l.heading.is_none() && !l.bullet {
            out.push_str("**");
        }
        out.push('\n');
        if l.heading.is_some() {
            out.push('\n');
        }
    }
    out
}

/// Understands a résumé's normalised text.
pub fn analyse(id: &str, name: &str, source: &str, text: &str) -> (Resume, Vec<ResumeWarning>) {
    let lines = lines::from_text(text);
    let (head, sections) = parse::sections(&lines);
    let person = lines
        .iter()
        .filter(|l| l.heading == Some(1))
        .chain(head.iter())
        .chain(lines.iter())
        .find(|l| {
            let words = l.text.split_whitespace().count();
            (1..=5).contains(&words)
                && !l.text.contains('@')
                && !l.text.chars().any(|c| c.is_ascii_digit())
                && parse::section_kind(&l.text).is_none()
        })
        .map(|l| l.text.clone());
    let mut warnings = Vec::new();
    let mut roles = Vec::new();
    let mut education = Vec::new();
    for (s, body) in &sections {
        match s.kind {
            SectionKind::Experience => roles.extend(parse::roles(body)),
            SectionKind::Education => education.extend(parse::education(body)),
            _ => {}
        }
    }
    if roles.is_empty() {
        // No experience heading: look for dated roles anywhere outside education.
        // The headings of unknown sections come too: they may name the roles
        // ("### Acme - Tulsa", "#### Developer - Jan 2016 - May 2016").
        let rest: Vec<Line> = sections
            .iter()
            .filter(|(s, _)| !matches!(s.kind, SectionKind::Education | SectionKind::Skills))
            .flat_map(|(s, b)| {
                let heading = (s.kind == SectionKind::Other)
                    .then(|| lines.iter().find(|l| l.line == s.line).cloned())
                    .flatten();
                heading.into_iter().chain(b.iter().cloned())
            })
            .collect();
        let body = if sections.is_empty() { &lines } else { &rest };
        roles = parse::roles(body)
            .into_iter()
            .filter(|r| r.start.is_some())
            .collect();
        if !sections
            .iter()
            .any(|(s, _)| s.kind == SectionKind::Experience)
        {
            warnings.push(ResumeWarning {
                line: None,
                page: None,
                message: "no experience section was found (a heading such as \"Experience\" or \"Work history\")".into(),
            });
        }
    }
    for r in &roles {
        if r.start.is_none() {
            warnings.push(ResumeWarning {
                line: Some(r.line),
                page: None,
                message: format!(
                    "no dates could be read for {}",
                    describe(&r.title, &r.company)
                ),
            });
        }
        if r.company.is_empty() || r.title.is_empty() {
            warnings.push(ResumeWarning {
                line: Some(r.line),
                page: None,
                message: format!(
                    "{} has no {}",
                    describe(&r.title, &r.company),
                    if r.company.is_empty() {
                        "company"
                    } else {
                        "title"
                    }
                ),
            });
        }
    }
    let mut skills = skills_of(&lines, &roles);
    // Items a skills section lists that the lexicon does not know are skills too: the
    // person named them as such.
    let mut seen: HashSet<String> = skills
        .iter()
        .flat_map(|s| [s.id.clone(), s.name.to_lowercase()])
        .collect();
    // "Core Skills : Digital Marketing | Brand Strategy" inside another section: the
    // labelled line and the list lines right under it are a skills list too.
    let mut labelled: Vec<Line> = Vec::new();
    let bodies = sections
        .iter()
        .filter(|(sec, _)| !matches!(sec.kind, SectionKind::Skills | SectionKind::Experience))
        .map(|(_, body)| body)
        .chain(std::iter::once(&head));
    for body in bodies {
        let mut open = false;
        for l in body {
            let listy = l.text.contains(['|', ',', '•', '·', ';']);
            if let Some((label, rest)) = l.text.split_once(':') {
                if parse::section_kind(label.trim()) == Some(SectionKind::Skills) {
                    let mut item = l.clone();
                    item.text = rest.to_string();
                    labelled.push(item);
                    open = true;
                    continue;
                }
            }
            if open && !l.blank_before && listy && !l.bullet {
                labelled.push(l.clone());
            } else {
                open = false;
            }
        }
    }
    let skills_lists = sections
        .iter()
        .filter(|(sec, _)| sec.kind == SectionKind::Skills)
        .map(|(_, body)| body)
        .chain(std::iter::once(&labelled));
    let lex = Lexicon::builtin();
    for body in skills_lists {
        for l in body {
            // "PySide/PyQt", "Ruby/Rails": two names in one item, unless the whole is one
            // ("CI/CD", "TCP/IP").
            let items = listed_items(&l.text).into_iter().flat_map(|item| {
                if item.contains('/') && lex.lookup(&item).is_none() {
                    let parts: Vec<String> = item
                        .split('/')
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty())
                        .collect();
                    // "GNU/Make" is one name: a part that is a plain word keeps it whole.
                    let words = crate::jobs::extract::common_words();
                    if parts.len() >= 2
                        && parts
                            .iter()
                            .all(|p| !p.contains(' ') && !words.contains(&p.to_lowercase()))
                    {
                        return parts;
                    }
                }
                vec![item]
            });
            for item in items {
                let lower = item.to_lowercase();
                // A known name the context rules set aside in running text ("Pandas • Modin"
                // opening a line) is a skill here: the section lists skills. So is a soft
                // skill the person lists ("Team Leadership"): a posting may ask for it.
                if let Some(known) = lex.lookup(&item) {
                    if seen.insert(known.id.clone()) {
                        seen.insert(lower);
                        skills.push(ResumeSkill {
                            id: known.id.clone(),
                            name: known.name.clone(),
                            in_roles: false,
                        });
                    }
                    continue;
                }
                if !seen.insert(lower.clone())
                    || crate::jobs::extract::common_words().contains(&lower)
                {
                    continue;
                }
                let id = format!("term:{}", lower.replace(' ', "-"));
                if seen.insert(id.clone()) {
                    skills.push(ResumeSkill {
                        id,
                        name: item,
                        in_roles: false,
                    });
                }
            }
        }
    }
    let resume = Resume {
        id: id.to_string(),
        name: name.to_string(),
        source: source.to_string(),
        person,
        sections: sections.into_iter().map(|(s, _)| s).collect(),
        roles,
        education,
        skills,
    };
    (resume, warnings)
}

fn describe(title: &str, company: &str) -> String {
    match (title.is_empty(), company.is_empty()) {
        (false, false) => format!("\"{title}\" at {company}"),
        (false, true) => format!("\"{title}\""),
        (true, false) => format!("the role at {company}"),
        (true, true) => "a role".into(),
    }
}

/// The items of a skills line: "Languages: Go, Rust | Tools: Perforce, Bazel" gives Go,
/// Rust, Perforce and Bazel. Items are short names, not phrases or sentences.
fn listed_items(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    // "Linux (CentOS, Debian)" lists Linux, CentOS and Debian.
    // A table's columns ("Team Leadership<TAB><TAB>Storage Platforms") are items too.
    let text = line.replace(['|', '•', '·', ';', '●', '▪', '(', ')', '\t'], ",");
    for part in text.split(',') {
        // "Tools: Perforce" → "Perforce"; "Proficient: Java" → "Java".
        let part = match part.split_once(':') {
            Some((_, after)) => after,
            None => part,
        };
        let item = part
            .trim()
            .trim_matches(|c: char| c == '*' || c == '-')
            .trim_end_matches('.')
            .trim();
        let words = item.split_whitespace().count();
        let has_letter = item.chars().any(char::is_alphabetic);
        let looks_named = item
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || item.chars().any(|c| c.is_uppercase() || "+#./".contains(c));
        // Column heads of a skills table, and the section's own words.
        let label = parse::section_kind(item).is_some()
            || matches!(
                item.to_lowercase().as_str(),
                "category" | "categories" | "level" | "proficiency" | "other" | "misc"
            )
            || item.contains(" & ")
            || item.contains(" and ");
        // "laser cutting, machine shop tools": a skill of two or three words needs no
        // capitals, so long as it is no phrase of prose.
        let little = item.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "an"
                    | "the"
                    | "of"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "from"
                    | "or"
                    | "my"
                    | "our"
                    | "is"
                    | "are"
                    | "was"
            )
        });
        let lowercase_term = (2..=3).contains(&words) && !little;
        if (1..=3).contains(&words)
            && !label
            && item.chars().count() <= 30
            && has_letter
            && (looks_named || lowercase_term)
        {
            out.push(item.to_string());
        }
    }
    out
}

/// Technical skills named anywhere in the résumé, through the posting lexicon.
fn skills_of(lines: &[Line], roles: &[Role]) -> Vec<ResumeSkill> {
    let lex = Lexicon::builtin();
    let text: String = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let role_text: String = roles
        .iter()
        .flat_map(|r| {
            std::iter::once(r.title.clone())
                .chain(std::iter::once(r.company.clone()))
                .chain(r.bullets.iter().cloned())
        })
        .collect::<Vec<_>>()
        .join("\n");
    let in_roles: HashSet<String> = lex.skill_ids(&role_text).into_iter().collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    // A résumé names tools as names: an ambiguous one ("Rust", "React", "Jest") counts when
    // the context rules accept it, in a list of skills, or when written with its capitals
    // anywhere but at the start of a line.
    for c in lex.candidates(&text) {
        let named = c.surface.chars().any(char::is_uppercase) && !c.line_start;
        if c.ambiguous && !(c.context_ok || c.dense || named) {
            continue;
        }
        let s = lex.skill(c.m.skill);
        // "BSc in Computer Science", "M.S. Physics": what was studied, which the education
        // shows, not a skill.
        if s.category == "field" && after_a_degree(&text, c.m.start) {
            continue;
        }
        if s.soft || !seen.insert(s.id.clone()) {
            continue;
        }
        out.push(ResumeSkill {
            id: s.id.clone(),
            name: s.name.clone(),
            in_roles: in_roles.contains(&s.id),
        });
    }
    out
}

/// Whether a degree is named earlier on the line that holds byte `at` of `text`.
fn after_a_degree(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    text[start..at].split_whitespace().any(|w| {
        crate::jobs::extract::degree_word(w)
            || matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
                "major" | "minor"
            )
    })
}

/// Today as `YYYY-MM`, for durations that run to the present.
pub fn this_month() -> String {
    chrono::Local::now().format("%Y-%m").to_string()
}

/// Months a role lasted, when its dates are readable.
pub fn role_months(r: &Role, today: &str) -> Option<u32> {
    let start = r.start.as_deref()?;
    dates::months_between(start, r.end.as_deref().unwrap_or(start), today)
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_was_studied_is_no_skill_but_a_field_worked_in_is() {
        let (r, _) = super::analyse(
            "r",
            "r",
            "r.md",
            "# Jo Doe\n\n## Education\n\nBSc in Computer Science, University of Lisbon, 2018\n\n\
             ## Experience\n\n### Data Engineer | Acme | 2019 – 2022\n\n\
             - Built statistics pipelines in Python\n",
        );
        let ids: Vec<&str> = r.skills.iter().map(|s| s.id.as_str()).collect();
        assert!(!ids.contains(&"computer-science"), "{ids:?}");
        assert!(
            ids.contains(&"statistics") && ids.contains(&"python"),
            "{ids:?}"
        );
        assert!(super::after_a_degree("x\nM.S. Physics", 11));
        assert!(!super::after_a_degree("M.S. in\nPhysics", 9));
    }

    #[test]
    fn soft_hyphens_read_as_the_hyphens_and_spaces_they_stood_for() {
        assert_eq!(
            super::expand_ligatures("Post\u{ad}doctoral research\t2013\u{ad}present"),
            "Post-doctoral research\t2013-present"
        );
        assert_eq!(
            super::expand_ligatures("Project\u{ad} Scientist, certi\u{FB01}ed"),
            "Project Scientist, certified"
        );
    }
}
