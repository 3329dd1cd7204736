//! The tantivy search index: a cache of the store, rebuilt from it whenever in doubt.
//!
//! Owns the schema, the analyzers, query building and snippets. It never decides what a
//! card is: it is handed cards by the facade. The commit payload records the schema version
//! and the store generation it was built from, so a missing, corrupt, outdated or stale
//! index is noticed on open and rebuilt.

pub mod coverage;
pub mod query;
mod snippet;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::model::{Card, CardId, SearchHit, SearchResult};
use crate::render;
use query::{Atom, ParsedQuery, Scope};

/// Bumped whenever the schema or the analyzers change: an index of another version is rebuilt.
pub const INDEX_SCHEMA_VERSION: u32 = 4;

const EN: &str = "cue_en";
const WORDS: &str = "cue_words";
const KEYWORD: &str = "cue_keyword";
const QUESTION_BOOST: f32 = 2.0;
/// How many indexed words a prefix being typed may stand for.
const MAX_PREFIX_TERMS: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Fields {
    card_id: Field,
    deck_id: Field,
    deck: Field,
    deck_name: Field,
    tags: Field,
    question: Field,
    answer: Field,
    question_words: Field,
    answer_words: Field,
    /// Skill ids from the jobs lexicon (`skill:kubernetes` finds `k8s` too).
    skills: Field,
    notes: Field,
    notes_words: Field,
    /// `starred`, `edited`, `unanswered`, `conflict`: what `is:` looks for.
    flags: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str, option: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(option),
        )
    };
    let fields = Fields {
        // FAST: matching a job reads the ids of thousands of cards at once.
        card_id: b.add_text_field("card_id", STRING | STORED | FAST),
        deck_id: b.add_text_field("deck_id", STRING | STORED),
        deck: b.add_text_field("deck", text(KEYWORD, IndexRecordOption::Basic)),
        deck_name: b.add_text_field("deck_name", STORED),
        tags: b.add_text_field("tags", text(KEYWORD, IndexRecordOption::Basic)),
        question: b.add_text_field(
            "question",
            text(EN, IndexRecordOption::WithFreqsAndPositions).set_stored(),
        ),
        answer: b.add_text_field(
            "answer",
            text(EN, IndexRecordOption::WithFreqsAndPositions).set_stored(),
        ),
        question_words: b.add_text_field("question_words", text(WORDS, IndexRecordOption::Basic)),
        answer_words: b.add_text_field("answer_words", text(WORDS, IndexRecordOption::Basic)),
        skills: b.add_text_field("skills", STRING),
        notes: b.add_text_field("notes", text(EN, IndexRecordOption::WithFreqsAndPositions)),
        notes_words: b.add_text_field("notes_words", text(WORDS, IndexRecordOption::Basic)),
        flags: b.add_text_field("flags", STRING),
    };
    (b.build(), fields)
}

/// The analyzer for question and answer text: words, lowercased, English stems.
pub fn english_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

fn words_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build()
}

fn register_tokenizers(index: &Index) {
    let m = index.tokenizers();
    m.register(EN, english_analyzer());
    m.register(WORDS, words_analyzer());
    m.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// A tag as stored and searched: lowercase words joined by dashes.
pub fn tag_slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    generation: u64,
}

/// Why an index was (re)built on open, for logs and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Opened as it was; it still needs a rebuild if its generation lags the store's.
    Existing,
    Missing,
    Corrupt,
    OldSchema,
}

/// An exclusive lock on a file beside the index, held while the index is opened or made.
struct OpenLock {
    _file: std::fs::File,
}

impl OpenLock {
    fn take(path: &Path) -> Result<OpenLock> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::io::AsRawFd;
            // Blocks until the other process is done; released when the file is closed.
            // SAFETY: flock on a file descriptor this function owns.
            let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
            if r != 0 {
                return Err(Error::io(path, std::io::Error::last_os_error()));
            }
        }
        Ok(OpenLock { _file: file })
    }
}

/// How long a write waits for another process to let go of the index writer.
pub const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// [`WRITER_WAIT`], or `CUECARD_WRITER_WAIT_MS` when set (tests shorten it).
fn writer_wait() -> std::time::Duration {
    std::env::var("CUECARD_WRITER_WAIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(std::time::Duration::from_millis)
        .unwrap_or(WRITER_WAIT)
}

/// An open index folder.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in `dir`, recreating it empty when it is missing, unreadable or of
    /// another schema version. The caller rebuilds it from the store when `generation()`
    /// does not match.
    pub fn open(dir: &Path) -> Result<(SearchIndex, OpenState)> {
        // Processes opening a new or damaged library at once take turns: one creates the
        // index, the others find it made (instead of deleting each other's files).
        let _turn = OpenLock::take(&dir.with_extension("lock"))?;
        let (schema, fields) = schema();
        let mut state = OpenState::Existing;
        let opened = if dir.join("meta.json").exists() {
            match Index::open_in_dir(dir) {
                Ok(index) => {
                    let payload = index
                        .load_metas()
                        .ok()
                        .and_then(|m| m.payload)
                        .and_then(|p| serde_json::from_str::<Payload>(&p).ok());
                    match payload {
                        Some(p) if p.schema == INDEX_SCHEMA_VERSION && index.schema() == schema => {
                            Some(index)
                        }
                        // Made by another process a moment ago and not yet committed to: it
                        // is this build's index, empty, not an old one to delete.
                        None if index.schema() == schema => Some(index),
                        _ => {
                            state = OpenState::OldSchema;
                            None
                        }
                    }
                }
                Err(_) => {
                    state = OpenState::Corrupt;
                    None
                }
            }
        } else {
            state = OpenState::Missing;
            None
        };
        let index = match opened {
            Some(index) => index,
            None => {
                if dir.exists() {
                    std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                Index::create_in_dir(dir, schema)?
            }
        };
        register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let this = SearchIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        };
        Ok((this, state))
    }

    /// The store generation this index was last built from (None when never committed).
    pub fn generation(&self) -> Option<u64> {
        self.index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
            .map(|p| p.generation)
    }

    /// Takes the index's single writer. Another process holding it is reported as busy.
    /// The index's one writer. Another process writing (an import from the CLI) holds it: this
    /// waits for it, as SQLite's busy timeout does, up to [`WRITER_WAIT`], then says the
    /// library is busy.
    pub fn writer(&self, threads: usize) -> Result<IndexWriter> {
        let threads = threads.clamp(1, 4);
        let deadline = std::time::Instant::now() + writer_wait();
        loop {
            match self
                .index
                .writer_with_num_threads::<TantivyDocument>(threads, 40_000_000 * threads)
            {
                Ok(w) => return Ok(w),
                Err(tantivy::TantivyError::LockFailure(..))
                    if std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    return Err(Error::LibraryBusy(
                        self.dir.parent().unwrap_or(&self.dir).to_path_buf(),
                    ))
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The index writer if no other process holds it right now, without waiting.
    pub fn try_writer(&self) -> Result<Option<IndexWriter>> {
        match self
            .index
            .writer_with_num_threads::<TantivyDocument>(1, 15_000_000)
        {
            Ok(w) => Ok(Some(w)),
            Err(tantivy::TantivyError::LockFailure(..)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn delete_all(&self, writer: &mut IndexWriter) -> Result<()> {
        writer.delete_all_documents()?;
        Ok(())
    }

    pub fn delete_deck(&self, writer: &IndexWriter, deck_id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.deck_id, deck_id));
    }

    pub fn delete_card(&self, writer: &IndexWriter, card_id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.card_id, card_id));
    }

    pub fn add_card(&self, writer: &IndexWriter, card: &Card) -> Result<()> {
        let f = &self.fields;
        let answer = if card.context.trim().is_empty() {
            render::plain_text(&card.answer)
        } else {
            // The code shown with a question is searchable with the answer.
            format!(
                "{}\n\n{}",
                render::plain_text(&card.answer),
                render::plain_text(&card.context)
            )
        };
        let mut doc = TantivyDocument::default();
        doc.add_text(f.card_id, card.id.as_str());
        doc.add_text(f.deck_id, card.deck_id.as_str());
        doc.add_text(f.deck, &card.deck);
        doc.add_text(f.deck_name, &card.deck);
        for tag in &card.tags {
            doc.add_text(f.tags, tag);
        }
        for skill in &card.skills {
            doc.add_text(f.skills, skill);
        }
        if !card.notes_text.is_empty() {
            let notes = render::plain_text(&card.notes_text);
            doc.add_text(f.notes_words, &notes);
            doc.add_text(f.notes, notes);
        }
        for (on, flag) in [
            (card.starred, "starred"),
            (card.edited, "edited"),
            (card.unanswered, "unanswered"),
            (card.conflict, "conflict"),
        ] {
            if on {
                doc.add_text(f.flags, flag);
            }
        }
        doc.add_text(f.question, &card.question);
        doc.add_text(f.question_words, &card.question);
        doc.add_text(f.answer_words, &answer);
        doc.add_text(f.answer, answer);
        writer.add_document(doc)?;
        Ok(())
    }

    /// Commits the writer's changes, recording the store generation they reflect, and makes
    /// them visible to searches.
    pub fn commit(&self, writer: &mut IndexWriter, generation: u64) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            schema: INDEX_SCHEMA_VERSION,
            generation,
        })
        .map_err(|e| Error::Index(e.to_string()))?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Picks up commits made by another process (the CLI while the app is open).
    pub fn refresh(&self) -> Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs a query in the search syntax. Never fails on the query text itself.
    /// The stemmed words of `text` in question or answer, in order (a phrase), or None when
    /// the text has no words.
    fn text_query(&self, text: &str, all_words: bool) -> Option<Box<dyn Query>> {
        let mut en = english_analyzer();
        let stems = tokens(&mut en, text);
        if stems.is_empty() {
            return None;
        }
        let f = &self.fields;
        let per_field = |field: Field| -> Box<dyn Query> {
            if stems.len() == 1 {
                return Box::new(TermQuery::new(
                    Term::from_field_text(field, &stems[0]),
                    IndexRecordOption::Basic,
                ));
            }
            if all_words {
                Box::new(BooleanQuery::new(
                    stems
                        .iter()
                        .map(|s| {
                            let q: Box<dyn Query> = Box::new(TermQuery::new(
                                Term::from_field_text(field, s),
                                IndexRecordOption::Basic,
                            ));
                            (Occur::Must, q)
                        })
                        .collect(),
                ))
            } else {
                Box::new(PhraseQuery::new(
                    stems
                        .iter()
                        .map(|s| Term::from_field_text(field, s))
                        .collect(),
                ))
            }
        };
        if all_words && stems.len() > 1 {
            // Every word somewhere in the card: each word in the question or the answer.
            return Some(Box::new(BooleanQuery::new(
                stems
                    .iter()
                    .map(|s| {
                        let either: Box<dyn Query> = Box::new(BooleanQuery::union(vec![
                            Box::new(TermQuery::new(
                                Term::from_field_text(f.question, s),
                                IndexRecordOption::Basic,
                            )),
                            Box::new(TermQuery::new(
                                Term::from_field_text(f.answer, s),
                                IndexRecordOption::Basic,
                            )),
                        ]));
                        (Occur::Must, either)
                    })
                    .collect(),
            )));
        }
        Some(Box::new(BooleanQuery::union(vec![
            per_field(f.question),
            per_field(f.answer),
        ])))
    }

    /// The benchmark's anchor: `input` run on tantivy directly, through its own query
    /// parser over questions and answers, top `limit` by score, no snippets, nothing read
    /// back. Returns how many cards matched.
    #[doc(hidden)]
    pub fn anchor_search(&self, input: &str, limit: usize) -> Result<usize> {
        let searcher = self.reader.searcher();
        let parser = tantivy::query::QueryParser::for_index(
            &self.index,
            vec![self.fields.question, self.fields.answer],
        );
        let (q, _) = parser.parse_query_lenient(input);
        let (top, total) = searcher.search(
            &q,
            &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
        )?;
        std::hint::black_box(top);
        Ok(total)
    }

    pub fn search(&self, input: &str, limit: usize) -> Result<SearchResult> {
        let started = Instant::now();
        let parsed = query::parse(input);
        let mut warnings = parsed.warnings.clone();
        let searcher = self.reader.searcher();
        let limit = limit.max(1);
        if parsed.clauses.is_empty() {
            return Ok(SearchResult {
                total: 0,
                warnings,
                hits: Vec::new(),
                took_ms: started.elapsed().as_secs_f64() * 1000.0,
            });
        }
        let mut builder = QueryBuilder::new(searcher.clone(), self.fields, false);
        let q = builder.build(&parsed);
        let (mut top, mut total) =
            searcher.search(&*q, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
        let mut highlighter = builder.highlighter;
        if total == 0 && builder.fuzzable {
            let mut fuzzy = QueryBuilder::new(searcher.clone(), self.fields, true);
            let q = fuzzy.build(&parsed);
            (top, total) =
                searcher.search(&*q, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
            if total > 0 {
                warnings.push("no exact matches; showing close spellings".to_string());
            }
            highlighter = fuzzy.highlighter;
        }
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            hits.push(self.hit(&searcher, address, score, &highlighter)?);
        }
        Ok(SearchResult {
            total,
            warnings,
            hits,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        score: f32,
        highlighter: &snippet::Highlighter,
    ) -> Result<SearchHit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let question = text(self.fields.question);
        let answer = text(self.fields.answer);
        Ok(SearchHit {
            card_id: CardId(text(self.fields.card_id)),
            deck: text(self.fields.deck_name),
            question_segments: highlighter.segments(&question, usize::MAX),
            snippet: highlighter.segments(&answer, snippet::SNIPPET_CHARS),
            question,
            score,
        })
    }
}

/// Turns a parsed query into tantivy queries, collecting what to highlight on the way.
struct QueryBuilder {
    searcher: tantivy::Searcher,
    fields: Fields,
    fuzzy: bool,
    fuzzable: bool,
    en: TextAnalyzer,
    words: TextAnalyzer,
    highlighter: snippet::Highlighter,
}

fn fuzzy_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl QueryBuilder {
    fn new(searcher: tantivy::Searcher, fields: Fields, fuzzy: bool) -> Self {
        QueryBuilder {
            searcher,
            fields,
            fuzzy,
            fuzzable: false,
            en: english_analyzer(),
            words: words_analyzer(),
            highlighter: snippet::Highlighter::default(),
        }
    }

    /// The most frequent indexed words that start with `prefix` (at most
    /// [`MAX_PREFIX_TERMS`]), so that a one- or two-letter prefix stays fast.
    fn expand_prefix(&self, field: Field, prefix: &str) -> Vec<String> {
        let mut upper = prefix.as_bytes().to_vec();
        upper.push(0xff); // never in UTF-8: above every word that starts with the prefix
        let mut found: std::collections::HashMap<Vec<u8>, u32> = Default::default();
        for segment in self.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let Ok(mut stream) = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .lt(&upper)
                .into_stream()
            else {
                continue;
            };
            let mut seen = 0;
            while stream.advance() && seen < 5000 {
                seen += 1;
                *found.entry(stream.key().to_vec()).or_default() += stream.value().doc_freq;
            }
        }
        let mut words: Vec<(Vec<u8>, u32)> = found.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        words
            .into_iter()
            .take(MAX_PREFIX_TERMS)
            .filter_map(|(w, _)| String::from_utf8(w).ok())
            .collect()
    }

    fn build(&mut self, parsed: &ParsedQuery) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for clause in &parsed.clauses {
            let negated = clause.negated;
            let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
            for atom in &clause.alternatives {
                if let Some(q) = self.atom(atom, negated) {
                    alternatives.push(q);
                }
            }
            let q: Box<dyn Query> = match alternatives.len() {
                0 => continue,
                1 => alternatives.pop().unwrap_or_else(|| Box::new(EmptyQuery)),
                _ => Box::new(BooleanQuery::union(alternatives)),
            };
            clauses.push((if negated { Occur::MustNot } else { Occur::Must }, q));
        }
        if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
            if clauses.is_empty() && parsed.has_positive() {
                // Every word analysed to nothing (punctuation only): nothing can match.
                return Box::new(EmptyQuery);
            }
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// (stemmed field, plain-words field, boost) for each field in scope.
    fn scoped_fields(&self, scope: Scope) -> Vec<(Field, Field, f32)> {
        let f = &self.fields;
        match scope {
            Scope::Anywhere => vec![
                (f.question, f.question_words, QUESTION_BOOST),
                (f.answer, f.answer_words, 1.0),
            ],
            Scope::Question => vec![(f.question, f.question_words, 1.0)],
            Scope::Answer => vec![(f.answer, f.answer_words, 1.0)],
            Scope::Notes => vec![(f.notes, f.notes_words, 1.0)],
        }
    }

    fn atom(&mut self, atom: &Atom, negated: bool) -> Option<Box<dyn Query>> {
        match atom {
            Atom::Deck(name) => {
                let lower = name.to_lowercase();
                Some(Box::new(BooleanQuery::union(vec![
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.deck, &lower),
                        IndexRecordOption::Basic,
                    )),
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.deck_id, name),
                        IndexRecordOption::Basic,
                    )),
                ])))
            }
            Atom::Tag(name) => Some(Box::new(TermQuery::new(
                Term::from_field_text(self.fields.tags, &tag_slug(name)),
                IndexRecordOption::Basic,
            ))),
            Atom::Skill(name) => {
                let lex = crate::jobs::Lexicon::builtin();
                let id = lex
                    .lookup(name)
                    .or_else(|| lex.get(name))
                    .map(|s| s.id.clone())
                    .unwrap_or_else(|| name.to_lowercase());
                Some(Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.skills, &id),
                    IndexRecordOption::Basic,
                )))
            }
            Atom::Is(flag) => Some(Box::new(TermQuery::new(
                Term::from_field_text(self.fields.flags, flag),
                IndexRecordOption::Basic,
            ))),
            Atom::Phrase { scope, text } => self.phrase(*scope, text, negated),
            Atom::Word {
                scope,
                text,
                prefix,
            } => {
                let stems = tokens(&mut self.en, text);
                if stems.len() > 1 {
                    // "node.js", "ci/cd": several words typed as one; match them together.
                    return self.phrase(*scope, text, negated);
                }
                let stem = stems.into_iter().next()?;
                let raw = tokens(&mut self.words, text).into_iter().next()?;
                if !negated {
                    self.fuzzable |= fuzzy_distance(&raw) > 0;
                }
                let mut options: Vec<Box<dyn Query>> = Vec::new();
                for (field, words_field, boost) in self.scoped_fields(*scope) {
                    let distance = if self.fuzzy && !negated {
                        fuzzy_distance(&raw)
                    } else {
                        0
                    };
                    if distance > 0 {
                        let term = Term::from_field_text(words_field, &raw);
                        let q: Box<dyn Query> = if *prefix {
                            Box::new(FuzzyTermQuery::new_prefix(term, distance, true))
                        } else {
                            Box::new(FuzzyTermQuery::new(term, distance, true))
                        };
                        options.push(Box::new(BoostQuery::new(q, boost)));
                        continue;
                    }
                    let exact = TermQuery::new(
                        Term::from_field_text(field, &stem),
                        IndexRecordOption::WithFreqs,
                    );
                    options.push(Box::new(BoostQuery::new(Box::new(exact), boost)));
                    if *prefix && raw.chars().count() >= 2 {
                        for word in self.expand_prefix(words_field, &raw) {
                            let q = TermQuery::new(
                                Term::from_field_text(words_field, &word),
                                IndexRecordOption::Basic,
                            );
                            options.push(Box::new(BoostQuery::new(Box::new(q), boost * 0.8)));
                        }
                    }
                }
                if !negated {
                    self.highlighter.add_word(&stem, &raw, *prefix, self.fuzzy);
                }
                Some(Box::new(BooleanQuery::union(options)))
            }
        }
    }

    fn phrase(&mut self, scope: Scope, text: &str, negated: bool) -> Option<Box<dyn Query>> {
        let stems = tokens(&mut self.en, text);
        if stems.is_empty() {
            return None;
        }
        let mut options: Vec<Box<dyn Query>> = Vec::new();
        for (field, _, boost) in self.scoped_fields(scope) {
            let q: Box<dyn Query> = if stems.len() == 1 {
                Box::new(TermQuery::new(
                    Term::from_field_text(field, &stems[0]),
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                Box::new(PhraseQuery::new(
                    stems
                        .iter()
                        .map(|s| Term::from_field_text(field, s))
                        .collect(),
                ))
            };
            options.push(Box::new(BoostQuery::new(q, boost)));
        }
        if !negated {
            let set: HashSet<String> = stems.into_iter().collect();
            for s in set {
                self.highlighter.add_word(&s, &s, false, false);
            }
        }
        Some(Box::new(BooleanQuery::union(options)))
    }
}
