//! Backups of the library database: one a day made automatically (the last 7 days kept),
//! one on demand, and a restore that first backs up what it replaces.

use std::path::{Path, PathBuf};

use super::Library;
use crate::error::{Error, Result};

/// Automatic backups older than this many days are deleted.
pub const KEEP_DAYS: i64 = 7;

/// A backup file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BackupFile {
    pub path: String,
    pub bytes: u64,
    /// Unix seconds.
    pub modified: i64,
}

fn backups_dir(root: &Path) -> PathBuf {
    root.join("backups")
}

fn stamp(now: i64) -> String {
    let t = chrono::DateTime::<chrono::Utc>::from_timestamp(now, 0).unwrap_or_default();
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d-%H%M%S")
        .to_string()
}

fn day(now: i64) -> String {
    stamp(now)[..10].to_string()
}

fn modified_secs(p: &Path) -> i64 {
    std::fs::metadata(p)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64)
}

/// Backups in a library folder, newest first.
pub fn list_backups(root: &Path) -> Vec<BackupFile> {
    let mut out: Vec<BackupFile> = std::fs::read_dir(backups_dir(root))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".sqlite"))
        .map(|e| BackupFile {
            path: e.path().display().to_string(),
            bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
            modified: modified_secs(&e.path()),
        })
        .collect();
    out.sort_by(|a, b| b.path.cmp(&a.path));
    out
}

impl Library {
    /// Writes a consistent copy of the database to `backups/` and returns its path.
    pub fn backup(&self, now: i64, label: &str) -> Result<PathBuf> {
        let dir = backups_dir(&self.root);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let mut path = dir.join(format!("library-{}{label}.sqlite", stamp(now)));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("library-{}{label}-{n}.sqlite", stamp(now)));
            n += 1;
        }
        self.store.vacuum_into(&path)?;
        Ok(path)
    }

    /// Makes today's automatic backup if there is none yet, and deletes automatic backups
    /// older than [`KEEP_DAYS`]. Returns the new backup, if one was made.
    pub fn auto_backup(&self, now: i64) -> Result<Option<PathBuf>> {
        let today = day(now);
        let existing = list_backups(&self.root);
        for b in &existing {
            let auto = b.path.ends_with("-auto.sqlite");
            if auto && b.modified < now - KEEP_DAYS * 86_400 {
                let _ = std::fs::remove_file(&b.path);
            }
        }
        let has_today = existing.iter().any(|b| {
            Path::new(&b.path)
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("library-{today}")))
        });
        if has_today {
            return Ok(None);
        }
        Ok(Some(self.backup(now, "-auto")?))
    }

    /// Replaces the library's database with a backup. The current database is backed up
    /// first; the search index is rebuilt from the restored data.
    pub fn restore(root: &Path, backup: &Path, now: i64) -> Result<(PathBuf, Library)> {
        crate::store::Store::check_backup(backup)?;
        let db = root.join("library.sqlite");
        let busy = || {
            Error::InvalidInput(format!(
                "another Cuecard process is writing to the library in {} (an import, or the app saving); nothing was restored: try again when it is done",
                root.display()
            ))
        };
        // Refuse while another process writes: its work would be overwritten while it
        // reports success. The store's write lock and the index writer both say so.
        {
            let probe = rusqlite::Connection::open(&db)?;
            probe.busy_timeout(std::time::Duration::from_millis(500))?;
            match probe.execute_batch("BEGIN IMMEDIATE; COMMIT;") {
                Ok(()) => {}
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) =>
                {
                    return Err(busy())
                }
                Err(e) => return Err(e.into()),
            }
        }
        let safety = {
            let lib = Library::open(root)?;
            match lib.index.try_writer() {
                Ok(Some(_)) => {}
                Ok(None) => return Err(busy()),
                Err(e) => return Err(e),
            }
            lib.backup(now, "-before-restore")?
        };
        // SQLite's online backup copies the backup's pages into the live database under its
        // own locks: the WAL stays consistent and readers in other processes see the
        // restored library at their next read. No file is deleted or renamed.
        {
            let src = rusqlite::Connection::open_with_flags(
                backup,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            )?;
            let mut dst = rusqlite::Connection::open(&db)?;
            dst.busy_timeout(std::time::Duration::from_secs(5))?;
            let b = rusqlite::backup::Backup::new(&src, &mut dst)?;
            b.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        }
        // The index follows the restored store: it is rebuilt on open.
        {
            let store = crate::store::Store::open(&db)?;
            store.set_meta(super::INDEX_BEHIND, "1")?;
        }
        Ok((safety, Library::open(root)?))
    }
}
