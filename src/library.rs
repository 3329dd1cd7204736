//! The facade: one open library folder, and the only API the CLI and the desktop shell call.
//!
//! A library folder holds `library.sqlite` (the source of truth) and `index/` (tantivy,
//! derived). Data flows one way: a document is parsed by `import`, stored by `store` in one
//! transaction, then the index is updated from what was stored.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::import::{self, ParsedDocument};
use crate::index::{tag_slug, OpenState, SearchIndex};
use crate::model::{
    Card, CardSummary, Deck, DeckReport, FileError, ImportReport, ImportWarning, LibraryInfo,
    SearchResult,
};
use crate::store::{DeckTarget, NewCard, Store};

mod annotate;
mod backup;
mod rehearse;
mod resume;

pub use resume::{BulletStory, ResumeView, LIKELY_TAG, SAMPLE_RESUME};

pub use annotate::MAX_TEXT_BYTES;
pub use backup::{list_backups, BackupFile, KEEP_DAYS};
pub use rehearse::{parse_rating, DEFAULT_TARGET_SECS};

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
        };
        lib.ensure_skills_current()?;
        lib.ensure_index_fresh()?;
        lib.seen_generation = lib.store.generation()?;
        Ok(lib)
    }

    /// Cards carry the skills the lexicon finds in them; a new lexicon re-tags them all.
    fn ensure_skills_current(&mut self) -> Result<()> {
        let lex = crate::jobs::Lexicon::builtin();
        let stamp = format!("{}:{}", lex.len(), lex.alias_count());
        if self.store.meta("skills_lexicon")?.as_deref() == Some(stamp.as_str()) {
            return Ok(());
        }
        self.store.refresh_skills(|q, a| {
            lex.skill_ids(&format!("{q}\n{}", crate::render::plain_text(a)))
        })?;
        self.store.set_meta("skills_lexicon", &stamp)?;
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

    /// Imports several files, each into its own deck (or all into `deck`), reporting
    /// progress as `(done, total, path)`. A file that fails is reported in `errors` and
    /// changes nothing; the others still land.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        deck: Option<&str>,
        progress: impl FnMut(usize, usize, &Path),
    ) -> ImportReport {
        let options = ImportOptions {
            deck: deck.map(str::to_string),
            questions: None,
        };
        self.import_paths_with(paths, &options, progress)
    }

    /// [`Library::import_paths`] with a chosen question carrier.
    pub fn import_paths_with(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        mut progress: impl FnMut(usize, usize, &Path),
    ) -> ImportReport {
        let mut report = ImportReport::default();
        for (i, path) in paths.iter().enumerate() {
            progress(i, paths.len(), path);
            match self.import_any_with(path, options) {
                Ok(r) => report.decks.extend(r),
                Err(e) => report.errors.push(FileError {
                    path: path.display().to_string(),
                    code: e.code().as_str().to_string(),
                    message: e.to_string(),
                }),
            }
        }
        progress(paths.len(), paths.len(), Path::new(""));
        report
    }

    /// Imports a document, or a Cuecard JSON export (all its decks).
    pub fn import_any(&mut self, path: &Path, deck: Option<&str>) -> Result<Vec<DeckReport>> {
        let options = ImportOptions {
            deck: deck.map(str::to_string),
            questions: None,
        };
        self.import_any_with(path, &options)
    }

    /// [`Library::import_any`] with a chosen question carrier.
    pub fn import_any_with(
        &mut self,
        path: &Path,
        options: &ImportOptions,
    ) -> Result<Vec<DeckReport>> {
        let is_json = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json {
            return self.import_export_file(path);
        }
        Ok(vec![self.import_file_with(path, options)?])
    }

    /// Reads a document and parses it without storing anything: what an import would make
    /// (`cuecard import --dry-run`, the window's preview). `questions` forces a carrier
    /// (`headings:3`, `numbered`, `bold`...); `None` uses the one remembered for the file, or
    /// chooses by evidence.
    pub fn preview_file(&self, path: &Path, questions: Option<&str>) -> Result<ImportPreview> {
        let (source, src) = self.read_document(path)?;
        let forced = self.carrier_for(&source, questions)?;
        let parsed = import::parse_source(&src, forced);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("Imported");
        Ok(ImportPreview {
            source: source.clone(),
            format: src.format.name().to_string(),
            deck: deck_name_from_title(parsed.title.as_deref(), stem),
            cards: parsed.cards.len(),
            to_ask: parsed.cards.iter().filter(|c| c.ask).count(),
            unanswered: parsed.cards.iter().filter(|c| c.unanswered).count(),
            carriers: carrier_choices(&parsed.carriers),
            alternatives: carrier_choices(&parsed.alternatives),
            chosen: forced.map(|c| c.name()),
            first: parsed
                .cards
                .iter()
                .take(PREVIEW_CARDS)
                .map(|c| PreviewCard {
                    question: c.question.clone(),
                    answer: crate::render::plain_text(&c.answer)
                        .chars()
                        .take(160)
                        .collect(),
                    line: c.line_start,
                    unanswered: c.unanswered,
                    to_ask: c.ask,
                })
                .collect(),
            warnings: parsed
                .warnings
                .iter()
                .map(|w| ImportWarning {
                    line: w.line,
                    message: w.message.clone(),
                })
                .collect(),
        })
    }

    /// The carrier to use for a source: the one asked for (remembered for next time), else
    /// the one remembered, else none (choose by evidence). `auto` forgets a remembered one.
    fn carrier_for(&self, source: &str, asked: Option<&str>) -> Result<Option<import::Carrier>> {
        match asked.map(str::trim) {
            Some("auto") | Some("") => Ok(None),
            Some(name) => import::Carrier::parse(name).map(Some).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "\"{name}\" is not a way of finding questions; use one of {}, or auto",
                    import::Carrier::NAMES
                ))
            }),
            None => Ok(self
                .store
                .meta(&format!("carrier:{source}"))?
                .and_then(|n| import::Carrier::parse(&n))),
        }
    }

    /// Reads a file as a document in the common form, with the limits and errors of imports.
    fn read_document(&self, path: &Path) -> Result<(String, crate::document::Source)> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::IsDirectory(path.to_path_buf()));
        }
        if !meta.is_file() {
            return Err(Error::InvalidInput(format!(
                "{} is not a regular file (a pipe or a device); save the document to a file and import that",
                path.display()
            )));
        }
        if meta.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size_mb: meta.len() / (1024 * 1024),
                limit_mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let src = crate::document::read(&bytes, path).map_err(|e| match e {
            crate::document::ReadError::Unsupported(None) => Error::NotText(path.to_path_buf()),
            crate::document::ReadError::Unsupported(Some(kind)) => Error::NotDocument {
                path: path.to_path_buf(),
                kind: format!("this is {kind}"),
            },
            crate::document::ReadError::Corrupt(why) => {
                Error::InvalidInput(format!("{}: {why}; nothing was imported", path.display()))
            }
        })?;
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Ok((absolute.display().to_string(), src))
    }

    /// Loads a Cuecard JSON export (`cuecard export --format json`) into this library.
    pub fn import_export_file(&mut self, path: &Path) -> Result<Vec<DeckReport>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size_mb: meta.len() / (1024 * 1024),
                limit_mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let export: crate::store::LibraryExport = serde_json::from_slice(&bytes).map_err(|e| {
            Error::InvalidInput(format!(
                "{} is not a Cuecard JSON export ({e}); import markdown or text documents, or a file written by `cuecard export --format json`",
                path.display()
            ))
        })?;
        let fsrs = self.fsrs()?;
        let mut writer = self.index.writer(1)?;
        let counts = self.store.import_library(&export, &fsrs)?;
        let mut reports = Vec::new();
        for d in &export.decks {
            let Some(deck) = self.store.find_deck(&d.name)? else {
                continue;
            };
            self.reindex_deck(&mut writer, deck.id.as_str())?;
            // What the store really did with this deck's cards: added, or already there and
            // left as they were.
            let (added, kept) = counts
                .per_deck
                .iter()
                .find(|(name, _, _)| name == &d.name)
                .map_or((0, 0), |(_, a, k)| (*a, *k));
            reports.push(DeckReport {
                id: deck.id.clone(),
                name: deck.name.clone(),
                source: path.display().to_string(),
                cards: deck.cards,
                added,
                updated: 0,
                removed: 0,
                unchanged: kept,
                conflicts: 0,
                duplicates: 0,
                shapes: vec!["Cuecard JSON export".to_string()],
                carriers: Vec::new(),
                alternatives: Vec::new(),
                to_ask: 0,
                warnings: if counts.skipped_cards > 0 {
                    vec![ImportWarning {
                        line: 0,
                        message: format!(
                            "{} card(s) were already in this library and were left as they are",
                            counts.skipped_cards
                        ),
                    }]
                } else {
                    Vec::new()
                },
            });
        }
        Ok(reports)
    }

    /// Reads, parses and stores one file.
    pub fn import_file(&mut self, path: &Path, deck: Option<&str>) -> Result<DeckReport> {
        let options = ImportOptions {
            deck: deck.map(str::to_string),
            questions: None,
        };
        self.import_file_with(path, &options)
    }

    /// [`Library::import_file`] with a chosen question carrier, which is remembered for the
    /// file so that re-imports read it the same way.
    pub fn import_file_with(&mut self, path: &Path, options: &ImportOptions) -> Result<DeckReport> {
        let (source, src) = self.read_document(path)?;
        let forced = self.carrier_for(&source, options.questions.as_deref())?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("Imported")
            .to_string();
        let deck = options.deck.as_deref();
        let result = if forced.is_none() && src.format == crate::document::Format::Markdown {
            // A markdown export of Cuecard's own carries notes and marks back in.
            let doc = Document {
                source: &source,
                plain_text: false,
                text: &src.markdown,
                warnings: src
                    .warnings
                    .iter()
                    .map(|w| ImportWarning {
                        line: w.line,
                        message: w.message.clone(),
                    })
                    .collect(),
            };
            self.import_document(doc, &stem, deck)
        } else {
            let parsed = import::parse_source(&src, forced);
            self.import_parsed(&source, parsed, Vec::new(), &stem, deck)
        };
        let report = result.map_err(|e| match e {
            Error::NoQuestions(_) => Error::NoQuestions(path.to_path_buf()),
            other => other,
        })?;
        match options.questions.as_deref().map(str::trim) {
            Some("auto") => self.store.set_meta(&format!("carrier:{source}"), "")?,
            Some(name) if !name.is_empty() => {
                self.store.set_meta(&format!("carrier:{source}"), name)?
            }
            _ => {}
        }
        Ok(report)
    }

    /// Imports the shipped sample deck into a library that has never had one.
    pub fn seed_sample_if_new(&mut self) -> Result<Option<DeckReport>> {
        if self.store.meta("sample_seeded")?.is_some() {
            return Ok(None);
        }
        let report = if self.store.decks()?.is_empty() {
            Some(self.import_sample()?)
        } else {
            None
        };
        self.store.set_meta("sample_seeded", "1")?;
        Ok(report)
    }

    /// Imports (or refreshes) the shipped sample deck.
    /// With it, the sample résumé when the library has none.
    pub fn import_sample(&mut self) -> Result<DeckReport> {
        let doc = Document {
            source: SAMPLE_SOURCE,
            plain_text: false,
            text: SAMPLE_DECK,
            warnings: Vec::new(),
        };
        let report = self.import_document(doc, "Sample", None)?;
        self.seed_sample_resume()?;
        Ok(report)
    }

    /// Parses and stores one document's text: one store transaction, then the index.
    pub fn import_document(
        &mut self,
        doc: Document<'_>,
        fallback_name: &str,
        deck: Option<&str>,
    ) -> Result<DeckReport> {
        if !doc.plain_text {
            if let Some((clean, marks)) = crate::export::extract_marks(doc.text) {
                let parsed = import::parse_markdown(&clean);
                let report =
                    self.import_parsed(doc.source, parsed, doc.warnings, fallback_name, deck)?;
                self.apply_marks(report.id.as_str(), doc.source, &marks)?;
                return Ok(report);
            }
        }
        let parsed = if doc.plain_text {
            let src = crate::document::read(doc.text.as_bytes(), Path::new("document.txt"))
                .map_err(|e| Error::InvalidInput(e.to_string()))?;
            import::parse_source(&src, None)
        } else {
            import::parse_markdown(doc.text)
        };
        self.import_parsed(doc.source, parsed, doc.warnings, fallback_name, deck)
    }

    /// Puts the notes, tags, stars and highlights of a markdown export back on its cards:
    /// each mark belongs to the card above it.
    fn apply_marks(
        &mut self,
        deck_id: &str,
        source: &str,
        marks: &[(usize, crate::export::Marks)],
    ) -> Result<()> {
        if marks.is_empty() {
            return Ok(());
        }
        let mut cards: Vec<(usize, String)> = self
            .store
            .cards(Some(&crate::model::DeckId(deck_id.to_string())), false)?
            .into_iter()
            .filter(|c| c.source_file.as_deref() == Some(source))
            .map(|c| (c.source_line, c.id.0))
            .collect();
        cards.sort();
        for (line, m) in marks {
            let Some((_, id)) = cards.iter().rev().find(|(l, _)| l <= line) else {
                continue;
            };
            self.store.merge_extras(
                id,
                &crate::store::CardExtras {
                    notes: m.notes.clone(),
                    tag_edits: m.tags.clone(),
                    starred: m.starred,
                },
            )?;
            let have = self.store.highlights_of(id)?;
            for h in &m.highlights {
                if have
                    .iter()
                    .any(|x| x.quote.exact == h.exact && x.quote.prefix == h.prefix)
                {
                    continue;
                }
                let quote = crate::annotate::anchor::quote_from_selection(
                    &h.exact, &h.prefix, &h.suffix, None,
                );
                if let Some(q) = quote {
                    // Words no longer in the answer are skipped rather than failing the import.
                    let _ = self.store.add_highlight(id, &q, h.comment.as_deref());
                }
            }
        }
        let mut writer = self.index.writer(1)?;
        self.reindex_deck(&mut writer, deck_id)
    }

    /// The markdown export of a deck with its notes, tags, stars and highlights.
    pub fn export_markdown(&self, deck: &crate::model::Deck) -> Result<String> {
        let cards = self.cards(Some(deck.id.as_str()), false)?;
        let mut marks = std::collections::HashMap::new();
        for c in &cards {
            let extras = self.store.extras_of(c.id.as_str())?;
            let highlights: Vec<crate::export::MarkHighlight> = self
                .store
                .highlights_of(c.id.as_str())?
                .into_iter()
                .filter(|h| !h.orphan)
                .map(|h| crate::export::MarkHighlight {
                    exact: h.quote.exact,
                    prefix: h.quote.prefix,
                    suffix: h.quote.suffix,
                    comment: h.comment,
                })
                .collect();
            let m = crate::export::Marks {
                notes: extras.notes,
                tags: extras.tag_edits,
                starred: extras.starred,
                highlights,
            };
            if m != crate::export::Marks::default() {
                marks.insert(c.id.0.clone(), m);
            }
        }
        Ok(crate::export::deck_markdown_with(deck, &cards, &marks))
    }

    /// Everything about some decks (or the whole library, with its jobs) as JSON.
    pub fn export_json(&self, decks: Option<&[crate::model::Deck]>) -> Result<String> {
        let ids: Option<Vec<String>> = decks.map(|d| d.iter().map(|d| d.id.0.clone()).collect());
        let export = self.store.export_library(ids.as_deref())?;
        serde_json::to_string_pretty(&export).map_err(|e| Error::InvalidInput(e.to_string()))
    }

    /// Stores a parsed document: one store transaction, then the index.
    fn import_parsed(
        &mut self,
        source: &str,
        mut parsed: ParsedDocument,
        mut warnings: Vec<ImportWarning>,
        fallback_name: &str,
        deck: Option<&str>,
    ) -> Result<DeckReport> {
        let mut clock = Phase::start();
        if parsed.cards.is_empty() {
            return Err(Error::NoQuestions(PathBuf::from(source)));
        }
        let suggested = deck_name_from_title(parsed.title.as_deref(), fallback_name);
        let target = match deck {
            Some(name) if !name.trim().is_empty() => DeckTarget::Named(name.trim()),
            _ => DeckTarget::FromSource {
                suggested_name: &suggested,
            },
        };
        clock.lap("parse");
        let to_ask = parsed.cards.iter().filter(|c| c.ask).count();
        let new_cards = cards_for_store(std::mem::take(&mut parsed.cards));
        // Take the index writer first: when another process holds it, nothing is changed.
        let mut writer = self
            .index
            .writer(if new_cards.len() > 5000 { 2 } else { 1 })?;
        let stored = self.store.import_document(source, target, &new_cards)?;
        drop(new_cards);
        clock.lap("store");
        self.reindex_deck(&mut writer, stored.deck.id.as_str())?;
        clock.lap("index");

        warnings.extend(parsed.warnings.iter().map(|w| ImportWarning {
            line: w.line,
            message: w.message.clone(),
        }));
        Ok(DeckReport {
            id: stored.deck.id.clone(),
            name: stored.deck.name.clone(),
            source: source.to_string(),
            cards: stored.deck.cards,
            added: stored.counts.added,
            updated: stored.counts.updated,
            removed: stored.counts.removed,
            unchanged: stored.counts.unchanged,
            conflicts: stored.counts.conflicts,
            duplicates: parsed.duplicates,
            shapes: parsed
                .shapes
                .iter()
                .map(|(shape, n)| format!("{} ({n})", shape.label()))
                .collect(),
            carriers: carrier_choices(&parsed.carriers),
            alternatives: carrier_choices(&parsed.alternatives),
            to_ask,
            warnings,
        })
    }

    fn reindex_deck(&mut self, writer: &mut tantivy::IndexWriter, deck_id: &str) -> Result<()> {
        let generation = self.store.generation()?;
        self.index.delete_deck(writer, deck_id);
        let index = &self.index;
        self.store
            .for_each_live_card_in(Some(deck_id), |card| index.add_card(writer, &card))?;
        self.index.commit(writer, generation)?;
        Ok(())
    }
}

/// Where a job posting comes from.
pub enum PostingInput {
    /// Text given directly (pasted, or read from standard input).
    Text(String),
    Path(PathBuf),
    Url(String),
    /// A web address given by the window: only public addresses are fetched.
    PublicUrl(String),
}

impl PostingInput {
    /// `-` is taken by the caller (standard input); a web address is fetched; anything else
    /// is a file.
    pub fn from_arg(arg: &str) -> PostingInput {
        let t = arg.trim();
        if t.contains("://") {
            PostingInput::Url(t.to_string())
        } else {
            PostingInput::Path(PathBuf::from(t))
        }
    }
}

/// A posting read and analysed.
pub struct Analysed {
    pub posting: crate::jobs::Posting,
    pub keywords: Vec<crate::jobs::Keyword>,
    pub requirements: crate::jobs::requirements::Requirements,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Reads and analyses a posting.
pub fn analyse_posting(input: PostingInput) -> Result<Analysed> {
    let public = matches!(input, PostingInput::PublicUrl(_));
    let (text, content_type, url, source) = match input {
        PostingInput::Text(t) => (t, None, None, Some("pasted".to_string())),
        PostingInput::Url(u) | PostingInput::PublicUrl(u) => {
            let options = crate::jobs::fetch::FetchOptions {
                public_only: public,
                ..Default::default()
            };
            let f = crate::jobs::fetch::fetch(&u, &options)?;
            (
                f.text,
                f.content_type,
                Some(f.final_url.clone()),
                Some(f.final_url),
            )
        }
        PostingInput::Path(p) => {
            let meta = std::fs::metadata(&p).map_err(|e| Error::io(&p, e))?;
            if meta.is_dir() {
                return Err(Error::IsDirectory(p));
            }
            if !meta.is_file() {
                return Err(Error::InvalidInput(format!(
                    "{} is not a regular file (a pipe or a device); save the posting to a file and give that",
                    p.display()
                )));
            }
            if meta.len() > 20 * 1024 * 1024 {
                return Err(Error::TooLarge {
                    path: p,
                    size_mb: meta.len() / (1024 * 1024),
                    limit_mb: 20,
                });
            }
            let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
            let (text, _) = import::decode(&bytes).map_err(|_| Error::NotText(p.clone()))?;
            let html = p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
            (
                text,
                html.then(|| "text/html".to_string()),
                None,
                Some(p.display().to_string()),
            )
        }
    };
    if text.trim().is_empty() {
        return Err(Error::InvalidInput(
            "the posting is empty; paste its text, or give a file or a web address".into(),
        ));
    }
    let posting = crate::jobs::parse_posting(&text, content_type.as_deref());
    if let Some(share) = not_english(&posting.text) {
        return Err(Error::InvalidInput(format!(
            "this posting does not read as English (only {:.0}% of its words are common English words); \
             Cuecard's skills lexicon reads English postings, so paste an English version if the company has one",
            share * 100.0
        )));
    }
    let mut keywords = crate::jobs::extract_keywords(&posting);
    let requirements = crate::jobs::requirements::requirements(&posting, &keywords);
    crate::jobs::Keyword::annotate(&mut keywords, &requirements);
    Ok(Analysed {
        posting,
        keywords,
        requirements,
        url,
        source,
    })
}

/// The share of common English words in `text` when it is too low for an English
/// posting; None for English text and for texts too short to judge.
pub fn not_english(text: &str) -> Option<f64> {
    const COMMON: &[&str] = &[
        "the",
        "and",
        "to",
        "of",
        "a",
        "in",
        "for",
        "with",
        "you",
        "we",
        "our",
        "is",
        "are",
        "on",
        "as",
        "be",
        "will",
        "your",
        "an",
        "or",
        "that",
        "this",
        "have",
        "at",
        "by",
        "from",
        "us",
        "who",
        "can",
        "team",
        "experience",
        "work",
        "about",
        "what",
        "all",
        "it",
        "using",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 0)
        .map(str::to_lowercase)
        .collect();
    if words.len() < 40 {
        return None;
    }
    let common = words
        .iter()
        .filter(|w| COMMON.contains(&w.as_str()))
        .count();
    let share = common as f64 / words.len() as f64;
    // English postings run at 20 to 35 %; German or French ones near 5 %.
    (share < 0.10).then_some(share)
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&d[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u32>().unwrap_or(0))
}

impl Library {
    /// Reads, analyses and stores a job posting.
    pub fn add_job(
        &mut self,
        input: PostingInput,
        title: Option<String>,
        company: Option<String>,
        date: Option<String>,
    ) -> Result<crate::store::Job> {
        if let Some(d) = &date {
            if !valid_date(d) {
                return Err(Error::InvalidInput(format!(
                    "\"{d}\" is not a date; write it as YYYY-MM-DD"
                )));
            }
        }
        let a = analyse_posting(input)?;
        let job = crate::store::NewJob {
            title: title.or(a.posting.title.clone()),
            company: company.or(a.posting.company.clone()),
            url: a.url,
            source: a.source,
            interview_date: date,
            text: a.posting.text.clone(),
        };
        let id = self.store.add_job(&job, &a.keywords)?;
        self.store.job(&id)
    }

    pub fn jobs(&self) -> Result<Vec<crate::store::Job>> {
        self.store.jobs()
    }

    pub fn job(&self, id: &str) -> Result<crate::store::Job> {
        self.store.job(id)
    }

    /// Holds a job's keywords against the live cards (of one deck, or all), through the
    /// search index: each keyword is two queries, so a match over 100,000 cards stays fast.
    pub fn match_keywords(
        &self,
        keywords: &[crate::jobs::Keyword],
        deck: Option<&str>,
    ) -> Result<crate::matching::MatchReport> {
        let deck_id = deck.map(|d| self.deck(d)).transpose()?.map(|d| d.id.0);
        let cov = self.index.coverage(
            keywords,
            deck_id.as_deref(),
            // "Go" is covered by an answer that names the language, never by the verb.
            &|k| !crate::jobs::Lexicon::builtin().is_ambiguous(&k.name),
            crate::matching::WEAK,
            MAX_LISTED,
            MAX_RANKED,
        )?;
        let ranking = cov
            .ranking
            .into_iter()
            .map(|(id, score, matched)| {
                let question = self
                    .store
                    .card(&id)
                    .ok()
                    .flatten()
                    .map(|c| c.question)
                    .unwrap_or_default();
                crate::matching::RankedCard {
                    card_id: crate::model::CardId(id),
                    question,
                    score: (score * 100.0).round() / 100.0,
                    matched: matched
                        .into_iter()
                        .map(|i| keywords[i].id.clone())
                        .collect(),
                }
            })
            .collect();
        let found = cov
            .keywords
            .into_iter()
            .map(|h| crate::matching::Found {
                strong: h.strong.into_iter().map(crate::model::CardId).collect(),
                weak: h.weak.into_iter().map(crate::model::CardId).collect(),
                count: h.count,
            })
            .collect();
        Ok(crate::matching::report_ranked(keywords, found, ranking))
    }

    pub fn remove_job_keyword(&mut self, job: &str, keyword: &str) -> Result<()> {
        let id = self.store.job(job)?.id;
        self.store.remove_job_keyword(&id, keyword)
    }

    /// Adds a keyword by name: a skill of the lexicon when it is one, else a phrase.
    pub fn add_job_keyword(
        &mut self,
        job: &str,
        name: &str,
        weight: f32,
    ) -> Result<crate::jobs::Keyword> {
        let id = self.store.job(job)?.id;
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::InvalidInput("a keyword needs a name".into()));
        }
        let lex = crate::jobs::Lexicon::builtin();
        let k = match lex.lookup(name) {
            Some(skill) => crate::jobs::Keyword {
                id: skill.id.clone(),
                name: skill.name.clone(),
                kind: if skill.soft {
                    crate::jobs::KeywordKind::SoftSkill
                } else {
                    crate::jobs::KeywordKind::HardSkill
                },
                section: crate::jobs::SectionKind::Required,
                weight,
                count: 0,
                category: Some(skill.category.clone()),
                matched: vec![name.to_string()],
                group: String::new(),
                years: None,
            },
            None => crate::jobs::Keyword {
                id: format!(
                    "phrase:{}",
                    name.to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join("-")
                ),
                name: name.to_string(),
                kind: crate::jobs::KeywordKind::Phrase,
                section: crate::jobs::SectionKind::Required,
                weight,
                count: 0,
                category: None,
                matched: vec![name.to_string()],
                group: String::new(),
                years: None,
            },
        };
        let mut k = k;
        crate::jobs::Keyword::annotate(std::slice::from_mut(&mut k), &Default::default());
        self.store.add_job_keyword(&id, &k)?;
        Ok(k)
    }

    pub fn set_job_keyword_weight(&mut self, job: &str, keyword: &str, weight: f32) -> Result<()> {
        let id = self.store.job(job)?.id;
        self.store.set_job_keyword_weight(&id, keyword, weight)
    }
}

/// Phase timings of an import, printed to stderr when `CUECARD_TRACE` is set.
struct Phase {
    on: bool,
    at: std::time::Instant,
}

impl Phase {
    fn start() -> Phase {
        Phase {
            on: std::env::var_os("CUECARD_TRACE").is_some(),
            at: std::time::Instant::now(),
        }
    }

    fn lap(&mut self, name: &str) {
        if self.on {
            eprintln!("cuecard: {name} {:.3} s", self.at.elapsed().as_secs_f64());
            self.at = std::time::Instant::now();
        }
    }
}

/// How many cards a preview shows.
const PREVIEW_CARDS: usize = 8;

fn carrier_choices(c: &[import::CarrierCount]) -> Vec<crate::model::CarrierChoice> {
    c.iter()
        .map(|c| crate::model::CarrierChoice {
            name: c.name.clone(),
            description: c.description.clone(),
            cards: c.cards,
        })
        .collect()
}

/// What an import of one file should do beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Put the cards into this deck.
    pub deck: Option<String>,
    /// How to find the questions (`headings:3`, `numbered`, `bold`, ..., or `auto`).
    pub questions: Option<String>,
}

/// What importing a file would do, without doing it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ImportPreview {
    pub source: String,
    pub format: String,
    /// The deck the cards would go to (when no deck is named).
    pub deck: String,
    pub cards: usize,
    pub to_ask: usize,
    pub unanswered: usize,
    /// How the questions were found, main way first.
    pub carriers: Vec<crate::model::CarrierChoice>,
    /// Other ways of reading the document, with their card counts.
    pub alternatives: Vec<crate::model::CarrierChoice>,
    /// The carrier forced or remembered for this file, if any.
    pub chosen: Option<String>,
    /// The first cards.
    pub first: Vec<PreviewCard>,
    pub warnings: Vec<ImportWarning>,
}

/// One card of a preview.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct PreviewCard {
    pub question: String,
    /// The start of the answer, as plain text.
    pub answer: String,
    pub line: usize,
    pub unanswered: bool,
    pub to_ask: bool,
}

/// Cards ready for the store, keyed by their normalised question.
fn cards_for_store(cards: Vec<import::ParsedCard>) -> Vec<NewCard> {
    cards
        .into_iter()
        .map(|c| {
            let mut tags: Vec<String> = c
                .section
                .iter()
                .map(|s| tag_slug(s))
                .filter(|t| !t.is_empty())
                .collect();
            if c.ask && !tags.iter().any(|t| t == crate::model::TO_ASK_TAG) {
                tags.push(crate::model::TO_ASK_TAG.to_string());
            }
            let skills = crate::jobs::Lexicon::builtin().skill_ids(&format!(
                "{}\n{}",
                c.question,
                crate::render::plain_text(&c.answer)
            ));
            NewCard {
                skills,
                key: c.key.clone(),
                question: c.question,
                context: c.context,
                answer: c.answer,
                section: c.section,
                tags,
                line_start: c.line_start,
                line_end: c.line_end,
                unanswered: c.unanswered,
                shape: format!("{:?}", c.shape),
            }
        })
        .collect()
}

/// A deck name from a document title: "Zoox Interview Questions and Answers" gives "Zoox".
pub fn deck_name_from_title(title: Option<&str>, fallback: &str) -> String {
    const FILLER: &[&str] = &[
        "interview",
        "interviews",
        "questions",
        "question",
        "answers",
        "answer",
        "and",
        "&",
        "q&a",
        "qa",
        "prep",
        "preparation",
        "practice",
        "-",
        "–",
        "—",
        ":",
        "with",
        "for",
        "common",
        "top",
    ];
    if let Some(title) = title {
        let words: Vec<&str> = title.split_whitespace().collect();
        let mut end = words.len();
        while end > 0 && FILLER.contains(&words[end - 1].to_lowercase().as_str()) {
            end -= 1;
        }
        let name = words[..end].join(" ");
        let dangling = words[..end].last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "of" | "to" | "on" | "in" | "the" | "a" | "my"
            )
        });
        if !name.is_empty() && !dangling {
            return name;
        }
        if !title.trim().is_empty() {
            return title.trim().to_string();
        }
    }
    fallback.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_names_from_titles() {
        assert_eq!(
            deck_name_from_title(Some("Zoox Interview Questions and Answers"), "x"),
            "Zoox"
        );
        assert_eq!(
            deck_name_from_title(Some("Theoretical interview questions"), "x"),
            "Theoretical"
        );
        assert_eq!(
            deck_name_from_title(Some("Interview Questions"), "x"),
            "Interview Questions"
        );
        assert_eq!(deck_name_from_title(None, "notes"), "notes");
        assert_eq!(
            deck_name_from_title(Some("30 Seconds of Interviews"), "x"),
            "30 Seconds of Interviews"
        );
    }
}
