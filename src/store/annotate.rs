//! Notes, highlights, tags, stars, versions and in-app edits. Every change is one
//! transaction and bumps the generation, so the search index (notes, tags, stars) follows.

use std::collections::BTreeSet;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{json_list, now_secs, parse_list, Store};
use crate::annotate::anchor::{self, TextQuote};
use crate::error::{Error, Result};

/// Tags the person added to or removed from a card's document tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagEdits {
    #[serde(default)]
    pub added: BTreeSet<String>,
    #[serde(default)]
    pub removed: BTreeSet<String>,
}

impl TagEdits {
    pub fn parse(s: &str) -> TagEdits {
        serde_json::from_str(s).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// The document's tags with the person's edits applied, in order.
    pub fn apply(&self, from_file: &[String]) -> Vec<String> {
        let mut out: Vec<String> = from_file
            .iter()
            .filter(|t| !self.removed.contains(*t))
            .cloned()
            .collect();
        for t in &self.added {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
        out
    }
}

/// A stored note.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredNote {
    pub id: i64,
    pub card_id: String,
    pub body: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A stored highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredHighlight {
    pub id: i64,
    pub card_id: String,
    pub quote: TextQuote,
    pub comment: Option<String>,
    pub orphan: bool,
    pub created_at: i64,
}

/// A stored version of a card's question and answer.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVersion {
    pub id: i64,
    pub card_id: String,
    pub question: String,
    pub answer: String,
    pub origin: String,
    pub created_at: i64,
}

/// A card's user data as a whole, for export and import of a library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CardExtras {
    pub notes: Vec<String>,
    pub tag_edits: TagEdits,
    pub starred: bool,
}

fn version_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredVersion> {
    Ok(StoredVersion {
        id: r.get(0)?,
        card_id: r.get(1)?,
        question: r.get(2)?,
        answer: r.get(3)?,
        origin: r.get(4)?,
        created_at: r.get(5)?,
    })
}

fn card_exists(tx: &Transaction<'_>, card_id: &str) -> Result<()> {
    tx.query_row("SELECT 1 FROM cards WHERE id = ?1", [card_id], |_| Ok(()))
        .optional()?
        .ok_or_else(|| Error::not_found("card", card_id.to_string()))
}

/// A card's tags as its document gives them, and the person's edits to them.
fn tag_state(tx: &Transaction<'_>, card_id: &str) -> Result<(Vec<String>, TagEdits)> {
    let (file_tags, edits): (Option<String>, String) = tx
        .query_row(
            "SELECT COALESCE(import_tags, tags), tag_edits FROM cards WHERE id = ?1",
            [card_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("card", card_id.to_string()))?;
    Ok((
        parse_list(file_tags.as_deref().unwrap_or("[]")),
        TagEdits::parse(&edits),
    ))
}

/// Stores the edits and the tags they give; returns those tags.
fn save_tags(
    tx: &Transaction<'_>,
    card_id: &str,
    file_tags: &[String],
    edits: &TagEdits,
) -> Result<Vec<String>> {
    let tags = edits.apply(file_tags);
    tx.execute(
        "UPDATE cards SET tags = ?2, tag_edits = ?3, import_tags = ?4 WHERE id = ?1",
        params![
            card_id,
            json_list(&tags),
            edits.to_json(),
            json_list(file_tags)
        ],
    )?;
    Ok(tags)
}

/// Recomputes the card's notes text (what the index searches with `note:`).
pub(crate) fn refresh_notes_text(tx: &Transaction<'_>, card_id: &str) -> Result<()> {
    tx.execute(
        "UPDATE cards SET notes_text = COALESCE((SELECT group_concat(body, char(10) || char(10)) \
           FROM (SELECT body FROM notes WHERE card_id = ?1 ORDER BY id)), '') WHERE id = ?1",
        [card_id],
    )?;
    Ok(())
}

/// Records a change of question or answer: the first change also keeps what was there
/// before, so every earlier text can be brought back.
pub(crate) fn record_version(
    tx: &Transaction<'_>,
    card_id: &str,
    before: (&str, &str, i64),
    after: (&str, &str),
    origin: &str,
    now: i64,
) -> Result<()> {
    let any: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM versions WHERE card_id = ?1)",
        [card_id],
        |r| r.get(0),
    )?;
    if !any {
        tx.execute(
            "INSERT INTO versions(card_id, question, answer, origin, created_at) VALUES(?1, ?2, ?3, 'import', ?4)",
            params![card_id, before.0, before.1, before.2],
        )?;
    }
    tx.execute(
        "INSERT INTO versions(card_id, question, answer, origin, created_at) VALUES(?1, ?2, ?3, ?4, ?5)",
        params![card_id, after.0, after.1, origin, now],
    )?;
    Ok(())
}

/// Re-attaches a card's highlights to its (changed) answer; those whose words are gone
/// become orphans, and orphans whose words are back are attached again.
pub(crate) fn reanchor(tx: &Transaction<'_>, card_id: &str, answer_markdown: &str) -> Result<()> {
    let text = crate::render::plain_text(answer_markdown);
    let rows: Vec<(i64, TextQuote)> = {
        let mut stmt = tx.prepare(
            "SELECT id, exact, prefix, suffix, start, end FROM highlights WHERE card_id = ?1",
        )?;
        let rows = stmt.query_map([card_id], |r| {
            Ok((
                r.get(0)?,
                TextQuote {
                    exact: r.get(1)?,
                    prefix: r.get(2)?,
                    suffix: r.get(3)?,
                    start: r.get::<_, i64>(4)? as usize,
                    end: r.get::<_, i64>(5)? as usize,
                },
            ))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, quote) in rows {
        match anchor::anchor(&text, &quote).and_then(|a| anchor::describe(&text, a.start, a.end)) {
            Some(q) => tx.execute(
                "UPDATE highlights SET exact = ?2, prefix = ?3, suffix = ?4, start = ?5, end = ?6, orphan = 0 WHERE id = ?1",
                params![id, q.exact, q.prefix, q.suffix, q.start as i64, q.end as i64],
            )?,
            None => tx.execute("UPDATE highlights SET orphan = 1 WHERE id = ?1", [id])?,
        };
    }
    Ok(())
}

impl Store {
    fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.write_tx()?;
        let out = f(&tx)?;
        Self::bump_generation(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn add_note(&mut self, card_id: &str, body: &str) -> Result<i64> {
        let body = body.trim();
        if body.is_empty() {
            return Err(Error::InvalidInput("a note needs some text".into()));
        }
        let now = now_secs();
        self.write(|tx| {
            card_exists(tx, card_id)?;
            tx.execute(
                "INSERT INTO notes(card_id, body, created_at, updated_at) VALUES(?1, ?2, ?3, ?3)",
                params![card_id, body, now],
            )?;
            let id = tx.last_insert_rowid();
            refresh_notes_text(tx, card_id)?;
            Ok(id)
        })
    }

    /// Changes a note's text; an empty text deletes the note.
    pub fn update_note(&mut self, note_id: i64, body: &str) -> Result<()> {
        let now = now_secs();
        let body = body.trim().to_string();
        self.write(|tx| {
            let card: String = tx
                .query_row("SELECT card_id FROM notes WHERE id = ?1", [note_id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| Error::not_found("note", note_id.to_string()))?;
            if body.is_empty() {
                tx.execute("DELETE FROM notes WHERE id = ?1", [note_id])?;
            } else {
                tx.execute(
                    "UPDATE notes SET body = ?2, updated_at = ?3 WHERE id = ?1",
                    params![note_id, body, now],
                )?;
            }
            refresh_notes_text(tx, &card)
        })
    }

    pub fn notes_of(&self, card_id: &str) -> Result<Vec<StoredNote>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, card_id, body, created_at, updated_at FROM notes WHERE card_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([card_id], |r| {
            Ok(StoredNote {
                id: r.get(0)?,
                card_id: r.get(1)?,
                body: r.get(2)?,
                created_at: r.get(3)?,
                updated_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a highlight anchored in the card's current answer. Fails when the words are not
    /// in the answer.
    pub fn add_highlight(
        &mut self,
        card_id: &str,
        quote: &TextQuote,
        comment: Option<&str>,
    ) -> Result<i64> {
        let now = now_secs();
        self.write(|tx| add_highlight_tx(tx, card_id, quote, comment, now))
    }

    pub fn delete_highlight(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM highlights WHERE id = ?1", [id])? == 0 {
                return Err(Error::not_found("highlight", id.to_string()));
            }
            Ok(())
        })
    }

    pub fn highlights_of(&self, card_id: &str) -> Result<Vec<StoredHighlight>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, card_id, exact, prefix, suffix, start, end, comment, orphan, created_at \
             FROM highlights WHERE card_id = ?1 ORDER BY start, id",
        )?;
        let rows = stmt.query_map([card_id], |r| {
            Ok(StoredHighlight {
                id: r.get(0)?,
                card_id: r.get(1)?,
                quote: TextQuote {
                    exact: r.get(2)?,
                    prefix: r.get(3)?,
                    suffix: r.get(4)?,
                    start: r.get::<_, i64>(5)? as usize,
                    end: r.get::<_, i64>(6)? as usize,
                },
                comment: r.get(7)?,
                orphan: r.get(8)?,
                created_at: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_starred(&mut self, card_id: &str, starred: bool) -> Result<()> {
        self.write(|tx| {
            card_exists(tx, card_id)?;
            tx.execute(
                "UPDATE cards SET starred = ?2 WHERE id = ?1",
                params![card_id, starred],
            )?;
            Ok(())
        })
    }

    /// Adds (or, with `add` false, removes) a tag; returns the card's tags after.
    pub fn edit_tag(&mut self, card_id: &str, tag: &str, add: bool) -> Result<Vec<String>> {
        let tag = crate::index::tag_slug(tag);
        if tag.is_empty() {
            return Err(Error::InvalidInput(
                "a tag needs letters or digits (like star-story)".into(),
            ));
        }
        self.write(|tx| {
            let (file_tags, mut edits) = tag_state(tx, card_id)?;
            let from_file = file_tags.contains(&tag);
            if add {
                edits.removed.remove(&tag);
                if !from_file {
                    edits.added.insert(tag.clone());
                }
            } else {
                edits.added.remove(&tag);
                if from_file {
                    edits.removed.insert(tag.clone());
                }
            }
            save_tags(tx, card_id, &file_tags, &edits)
        })
    }

    /// Changes the question and/or answer in the app, keeping the earlier text as a version.
    /// `skills_of` re-tags the card with the skills it names.
    pub fn edit_card(
        &mut self,
        card_id: &str,
        question: Option<&str>,
        answer: Option<&str>,
        origin: &str,
        skills_of: impl Fn(&str, &str) -> Vec<String>,
    ) -> Result<bool> {
        let now = now_secs();
        self.write(|tx| {
            let (q, a, updated, fq, fa): (String, String, i64, Option<String>, Option<String>) = tx
                .query_row(
                    "SELECT question, answer, updated_at, file_question, file_answer FROM cards WHERE id = ?1",
                    [card_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()?
                .ok_or_else(|| Error::not_found("card", card_id.to_string()))?;
            let new_q = question.map(str::trim).unwrap_or(&q).to_string();
            let new_a = answer.map(|s| s.trim_end()).unwrap_or(&a).to_string();
            if new_q.trim().is_empty() {
                return Err(Error::InvalidInput("a card needs a question".into()));
            }
            if new_q == q && new_a == a {
                return Ok(false);
            }
            record_version(tx, card_id, (&q, &a, updated), (&new_q, &new_a), origin, now)?;
            // The document's text is what the card said before its first edit.
            tx.execute(
                "UPDATE cards SET question = ?2, answer = ?3, updated_at = ?4, edited = 1, \
                   file_question = ?5, file_answer = ?6, skills = ?7, \
                   unanswered = CASE WHEN trim(?3) = '' THEN 1 ELSE 0 END WHERE id = ?1",
                params![
                    card_id,
                    new_q,
                    new_a,
                    now,
                    fq.unwrap_or(q),
                    fa.unwrap_or(a),
                    json_list(&skills_of(&new_q, &new_a))
                ],
            )?;
            reanchor(tx, card_id, &new_a)?;
            Ok(true)
        })
    }

    /// Every version of a card, oldest first (empty when it never changed).
    pub fn versions_of(&self, card_id: &str) -> Result<Vec<StoredVersion>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, card_id, question, answer, origin, created_at FROM versions WHERE card_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([card_id], version_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn version(&self, id: i64) -> Result<StoredVersion> {
        self.conn
            .query_row(
                "SELECT id, card_id, question, answer, origin, created_at FROM versions WHERE id = ?1",
                [id],
                version_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("version", id.to_string()))
    }

    /// The document's version of a card in conflict with an app edit, if any.
    pub fn conflict_of(&self, card_id: &str) -> Result<Option<crate::annotate::Conflict>> {
        let c: Option<Option<String>> = self
            .conn
            .query_row("SELECT conflict FROM cards WHERE id = ?1", [card_id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(c.flatten().and_then(|s| serde_json::from_str(&s).ok()))
    }

    /// Settles a conflict: keep the app's text, or take the document's (kept as a version).
    pub fn resolve_conflict(
        &mut self,
        card_id: &str,
        keep: crate::annotate::Keep,
        skills_of: impl Fn(&str, &str) -> Vec<String>,
    ) -> Result<()> {
        let conflict = self.conflict_of(card_id)?.ok_or_else(|| {
            Error::InvalidInput(format!("card {card_id} has no conflict to settle"))
        })?;
        match keep {
            crate::annotate::Keep::App => self.write(|tx| {
                tx.execute("UPDATE cards SET conflict = NULL WHERE id = ?1", [card_id])?;
                Ok(())
            }),
            crate::annotate::Keep::File => {
                self.edit_card(
                    card_id,
                    Some(&conflict.question),
                    Some(&conflict.answer),
                    "file",
                    skills_of,
                )?;
                self.write(|tx| {
                    tx.execute(
                        "UPDATE cards SET conflict = NULL, edited = 0, file_question = NULL, file_answer = NULL WHERE id = ?1",
                        [card_id],
                    )?;
                    Ok(())
                })
            }
        }
    }

    /// Notes, tag edits and star of a card, as a whole.
    pub fn extras_of(&self, card_id: &str) -> Result<CardExtras> {
        let (edits, starred): (String, bool) = self
            .conn
            .query_row(
                "SELECT tag_edits, starred FROM cards WHERE id = ?1",
                [card_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("card", card_id.to_string()))?;
        Ok(CardExtras {
            notes: self
                .notes_of(card_id)?
                .into_iter()
                .map(|n| n.body)
                .collect(),
            tag_edits: TagEdits::parse(&edits),
            starred,
        })
    }

    /// Merges notes (those not already there), tag edits and the star into a card.
    pub fn merge_extras(&mut self, card_id: &str, extras: &CardExtras) -> Result<()> {
        let now = now_secs();
        self.write(|tx| merge_extras_tx(tx, card_id, extras, now))
    }

    /// A card written in the app (no source document) in the deck named `deck`, made if
    /// missing. Fails when the deck already has this question.
    pub fn create_card(
        &mut self,
        deck: &str,
        question: &str,
        answer: &str,
        tags: &[String],
        skills: Vec<String>,
    ) -> Result<String> {
        let question = question.trim();
        if question.is_empty() {
            return Err(Error::InvalidInput("a card needs a question".into()));
        }
        let now = now_secs();
        let key = crate::import::normalize_question(question);
        self.write(|tx| {
            let deck_id = super::resolve_deck(
                tx,
                "",
                &super::DeckTarget::Named(deck),
                now,
            )?;
            let id = super::card_id(&deck_id, &key).0;
            let taken: Option<bool> = tx
                .query_row("SELECT archived FROM cards WHERE id = ?1", [&id], |r| r.get(0))
                .optional()?;
            if taken == Some(false) {
                return Err(Error::InvalidInput(format!(
                    "the deck \"{deck}\" already has the question \"{question}\" (card {id})"
                )));
            }
            let position: i64 = tx.query_row(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM cards WHERE deck_id = ?1",
                [&deck_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO cards(id, deck_id, question, answer, section, tags, source_file, \
                   line_start, line_end, unanswered, shape, position, archived, created_at, updated_at, \
                   skills, key, import_tags) \
                 VALUES(?1, ?2, ?3, ?4, '[]', ?5, NULL, 0, 0, ?6, 'app', ?7, 0, ?8, ?8, ?9, ?10, '[]')",
                params![
                    id,
                    deck_id,
                    question,
                    answer.trim_end(),
                    json_list(tags),
                    answer.trim().is_empty(),
                    position,
                    now,
                    json_list(&skills),
                    key
                ],
            )?;
            if !tags.is_empty() {
                let edits = TagEdits {
                    added: tags.iter().cloned().collect(),
                    removed: BTreeSet::new(),
                };
                tx.execute(
                    "UPDATE cards SET tag_edits = ?2 WHERE id = ?1",
                    params![id, edits.to_json()],
                )?;
            }
            Ok(id)
        })
    }
}

/// [`Store::merge_extras`] inside a transaction the caller commits.
pub(crate) fn merge_extras_tx(
    tx: &Transaction<'_>,
    card_id: &str,
    extras: &CardExtras,
    now: i64,
) -> Result<()> {
    let (file_tags, mut e) = tag_state(tx, card_id)?;
    for body in &extras.notes {
        let there: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM notes WHERE card_id = ?1 AND body = ?2)",
            params![card_id, body.trim()],
            |r| r.get(0),
        )?;
        if !there && !body.trim().is_empty() {
            tx.execute(
                "INSERT INTO notes(card_id, body, created_at, updated_at) VALUES(?1, ?2, ?3, ?3)",
                params![card_id, body.trim(), now],
            )?;
        }
    }
    refresh_notes_text(tx, card_id)?;
    e.added.extend(extras.tag_edits.added.iter().cloned());
    e.removed.extend(extras.tag_edits.removed.iter().cloned());
    save_tags(tx, card_id, &file_tags, &e)?;
    tx.execute(
        "UPDATE cards SET starred = starred OR ?2 WHERE id = ?1",
        params![card_id, extras.starred],
    )?;
    Ok(())
}

/// [`Store::add_highlight`] inside a transaction the caller commits.
pub(crate) fn add_highlight_tx(
    tx: &Transaction<'_>,
    card_id: &str,
    quote: &TextQuote,
    comment: Option<&str>,
    now: i64,
) -> Result<i64> {
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    let answer: String = tx
        .query_row("SELECT answer FROM cards WHERE id = ?1", [card_id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("card", card_id.to_string()))?;
    let text = crate::render::plain_text(&answer);
    let q = anchor::anchor(&text, quote)
        .and_then(|a| anchor::describe(&text, a.start, a.end))
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "\"{}\" is not in the answer; select words of the answer to highlight",
                quote.exact
            ))
        })?;
    tx.execute(
            "INSERT INTO highlights(card_id, exact, prefix, suffix, start, end, comment, orphan, created_at) \
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)",
            params![card_id, q.exact, q.prefix, q.suffix, q.start as i64, q.end as i64, comment, now],
        )?;
    Ok(tx.last_insert_rowid())
}
