//! Cuecard's core: import interview documents into decks of cards, store them in SQLite,
//! search them with tantivy, and export them again.
//!
//! Front ends (the `cuecard` CLI, the desktop shell) call only [`Library`]; everything else
//! is public so that it can be tested on its own.

pub mod annotate;
pub mod document;
pub mod error;
pub mod export;
pub mod import;
pub mod index;
pub mod jobs;
pub mod library;
pub mod matching;
pub mod model;
pub mod rehearse;
pub mod render;
pub mod resume;
pub mod store;

pub use error::{Error, ErrorCode, ErrorPayload, Result};
pub use library::Library;
pub use model::*;
