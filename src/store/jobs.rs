//! Job postings and their keyword lists, as extracted and as the person corrected them.

use rusqlite::{params, OptionalExtension};

use super::{now_secs, stable_id, Store};
use crate::error::{Error, Result};
use crate::jobs::{Keyword, KeywordKind, SectionKind};

/// A stored job.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Job {
    pub id: String,
    pub title: Option<String>,
    pub company: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// YYYY-MM-DD.
    pub interview_date: Option<String>,
    /// Keywords in force (removed ones left out).
    pub keywords: Vec<Keyword>,
    /// The posting as text.
    pub text: String,
    /// Years, degree, seniority and title the posting asks for.
    #[serde(default)]
    pub requirements: crate::jobs::requirements::Requirements,
}

/// Details of a new job.
#[derive(Debug, Clone, Default)]
pub struct NewJob {
    pub title: Option<String>,
    pub company: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub interview_date: Option<String>,
    pub text: String,
}

fn kind_str(k: KeywordKind) -> &'static str {
    match k {
        KeywordKind::HardSkill => "hard_skill",
        KeywordKind::SoftSkill => "soft_skill",
        KeywordKind::Phrase => "phrase",
    }
}

fn kind_of(s: &str) -> KeywordKind {
    match s {
        "soft_skill" => KeywordKind::SoftSkill,
        "phrase" => KeywordKind::Phrase,
        _ => KeywordKind::HardSkill,
    }
}

/// Stores a job's extracted keywords.
pub(crate) fn insert_keywords(
    tx: &rusqlite::Transaction<'_>,
    job_id: &str,
    keywords: &[Keyword],
) -> Result<()> {
    let mut ins = tx.prepare(
        "INSERT OR REPLACE INTO job_keywords(job_id, keyword_id, name, kind, section, weight, \
           count, category, matched, origin, removed, position) \
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'extracted', 0, ?10)",
    )?;
    for (i, k) in keywords.iter().enumerate() {
        ins.execute(params![
            job_id,
            k.id,
            k.name,
            kind_str(k.kind),
            k.section.as_str(),
            k.weight as f64,
            k.count as i64,
            k.category,
            serde_json::to_string(&k.matched).unwrap_or_else(|_| "[]".into()),
            i as i64
        ])?;
    }
    Ok(())
}

impl Store {
    /// Stores a job with its extracted keywords in one transaction; returns its id.
    pub fn add_job(&mut self, job: &NewJob, keywords: &[Keyword]) -> Result<String> {
        let now = now_secs();
        let tx = self.write_tx()?;
        let mut id = format!("j{}", &stable_id(&format!("{now}\0{}", job.text))[..7]);
        while tx
            .query_row("SELECT 1 FROM jobs WHERE id = ?1", [&id], |_| Ok(()))
            .optional()?
            .is_some()
        {
            id = format!("j{}", &stable_id(&format!("{id}\0again"))[..7]);
        }
        tx.execute(
            "INSERT INTO jobs(id, title, company, url, source, interview_date, text, created_at) \
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                job.title,
                job.company,
                job.url,
                job.source,
                job.interview_date,
                job.text,
                now
            ],
        )?;
        insert_keywords(&tx, &id, keywords)?;
        Self::bump_generation(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn jobs(&self) -> Result<Vec<Job>> {
        let ids: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM jobs ORDER BY created_at DESC, id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        ids.iter().map(|id| self.job(id)).collect()
    }

    /// A job by id (or unique prefix).
    pub fn job(&self, id: &str) -> Result<Job> {
        let row = self
            .conn
            .query_row(
                "SELECT id, title, company, url, source, interview_date, text FROM jobs \
                 WHERE id = ?1 OR (length(?1) >= 3 AND substr(id, 1, length(?1)) = ?1) \
                 ORDER BY id = ?1 DESC, created_at DESC LIMIT 1",
                [id],
                |r| {
                    Ok(Job {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        company: r.get(2)?,
                        url: r.get(3)?,
                        source: r.get(4)?,
                        interview_date: r.get(5)?,
                        text: r.get(6)?,
                        keywords: Vec::new(),
                        requirements: Default::default(),
                    })
                },
            )
            .optional()?;
        let mut job = row.ok_or_else(|| Error::not_found("job", id))?;
        let mut stmt = self.conn.prepare(
            "SELECT keyword_id, name, kind, section, weight, count, category, matched FROM job_keywords \
             WHERE job_id = ?1 AND removed = 0 ORDER BY weight DESC, position",
        )?;
        let rows = stmt.query_map([&job.id], |r| {
            Ok(Keyword {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: kind_of(&r.get::<_, String>(2)?),
                section: SectionKind::parse(&r.get::<_, String>(3)?)
                    .unwrap_or(SectionKind::Summary),
                weight: r.get::<_, f64>(4)? as f32,
                count: r.get::<_, i64>(5)? as usize,
                category: r.get(6)?,
                matched: serde_json::from_str(&r.get::<_, String>(7)?).unwrap_or_default(),
                group: String::new(),
                years: None,
            })
        })?;
        job.keywords = rows.collect::<rusqlite::Result<_>>()?;
        // Requirements are read again from the posting's text (a pure function of it).
        let posting = crate::jobs::posting::parse_text(&job.text);
        job.requirements = crate::jobs::requirements::requirements(&posting, &job.keywords);
        if job.requirements.title.is_none() {
            job.requirements.title = job.title.clone();
        }
        crate::jobs::Keyword::annotate(&mut job.keywords, &job.requirements);
        Ok(job)
    }

    /// Removes a keyword from a job's list (kept, marked removed, so it does not return).
    pub fn remove_job_keyword(&mut self, job: &str, keyword: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE job_keywords SET removed = 1 WHERE job_id = ?1 AND (keyword_id = ?2 OR lower(name) = lower(?2))",
            params![job, keyword],
        )?;
        if n == 0 {
            return Err(Error::not_found("keyword", keyword));
        }
        Ok(())
    }

    /// Adds a keyword the person wants, or brings a removed one back.
    pub fn add_job_keyword(&mut self, job: &str, k: &Keyword) -> Result<()> {
        self.conn.execute(
            "INSERT INTO job_keywords(job_id, keyword_id, name, kind, section, weight, count, category, matched, origin, removed, position) \
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'added', 0, 0) \
             ON CONFLICT(job_id, keyword_id) DO UPDATE SET removed = 0, weight = excluded.weight",
            params![
                job,
                k.id,
                k.name,
                kind_str(k.kind),
                k.section.as_str(),
                k.weight as f64,
                k.count as i64,
                k.category,
                serde_json::to_string(&k.matched).unwrap_or_else(|_| "[]".into())
            ],
        )?;
        Ok(())
    }

    pub fn set_job_keyword_weight(&mut self, job: &str, keyword: &str, weight: f32) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE job_keywords SET weight = ?3 WHERE job_id = ?1 AND (keyword_id = ?2 OR lower(name) = lower(?2))",
            params![job, keyword, weight as f64],
        )?;
        if n == 0 {
            return Err(Error::not_found("keyword", keyword));
        }
        Ok(())
    }

    /// Recomputes every card's skills (after the lexicon changed) in one transaction.
    pub fn refresh_skills(&mut self, skills_of: impl Fn(&str, &str) -> Vec<String>) -> Result<()> {
        let tx = self.write_tx()?;
        {
            let mut read = tx.prepare("SELECT id, question, answer FROM cards")?;
            let mut write = tx.prepare("UPDATE cards SET skills = ?2 WHERE id = ?1")?;
            let rows: Vec<(String, String, String)> = read
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (id, q, a) in rows {
                let skills =
                    serde_json::to_string(&skills_of(&q, &a)).unwrap_or_else(|_| "[]".into());
                write.execute(params![id, skills])?;
            }
        }
        Self::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
