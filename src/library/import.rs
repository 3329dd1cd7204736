//! Importing: documents, exports and the sample into decks; the preview of an import.

use std::path::{Path, PathBuf};

use super::write::{ChangeSet, WhenBusy};
use super::{Document, Library, MAX_DOCUMENT_BYTES, SAMPLE_DECK, SAMPLE_SOURCE};
use crate::error::{Error, Result};
use crate::import::{self, ParsedDocument};
use crate::index::tag_slug;
use crate::model::{DeckReport, FileError, ImportReport, ImportWarning};
use crate::store::{DeckTarget, NewCard};

impl Library {
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
    pub(crate) fn carrier_for(
        &self,
        source: &str,
        asked: Option<&str>,
    ) -> Result<Option<import::Carrier>> {
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
    pub(crate) fn read_document(&self, path: &Path) -> Result<(String, crate::document::Source)> {
        let bytes = read_checked(path, "save the document to a file and import that")?;
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
        let bytes = read_checked(path, "save the export to a file and import that")?;
        let export: crate::store::LibraryExport = serde_json::from_slice(&bytes).map_err(|e| {
            Error::InvalidInput(format!(
                "{} is not a Cuecard JSON export ({e}); import markdown or text documents, or a file written by `cuecard export --format json`",
                path.display()
            ))
        })?;
        let fsrs = self.fsrs()?;
        let counts = self.write(WhenBusy::Refuse, 1, |store| {
            let counts = store.import_library(&export, &fsrs)?;
            let mut changes = ChangeSet::none();
            for d in &export.decks {
                if let Some(deck) = store.find_deck(&d.name)? {
                    changes.extend(ChangeSet::deck(deck.id.as_str()));
                }
            }
            Ok((counts, changes))
        })?;
        let mut reports = Vec::new();
        for d in &export.decks {
            let Some(deck) = self.store.find_deck(&d.name)? else {
                continue;
            };
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
                return self.import_parsed_with(
                    doc.source,
                    parsed,
                    doc.warnings,
                    fallback_name,
                    deck,
                    &marks,
                );
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

    /// Stores a parsed document: one store transaction, then the index.
    pub(crate) fn import_parsed(
        &mut self,
        source: &str,
        parsed: ParsedDocument,
        warnings: Vec<ImportWarning>,
        fallback_name: &str,
        deck: Option<&str>,
    ) -> Result<DeckReport> {
        self.import_parsed_with(source, parsed, warnings, fallback_name, deck, &[])
    }

    /// Stores a parsed document and the marks of a markdown export (notes, tags, stars and
    /// highlights, each belonging to the card above it) in one store transaction, then the
    /// index.
    fn import_parsed_with(
        &mut self,
        source: &str,
        mut parsed: ParsedDocument,
        mut warnings: Vec<ImportWarning>,
        fallback_name: &str,
        deck: Option<&str>,
        marks: &[(usize, crate::export::Marks)],
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
        clock.lap("skills");
        // When another process holds the index writer, nothing is changed.
        let threads = if new_cards.len() > 5000 { 2 } else { 1 };
        let stored = self.write(WhenBusy::Refuse, threads, |store| {
            let stored =
                store.import_document_then(source, target, &new_cards, |tx, deck_id| {
                    apply_marks(tx, deck_id, source, marks)
                })?;
            clock.lap("store");
            let changes = ChangeSet::deck(stored.deck.id.as_str());
            Ok((stored, changes))
        })?;
        drop(new_cards);
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
}

/// Puts the notes, tags, stars and highlights of a markdown export back on its cards, inside
/// the import's transaction: each mark belongs to the card above it.
fn apply_marks(
    tx: &rusqlite::Transaction<'_>,
    deck_id: &str,
    source: &str,
    marks: &[(usize, crate::export::Marks)],
) -> Result<()> {
    if marks.is_empty() {
        return Ok(());
    }
    let mut cards: Vec<(usize, String)> = {
        let mut stmt = tx.prepare(
            "SELECT line_start, id FROM cards WHERE deck_id = ?1 AND source_file = ?2 AND archived = 0",
        )?;
        let rows = stmt.query_map(rusqlite::params![deck_id, source], |r| {
            Ok((r.get::<_, i64>(0)?.max(0) as usize, r.get::<_, String>(1)?))
        })?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    cards.sort();
    let now = crate::rehearse::time::now();
    for (line, m) in marks {
        let Some((_, id)) = cards.iter().rev().find(|(l, _)| l <= line) else {
            continue;
        };
        crate::store::merge_extras_tx(
            tx,
            id,
            &crate::store::CardExtras {
                notes: m.notes.clone(),
                tag_edits: m.tags.clone(),
                starred: m.starred,
            },
            now,
        )?;
        let have: Vec<(String, String)> = {
            let mut stmt = tx.prepare("SELECT exact, prefix FROM highlights WHERE card_id = ?1")?;
            let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        for h in &m.highlights {
            if have.iter().any(|(e, p)| *e == h.exact && *p == h.prefix) {
                continue;
            }
            let quote =
                crate::annotate::anchor::quote_from_selection(&h.exact, &h.prefix, &h.suffix, None);
            if let Some(q) = quote {
                // Words no longer in the answer are skipped rather than failing the import.
                let _ = crate::store::add_highlight_tx(tx, id, &q, h.comment.as_deref(), now);
            }
        }
    }
    Ok(())
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

/// A file's bytes, with the checks every reader makes first: a folder, a pipe or a device,
/// and a file past [`MAX_DOCUMENT_BYTES`], are refused with a message that names it;
/// `instead` says what to do about a pipe ("save the document to a file and import that").
pub(crate) fn read_checked(path: &Path, instead: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    if !meta.is_file() {
        return Err(Error::InvalidInput(format!(
            "{} is not a regular file (a pipe or a device); {instead}",
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
    std::fs::read(path).map_err(|e| Error::io(path, e))
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
    // Reading the skills of every answer is most of this: large documents share it out
    // over the machine's cores (the cards themselves stay where they are, in order).
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let skills: Vec<Vec<String>> = if cards.len() < 2_000 || threads < 2 {
        cards.iter().map(skills_of_card).collect()
    } else {
        let per = cards.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = cards
                .chunks(per)
                .map(|chunk| {
                    scope.spawn(move || chunk.iter().map(skills_of_card).collect::<Vec<_>>())
                })
                .collect();
            let skills = handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect();
            give_back_freed_memory();
            skills
        })
    };
    cards
        .into_iter()
        .zip(skills)
        .map(|(c, skills)| {
            let mut tags: Vec<String> = c
                .section
                .iter()
                .map(|s| tag_slug(s))
                .filter(|t| !t.is_empty())
                .collect();
            if c.ask && !tags.iter().any(|t| t == crate::model::TO_ASK_TAG) {
                tags.push(crate::model::TO_ASK_TAG.to_string());
            }
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

/// The workers' scratch memory, freed but kept by their allocator arenas, is handed back,
/// so it does not add to the import's peak while the index is written.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory held by the allocator.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn skills_of_card(c: &import::ParsedCard) -> Vec<String> {
    crate::jobs::Lexicon::builtin().skill_ids(&format!(
        "{}\n{}",
        c.question,
        crate::render::plain_text(&c.answer)
    ))
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
    #[test]
    fn skills_read_on_several_threads_are_the_ones_read_on_one() {
        const TOOLS: &[&str] = &[
            "Kubernetes",
            "Kafka",
            "PostgreSQL",
            "Rust",
            "React",
            "Terraform",
        ];
        let doc: String = (0..3_000)
            .map(|i| {
                format!(
                    "## How did you use {} in project {i}?\n\nWith {} and {}, over {i} days.\n\n",
                    TOOLS[i % 6],
                    TOOLS[(i / 6) % 6],
                    TOOLS[(i / 36) % 6]
                )
            })
            .collect();
        let parsed = super::import::parse_markdown(&doc).cards;
        assert_eq!(parsed.len(), 3_000);
        let fast = super::cards_for_store(parsed.clone());
        let plain: Vec<Vec<String>> = parsed.iter().map(super::skills_of_card).collect();
        assert_eq!(fast.len(), plain.len());
        for ((card, parsed), skills) in fast.iter().zip(&parsed).zip(&plain) {
            assert_eq!(&card.skills, skills);
            assert_eq!(card.key, parsed.key);
        }
        assert!(fast.iter().filter(|c| !c.skills.is_empty()).count() > 2_000);
    }

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
