//! Keywords of a posting: the skills of the lexicon it names, and multi-word phrases it
//! repeats that no lexicon holds ("distributed training"), judged against a background of
//! ordinary job-ad words.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lexicon::Lexicon;
use super::posting::{Posting, SectionKind};

const BACKGROUND: &str = include_str!("../../assets/skills/background.tsv");

/// What sort of keyword it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeywordKind {
    HardSkill,
    SoftSkill,
    Phrase,
}

/// One thing a posting asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Keyword {
    /// The skill id, or `phrase:words-of-it` for a phrase.
    pub id: String,
    pub name: String,
    pub kind: KeywordKind,
    /// The most important section it appears in.
    pub section: SectionKind,
    pub weight: f32,
    pub count: usize,
    pub category: Option<String>,
    /// The words as the posting wrote them.
    pub matched: Vec<String>,
    /// The group its chip sits in (languages, frameworks and libraries, data stores, cloud
    /// and infrastructure, practices, domain knowledge, soft skills).
    #[serde(default)]
    pub group: String,
    /// Years of experience the posting asks for with it.
    #[serde(default)]
    pub years: Option<u32>,
}

impl Keyword {
    /// Fills in the group and years from the category and the posting's requirements.
    pub fn annotate(keywords: &mut [Keyword], req: &super::requirements::Requirements) {
        for k in keywords {
            k.group = super::requirements::group_of(
                k.category.as_deref(),
                k.kind == KeywordKind::SoftSkill,
                k.kind == KeywordKind::Phrase,
            )
            .to_string();
            k.years = req
                .skill_years
                .iter()
                .find(|s| s.id == k.id)
                .map(|s| s.years);
        }
    }
}

/// At most this many phrases per posting: they are suggestions beside the skills.
const MAX_PHRASES: usize = 8;

/// How many of the background words in the most postings count as ordinary.
const COMMON_WORDS: usize = 800;

/// The ordinary words of job ads (the most common of the background list).
pub fn common_words() -> &'static HashSet<String> {
    background()
}

fn background() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        BACKGROUND
            .lines()
            .filter(|l| !l.starts_with('#'))
            .take(COMMON_WORDS)
            .filter_map(|l| l.split('\t').next())
            .map(|w| w.trim().to_string())
            .collect()
    })
}

const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "on", "at", "by", "is", "are",
    "be", "as", "we", "you", "our", "your", "it", "this", "that", "from", "will", "have", "has",
    "can", "all", "any", "who", "what", "which", "their", "they", "us", "not", "but", "if", "into",
    "about", "more", "other", "such", "etc", "e.g", "i.e", "using", "use", "work", "working",
];

/// Where companies post: named together, they are the company's channels.
const SOCIAL: &[&str] = &[
    "twitter",
    "instagram",
    "medium",
    "linkedin",
    "facebook",
    "youtube",
    "tiktok",
    "github",
    "glassdoor",
];

/// Words that make a phrase generic ("technical solutions", "substantial knowledge"):
/// a phrase with any of them is not offered.
const GENERIC: &[&str] = &[
    // Where and when the work is, and what it pays: never a skill.
    "zone",
    "utc",
    "gmt",
    "cet",
    "full-time",
    "part-time",
    "fulltime",
    "industry",
    "posted",
    "insurance",
    "dental",
    "vacation",
    "parental",
    "pension",
    "salary",
    "stipend",
    "holidays",
    "verticals",
    "degree",
    "bachelor",
    "bachelor's",
    "bachelor’s",
    "master's",
    "master’s",
    "technical",
    "solution",
    "solutions",
    "knowledge",
    "substantial",
    "strong",
    "excellent",
    "good",
    "great",
    "experience",
    "experienced",
    "ability",
    "abilities",
    "skill",
    "skills",
    "team",
    "teams",
    "environment",
    "opportunity",
    "opportunities",
    "role",
    "roles",
    "company",
    "candidate",
    "candidates",
    "people",
    "customers",
    "business",
    "level",
    "years",
    "year",
    "new",
    "high",
    "best",
    "world",
    "day",
    "way",
    "thought",
    "provides",
    "provide",
    "make",
    "looking",
    "join",
    "help",
    "part",
    "well",
    "based",
    "related",
    "including",
    "various",
    "plus",
    "bonus",
    "required",
    "preferred",
    "nice",
    "must",
    "ideal",
    "every",
    "each",
    "within",
    "across",
    "around",
    "fast",
    "paced",
    "deep",
    "hands",
];

/// A phrase that reads like the name of a thing: no generic word, no adverb, and not
/// opened by a gerund ("getting married", "especially dive") or a common participle
/// ("proven track"; a rarer one, as in "distributed training", is fine).
fn looks_like_a_term(words: &[String]) -> bool {
    let first = words[0].as_str();
    let generic = words
        .iter()
        .any(|w| GENERIC.contains(&w.as_str()) || w.ends_with("ly"));
    let verb_first =
        first.ends_with("ing") || (first.ends_with("ed") && background().contains(first));
    // "address address": one word said over (a run of placeholders) is no term.
    let repeated = words.windows(2).any(|w| w[0] == w[1]);
    !(generic || verb_first || repeated)
}

/// "you will design systems that …": a verb and its object, not the name they spell
/// ("Design systems"). Only a name the verb opens: "automate operations" read as
/// infrastructure automation stays.
fn verb_and_object(c: &super::lexicon::Candidate, skill: &super::lexicon::Skill) -> bool {
    if c.tokens < 2 || c.ambiguous || skill.soft {
        return false;
    }
    let first = c.surface.split_whitespace().next().unwrap_or("");
    let verb = matches!(
        first,
        "design"
            | "build"
            | "test"
            | "deploy"
            | "manage"
            | "develop"
            | "write"
            | "run"
            | "monitor"
            | "scale"
            | "secure"
            | "automate"
            | "model"
            | "process"
            | "review"
            | "plan"
            | "support"
            | "maintain"
            | "operate"
            | "create"
            | "train"
            | "package"
            | "release"
    );
    let opener = c.before.last().is_some_and(|w| {
        matches!(
            w.as_str(),
            "to" | "will"
                | "can"
                | "you"
                | "we"
                | "help"
                | "must"
                | "should"
                | "who"
                | "and"
                | "or"
                | "i"
                | "they"
                | "then"
        )
    });
    verb && opener && skill.name.to_lowercase().starts_with(first)
}

/// "SAFe" is no "safe": a name cased unlike any word, met as a plain lowercase word.
fn plain_word_for_odd_name(c: &super::lexicon::Candidate, skill: &super::lexicon::Skill) -> bool {
    let n = skill.name.as_str();
    let odd_case = n.chars().any(char::is_uppercase)
        && n.chars().skip(1).any(char::is_lowercase)
        && n.chars().skip(1).any(char::is_uppercase)
        && !n.contains([' ', '-', '.', '/']);
    c.tokens == 1 && c.ambiguous && odd_case && c.surface.chars().all(|ch| ch.is_lowercase())
}

/// Where a line names other organisations rather than skills: the customers, partners or
/// investors of a company blurb ("organisations on board, including Google, New Relic and
/// ASOS", "backed by Sequoia", "trusted by teams at Stripe"). The byte span from the cue to
/// the end of its sentence.
fn organisations_named(line: &str) -> Option<(usize, usize)> {
    let lower = line.to_ascii_lowercase();
    // Every cue holds one of these: most lines are done with in four searches.
    if !(lower.contains(" by ")
        || lower.contains("includ")
        || lower.contains("such as")
        || lower.contains(" like "))
    {
        return None;
    }
    const BY: &[&str] = &[
        "backed by ",
        "trusted by ",
        "funded by ",
        "used by ",
        "loved by ",
        "investors include",
        "customers include",
        "clients include",
        "partners include",
        "investors such as",
        "customers such as",
        "clients such as",
        "partners such as",
        "brands such as",
        "companies such as",
        "companies like",
        "brands like",
        "clients like",
        "customers like",
    ];
    const WHO: &[&str] = &[
        "customers",
        "clients",
        "organisations",
        "organizations",
        "companies",
        "brands",
        "partners",
        "investors",
        "backers",
        "enterprises",
    ];
    // "backed by Sequoia", not "backed by managed PostgreSQL": a name follows the cue.
    let start = BY
        .iter()
        .filter_map(|cue| lower.find(cue).map(|p| p + cue.len()))
        .filter(|&p| {
            line.get(p..)
                .and_then(|r| r.trim_start().chars().next())
                .is_some_and(char::is_uppercase)
        })
        .min()
        .or_else(|| {
            // "... organisations on board, including Google": the cue word within its
            // sentence before "including".
            let at = lower.find("including ")?;
            let sentence = lower[..at].rfind(". ").map_or(0, |p| p + 2);
            WHO.iter()
                .any(|w| lower[sentence..at].contains(w))
                .then_some(at + "including ".len())
        })?;
    let end = lower[start..].find(". ").map_or(line.len(), |p| start + p);
    Some((start, end))
}

/// The items of a list written in a line ("Grafana, Loki and Tempo"): byte ranges between
/// commas, semicolons, slashes, "and", "or" and brackets.
fn list_items(line: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, c) in line.char_indices() {
        // Whether the characters on both sides of this one are of a kind.
        let between = |kind: fn(&char) -> bool| {
            line[..i].chars().next_back().is_some_and(|p| kind(&p))
                && line[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| kind(&n))
        };
        // "A/B", "CI/CD" and "UI/UX" are one name, not two items.
        let joined_caps = c == '/' && between(char::is_ascii_uppercase);
        // "100,000 developers": a thousands separator parts no items.
        let thousands = c == ',' && between(char::is_ascii_digit);
        if matches!(c, ',' | ';' | '/' | '(' | ')' | ':' | '•' | '|') && !joined_caps && !thousands
        {
            cuts.push((i, i + c.len_utf8()));
        }
    }
    let lower = line.to_ascii_lowercase();
    for word in [" and ", " or ", " & "] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(word) {
            cuts.push((from + p, from + p + word.len()));
            from += p + word.len();
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in cuts {
        if a > at {
            out.push((at, a));
        }
        at = at.max(b);
    }
    if at < line.len() {
        out.push((at, line.len()));
    }
    out.retain(|&(a, b)| !line[a..b].trim().is_empty());
    out
}

/// A short item that reads as a product's name: one to three words, written with a capital
/// or a digit or in camel case, and not an ordinary word of job ads.
/// Verbs a posting's bullets open with ("Develop user-facing materials", "Advise teams").
const OPENING_VERBS: &[&str] = &[
    "act",
    "advise",
    "analyse",
    "analyze",
    "architect",
    "assist",
    "automate",
    "be",
    "bring",
    "build",
    "champion",
    "collaborate",
    "communicate",
    "conduct",
    "contribute",
    "coordinate",
    "create",
    "define",
    "deliver",
    "design",
    "develop",
    "discuss",
    "document",
    "drive",
    "empower",
    "enable",
    "engage",
    "ensure",
    "establish",
    "evaluate",
    "execute",
    "explore",
    "facilitate",
    "foster",
    "gather",
    "grow",
    "guide",
    "help",
    "identify",
    "implement",
    "improve",
    "join",
    "keep",
    "lead",
    "learn",
    "maintain",
    "make",
    "manage",
    "mentor",
    "monitor",
    "operate",
    "organise",
    "organize",
    "oversee",
    "own",
    "participate",
    "partner",
    "plan",
    "prepare",
    "present",
    "prioritise",
    "prioritize",
    "promote",
    "provide",
    "report",
    "represent",
    "research",
    "resolve",
    "respond",
    "review",
    "run",
    "scale",
    "serve",
    "set",
    "shape",
    "ship",
    "solve",
    "support",
    "take",
    "teach",
    "track",
    "train",
    "translate",
    "troubleshoot",
    "understand",
    "use",
    "work",
    "write",
];

fn looks_like_a_name(item: &str, common: &HashSet<String>) -> bool {
    let item = item.trim().trim_end_matches('.');
    let words: Vec<&str> = item.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 || item.len() < 2 || item.len() > 30 {
        return false;
    }
    let first = words[0];
    // "Likes: 0 Dislikes: 0 Love: 0": a count before a word is a figure, not a name.
    if words.len() > 1 && first.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    // "Charts", "Graphs", "Forms": a plain plural is a thing, not a product.
    if words.len() == 1
        && first.len() > 4
        && first.ends_with('s')
        && !first.ends_with("ss")
        && first.chars().skip(1).all(|c| c.is_ascii_lowercase())
    {
        return false;
    }
    // "Guide communities", "Discuss", "Ultimately", "these communities": a bullet that opens
    // with what to do, an adverb or a pointing word names nothing.
    let head = first.to_lowercase();
    if OPENING_VERBS.contains(&head.as_str())
        || matches!(
            head.as_str(),
            "these" | "those" | "this" | "that" | "our" | "your" | "their" | "its" | "such"
        )
        || (head.len() > 5 && head.ends_with("ly") && first.chars().skip(1).all(char::is_lowercase))
    {
        return false;
    }
    let named = first.chars().next().is_some_and(char::is_uppercase)
        || first.chars().skip(1).any(char::is_uppercase)
        || first.chars().any(|c| c.is_ascii_digit());
    let ordinary = words.iter().all(|w| {
        let l = w.to_lowercase();
        common.contains(&l) || STOP.contains(&l.as_str()) || GENERIC.contains(&l.as_str())
    });
    // A name holds no lowercase little word or verb form ("YNAB is growing", "Here at
    // Acme", "Experience designing"), and no word of job ads' own ("Bachelor's Degree").
    let clause = words[1..].iter().any(|w| {
        STOP.contains(w) || (w.len() > 4 && w.ends_with("ing") && w.chars().all(char::is_lowercase))
    }) || words
        .iter()
        .any(|w| GENERIC.contains(&w.to_lowercase().as_str()));
    named
        && !ordinary
        && !clause
        && !STOP.contains(&first.to_lowercase().as_str())
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphanumeric() || "+#.-".contains(c)))
}

/// One word written the way products are named and ordinary words never are: camel case
/// ("XCTest", "SwiftLint", "macOS"), a `.js` name, or letters with a version digit ("HTML5",
/// "EC2").
fn product_shaped(item: &str) -> bool {
    if item.split_whitespace().count() != 1 || item.len() < 3 || item.len() > 24 {
        return false;
    }
    if !item
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "+#.-".contains(c))
    {
        return false;
    }
    let letters = item.chars().filter(char::is_ascii_alphabetic).count();
    let lower = item.chars().any(|c| c.is_ascii_lowercase());
    let camel = lower
        && item
            .chars()
            .zip(item.chars().skip(1))
            .any(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase())
        || item.chars().take(2).all(|c| c.is_ascii_uppercase())
            && lower
            && item.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let js = item.to_ascii_lowercase().ends_with(".js") && letters > 3;
    let versioned = item.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && letters >= 2
        && item.chars().any(|c| c.is_ascii_digit());
    camel || js || versioned
}

/// Words that name a kind of tool, before "such as" or "like".
const TOOL_KINDS: &[&str] = &[
    "tool",
    "tools",
    "tooling",
    "framework",
    "frameworks",
    "library",
    "libraries",
    "language",
    "languages",
    "platform",
    "platforms",
    "database",
    "databases",
    "technologies",
    "stack",
    "stacks",
    "services",
    "software",
    "packages",
    "engines",
    "systems",
    "solutions",
    "apis",
    "sdks",
    "ides",
    "editors",
    "environments",
    "clouds",
    "providers",
    "protocols",
    "suites",
];

/// Byte ranges of the examples given after a kind of tool ("tools such as X, Y and Z"), up to
/// the end of the clause.
fn examples_of_tools(line: &str) -> Vec<(usize, usize)> {
    let lower = line.to_ascii_lowercase();
    let mut out = Vec::new();
    for cue in [
        " such as ",
        " like ",
        " e.g. ",
        " e.g ",
        " including ",
        " for example ",
    ] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(cue) {
            let at = from + p;
            from = at + cue.len();
            let before: Vec<&str> = lower[..at]
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let kind_before = before.iter().rev().take(3).any(|w| TOOL_KINDS.contains(w));
            if !kind_before {
                continue;
            }
            let rest = &line[from..];
            let end = rest
                .char_indices()
                .find(|&(i, c)| {
                    matches!(c, ';' | ')' | '!' | '?')
                        || (c == '.' && rest[i + 1..].starts_with(' '))
                })
                .map_or(line.len(), |(i, _)| from + i);
            out.push((from, end));
        }
    }
    out
}

/// Names the lexicon lacks, by their lowercase form: count, best section, as written, order.
type Terms = HashMap<String, (usize, SectionKind, String, usize)>;

/// One more sighting of a name the lexicon lacks.
fn note_term(terms: &mut Terms, item: &str, kind: SectionKind, order: usize) {
    let e = terms
        .entry(item.to_lowercase())
        .or_insert((0, kind, item.to_string(), order));
    e.0 += 1;
    e.1 = better(e.1, kind);
}

/// Weight of a keyword seen `count` times, at best in a section of `kind`.
fn weight(kind: SectionKind, count: usize) -> f32 {
    let w = kind.weight() * (1.0 + (count as f32).ln() * 0.5);
    (w * 100.0).round() / 100.0
}

fn better(a: SectionKind, b: SectionKind) -> SectionKind {
    if b.weight() > a.weight() {
        b
    } else {
        a
    }
}

/// Umbrella fields a posting names in passing ("our web application", "a database", "the
/// mobile app", "the UI"): what the product is, not a skill asked for. Only the field's own
/// name ("web development", "mobile development", "database design") makes it one.
const BROAD_IN_PASSING: &[(&str, &[&str])] = &[
    // "AI-powered", "our AI tools": every posting names it; "artificial intelligence" spelled
    // out, or a practice of it ("machine learning"), is the skill.
    ("artificial-intelligence", &["ai", "ai’s", "ai's"]),
    // "any OS", "Android OS": which system, not the field of operating systems.
    ("operating-systems", &["os"]),
    (
        "web-development",
        &[
            "web",
            "web application",
            "web applications",
            "web apps",
            "webapp",
            "webapps",
            "web technologies",
        ],
    ),
    (
        "mobile",
        &[
            "mobile",
            "mobile applications",
            "mobile apps",
            "native apps",
            "native mobile",
        ],
    ),
    (
        "ui/ux",
        &["ui", "ux", "user interface", "user experience", "gui"],
    ),
    ("databases", &["database", "databases", "dbms"]),
];

/// "Work with data scientists and product managers": the people around the job, not skills.
fn colleagues(surface: &str) -> bool {
    let last = surface
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "scientists"
            | "managers"
            | "engineers"
            | "analysts"
            | "designers"
            | "developers"
            | "architects"
            | "administrators"
            | "researchers"
            | "specialists"
            | "consultants"
            | "owners"
    )
}

fn broad_in_passing(id: &str, surface: &str) -> bool {
    let lower = surface.to_lowercase();
    BROAD_IN_PASSING
        .iter()
        .any(|(i, weak)| *i == id && weak.contains(&lower.as_str()))
}

/// Short forms of degrees, letters only ("B.Sc." is "bsc").
const DEGREE_SHORT: &[&str] = &[
    "bs", "ms", "ba", "ma", "bsc", "msc", "be", "me", "btech", "mtech", "beng", "meng", "phd",
    "mba", "bba", "bca", "mca",
];

/// Words that name a degree, letters only ("bachelor's" is "bachelors").
const DEGREE_WORDS: &[&str] = &[
    "degree",
    "degrees",
    "bachelor",
    "bachelors",
    "master",
    "masters",
    "doctorate",
    "diploma",
    "majoring",
];

/// A word that names a degree: "BSc", "B.S.", "Master's", "PhD", "degree". "BE", "ME" and
/// "MA" count only in capitals or with their full stops: "be", "me" and "ma" are words too.
pub(crate) fn degree_word(word: &str) -> bool {
    let letters: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if matches!(letters.as_str(), "be" | "me" | "ma") {
        return word.contains('.')
            || word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
    }
    DEGREE_SHORT.contains(&letters.as_str()) || DEGREE_WORDS.contains(&letters.as_str())
}

/// Where a line names what to have studied: the field after a degree ("Bachelor's degree
/// in Computer Science or a related field", "BS/MS in Physics", "Master of Data Science") to
/// the end of its clause, and the words just before "degree" ("a Computer Science degree").
pub(crate) fn degree_fields(line: &str) -> Vec<(usize, usize)> {
    // Lower case letter for letter, so that places in it are places in the line.
    let lower = line.to_ascii_lowercase();
    let mut out = Vec::new();
    let words: Vec<(usize, &str)> = lower
        .split_inclusive(|c: char| c.is_whitespace() || c == '/' || c == ',' || c == '(')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w))
        })
        .collect();
    let mut i = 0;
    while i < words.len() {
        let (at, raw) = words[i];
        i += 1;
        // The word as written (the lower case keeps its places), for capitals.
        let written = line[at..at + raw.len()].trim();
        if !degree_word(written) {
            continue;
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        // The clause ends at a sentence's full stop (not an abbreviation's, "B.S. or M.S.
        // in"), a semicolon, or where experience is asked for.
        let rest = &lower[at..];
        let full_stop = rest.match_indices(". ").map(|(k, _)| k).find(|&k| {
            let word = rest[..k].rsplit(char::is_whitespace).next().unwrap_or("");
            word.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !word.contains('.')
        });
        let end = [
            ";",
            " and experience",
            " experience",
            " years",
            " plus ",
            " with ",
        ]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .chain(full_stop)
        .min()
        .unwrap_or(rest.len())
        .min(120);
        let clause = &rest[..end];
        let opener = clause.find(" in ").map(|k| k + 4).or_else(|| {
            (w.starts_with("bachelor") || w.starts_with("master"))
                .then(|| clause.find(" of ").map(|k| k + 4))
                .flatten()
        });
        if let Some(from) = opener {
            let field = clause[from..].trim_end_matches(|c: char| !c.is_alphanumeric());
            if !field.is_empty() {
                out.push((at + from, at + from + field.len()));
            }
            // The rest of the clause names no second degree.
            while i < words.len() && words[i].0 < at + end {
                i += 1;
            }
        } else if w.starts_with("degree") {
            // "a Computer Science degree": back over up to three words.
            let from = words[i.saturating_sub(4)..i - 1]
                .iter()
                .rev()
                .take_while(|(_, x)| !x.contains([',', ';', '.', '(']))
                .last()
                .map(|&(a, _)| a);
            if let Some(from) = from {
                out.push((from, at));
            }
        }
    }
    out
}

/// The keywords of a posting, heaviest first.
pub fn extract_keywords(posting: &Posting) -> Vec<Keyword> {
    let lex = Lexicon::builtin();
    struct Acc {
        section: SectionKind,
        count: usize,
        matched: Vec<String>,
        first: usize,
    }
    let mut skills: HashMap<usize, Acc> = HashMap::new();
    let mut order = 0usize;
    let mut phrase_counts: HashMap<Vec<String>, (usize, SectionKind, String)> = HashMap::new();
    // Names the lexicon lacks, read from how the posting names them.
    let mut terms = Terms::new();
    let bg = background();
    // The hiring company's own name, and the words of it, are never its skills.
    let company: Vec<String> = posting
        .company
        .as_deref()
        .map(|c| {
            let lower = c.to_lowercase();
            let mut v = vec![lower.clone()];
            v.extend(
                lower
                    .split_whitespace()
                    .filter(|w| w.len() > 2)
                    .map(String::from),
            );
            v
        })
        .unwrap_or_default();
    // "Senior Software Engineer | Go": a skill the job's title names, capitalised as a name,
    // is meant wherever the posting names it so.
    let capitalised =
        |c: &super::lexicon::Candidate| c.surface.chars().next().is_some_and(char::is_uppercase);
    let in_title: HashSet<usize> = posting
        .title
        .as_deref()
        .map(|t| {
            lex.candidates(t)
                .into_iter()
                .filter(|c| capitalised(c) && !lex.skill(c.m.skill).soft)
                .map(|c| c.m.skill)
                .collect()
        })
        .unwrap_or_default();
    for section in &posting.sections {
        let mut label_above = false;
        // "- React Native / - Firebase / - Stripe": a run of lines that are each one name is a
        // list, as the same names in one line with commas would be.
        // Every lexicon match of each line, read once for the section.
        let mut section_candidates: Vec<Vec<super::lexicon::Candidate>> = section
            .lines
            .iter()
            .map(|(_, line)| lex.candidates(line))
            .collect();
        let name_lines: Vec<bool> = section
            .lines
            .iter()
            .zip(&section_candidates)
            .map(|((_, line), candidates)| {
                let t = line.trim().trim_end_matches([',', ';']);
                let lead = line.len() - line.trim_start().len();
                let words = t.split_whitespace().count();
                (1..=3).contains(&words)
                    && !t.ends_with(['.', ':', '!', '?'])
                    && (candidates
                        .iter()
                        .any(|c| c.m.start == lead && c.m.end == lead + t.len())
                        || looks_like_a_name(t, bg)
                        || product_shaped(t))
            })
            .collect();
        let in_name_run: Vec<bool> = (0..name_lines.len())
            .map(|i| {
                let start = (0..=i).rev().take_while(|&k| name_lines[k]).last();
                let end = (i..name_lines.len()).take_while(|&k| name_lines[k]).last();
                matches!((start, end), (Some(a), Some(b)) if b - a + 1 >= 3)
            })
            .collect();
        for (li, (kind, line)) in section.lines.iter().enumerate() {
            // "Industry: Financial Services", or the label on a line of its own above: the
            // posting's own field, a domain to know.
            let industry_label = std::mem::replace(
                &mut label_above,
                line.trim().eq_ignore_ascii_case("industry:"),
            );
            // Every lexicon match is weighed in its context by the fitted model; soft skills
            // keep the dictionary's own rule.
            let candidates = std::mem::take(&mut section_candidates[li]);
            // "Follow us on Twitter, Instagram and Medium": the company's channels, not skills.
            let channels = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| SOCIAL.contains(&w.to_lowercase().as_str()))
                .count();
            // Read only where a field is named: most lines name none.
            let studies = if candidates
                .iter()
                .any(|c| lex.skill(c.m.skill).category == "field")
            {
                degree_fields(line)
            } else {
                Vec::new()
            };
            let orgs = organisations_named(line);
            let among_orgs = |at: usize| orgs.is_some_and(|(a, b)| at >= a && at < b);
            // A list item that names the company itself or one it names as a customer.
            let another_firm =
                |item: &str, at: usize| company.contains(&item.to_lowercase()) || among_orgs(at);
            let allowed = |c: &super::lexicon::Candidate| {
                if among_orgs(c.m.start) {
                    return false;
                }
                // A language to speak is a requirement, not a skill to prepare answers for.
                let skill = lex.skill(c.m.skill);
                // "BS in Computer Science or a related field": what to have studied, which the
                // requirements show as the degree.
                if skill.category == "field"
                    && studies.iter().any(|&(a, b)| c.m.start >= a && c.m.end <= b)
                {
                    return false;
                }
                if broad_in_passing(&skill.id, &c.surface) || colleagues(&c.surface) {
                    return false;
                }
                if verb_and_object(c, skill) || plain_word_for_odd_name(c, skill) {
                    return false;
                }
                let own = super::lexicon::bare(&c.surface).to_lowercase();
                skill.category != "spoken language"
                    && !company.contains(&own)
                    && !(channels >= 2 && SOCIAL.contains(&c.surface.to_lowercase().as_str()))
            };
            let mut kept: Vec<bool> = candidates
                .iter()
                .map(|c| {
                    allowed(c)
                        && if in_title.contains(&c.m.skill) && capitalised(c) {
                            true
                        } else if lex.skill(c.m.skill).soft {
                            !c.ambiguous || c.context_ok
                        } else if lex.skill(c.m.skill).category == "industry"
                            && (industry_label || c.before.last().is_some_and(|w| w == "industry"))
                        {
                            true
                        } else {
                            super::context::keep(c, lex, bg)
                        }
                })
                .collect();
            if in_name_run[li]
                && matches!(
                    kind,
                    SectionKind::Required | SectionKind::Preferred | SectionKind::Responsibilities
                )
            {
                let t = line.trim().trim_end_matches([',', ';']);
                let lead = line.len() - line.trim_start().len();
                for (i, c) in candidates.iter().enumerate() {
                    if c.m.start == lead
                        && c.m.end == lead + t.len()
                        && allowed(c)
                        && !lex.skill(c.m.skill).soft
                    {
                        kept[i] = true;
                    }
                }
            }
            // A name in a list of other skills is a skill ("Grafana, Loki, Tempo";
            // "pandas, xgboost, LightGBM"): list-mates of two kept skills are kept too, and a
            // product-like name the lexicon lacks becomes a keyword of its own.
            let items = list_items(line);
            let holds = |(a, b): (usize, usize), kept: &[bool]| {
                candidates
                    .iter()
                    .zip(kept)
                    .any(|(c, k)| *k && c.m.start < b && c.m.end > a)
            };
            // Names read through a coordination ("mobile games and apps") make no list.
            let listed = items
                .iter()
                .filter(|&&(a, b)| {
                    candidates
                        .iter()
                        .zip(&kept)
                        .any(|(c, k)| *k && !c.shared && c.m.start < b && c.m.end > a)
                })
                .count();
            let technical = matches!(
                kind,
                SectionKind::Required
                    | SectionKind::Preferred
                    | SectionKind::Responsibilities
                    | SectionKind::Summary
            );
            // A list made only of names ("Gherkin, XCTest, Robolectric, Espresso") is a list
            // of tools even when the lexicon knows none of them.
            let all_names = technical
                && items.len() >= 3
                && items.iter().all(|&(a, b)| {
                    holds((a, b), &kept) || looks_like_a_name(line[a..b].trim(), bg)
                });
            // Beside one known skill, only names shaped like products ("XCTest", "gatsby.js",
            // "HTML5") are taken.
            let beside_one = technical && listed >= 1 && items.len() >= 2;
            if (listed >= 2 && items.len() >= 3) || all_names || beside_one {
                let full = (listed >= 2 && items.len() >= 3) || all_names;
                for &(a, b) in &items {
                    if holds((a, b), &kept) {
                        continue;
                    }
                    let item = line[a..b].trim().trim_end_matches('.');
                    // "SwiftLint" is a tool of its own, not Swift.
                    let whole = candidates
                        .iter()
                        .any(|c| c.m.start >= a && c.m.end <= b && c.surface.len() >= item.len());
                    if !full || (product_shaped(item) && !whole) {
                        if product_shaped(item) && !another_firm(item, a) {
                            note_term(&mut terms, item, *kind, order);
                        }
                        continue;
                    }
                    let mut any = false;
                    for (i, c) in candidates.iter().enumerate() {
                        // An ordinary word in lowercase ("make", "it") stays a word.
                        let word_like = c.ambiguous
                            && !c
                                .surface
                                .chars()
                                .any(|ch| ch.is_uppercase() || "+#.".contains(ch))
                            && (bg.contains(&c.surface.to_lowercase()) || c.surface.len() <= 3);
                        if c.m.start >= a
                            && c.m.end <= b
                            && allowed(c)
                            && !word_like
                            && !lex.skill(c.m.skill).soft
                        {
                            kept[i] = true;
                            any = true;
                        }
                    }
                    if !any {
                        let item = line[a..b].trim();
                        if looks_like_a_name(item, bg) && !another_firm(item, a) {
                            note_term(&mut terms, item, *kind, order);
                        }
                    }
                }
            }
            // "CI/CD tooling such as Bitrise", "frameworks like vLLM or JetStream": names
            // given as examples of a kind of tool are tools.
            if technical {
                for (a, b) in examples_of_tools(line) {
                    for &(x, y) in &list_items(&line[a..b]) {
                        let (x, y) = (a + x, a + y);
                        if holds((x, y), &kept) {
                            continue;
                        }
                        let item = line[x..y].trim().trim_end_matches('.');
                        if !(looks_like_a_name(item, bg) || product_shaped(item))
                            || another_firm(item, x)
                        {
                            break;
                        }
                        let inside: Vec<usize> = candidates
                            .iter()
                            .enumerate()
                            .filter(|(_, c)| c.m.start >= x && c.m.end <= y && allowed(c))
                            .map(|(i, _)| i)
                            .collect();
                        if inside.is_empty() {
                            note_term(&mut terms, item, *kind, order);
                        } else {
                            for i in inside {
                                kept[i] = true;
                            }
                        }
                    }
                }
            }
            let mut matches: Vec<super::lexicon::SkillMatch> = candidates
                .into_iter()
                .zip(kept)
                .filter(|(_, k)| *k)
                .map(|(c, _)| c.m)
                .collect();
            // "CI, CD", "Continuous Integration/Deployment": the two named together are CI/CD.
            let at = |id: &str| {
                lex.index_of(id)
                    .and_then(|i| matches.iter().position(|m| m.skill == i))
            };
            if let (Some(ci), Some(cd), Some(both)) = (
                at("continuous-integration"),
                at("continuous-delivery"),
                lex.index_of("ci-cd"),
            ) {
                let (a, b) = (
                    matches[ci].start.min(matches[cd].start),
                    matches[ci].end.max(matches[cd].end),
                );
                if b - a <= 40 {
                    matches[ci] = super::lexicon::SkillMatch {
                        skill: both,
                        start: a,
                        end: b,
                    };
                    matches.remove(cd);
                }
            }
            let mut covered = vec![false; line.len() + 1];
            for m in &matches {
                order += 1;
                let surface = line[m.start..m.end].to_string();
                let acc = skills.entry(m.skill).or_insert(Acc {
                    section: *kind,
                    count: 0,
                    matched: Vec::new(),
                    first: order,
                });
                acc.count += 1;
                acc.section = better(acc.section, *kind);
                if !acc.matched.contains(&surface) {
                    acc.matched.push(surface);
                }
                for c in covered.iter_mut().take(m.end).skip(m.start) {
                    *c = true;
                }
            }
            // Phrase candidates: runs of 2-3 content words outside any skill.
            let tokens = lex.tokenize(line);
            let mut run: Vec<(String, usize, usize)> = Vec::new();
            let mut flush = |run: &mut Vec<(String, usize, usize)>| {
                for n in 2..=3 {
                    for w in run.windows(n) {
                        let words: Vec<String> = w.iter().map(|t| t.0.clone()).collect();
                        let surface = line[w[0].1..w[n - 1].2].to_string();
                        let e = phrase_counts.entry(words).or_insert((0, *kind, surface));
                        e.0 += 1;
                        e.1 = better(e.1, *kind);
                    }
                }
                run.clear();
            };
            for t in &tokens {
                let content = t.norm.chars().all(|c| c.is_alphabetic() || c == '-')
                    && t.norm.len() > 2
                    && !STOP.contains(&t.norm.as_str())
                    && !covered.get(t.start).copied().unwrap_or(false);
                if content {
                    run.push((t.norm.clone(), t.start, t.end));
                } else {
                    flush(&mut run);
                }
            }
            flush(&mut run);
        }
    }
    // "AWS Aurora", "Azure Functions": a service named with its platform names the platform;
    // "Bash scripting" names Bash.
    let platforms: Vec<(usize, Acc)> = skills
        .iter()
        .filter_map(|(&idx, acc)| {
            let platform = acc.matched.iter().find_map(|m| {
                let lower = m.to_lowercase();
                let platform = [
                    ("aws ", "aws"),
                    ("amazon ", "aws"),
                    ("azure ", "azure"),
                    ("microsoft azure ", "azure"),
                    ("google cloud ", "gcp"),
                    ("gcp ", "gcp"),
                ]
                .into_iter()
                .find(|(p, _)| lower.starts_with(p) && lower.len() > p.len());
                if let Some((prefix, id)) = platform {
                    return Some((lex.index_of(id)?, m[..prefix.len()].trim().to_string()));
                }
                // "Bash scripting", "Python programming": the language it is done in.
                let (first, rest) = m.split_once(' ')?;
                if !matches!(
                    rest.to_lowercase().as_str(),
                    "scripting" | "programming" | "scripts"
                ) {
                    return None;
                }
                let language = lex.lookup(first)?;
                (language.category == "programming language")
                    .then(|| Some((lex.index_of(&language.id)?, first.to_string())))
                    .flatten()
            })?;
            (platform.0 != idx && !skills.contains_key(&platform.0)).then(|| {
                (
                    platform.0,
                    Acc {
                        section: acc.section,
                        count: 1,
                        matched: vec![platform.1],
                        first: acc.first,
                    },
                )
            })
        })
        .collect();
    for (idx, acc) in platforms {
        skills.entry(idx).or_insert(acc);
    }
    let mut out: Vec<(usize, Keyword)> = skills
        .into_iter()
        .map(|(idx, acc)| {
            let skill = lex.skill(idx);
            (
                acc.first,
                Keyword {
                    id: skill.id.clone(),
                    name: skill.name.clone(),
                    kind: if skill.soft {
                        KeywordKind::SoftSkill
                    } else {
                        KeywordKind::HardSkill
                    },
                    section: acc.section,
                    weight: weight(acc.section, acc.count),
                    count: acc.count,
                    category: Some(skill.category.clone()),
                    matched: acc.matched,
                    group: String::new(),
                    years: None,
                },
            )
        })
        .collect();
    for (key, (count, kind, surface, first)) in terms {
        // "SOC Analyst", "GRC Analyst": a job named in a list of colleagues; "Inc.": the
        // legal form of a company named in a list.
        let last = key
            .split_whitespace()
            .last()
            .unwrap_or("")
            .trim_end_matches('.');
        let role_or_form = matches!(
            last,
            "analyst"
                | "analysts"
                | "engineer"
                | "engineers"
                | "developer"
                | "developers"
                | "manager"
                | "managers"
                | "specialist"
                | "specialists"
                | "designer"
                | "designers"
                | "architect"
                | "architects"
                | "scientist"
                | "scientists"
                | "director"
                | "inc"
                | "llc"
                | "ltd"
                | "gmbh"
        ) || degree_word(&key);
        if role_or_form
            || out
                .iter()
                .any(|(_, k)| k.name.eq_ignore_ascii_case(&surface))
            || kind.weight() <= 0.0
        {
            continue;
        }
        out.push((
            first,
            Keyword {
                id: format!(
                    "term:{}",
                    key.split_whitespace().collect::<Vec<_>>().join("-")
                ),
                name: surface.clone(),
                kind: KeywordKind::HardSkill,
                section: kind,
                weight: weight(kind, count),
                count,
                category: Some("technology".into()),
                matched: vec![surface],
                group: String::new(),
                years: None,
            },
        ));
    }
    // Phrases: repeated, or in the requirements, made of words rare in ordinary job ads.
    let mut phrases: Vec<(Vec<String>, usize, SectionKind, String)> = phrase_counts
        .into_iter()
        .filter(|(words, (count, kind, _))| {
            let rare = words.iter().filter(|w| !bg.contains(w.as_str())).count();
            let strong_section = matches!(
                kind,
                SectionKind::Required | SectionKind::Responsibilities | SectionKind::Preferred
            );
            kind.weight() > 0.0
                && looks_like_a_term(words)
                && !words.iter().any(|w| company.iter().any(|c| c == w))
                && rare >= 1
                && *count >= 3
                && (strong_section || rare == words.len())
        })
        .map(|(w, (c, k, s))| (w, c, k, s))
        .collect();
    phrases.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.0.cmp(&b.0))
    });
    let mut taken: Vec<Vec<String>> = Vec::new();
    for (words, count, kind, surface) in phrases {
        if taken.len() >= MAX_PHRASES {
            break;
        }
        // A run of capitalised words ("San Francisco", "Series B") names a place or a
        // company, not a skill.
        if surface
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            continue;
        }
        // Skip a phrase inside (or around) one already taken.
        let joined = words.join(" ");
        if taken.iter().any(|t| {
            let tj = t.join(" ");
            tj.contains(&joined) || joined.contains(&tj)
        }) {
            continue;
        }
        taken.push(words.clone());
        order += 1;
        out.push((
            order,
            Keyword {
                id: format!("phrase:{}", words.join("-")),
                name: joined,
                kind: KeywordKind::Phrase,
                section: kind,
                weight: (weight(kind, count) * 0.7 * 100.0).round() / 100.0,
                count,
                category: None,
                matched: vec![surface],
                group: String::new(),
                years: None,
            },
        ));
    }
    out.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight).then(a.0.cmp(&b.0)));
    out.into_iter().map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::posting::parse_text;

    #[test]
    fn fields_of_study_are_the_degree_and_a_platform_service_names_its_platform() {
        let p = parse_text(
            "## Requirements\n- B.S. or M.S. in Computer Science, Physics or a related field\n\
             - A Statistics degree, or 3 years of experience\n\
             - Our data sits on AWS Aurora and Azure Functions\n\
             - Knowledge of statistics, physics and Python\n",
        );
        let k = extract_keywords(&p);
        let ids: Vec<&str> = k.iter().map(|k| k.id.as_str()).collect();
        assert!(!ids.contains(&"computer-science"), "{ids:?}");
        assert!(!ids.iter().any(|id| id.starts_with("term:")), "{ids:?}");
        for id in ["amazon-aurora", "aws", "azure", "statistics", "python"] {
            assert!(ids.contains(&id), "{id} in {ids:?}");
        }
        // "CI, CD" is CI/CD; "Bash scripting" names Bash; a degree written short is no term.
        let p = parse_text(
            "## Requirements\n- CI, CD, Bash scripting, Kubernetes, AppDynamics\n- B.Sc. in Physics\n\
             - Guide communities, Discuss, Ultimately\n",
        );
        let ids: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.id).collect();
        for id in ["ci-cd", "bash", "kubernetes"] {
            assert!(ids.iter().any(|x| x == id), "{id} in {ids:?}");
        }
        assert!(!ids
            .iter()
            .any(|x| x == "continuous-integration" || x.starts_with("term:b")));
        assert!(
            !ids.iter()
                .any(|x| x.contains("guide") || x.contains("ultimately")),
            "{ids:?}"
        );
        // The title names Go, so Go is the language where the posting names it; "AI" in
        // passing is no skill, and the language after the bar is no company.
        let p = parse_text(
            "# Senior Software Engineer | Go\n\nOur AI-powered platform is built in Go.\n\n\
             ## Requirements\n- 3+ years developing server applications using Go\n",
        );
        assert_eq!(crate::jobs::posting::infer_company(&p), None);
        let ids: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.id).collect();
        assert!(ids.iter().any(|x| x == "go"), "{ids:?}");
        assert!(
            !ids.iter().any(|x| x == "artificial-intelligence"),
            "{ids:?}"
        );
        // One name per line, three lines or more: a list, so "Stripe" there is the product.
        let p =
            parse_text("## Requirements\n- React Native\n- Firebase\n- Stripe\n- Facebook SDK\n");
        let ids: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.id).collect();
        assert!(ids.iter().any(|x| x == "stripe"), "{ids:?}");
        // Named only in the degree, statistics is no skill.
        let p = parse_text("## Requirements\n- A Statistics degree\n- Python\n");
        assert!(!extract_keywords(&p).iter().any(|k| k.id == "statistics"));
        let line = "BS/MS in Computer Science, Physics or a related field with 5 years of Go";
        let spans = degree_fields(line);
        assert_eq!(
            spans.iter().map(|&(a, b)| &line[a..b]).collect::<Vec<_>>(),
            ["Computer Science, Physics or a related field"]
        );
        // "be" and "me" are words; "BE" and "B.E." are degrees.
        assert!(degree_word("B.E.") && degree_word("BE") && degree_word("Master's"));
        assert!(!degree_word("be") && !degree_word("me") && !degree_word("Python"));
        assert!(degree_fields("you will be in charge of Computer Vision").is_empty());
        // Letters whose lower case is longer in bytes move nothing.
        let line = "İSTANBUL: BS in Computer Science";
        let spans = degree_fields(line);
        assert_eq!(
            spans.iter().map(|&(a, b)| &line[a..b]).collect::<Vec<_>>(),
            ["Computer Science"]
        );
        let line = "A Computer Science degree or a Master of Data Science.";
        let spans = degree_fields(line);
        assert_eq!(
            spans.iter().map(|&(a, b)| &line[a..b]).collect::<Vec<_>>(),
            ["A Computer Science ", "Data Science"]
        );
    }

    #[test]
    fn skills_with_sections_weights_and_counts() {
        let p = parse_text(
            "## Requirements\n- Python and Kubernetes (k8s) in production\n- Strong communication skills\n\n## Nice to have\n- Terraform\n\n## Benefits\n- Gym and a Python book budget\n",
        );
        let k = extract_keywords(&p);
        let get = |name: &str| {
            k.iter()
                .find(|k| k.name.eq_ignore_ascii_case(name))
                .unwrap_or_else(|| panic!("{name} in {k:?}"))
        };
        let kube = get("Kubernetes");
        assert_eq!(kube.count, 2);
        assert_eq!(kube.section, SectionKind::Required);
        assert_eq!(kube.kind, KeywordKind::HardSkill);
        assert!(kube.matched.contains(&"k8s".to_string()));
        assert_eq!(get("Python").section, SectionKind::Required);
        let tf = get("Terraform");
        assert_eq!(tf.section, SectionKind::Preferred);
        assert!(tf.weight < kube.weight);
        assert_eq!(
            k.iter().find(|k| k.id == "communication").unwrap().kind,
            KeywordKind::SoftSkill
        );
        assert!(!k.iter().any(|k| k.name.to_lowercase().contains("gym")));
    }

    #[test]
    fn generic_phrases_are_not_offered() {
        let p = parse_text(
            "## Requirements\n- We provide technical solutions to clients\n- Our technical solutions ship daily\n\
             - Getting married? Getting married matters to us\n- Especially dive deep; especially dive in\n",
        );
        let names: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.name).collect();
        for bad in ["technical solutions", "getting married", "especially dive"] {
            assert!(!names.iter().any(|n| n.contains(bad)), "{bad} in {names:?}");
        }
    }

    #[test]
    fn umbrella_fields_named_in_passing_are_no_skills() {
        let p = parse_text(
            "## About us\nOur web application and mobile apps store everything in one database.\n\n\
             ## Requirements\n- 3+ years of web development in TypeScript\n- Database design for PostgreSQL\n",
        );
        let names: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.name).collect();
        assert!(names.iter().any(|n| n == "Web development"), "{names:?}");
        assert!(names.iter().any(|n| n == "Databases"), "{names:?}");
        assert!(
            !names.iter().any(|n| n == "Mobile development"),
            "{names:?}"
        );
        // Colleagues are no skills either.
        let p = parse_text(
            "## Responsibilities\n- Work closely with data scientists and product managers\n- Build models in PyTorch\n",
        );
        let names: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.name).collect();
        assert!(names.iter().any(|n| n == "PyTorch"), "{names:?}");
        assert!(!names.iter().any(|n| n == "Data science"), "{names:?}");
        let p = parse_text("## Requirements\n- Experience with our web application\n- Rust\n");
        let names: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.name).collect();
        assert!(!names.iter().any(|n| n == "Web development"), "{names:?}");
    }

    #[test]
    fn names_in_lists_of_skills_are_skills() {
        let p = parse_text(
            "## Requirements\n- Observability with the Prometheus ecosystem; Grafana, Loki, Tempo\n\
             - ML libraries such as pandas, xgboost, LightGBM and scikit-learn\n\
             - You make things happen, and it shows\n",
        );
        let names: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.name).collect();
        for want in [
            "Prometheus",
            "Grafana",
            "Grafana Loki",
            "Grafana Tempo",
            "pandas",
            "LightGBM",
        ] {
            assert!(
                names.iter().any(|n| n.eq_ignore_ascii_case(want)),
                "{want} missing from {names:?}"
            );
        }
        for noise in ["Make", "Information technology"] {
            assert!(!names.iter().any(|n| n == noise), "{noise} in {names:?}");
        }
    }

    #[test]
    fn the_industry_field_is_a_domain_and_page_counts_are_no_names() {
        for text in [
            "Job type: Full-time Industry: Financial Services Company size: 1k+ people\n",
            "Industry:\nFinancial Services\nCompany size:\n1k+ people\n",
        ] {
            let names: Vec<String> = extract_keywords(&parse_text(text))
                .into_iter()
                .map(|k| k.name)
                .collect();
            assert!(
                names.iter().any(|n| n == "Financial services"),
                "{text}: {names:?}"
            );
        }
        let names: Vec<String> = extract_keywords(&parse_text(
            "## Requirements\n- Likes: 0 Dislikes: 0 Love: 0 Job description: Python, Go\n",
        ))
        .into_iter()
        .map(|k| k.name.to_lowercase())
        .collect();
        assert!(names.iter().all(|n| !n.contains("love")), "{names:?}");
    }

    #[test]
    fn customers_investors_and_the_company_itself_are_no_skills() {
        let text = "## Support Engineer\n\n\
            Vexlo's mission is to keep open source secure. Developers who use Vexlo find and \
            fix risky dependencies. Over 100,000 developers depend on Vexlo today. We have many \
            large organisations on board, including Google, New Relic, and Zalando.\n\n\
            ## Requirements\n\
            - You know how Vexlo fits into CI pipelines and talk to Vexlo users\n\
            - Experience with Python and PostgreSQL, backed by managed BigQuery storage\n\
            - Ship changes in a safe and efficient manner with Docker and Terraform\n\
            - You will design systems that scale, in Rust\n";
        let p = parse_text(text);
        assert_eq!(p.company.as_deref(), Some("Vexlo"));
        let names: Vec<String> = extract_keywords(&p).into_iter().map(|k| k.name).collect();
        // Nor is "safe" the SAFe framework.
        // Nor "design systems" a verb with its object.
        for not in [
            "Design systems",
            "Vexlo",
            "Google",
            "New Relic",
            "Zalando",
            "Over 100",
            "SAFe",
        ] {
            assert!(!names.iter().any(|n| n == not), "{not}: {names:?}");
        }
        for want in ["Python", "PostgreSQL", "BigQuery"] {
            assert!(names.iter().any(|n| n.contains(want)), "{want}: {names:?}");
        }
    }

    #[test]
    fn tools_the_lexicon_lacks_are_read_from_how_they_are_named() {
        let p = parse_text(
            "## Requirements\n- Gherkin, XCTest, Robolectric, Espresso\n\
             - Swift, SwiftLint, Periphery and Sourcery\n\
             - Experience working with CI/CD tooling such as Bitrise\n\
             - LLM inference using frameworks like vLLM or JetStream\n\
             - SSR frameworks, e.g. next.js, gatsby.js\n\
             - Comfort with Linux/Unix operating systems; performing penetration tests\n\
             - Excel (pivot tables, Index/Match, Charts/Graphs)\n\
             - You will work with people such as Alice and Bob\n",
        );
        let names: Vec<String> = extract_keywords(&p)
            .into_iter()
            .map(|k| k.name.to_lowercase())
            .collect();
        for want in [
            "gherkin",
            "xctest",
            "robolectric",
            "swiftlint",
            "bitrise",
            "vllm",
            "gatsby",
            "linux",
            "unix",
            "penetration testing",
        ] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
        for noise in ["charts", "graphs", "index", "match", "alice", "bob"] {
            assert!(!names.iter().any(|n| n == noise), "{noise} in {names:?}");
        }
    }

    #[test]
    fn phrases_no_lexicon_holds() {
        let p = parse_text(
            "## Responsibilities\n- Plan shard rebalancing across markets\n- Own model serving latency\n- Automate shard rebalancing checks\n- Audit shard rebalancing weekly\n",
        );
        let k = extract_keywords(&p);
        assert!(
            k.iter()
                .any(|k| k.kind == KeywordKind::Phrase && k.name == "shard rebalancing"),
            "{k:?}"
        );
    }

    #[test]
    fn clauses_time_zones_and_benefits_are_no_skills() {
        let p = parse_text(
            "## About us\nNorthwind is growing, and so is our team. Here at Northwind, we build tools.\n\n## Requirements\n- Go, PostgreSQL, Kafka and Kubernetes\n- Live between the Pacific Time Zone (UTC-8), Central European Time Zone (UTC+1), or Eastern Time Zone (UTC-5)\n\n## Benefits\n- Health and dental insurance, parental leave, a learning stipend\n",
        );
        let k = extract_keywords(&p);
        let names: Vec<String> = k.iter().map(|k| k.name.to_lowercase()).collect();
        for want in ["go", "postgresql", "apache kafka", "kubernetes"] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
        for noise in [
            "northwind is growing",
            "here at northwind",
            "time zone",
            "dental insurance",
        ] {
            assert!(
                !names.iter().any(|n| n.contains(noise)),
                "{noise} in {names:?}"
            );
        }
    }

    #[test]
    fn channels_degrees_and_split_names_are_no_skills() {
        let p = parse_text(
            "## Requirements\n- Experience designing A/B tests, with SQL, Python and Airflow\n- Bachelor's Degree, Experience designing, Snowflake, dbt\n\n## About us\nFollow us on Twitter, Instagram and Medium.\n",
        );
        let k = extract_keywords(&p);
        let names: Vec<String> = k.iter().map(|k| k.name.to_lowercase()).collect();
        for noise in [
            "b tests",
            "twitter",
            "instagram",
            "medium",
            "experience designing",
            "degree",
        ] {
            assert!(
                !names.iter().any(|n| n.contains(noise)),
                "{noise} in {names:?}"
            );
        }
        for want in ["sql", "python", "apache airflow"] {
            assert!(
                names.iter().any(|n| n == want),
                "{want} missing from {names:?}"
            );
        }
    }
}
