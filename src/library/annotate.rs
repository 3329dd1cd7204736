//! The facade's annotation calls: notes, highlights, tags, stars, edits, versions and
//! conflicts. Each change is one store transaction, then the card is re-indexed.

use super::write::{ChangeSet, WhenBusy};
use super::Library;
use crate::annotate::anchor::{self, TextQuote};
use crate::annotate::{Annotations, Highlight, Keep, NewHighlight, Note, Version};
use crate::error::{Error, Result};
use crate::model::{Card, CardId, CardView};
use crate::rehearse::time::rfc3339;
use crate::store::{StoredHighlight, StoredNote};

/// The longest note or answer accepted, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

fn note_view(n: StoredNote) -> Note {
    Note {
        id: n.id,
        card_id: CardId(n.card_id),
        body_html: crate::render::safe_html(&n.body),
        body: n.body,
        created_at: rfc3339(n.created_at),
        updated_at: rfc3339(n.updated_at),
    }
}

fn highlight_view(h: StoredHighlight) -> Highlight {
    Highlight {
        id: h.id,
        card_id: CardId(h.card_id),
        exact: h.quote.exact,
        prefix: h.quote.prefix,
        suffix: h.quote.suffix,
        start: h.quote.start,
        end: h.quote.end,
        comment: h.comment,
        orphan: h.orphan,
        created_at: rfc3339(h.created_at),
    }
}

fn check_size(what: &str, text: &str) -> Result<()> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::InvalidInput(format!(
            "the {what} is {} KB; the most Cuecard keeps is {} KB",
            text.len() / 1024,
            MAX_TEXT_BYTES / 1024
        )));
    }
    Ok(())
}

fn skills_of(q: &str, a: &str) -> Vec<String> {
    crate::jobs::Lexicon::builtin().skill_ids(&format!("{q}\n{}", crate::render::plain_text(a)))
}

impl Library {
    /// Notes, highlights (anchored and orphaned) and any conflict of a card.
    pub fn annotations(&self, card_id: &str) -> Result<Annotations> {
        let mut highlights = Vec::new();
        let mut orphans = Vec::new();
        for h in self.store.highlights_of(card_id)? {
            if h.orphan {
                orphans.push(highlight_view(h));
            } else {
                highlights.push(highlight_view(h));
            }
        }
        Ok(Annotations {
            notes: self
                .store
                .notes_of(card_id)?
                .into_iter()
                .map(note_view)
                .collect(),
            highlights,
            orphans,
            conflict: self.store.conflict_of(card_id)?,
        })
    }

    /// One card with its answer rendered to sanitised HTML and its annotations.
    pub fn card_view(&self, id: &str) -> Result<CardView> {
        let card = self.card(id)?;
        let answer_html = crate::render::safe_html(&card.answer);
        let context_html = if card.context.trim().is_empty() {
            String::new()
        } else {
            crate::render::safe_html(&card.context)
        };
        let answer_text = crate::render::plain_text(&card.answer);
        let annotations = self.annotations(card.id.as_str())?;
        let (resume, claims) = self.grounding(&card)?;
        Ok(CardView {
            card,
            answer_html,
            context_html,
            answer_text,
            annotations,
            resume,
            claims,
        })
    }

    pub fn add_note(&mut self, card: &str, body: &str) -> Result<Note> {
        check_size("note", body)?;
        let card = self.card(card)?;
        let id = self.write_card(card.id.as_str(), |s| s.add_note(card.id.as_str(), body))?;
        self.store
            .notes_of(card.id.as_str())?
            .into_iter()
            .find(|n| n.id == id)
            .map(note_view)
            .ok_or_else(|| Error::not_found("note", id.to_string()))
    }

    /// Changes a note; an empty body deletes it.
    pub fn update_note(&mut self, card: &str, note_id: i64, body: &str) -> Result<()> {
        check_size("note", body)?;
        let card = self.card(card)?;
        if !self
            .store
            .notes_of(card.id.as_str())?
            .iter()
            .any(|n| n.id == note_id)
        {
            return Err(Error::not_found("note", note_id.to_string()));
        }
        self.write_card(card.id.as_str(), |s| s.update_note(note_id, body))
    }

    /// Highlights words of a card's answer (as selected in the window, or given at the
    /// command line).
    pub fn add_highlight(&mut self, card: &str, h: &NewHighlight) -> Result<Highlight> {
        let card = self.card(card)?;
        let quote = anchor::quote_from_selection(&h.exact, &h.prefix, &h.suffix, h.start)
            .ok_or_else(|| Error::InvalidInput("select some words to highlight".into()))?;
        let id =
            self.write_store(|s| s.add_highlight(card.id.as_str(), &quote, h.comment.as_deref()))?;
        self.store
            .highlights_of(card.id.as_str())?
            .into_iter()
            .find(|x| x.id == id)
            .map(highlight_view)
            .ok_or_else(|| Error::not_found("highlight", id.to_string()))
    }

    /// Highlights the first occurrence of `words` in a card's answer.
    pub fn highlight_words(
        &mut self,
        card: &str,
        words: &str,
        comment: Option<&str>,
    ) -> Result<Highlight> {
        let c = self.card(card)?;
        let text = crate::render::plain_text(&c.answer);
        let quote = TextQuote {
            exact: words.to_string(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: words.chars().count(),
        };
        let a = anchor::anchor(&text, &quote).ok_or_else(|| {
            Error::InvalidInput(format!("\"{words}\" is not in the answer of card {}", c.id))
        })?;
        let q = anchor::describe(&text, a.start, a.end)
            .ok_or_else(|| Error::InvalidInput("select some words to highlight".into()))?;
        self.add_highlight(
            c.id.as_str(),
            &NewHighlight {
                exact: q.exact,
                prefix: q.prefix,
                suffix: q.suffix,
                start: Some(q.start),
                comment: comment.map(str::to_string),
            },
        )
    }

    pub fn delete_highlight(&mut self, id: i64) -> Result<()> {
        self.write_store(|s| s.delete_highlight(id))
    }

    pub fn set_starred(&mut self, card: &str, starred: bool) -> Result<Card> {
        let card = self.card(card)?;
        self.write_card(card.id.as_str(), |s| {
            s.set_starred(card.id.as_str(), starred)
        })?;
        self.card(card.id.as_str())
    }

    /// Adds or removes a tag; returns the card's tags after.
    pub fn tag(&mut self, card: &str, tag: &str, add: bool) -> Result<Vec<String>> {
        let card = self.card(card)?;
        self.write_card(card.id.as_str(), |s| s.edit_tag(card.id.as_str(), tag, add))
    }

    /// Edits a card's question and/or answer in the app; the earlier text stays as a version.
    pub fn edit_card(
        &mut self,
        card: &str,
        question: Option<&str>,
        answer: Option<&str>,
    ) -> Result<CardView> {
        if let Some(a) = answer {
            check_size("answer", a)?;
        }
        if let Some(q) = question {
            check_size("question", q)?;
        }
        let card = self.card(card)?;
        self.write_card(card.id.as_str(), |s| {
            s.edit_card(card.id.as_str(), question, answer, "edit", skills_of)?;
            Ok(())
        })?;
        self.card_view(card.id.as_str())
    }

    /// Every version of a card, newest first; the first is what it says now.
    pub fn versions(&self, card: &str) -> Result<Vec<Version>> {
        let card = self.card(card)?;
        let mut v: Vec<Version> = self
            .store
            .versions_of(card.id.as_str())?
            .into_iter()
            .map(|v| Version {
                current: false,
                id: v.id,
                card_id: CardId(v.card_id),
                question: v.question,
                answer: v.answer,
                origin: v.origin,
                created_at: rfc3339(v.created_at),
            })
            .collect();
        v.reverse();
        if v.is_empty() {
            return Ok(Vec::new());
        }
        for x in v.iter_mut() {
            x.current = x.question == card.question && x.answer == card.answer;
            if x.current {
                break;
            }
        }
        Ok(v)
    }

    /// Brings back an earlier version (itself recorded as a new version).
    pub fn restore_version(&mut self, card: &str, version_id: i64) -> Result<CardView> {
        let card = self.card(card)?;
        let v = self.store.version(version_id)?;
        if v.card_id != card.id.as_str() {
            return Err(Error::InvalidInput(format!(
                "version {version_id} belongs to another card"
            )));
        }
        self.write_card(card.id.as_str(), |s| {
            s.edit_card(
                card.id.as_str(),
                Some(&v.question),
                Some(&v.answer),
                "restore",
                skills_of,
            )?;
            Ok(())
        })?;
        self.card_view(card.id.as_str())
    }

    /// Settles a conflict between an app edit and a re-imported document.
    pub fn resolve_conflict(&mut self, card: &str, keep: Keep) -> Result<CardView> {
        let card = self.card(card)?;
        self.write_card(card.id.as_str(), |s| {
            s.resolve_conflict(card.id.as_str(), keep, skills_of)?;
            Ok(())
        })?;
        self.card_view(card.id.as_str())
    }

    /// Writes a new card in the app (by default into the deck "My answers").
    pub fn create_card(
        &mut self,
        deck: Option<&str>,
        question: &str,
        answer: &str,
        tags: &[String],
    ) -> Result<CardView> {
        check_size("answer", answer)?;
        check_size("question", question)?;
        let deck = deck
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .unwrap_or(DEFAULT_APP_DECK);
        let tags: Vec<String> = tags
            .iter()
            .map(|t| crate::index::tag_slug(t))
            .filter(|t| !t.is_empty())
            .collect();
        let id = self.write(WhenBusy::MarkBehind, 1, |s| {
            let id = s.create_card(deck, question, answer, &tags, skills_of(question, answer))?;
            let changes = ChangeSet::card(id.as_str());
            Ok((id, changes))
        })?;
        self.card_view(&id)
    }
}

/// The deck cards written in the app go to unless another is named.
pub const DEFAULT_APP_DECK: &str = "My answers";
