//! Exporting decks: markdown with notes (re-importable) and JSON with everything.

use super::Library;
use crate::error::{Error, Result};

impl Library {
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
}
