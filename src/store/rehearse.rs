//! Rehearsal records: sessions, attempts (one row per rating, committed at once) and each
//! card's schedule, which is always the replay of its attempts.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::Store;
use crate::error::{Error, Result};
use crate::rehearse::fsrs::{Fsrs, MemoryState, Review, Schedule};
use crate::rehearse::Rating;

/// An attempt as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAttempt {
    pub id: i64,
    pub card_id: String,
    pub session_id: Option<String>,
    /// Unix milliseconds when the question was shown.
    pub started_at_ms: i64,
    pub duration_ms: u64,
    pub target_secs: u32,
    pub rating: Rating,
    pub typed: Option<String>,
}

impl StoredAttempt {
    /// The moment the rating was given, in unix seconds.
    pub fn rated_at(&self) -> i64 {
        (self.started_at_ms + self.duration_ms as i64) / 1000
    }
}

/// A new attempt to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAttempt<'a> {
    pub card_id: &'a str,
    pub session_id: Option<&'a str>,
    pub started_at_ms: i64,
    pub duration_ms: u64,
    pub target_secs: u32,
    pub rating: Rating,
    pub typed: Option<&'a str>,
}

/// A stored session.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    pub id: String,
    pub started_at: i64,
    pub source: String,
    pub target_secs: u32,
    pub cards: Vec<String>,
}

const ATTEMPT_COLUMNS: &str =
    "id, card_id, session_id, started_at, duration_ms, target_secs, rating, typed";

fn attempt_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredAttempt> {
    let rating: u8 = r.get(6)?;
    Ok(StoredAttempt {
        id: r.get(0)?,
        card_id: r.get(1)?,
        session_id: r.get(2)?,
        started_at_ms: r.get(3)?,
        duration_ms: r.get::<_, i64>(4)?.max(0) as u64,
        target_secs: r.get::<_, i64>(5)?.max(0) as u32,
        rating: Rating::from_u8(rating).unwrap_or(Rating::Again),
        typed: r.get(7)?,
    })
}

fn schedule_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, Schedule)> {
    Ok((
        r.get(0)?,
        Schedule {
            state: MemoryState {
                stability: r.get(1)?,
                difficulty: r.get(2)?,
            },
            due: r.get(3)?,
            last_review: r.get(4)?,
            reps: r.get::<_, i64>(5)? as u32,
            lapses: r.get::<_, i64>(6)? as u32,
        },
    ))
}

/// Replays every attempt of a card into its schedule and stores it; None when the card has
/// no attempts.
pub(crate) fn replay_schedule(
    tx: &rusqlite::Transaction<'_>,
    card_id: &str,
    fsrs: &Fsrs,
) -> Result<Option<Schedule>> {
    let reviews: Vec<Review> = {
        let mut stmt = tx.prepare(
            "SELECT started_at, duration_ms, rating FROM attempts WHERE card_id = ?1 \
             ORDER BY started_at + duration_ms, id",
        )?;
        let rows = stmt.query_map([card_id], |r| {
            let start: i64 = r.get(0)?;
            let dur: i64 = r.get(1)?;
            let rating: u8 = r.get(2)?;
            Ok(Review {
                at: (start + dur.max(0)) / 1000,
                rating: Rating::from_u8(rating).unwrap_or(Rating::Again),
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let Some(schedule) = fsrs.replay(&reviews) else {
        return Ok(None);
    };
    tx.execute(
        "INSERT INTO schedule(card_id, stability, difficulty, due, last_review, reps, lapses) \
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT(card_id) DO UPDATE SET stability = excluded.stability, \
           difficulty = excluded.difficulty, due = excluded.due, \
           last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses",
        params![
            card_id,
            schedule.state.stability,
            schedule.state.difficulty,
            schedule.due,
            schedule.last_review,
            schedule.reps,
            schedule.lapses
        ],
    )?;
    Ok(Some(schedule))
}

impl Store {
    /// The deck's target answer length in seconds, if one was set.
    pub fn deck_target(&self, deck_id: &str) -> Result<Option<u32>> {
        let v: Option<Option<i64>> = self
            .conn
            .query_row(
                "SELECT target_secs FROM decks WHERE id = ?1",
                [deck_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.flatten().map(|s| s.max(1) as u32))
    }

    pub fn set_deck_target(&mut self, deck_id: &str, secs: Option<u32>) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE decks SET target_secs = ?2 WHERE id = ?1",
            params![deck_id, secs],
        )?;
        if n == 0 {
            return Err(Error::not_found("deck", deck_id.to_string()));
        }
        Ok(())
    }

    pub fn create_session(&mut self, s: &StoredSession) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sessions(id, started_at, source, target_secs, cards) VALUES(?1, ?2, ?3, ?4, ?5)",
            params![
                s.id,
                s.started_at,
                s.source,
                s.target_secs,
                serde_json::to_string(&s.cards).unwrap_or_else(|_| "[]".into())
            ],
        )?;
        Ok(())
    }

    pub fn session(&self, id: &str) -> Result<Option<StoredSession>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, started_at, source, target_secs, cards FROM sessions WHERE id = ?1",
                [id],
                |r| {
                    Ok(StoredSession {
                        id: r.get(0)?,
                        started_at: r.get(1)?,
                        source: r.get(2)?,
                        target_secs: r.get::<_, i64>(3)? as u32,
                        cards: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
                    })
                },
            )
            .optional()?)
    }

    /// Stores one attempt and the card's new schedule in one transaction, committed before
    /// this returns. The schedule is the replay of every attempt of the card, so two
    /// rehearsals of the same card at once (window and CLI) both count.
    pub fn record_attempt(
        &mut self,
        a: &NewAttempt<'_>,
        fsrs: &Fsrs,
        now: i64,
    ) -> Result<(i64, Schedule)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists = tx
            .query_row("SELECT 1 FROM cards WHERE id = ?1", [a.card_id], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Err(Error::not_found("card", a.card_id.to_string()));
        }
        tx.execute(
            "INSERT INTO attempts(card_id, session_id, started_at, duration_ms, target_secs, rating, typed, created_at) \
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                a.card_id,
                a.session_id,
                a.started_at_ms,
                a.duration_ms as i64,
                a.target_secs,
                a.rating.as_u8(),
                a.typed,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        let schedule = replay_schedule(&tx, a.card_id, fsrs)?
            .ok_or_else(|| Error::InvalidInput("no attempts to schedule".into()))?;
        tx.commit()?;
        Ok((id, schedule))
    }

    /// A card's attempts, oldest first.
    pub fn attempts_of(&self, card_id: &str) -> Result<Vec<StoredAttempt>> {
        self.query_attempts("WHERE card_id = ?1", [card_id])
    }

    /// A session's attempts, in the order they were made.
    pub fn attempts_in_session(&self, session_id: &str) -> Result<Vec<StoredAttempt>> {
        self.query_attempts("WHERE session_id = ?1", [session_id])
    }

    /// Every attempt, oldest first.
    pub fn all_attempts(&self) -> Result<Vec<StoredAttempt>> {
        self.query_attempts("", [])
    }

    fn query_attempts<P: rusqlite::Params>(
        &self,
        filter: &str,
        p: P,
    ) -> Result<Vec<StoredAttempt>> {
        let sql =
            format!("SELECT {ATTEMPT_COLUMNS} FROM attempts {filter} ORDER BY started_at, id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(p, attempt_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every card's schedule, by card id.
    pub fn schedules(&self) -> Result<HashMap<String, Schedule>> {
        let mut stmt = self.conn.prepare(
            "SELECT card_id, stability, difficulty, due, last_review, reps, lapses FROM schedule",
        )?;
        let rows = stmt.query_map([], schedule_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Live cards whose schedule falls due at or before `until`, through the schedule's
    /// due-date index: (card id, question, deck name, schedule), soonest first.
    pub fn due_rows(&self, until: i64) -> Result<Vec<(String, String, String, Schedule)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.card_id, s.stability, s.difficulty, s.due, s.last_review, s.reps, s.lapses, \
                    c.question, d.name \
             FROM schedule s JOIN cards c ON c.id = s.card_id JOIN decks d ON d.id = c.deck_id \
             WHERE s.due <= ?1 AND c.archived = 0 ORDER BY s.due",
        )?;
        let rows = stmt.query_map([until], |r| {
            let (id, schedule) = schedule_from_row(r)?;
            Ok((id, r.get(7)?, r.get(8)?, schedule))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Live, answered cards never practised and not marked to ask: (card id, question, deck
    /// name), the first `limit` in the order the cards were stored.
    pub fn never_practised(&self, limit: usize) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.question, d.name, c.tags \
             FROM cards c JOIN decks d ON d.id = c.deck_id \
             WHERE c.archived = 0 AND c.unanswered = 0 \
               AND NOT EXISTS (SELECT 1 FROM schedule s WHERE s.card_id = c.id) \
             ORDER BY c.rowid",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while out.len() < limit {
            let Some(r) = rows.next()? else { break };
            let tags = super::parse_list(&r.get::<_, String>(3)?);
            if !tags.iter().any(|t| t == crate::model::TO_ASK_TAG) {
                out.push((r.get(0)?, r.get(1)?, r.get(2)?));
            }
        }
        Ok(out)
    }

    pub fn schedule_of(&self, card_id: &str) -> Result<Option<Schedule>> {
        Ok(self
            .conn
            .query_row(
                "SELECT card_id, stability, difficulty, due, last_review, reps, lapses \
                 FROM schedule WHERE card_id = ?1",
                [card_id],
                schedule_from_row,
            )
            .optional()?
            .map(|(_, s)| s))
    }
}
