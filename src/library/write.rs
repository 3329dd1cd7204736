//! The one write path: every change to a library is one store transaction that says what
//! it changed, and this module alone brings the index up to date from that change set.
//!
//! The index writer is taken before the store commits. When another process holds it past
//! the wait, a write either refuses with nothing changed ([`WhenBusy::Refuse`], for imports:
//! the person runs it again) or is saved and the index marked behind
//! ([`WhenBusy::MarkBehind`], for small edits: a note is never lost for want of the index),
//! to be rebuilt when the library is next opened or refreshed.

use std::collections::BTreeSet;

use super::{Library, INDEX_BEHIND};
use crate::error::{Error, Result};
use crate::store::Store;

/// What one write changed, as far as the index is concerned.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    /// Cards whose index entry is read again from the store (added, edited, annotated,
    /// archived: an archived or missing card leaves the index).
    pub cards: BTreeSet<String>,
    /// Decks whose cards are all read again (an import).
    pub decks: BTreeSet<String>,
}

impl ChangeSet {
    pub fn card(id: impl Into<String>) -> ChangeSet {
        ChangeSet {
            cards: BTreeSet::from([id.into()]),
            ..ChangeSet::default()
        }
    }

    pub fn deck(id: impl Into<String>) -> ChangeSet {
        ChangeSet {
            decks: BTreeSet::from([id.into()]),
            ..ChangeSet::default()
        }
    }

    /// Nothing the index shows changed (a review, a job, a setting).
    pub fn none() -> ChangeSet {
        ChangeSet::default()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.decks.is_empty()
    }

    pub fn extend(&mut self, other: ChangeSet) {
        self.cards.extend(other.cards);
        self.decks.extend(other.decks);
    }
}

/// What a write does when another process holds the index writer past the wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhenBusy {
    /// Refuse with `library_busy`; nothing is changed.
    Refuse,
    /// Save the change and mark the index behind.
    MarkBehind,
}

impl Library {
    /// Runs `change` (one store transaction, returning its value and what it changed) and
    /// brings the index up to date from the change set.
    pub(crate) fn write<T>(
        &mut self,
        when_busy: WhenBusy,
        threads: usize,
        change: impl FnOnce(&mut Store) -> Result<(T, ChangeSet)>,
    ) -> Result<T> {
        self.before_first_write();
        let writer = match self.index.writer(threads) {
            Ok(w) => Some(w),
            Err(Error::LibraryBusy(_)) if when_busy == WhenBusy::MarkBehind => None,
            Err(e) => return Err(e),
        };
        let before = self.store.generation()?;
        let (value, changes) = match change(&mut self.store) {
            Ok(done) => done,
            Err(e) => {
                // A change made of several store transactions failed part way: what was
                // committed is kept, and the index is rebuilt on the next open.
                if self.store.generation()? != before {
                    self.store.set_meta(INDEX_BEHIND, "1")?;
                }
                return Err(e);
            }
        };
        if changes.is_empty() {
            return Ok(value);
        }
        match writer {
            Some(mut writer) => self.apply(&mut writer, &changes)?,
            None => self.store.set_meta(INDEX_BEHIND, "1")?,
        }
        Ok(value)
    }

    /// A change to one card (a note, tag, star or edit): saved even when another process
    /// holds the index, which is then marked behind.
    pub(crate) fn write_card<T>(
        &mut self,
        card_id: &str,
        change: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        self.write(WhenBusy::MarkBehind, 1, |s| {
            Ok((change(s)?, ChangeSet::card(card_id)))
        })
    }

    /// A change the index never shows (a review, a job, a setting, a highlight, a résumé):
    /// one store transaction, after the day's backup like every other write.
    pub(crate) fn write_store<T>(
        &mut self,
        change: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        self.before_first_write();
        change(&mut self.store)
    }

    /// Asks for the day's backup before this handle's first write ([`Library::auto_backup`]:
    /// one a day, automatic ones kept a week). The CLI and the app both call this once after
    /// opening the library, so a library is backed up by one policy whichever changes it,
    /// and a session that only reads never pays for a backup.
    pub fn back_up_before_first_write(&mut self, now: i64) {
        self.backup_due = Some(now);
    }

    fn before_first_write(&mut self) {
        if let Some(now) = self.backup_due.take() {
            // A failed backup is said, and never stops the person's change.
            if let Err(e) = self.auto_backup(now) {
                eprintln!("cuecard: warning: the daily backup failed: {e}");
            }
        }
    }

    /// The one place the index is changed after a write.
    fn apply(&self, writer: &mut tantivy::IndexWriter, changes: &ChangeSet) -> Result<()> {
        let generation = self.store.generation()?;
        let index = &self.index;
        for deck in &changes.decks {
            index.delete_deck(writer, deck);
            self.store
                .for_each_live_card_in(Some(deck), |card| index.add_card(writer, &card))?;
        }
        for id in &changes.cards {
            let card = self.store.card(id)?;
            if card
                .as_ref()
                .is_some_and(|c| changes.decks.contains(c.deck_id.as_str()))
            {
                continue; // read again with its deck above
            }
            index.delete_card(writer, id);
            if let Some(card) = card.filter(|c| !c.archived) {
                index.add_card(writer, &card)?;
            }
        }
        index.commit(writer, generation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(lib: &Library, q: &str) -> Vec<String> {
        lib.search(q, 50)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.card_id.0)
            .collect()
    }

    #[test]
    fn a_card_changed_in_a_deck_read_again_is_indexed_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        let report = lib.import_sample().unwrap();
        let card = lib.cards(Some(report.id.as_str()), false).unwrap()[0].clone();
        lib.write(WhenBusy::Refuse, 1, |s| {
            s.add_note(card.id.as_str(), "quokka")?;
            let mut changes = ChangeSet::card(card.id.as_str());
            changes.extend(ChangeSet::deck(report.id.as_str()));
            Ok(((), changes))
        })
        .unwrap();
        assert_eq!(hits(&lib, "note:quokka"), vec![card.id.0.clone()]);
        // Every other card of the deck is still found, once.
        let all = hits(&lib, &format!("deck:{}", report.id.as_str()));
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(all.len(), unique.len());
        assert_eq!(
            all.len(),
            lib.cards(Some(report.id.as_str()), false)
                .unwrap()
                .len()
                .min(50)
        );
    }

    #[test]
    fn a_change_that_fails_part_way_marks_the_index_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        lib.import_sample().unwrap();
        let before = lib.store.generation().unwrap();
        let card = lib.cards(None, false).unwrap()[0].clone();
        let result = lib.write(WhenBusy::Refuse, 1, |s| {
            s.add_note(card.id.as_str(), "walrus")?;
            Err::<((), ChangeSet), _>(Error::InvalidInput("changed my mind".into()))
        });
        assert!(result.is_err());
        // The note's own transaction committed; the change set never came back, so the
        // index is marked behind and the next open brings the note in.
        assert_eq!(lib.store.generation().unwrap(), before + 1);
        assert_eq!(lib.store.meta(INDEX_BEHIND).unwrap().as_deref(), Some("1"));
        drop(lib);
        let lib = Library::open(dir.path()).unwrap();
        assert_eq!(hits(&lib, "note:walrus"), vec![card.id.0.clone()]);
    }
}
