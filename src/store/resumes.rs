//! Résumés as stored: the normalised text, read again on load.

use rusqlite::{params, OptionalExtension};

use super::{now_secs, stable_id, Store};
use crate::error::Result;

/// A stored résumé, before it is analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResume {
    pub id: String,
    pub name: String,
    pub source: String,
    pub text: String,
    pub added_at: i64,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredResume> {
    Ok(StoredResume {
        id: r.get(0)?,
        name: r.get(1)?,
        source: r.get(2)?,
        text: r.get(3)?,
        added_at: r.get(4)?,
    })
}

impl Store {
    /// Stores a résumé under `name`, replacing the one of that name (its id stays, so what
    /// refers to it keeps doing so). It becomes the latest.
    pub fn put_resume(&mut self, name: &str, source: &str, text: &str) -> Result<StoredResume> {
        let id = stable_id(&format!("resume:{name}"));
        let added_at = now_secs().max(self.latest_resume_time()? + 1);
        self.conn.execute(
            "INSERT INTO resumes(id, name, source, text, added_at) VALUES(?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(name) DO UPDATE SET source = excluded.source, text = excluded.text,
               added_at = excluded.added_at",
            params![id, name, source, text, added_at],
        )?;
        Ok(StoredResume {
            id,
            name: name.to_string(),
            source: source.to_string(),
            text: text.to_string(),
            added_at,
        })
    }

    fn latest_resume_time(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(added_at), 0) FROM resumes", [], |r| {
                r.get(0)
            })?)
    }

    /// The résumé of that name, or the latest added.
    pub fn resume(&self, name: Option<&str>) -> Result<Option<StoredResume>> {
        let sql = "SELECT id, name, source, text, added_at FROM resumes";
        Ok(match name {
            Some(n) => self
                .conn
                .query_row(
                    &format!("{sql} WHERE name = ?1 OR id = ?1"),
                    params![n],
                    from_row,
                )
                .optional()?,
            None => self
                .conn
                .query_row(
                    &format!("{sql} ORDER BY added_at DESC, rowid DESC LIMIT 1"),
                    [],
                    from_row,
                )
                .optional()?,
        })
    }

    /// Every résumé, latest first.
    pub fn resumes(&self) -> Result<Vec<StoredResume>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, source, text, added_at FROM resumes ORDER BY added_at DESC",
        )?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
