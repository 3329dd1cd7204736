//! A posting read from text, a file or a web address, and analysed: keywords and
//! requirements, in the language check.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// Where a job posting comes from.
pub enum PostingInput {
    /// Text given directly (pasted, or read from standard input).
    Text(String),
    Path(PathBuf),
    Url(String),
    /// A web address given by the window: only public addresses are fetched.
    PublicUrl(String),
}

impl PostingInput {
    /// `-` is taken by the caller (standard input); a web address is fetched; anything else
    /// is a file.
    pub fn from_arg(arg: &str) -> PostingInput {
        let t = arg.trim();
        if t.contains("://") {
            PostingInput::Url(t.to_string())
        } else {
            PostingInput::Path(PathBuf::from(t))
        }
    }
}

/// A posting read and analysed.
pub struct Analysed {
    pub posting: crate::jobs::Posting,
    pub keywords: Vec<crate::jobs::Keyword>,
    pub requirements: crate::jobs::requirements::Requirements,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Reads and analyses a posting.
pub fn analyse_posting(input: PostingInput) -> Result<Analysed> {
    let public = matches!(input, PostingInput::PublicUrl(_));
    let (text, content_type, url, source) = match input {
        PostingInput::Text(t) => (t, None, None, Some("pasted".to_string())),
        PostingInput::Url(u) | PostingInput::PublicUrl(u) => {
            let options = crate::jobs::fetch::FetchOptions {
                public_only: public,
                ..Default::default()
            };
            let f = crate::jobs::fetch::fetch(&u, &options)?;
            (
                f.text,
                f.content_type,
                Some(f.final_url.clone()),
                Some(f.final_url),
            )
        }
        PostingInput::Path(p) => {
            let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
            if meta.is_dir() {
                return Err(Error::IsDirectory(p));
            }
            if !meta.is_file() {
                return Err(Error::InvalidInput(format!(
                    "{} is not a regular file (a pipe or a device); save the posting to a file and give that",
                    p.display()
                )));
            }
            if meta.len() > 20 * 1024 * 1024 {
                return Err(Error::TooLarge {
                    path: p,
                    size_mb: meta.len() / (1024 * 1024),
                    limit_mb: 20,
                });
            }
            let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
            let (text, _) = crate::import::decode(&bytes).map_err(|_| Error::NotText(p.clone()))?;
            let html = p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            (
                text,
                html.then(|| "text/html".to_string()),
                None,
                Some(p.display().to_string()),
            )
        }
    };
    if text.trim().is_empty() {
        return Err(Error::InvalidInput(
            "the posting is empty; paste its text, or give a file or a web address".into(),
        ));
    }
    let posting = crate::jobs::parse_posting(&text, content_type.as_deref());
    if let Some(share) = not_english(&posting.text) {
        return Err(Error::InvalidInput(format!(
            "this posting does not read as English (only {:.0}% of its words are common English words); \
             Cuecard's skills lexicon reads English postings, so paste an English version if the company has one",
            share * 100.0
        )));
    }
    let mut keywords = crate::jobs::extract_keywords(&posting);
    let requirements = crate::jobs::requirements::requirements(&posting, &keywords);
    crate::jobs::Keyword::annotate(&mut keywords, &requirements);
    Ok(Analysed {
        posting,
        keywords,
        requirements,
        url,
        source,
    })
}

/// The share of common English words in `text` when it is too low for an English
/// posting; None for English text and for texts too short to judge.
pub fn not_english(text: &str) -> Option<f64> {
    const COMMON: &[&str] = &[
        "the",
        "and",
        "to",
        "of",
        "a",
        "in",
        "for",
        "with",
        "you",
        "we",
        "our",
        "is",
        "are",
        "on",
        "as",
        "be",
        "will",
        "your",
        "an",
        "or",
        "that",
        "this",
        "have",
        "at",
        "by",
        "from",
        "us",
        "who",
        "can",
        "team",
        "experience",
        "work",
        "about",
        "what",
        "all",
        "it",
        "using",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 0)
        .map(str::to_lowercase)
        .collect();
    if words.len() < 40 {
        return None;
    }
    let common = words
        .iter()
        .filter(|w| COMMON.contains(&w.as_str()))
        .count();
    let share = common as f64 / words.len() as f64;
    // English postings run at 20 to 35 %; German or French ones near 5 %.
    (share < 0.10).then_some(share)
}
