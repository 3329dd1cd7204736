//! Versioned schema migrations, applied in order inside one transaction each.
//!
//! `PRAGMA user_version` records how many have run. A migration is never edited once it
//! has shipped; changes come as new entries at the end.

use rusqlite::Connection;

use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    // 1: decks and cards.
    "CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
     );
     CREATE TABLE decks (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        source     TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
     );
     CREATE UNIQUE INDEX decks_name ON decks(name COLLATE NOCASE);
     CREATE INDEX decks_source ON decks(source);
     CREATE TABLE cards (
        id          TEXT PRIMARY KEY,
        deck_id     TEXT NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        question    TEXT NOT NULL,
        answer      TEXT NOT NULL,
        section     TEXT NOT NULL DEFAULT '[]',
        tags        TEXT NOT NULL DEFAULT '[]',
        source_file TEXT,
        line_start  INTEGER NOT NULL DEFAULT 0,
        line_end    INTEGER NOT NULL DEFAULT 0,
        unanswered  INTEGER NOT NULL DEFAULT 0,
        shape       TEXT NOT NULL DEFAULT '',
        position    INTEGER NOT NULL DEFAULT 0,
        archived    INTEGER NOT NULL DEFAULT 0,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
     );
     CREATE INDEX cards_deck ON cards(deck_id, archived, position);",
    // 2: skills on cards; job postings and their (editable) keywords.
    "ALTER TABLE cards ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
     CREATE TABLE jobs (
        id             TEXT PRIMARY KEY,
        title          TEXT,
        company        TEXT,
        url            TEXT,
        source         TEXT,
        interview_date TEXT,
        text           TEXT NOT NULL,
        created_at     INTEGER NOT NULL
     );
     CREATE TABLE job_keywords (
        job_id     TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        keyword_id TEXT NOT NULL,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        section    TEXT NOT NULL,
        weight     REAL NOT NULL,
        count      INTEGER NOT NULL,
        category   TEXT,
        matched    TEXT NOT NULL DEFAULT '[]',
        origin     TEXT NOT NULL DEFAULT 'extracted',
        removed    INTEGER NOT NULL DEFAULT 0,
        position   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (job_id, keyword_id)
     );",
    // 3: rehearsal (sessions, attempts, schedules) and annotations (notes, highlights, tag
    // edits, stars, versions, edits made in the app and conflicts with the file).
    "ALTER TABLE decks ADD COLUMN target_secs INTEGER;
     ALTER TABLE cards ADD COLUMN key TEXT;
     ALTER TABLE cards ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE cards ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE cards ADD COLUMN file_question TEXT;
     ALTER TABLE cards ADD COLUMN file_answer TEXT;
     ALTER TABLE cards ADD COLUMN conflict TEXT;
     ALTER TABLE cards ADD COLUMN import_tags TEXT;
     ALTER TABLE cards ADD COLUMN tag_edits TEXT NOT NULL DEFAULT '{}';
     ALTER TABLE cards ADD COLUMN notes_text TEXT NOT NULL DEFAULT '';
     CREATE INDEX cards_key ON cards(deck_id, key);
     CREATE TABLE sessions (
        id          TEXT PRIMARY KEY,
        started_at  INTEGER NOT NULL,
        source      TEXT NOT NULL,
        target_secs INTEGER NOT NULL,
        cards       TEXT NOT NULL DEFAULT '[]'
     );
     CREATE TABLE attempts (
        id          INTEGER PRIMARY KEY,
        card_id     TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        session_id  TEXT,
        started_at  INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        target_secs INTEGER NOT NULL,
        rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        typed       TEXT,
        created_at  INTEGER NOT NULL
     );
     CREATE INDEX attempts_card ON attempts(card_id, started_at);
     CREATE INDEX attempts_session ON attempts(session_id);
     CREATE TABLE schedule (
        card_id     TEXT PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
        stability   REAL NOT NULL,
        difficulty  REAL NOT NULL,
        due         INTEGER NOT NULL,
        last_review INTEGER NOT NULL,
        reps        INTEGER NOT NULL,
        lapses      INTEGER NOT NULL
     );
     CREATE TABLE notes (
        id         INTEGER PRIMARY KEY,
        card_id    TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        body       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
     );
     CREATE INDEX notes_card ON notes(card_id);
     CREATE TABLE highlights (
        id         INTEGER PRIMARY KEY,
        card_id    TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        exact      TEXT NOT NULL,
        prefix     TEXT NOT NULL,
        suffix     TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        comment    TEXT,
        orphan     INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
     );
     CREATE INDEX highlights_card ON highlights(card_id);
     CREATE TABLE versions (
        id         INTEGER PRIMARY KEY,
        card_id    TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
        question   TEXT NOT NULL,
        answer     TEXT NOT NULL,
        origin     TEXT NOT NULL,
        created_at INTEGER NOT NULL
     );
     CREATE INDEX versions_card ON versions(card_id, id);",
    // 4: what is shown with a question (code to read before answering).
    "ALTER TABLE cards ADD COLUMN context TEXT NOT NULL DEFAULT '';",
    // 5: résumés, kept as their normalised text and read again on load.
    "CREATE TABLE resumes (
        id       TEXT PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        source   TEXT NOT NULL,
        text     TEXT NOT NULL,
        added_at INTEGER NOT NULL
     );",
    // 6: the due list reads schedules by due date.
    "CREATE INDEX schedule_due ON schedule(due);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

pub fn migrate(conn: &mut Connection) -> Result<()> {
    let current: usize =
        conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
    if current > SCHEMA_VERSION {
        return Err(Error::InvalidInput(format!(
            "this library was written by a newer Cuecard (schema {current}, this build knows {SCHEMA_VERSION}); update Cuecard to open it"
        )));
    }
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    // Several processes may open a new library at once: each migration runs under the write
    // lock and reads the version again inside it, so one process applies it and the others
    // see it done.
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now: usize = tx.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize;
        if now >= SCHEMA_VERSION {
            tx.commit()?;
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[now])?;
        tx.pragma_update(None, "user_version", (now + 1) as i64)?;
        tx.commit()?;
    }
}
