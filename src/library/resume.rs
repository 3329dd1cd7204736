//! Résumés in the library: added from a file, read back, held against jobs, turned into
//! likely questions, and used to ground and check answers.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Library;
use crate::error::{Error, Result};
use crate::resume::against::ResumeMatch;
use crate::resume::claims::{Claim, ResumeLink};
use crate::resume::questions::LikelyQuestion;
use crate::resume::{Resume, ResumeWarning};

/// A résumé with what was doubtful in reading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ResumeView {
    pub resume: Resume,
    pub warnings: Vec<ResumeWarning>,
}

/// The answers that tell one résumé bullet's story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BulletStory {
    /// Index of the role in the résumé's roles.
    #[ts(type = "number")]
    pub role: usize,
    /// Index of the bullet in the role.
    #[ts(type = "number")]
    pub bullet: usize,
    /// Cards that draw on it: id and question, strongest first (at most five).
    pub cards: Vec<(String, String)>,
}

/// The sample résumé that goes with the sample deck and job.
pub const SAMPLE_RESUME: &str = include_str!("../../assets/sample/resume.md");

/// The tag of questions added from a résumé and a posting.
pub const LIKELY_TAG: &str = "likely";

impl Library {
    /// Reads a résumé file (PDF, DOCX, markdown, text) and keeps it under `name` (by default
    /// the file's name), replacing the one of that name.
    pub fn add_resume(&mut self, path: &Path, name: Option<&str>) -> Result<ResumeView> {
        let bytes = super::import::read_checked(path, "save the résumé to a file and add that")?;
        let text = crate::resume::normalise(&bytes, path).map_err(|e| {
            Error::InvalidInput(format!("{}: {}; no résumé was added", path.display(), e.0))
        })?;
        let name = name
            .map(str::to_string)
            .or_else(|| {
                path.file_stem()
                    .and_then(|s| s.to_str())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "résumé".into());
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.put_resume_text(&name, &absolute.display().to_string(), &text)
    }

    /// Keeps a résumé given as its text (markdown or plain text).
    pub fn put_resume_text(&mut self, name: &str, source: &str, text: &str) -> Result<ResumeView> {
        if text.trim().is_empty() {
            return Err(Error::InvalidInput(format!(
                "{source}: the résumé is empty; no résumé was added"
            )));
        }
        let stored = self.write_store(|s| s.put_resume(name, source, text))?;
        let (resume, warnings) =
            crate::resume::analyse(&stored.id, &stored.name, &stored.source, &stored.text);
        Ok(ResumeView { resume, warnings })
    }

    /// Adds the sample résumé (for the sample deck and job) when the library has none.
    pub fn seed_sample_resume(&mut self) -> Result<()> {
        if self.store.resume(None)?.is_none() {
            self.put_resume_text("Sample", "sample résumé", SAMPLE_RESUME)?;
        }
        Ok(())
    }

    /// A kept résumé (by name or id), or the latest added.
    pub fn resume(&self, name: Option<&str>) -> Result<Option<ResumeView>> {
        Ok(self.store.resume(name)?.map(|s| {
            let (resume, warnings) = crate::resume::analyse(&s.id, &s.name, &s.source, &s.text);
            ResumeView { resume, warnings }
        }))
    }

    /// Like [`resume`](Self::resume), but a missing one is an error that says what to do.
    pub fn resume_required(&self, name: Option<&str>) -> Result<ResumeView> {
        self.resume(name)?.ok_or_else(|| match name {
            Some(n) => Error::not_found("résumé", n.to_string()),
            None => Error::InvalidInput(
                "no résumé yet: add one with `cuecard resume add FILE` (PDF, DOCX, markdown or text)"
                    .into(),
            ),
        })
    }

    /// Every kept résumé: id, name, source; the latest first.
    pub fn resumes(&self) -> Result<Vec<(String, String, String)>> {
        Ok(self
            .store
            .resumes()?
            .into_iter()
            .map(|s| (s.id, s.name, s.source))
            .collect())
    }

    /// A job against a résumé and the prepared answers.
    pub fn resume_match(&self, job: &str, name: Option<&str>) -> Result<ResumeMatch> {
        let view = self.resume_required(name)?;
        let job = self.job(job)?;
        let answers = self.match_keywords(&job.keywords, None)?;
        Ok(crate::resume::against::against(
            &job,
            &view.resume,
            &answers,
            &crate::resume::this_month(),
        ))
    }

    /// Likely interview questions for a résumé, and a job when one is given.
    pub fn likely_questions(
        &self,
        job: Option<&str>,
        name: Option<&str>,
        limit: usize,
    ) -> Result<Vec<LikelyQuestion>> {
        let view = self.resume_required(name)?;
        let job = job.map(|j| self.job(j)).transpose()?;
        let matched = match &job {
            Some(j) => Some(self.resume_match(&j.id, name)?),
            None => None,
        };
        let answers: Vec<(String, String)> = self
            .store
            .cards(None, false)?
            .into_iter()
            .filter(|c| !c.unanswered)
            .map(|c| (c.id.0, format!("{}\n{}", c.question, c.answer)))
            .collect();
        Ok(crate::resume::questions::likely(
            &view.resume,
            job.as_ref(),
            matched.as_ref(),
            &answers,
            limit,
        ))
    }

    /// Adds likely questions as unanswered cards, tagged `likely`, to a deck; returns the
    /// deck's report. Questions a card already answers are left out.
    pub fn add_likely_questions(
        &mut self,
        questions: &[LikelyQuestion],
        deck: &str,
    ) -> Result<crate::model::DeckReport> {
        let fresh: Vec<&LikelyQuestion> =
            questions.iter().filter(|q| q.card_id.is_none()).collect();
        if fresh.is_empty() {
            return Err(Error::InvalidInput(
                "every likely question already has a prepared answer; nothing was added".into(),
            ));
        }
        let mut md = format!("# {deck}\n\n");
        for q in &fresh {
            md.push_str(&format!("## {}\n\nTODO\n\n", q.question.replace('\n', " ")));
        }
        let source = format!("likely:{deck}");
        // Keep the questions added before: the document is the union of both.
        let mut existing = String::new();
        for c in self.store.cards(None, false)? {
            if c.source_file.as_deref() == Some(source.as_str())
                && !fresh.iter().any(|q| q.question == c.question)
            {
                let answer = if c.unanswered {
                    "TODO".to_string()
                } else {
                    c.answer.clone()
                };
                existing.push_str(&format!("## {}\n\n{answer}\n\n", c.question));
            }
        }
        md.push_str(&existing);
        // The questions are headings by construction: read them as such, whatever they look
        // like ("At Acme you…" does not read as a question to the importer's model).
        let src = crate::document::read(md.as_bytes(), Path::new("likely.md"))
            .map_err(|e| Error::InvalidInput(e.to_string()))?;
        let parsed = crate::import::parse_source(&src, crate::import::Carrier::parse("headings:2"));
        let report = self.import_parsed(&source, parsed, Vec::new(), deck, Some(deck))?;
        for c in self.store.cards(None, false)? {
            if c.source_file.as_deref() == Some(source.as_str())
                && !c.tags.iter().any(|t| t == LIKELY_TAG)
            {
                self.tag(c.id.as_str(), LIKELY_TAG, true)?;
            }
        }
        Ok(report)
    }

    /// For each bullet of the default résumé, the prepared answers that tell its story
    /// (empty for bullets no answer tells yet).
    pub fn resume_story(&self) -> Result<Vec<BulletStory>> {
        let Some(view) = self.resume(None)? else {
            return Ok(Vec::new());
        };
        let r = &view.resume;
        let mut out: Vec<BulletStory> = Vec::new();
        for (ri, role) in r.roles.iter().enumerate() {
            for bi in 0..role.bullets.len() {
                out.push(BulletStory {
                    role: ri,
                    bullet: bi,
                    cards: Vec::new(),
                });
            }
        }
        for c in self.store.cards(None, false)? {
            if c.unanswered || c.is_to_ask() {
                continue;
            }
            let answer = crate::render::plain_text(&c.answer);
            for link in crate::resume::claims::links(&c.question, &answer, r, 3) {
                let ri = r
                    .roles
                    .iter()
                    .position(|role| role.bullets.get(link.bullet) == Some(&link.text));
                if let Some(s) = out
                    .iter_mut()
                    .find(|s| Some(s.role) == ri && s.bullet == link.bullet)
                {
                    if s.cards.len() < 5 {
                        s.cards.push((c.id.0.clone(), c.question.clone()));
                    }
                }
            }
        }
        Ok(out)
    }

    /// The résumé lines a card draws on, and its claims checked against the résumé.
    pub fn grounding(&self, card: &crate::model::Card) -> Result<(Vec<ResumeLink>, Vec<Claim>)> {
        let Some(view) = self.resume(None)? else {
            return Ok((Vec::new(), Vec::new()));
        };
        if card.unanswered {
            return Ok((Vec::new(), Vec::new()));
        }
        let answer = crate::render::plain_text(&card.answer);
        let links = crate::resume::claims::links(&card.question, &answer, &view.resume, 3);
        let claims =
            crate::resume::claims::check(&answer, &view.resume, &crate::resume::this_month());
        Ok((links, claims))
    }
}
