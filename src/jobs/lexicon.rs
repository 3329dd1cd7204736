//! The skills lexicon: canonical skill ids with their aliases, and the tokenizer and matcher
//! that find them in postings and answers alike.
//!
//! The lexicon ships in `assets/skills/skills.tsv` (built by `tools/build_lexicon.py`; see
//! `assets/skills/ATTRIBUTION.md`). Matching works on tokens: a token starts at a letter or
//! digit (or at a `.` followed by one, for `.NET`), keeps inner `.`, `&` and `'` between
//! letters or digits (`Node.js`, `ASP.NET`, `R&D`) and a trailing run of `+`/`#` (`C++`,
//! `C#`); `-`, `/`, spaces and other punctuation separate tokens (so `CI/CD` is `ci cd` and
//! `scikit-learn` is `scikit learn`, whatever the spelling). Every alias becomes a token
//! sequence keyed by its first token; at each position the longest alias wins. Aliases marked
//! `~` in the data are ordinary words too (`Go`, `R`, `Swift`, `Spring`, `Excel`): they count
//! only in a technical context, see [`Lexicon::find`].

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const SKILLS_TSV: &str = include_str!("../../assets/skills/skills.tsv");

/// One skill: a technology, tool, method, field or soft skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: String,
    pub soft: bool,
    /// Chosen by hand or by devicon, not only harvested from tag synonyms or annotations.
    pub vetted: bool,
    /// Known only as a Stack Overflow tag (a long tail with many ordinary words).
    pub tags_only: bool,
}

/// A token of text: its normalised form and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub norm: String,
    pub start: usize,
    pub end: usize,
}

/// A skill found in text, with the byte range of the words that named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillMatch {
    pub skill: usize,
    pub start: usize,
    pub end: usize,
}

/// A lexicon match with its context, before any decision about it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub m: SkillMatch,
    /// The words as written.
    pub surface: String,
    pub tokens: usize,
    /// Its alias is also an ordinary word or needs a technical context.
    pub ambiguous: bool,
    /// The hand rule for ambiguous names accepts it here.
    pub context_ok: bool,
    /// Its line is a list of technologies.
    pub dense: bool,
    /// Other unambiguous skills on its line.
    pub neighbours: usize,
    /// Up to three lowercase words before it on its line, and the one after.
    pub before: Vec<String>,
    pub after: Option<String>,
    /// It opens its line.
    pub line_start: bool,
    /// Read through a coordination: "unit" in "unit and integration testing" names unit
    /// testing.
    pub shared: bool,
}

struct Cand<'p> {
    a: usize,
    b: usize,
    pat: &'p Pattern,
    /// Read through a coordination ("unit" in "unit and integration testing").
    shared: bool,
}

struct RawCand<'p> {
    a: usize,
    b: usize,
    pat: &'p Pattern,
    dense: bool,
    shared: bool,
}

/// A token with its surface and line, as the matcher sees it.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub lower: String,
    pub line: usize,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// `word` is the plural of `stem` ("tests" of "test", "switches" of "switch").
fn plural_of(word: &str, stem: &str) -> bool {
    stem.len() >= 3
        && !stem.ends_with('s')
        && (word.strip_suffix('s') == Some(stem)
            || (word.strip_suffix("es") == Some(stem)
                && (stem.ends_with("sh") || stem.ends_with("ch") || stem.ends_with('x'))))
}

/// Every written form of the verbs of [`ACTIONS`] ("review", "reviews", "reviewed",
/// "planned", "analysing"), each with the nouns it is the action of.
fn action_forms() -> &'static HashMap<String, Vec<&'static str>> {
    static FORMS: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms: HashMap<String, Vec<&'static str>> = HashMap::new();
        for (noun, verbs) in ACTIONS {
            for v in verbs.iter() {
                let last = &v[v.len() - 1..];
                let mut written = vec![
                    v.to_string(),
                    format!("{v}s"),
                    format!("{v}ed"),
                    // "planned", "scanned": the last letter doubled.
                    format!("{v}{last}ed"),
                ];
                if v.ends_with('e') {
                    written.push(format!("{v}d"));
                }
                for f in written {
                    let e = forms.entry(f).or_default();
                    if !e.contains(noun) {
                        e.push(noun);
                    }
                }
            }
        }
        forms
    })
}

/// The version of how text is read against the lexicon (coordinations, practices written as
/// what is done, variants): raised when a change would give cards other skills, so that
/// libraries re-read them, as they do when the lexicon's data changes.
const READING: u32 = 5;

/// Words that open a phrase of their own: an object of action never lies past them.
const PHRASE_WORDS: &[&str] = &[
    "to", "in", "on", "at", "for", "with", "by", "from", "into", "onto", "as", "than", "that",
    "which", "who", "using", "across", "via", "of", "over", "under", "through", "within", "is",
    "are", "was", "were", "be", "will", "can",
];

/// Nouns of action that end a practice's name ("performance optimization", "vulnerability
/// management"), with the verb forms a posting writes the same practice with ("optimize
/// performance", "managing vulnerabilities").
const ACTIONS: &[(&str, &[&str])] = &[
    ("optimization", OPTIMIZE),
    ("optimisation", OPTIMIZE),
    ("management", &["manage", "managing"]),
    ("review", &["review", "reviewing"]),
    ("reviews", &["review", "reviewing"]),
    ("design", &["design", "designing"]),
    ("visualization", VISUALIZE),
    ("visualisation", VISUALIZE),
    (
        "analysis",
        &["analyze", "analyzing", "analyse", "analysing"],
    ),
    ("testing", &["test", "testing"]),
    ("automation", &["automate", "automating"]),
    ("gathering", &["gather", "gathering"]),
    ("monitoring", &["monitor", "monitoring"]),
    ("deployment", &["deploy", "deploying"]),
    ("integration", &["integrate", "integrating"]),
    ("modeling", MODEL),
    ("modelling", MODEL),
    ("profiling", &["profile", "profiling"]),
    ("tuning", &["tune", "tuning"]),
    ("scanning", &["scan", "scanning"]),
    ("planning", &["plan", "planning"]),
    ("remediation", &["remediate", "remediating"]),
    ("segmentation", &["segment", "segmenting"]),
    (
        "prioritization",
        &["prioritize", "prioritizing", "prioritise", "prioritising"],
    ),
    ("validation", &["validate", "validating"]),
    ("migration", &["migrate", "migrating"]),
    ("administration", &["administer", "administering"]),
    ("orchestration", &["orchestrate", "orchestrating"]),
    ("troubleshooting", &["troubleshoot", "troubleshooting"]),
    ("maintenance", &["maintain", "maintaining"]),
    ("mining", &["mine", "mining"]),
];
const OPTIMIZE: &[&str] = &["optimize", "optimizing", "optimise", "optimising"];
const VISUALIZE: &[&str] = &["visualize", "visualizing", "visualise", "visualising"];
const MODEL: &[&str] = &["model", "modeling", "modelling"];

/// `word` is the plural of `stem`, "-ies" of "-y" included ("vulnerabilities").
fn plural_or_ies(word: &str, stem: &str) -> bool {
    plural_of(word, stem)
        || stem.strip_suffix('y').is_some_and(|s| {
            s.len() >= 3
                && !s.ends_with(['a', 'e', 'o', 'u'])
                && word.strip_suffix("ies") == Some(s)
        })
}

/// A token without its possessive ending ("CDN" of "CDN’s", "cdn" of "cdn's"), if it has one.
fn possessive_stem(token: &str) -> Option<&str> {
    token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("\u{2019}s"))
        .filter(|stem| stem.chars().count() >= 2)
}

/// A token as written, without a possessive ending.
pub(crate) fn bare(text: &str) -> &str {
    possessive_stem(text).unwrap_or(text)
}

/// Words that never stand for a shared part of a coordinated name.
const COORD_STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "as",
    "by",
    "at",
    "is",
    "are",
    "be",
    "our",
    "your",
    "their",
    "its",
    "we",
    "you",
    "both",
    "either",
    "other",
    "all",
    "any",
    "new",
    "strong",
    "good",
    "great",
    "solid",
    "deep",
    "excellent",
];

/// Splits text into tokens (see the module docs for the rule). Never panics.
pub(crate) fn tokens_of(text: &str) -> Vec<Tok<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut out = Vec::new();
    let mut line = 0usize;
    let mut i = 0usize;
    while i < n {
        let c = chars[i].1;
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        let starts = is_word(c)
            || (c == '.'
                && i + 1 < n
                && is_word(chars[i + 1].1)
                && (i == 0 || !is_word(chars[i - 1].1)));
        if !starts {
            i += 1;
            continue;
        }
        let s = i;
        let mut j = i + 1;
        while j < n {
            let cj = chars[j].1;
            let inner = matches!(cj, '.' | '&' | '\'' | '\u{2019}')
                && j + 1 < n
                && is_word(chars[j + 1].1)
                && is_word(chars[j - 1].1);
            if !(is_word(cj) || inner) {
                break;
            }
            j += 1;
        }
        // A trailing run of + or # (C++, C#, Notepad++), unless a letter follows (a+b).
        let mut k = j;
        while k < n && matches!(chars[k].1, '+' | '#') {
            k += 1;
        }
        if k > j && !(k < n && is_word(chars[k].1)) {
            j = k;
        }
        let (bs, be) = (byte_at(s), byte_at(j));
        let t = &text[bs..be];
        out.push(Tok {
            start: bs,
            end: be,
            text: t,
            lower: t.to_lowercase().replace('\u{2019}', "'"),
            line,
        });
        i = j;
    }
    out
}

/// The lower-cased token sequence of a phrase: the key of lexicon lookups.
fn token_key(s: &str) -> Vec<String> {
    tokens_of(s).into_iter().map(|t| t.lower).collect()
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Tokens after the first.
    rest: Vec<String>,
    skill: u32,
    /// Needs a technical context.
    ambiguous: bool,
    /// For ambiguous one-token aliases written with capitals: the accepted spellings.
    case_forms: Vec<String>,
}

pub struct Lexicon {
    skills: Vec<Skill>,
    by_id: HashMap<String, usize>,
    /// First token of an alias to the aliases starting with it, longest first.
    index: HashMap<String, Vec<Pattern>>,
    alias_count: usize,
}

/// Words that, right next to an ambiguous name, show the name is technical.
const CUE_WORDS: &[&str] = &[
    "language",
    "languages",
    "programming",
    "framework",
    "frameworks",
    "library",
    "libraries",
    "developer",
    "developers",
    "development",
    "engineer",
    "engineers",
    "code",
    "coding",
    "scripting",
    "stack",
    "sdk",
    "api",
    "apis",
    "backend",
    "frontend",
    "lang",
    "runtime",
    "microservices",
    "services",
    "service",
    "boot",
    "experience",
    "proficiency",
    "proficient",
    "skills",
    "knowledge",
    "expertise",
    "familiarity",
    "using",
    "written",
    "tools",
    "ecosystem",
];
/// Words before an ambiguous name that show it is ordinary English (section R, to go).
const BAD_BEFORE: &[&str] = &[
    "section",
    "part",
    "grade",
    "level",
    "plan",
    "vitamin",
    "type",
    "class",
    "series",
    "tier",
    "step",
    "phase",
    "round",
    "option",
    "appendix",
    "schedule",
    "form",
    "block",
    "building",
    "floor",
    "room",
    "unit",
    "exhibit",
    "annex",
    "item",
    "paragraph",
    "article",
    "chapter",
    "figure",
    "table",
    "page",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "to",
    "will",
    "can",
    "could",
    "would",
    "should",
    "must",
    "may",
    "might",
    "let's",
    "lets",
    "we",
    "you",
    "they",
    "i",
    "not",
    "don't",
    "the",
    "a",
    "an",
    "this",
    "every",
    "each",
    "early",
    "late",
    "hot",
    "next",
    "last",
    "on",
    "of",
    "be",
];
const BAD_AFTER: &[&str] = &[
    "level", "suite", "grade", "the", "a", "an", "to", "above", "beyond", "extra", "ahead", "live",
    "through", "out", "back", "forward", "of", "up", "down", "into", "team", "sprint", "break",
    "season", "semester", "term",
];

impl Lexicon {
    /// The lexicon shipped with Cuecard.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(SKILLS_TSV))
    }

    /// A fingerprint of the shipped lexicon's data and of the way it is read ([`READING`]),
    /// known without building the lexicon: what a
    /// library compares to see whether its cards' skills are current (opening a library for
    /// a search need not build the matcher).
    pub fn builtin_stamp() -> &'static str {
        static STAMP: OnceLock<String> = OnceLock::new();
        STAMP.get_or_init(|| {
            // FNV-1a over the bytes.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in SKILLS_TSV.bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            format!("{}:{h:016x}:r{READING}", SKILLS_TSV.len())
        })
    }

    /// Reads the TSV form: id, name, category, kind, aliases (`|`, a leading `~` marks an
    /// alias that needs a technical context), then flags and sources. Malformed lines are
    /// skipped.
    pub fn parse(tsv: &str) -> Lexicon {
        let mut lex = Lexicon {
            skills: Vec::new(),
            by_id: HashMap::new(),
            index: HashMap::new(),
            alias_count: 0,
        };
        let mut aliases_of: Vec<Vec<String>> = Vec::new();
        for line in tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 || f[0].is_empty() || lex.by_id.contains_key(f[0]) {
                continue;
            }
            let aliases: Vec<String> = f[4]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            lex.alias_count += aliases.len();
            lex.by_id.insert(f[0].to_string(), lex.skills.len());
            lex.skills.push(Skill {
                id: f[0].to_string(),
                name: f[1].to_string(),
                category: f[2].to_string(),
                soft: f[3] == "soft",
                vetted: f
                    .get(6)
                    .is_some_and(|s| s.contains("curated") || s.contains("devicon")),
                tags_only: f.get(6).is_some_and(|s| s.trim() == "stackoverflow"),
            });
            aliases_of.push(aliases);
        }
        // Aliases first, then generated variants (plural, hyphen dropped) so real aliases win.
        type Pat = (Vec<String>, u32, bool, Option<String>);
        let mut primary: Vec<Pat> = Vec::new();
        let mut variants: Vec<Pat> = Vec::new();
        for (si, aliases) in aliases_of.iter().enumerate() {
            for raw in aliases {
                let ambiguous = raw.starts_with('~');
                let a = raw.trim_start_matches('~');
                let key = token_key(a);
                if key.is_empty() {
                    continue;
                }
                let case_form = (ambiguous && key.len() == 1 && a.chars().any(char::is_uppercase))
                    .then(|| a.to_string());
                primary.push((key.clone(), si as u32, ambiguous, case_form));
                if !ambiguous {
                    if a.contains('-') && key.len() == 2 {
                        variants.push((vec![key.concat()], si as u32, false, None));
                    }
                    // "performance optimization" is also "optimizing performance".
                    if let Some((_, verbs)) = (key.len() >= 2 && key.len() <= 3)
                        .then(|| {
                            ACTIONS
                                .iter()
                                .find(|(n, _)| Some(*n) == key.last().map(String::as_str))
                        })
                        .flatten()
                    {
                        let object = &key[..key.len() - 1];
                        if object
                            .iter()
                            .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
                        {
                            for v in verbs.iter() {
                                let mut p = vec![v.to_string()];
                                p.extend(object.iter().cloned());
                                variants.push((p, si as u32, false, None));
                            }
                        }
                    }
                    // "end-to-end testing" is also written "end-to-end tests".
                    if key.len() >= 2 && key.last().is_some_and(|w| w == "testing") {
                        for t in ["tests", "test"] {
                            let mut p = key.clone();
                            if let Some(l) = p.last_mut() {
                                *l = t.to_string();
                            }
                            variants.push((p, si as u32, false, None));
                        }
                    }
                    let last = key.last().map(String::as_str).unwrap_or("");
                    if last.len() >= 3
                        && last.chars().all(|c| c.is_ascii_alphabetic())
                        && !last.ends_with('s')
                        && !last.ends_with('y')
                    {
                        let mut p = key.clone();
                        if let Some(l) = p.last_mut() {
                            l.push('s');
                        }
                        variants.push((p, si as u32, false, None));
                    }
                }
            }
        }
        for (key, si, amb, cf) in primary {
            lex.add_pattern(key, si, amb, cf, true);
        }
        for (key, si, amb, cf) in variants {
            lex.add_pattern(key, si, amb, cf, false);
        }
        for pats in lex.index.values_mut() {
            pats.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lex
    }

    fn add_pattern(
        &mut self,
        key: Vec<String>,
        skill: u32,
        ambiguous: bool,
        case_form: Option<String>,
        real: bool,
    ) {
        let mut it = key.into_iter();
        let Some(first) = it.next() else { return };
        let rest: Vec<String> = it.collect();
        let pats = self.index.entry(first).or_default();
        if let Some(p) = pats.iter_mut().find(|p| p.rest == rest) {
            if p.skill == skill {
                // The same key again: an unambiguous spelling makes it unambiguous, unless
                // the ambiguous one carries case forms (Go/go keeps the case rule).
                if let Some(cf) = case_form {
                    p.ambiguous = true;
                    if !p.case_forms.contains(&cf) {
                        p.case_forms.push(cf);
                    }
                } else if !ambiguous && p.case_forms.is_empty() && real {
                    p.ambiguous = false;
                }
            }
            return;
        }
        pats.push(Pattern {
            rest,
            skill,
            ambiguous,
            case_forms: case_form.into_iter().collect(),
        });
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    pub fn alias_count(&self) -> usize {
        self.alias_count
    }

    pub fn skill(&self, index: usize) -> &Skill {
        &self.skills[index]
    }

    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.by_id.get(id).map(|&i| &self.skills[i])
    }

    /// The index of the skill with this id, for [`Lexicon::skill`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn pattern(&self, alias: &str) -> Option<&Pattern> {
        let key = token_key(alias);
        let (first, rest) = key.split_first()?;
        self.index
            .get(first)?
            .iter()
            .find(|p| p.rest.as_slice() == rest)
    }

    /// The skill an alias (any case, any spelling of separators) names, ignoring context.
    pub fn lookup(&self, alias: &str) -> Option<&Skill> {
        self.pattern(alias).map(|p| &self.skills[p.skill as usize])
    }

    /// True when `alias` is also an ordinary word (`go`, `R`, `swift`): it names its skill
    /// only in a technical context.
    pub fn is_ambiguous(&self, alias: &str) -> bool {
        self.pattern(alias).is_some_and(|p| p.ambiguous)
    }

    /// Splits text into normalised tokens (lower-cased; see the module docs for the rule).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        tokens_of(text)
            .into_iter()
            .map(|t| Token {
                norm: t.lower,
                start: t.start,
                end: t.end,
            })
            .collect()
    }

    /// Skills named in `text`, longest alias first, left to right.
    ///
    /// An ambiguous alias (`Go`, `R`, `C`, `Swift`, `Spring`, `Excel`...) counts only when
    /// 1. it is not next to a word that makes it ordinary English (`to go`, `Section R`,
    ///    `C-level`),
    /// 2. it is spelled as a name (`Go`/`GO`, not `go`) when the lexicon gives it capitals,
    ///    unless the line is a list of technologies, and
    /// 3. another, unambiguous skill is named within ten tokens on the same line, or a
    ///    technical cue word (`language`, `framework`, `developer`...) stands right next to
    ///    it, or the line is a list of technologies.
    pub fn find(&self, text: &str) -> Vec<SkillMatch> {
        let toks = tokens_of(text);
        self.find_in_tokens(text, &toks)
            .into_iter()
            .map(|(m, _, _)| m)
            .collect()
    }

    /// Every lexicon match in `text`, ambiguous ones included, with what the context says
    /// of each: the candidates the posting extractor's fitted model weighs.
    pub fn candidates(&self, text: &str) -> Vec<Candidate> {
        let toks = tokens_of(text);
        self.candidates_in_tokens(text, &toks)
    }

    pub(crate) fn candidates_in_tokens(&self, text: &str, toks: &[Tok<'_>]) -> Vec<Candidate> {
        let all = self.raw_candidates(text, toks);
        let spans: Vec<(usize, usize, bool)> =
            all.iter().map(|x| (x.a, x.b, x.pat.ambiguous)).collect();
        let mut out = Vec::with_capacity(all.len());
        for (ci, c) in all.iter().enumerate() {
            if acronym_case_mismatch(c.pat, &toks[c.a..c.b]) {
                continue;
            }
            let line = toks[c.a].line;
            let dense = c.dense;
            let ok = !c.pat.ambiguous || context_ok(toks, &spans, ci, c.pat, dense);
            let neighbours = spans
                .iter()
                .enumerate()
                .filter(|(k, &(x, _, amb))| *k != ci && !amb && toks[x].line == line)
                .count();
            let before: Vec<String> = (c.a.saturating_sub(3)..c.a)
                .filter(|&k| toks[k].line == line)
                .map(|k| toks[k].lower.clone())
                .collect();
            let after = toks
                .get(c.b)
                .filter(|t| t.line == line)
                .map(|t| t.lower.clone());
            let surface = &text[toks[c.a].start..toks[c.b - 1].end];
            let line_start = c.a == 0 || toks[c.a - 1].line != line;
            out.push(Candidate {
                m: SkillMatch {
                    skill: c.pat.skill as usize,
                    start: toks[c.a].start,
                    end: toks[c.b - 1].end,
                },
                surface: surface.to_string(),
                tokens: c.b - c.a,
                ambiguous: c.pat.ambiguous,
                context_ok: ok,
                dense,
                neighbours,
                before,
                after,
                line_start,
                shared: c.shared,
            });
        }
        out
    }

    /// Like [`find`](Self::find) on tokens already made; also gives the token range
    /// `[a, b)` of each match.
    pub(crate) fn find_in_tokens(
        &self,
        text: &str,
        toks: &[Tok<'_>],
    ) -> Vec<(SkillMatch, usize, usize)> {
        let all = self.raw_candidates(text, toks);
        let spans: Vec<(usize, usize, bool)> =
            all.iter().map(|x| (x.a, x.b, x.pat.ambiguous)).collect();
        let mut out = Vec::with_capacity(all.len());
        for (ci, c) in all.iter().enumerate() {
            if acronym_case_mismatch(c.pat, &toks[c.a..c.b])
                || (c.pat.ambiguous && !context_ok(toks, &spans, ci, c.pat, c.dense))
            {
                continue;
            }
            out.push((
                SkillMatch {
                    skill: c.pat.skill as usize,
                    start: toks[c.a].start,
                    end: toks[c.b - 1].end,
                },
                c.a,
                c.b,
            ));
        }
        out
    }

    /// Longest-alias-first matches, left to right, with whether their line is a list of
    /// technologies.
    fn raw_candidates<'p>(&'p self, text: &str, toks: &[Tok<'_>]) -> Vec<RawCand<'p>> {
        let mut cands: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut hit = None;
            // "gatsby.js" and "vue.js" name the same thing as "gatsby" and "vue".
            let lower = toks[i].lower.as_str();
            let pats = self
                .index
                .get(lower)
                .or_else(|| {
                    lower
                        .strip_suffix(".js")
                        .filter(|stem| stem.len() > 2)
                        .and_then(|stem| self.index.get(stem))
                })
                .map(|p| (p, false))
                // "CDN's", "API’s": the possessive (or a plural written with one) ends a name.
                .or_else(|| {
                    possessive_stem(lower)
                        .and_then(|stem| self.index.get(stem))
                        .map(|p| (p, true))
                });
            if let Some((pats, possessive)) = pats {
                for p in pats {
                    let n = p.rest.len();
                    if i + n >= toks.len() || (possessive && n > 0) {
                        continue;
                    }
                    // The last word may be plural ("penetration tests", "data warehouses").
                    let ok = p.rest.iter().enumerate().all(|(k, w)| {
                        let t = &toks[i + 1 + k];
                        (t.lower == *w
                            || (k + 1 == n
                                && (plural_or_ies(&t.lower, w)
                                    || possessive_stem(&t.lower) == Some(w.as_str()))))
                            && t.line == toks[i].line
                            && gap_ok(text, toks[i + k].end, t.start)
                    });
                    if ok {
                        hit = Some((i + 1 + n, p));
                        break;
                    }
                }
            }
            match hit {
                Some((b, pat)) => {
                    cands.push(Cand {
                        a: i,
                        b,
                        pat,
                        shared: false,
                    });
                    i = b;
                }
                None => i += 1,
            }
        }
        self.coordinated(text, toks, &mut cands);
        self.paraphrased(text, toks, &mut cands);
        // A line is a list of technologies when matches cover half its tokens or more.
        let mut per_line: HashMap<usize, (usize, usize, usize)> = HashMap::new(); // tokens, matched tokens, matches
        for t in toks {
            per_line.entry(t.line).or_default().0 += 1;
        }
        for c in &cands {
            let e = per_line.entry(toks[c.a].line).or_default();
            e.1 += c.b - c.a;
            e.2 += 1;
        }
        let dense = |line: usize| {
            let (n, m, k) = per_line.get(&line).copied().unwrap_or_default();
            k >= 3 && m * 2 >= n
        };
        cands
            .into_iter()
            .map(|c| RawCand {
                a: c.a,
                b: c.b,
                pat: c.pat,
                dense: dense(toks[c.a].line),
                shared: c.shared,
            })
            .collect()
    }

    /// Names that share a word across "and", "or", "&" or "/": "unit and integration
    /// testing" names unit testing too, and "data manipulation and visualization" names data
    /// visualization. The shared word is read into the bare side when the whole phrase is a
    /// name the lexicon holds (never an ambiguous one); the bare side must be free words.
    fn coordinated<'p>(&'p self, text: &str, toks: &[Tok<'_>], cands: &mut Vec<Cand<'p>>) {
        let mut owner: Vec<Option<usize>> = vec![None; toks.len()];
        for (k, c) in cands.iter().enumerate() {
            for o in &mut owner[c.a..c.b] {
                *o = Some(k);
            }
        }
        let plain = |k: usize| {
            toks[k].lower.chars().all(|c| c.is_alphabetic())
                && !COORD_STOP.contains(&toks[k].lower.as_str())
        };
        let free = |r: std::ops::Range<usize>| {
            r.clone().all(|k| owner[k].is_none() && plain(k))
                && r.clone().all(|k| toks[k].line == toks[r.start].line)
                && r.clone()
                    .skip(1)
                    .all(|k| gap_ok(text, toks[k - 1].end, toks[k].start))
        };
        let gap = |x: usize, y: usize| text.get(toks[x].end..toks[y].start).unwrap_or("").trim();
        let lookup = |words: Vec<&str>| {
            self.pattern(&words.join(" "))
                .filter(|p| !p.ambiguous && !p.rest.is_empty())
        };
        // Pairs (last token of the left side, first token of the right side).
        let mut joints = Vec::new();
        for j in 1..toks.len().saturating_sub(1) {
            let (l, r) = (j - 1, j + 1);
            if matches!(toks[j].lower.as_str(), "and" | "or")
                && toks[l].line == toks[j].line
                && toks[r].line == toks[j].line
                && matches!(gap(l, j), "" | ",")
                && gap(j, r).is_empty()
            {
                joints.push((l, r));
            }
        }
        for j in 0..toks.len().saturating_sub(1) {
            if toks[j].line == toks[j + 1].line && matches!(gap(j, j + 1), "&" | "/") {
                joints.push((j, j + 1));
            }
        }
        let mut found: Vec<Cand<'p>> = Vec::new();
        // Where a bare left side starts, and the tokens of the head it shares.
        let mut heads: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        for (l, r) in joints {
            // The right side is a name; its head is shared with the bare left side.
            if let Some(rk) = owner[r].filter(|&k| cands[k].a == r) {
                let rb = cands[rk].b;
                'left: for k in (1..=2).rev() {
                    if k > l + 1 || !free(l + 1 - k..l + 1) {
                        continue;
                    }
                    for s in 1..rb - r {
                        let mut words: Vec<&str> =
                            (l + 1 - k..=l).map(|x| toks[x].lower.as_str()).collect();
                        words.extend((r + s..rb).map(|x| toks[x].lower.as_str()));
                        if let Some(p) = lookup(words) {
                            found.push(Cand {
                                a: l + 1 - k,
                                b: l + 1,
                                pat: p,
                                shared: true,
                            });
                            heads.push((l + 1 - k, r + s..rb));
                            break 'left;
                        }
                    }
                }
            }
            // The left side is a name; its modifier is shared with the bare right side.
            let left_start = match owner[l] {
                Some(k) if cands[k].b == l + 1 => Some(cands[k].a),
                _ => None,
            };
            if let Some(ls) = left_start {
                'right: for k in (1..=2).rev() {
                    if r + k > toks.len() || !free(r..r + k) {
                        continue;
                    }
                    for s in 1..=l - ls {
                        let mut words: Vec<&str> =
                            (ls..ls + s).map(|x| toks[x].lower.as_str()).collect();
                        words.extend((r..r + k).map(|x| toks[x].lower.as_str()));
                        if let Some(p) = lookup(words) {
                            found.push(Cand {
                                a: r,
                                b: r + k,
                                pat: p,
                                shared: true,
                            });
                            break 'right;
                        }
                    }
                }
            }
        }
        // "unit, integration, and end-to-end tests": the head goes on sharing leftwards over
        // commas, one bare word or two at a time.
        for (start, head) in heads {
            let mut a = start;
            'comma: while a >= 2 && gap(a - 1, a) == "," && toks[a - 1].line == toks[a].line {
                for k in (1..=2).rev() {
                    if k > a || !free(a - k..a) {
                        continue;
                    }
                    let mut words: Vec<&str> = (a - k..a).map(|x| toks[x].lower.as_str()).collect();
                    words.extend(head.clone().map(|x| toks[x].lower.as_str()));
                    if let Some(p) = lookup(words) {
                        found.push(Cand {
                            a: a - k,
                            b: a,
                            pat: p,
                            shared: true,
                        });
                        a -= k;
                        continue 'comma;
                    }
                }
                break;
            }
        }
        if found.is_empty() {
            return;
        }
        found.sort_by_key(|c| c.a);
        let mut end = 0;
        found.retain(|c| {
            let keep = c.a >= end;
            if keep {
                end = c.b;
            }
            keep
        });
        cands.extend(found);
        cands.sort_by_key(|c| c.a);
    }

    /// Practices written as what is done rather than by name: "review model and application
    /// code" is code review, "deployed models" model deployment, "visualization of the data"
    /// data visualization. A verb of action (any tense) or its noun followed by "of" takes
    /// the object after it, over at most three free words on the same line and in the same
    /// clause, when object and noun together make a name the lexicon holds (never an
    /// ambiguous one).
    fn paraphrased<'p>(&'p self, text: &str, toks: &[Tok<'_>], cands: &mut Vec<Cand<'p>>) {
        let mut owned = vec![false; toks.len()];
        for c in cands.iter() {
            for o in &mut owned[c.a..c.b] {
                *o = true;
            }
        }
        let word = |k: usize| toks[k].lower.chars().all(|c| c.is_ascii_alphabetic());
        let joined = |x: usize, y: usize| {
            toks[x].line == toks[y].line
                && text
                    .get(toks[x].end..toks[y].start)
                    .is_some_and(|g| g.len() <= 3 && g.chars().all(|c| c == ' ' || c == '-'))
        };
        let mut found: Vec<Cand<'p>> = Vec::new();
        let mut i = 0;
        while i + 1 < toks.len() {
            if owned[i] || !word(i) {
                i += 1;
                continue;
            }
            let w = toks[i].lower.as_str();
            // The nouns this word is the action of, and where the object may start.
            let mut from = i + 1;
            let mut nouns: Vec<&str> = action_forms().get(w).cloned().unwrap_or_default();
            if nouns.is_empty() && toks[i + 1].lower == "of" && joined(i, i + 1) {
                if let Some((noun, _)) = ACTIONS.iter().find(|(n, _)| *n == w) {
                    nouns.push(noun);
                    from = i + 2;
                }
            }
            if nouns.is_empty() {
                i += 1;
                continue;
            }
            let mut hit: Option<(usize, &'p Pattern)> = None;
            'object: for j in from..(from + 4).min(toks.len()) {
                // Every word up to the object is free and in the same clause, and none
                // starts a phrase of its own ("reviews on the app store").
                if owned[j]
                    || !word(j)
                    || !joined(j - 1, j)
                    || (j > from && PHRASE_WORDS.contains(&toks[j - 1].lower.as_str()))
                {
                    break;
                }
                for k in [2usize, 1] {
                    if j + k > toks.len()
                        || (j + 1..j + k).any(|x| owned[x] || !word(x) || !joined(x - 1, x))
                    {
                        continue;
                    }
                    // The object ends its phrase: "analyze user behavior" is about
                    // behaviour, not users.
                    let ends = j + k == toks.len()
                        || !joined(j + k - 1, j + k)
                        || PHRASE_WORDS.contains(&toks[j + k].lower.as_str())
                        || toks[j + k].lower == "and"
                        || toks[j + k].lower == "or";
                    if !ends {
                        continue;
                    }
                    let object: Vec<&str> = (j..j + k).map(|x| toks[x].lower.as_str()).collect();
                    let last = object[k - 1];
                    let singular = last.strip_suffix('s').filter(|x| x.len() >= 3);
                    for noun in &nouns {
                        for end in std::iter::once(last).chain(singular) {
                            let mut key: Vec<&str> = object[..k - 1].to_vec();
                            key.push(end);
                            key.push(noun);
                            if let Some(p) = self
                                .pattern(&key.join(" "))
                                .filter(|p| !p.ambiguous && !self.skills[p.skill as usize].soft)
                            {
                                hit = Some((j + k, p));
                                break 'object;
                            }
                        }
                    }
                }
            }
            match hit {
                Some((b, pat)) => {
                    found.push(Cand {
                        a: i,
                        b,
                        pat,
                        shared: false,
                    });
                    for o in &mut owned[i..b] {
                        *o = true;
                    }
                    i = b;
                }
                None => i += 1,
            }
        }
        if !found.is_empty() {
            cands.extend(found);
            cands.sort_by_key(|c| c.a);
        }
    }

    /// The distinct skill ids named in `text`.
    pub fn skill_ids(&self, text: &str) -> Vec<String> {
        let mut seen = HashSet::new();
        self.find(text)
            .into_iter()
            .filter(|m| seen.insert(m.skill))
            .map(|m| self.skills[m.skill].id.clone())
            .collect()
    }
}

/// A name whose only short form is an acronym ("IT") is read only when written in
/// capitals: "It is a bonus" is a word, whatever skills stand around it.
fn acronym_case_mismatch(pat: &Pattern, toks: &[Tok<'_>]) -> bool {
    if pat.case_forms.is_empty() || toks.len() != 1 {
        return false;
    }
    let acronym = |f: &str| f.chars().count() > 1 && f.chars().all(|c| !c.is_lowercase());
    pat.case_forms.iter().all(|f| acronym(f)) && !acronym(bare(toks[0].text))
}

fn context_ok(
    toks: &[Tok<'_>],
    cands: &[(usize, usize, bool)],
    ci: usize,
    pat: &Pattern,
    dense: bool,
) -> bool {
    let (a, b, _) = cands[ci];
    let line = toks[a].line;
    let prev = a
        .checked_sub(1)
        .map(|k| &toks[k])
        .filter(|t| t.line == line);
    let next = toks.get(b).filter(|t| t.line == line);
    if !dense {
        if prev.is_some_and(|t| BAD_BEFORE.contains(&t.lower.as_str())) {
            return false;
        }
        if next.is_some_and(|t| BAD_AFTER.contains(&t.lower.as_str())) {
            return false;
        }
    }
    if !pat.case_forms.is_empty() && b == a + 1 {
        let s = bare(toks[a].text);
        let upper = s.chars().count() > 1 && s.chars().all(|c| !c.is_lowercase());
        if !(pat.case_forms.iter().any(|f| f == s) || upper || dense) {
            return false;
        }
    }
    if dense {
        return true;
    }
    let near = cands.iter().enumerate().any(|(k, &(x, y, amb))| {
        k != ci && !amb && toks[x].line == line && (x.abs_diff(b) <= 10 || y.abs_diff(a) <= 10)
    });
    if near {
        return true;
    }
    let cue = |t: Option<&Tok>| t.is_some_and(|t| CUE_WORDS.contains(&t.lower.as_str()));
    let prev2 = a
        .checked_sub(2)
        .map(|k| &toks[k])
        .filter(|t| t.line == line);
    // "experience with Go", "proficiency in R": a capitalised name after these reads as
    // the technology.
    let skill_cue = |t: Option<&Tok>| {
        t.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "experience"
                    | "experienced"
                    | "proficiency"
                    | "proficient"
                    | "expertise"
                    | "familiarity"
                    | "fluency"
                    | "fluent"
            )
        })
    };
    cue(prev)
        || cue(next)
        || (cue(prev2) || skill_cue(prev2))
            && prev.is_some_and(|t| t.lower == "in" || t.lower == "with")
}

/// Two tokens of one alias may be separated only by spaces, `-`, `/`, `_` or `.`.
fn gap_ok(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|g| {
        g.len() <= 3
            && g.chars()
                .all(|c| c == ' ' || c == '-' || c == '/' || c == '_' || c == '.' || c == '\t')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        lex.find(text)
            .into_iter()
            .map(|m| lex.skill(m.skill).id.clone())
            .collect()
    }

    #[test]
    fn the_shipped_lexicon_is_large() {
        let lex = Lexicon::builtin();
        // Stack Overflow tags that are programming concepts or ordinary words are left out,
        // so a few thousand entries remain.
        assert!(lex.len() > 2500, "{}", lex.len());
        assert!(lex.alias_count() > 7000, "{}", lex.alias_count());
    }

    #[test]
    fn aliases_share_one_id() {
        let lex = Lexicon::builtin();
        for (a, b) in [
            ("k8s", "Kubernetes"),
            ("golang", "Go"),
            ("postgres", "PostgreSQL"),
            ("JS", "JavaScript"),
        ] {
            let (x, y) = (lex.lookup(a), lex.lookup(b));
            assert!(x.is_some() && x == y, "{a} {x:?} / {b} {y:?}");
        }
    }

    #[test]
    fn punctuated_names_survive() {
        let found = names("We use C++, C#, .NET and Node.js with CI/CD (GitHub Actions).");
        let lex = Lexicon::builtin();
        for alias in ["c++", "c#", ".net", "node.js", "ci/cd"] {
            let id = &lex.lookup(alias).unwrap_or_else(|| panic!("{alias}")).id;
            assert!(found.contains(id), "{alias} not in {found:?}");
        }
    }

    #[test]
    fn practices_are_found_in_their_verb_forms() {
        for (text, id) in [
            (
                "You will optimize performance of our apps",
                "performance-optimization",
            ),
            (
                "Managing vulnerabilities across the fleet",
                "vulnerability-management",
            ),
            ("Reviewing code from peers", "code-review"),
        ] {
            assert!(
                names(text).contains(&id.to_string()),
                "{text}: {:?}",
                names(text)
            );
        }
        // "Data structures and algorithms" names two skills, not one.
        let both = names("good knowledge of data structures and algorithms");
        assert!(both.contains(&"data-structures".to_string()), "{both:?}");
        assert!(both.contains(&"algorithms".to_string()), "{both:?}");
        // The verb must come first and the object follow it.
        assert!(!names("performance of the team we manage")
            .contains(&"performance-optimization".to_string()));
    }

    #[test]
    fn the_stamp_names_the_data_without_building_the_lexicon() {
        let stamp = Lexicon::builtin_stamp();
        assert!(
            stamp.starts_with(&format!("{}:", SKILLS_TSV.len())),
            "{stamp}"
        );
        assert_eq!(stamp, Lexicon::builtin_stamp());
        assert_eq!(
            stamp.len(),
            SKILLS_TSV.len().to_string().len() + 17 + format!(":r{READING}").len()
        );
    }

    #[test]
    fn coordinated_names_share_their_words() {
        let ids = names("Write unit and integration tests; data manipulation and visualization");
        for id in ["unit-testing", "integration-testing", "data-visualization"] {
            assert!(ids.contains(&id.to_string()), "{id}: {ids:?}");
        }
        // A head shared over commas, and "tests" for "testing".
        let ids = names("CI with Jenkins including unit, integration, and end-to-end tests");
        for id in ["unit-testing", "integration-testing", "end-to-end-testing"] {
            assert!(ids.contains(&id.to_string()), "{id}: {ids:?}");
        }
        let ids = names("Vulnerability and threat management across the estate");
        assert!(
            ids.contains(&"vulnerability-management".to_string()),
            "{ids:?}"
        );
        // Only a name the lexicon holds is read: "Python and data science" is not "Python
        // science", and a bare word on its own stays a word.
        let ids = names("Python and data science, with care and attention");
        assert!(ids.iter().all(|i| i != "unit-testing"), "{ids:?}");
        assert_eq!(names("testing and more"), names("testing"));
    }

    #[test]
    fn a_company_on_its_own_is_no_skill_but_its_products_are() {
        let lex = Lexicon::builtin();
        for company in ["Google", "Microsoft", "IBM", "Apple"] {
            assert!(lex.lookup(company).is_none(), "{company}");
        }
        for product in ["Google Cloud", "Microsoft Azure", "WebSphere"] {
            assert!(lex.lookup(product).is_some(), "{product}");
        }
    }

    #[test]
    fn practices_written_as_what_is_done() {
        let ids = names("You will review model and application code and ship it.");
        assert!(ids.contains(&"code-review".to_string()), "{ids:?}");
        let ids = names("Monitor and maintain deployed models");
        assert!(ids.contains(&"model-monitoring".to_string()), "{ids:?}");
        let ids = names("Support the visualization of data for the board");
        assert!(ids.contains(&"data-visualization".to_string()), "{ids:?}");
        // The object must end its phrase and lie in the same clause: "analyze user
        // behavior" is no user testing, "reviews on the code page" no code review.
        assert!(names("Design tests and analyze user behavior").is_empty());
        assert!(!names("Read reviews on the code page").contains(&"code-review".to_string()));
    }

    #[test]
    fn a_possessive_ends_a_name() {
        assert!(names("Experience with CDN’s and caching").contains(&"cdn".to_string()));
        // Never the start of a longer name: "Google's cloud" is not Google Cloud.
        assert!(!names("Google's cloud team").contains(&"gcp".to_string()));
    }

    #[test]
    fn ambiguous_names_need_a_technical_context() {
        let lex = Lexicon::builtin();
        let go = lex.lookup("golang").unwrap().id.clone();
        assert!(names("Experience with Go and Kubernetes").contains(&go));
        assert!(!names("Ready to go the extra mile for customers").contains(&go));
        assert!(
            !names("We go to great lengths to keep our customers happy every day.").contains(&go)
        );
        assert!(names("Experience with Go").contains(&go));
        assert!(names("Experience in Go").contains(&go));
        assert!(names("I wrote our billing service in Go.").contains(&go));
        assert!(!names("Go team! Spring is here.").iter().any(|n| n == &go));
        let r = lex.lookup("r").map(|s| s.id.clone());
        if let Some(r) = r {
            assert!(names("Statistics in R or Python").contains(&r));
            assert!(!names("Our R&D team, section r of the plan").contains(&r));
        }
    }

    #[test]
    fn ordinary_words_are_no_skills_and_tag_ids_get_names() {
        // Stack Overflow has tags for "build", "design" and "sheets"; in prose they are words.
        let found = names("We build products and design sheets of data with Python and Docker.");
        let lex = Lexicon::builtin();
        let python = lex.lookup("python").unwrap().id.clone();
        let docker = lex.lookup("docker").unwrap().id.clone();
        assert_eq!(found, vec![python, docker]);
        assert!(lex.lookup("build").is_none());
        // Names are names, not tag ids.
        assert_eq!(lex.lookup("haskell").unwrap().name, "Haskell");
        assert_eq!(lex.lookup("google-sheets").unwrap().name, "Google Sheets");
        assert_eq!(lex.lookup("amazon-ses").unwrap().name, "Amazon SES");
    }

    #[test]
    fn tokens_keep_offsets() {
        let lex = Lexicon::builtin();
        let text = "Skills: (Node.js), java/kotlin.";
        let toks = lex.tokenize(text);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, vec!["skills", "node.js", "java", "kotlin"]);
        assert_eq!(&text[toks[1].start..toks[1].end], "Node.js");
        assert_eq!(&text[toks[3].start..toks[3].end], "kotlin");
    }
}
