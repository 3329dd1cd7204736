//! A job posting as text, split into sections: what the job needs, what it would like, and
//! the company, benefits and legal boilerplate that say little about skills.
//!
//! Reads plain text, markdown (front matter dropped) and HTML (script, style, navigation,
//! header and footer dropped; schema.org `JobPosting` JSON-LD used when present).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a part of a posting is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Summary,
    Responsibilities,
    Required,
    Preferred,
    About,
    Benefits,
    Boilerplate,
}

impl SectionKind {
    /// How much a keyword found here counts.
    pub fn weight(self) -> f32 {
        match self {
            SectionKind::Required => 1.0,
            SectionKind::Responsibilities => 0.8,
            SectionKind::Summary => 0.6,
            SectionKind::Preferred => 0.5,
            SectionKind::About => 0.1,
            SectionKind::Benefits | SectionKind::Boilerplate => 0.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Summary => "summary",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Required => "required",
            SectionKind::Preferred => "preferred",
            SectionKind::About => "about",
            SectionKind::Benefits => "benefits",
            SectionKind::Boilerplate => "boilerplate",
        }
    }

    pub fn parse(s: &str) -> Option<SectionKind> {
        Some(match s {
            "summary" => SectionKind::Summary,
            "responsibilities" => SectionKind::Responsibilities,
            "required" => SectionKind::Required,
            "preferred" => SectionKind::Preferred,
            "about" => SectionKind::About,
            "benefits" => SectionKind::Benefits,
            "boilerplate" => SectionKind::Boilerplate,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: Option<String>,
    /// The section's lines, each with its own kind (a "nice to have" line inside a list of
    /// requirements is preferred).
    pub lines: Vec<(SectionKind, String)>,
    pub line_start: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Posting {
    pub title: Option<String>,
    pub company: Option<String>,
    pub text: String,
    pub sections: Vec<Section>,
}

const REQUIRED: &[&str] = &[
    "requirement",
    "qualification",
    "must have",
    "must-have",
    "what you'll need",
    "what you will need",
    "what we're looking for",
    "what we are looking for",
    "you have",
    "you bring",
    "who you are",
    "about you",
    "minimum",
    "skills",
    "experience",
    "specialized experience",
    "your profile",
    "what you need",
    "we expect",
    "competenc",
];
const PREFERRED: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "preferred",
    "bonus",
    "plus",
    "desired",
    "good to have",
    "extra credit",
    "desirable",
    "ideally",
];
const RESPONSIBILITIES: &[&str] = &[
    "responsibilit",
    "what you'll do",
    "what you will do",
    "duties",
    "the role",
    "your role",
    "you will",
    "day to day",
    "day-to-day",
    "job description",
    "the job",
    "your mission",
    "tasks",
    "what you'll be doing",
    "in this role",
];
const ABOUT: &[&str] = &[
    "about us",
    "about the company",
    "who we are",
    "our company",
    "company",
    "our mission",
    "about the team",
    "our team",
    "why us",
    "culture",
];
const BENEFITS: &[&str] = &[
    "benefit",
    "perks",
    "what we offer",
    "compensation",
    "salary",
    "we offer",
    "why join",
    "pay",
    "vacation",
    "pto",
];
const BOILERPLATE: &[&str] = &[
    "equal opportunity",
    "eeo",
    "diversity",
    "accommodation",
    "disclaimer",
    "privacy",
    "how to apply",
    "application process",
    "apply",
    "e-verify",
    "background check",
    "reasonable adjustment",
];

/// Headings of the team's stack ("Technologies we use", "Our tech stack"): the tools the
/// work is done with, weighed like the preferred ones.
const STACK: &[&str] = &[
    "tech stack",
    "technology stack",
    "our stack",
    "the stack",
    "technologies",
    "tools we use",
    "our tools",
    "tooling",
];

fn classify_heading(h: &str) -> Option<SectionKind> {
    let h = h.to_lowercase();
    let has = |list: &[&str]| list.iter().any(|k| h.contains(k));
    // Order matters: "preferred qualifications" is preferred, not required.
    if has(STACK) && !has(BOILERPLATE) {
        Some(SectionKind::Preferred)
    } else if has(BOILERPLATE) {
        Some(SectionKind::Boilerplate)
    } else if has(BENEFITS) {
        Some(SectionKind::Benefits)
    } else if has(PREFERRED) {
        Some(SectionKind::Preferred)
    } else if has(RESPONSIBILITIES) {
        Some(SectionKind::Responsibilities)
    } else if has(REQUIRED) {
        Some(SectionKind::Required)
    } else if has(ABOUT) {
        Some(SectionKind::About)
    } else {
        None
    }
}

/// A line's own kind where it says so ("… is a plus", "Equal opportunity employer").
fn line_override(line: &str, section: SectionKind) -> SectionKind {
    let l = line.to_lowercase();
    if l.contains("equal opportunity") || l.contains("regardless of race") {
        return SectionKind::Boilerplate;
    }
    if matches!(
        section,
        SectionKind::Required | SectionKind::Responsibilities | SectionKind::Summary
    ) && (l.contains("a plus")
        || l.contains("nice to have")
        || l.contains("is a bonus")
        || l.contains("bonus points")
        || l.contains("preferred")
        || l.contains("ideally"))
    {
        return SectionKind::Preferred;
    }
    section
}

/// A line that heads a section: a markdown heading, a short bold line, or a short line
/// ending with a colon.
fn heading_of(line: &str) -> Option<String> {
    let t = line.trim();
    if t.is_empty() || t.len() > 80 {
        return None;
    }
    if let Some(h) = t.strip_prefix('#') {
        return Some(
            h.trim_start_matches('#')
                .trim()
                .trim_end_matches(':')
                .to_string(),
        );
    }
    let unbold = t.trim_matches(|c| c == '*' || c == '_').trim();
    let bold = (t.starts_with("**") || t.starts_with("__")) && unbold.len() + 4 <= t.len();
    let colon = t.ends_with(':') || unbold.ends_with(':') || t.ends_with("**:");
    let words = unbold.split_whitespace().count();
    if (bold || colon) && words <= 8 {
        return Some(
            unbold
                .trim_end_matches(['*', ':'])
                .trim_end_matches(':')
                .trim()
                .to_string(),
        );
    }
    if words <= 5
        && unbold.chars().any(char::is_alphabetic)
        && unbold
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return Some(unbold.to_string());
    }
    None
}

/// Markdown decorations off a line of text: list markers, emphasis, links.
fn clean_line(line: &str) -> String {
    let t = line.trim();
    let t = t
        .trim_start_matches(['-', '*', '+', '•', '·', '>'])
        .trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let t = if digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")) {
        &t[digits + 2..]
    } else {
        t
    };
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    // [text](url) -> text
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match (after.find("]("), after.find(')')) {
            (Some(close), Some(paren)) if paren > close => {
                out.push_str(&after[..close]);
                rest = &after[paren + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "")
}

fn strip_front_matter(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text);
    };
    let Some(end) = rest.find("\n---") else {
        return (None, text);
    };
    let front = &rest[..end];
    let title = front
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches('"').to_string());
    let after = &rest[end + 4..];
    (title, after.strip_prefix('\n').unwrap_or(after))
}

/// Reads a posting from plain text or markdown.
pub fn parse_text(raw: &str) -> Posting {
    let (fm_title, body) = strip_front_matter(raw);
    let mut posting = Posting {
        title: fm_title,
        ..Posting::default()
    };
    let mut current = Section {
        kind: SectionKind::Summary,
        heading: None,
        lines: Vec::new(),
        line_start: 1,
    };
    let mut text = String::with_capacity(body.len());
    for (n, line) in body.lines().enumerate() {
        if let Some(h) = heading_of(line) {
            if posting.title.is_none() && line.trim_start().starts_with("# ") {
                posting.title = Some(h.clone());
            }
            if let Some(kind) = classify_heading(&h) {
                if !current.lines.is_empty() || current.heading.is_some() {
                    posting.sections.push(current);
                }
                current = Section {
                    kind,
                    heading: Some(h.clone()),
                    lines: Vec::new(),
                    line_start: n + 1,
                };
                text.push_str(&h);
                text.push('\n');
                continue;
            }
        }
        let cleaned = unglue(&clean_line(line));
        if cleaned.trim().is_empty() {
            continue;
        }
        let kind = line_override(&cleaned, current.kind);
        text.push_str(&cleaned);
        text.push('\n');
        current.lines.push((kind, cleaned));
    }
    if !current.lines.is_empty() {
        posting.sections.push(current);
    }
    posting.text = text;
    if posting.company.is_none() {
        posting.company = infer_company(&posting);
    }
    posting
}

/// The hiring company's name, as the posting gives it: "Engineer at Acme" in the title,
/// an "About Acme" heading, "At Acme, we …", "Join Acme", "Acme is hiring". The name most
/// often given wins.
pub fn infer_company(posting: &Posting) -> Option<String> {
    let mut votes: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut vote = |name: &str, n: usize| {
        let name = name
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '.')
            .trim_end_matches('.');
        let words: Vec<&str> = name.split_whitespace().collect();
        let capitalised = words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        if (1..=4).contains(&words.len())
            && capitalised
            && !matches!(
                name.to_ascii_lowercase().as_str(),
                "the role" | "the team" | "us" | "you" | "the company" | "our team" | "this role"
            )
        {
            *votes.entry(name.to_string()).or_default() += n;
        }
    };
    if let Some(t) = &posting.title {
        for sep in [" at ", " @ ", " - ", " – ", " | ", " — "] {
            if let Some((_, company)) = t.rsplit_once(sep) {
                // "Senior Software Engineer | Go": a language or framework after the bar says
                // what the job is in, not who offers it.
                let named = super::Lexicon::builtin()
                    .lookup(company.trim())
                    .is_some_and(|s| {
                        matches!(s.category.as_str(), "programming language" | "framework")
                    });
                if !named || sep == " at " || sep == " @ " {
                    vote(company, 2);
                }
                break;
            }
        }
    }
    for section in &posting.sections {
        if let Some(h) = &section.heading {
            let lower = h.to_ascii_lowercase();
            if let Some(rest) = lower.strip_prefix("about ") {
                if !matches!(
                    rest,
                    "you"
                        | "the role"
                        | "the team"
                        | "us"
                        | "the job"
                        | "this role"
                        | "the company"
                ) {
                    vote(&h[6..], 3);
                }
            }
        }
        for (_, line) in &section.lines {
            for (cue, n) in [("At ", 2), ("Join ", 1), ("Why ", 1)] {
                if let Some(rest) = line.strip_prefix(cue) {
                    let name: String = rest
                        .split([',', '!', '?', '.'])
                        .next()
                        .unwrap_or("")
                        .split_whitespace()
                        .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !name.is_empty() {
                        vote(&name, n);
                    }
                }
            }
            for cue in [" is hiring", " is looking for", " is a ", " is an "] {
                if let Some(at) = line.find(cue) {
                    let before: Vec<&str> = line[..at].split_whitespace().collect();
                    if before.len() <= 3 {
                        vote(&before.join(" "), 1);
                    }
                }
            }
        }
    }
    // "Snyk's mission is …" opening a line, and a name the posting keeps repeating in the
    // middle of its sentences (even one that is also a tool: Snyk's postings): each a vote
    // for that name.
    let mut repeated: std::collections::HashMap<String, usize> = Default::default();
    for section in &posting.sections {
        for (_, line) in &section.lines {
            let opening = line.trim_start_matches(|c: char| !c.is_alphanumeric());
            if let Some((name, _)) = opening
                .split_once("'s ")
                .or_else(|| opening.split_once("\u{2019}s "))
            {
                if name.split_whitespace().count() <= 3 {
                    vote(name, 1);
                }
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            for k in 1..words.len() {
                if words[k - 1].ends_with(['.', ':', '!', '?']) {
                    continue;
                }
                let w = words[k]
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
                let w = super::lexicon::bare(w);
                let shaped = w.chars().count() >= 3
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
                    && w.chars().all(char::is_alphanumeric);
                if shaped {
                    *repeated.entry(w.to_string()).or_default() += 1;
                }
            }
        }
    }
    for (name, n) in repeated {
        if n >= 4 {
            vote(&name, 1);
        }
    }
    votes
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

/// Words glued together when a page was scraped ("TranscribeFamiliar", "Digits1-3 years")
/// are parted: a lowercase run of three letters or more followed by a capitalised word or by
/// a digit, in a token the lexicon does not know as a whole. A short capitalised token keeps
/// its camel case: it is a name.
fn unglue(line: &str) -> String {
    let lex = super::Lexicon::builtin();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        let mut cuts = Vec::new();
        let mut lower_run = 0;
        for k in 0..chars.len() {
            let c = chars[k];
            if k > 0 && lower_run >= 3 {
                let next_lower = chars.get(k + 1).is_some_and(|n| n.is_lowercase());
                // A product named in camel case ("SwiftLint", "PowerQuery") is short and
                // opens with a capital; glued sentences are long or open in lowercase.
                let glued_words = chars.len() >= 12 || chars[0].is_lowercase();
                if (c.is_uppercase() && next_lower && glued_words) || c.is_ascii_digit() {
                    cuts.push(k);
                }
            }
            lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        }
        // Only a word that would be cut is looked up: the lexicon knows some glued names.
        if cuts.is_empty()
            || lex.lookup(word).is_some()
            || lex
                .lookup(word.trim_matches(|c: char| !c.is_alphanumeric()))
                .is_some()
        {
            out.push_str(word);
            continue;
        }
        // "JavaScript/TypeScript": a cut inside a piece the lexicon knows is no cut.
        cuts.retain(|&k| {
            let alnum = |c: &char| c.is_alphanumeric();
            let a = chars[..k]
                .iter()
                .rposition(|c| !alnum(c))
                .map_or(0, |p| p + 1);
            let b = chars[k..]
                .iter()
                .position(|c| !alnum(c))
                .map_or(chars.len(), |p| k + p);
            let piece: String = chars[a..b].iter().collect();
            lex.lookup(&piece).is_none()
        });
        let mut last = 0;
        for k in cuts {
            out.extend(&chars[last..k]);
            out.push(' ');
            last = k;
        }
        out.extend(&chars[last..]);
    }
    out
}

/// Case-insensitive search for an ASCII needle from `from`, without copying the page: a page
/// with many tags stays linear.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from > h.len() || h.len() - from < n.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    (from..=h.len() - n.len())
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "bull" => Some('•'),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((ch, e + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// HTML to lines of text: chrome (script, style, nav, header, footer) dropped, block
/// elements on lines of their own, headings kept as markdown headings.
pub fn html_to_text(html: &str) -> String {
    let cleaned = ammonia::Builder::empty()
        .clean_content_tags(
            [
                "script", "style", "nav", "header", "footer", "noscript", "svg", "form", "button",
                "iframe", "template", "aside",
            ]
            .into_iter()
            .collect(),
        )
        .tags(
            [
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "br", "div", "section", "tr", "ul",
                "ol", "strong", "b", "dt", "dd",
            ]
            .into_iter()
            .collect(),
        )
        .clean(html)
        .to_string();
    let mut out = String::with_capacity(cleaned.len());
    let mut rest = cleaned.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
        let name = tag.trim_start_matches('/');
        let name = name.split_whitespace().next().unwrap_or("");
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !tag.starts_with('/') => {
                out.push_str("\n\n## ");
            }
            "strong" | "b" => out.push_str("**"),
            "li" if !tag.starts_with('/') => out.push_str("\n- "),
            "p" | "div" | "section" | "tr" | "ul" | "ol" | "br" | "br/" | "dt" | "dd" | "li"
            | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.push('\n'),
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    let text = decode_entities(&out);
    let mut lines: Vec<String> = Vec::new();
    for l in text.lines() {
        let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
        if l.is_empty() || l == "**" || l == "**** " {
            if lines.last().is_some_and(|p: &String| !p.is_empty()) {
                lines.push(String::new());
            }
            continue;
        }
        lines.push(l.replace("** **", " "));
    }
    lines.join("\n")
}

/// The schema.org `JobPosting` in a page's JSON-LD, if any: title, company, description.
fn json_ld_posting(html: &str) -> Option<(Option<String>, Option<String>, String)> {
    let mut from = 0;
    while let Some(s) = find_ci(html, "<script", from) {
        let tag_end = html[s..].find('>')? + s;
        let close = find_ci(html, "</script", tag_end)?;
        from = close + 1;
        if !html[s..tag_end].to_ascii_lowercase().contains("ld+json") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(html[tag_end + 1..close].trim())
        else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items),
                serde_json::Value::Object(map) => {
                    let is_posting = match map.get("@type") {
                        Some(serde_json::Value::String(t)) => t == "JobPosting",
                        Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t == "JobPosting"),
                        _ => false,
                    };
                    if is_posting {
                        let text =
                            |k: &str| map.get(k).and_then(|v| v.as_str()).map(str::to_string);
                        let company = map
                            .get("hiringOrganization")
                            .and_then(|o| o.get("name").and_then(|n| n.as_str()).or(o.as_str()))
                            .map(str::to_string);
                        let description = text("description")?;
                        return Some((text("title"), company, description));
                    }
                    if let Some(g) = map.get("@graph") {
                        stack.push(g.clone());
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn html_title(html: &str) -> Option<String> {
    let s = find_ci(html, "<title", 0)?;
    let a = html[s..].find('>')? + s + 1;
    let b = find_ci(html, "</title", a)?;
    let t = decode_entities(html[a..b].trim());
    (!t.is_empty()).then_some(t)
}

/// Reads a posting from an HTML page.
pub fn parse_html(html: &str) -> Posting {
    if let Some((title, company, description)) = json_ld_posting(html) {
        let desc = decode_entities(&description);
        let body = if desc.contains('<') {
            html_to_text(&desc)
        } else {
            desc
        };
        let mut p = parse_text(&body);
        p.title = title.or(p.title);
        p.company = company;
        return p;
    }
    let mut p = parse_text(&html_to_text(html));
    if p.title.is_none() {
        p.title = html_title(html);
    }
    p
}

/// Whether text looks like HTML rather than markdown or plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..text.trim_start().len().min(1000))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head")
}

/// Reads a posting, by content type when known, else by looking at it.
pub fn parse_posting(raw: &str, content_type: Option<&str>) -> Posting {
    let html = content_type.is_some_and(|c| c.contains("html")) || looks_like_html(raw);
    if html {
        parse_html(raw)
    } else {
        parse_text(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_words_are_parted_but_known_names_in_a_pair_are_not() {
        assert_eq!(
            unglue("Speech-to-TextTranscribeFamiliar with Go"),
            "Speech-to-Text Transcribe Familiar with Go"
        );
        assert_eq!(
            unglue("Fluency in JavaScript/TypeScript, or similar"),
            "Fluency in JavaScript/TypeScript, or similar"
        );
    }

    #[test]
    fn sections_from_headings_and_lines() {
        let p = parse_text(
            "---\ntitle: Backend engineer\n---\nWe build payments.\n\n## What you'll do\n- Build APIs in Rust\n\n## Requirements\n- 5 years of Python\n- Kafka experience is a plus\n\n**Nice to have:**\n- Terraform\n\n## Benefits\n- Free lunch and Kubernetes stickers\n\nWe are an equal opportunity employer.\n",
        );
        assert_eq!(p.title.as_deref(), Some("Backend engineer"));
        let kinds: Vec<SectionKind> = p.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Summary,
                SectionKind::Responsibilities,
                SectionKind::Required,
                SectionKind::Preferred,
                SectionKind::Benefits
            ]
        );
        let req = &p.sections[2];
        assert_eq!(
            req.lines[0],
            (SectionKind::Required, "5 years of Python".to_string())
        );
        assert_eq!(req.lines[1].0, SectionKind::Preferred);
        let benefits = &p.sections[4];
        assert_eq!(benefits.lines.last().unwrap().0, SectionKind::Boilerplate);
        assert!(!p.text.contains("title:"));
    }

    #[test]
    fn a_stack_heading_after_the_benefits_is_weighed_as_skills() {
        let p = parse_text(
            "## Requirements\n- Testing\n\n**What we offer:**\n- Stock options\n\n**Technologies We Use**\n- Rails, RSpec, Rake, Capybara, Selenium\n",
        );
        let kinds: Vec<SectionKind> = p.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Required,
                SectionKind::Benefits,
                SectionKind::Preferred
            ]
        );
        let names: Vec<String> = crate::jobs::extract_keywords(&p)
            .into_iter()
            .map(|k| k.name)
            .collect();
        for want in ["Rake", "Capybara", "Selenium"] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
    }

    #[test]
    fn html_chrome_is_dropped_and_blocks_become_lines() {
        let html = "<html><head><title>Data Engineer at Acme</title><style>.x{color:red}</style><script>var tracking = 'Java';</script></head><body><nav>Home Jobs Kotlin</nav><header>Acme careers</header><h2>Requirements</h2><ul><li>SQL &amp; Python</li><li>Airflow</li></ul><footer>© Acme, Scala</footer></body></html>";
        let p = parse_posting(html, None);
        assert_eq!(p.title.as_deref(), Some("Data Engineer at Acme"));
        assert!(p.text.contains("SQL & Python"), "{}", p.text);
        assert!(p.text.contains("Airflow"));
        for gone in ["tracking", "Kotlin", "careers", "Scala", "color"] {
            assert!(!p.text.contains(gone), "{gone} in {}", p.text);
        }
        assert!(p.sections.iter().any(|s| s.kind == SectionKind::Required));
    }

    #[test]
    fn json_ld_job_posting_is_used() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"x"},{"@type":"JobPosting","title":"ML Engineer","hiringOrganization":{"@type":"Organization","name":"Zoox"},"description":"&lt;p&gt;&lt;strong&gt;Requirements:&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;PyTorch&lt;/li&gt;&lt;/ul&gt;"}]}</script></head><body><p>Cookie banner</p></body></html>"#;
        let p = parse_posting(html, Some("text/html; charset=utf-8"));
        assert_eq!(p.title.as_deref(), Some("ML Engineer"));
        assert_eq!(p.company.as_deref(), Some("Zoox"));
        assert!(p.text.contains("PyTorch"));
        assert!(!p.text.contains("Cookie"));
    }
}
