//! When a card is due: its FSRS schedule, pulled earlier when a job the person has an
//! interview for ranks the card high and memory alone would bring it back too late.

use std::collections::HashMap;

use super::fsrs::Schedule;

/// A job's interview, as the scheduler sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Interview {
    pub job_id: String,
    /// The first second of the interview day.
    pub starts: i64,
    /// Cards the job ranks high (its "rehearse these first").
    pub cards: Vec<String>,
}

/// Days before an interview in which a high-ranked card should have been practised.
pub const INTERVIEW_WINDOW_DAYS: i64 = 3;

const DAY: i64 = 86_400;

/// A card's due time and, when an interview moved it, the job that did.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    /// None for a card never practised.
    pub at: Option<i64>,
    pub pulled_by: Option<String>,
}

/// For each card some upcoming interview ranks high: the job and its interview start
/// (the earliest when several jobs rank the card).
pub fn interview_deadlines(interviews: &[Interview], now: i64) -> HashMap<String, (String, i64)> {
    let mut out: HashMap<String, (String, i64)> = HashMap::new();
    for iv in interviews.iter().filter(|iv| iv.starts > now) {
        for card in &iv.cards {
            let earlier = out.get(card).is_none_or(|(_, t)| iv.starts < *t);
            if earlier {
                out.insert(card.clone(), (iv.job_id.clone(), iv.starts));
            }
        }
    }
    out
}

/// The due time of a card. A card an upcoming interview ranks high must be practised in the
/// [`INTERVIEW_WINDOW_DAYS`] before it: if memory alone would bring it back after the
/// interview and it was last practised before that window, it is due when the window opens
/// (at once, when the window is already open).
pub fn effective_due(schedule: Option<&Schedule>, deadline: Option<&(String, i64)>) -> Due {
    let Some(s) = schedule else {
        return Due {
            at: None,
            pulled_by: None,
        };
    };
    if let Some((job, starts)) = deadline {
        let window_opens = starts - INTERVIEW_WINDOW_DAYS * DAY;
        if s.due >= *starts && s.last_review < window_opens {
            return Due {
                at: Some(window_opens.max(s.last_review)),
                pulled_by: Some(job.clone()),
            };
        }
    }
    Due {
        at: Some(s.due),
        pulled_by: None,
    }
}

/// `new`, `due` (at or before `until`) or `scheduled`.
pub fn state_name(due: &Due, until: i64) -> &'static str {
    match due.at {
        None => "new",
        Some(t) if t <= until => "due",
        Some(_) => "scheduled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rehearse::fsrs::{Fsrs, Review};
    use crate::rehearse::Rating;

    const T0: i64 = 1_800_000_000;

    fn good_three_times() -> Schedule {
        let f = Fsrs::new(0.9);
        let mut s = f.review(
            None,
            Review {
                at: T0,
                rating: Rating::Good,
            },
        );
        for _ in 0..2 {
            s = f.review(
                Some(&s),
                Review {
                    at: s.due,
                    rating: Rating::Good,
                },
            );
        }
        s
    }

    #[test]
    fn an_interview_pulls_a_late_card_before_it() {
        let s = good_three_times();
        assert!(s.due > s.last_review + 10 * DAY, "due {}", s.due);
        // The interview is five days after the last review: before memory would ask.
        let starts = s.last_review + 5 * DAY;
        let iv = vec![Interview {
            job_id: "j1".into(),
            starts,
            cards: vec!["c1".into()],
        }];
        let deadlines = interview_deadlines(&iv, s.last_review);
        let due = effective_due(Some(&s), deadlines.get("c1"));
        assert_eq!(due.pulled_by.as_deref(), Some("j1"));
        let at = due.at.unwrap();
        assert!(at < starts, "due {at} is not before the interview {starts}");
        assert_eq!(at, starts - INTERVIEW_WINDOW_DAYS * DAY);
        // A card the job does not rank is left alone.
        let other = effective_due(Some(&s), deadlines.get("c2"));
        assert_eq!(other.at, Some(s.due));
        assert_eq!(other.pulled_by, None);
    }

    #[test]
    fn a_card_practised_in_the_window_or_due_before_stays() {
        let s = good_three_times();
        // Practised two days before the interview: it counts.
        let starts = s.last_review + 2 * DAY;
        let d = effective_due(Some(&s), Some(&("j".into(), starts)));
        assert_eq!(d.at, Some(s.due));
        // Due before a far interview anyway.
        let starts = s.due + 30 * DAY;
        let d = effective_due(Some(&s), Some(&("j".into(), starts)));
        assert_eq!(d.at, Some(s.due));
    }

    #[test]
    fn past_interviews_pull_nothing_and_the_earliest_wins() {
        let ivs = vec![
            Interview {
                job_id: "late".into(),
                starts: T0 + 20 * DAY,
                cards: vec!["c".into()],
            },
            Interview {
                job_id: "soon".into(),
                starts: T0 + 5 * DAY,
                cards: vec!["c".into()],
            },
            Interview {
                job_id: "past".into(),
                starts: T0 - DAY,
                cards: vec!["p".into()],
            },
        ];
        let d = interview_deadlines(&ivs, T0);
        assert_eq!(d.get("c").map(|x| x.0.as_str()), Some("soon"));
        assert!(!d.contains_key("p"));
    }

    #[test]
    fn states() {
        let new = effective_due(None, None);
        assert_eq!(state_name(&new, T0), "new");
        let due = Due {
            at: Some(T0 - 1),
            pulled_by: None,
        };
        assert_eq!(state_name(&due, T0), "due");
        let later = Due {
            at: Some(T0 + 1),
            pulled_by: None,
        };
        assert_eq!(state_name(&later, T0), "scheduled");
    }
}
