//! A whole library (or some decks) as one JSON document, and back: decks, cards (archived
//! ones too), notes, highlights, tag edits, stars, versions, attempts and jobs.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{json_list, now_secs, parse_list, Store};
use crate::error::{Error, Result};

/// The `format` field of a Cuecard JSON export.
pub const EXPORT_FORMAT: &str = "cuecard";
/// The version of the export written by this build.
pub const EXPORT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryExport {
    pub format: String,
    pub version: u32,
    pub decks: Vec<DeckExport>,
    #[serde(default)]
    pub jobs: Vec<crate::store::Job>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeckExport {
    pub id: String,
    pub name: String,
    pub source: Option<String>,
    #[serde(default)]
    pub target_secs: Option<u32>,
    pub cards: Vec<CardExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteExport {
    pub body: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HighlightExport {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
    pub comment: Option<String>,
    pub orphan: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionExport {
    pub question: String,
    pub answer: String,
    pub origin: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptExport {
    pub session_id: Option<String>,
    pub started_at_ms: i64,
    pub duration_ms: u64,
    pub target_secs: u32,
    pub rating: u8,
    pub typed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardExport {
    pub id: String,
    pub key: Option<String>,
    pub question: String,
    #[serde(default)]
    pub context: String,
    pub answer: String,
    pub section: Vec<String>,
    /// Tags as the document gives them (section slugs).
    pub file_tags: Vec<String>,
    /// Tags in force (the document's with the person's edits).
    pub tags: Vec<String>,
    pub tag_edits: super::TagEdits,
    pub source_file: Option<String>,
    pub line_start: usize,
    pub line_end: usize,
    pub unanswered: bool,
    pub shape: String,
    pub position: i64,
    pub archived: bool,
    pub starred: bool,
    pub edited: bool,
    pub file_question: Option<String>,
    pub file_answer: Option<String>,
    pub conflict: Option<String>,
    pub skills: Vec<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub notes: Vec<NoteExport>,
    pub highlights: Vec<HighlightExport>,
    pub versions: Vec<VersionExport>,
    pub attempts: Vec<AttemptExport>,
}

/// What importing an export did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransferCounts {
    pub decks: usize,
    pub cards: usize,
    pub skipped_cards: usize,
    pub notes: usize,
    pub attempts: usize,
    pub jobs: usize,
    /// Per deck of the export, by name: cards added, and cards already there (left as
    /// they are).
    pub per_deck: Vec<(String, usize, usize)>,
}

impl Store {
    /// Decks (all, or those given by id) with everything about their cards.
    pub fn export_library(&self, deck_ids: Option<&[String]>) -> Result<LibraryExport> {
        let mut decks = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT id, name, source, target_secs FROM decks ORDER BY name COLLATE NOCASE",
        )?;
        let rows: Vec<(String, String, Option<String>, Option<i64>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, name, source, target) in rows {
            if deck_ids.is_some_and(|ids| !ids.contains(&id)) {
                continue;
            }
            decks.push(DeckExport {
                cards: self.export_cards(&id)?,
                id,
                name,
                source,
                target_secs: target.map(|t| t as u32),
            });
        }
        let jobs = if deck_ids.is_none() {
            self.jobs()?
        } else {
            Vec::new()
        };
        Ok(LibraryExport {
            format: EXPORT_FORMAT.into(),
            version: EXPORT_VERSION,
            decks,
            jobs,
        })
    }

    fn export_cards(&self, deck_id: &str) -> Result<Vec<CardExport>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, key, question, answer, section, COALESCE(import_tags, tags), tags, tag_edits, \
               source_file, line_start, line_end, unanswered, shape, position, archived, starred, \
               edited, file_question, file_answer, conflict, skills, created_at, updated_at, context \
             FROM cards WHERE deck_id = ?1 ORDER BY archived, position",
        )?;
        let rows = stmt.query_map([deck_id], |r| {
            Ok(CardExport {
                id: r.get(0)?,
                key: r.get(1)?,
                question: r.get(2)?,
                answer: r.get(3)?,
                section: parse_list(&r.get::<_, String>(4)?),
                file_tags: parse_list(&r.get::<_, String>(5)?),
                tags: parse_list(&r.get::<_, String>(6)?),
                tag_edits: super::TagEdits::parse(&r.get::<_, String>(7)?),
                source_file: r.get(8)?,
                line_start: r.get::<_, i64>(9)? as usize,
                line_end: r.get::<_, i64>(10)? as usize,
                unanswered: r.get(11)?,
                shape: r.get(12)?,
                position: r.get(13)?,
                archived: r.get(14)?,
                starred: r.get(15)?,
                edited: r.get(16)?,
                file_question: r.get(17)?,
                file_answer: r.get(18)?,
                conflict: r.get(19)?,
                skills: parse_list(&r.get::<_, String>(20)?),
                created_at: r.get(21)?,
                updated_at: r.get(22)?,
                context: r.get(23)?,
                notes: Vec::new(),
                highlights: Vec::new(),
                versions: Vec::new(),
                attempts: Vec::new(),
            })
        })?;
        let mut cards: Vec<CardExport> = rows.collect::<rusqlite::Result<_>>()?;
        for c in &mut cards {
            c.notes = self
                .notes_of(&c.id)?
                .into_iter()
                .map(|n| NoteExport {
                    body: n.body,
                    created_at: n.created_at,
                    updated_at: n.updated_at,
                })
                .collect();
            c.highlights = self
                .highlights_of(&c.id)?
                .into_iter()
                .map(|h| HighlightExport {
                    exact: h.quote.exact,
                    prefix: h.quote.prefix,
                    suffix: h.quote.suffix,
                    start: h.quote.start,
                    end: h.quote.end,
                    comment: h.comment,
                    orphan: h.orphan,
                    created_at: h.created_at,
                })
                .collect();
            c.versions = self
                .versions_of(&c.id)?
                .into_iter()
                .map(|v| VersionExport {
                    question: v.question,
                    answer: v.answer,
                    origin: v.origin,
                    created_at: v.created_at,
                })
                .collect();
            c.attempts = self
                .attempts_of(&c.id)?
                .into_iter()
                .map(|a| AttemptExport {
                    session_id: a.session_id,
                    started_at_ms: a.started_at_ms,
                    duration_ms: a.duration_ms,
                    target_secs: a.target_secs,
                    rating: a.rating.as_u8(),
                    typed: a.typed,
                })
                .collect();
        }
        Ok(cards)
    }

    /// Loads an export in one transaction. Decks are matched by name (made when missing);
    /// a card whose id is already in the library is left as it is and counted as skipped.
    pub fn import_library(
        &mut self,
        export: &LibraryExport,
        fsrs: &crate::rehearse::fsrs::Fsrs,
    ) -> Result<TransferCounts> {
        if export.format != EXPORT_FORMAT || export.version > EXPORT_VERSION || export.version < 2 {
            return Err(Error::InvalidInput(format!(
                "this JSON is not a Cuecard library export this version can read (format \"{}\", version {}); export it again with `cuecard export --format json`",
                export.format, export.version
            )));
        }
        let now = now_secs();
        let tx = self.write_tx()?;
        let mut counts = TransferCounts::default();
        let mut touched_cards = Vec::new();
        for d in &export.decks {
            let found: Option<String> = tx
                .query_row(
                    "SELECT id FROM decks WHERE name = ?1 COLLATE NOCASE",
                    [&d.name],
                    |r| r.get(0),
                )
                .optional()?;
            let deck_id = match found {
                Some(id) => id,
                None => {
                    let taken = tx
                        .query_row("SELECT 1 FROM decks WHERE id = ?1", [&d.id], |_| Ok(()))
                        .optional()?
                        .is_some();
                    let id = if taken {
                        super::stable_id(&format!("deck\0{}\0{now}", d.name))[..8].to_string()
                    } else {
                        d.id.clone()
                    };
                    tx.execute(
                        "INSERT INTO decks(id, name, source, created_at, updated_at, target_secs) VALUES(?1, ?2, ?3, ?4, ?4, ?5)",
                        params![id, d.name, d.source, now, d.target_secs],
                    )?;
                    counts.decks += 1;
                    id
                }
            };
            let (mut added_here, mut kept_here) = (0, 0);
            for c in &d.cards {
                let there = tx
                    .query_row("SELECT 1 FROM cards WHERE id = ?1", [&c.id], |_| Ok(()))
                    .optional()?
                    .is_some();
                if there {
                    counts.skipped_cards += 1;
                    kept_here += 1;
                    continue;
                }
                added_here += 1;
                tx.execute(
                    "INSERT INTO cards(id, deck_id, question, answer, section, tags, source_file, line_start, \
                       line_end, unanswered, shape, position, archived, created_at, updated_at, skills, key, \
                       starred, edited, file_question, file_answer, conflict, import_tags, tag_edits, context) \
                     VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
                       ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
                    params![
                        c.id,
                        deck_id,
                        c.question,
                        c.answer,
                        json_list(&c.section),
                        json_list(&c.tags),
                        c.source_file,
                        c.line_start as i64,
                        c.line_end as i64,
                        c.unanswered,
                        c.shape,
                        c.position,
                        c.archived,
                        c.created_at,
                        c.updated_at,
                        json_list(&c.skills),
                        c.key,
                        c.starred,
                        c.edited,
                        c.file_question,
                        c.file_answer,
                        c.conflict,
                        json_list(&c.file_tags),
                        c.tag_edits.to_json(),
                        c.context
                    ],
                )?;
                counts.cards += 1;
                for n in &c.notes {
                    tx.execute(
                        "INSERT INTO notes(card_id, body, created_at, updated_at) VALUES(?1, ?2, ?3, ?4)",
                        params![c.id, n.body, n.created_at, n.updated_at],
                    )?;
                    counts.notes += 1;
                }
                super::annotate::refresh_notes_text(&tx, &c.id)?;
                for h in &c.highlights {
                    tx.execute(
                        "INSERT INTO highlights(card_id, exact, prefix, suffix, start, end, comment, orphan, created_at) \
                         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![c.id, h.exact, h.prefix, h.suffix, h.start as i64, h.end as i64, h.comment, h.orphan, h.created_at],
                    )?;
                }
                for v in &c.versions {
                    tx.execute(
                        "INSERT INTO versions(card_id, question, answer, origin, created_at) VALUES(?1, ?2, ?3, ?4, ?5)",
                        params![c.id, v.question, v.answer, v.origin, v.created_at],
                    )?;
                }
                for a in &c.attempts {
                    if !(1..=4).contains(&a.rating) {
                        continue;
                    }
                    tx.execute(
                        "INSERT INTO attempts(card_id, session_id, started_at, duration_ms, target_secs, rating, typed, created_at) \
                         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![c.id, a.session_id, a.started_at_ms, a.duration_ms as i64, a.target_secs, a.rating, a.typed, now],
                    )?;
                    counts.attempts += 1;
                }
                if !c.attempts.is_empty() {
                    touched_cards.push(c.id.clone());
                }
            }
            counts
                .per_deck
                .push((d.name.clone(), added_here, kept_here));
        }
        for job in &export.jobs {
            let there = tx
                .query_row("SELECT 1 FROM jobs WHERE id = ?1", [&job.id], |_| Ok(()))
                .optional()?
                .is_some();
            if there {
                continue;
            }
            tx.execute(
                "INSERT INTO jobs(id, title, company, url, source, interview_date, text, created_at) \
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![job.id, job.title, job.company, job.url, job.source, job.interview_date, job.text, now],
            )?;
            super::jobs::insert_keywords(&tx, &job.id, &job.keywords)?;
            counts.jobs += 1;
        }
        // Schedules are the replay of the attempts.
        for id in &touched_cards {
            super::rehearse::replay_schedule(&tx, id, fsrs)?;
        }
        Self::bump_generation(&tx)?;
        tx.commit()?;
        Ok(counts)
    }
}
