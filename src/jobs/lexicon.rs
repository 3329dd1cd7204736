//! The skills lexicon: canonical skill ids with their aliases, and the tokenizer and matcher
//! that find them in postings and answers alike.
//!
//! The lexicon ships in `assets/skills/skills.tsv` (built by `tools/build_lexicon.py`; see
//! `assets/skills/ATTRIBUTION.md`). Matching works on tokens that keep `C++`, `C#`, `.NET`,
//! `Node.js` and `CI/CD` whole, longest alias first. Aliases that are also ordinary words
//! (Go, R, Swift, Spring, Excel) count only when written as a name and near another skill.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const SKILLS_TSV: &str = include_str!("../../assets/skills/skills.tsv");

/// How far (in tokens) another skill may be for an ambiguous name to count.
const CONTEXT_WINDOW: usize = 12;

/// One skill: a technology, tool, method, field or soft skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: String,
    pub soft: bool,
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

pub struct Lexicon {
    skills: Vec<Skill>,
    by_id: HashMap<String, usize>,
    /// Alias (normalised tokens joined by spaces) to skill.
    aliases: HashMap<String, usize>,
    /// Aliases that are ordinary words too.
    ambiguous: HashSet<String>,
    /// Single-token aliases with separators inside (`ci/cd`, `node.js`): kept whole.
    whole: HashSet<String>,
    /// Every proper token-prefix of a multi-word alias (`amazon`, `amazon web`), so the
    /// matcher stops extending as soon as no alias can follow.
    prefixes: HashSet<String>,
    max_len: usize,
}

const LEAD: &[char] = &['(', '[', '{', '"', '\'', '“', '‘', '<', '*', '_', '`'];
const TRAIL: &[char] = &[
    ')', ']', '}', '"', '\'', '”', '’', '>', ',', ';', ':', '!', '?', '*', '_', '/', '`',
];

/// A chunk of text without surrounding punctuation, lowercased (`(Node.js),` gives `node.js`).
fn strip_chunk(chunk: &str) -> (usize, &str) {
    let lead = chunk.len() - chunk.trim_start_matches(LEAD).len();
    let mut c = chunk[lead..].trim_end_matches(TRAIL);
    while c.ends_with('.') && !c.ends_with("..") {
        c = &c[..c.len() - 1];
        c = c.trim_end_matches(TRAIL);
    }
    (lead, c)
}

impl Lexicon {
    /// The lexicon shipped with Cuecard.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(SKILLS_TSV))
    }

    /// Reads the TSV form: id, name, category, kind, aliases (`|`), flags.
    pub fn parse(tsv: &str) -> Lexicon {
        let mut lex = Lexicon {
            skills: Vec::new(),
            by_id: HashMap::new(),
            aliases: HashMap::new(),
            ambiguous: HashSet::new(),
            whole: HashSet::new(),
            prefixes: HashSet::new(),
            max_len: 1,
        };
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 5 {
                continue;
            }
            let idx = lex.skills.len();
            lex.skills.push(Skill {
                id: cols[0].to_string(),
                name: cols[1].to_string(),
                category: cols[2].to_string(),
                soft: cols[3] == "soft",
            });
            lex.by_id.insert(cols[0].to_string(), idx);
            for alias in cols[4].split('|').filter(|a| !a.is_empty()) {
                lex.max_len = lex.max_len.max(alias.split(' ').count());
                if !alias.contains(' ') && alias.contains(['/', '-', '.', '+', '#']) {
                    lex.whole.insert(alias.to_string());
                }
                lex.aliases.entry(alias.to_string()).or_insert(idx);
                let words: Vec<&str> = alias.split(' ').collect();
                for n in 1..words.len() {
                    lex.prefixes.insert(words[..n].join(" "));
                }
            }
            if let Some(list) = cols.get(5).and_then(|f| f.strip_prefix("ambiguous=")) {
                lex.ambiguous.extend(list.split(',').map(str::to_string));
            }
        }
        lex
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    pub fn skill(&self, index: usize) -> &Skill {
        &self.skills[index]
    }

    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.by_id.get(id).map(|&i| &self.skills[i])
    }

    /// The skill an alias (any case) names.
    pub fn lookup(&self, alias: &str) -> Option<&Skill> {
        let tokens: Vec<String> = self.tokenize(alias).into_iter().map(|t| t.norm).collect();
        self.aliases
            .get(&tokens.join(" "))
            .map(|&i| &self.skills[i])
    }

    /// Whether a one-word name is also an ordinary word (Go, R, Swift, Spring…), which
    /// counts as the skill only in a technical context.
    pub fn is_ambiguous(&self, name: &str) -> bool {
        let tokens = self.tokenize(name);
        tokens.len() == 1 && self.ambiguous.contains(tokens[0].norm.as_str())
    }

    /// Splits text into normalised tokens; separators inside a word split it unless the
    /// whole word is a known alias (`ci/cd` stays, `java/kotlin` splits).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        let push_chunk = |out: &mut Vec<Token>, from: usize, chunk: &str| {
            let (lead, c) = strip_chunk(chunk);
            if !c.chars().any(char::is_alphanumeric) {
                return;
            }
            let lower = c.to_lowercase();
            let from = from + lead;
            if self.whole.contains(&lower) || !lower.contains(['/', '-', '(', ')', ',']) {
                out.push(Token {
                    norm: lower,
                    start: from,
                    end: from + c.len(),
                });
                return;
            }
            let mut at = 0;
            for part in c.split(['/', '-', '(', ')', ',']) {
                let (l2, p) = strip_chunk(part);
                if p.chars().any(char::is_alphanumeric) {
                    let s = from + at + l2;
                    out.push(Token {
                        norm: p.to_lowercase(),
                        start: s,
                        end: s + p.len(),
                    });
                }
                at += part.len() + 1;
            }
        };
        for (i, ch) in text.char_indices() {
            if ch.is_whitespace() {
                if let Some(s) = start.take() {
                    push_chunk(&mut out, s, &text[s..i]);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            push_chunk(&mut out, s, &text[s..]);
        }
        out
    }

    /// Skills named in `text`, longest alias first, ambiguous names only in context.
    pub fn find(&self, text: &str) -> Vec<SkillMatch> {
        let tokens = self.tokenize(text);
        let mut found: Vec<(SkillMatch, bool, usize)> = Vec::new(); // match, ambiguous, token index
        let mut i = 0;
        let mut key = String::new();
        while i < tokens.len() {
            // Extend the key a token at a time while some alias may still follow; keep the
            // longest alias seen.
            let mut best: Option<(usize, usize)> = None; // (len, skill)
            key.clear();
            for len in 1..=self.max_len.min(tokens.len() - i) {
                if len > 1 {
                    key.push(' ');
                }
                key.push_str(&tokens[i + len - 1].norm);
                let mut hit = self.aliases.get(key.as_str()).copied();
                // A plural of an alias ("roadmaps").
                if hit.is_none() && key.ends_with('s') && tokens[i + len - 1].norm.len() > 3 {
                    hit = self.aliases.get(&key[..key.len() - 1]).copied();
                }
                if let Some(skill) = hit {
                    best = Some((len, skill));
                }
                if !self.prefixes.contains(key.as_str()) {
                    break;
                }
            }
            match best {
                Some((len, skill)) => {
                    let (start, end) = (tokens[i].start, tokens[i + len - 1].end);
                    let ambiguous = len == 1 && self.ambiguous.contains(tokens[i].norm.as_str());
                    if ambiguous && !written_as_name(&text[start..end]) {
                        i += 1;
                        continue;
                    }
                    found.push((SkillMatch { skill, start, end }, ambiguous, i));
                    i += len;
                }
                None => i += 1,
            }
        }
        // Words before a name that make it technical: "experience with Go", "in R".
        let cue = |at: usize| {
            tokens[at.saturating_sub(3)..at].iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "experience"
                        | "with"
                        | "in"
                        | "using"
                        | "knowledge"
                        | "proficiency"
                        | "proficient"
                        | "programming"
                        | "language"
                        | "languages"
                        | "written"
                        | "like"
                        | "e.g"
                        | "including"
                        | "skills"
                        | "expertise"
                        | "background"
                        | "fluent"
                        | "or"
                        | "and"
                )
            })
        };
        let anchors: Vec<usize> = found
            .iter()
            .filter(|(_, amb, _)| !amb)
            .map(|(_, _, at)| *at)
            .collect();
        found
            .into_iter()
            .filter(|(_, amb, at)| {
                !amb || anchors.iter().any(|a| a.abs_diff(*at) <= CONTEXT_WINDOW) || cue(*at)
            })
            .map(|(m, _, _)| m)
            .collect()
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

/// An ambiguous name counts when written as a name: capitalised ("Go", "Swift") or in
/// capitals ("R"), not as the ordinary word ("go", "swift").
fn written_as_name(surface: &str) -> bool {
    let mut chars = surface.chars();
    chars.next().is_some_and(char::is_uppercase)
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
        assert!(lex.len() > 3000, "{}", lex.len());
        assert!(lex.alias_count() > 10000);
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
    fn ambiguous_names_need_a_technical_context() {
        let lex = Lexicon::builtin();
        let go = lex.lookup("golang").unwrap().id.clone();
        assert!(names("Experience with Go and Kubernetes").contains(&go));
        assert!(!names("Ready to go the extra mile for customers").contains(&go));
        assert!(
            !names("We go to great lengths to keep our customers happy every day.").contains(&go)
        );
        assert!(names("Experience with Go").contains(&go));
        assert!(!names("Go team! Spring is here.").iter().any(|n| n == &go));
        let r = lex.lookup("r").map(|s| s.id.clone());
        if let Some(r) = r {
            assert!(names("Statistics in R or Python").contains(&r));
            assert!(!names("Our R&D team, section r of the plan").contains(&r));
        }
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
