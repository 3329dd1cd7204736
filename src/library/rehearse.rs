//! The facade's rehearsal calls: sessions, attempts, due cards, summaries and statistics.
//! Every call takes `now` (unix seconds) from the front end; nothing here reads the clock.

use crate::model::TO_ASK_TAG;
use std::collections::{HashMap, HashSet};

use chrono::TimeZone;

use super::Library;
use crate::error::{Error, Result};
use crate::model::{Card, CardId};
use crate::rehearse::fsrs::Fsrs;
use crate::rehearse::schedule::{effective_due, interview_deadlines, state_name, Due, Interview};
use crate::rehearse::time::{end_of_day, parse_date, rfc3339, rfc3339_ms, start_of_day};
use crate::rehearse::{
    compare, stats, Attempt, AttemptInput, AttemptResult, CardSchedule, DayCount, DueCard, Rating,
    RehearsalPlan, RehearsalSource, Session, SessionCard, SessionSummary, Stats, SummaryRow,
    TypedFeedback,
};
use crate::store::{NewAttempt, StoredAttempt, StoredSession};

/// Target answer length when neither the session nor the deck sets one.
pub const DEFAULT_TARGET_SECS: u32 = 120;
/// Desired retention when none is set.
pub const DEFAULT_RETENTION: f64 = 0.9;
/// Cards of a job's ranking its interview date protects.
pub const INTERVIEW_TOP_CARDS: usize = 10;

fn attempt_view(a: StoredAttempt) -> Attempt {
    Attempt {
        id: a.id,
        card_id: CardId(a.card_id),
        session_id: a.session_id,
        started_at: rfc3339_ms(a.started_at_ms),
        duration_ms: a.duration_ms,
        target_secs: a.target_secs,
        rating: a.rating,
        typed: a.typed,
    }
}

impl Library {
    /// The scheduler with the library's desired retention.
    pub fn fsrs(&self) -> Result<Fsrs> {
        let r = self
            .store
            .meta("desired_retention")?
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(DEFAULT_RETENTION);
        Ok(Fsrs::new(r))
    }

    /// Sets how likely a card should still be remembered when it comes back (0.70 to 0.97).
    pub fn set_desired_retention(&mut self, r: f64) -> Result<()> {
        if !(0.7..=0.97).contains(&r) {
            return Err(Error::InvalidInput(format!(
                "desired retention {r} is out of range; give a number from 0.70 to 0.97"
            )));
        }
        self.write_store(|s| s.set_meta("desired_retention", &r.to_string()))
    }

    /// The target answer length of a deck (name or id), in seconds.
    pub fn deck_target(&self, deck: &str) -> Result<u32> {
        let d = self.deck(deck)?;
        Ok(self
            .store
            .deck_target(d.id.as_str())?
            .unwrap_or(DEFAULT_TARGET_SECS))
    }

    pub fn set_deck_target(&mut self, deck: &str, secs: u32) -> Result<()> {
        if !(10..=3600).contains(&secs) {
            return Err(Error::InvalidInput(format!(
                "a target of {secs} seconds is out of range; give 10 to 3600"
            )));
        }
        let d = self.deck(deck)?;
        self.write_store(|s| s.set_deck_target(d.id.as_str(), Some(secs)))
    }

    /// Upcoming interviews with the cards their jobs rank highest.
    fn interviews(&self, now: i64) -> Result<Vec<Interview>> {
        let local = chrono::Local;
        let mut out = Vec::new();
        for job in self.store.jobs()? {
            let Some(date) = job.interview_date.as_deref().and_then(parse_date) else {
                continue;
            };
            let starts = start_of_day(&local, date);
            if starts <= now {
                continue;
            }
            let report = self.match_keywords(&job.keywords, None)?;
            out.push(Interview {
                job_id: job.id,
                starts,
                cards: report
                    .ranking
                    .into_iter()
                    .take(INTERVIEW_TOP_CARDS)
                    .map(|r| r.card_id.0)
                    .collect(),
            });
        }
        Ok(out)
    }

    /// The due time of every practised card, interviews taken into account.
    fn due_map(&self, now: i64) -> Result<HashMap<String, (Due, crate::rehearse::fsrs::Schedule)>> {
        let deadlines = interview_deadlines(&self.interviews(now)?, now);
        Ok(self
            .store
            .schedules()?
            .into_iter()
            .map(|(id, s)| {
                let due = effective_due(Some(&s), deadlines.get(&id));
                (id, (due, s))
            })
            .collect())
    }

    fn schedule_view(&self, card_id: &str, now: i64) -> Result<CardSchedule> {
        let s = self.store.schedule_of(card_id)?;
        let deadlines = interview_deadlines(&self.interviews(now)?, now);
        let due = effective_due(s.as_ref(), deadlines.get(card_id));
        Ok(CardSchedule {
            card_id: CardId(card_id.to_string()),
            state: state_name(&due, now).to_string(),
            due: due.at.map(rfc3339),
            stability: s.map(|s| s.state.stability),
            difficulty: s.map(|s| s.state.difficulty),
            reps: s.map_or(0, |s| s.reps),
            lapses: s.map_or(0, |s| s.lapses),
            last_review: s.map(|s| rfc3339(s.last_review)),
            pulled_by: due.pulled_by,
        })
    }

    /// A card's place in the schedule.
    pub fn card_schedule(&self, id: &str, now: i64) -> Result<CardSchedule> {
        let card = self.card(id)?;
        self.schedule_view(card.id.as_str(), now)
    }

    /// Cards due by the end of today (local time), most overdue first, then (with
    /// `include_new`) the next [`NEW_CARDS_LISTED`] cards never practised, in the order
    /// they were imported.
    pub fn due_cards(&self, now: i64, include_new: bool) -> Result<Vec<DueCard>> {
        let until = end_of_day(&chrono::Local, now);
        self.due_cards_until(now, until, include_new)
    }

    /// Cards due at or before `until`: the schedules due by then, read through their
    /// due-date index, and the few cards an interview pulls earlier; then the cards never
    /// practised. The same list as [`Library::due_cards_plain`], which replays every card.
    pub fn due_cards_until(&self, now: i64, until: i64, include_new: bool) -> Result<Vec<DueCard>> {
        let deadlines = interview_deadlines(&self.interviews(now)?, now);
        let entry =
            |id: String, question: String, deck: String, s: &crate::rehearse::fsrs::Schedule| {
                let d = effective_due(Some(s), deadlines.get(&id));
                d.at.filter(|&t| t <= until).map(|t| {
                    (
                        t,
                        DueCard {
                            card_id: CardId(id),
                            question,
                            deck,
                            due: d.at.map(rfc3339),
                            stability: Some(s.state.stability),
                            difficulty: Some(s.state.difficulty),
                            new: false,
                            pulled_by: d.pulled_by.clone(),
                        },
                    )
                })
            };
        let mut due: Vec<(i64, DueCard)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (id, question, deck, s) in self.store.due_rows(until)? {
            seen.insert(id.clone());
            due.extend(entry(id, question, deck, &s));
        }
        // An interview can bring a card due later into today.
        for id in deadlines.keys().filter(|id| !seen.contains(*id)) {
            let (Some(s), Some(card)) = (self.store.schedule_of(id)?, self.store.card(id)?) else {
                continue;
            };
            if !card.archived {
                due.extend(entry(id.clone(), card.question, card.deck, &s));
            }
        }
        due.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.question.cmp(&b.1.question)));
        let mut out: Vec<DueCard> = due.into_iter().map(|(_, d)| d).collect();
        if include_new {
            for (id, question, deck) in self.store.never_practised(NEW_CARDS_LISTED)? {
                out.push(DueCard {
                    card_id: CardId(id),
                    question,
                    deck,
                    due: None,
                    stability: None,
                    difficulty: None,
                    new: true,
                    pulled_by: None,
                });
            }
        }
        Ok(out)
    }

    /// [`Library::due_cards_until`] the plain way: every live card against every schedule.
    /// Kept to check the fast path against.
    pub fn due_cards_plain(&self, now: i64, until: i64, include_new: bool) -> Result<Vec<DueCard>> {
        let dues = self.due_map(now)?;
        let mut due = Vec::new();
        let mut new = Vec::new();
        self.store.for_each_live_card_in(None, |card| {
            match dues.get(card.id.as_str()) {
                Some((d, s)) if d.at.is_some_and(|t| t <= until) => {
                    due.push((
                        d.at.unwrap_or(0),
                        DueCard {
                            card_id: card.id,
                            question: card.question,
                            deck: card.deck,
                            due: d.at.map(rfc3339),
                            stability: Some(s.state.stability),
                            difficulty: Some(s.state.difficulty),
                            new: false,
                            pulled_by: d.pulled_by.clone(),
                        },
                    ));
                }
                Some(_) => {}
                None if include_new && !card.unanswered && !card.is_to_ask() => new.push(DueCard {
                    card_id: card.id,
                    question: card.question,
                    deck: card.deck,
                    due: None,
                    stability: None,
                    difficulty: None,
                    new: true,
                    pulled_by: None,
                }),
                None => {}
            }
            Ok(())
        })?;
        due.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.question.cmp(&b.1.question)));
        new.truncate(NEW_CARDS_LISTED);
        Ok(due.into_iter().map(|(_, d)| d).chain(new).collect())
    }

    /// Picks a rehearsal's cards and opens a session for them.
    pub fn start_rehearsal(&mut self, plan: &RehearsalPlan, now: i64) -> Result<Session> {
        let limit = plan.limit.unwrap_or(match plan.source {
            RehearsalSource::Job { .. } => 10,
            _ => 20,
        });
        if limit == 0 {
            return Err(Error::InvalidInput(
                "a rehearsal needs at least one card".into(),
            ));
        }
        let until = end_of_day(&chrono::Local, now);
        let (source, ids): (String, Vec<CardId>) = match &plan.source {
            RehearsalSource::Due => (
                "due now".into(),
                self.due_cards_until(now, until, true)?
                    .into_iter()
                    .map(|d| d.card_id)
                    .collect(),
            ),
            RehearsalSource::Deck { deck } => {
                let d = self.deck(deck)?;
                let dues = self.due_map(now)?;
                let mut cards: Vec<(u8, i64, usize, Card)> = self
                    .cards(Some(d.id.as_str()), false)?
                    .into_iter()
                    .enumerate()
                    .map(|(pos, c)| {
                        let (rank, at) = match dues.get(c.id.as_str()) {
                            Some((due, _)) if due.at.is_some_and(|t| t <= until) => {
                                (0, due.at.unwrap_or(0))
                            }
                            None => (1, 0),
                            Some((due, _)) => (2, due.at.unwrap_or(0)),
                        };
                        (rank, at, pos, c)
                    })
                    .collect();
                cards.sort_by_key(|(rank, at, pos, _)| (*rank, *at, *pos));
                (
                    format!("deck {}", d.name),
                    cards.into_iter().map(|(_, _, _, c)| c.id).collect(),
                )
            }
            RehearsalSource::Query { query } => {
                let r = self.search(query, limit)?;
                (
                    format!("search \"{query}\""),
                    r.hits.into_iter().map(|h| h.card_id).collect(),
                )
            }
            RehearsalSource::Job { job } => {
                let j = self.job(job)?;
                let report = self.match_keywords(&j.keywords, None)?;
                let name = j.title.clone().unwrap_or_else(|| j.id.clone());
                (
                    format!("job {name}"),
                    report.ranking.into_iter().map(|r| r.card_id).collect(),
                )
            }
        };
        let dues = self.due_map(now)?;
        let mut seen = HashSet::new();
        let mut cards = Vec::new();
        for id in ids {
            if cards.len() >= limit {
                break;
            }
            if !seen.insert(id.clone()) {
                continue;
            }
            let Some(card) = self.store.card(id.as_str())? else {
                continue;
            };
            if card.archived {
                continue;
            }
            // Questions to ask the interviewer are kept, not rehearsed, unless a search asks
            // for them.
            if card.is_to_ask()
                && !matches!(&plan.source, RehearsalSource::Query { query } if query.contains(TO_ASK_TAG))
            {
                continue;
            }
            let target = match plan.target_secs {
                Some(t) => t,
                None => self
                    .store
                    .deck_target(card.deck_id.as_str())?
                    .unwrap_or(DEFAULT_TARGET_SECS),
            };
            let due = dues
                .get(card.id.as_str())
                .map(|(d, _)| d.clone())
                .unwrap_or(Due {
                    at: None,
                    pulled_by: None,
                });
            cards.push(SessionCard {
                card_id: card.id,
                deck: card.deck,
                question: card.question,
                target_secs: target,
                state: state_name(&due, until).to_string(),
            });
        }
        if cards.is_empty() {
            return Err(Error::InvalidInput(match &plan.source {
                RehearsalSource::Due => {
                    "nothing is due: every practised card is scheduled for later and there are no new cards".to_string()
                }
                _ => format!("{source}: no cards to rehearse"),
            }));
        }
        let target_secs = plan
            .target_secs
            .unwrap_or_else(|| cards.first().map_or(DEFAULT_TARGET_SECS, |c| c.target_secs));
        if !(10..=3600).contains(&target_secs) {
            return Err(Error::InvalidInput(format!(
                "a target of {target_secs} seconds is out of range; give 10 to 3600"
            )));
        }
        let id = format!(
            "s{}",
            &crate::store::stable_id(&format!("{now}\0{source}\0{}", cards.len()))[..8]
        );
        let id = self.unique_session_id(id)?;
        self.write_store(|s| {
            s.create_session(&StoredSession {
                id: id.clone(),
                started_at: now,
                source: source.clone(),
                target_secs,
                cards: cards.iter().map(|c| c.card_id.0.clone()).collect(),
            })
        })?;
        Ok(Session {
            id,
            started_at: rfc3339(now),
            source,
            target_secs,
            cards,
        })
    }

    fn unique_session_id(&self, mut id: String) -> Result<String> {
        while self.store.session(&id)?.is_some() {
            id = format!(
                "s{}",
                &crate::store::stable_id(&format!("{id}\0again"))[..8]
            );
        }
        Ok(id)
    }

    /// Records one rating, committed before this returns, and reschedules the card.
    pub fn record_attempt(&mut self, input: &AttemptInput, now: i64) -> Result<AttemptResult> {
        let card = self.card(input.card_id.as_str())?;
        if let Some(s) = &input.session_id {
            if self.store.session(s)?.is_none() {
                return Err(Error::not_found("session", s.clone()));
            }
        }
        if input.duration_ms > 24 * 3600 * 1000 {
            return Err(Error::InvalidInput(format!(
                "an attempt of {} seconds is longer than a day; give the seconds spent answering",
                input.duration_ms / 1000
            )));
        }
        let started_at_ms = match &input.started_at {
            Some(s) => crate::rehearse::time::parse_rfc3339_ms(s)?,
            None => now * 1000 - input.duration_ms as i64,
        };
        let target_secs = match input.target_secs {
            Some(t) => t,
            None => self
                .store
                .deck_target(card.deck_id.as_str())?
                .unwrap_or(DEFAULT_TARGET_SECS),
        };
        let typed = input.typed.as_deref().filter(|t| !t.trim().is_empty());
        let fsrs = self.fsrs()?;
        let (id, _) = self.write_store(|s| {
            s.record_attempt(
                &NewAttempt {
                    card_id: card.id.as_str(),
                    session_id: input.session_id.as_deref(),
                    started_at_ms,
                    duration_ms: input.duration_ms,
                    target_secs,
                    rating: input.rating,
                    typed,
                },
                &fsrs,
                now,
            )
        })?;
        let attempt = Attempt {
            id,
            card_id: card.id.clone(),
            session_id: input.session_id.clone(),
            started_at: rfc3339_ms(started_at_ms),
            duration_ms: input.duration_ms,
            target_secs,
            rating: input.rating,
            typed: typed.map(str::to_string),
        };
        Ok(AttemptResult {
            schedule: self.schedule_view(card.id.as_str(), now)?,
            attempt,
        })
    }

    /// Holds a typed attempt against the card's answer (and a job's keywords). Stores nothing.
    pub fn compare_typed(
        &self,
        card: &str,
        typed: &str,
        duration_ms: u64,
        target_secs: u32,
        job: Option<&str>,
    ) -> Result<TypedFeedback> {
        let card = self.card(card)?;
        let keywords = match job {
            Some(j) => self.job(j)?.keywords,
            None => Vec::new(),
        };
        let names: Vec<(String, Vec<String>)> = keywords
            .iter()
            .map(|k| (k.name.clone(), Vec::new()))
            .collect();
        let mut feedback = compare::compare(&card.answer, typed, duration_ms, target_secs, &names);
        // Skills count under any of their names ("k8s" for Kubernetes).
        let said = crate::jobs::Lexicon::builtin().skill_ids(typed);
        for k in &keywords {
            if said.contains(&k.id) && !feedback.keywords.contains(&k.name) {
                feedback.keywords.push(k.name.clone());
            }
        }
        Ok(feedback)
    }

    /// A card's attempts, newest first.
    pub fn card_history(&self, id: &str) -> Result<Vec<Attempt>> {
        let card = self.card(id)?;
        let mut v: Vec<Attempt> = self
            .store
            .attempts_of(card.id.as_str())?
            .into_iter()
            .map(attempt_view)
            .collect();
        v.reverse();
        Ok(v)
    }

    /// The end of a rehearsal: each card's time against target, ratings, when they return.
    pub fn session_summary(&self, id: &str, now: i64) -> Result<SessionSummary> {
        let session = self
            .store
            .session(id)?
            .ok_or_else(|| Error::not_found("session", id.to_string()))?;
        let attempts = self.store.attempts_in_session(&session.id)?;
        let dues = self.due_map(now)?;
        let local = chrono::Local;
        let mut rows = Vec::new();
        let mut counts = [0u32; 4];
        let mut coming: std::collections::BTreeMap<String, u32> = Default::default();
        let mut over = 0;
        let mut total_ms = 0;
        let mut counted = HashSet::new();
        for a in &attempts {
            counts[a.rating.as_u8() as usize - 1] += 1;
            total_ms += a.duration_ms;
            if a.duration_ms > u64::from(a.target_secs) * 1000 {
                over += 1;
            }
            let question = self
                .store
                .card(&a.card_id)?
                .map(|c| c.question)
                .unwrap_or_default();
            let next = dues.get(&a.card_id).and_then(|(d, _)| d.at);
            if counted.insert(a.card_id.clone()) {
                if let Some(t) = next {
                    let day = crate::rehearse::time::day_string(crate::rehearse::time::local_date(
                        &local, t,
                    ));
                    *coming.entry(day).or_default() += 1;
                }
            }
            rows.push(SummaryRow {
                card_id: CardId(a.card_id.clone()),
                question,
                duration_ms: a.duration_ms,
                target_secs: a.target_secs,
                rating: a.rating,
                next_due: next.map(rfc3339),
            });
        }
        Ok(SessionSummary {
            session_id: session.id,
            rows,
            total_ms,
            over_target: over,
            again: counts[0],
            hard: counts[1],
            good: counts[2],
            easy: counts[3],
            coming_back: coming
                .into_iter()
                .map(|(day, count)| DayCount { day, count })
                .collect(),
        })
    }

    /// The numbers behind the statistics charts, with days in local time.
    pub fn stats(&self, now: i64) -> Result<Stats> {
        self.stats_in(now, &chrono::Local)
    }

    /// [`Library::stats`] with days in `tz`.
    pub fn stats_in<Tz: TimeZone>(&self, now: i64, tz: &Tz) -> Result<Stats> {
        let attempts = self.store.all_attempts()?;
        let dues = self.due_map(now)?;
        let mut questions = HashMap::new();
        let mut due = Vec::new();
        let mut new_cards = 0;
        self.store.for_each_live_card_in(None, |card| {
            match dues.get(card.id.as_str()) {
                Some((d, _)) => due.extend(d.at),
                None if !card.unanswered && !card.is_to_ask() => new_cards += 1,
                None => {}
            }
            questions.insert(card.id.0, card.question);
            Ok(())
        })?;
        Ok(stats::stats(
            &attempts, &questions, &due, new_cards, now, tz,
        ))
    }
}

/// Parses a rating given at the command line.
pub fn parse_rating(s: &str) -> Result<Rating> {
    Rating::parse(s).ok_or_else(|| {
        Error::InvalidInput(format!(
            "\"{s}\" is not a rating; give again, hard, good or easy (or 1 to 4)"
        ))
    })
}

/// The most cards never practised that the due list names (the next ones, in the order they
/// were imported): today's queue, not the whole library. Rehearsals still draw from all.
pub const NEW_CARDS_LISTED: usize = 50;

#[cfg(test)]
mod due_list_tests {
    use super::*;
    use crate::rehearse::{AttemptInput, Rating};

    #[test]
    fn the_indexed_due_list_is_the_plain_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        lib.import_sample().unwrap();
        let cards = lib.cards(None, false).unwrap();
        let t0 = 1_790_000_000; // 2026-09-21
        let day = 86_400;
        // Reviews at different times and ratings, so cards fall due on different days.
        for (i, c) in cards.iter().enumerate().take(9) {
            let rating = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy][i % 4];
            lib.record_attempt(
                &AttemptInput {
                    card_id: c.id.clone(),
                    session_id: None,
                    started_at: Some(rfc3339(t0 + i as i64 * day)),
                    duration_ms: 30_000,
                    target_secs: None,
                    rating,
                    typed: None,
                },
                t0 + i as i64 * day + 60,
            )
            .unwrap();
        }
        // A job with an interview pulls its best-covered cards forward.
        let interview = chrono::DateTime::from_timestamp(t0 + 12 * day, 0)
            .unwrap()
            .format("%Y-%m-%d")
            .to_string();
        lib.add_job(
            crate::library::PostingInput::Text(
                "## Requirements\n- Incident response, system design, concurrency (processes, threads), testing, HTTP, DNS, eventual consistency, conflict resolution\n".into(),
            ),
            Some("SRE".into()),
            None,
            Some(interview),
        )
        .unwrap();
        let mut pulled = 0;
        for days in [0, 3, 6, 8, 9, 10, 11, 15, 18, 30, 90] {
            let now = t0 + days * day;
            for until in [now, now + 2 * day, now + 40 * day] {
                for include_new in [false, true] {
                    let fast = lib.due_cards_until(now, until, include_new).unwrap();
                    let plain = lib.due_cards_plain(now, until, include_new).unwrap();
                    pulled += fast.iter().filter(|d| d.pulled_by.is_some()).count();
                    assert_eq!(
                        fast,
                        plain,
                        "day {days}, until +{}, new {include_new}",
                        until - now
                    );
                }
            }
        }
        // Some cards were pulled forward by the interview on the way.
        assert!(pulled > 0);
        // A large deck: the list names the next cards never practised, not all of them.
        let many: String = (0..120)
            .map(|i| format!("## How would you scale service number {i}?\n\nI would shard it by customer and cache reads, as in project {i}.\n\n"))
            .collect();
        let doc = crate::library::Document {
            source: "many.md",
            plain_text: false,
            text: &many,
            warnings: Vec::new(),
        };
        let report = lib.import_document(doc, "Many", None).unwrap();
        assert_eq!(report.cards, 120, "{report:?}");
        let now = t0 + 90 * day;
        let fast = lib.due_cards_until(now, now, true).unwrap();
        assert_eq!(fast, lib.due_cards_plain(now, now, true).unwrap());
        assert_eq!(fast.iter().filter(|d| d.new).count(), NEW_CARDS_LISTED);
    }
}
