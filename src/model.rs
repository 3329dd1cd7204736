//! Domain types shared by the store, the index, the CLI and the desktop shell.
//!
//! These are plain data: no I/O, no behaviour beyond small derivations. Field names are the
//! JSON names the CLI prints and the UI reads.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    /// A deck's id: stable for the life of the deck.
    DeckId
);
id_type!(
    /// A card's id: derived from its deck and its normalised question, so it survives re-imports.
    CardId
);

/// A deck as listed in the sidebar and by `cuecard decks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Deck {
    pub id: DeckId,
    pub name: String,
    /// The file the deck was first imported from, if any.
    pub source: Option<String>,
    /// Number of live (not archived) cards.
    pub cards: usize,
}

/// One question with its prepared answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Card {
    pub id: CardId,
    pub deck_id: DeckId,
    /// The deck's name.
    pub deck: String,
    pub question: String,
    /// Markdown shown with the question, such as code to read before answering; often
    /// empty.
    pub context: String,
    /// The answer as markdown, as written in the source document.
    pub answer: String,
    /// Headings above the card in its document, outermost first.
    pub section: Vec<String>,
    /// Tags: slugs of the section headings.
    pub tags: Vec<String>,
    pub source_file: Option<String>,
    pub source_line: usize,
    pub source_line_end: usize,
    /// The answer is missing or a placeholder ("TODO", "Answer here").
    pub unanswered: bool,
    /// The card no longer appears in its source document.
    pub archived: bool,
    /// Skill ids the card names (from the skills lexicon), used to match job postings.
    pub skills: Vec<String>,
    /// Starred by the person.
    pub starred: bool,
    /// The question or answer was edited in the app since the document was last imported.
    pub edited: bool,
    /// A re-import changed the document's version of an edited card; the person has to
    /// choose which to keep.
    pub conflict: bool,
    /// The card's notes as one text, for the search index.
    #[serde(skip)]
    #[ts(skip)]
    pub notes_text: String,
}

/// The tag of questions to ask the interviewer: kept with the prep, not rehearsed.
pub const TO_ASK_TAG: &str = "to-ask";

impl Card {
    /// A question to ask the interviewer rather than one to answer.
    pub fn is_to_ask(&self) -> bool {
        self.tags.iter().any(|t| t == TO_ASK_TAG)
    }
}

/// A card without its answer, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardSummary {
    pub id: CardId,
    pub deck: String,
    pub deck_id: DeckId,
    pub question: String,
    pub section: Vec<String>,
    pub tags: Vec<String>,
    pub unanswered: bool,
}

impl From<&Card> for CardSummary {
    fn from(c: &Card) -> Self {
        CardSummary {
            id: c.id.clone(),
            deck: c.deck.clone(),
            deck_id: c.deck_id.clone(),
            question: c.question.clone(),
            section: c.section.clone(),
            tags: c.tags.clone(),
            unanswered: c.unanswered,
        }
    }
}

/// A warning about one line of an imported document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportWarning {
    pub line: usize,
    pub message: String,
}

/// What one import did to one deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeckReport {
    pub id: DeckId,
    pub name: String,
    pub source: String,
    /// Live cards in the deck after the import.
    pub cards: usize,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Cards edited in the app that the document changed too: the app's text is kept until
    /// the person chooses (`cuecard resolve`, or the card view in the window).
    pub conflicts: usize,
    /// Questions asked more than once in the document, merged into one card each.
    pub duplicates: usize,
    /// The document shapes recognised, in words, most cards first.
    pub shapes: Vec<String>,
    /// How the questions were found ("numbered lines as questions: 11 cards"), main way first.
    #[serde(default)]
    pub carriers: Vec<CarrierChoice>,
    /// Other readings of the document and the cards each would give.
    #[serde(default)]
    pub alternatives: Vec<CarrierChoice>,
    /// Questions to ask the interviewer found in the document (tagged `to-ask`).
    #[serde(default)]
    pub to_ask: usize,
    pub warnings: Vec<ImportWarning>,
}

/// One way of reading a document's questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CarrierChoice {
    /// What `--questions` takes to choose it (`headings:3`, `numbered`, `bold`...).
    pub name: String,
    pub description: String,
    pub cards: usize,
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileError {
    pub path: String,
    pub code: String,
    pub message: String,
}

/// What an import of one or more files did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub decks: Vec<DeckReport>,
    pub errors: Vec<FileError>,
}

/// A run of text in a snippet, highlighted when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub text: String,
    pub highlighted: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub card_id: CardId,
    pub deck: String,
    pub question: String,
    pub score: f32,
    /// A short passage of the answer with the matching words highlighted.
    pub snippet: Vec<Segment>,
    /// The question with the matching words highlighted.
    pub question_segments: Vec<Segment>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchResult {
    /// Number of matching cards (hits holds at most the limit).
    pub total: usize,
    /// Problems with the query that were worked around, in words.
    pub warnings: Vec<String>,
    pub hits: Vec<SearchHit>,
    pub took_ms: f64,
}

/// Where a library lives and how big it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryInfo {
    pub path: String,
    pub decks: usize,
    pub cards: usize,
}

/// A card as the window shows it: the card plus its answer rendered to safe HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardView {
    #[serde(flatten)]
    pub card: Card,
    /// The answer markdown rendered to HTML and sanitised: safe to insert into the page.
    pub answer_html: String,
    /// The question's context rendered the same way (empty when there is none).
    pub context_html: String,
    /// The answer as plain text: highlight offsets count chars of this.
    pub answer_text: String,
    pub annotations: crate::annotate::Annotations,
    /// The résumé bullets the answer draws on (empty without a résumé).
    #[serde(default)]
    pub resume: Vec<crate::resume::claims::ResumeLink>,
    /// Numbers, durations, titles and companies the answer claims, checked against the
    /// résumé.
    #[serde(default)]
    pub claims: Vec<crate::resume::claims::Claim>,
}

/// Progress of a long import, sent to the window as `import-progress` events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub path: String,
}

/// The TypeScript bindings in `ui/src/lib/bindings/` are generated from these types; this
/// test fails when they are stale (`make bindings` regenerates them).
#[cfg(test)]
mod bindings {
    use std::path::Path;

    use ts_rs::{Config, TS};

    use super::*;
    use crate::error::ErrorPayload;

    fn export_all(dir: &Path) {
        let cfg = Config::new().with_large_int("number").with_out_dir(dir);
        let results = [
            Deck::export_all(&cfg),
            CardSummary::export_all(&cfg),
            CardView::export_all(&cfg),
            SearchResult::export_all(&cfg),
            ImportReport::export_all(&cfg),
            crate::library::ImportPreview::export_all(&cfg),
            ImportProgress::export_all(&cfg),
            LibraryInfo::export_all(&cfg),
            ErrorPayload::export_all(&cfg),
            crate::matching::MatchReport::export_all(&cfg),
            crate::store::Job::export_all(&cfg),
            crate::rehearse::RehearsalPlan::export_all(&cfg),
            crate::rehearse::Session::export_all(&cfg),
            crate::rehearse::AttemptInput::export_all(&cfg),
            crate::rehearse::AttemptResult::export_all(&cfg),
            crate::rehearse::TypedFeedback::export_all(&cfg),
            crate::rehearse::SessionSummary::export_all(&cfg),
            crate::rehearse::Stats::export_all(&cfg),
            crate::rehearse::DueCard::export_all(&cfg),
            crate::annotate::Version::export_all(&cfg),
            crate::annotate::NewHighlight::export_all(&cfg),
            crate::annotate::Keep::export_all(&cfg),
            crate::annotate::Annotations::export_all(&cfg),
            crate::library::ResumeView::export_all(&cfg),
            crate::library::BulletStory::export_all(&cfg),
            crate::resume::against::ResumeMatch::export_all(&cfg),
            crate::resume::questions::LikelyQuestion::export_all(&cfg),
        ];
        for r in results {
            r.expect("export TypeScript bindings");
        }
    }

    #[test]
    fn ui_bindings_are_current() {
        let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            export_all(&committed);
        }
        let fresh = tempfile::tempdir().expect("temp dir");
        export_all(fresh.path());
        let mut checked = 0;
        for entry in std::fs::read_dir(fresh.path()).expect("read bindings") {
            let entry = entry.expect("entry");
            let name = entry.file_name();
            let want = std::fs::read_to_string(entry.path()).expect("fresh binding");
            let have = std::fs::read_to_string(committed.join(&name)).unwrap_or_default();
            assert_eq!(
                have,
                want,
                "ui/src/lib/bindings/{} is stale: run `make bindings`",
                name.to_string_lossy()
            );
            checked += 1;
        }
        assert!(checked >= 14, "only {checked} bindings generated");
    }
}
