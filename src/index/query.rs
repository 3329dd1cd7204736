//! The search syntax, parsed by hand into a small tree.
//!
//! Syntax: plain words (all must match), `"a phrase"`, `-word` / `-"phrase"` to exclude,
//! `a OR b`, `deck:NAME`, `tag:NAME`, `skill:NAME` (a skill by any of its names), `q:` / `a:` /
//! `note:` to look only in questions, answers or notes, and `is:starred` (also `is:edited`,
//! `is:unanswered`, `is:conflict`).
//! The last word is a prefix while the person is still typing it. Nothing here fails: a
//! malformed query is repaired and the repair is reported as a warning.

/// What `is:` can look for.
pub const IS_FLAGS: &[&str] = &["starred", "edited", "unanswered", "conflict"];

/// Which text a word must be found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Question,
    Answer,
    /// The card's notes (`note:`).
    Notes,
}

/// One searchable thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A word; `prefix` when it is the word being typed.
    Word {
        scope: Scope,
        text: String,
        prefix: bool,
    },
    Phrase {
        scope: Scope,
        text: String,
    },
    Deck(String),
    Tag(String),
    /// A skill of the jobs lexicon, by any of its names.
    Skill(String),
    /// A state of the card: `is:starred`, `is:edited`, `is:unanswered`, `is:conflict`.
    Is(String),
}

/// Atoms joined by OR; a negated clause excludes what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub alternatives: Vec<Atom>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub clauses: Vec<Clause>,
    pub warnings: Vec<String>,
}

impl ParsedQuery {
    /// Whether the query can match anything positively (an all-negative query lists
    /// everything not excluded).
    pub fn has_positive(&self) -> bool {
        self.clauses.iter().any(|c| !c.negated)
    }
}

#[derive(Debug)]
struct Token {
    negated: bool,
    field: Option<String>,
    text: String,
    quoted: bool,
    bare_or: bool,
}

fn lex(input: &str, warnings: &mut Vec<String>) -> (Vec<Token>, bool) {
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut tokens = Vec::new();
    let mut last_open = false;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if chars[i] == '-' {
            negated = true;
            i += 1;
            if i >= chars.len() || chars[i].is_whitespace() {
                warnings.push("a lone \"-\" excludes nothing; ignored it".to_string());
                continue;
            }
        }
        // An optional field prefix such as `deck:`.
        let mut field = None;
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_alphabetic() {
            j += 1;
        }
        if j < chars.len() && chars[j] == ':' && j > i {
            let name: String = chars[i..j].iter().collect::<String>().to_lowercase();
            if matches!(
                name.as_str(),
                "deck"
                    | "tag"
                    | "skill"
                    | "q"
                    | "a"
                    | "question"
                    | "answer"
                    | "note"
                    | "notes"
                    | "is"
            ) {
                field = Some(name);
                i = j + 1;
            }
        }
        let (text, quoted) = if i < chars.len() && chars[i] == '"' {
            let start = i + 1;
            let mut k = start;
            while k < chars.len() && chars[k] != '"' {
                k += 1;
            }
            let text: String = chars[start..k.min(chars.len())].iter().collect();
            if k >= chars.len() {
                warnings.push(format!(
                    "missing closing quote; searched for \"{}\" as a phrase",
                    text.trim()
                ));
                i = chars.len();
                last_open = false;
            } else {
                i = k + 1;
            }
            (text, true)
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '"' {
                i += 1;
            }
            last_open = i == chars.len();
            (chars[start..i].iter().collect::<String>(), false)
        };
        if quoted {
            last_open = false;
        }
        let bare_or = !quoted && !negated && field.is_none() && text == "OR";
        if text.trim().is_empty() {
            match &field {
                Some(f) => warnings.push(format!(
                    "\"{f}:\" needs a value, e.g. {f}:{}; ignored it",
                    if f == "deck" { "Zoox" } else { "python" }
                )),
                None if quoted => warnings.push("empty quotes ignored".to_string()),
                None => {}
            }
            continue;
        }
        if field.as_deref() == Some("is")
            && !IS_FLAGS.contains(&text.trim().to_lowercase().as_str())
        {
            warnings.push(format!(
                "\"is:{}\" is not known; use is:{}; ignored it",
                text.trim(),
                IS_FLAGS.join(", is:")
            ));
            continue;
        }
        tokens.push(Token {
            negated,
            field,
            text,
            quoted,
            bare_or,
        });
    }
    (tokens, last_open)
}

fn atom_of(token: &Token) -> Atom {
    let scope = match token.field.as_deref() {
        Some("q" | "question") => Scope::Question,
        Some("a" | "answer") => Scope::Answer,
        Some("note" | "notes") => Scope::Notes,
        _ => Scope::Anywhere,
    };
    match token.field.as_deref() {
        Some("is") => Atom::Is(token.text.trim().to_lowercase()),
        Some("deck") => Atom::Deck(token.text.trim().to_string()),
        Some("tag") => Atom::Tag(token.text.trim().to_string()),
        Some("skill") => Atom::Skill(token.text.trim().to_string()),
        _ if token.quoted => Atom::Phrase {
            scope,
            text: token.text.clone(),
        },
        _ => Atom::Word {
            scope,
            text: token.text.clone(),
            prefix: false,
        },
    }
}

/// Parses a query; never fails.
pub fn parse(input: &str) -> ParsedQuery {
    let mut warnings = Vec::new();
    let (tokens, last_open) = lex(input, &mut warnings);
    let mut clauses: Vec<Clause> = Vec::new();
    let mut pending_or = false;
    let count = tokens.len();
    for (n, token) in tokens.iter().enumerate() {
        if token.bare_or {
            if clauses.is_empty() || n + 1 == count {
                warnings.push("OR needs a word on each side; ignored it".to_string());
            } else {
                pending_or = true;
            }
            continue;
        }
        let mut atom = atom_of(token);
        if n + 1 == count && last_open && !token.negated {
            if let Atom::Word { prefix, .. } = &mut atom {
                *prefix = true;
            }
        }
        if pending_or {
            pending_or = false;
            if let Some(last) = clauses.last_mut() {
                if last.negated || token.negated {
                    warnings.push(
                        "OR with an excluded word is not supported; treated them separately"
                            .to_string(),
                    );
                } else {
                    last.alternatives.push(atom);
                    continue;
                }
            }
        }
        clauses.push(Clause {
            negated: token.negated,
            alternatives: vec![atom],
        });
    }
    ParsedQuery { clauses, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, prefix: bool) -> Atom {
        Atom::Word {
            scope: Scope::Anywhere,
            text: text.into(),
            prefix,
        }
    }

    #[test]
    fn plain_words_last_is_prefix_while_typing() {
        let q = parse("kubernetes oper");
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].alternatives, vec![word("kubernetes", false)]);
        assert_eq!(q.clauses[1].alternatives, vec![word("oper", true)]);
        let done = parse("kubernetes operator ");
        assert_eq!(done.clauses[1].alternatives, vec![word("operator", false)]);
        assert!(q.warnings.is_empty());
    }

    #[test]
    fn phrases_exclusions_fields_and_or() {
        let q = parse(r#""data lake" -spark q:pipeline deck:"Big Co" tag:ml airflow OR dagster "#);
        assert_eq!(
            q.clauses[0].alternatives,
            vec![Atom::Phrase {
                scope: Scope::Anywhere,
                text: "data lake".into()
            }]
        );
        assert!(q.clauses[1].negated);
        assert_eq!(
            q.clauses[2].alternatives,
            vec![Atom::Word {
                scope: Scope::Question,
                text: "pipeline".into(),
                prefix: false
            }]
        );
        assert_eq!(q.clauses[3].alternatives, vec![Atom::Deck("Big Co".into())]);
        assert_eq!(q.clauses[4].alternatives, vec![Atom::Tag("ml".into())]);
        assert_eq!(
            q.clauses[5].alternatives,
            vec![word("airflow", false), word("dagster", false)]
        );
        assert!(q.warnings.is_empty(), "{:?}", q.warnings);
    }

    #[test]
    fn malformed_queries_are_repaired_with_warnings() {
        let q = parse("\"unclosed phrase");
        assert_eq!(q.clauses.len(), 1);
        assert!(q.warnings[0].contains("closing quote"));

        let q = parse("spark - kafka");
        assert_eq!(q.clauses.len(), 2);
        assert!(q.warnings[0].contains("lone"));

        let q = parse("deck: python");
        assert_eq!(q.clauses.len(), 1);
        assert!(q.warnings[0].contains("deck:"));

        let q = parse("OR");
        assert!(q.clauses.is_empty());
        assert_eq!(q.warnings.len(), 1);

        assert!(parse("").clauses.is_empty());
        assert!(parse("   ").warnings.is_empty());
    }

    #[test]
    fn unknown_field_is_just_a_word() {
        let q = parse("http://x std::vec");
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].alternatives, vec![word("http://x", false)]);
    }
}
