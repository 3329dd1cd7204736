//! The SQLite store: the library's source of truth.
//!
//! Owns the schema and its migrations, and every write: one import is one transaction.
//! It knows nothing about the search index; the facade updates the index from what the
//! store reports. Each write bumps a generation counter, which the index records so that a
//! stale or missing index is noticed and rebuilt from here.

mod annotate;
mod fuzzy;
mod jobs;
mod rehearse;
mod resumes;
mod schema;
mod transfer;

pub(crate) use annotate::{add_highlight_tx, merge_extras_tx};
pub use annotate::{CardExtras, StoredHighlight, StoredNote, StoredVersion, TagEdits};
pub use jobs::{Job, NewJob};
pub use rehearse::{NewAttempt, StoredAttempt, StoredSession};
pub use resumes::StoredResume;
pub use transfer::{
    CardExport, DeckExport, LibraryExport, TransferCounts, EXPORT_FORMAT, EXPORT_VERSION,
};

use std::collections::HashMap;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::model::{Card, CardId, Deck, DeckId};

/// A card as the importer hands it to the store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCard {
    /// The normalised question; with the deck it makes the card's id.
    pub key: String,
    pub question: String,
    /// Markdown shown with the question (code to read); often empty.
    pub context: String,
    pub answer: String,
    pub section: Vec<String>,
    pub tags: Vec<String>,
    pub line_start: usize,
    pub line_end: usize,
    pub unanswered: bool,
    pub shape: String,
    /// Skill ids the card names (the jobs lexicon), for matching.
    pub skills: Vec<String>,
}

/// Which deck an import goes into.
#[derive(Debug, Clone)]
pub enum DeckTarget<'a> {
    /// The deck with this name (made if missing), as given with `--deck`.
    Named(&'a str),
    /// The deck last imported from this source; if none, a new deck with the suggested name.
    FromSource { suggested_name: &'a str },
}

/// What one import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Cards edited in the app that the document changed too (the app's text is kept).
    pub conflicts: usize,
}

/// The result of storing one document.
#[derive(Debug, Clone)]
pub struct StoredImport {
    pub deck: Deck,
    pub counts: ImportCounts,
}

/// An open library database.
pub struct Store {
    conn: Connection,
}

const CARD_COLUMNS: &str = "c.id, c.deck_id, d.name, c.question, c.answer, c.section, c.tags, \
     c.source_file, c.line_start, c.line_end, c.unanswered, c.archived, c.skills, c.starred, \
     c.edited, c.conflict IS NOT NULL, c.notes_text, c.context";

pub(crate) fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
}

fn parse_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

fn card_from_row(row: &Row<'_>) -> rusqlite::Result<Card> {
    Ok(Card {
        id: CardId(row.get(0)?),
        deck_id: DeckId(row.get(1)?),
        deck: row.get(2)?,
        question: row.get(3)?,
        answer: row.get(4)?,
        section: parse_list(&row.get::<_, String>(5)?),
        tags: parse_list(&row.get::<_, String>(6)?),
        source_file: row.get(7)?,
        source_line: row.get::<_, i64>(8)? as usize,
        source_line_end: row.get::<_, i64>(9)? as usize,
        unanswered: row.get(10)?,
        archived: row.get(11)?,
        skills: parse_list(&row.get::<_, String>(12)?),
        starred: row.get(13)?,
        edited: row.get(14)?,
        conflict: row.get(15)?,
        notes_text: row.get(16)?,
        context: row.get(17)?,
    })
}

/// A card's id: from its deck and its normalised question, so re-imports find it again.
pub fn card_id(deck_id: &str, key: &str) -> CardId {
    CardId(stable_id(&format!("{deck_id}\0{key}")))
}

/// A short, stable hexadecimal id from a key (64-bit FNV-1a, 48 bits kept).
pub fn stable_id(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// A private in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL lets the app read while the CLI writes; in-memory databases answer "memory".
        // Several processes opening a new library at once: switching its journal can answer
        // "busy" at once, without waiting on the busy timeout, so it is tried again a while.
        let mut tries = 0;
        loop {
            match conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0)) {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 100 =>
                {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                r => {
                    r?;
                    break;
                }
            }
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut store = Store { conn };
        schema::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// A write transaction that takes the write lock when it begins (`BEGIN IMMEDIATE`), so
    /// the busy timeout waits for another writer instead of failing at the first write, and
    /// two writers never deadlock upgrading read locks.
    pub(crate) fn write_tx(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    /// Writes a consistent, compacted copy of the database to `path`.
    pub fn vacuum_into(&self, path: &Path) -> Result<()> {
        let p = path.to_str().ok_or_else(|| {
            Error::InvalidInput(format!("{} is not a usable path", path.display()))
        })?;
        self.conn.execute("VACUUM INTO ?1", [p])?;
        Ok(())
    }

    /// Checks that a file is a Cuecard library database this build can read.
    pub fn check_backup(path: &Path) -> Result<()> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::IsDirectory(path.to_path_buf()));
        }
        let bad = |why: String| {
            Error::InvalidInput(format!(
                "{} is not a Cuecard backup ({why}); give a file from the library's backups folder",
                path.display()
            ))
        };
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| bad(e.to_string()))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| bad(e.to_string()))?;
        if version as usize > schema::SCHEMA_VERSION {
            return Err(bad(format!("written by a newer Cuecard, schema {version}")));
        }
        let tables: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('decks', 'cards')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| bad(e.to_string()))?;
        if tables != 2 {
            return Err(bad("it has no decks and cards".into()));
        }
        Ok(())
    }

    /// Counter bumped by every write; the index stores the value it was built from.
    pub fn generation(&self) -> Result<u64> {
        let g: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(g.and_then(|s| s.parse().ok()).unwrap_or(0))
    }

    pub(crate) fn bump_generation(tx: &rusqlite::Transaction<'_>) -> Result<()> {
        tx.execute(
            "INSERT INTO meta(key, value) VALUES('generation', '1') \
             ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            [],
        )?;
        Ok(())
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES(?1, ?2) \
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// All decks with their live card counts, by name.
    pub fn decks(&self) -> Result<Vec<Deck>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.name, d.source, \
               (SELECT COUNT(*) FROM cards c WHERE c.deck_id = d.id AND c.archived = 0) \
             FROM decks d ORDER BY d.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Deck {
                id: DeckId(r.get(0)?),
                name: r.get(1)?,
                source: r.get(2)?,
                cards: r.get::<_, i64>(3)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The deck whose id or name (case-insensitive) is `key`.
    pub fn find_deck(&self, key: &str) -> Result<Option<Deck>> {
        Ok(self
            .decks()?
            .into_iter()
            .find(|d| d.id.as_str() == key || d.name.eq_ignore_ascii_case(key))
            .or(None))
    }

    /// Cards of one deck (or all), in document order; archived ones only when asked.
    pub fn cards(&self, deck: Option<&DeckId>, archived: bool) -> Result<Vec<Card>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id \
             WHERE c.archived = ?1 AND (?2 IS NULL OR c.deck_id = ?2) \
             ORDER BY d.name COLLATE NOCASE, c.position"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![archived, deck.map(|d| d.as_str())], card_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `f` with every live card (of one deck, or all), without holding them all in
    /// memory.
    pub fn for_each_live_card_in(
        &self,
        deck: Option<&str>,
        mut f: impl FnMut(Card) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id \
             WHERE c.archived = 0 AND (?1 IS NULL OR c.deck_id = ?1) ORDER BY c.rowid"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([deck])?;
        while let Some(row) = rows.next()? {
            f(card_from_row(row)?)?;
        }
        Ok(())
    }

    pub fn card(&self, id: &str) -> Result<Option<Card>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?1"
        );
        Ok(self.conn.query_row(&sql, [id], card_from_row).optional()?)
    }

    /// The questions of the cards `ids` (those that exist), in one query.
    pub fn questions(&self, ids: &[&str]) -> Result<std::collections::HashMap<String, String>> {
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        // SQLite binds at most 999 parameters in older builds: a few queries for long lists.
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id, question FROM cards WHERE id IN ({marks})"
            ))?;
            let rows = stmt.query_map(rusqlite::params_from_iter(chunk.iter()), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, q) = row?;
                out.insert(id, q);
            }
        }
        Ok(out)
    }

    /// Cards whose id starts with `prefix` (for short ids typed at the command line).
    pub fn card_ids_with_prefix(&self, prefix: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM cards WHERE substr(id, 1, length(?1)) = ?1 LIMIT 5")?;
        let rows = stmt.query_map([prefix], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores one imported document in one transaction: new cards added, changed ones
    /// updated, cards no longer in `source` archived (never deleted), the rest untouched.
    ///
    /// A card is found again by its normalised question; failing that, a card of the same
    /// document that has gone missing and whose question is nearly the same is taken to be
    /// it (a small edit to the question keeps its notes and history). A card edited in the
    /// app keeps the app's text: when the document changed it too, the document's text is
    /// kept aside as a conflict for the person to settle.
    pub fn import_document(
        &mut self,
        source: &str,
        target: DeckTarget<'_>,
        cards: &[NewCard],
    ) -> Result<StoredImport> {
        self.import_document_then(source, target, cards, |_, _| Ok(()))
    }

    /// [`Store::import_document`], then `then` with the deck's id inside the same
    /// transaction: what it writes (the marks of a markdown export) lands with the cards or
    /// not at all.
    pub fn import_document_then(
        &mut self,
        source: &str,
        target: DeckTarget<'_>,
        cards: &[NewCard],
        then: impl FnOnce(&rusqlite::Transaction<'_>, &str) -> Result<()>,
    ) -> Result<StoredImport> {
        let now = now_secs();
        let tx = self.write_tx()?;
        let deck_id = resolve_deck(&tx, source, &target, now)?;

        struct Existing {
            question: String,
            context: String,
            answer: String,
            section: String,
            file_tags: String,
            tag_edits: String,
            unanswered: bool,
            archived: bool,
            source_file: Option<String>,
            edited: bool,
            file_question: Option<String>,
            file_answer: Option<String>,
            updated_at: i64,
        }
        let mut existing: HashMap<String, Existing> = HashMap::new();
        let mut by_key: HashMap<String, String> = HashMap::new();
        {
            let mut stmt = tx.prepare(
                "SELECT id, question, answer, section, COALESCE(import_tags, tags), tag_edits,                    unanswered, archived, source_file, key, edited, file_question, file_answer, updated_at, context \
                 FROM cards WHERE deck_id = ?1",
            )?;
            let mut rows = stmt.query([&deck_id])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                if let Some(key) = r.get::<_, Option<String>>(9)? {
                    by_key.insert(key, id.clone());
                }
                existing.insert(
                    id,
                    Existing {
                        question: r.get(1)?,
                        answer: r.get(2)?,
                        section: r.get(3)?,
                        file_tags: r.get(4)?,
                        tag_edits: r.get(5)?,
                        unanswered: r.get(6)?,
                        archived: r.get(7)?,
                        source_file: r.get(8)?,
                        edited: r.get(10)?,
                        file_question: r.get(11)?,
                        file_answer: r.get(12)?,
                        updated_at: r.get(13)?,
                        context: r.get(14)?,
                    },
                );
            }
        }
        let mut ids: Vec<String> = cards
            .iter()
            .map(|c| {
                by_key
                    .get(&c.key)
                    .cloned()
                    .unwrap_or_else(|| card_id(&deck_id, &c.key).0)
            })
            .collect();
        {
            // Questions edited a little: pair unmatched new cards with missing old ones.
            let claimed: std::collections::HashSet<&str> = ids
                .iter()
                .filter(|id| existing.contains_key(*id))
                .map(String::as_str)
                .collect();
            let unmatched: Vec<usize> = (0..cards.len())
                .filter(|&i| !existing.contains_key(&ids[i]))
                .collect();
            let missing: Vec<(&str, &str)> = existing
                .iter()
                .filter(|(id, e)| {
                    !e.archived
                        && e.source_file.as_deref() == Some(source)
                        && !claimed.contains(id.as_str())
                })
                .map(|(id, e)| (id.as_str(), e.question.as_str()))
                .collect();
            let new_questions: Vec<(usize, &str)> = unmatched
                .iter()
                .map(|&i| (i, cards[i].question.as_str()))
                .collect();
            let pairs = fuzzy::pair_questions(&new_questions, &missing);
            for (i, old) in pairs {
                ids[i] = old;
            }
        }

        let mut counts = ImportCounts::default();
        {
            let mut insert = tx.prepare(
                "INSERT INTO cards(id, deck_id, question, answer, section, tags, source_file, \
                   line_start, line_end, unanswered, shape, position, archived, created_at, updated_at, skills, \
                   key, import_tags, context) \
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?13, ?13, ?14, ?15, ?6, ?16)",
            )?;
            let mut update = tx.prepare(
                "UPDATE cards SET question = ?2, answer = ?3, section = ?4, tags = ?5, \
                   source_file = ?6, line_start = ?7, line_end = ?8, unanswered = ?9, shape = ?10, \
                   position = ?11, archived = 0, updated_at = ?12, skills = ?13, key = ?14, \
                   import_tags = ?15, context = ?16 WHERE id = ?1",
            )?;
            let mut touch = tx.prepare(
                "UPDATE cards SET line_start = ?2, line_end = ?3, position = ?4, shape = ?5, \
                 skills = CASE WHEN edited = 1 THEN skills ELSE ?6 END, key = ?7, section = ?8, \
                 tags = ?9, import_tags = ?10, archived = 0, source_file = ?11 WHERE id = ?1",
            )?;
            let mut conflict = tx.prepare(
                "UPDATE cards SET conflict = ?2, file_question = ?3, file_answer = ?4 WHERE id = ?1",
            )?;
            let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
            for (position, (card, id)) in cards.iter().zip(&ids).enumerate() {
                if !seen.insert(id.as_str()) {
                    continue;
                }
                let section = json_list(&card.section);
                let file_tags = json_list(&card.tags);
                match existing.get(id.as_str()) {
                    None => {
                        insert.execute(params![
                            id,
                            deck_id,
                            card.question,
                            card.answer,
                            section,
                            file_tags,
                            source,
                            card.line_start as i64,
                            card.line_end as i64,
                            card.unanswered,
                            card.shape,
                            position as i64,
                            now,
                            json_list(&card.skills),
                            card.key,
                            card.context
                        ])?;
                        counts.added += 1;
                    }
                    Some(old) => {
                        let tags =
                            json_list(&annotate::TagEdits::parse(&old.tag_edits).apply(&card.tags));
                        let touch_it = |touch: &mut rusqlite::Statement<'_>| {
                            touch.execute(params![
                                id,
                                card.line_start as i64,
                                card.line_end as i64,
                                position as i64,
                                card.shape,
                                json_list(&card.skills),
                                card.key,
                                section,
                                tags,
                                file_tags,
                                source
                            ])
                        };
                        if old.edited {
                            let fq = old.file_question.as_deref().unwrap_or(&old.question);
                            let fa = old.file_answer.as_deref().unwrap_or(&old.answer);
                            touch_it(&mut touch)?;
                            if fq == card.question && fa == card.answer {
                                counts.unchanged += 1;
                            } else {
                                let c = crate::annotate::Conflict {
                                    question: card.question.clone(),
                                    answer: card.answer.clone(),
                                };
                                conflict.execute(params![
                                    id,
                                    serde_json::to_string(&c).unwrap_or_default(),
                                    card.question,
                                    card.answer
                                ])?;
                                counts.conflicts += 1;
                            }
                            if old.archived {
                                counts.added += 1;
                            }
                            continue;
                        }
                        let same_text = old.question == card.question && old.answer == card.answer;
                        let same = !old.archived
                            && same_text
                            && old.context == card.context
                            && old.section == section
                            && old.file_tags == file_tags
                            && old.unanswered == card.unanswered
                            && old.source_file.as_deref() == Some(source);
                        if same {
                            touch_it(&mut touch)?;
                            counts.unchanged += 1;
                        } else {
                            if !same_text {
                                annotate::record_version(
                                    &tx,
                                    id,
                                    (&old.question, &old.answer, old.updated_at),
                                    (&card.question, &card.answer),
                                    "import",
                                    now,
                                )?;
                            }
                            update.execute(params![
                                id,
                                card.question,
                                card.answer,
                                section,
                                tags,
                                source,
                                card.line_start as i64,
                                card.line_end as i64,
                                card.unanswered,
                                card.shape,
                                position as i64,
                                now,
                                json_list(&card.skills),
                                card.key,
                                file_tags,
                                card.context
                            ])?;
                            if old.answer != card.answer {
                                annotate::reanchor(&tx, id, &card.answer)?;
                            }
                            if old.archived {
                                counts.added += 1;
                            } else {
                                counts.updated += 1;
                            }
                        }
                    }
                }
            }
            let mut archive =
                tx.prepare("UPDATE cards SET archived = 1, updated_at = ?2 WHERE id = ?1")?;
            for (id, old) in &existing {
                if !old.archived
                    && old.source_file.as_deref() == Some(source)
                    && !seen.contains(id.as_str())
                {
                    archive.execute(params![id, now])?;
                    counts.removed += 1;
                }
            }
        }
        tx.execute(
            "UPDATE decks SET updated_at = ?2 WHERE id = ?1",
            params![deck_id, now],
        )?;
        then(&tx, &deck_id)?;
        Self::bump_generation(&tx)?;
        tx.commit()?;
        let deck = self
            .find_deck(&deck_id)?
            .ok_or_else(|| Error::not_found("deck", deck_id.clone()))?;
        Ok(StoredImport { deck, counts })
    }
}

pub(crate) fn resolve_deck(
    tx: &rusqlite::Transaction<'_>,
    source: &str,
    target: &DeckTarget<'_>,
    now: i64,
) -> Result<String> {
    let found: Option<String> = match target {
        DeckTarget::Named(name) => tx
            .query_row(
                "SELECT id FROM decks WHERE name = ?1 COLLATE NOCASE",
                [name],
                |r| r.get(0),
            )
            .optional()?,
        DeckTarget::FromSource { .. } => tx
            .query_row(
                "SELECT id FROM decks WHERE source = ?1 ORDER BY created_at LIMIT 1",
                [source],
                |r| r.get(0),
            )
            .optional()?,
    };
    if let Some(id) = found {
        return Ok(id);
    }
    let wanted = match target {
        DeckTarget::Named(name) => name.trim().to_string(),
        DeckTarget::FromSource { suggested_name } => suggested_name.trim().to_string(),
    };
    let wanted = if wanted.is_empty() {
        "Imported".to_string()
    } else {
        wanted
    };
    // A name already taken by a deck from another source gets a number.
    let mut name = wanted.clone();
    let mut n = 2;
    while tx
        .query_row(
            "SELECT 1 FROM decks WHERE name = ?1 COLLATE NOCASE",
            [&name],
            |_| Ok(()),
        )
        .optional()?
        .is_some()
    {
        name = format!("{wanted} ({n})");
        n += 1;
    }
    let mut id = stable_id(&format!("deck\0{}", name.to_lowercase()))[..8].to_string();
    while tx
        .query_row("SELECT 1 FROM decks WHERE id = ?1", [&id], |_| Ok(()))
        .optional()?
        .is_some()
    {
        id = stable_id(&format!("{id}\0again"))[..8].to_string();
    }
    tx.execute(
        "INSERT INTO decks(id, name, source, created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?4)",
        params![id, name, source, now],
    )?;
    Ok(id)
}
