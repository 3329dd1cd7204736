//! The facade: one open library folder, and the only API the CLI and the desktop shell call.
//!
//! A library folder holds `library.sqlite` (the source of truth) and `index/` (tantivy,
//! derived). Data flows one way: a document is parsed by `import`, stored by `store` in one
//! transaction, then the index is updated from what was stored.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::index::{OpenState, SearchIndex};
use crate::model::{Card, CardSummary, Deck, ImportWarning, LibraryInfo, SearchResult};
use crate::store::Store;

mod annotate;
mod backup;
mod export;
mod import;
mod jobs;
mod rehearse;
mod resume;
mod scope;
mod write;

pub use crate::jobs::analyse::{analyse_posting, not_english, Analysed, PostingInput};
pub use import::{deck_name_from_title, ImportOptions, ImportPreview, PreviewCard};

pub use resume::{BulletStory, ResumeView, LIKELY_TAG, SAMPLE_RESUME};
pub use scope::check_typed_path;
pub use write::ChangeSet;

pub use annotate::MAX_TEXT_BYTES;
pub use backup::{list_backups, BackupFile, KEEP_DAYS};
pub use rehearse::{parse_rating, DEFAULT_TARGET_SECS, NEW_CARDS_LISTED};

/// The most cards a job's ranking lists (its "rehearse these first").
pub const MAX_RANKED: usize = 100;
/// The most covering cards listed per keyword (the count says how many there are).
pub const MAX_LISTED: usize = 50;

/// The largest document Cuecard will read.
pub const MAX_DOCUMENT_BYTES: u64 = 1024 * 1024 * 1024;

/// Store meta key set when a saved change could not reach the index (another process held
/// its writer): the next open rebuilds the index.
pub(crate) const INDEX_BEHIND: &str = "index_behind";

/// The sample deck shipped with the app, shown on the first run.
pub const SAMPLE_DECK: &str = include_str!("../assets/sample-deck.md");
const SAMPLE_SOURCE: &str = "cuecard:sample-deck.md";

/// An open library.
pub struct Library {
    root: PathBuf,
    store: Store,
    index: SearchIndex,
    index_state: OpenState,
    /// The index lags the store and another process holds its writer (an import under way):
    /// searches answer from the index as it is, and say so.
    index_updating: bool,
    /// The store generation this handle last saw: another process's writes move it on.
    seen_generation: u64,
    /// The day's backup is made before the first write ([`Library::back_up_before_first_write`]).
    backup_due: Option<i64>,
}

/// Whence a document's text came, for the import.
pub struct Document<'a> {
    /// Where it came from: an absolute path, or a name for built-in text.
    pub source: &'a str,
    /// `.txt` documents get the plain-text reading.
    pub plain_text: bool,
    pub text: &'a str,
    pub warnings: Vec<ImportWarning>,
}

impl Library {
    /// The library folder used when none is given: `$CUECARD_LIBRARY`, else the platform
    /// data directory (`~/.local/share/cuecard` on Linux).
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os("CUECARD_LIBRARY").filter(|p| !p.is_empty()) {
            return PathBuf::from(p);
        }
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("cuecard")
    }

    /// Opens the library in `root`, creating it when missing; rebuilds the index when it is
    /// missing, corrupt, of an older schema, or behind the store.
    pub fn open(root: &Path) -> Result<Library> {
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        let store = Store::open(&root.join("library.sqlite"))?;
        let (index, index_state) = SearchIndex::open(&root.join("index"))?;
        let mut lib = Library {
            root: root.to_path_buf(),
            store,
            index,
            index_state,
            index_updating: false,
            seen_generation: 0,
            backup_due: None,
        };
        lib.ensure_skills_current()?;
        lib.ensure_index_fresh()?;
        lib.seen_generation = lib.store.generation()?;
        Ok(lib)
    }

    /// Cards carry the skills the lexicon finds in them; a new lexicon re-tags them all.
    fn ensure_skills_current(&mut self) -> Result<()> {
        let stamp = crate::jobs::Lexicon::builtin_stamp();
        if self.store.meta("skills_lexicon")?.as_deref() == Some(stamp) {
            return Ok(());
        }
        let lex = crate::jobs::Lexicon::builtin();
        self.store.refresh_skills(|q, a| {
            lex.skill_ids(&format!("{q}\n{}", crate::render::plain_text(a)))
        })?;
        self.store.set_meta("skills_lexicon", stamp)?;
        Ok(())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// How the index was found when the library was opened.
    pub fn index_state(&self) -> OpenState {
        self.index_state
    }

    fn ensure_index_fresh(&mut self) -> Result<bool> {
        let generation = self.store.generation()?;
        let behind = self.store.meta(INDEX_BEHIND)?.is_some_and(|v| v == "1");
        if behind {
            self.rebuild_index()?;
            self.store.set_meta(INDEX_BEHIND, "")?;
            return Ok(true);
        }
        if self.index.generation() == Some(generation) {
            return Ok(false);
        }
        if self.index.generation().is_none() && generation == 0 {
            return Ok(false);
        }
        // Another process is writing (its import brings the index up to date when it
        // commits): read what is there rather than wait for it.
        if self.index.generation().is_some() && self.index.try_writer()?.is_none() {
            self.index_updating = true;
            return Ok(false);
        }
        self.rebuild_index()?;
        Ok(true)
    }

    /// Rebuilds the whole index from the store.
    pub fn rebuild_index(&mut self) -> Result<()> {
        let generation = self.store.generation()?;
        let mut writer = self.index.writer(2)?;
        self.index.delete_all(&mut writer)?;
        let index = &self.index;
        self.store
            .for_each_live_card_in(None, |card| index.add_card(&writer, &card))?;
        self.index.commit(&mut writer, generation)?;
        Ok(())
    }

    pub fn info(&self) -> Result<LibraryInfo> {
        let decks = self.store.decks()?;
        Ok(LibraryInfo {
            path: self.root.display().to_string(),
            cards: decks.iter().map(|d| d.cards).sum(),
            decks: decks.len(),
        })
    }

    pub fn decks(&self) -> Result<Vec<Deck>> {
        self.store.decks()
    }

    /// The deck with this id or name (case-insensitive).
    pub fn deck(&self, key: &str) -> Result<Deck> {
        self.store
            .find_deck(key)?
            .ok_or_else(|| Error::not_found("deck", key))
    }

    /// Cards of a deck (id or name) or of all decks; archived ones instead when asked.
    pub fn cards(&self, deck: Option<&str>, archived: bool) -> Result<Vec<Card>> {
        let deck = deck.map(|d| self.deck(d)).transpose()?;
        self.store.cards(deck.as_ref().map(|d| &d.id), archived)
    }

    pub fn card_summaries(&self, deck: Option<&str>) -> Result<Vec<CardSummary>> {
        Ok(self.cards(deck, false)?.iter().map(Into::into).collect())
    }

    /// One card by id, or by a unique prefix of its id.
    pub fn card(&self, id: &str) -> Result<Card> {
        let id = id.trim();
        if let Some(card) = self.store.card(id)? {
            return Ok(card);
        }
        if id.len() >= 4 {
            let matches = self.store.card_ids_with_prefix(id)?;
            if matches.len() == 1 {
                if let Some(card) = self.store.card(&matches[0])? {
                    return Ok(card);
                }
            } else if matches.len() > 1 {
                return Err(Error::InvalidInput(format!(
                    "card id \"{id}\" is ambiguous ({} and others); give more of it",
                    matches[0]
                )));
            }
        }
        Err(Error::not_found("card", id))
    }

    /// Searches live cards; see [`crate::index::query`] for the syntax.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResult> {
        let mut r = self.index.search(query, limit)?;
        if self.index_updating {
            r.warnings.push(
                "another Cuecard process is updating this library: results may miss its latest changes"
                    .into(),
            );
        }
        Ok(r)
    }

    /// Picks up changes another process made to the index.
    pub fn refresh(&mut self) -> Result<()> {
        self.index_updating = false;
        self.ensure_index_fresh()?;
        self.seen_generation = self.store.generation()?;
        self.index.refresh()
    }

    /// Picks up what another process changed (the CLI while the window is open), if it
    /// changed anything since this handle last looked: one read of the store's change
    /// counter when nothing did. Returns whether there was something to pick up.
    pub fn refresh_if_changed(&mut self) -> Result<bool> {
        let now = self.store.generation()?;
        if now == self.seen_generation && !self.index_updating {
            return Ok(false);
        }
        self.refresh()?;
        Ok(true)
    }
}
