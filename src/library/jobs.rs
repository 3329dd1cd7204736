//! Jobs in the library: added from a posting, their keywords corrected, matched against
//! the cards.

use super::{analyse_posting, Library, PostingInput, MAX_LISTED, MAX_RANKED};
use crate::error::{Error, Result};

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&d[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u32>().unwrap_or(0))
}

impl Library {
    /// Reads, analyses and stores a job posting.
    pub fn add_job(
        &mut self,
        input: PostingInput,
        title: Option<String>,
        company: Option<String>,
        date: Option<String>,
    ) -> Result<crate::store::Job> {
        if let Some(d) = &date {
            if !valid_date(d) {
                return Err(Error::InvalidInput(format!(
                    "\"{d}\" is not a date; write it as YYYY-MM-DD"
                )));
            }
        }
        let a = analyse_posting(input)?;
        let job = crate::store::NewJob {
            title: title.or(a.posting.title.clone()),
            company: company.or(a.posting.company.clone()),
            url: a.url,
            source: a.source,
            interview_date: date,
            text: a.posting.text.clone(),
        };
        let id = self.write_store(|s| s.add_job(&job, &a.keywords))?;
        self.store.job(&id)
    }

    pub fn jobs(&self) -> Result<Vec<crate::store::Job>> {
        self.store.jobs()
    }

    pub fn job(&self, id: &str) -> Result<crate::store::Job> {
        self.store.job(id)
    }

    /// Holds a job's keywords against the live cards (of one deck, or all), through the
    /// search index: each keyword is two queries, so a match over 100,000 cards stays fast.
    pub fn match_keywords(
        &self,
        keywords: &[crate::jobs::Keyword],
        deck: Option<&str>,
    ) -> Result<crate::matching::MatchReport> {
        let deck_id = deck.map(|d| self.deck(d)).transpose()?.map(|d| d.id.0);
        let cov = self.index.coverage(
            keywords,
            deck_id.as_deref(),
            // "Go" is covered by an answer that names the language, never by the verb.
            &|k| !crate::jobs::Lexicon::builtin().is_ambiguous(&k.name),
            crate::matching::WEAK,
            MAX_LISTED,
            MAX_RANKED,
        )?;
        // The ranked cards' questions in one query, not one query per card.
        let ids: Vec<&str> = cov.ranking.iter().map(|(id, _, _)| id.as_str()).collect();
        let mut questions = self.store.questions(&ids)?;
        let ranking = cov
            .ranking
            .into_iter()
            .map(|(id, score, matched)| {
                let question = questions.remove(&id).unwrap_or_default();
                crate::matching::RankedCard {
                    card_id: crate::model::CardId(id),
                    question,
                    score: (score * 100.0).round() / 100.0,
                    matched: matched
                        .into_iter()
                        .map(|i| keywords[i].id.clone())
                        .collect(),
                }
            })
            .collect();
        let found = cov
            .keywords
            .into_iter()
            .map(|h| crate::matching::Found {
                strong: h.strong.into_iter().map(crate::model::CardId).collect(),
                weak: h.weak.into_iter().map(crate::model::CardId).collect(),
                count: h.count,
            })
            .collect();
        Ok(crate::matching::report_ranked(keywords, found, ranking))
    }

    pub fn remove_job_keyword(&mut self, job: &str, keyword: &str) -> Result<()> {
        let id = self.store.job(job)?.id;
        self.write_store(|s| s.remove_job_keyword(&id, keyword))
    }

    /// Adds a keyword by name: a skill of the lexicon when it is one, else a phrase.
    pub fn add_job_keyword(
        &mut self,
        job: &str,
        name: &str,
        weight: f32,
    ) -> Result<crate::jobs::Keyword> {
        let id = self.store.job(job)?.id;
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidInput("a keyword needs a name".into()));
        }
        let lex = crate::jobs::Lexicon::builtin();
        let k = match lex.lookup(name) {
            Some(skill) => crate::jobs::Keyword {
                id: skill.id.clone(),
                name: skill.name.clone(),
                kind: if skill.soft {
                    crate::jobs::KeywordKind::SoftSkill
                } else {
                    crate::jobs::KeywordKind::HardSkill
                },
                section: crate::jobs::SectionKind::Required,
                weight,
                count: 0,
                category: Some(skill.category.clone()),
                matched: vec![name.to_string()],
                group: String::new(),
                years: None,
            },
            None => crate::jobs::Keyword {
                id: format!(
                    "phrase:{}",
                    name.to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join("-")
                ),
                name: name.to_string(),
                kind: crate::jobs::KeywordKind::Phrase,
                section: crate::jobs::SectionKind::Required,
                weight,
                count: 0,
                category: None,
                matched: vec![name.to_string()],
                group: String::new(),
                years: None,
            },
        };
        let mut k = k;
        crate::jobs::Keyword::annotate(std::slice::from_mut(&mut k), &Default::default());
        self.write_store(|s| s.add_job_keyword(&id, &k))?;
        Ok(k)
    }

    pub fn set_job_keyword_weight(&mut self, job: &str, keyword: &str, weight: f32) -> Result<()> {
        let id = self.store.job(job)?.id;
        self.write_store(|s| s.set_job_keyword_weight(&id, keyword, weight))
    }
}
