//! What the person adds to a card: notes, highlights (anchored by quote, so they survive
//! edits), tags, a star, and earlier versions of the question and answer.

pub mod anchor;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::CardId;

/// A note on a card (markdown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: i64,
    pub card_id: CardId,
    /// Markdown as written.
    pub body: String,
    /// The body rendered and sanitised: safe to insert into the page.
    pub body_html: String,
    /// RFC 3339.
    pub created_at: String,
    pub updated_at: String,
}

/// Highlighted words in an answer, anchored by a text-quote selector: the exact words, a
/// little of the text before and after, and where they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Highlight {
    pub id: i64,
    pub card_id: CardId,
    /// The highlighted words (as they now read, when the answer changed a little).
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Char offsets in the answer's plain text.
    pub start: usize,
    pub end: usize,
    pub comment: Option<String>,
    /// The words are gone from the answer; kept and shown, never dropped.
    pub orphan: bool,
    pub created_at: String,
}

/// A highlight to add: the selected words and some text around them, as the window sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewHighlight {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Where the selection starts in the answer's text, if known.
    pub start: Option<usize>,
    pub comment: Option<String>,
}

/// An earlier (or the current) question and answer of a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Version {
    pub id: i64,
    pub card_id: CardId,
    pub question: String,
    pub answer: String,
    /// `import` (from the document), `edit` (in the app), `restore` (an earlier version
    /// brought back) or `file` (the document's version chosen over an edit).
    pub origin: String,
    pub created_at: String,
    /// This is what the card says now.
    pub current: bool,
}

/// A re-import found the document changed a card the person had edited in the app. The
/// card keeps the app's text until they choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    /// The document's question and answer.
    pub question: String,
    pub answer: String,
}

/// Everything added to a card, for the card view and `cards --json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct Annotations {
    pub notes: Vec<Note>,
    /// Highlights that anchor in the answer.
    pub highlights: Vec<Highlight>,
    /// Highlights whose words are gone from the answer.
    pub orphans: Vec<Highlight>,
    pub conflict: Option<Conflict>,
}

/// Which version wins a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    App,
    File,
}

impl std::str::FromStr for Keep {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "app" => Ok(Keep::App),
            "file" => Ok(Keep::File),
            o => Err(format!("\"{o}\": keep either app or file")),
        }
    }
}
