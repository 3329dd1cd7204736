//! The numbers behind the statistics charts, from the attempts and the due times.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, TimeZone};

use super::time::{day_string, local_date};
use super::{CardTime, DayCount, Rating, RatingDay, Stats};
use crate::model::CardId;
use crate::store::StoredAttempt;

/// Days of the due forecast.
pub const FORECAST_DAYS: i64 = 30;
/// Days of review history reported.
pub const HISTORY_DAYS: i64 = 366;

/// `questions`: card id to question for the cards the attempts name. `due`: the due time of
/// every practised live card. `new_cards`: live cards never practised.
pub fn stats<Tz: TimeZone>(
    attempts: &[StoredAttempt],
    questions: &HashMap<String, String>,
    due: &[i64],
    new_cards: u32,
    now: i64,
    tz: &Tz,
) -> Stats {
    let today = local_date(tz, now);
    let first_day = today - Duration::days(HISTORY_DAYS - 1);
    let mut per_day: BTreeMap<chrono::NaiveDate, [u32; 4]> = BTreeMap::new();
    struct Times {
        n: u32,
        total: f64,
        last: f64,
        target: u32,
        last_at: i64,
    }
    let mut times: HashMap<&str, Times> = HashMap::new();
    for a in attempts {
        let day = local_date(tz, a.rated_at());
        if day >= first_day && day <= today {
            per_day.entry(day).or_default()[a.rating.as_u8() as usize - 1] += 1;
        }
        let secs = a.duration_ms as f64 / 1000.0;
        let t = times.entry(a.card_id.as_str()).or_insert(Times {
            n: 0,
            total: 0.0,
            last: 0.0,
            target: a.target_secs,
            last_at: i64::MIN,
        });
        t.n += 1;
        t.total += secs;
        if a.started_at_ms >= t.last_at {
            t.last_at = a.started_at_ms;
            t.last = secs;
            t.target = a.target_secs;
        }
    }
    let reviews_per_day = per_day
        .iter()
        .map(|(d, r)| DayCount {
            day: day_string(*d),
            count: r.iter().sum(),
        })
        .collect();
    let ratings_per_day = per_day
        .iter()
        .map(|(d, r)| RatingDay {
            day: day_string(*d),
            again: r[Rating::Again as usize - 1],
            hard: r[Rating::Hard as usize - 1],
            good: r[Rating::Good as usize - 1],
            easy: r[Rating::Easy as usize - 1],
        })
        .collect();
    let mut time_vs_target: Vec<CardTime> = times
        .into_iter()
        .filter_map(|(id, t)| {
            Some(CardTime {
                card_id: CardId(id.to_string()),
                question: questions.get(id)?.clone(),
                attempts: t.n,
                mean_secs: t.total / f64::from(t.n.max(1)),
                last_secs: t.last,
                target_secs: t.target,
            })
        })
        .collect();
    time_vs_target.sort_by(|a, b| {
        b.attempts
            .cmp(&a.attempts)
            .then_with(|| a.question.cmp(&b.question))
    });

    let mut forecast = vec![0u32; FORECAST_DAYS as usize];
    for &d in due {
        let day = local_date(tz, d);
        let offset = (day - today).num_days().max(0);
        if offset < FORECAST_DAYS {
            forecast[offset as usize] += 1;
        }
    }
    let due_forecast = forecast
        .iter()
        .enumerate()
        .map(|(i, &count)| DayCount {
            day: day_string(today + Duration::days(i as i64)),
            count,
        })
        .collect();

    // A streak ends today, or yesterday when nothing has been done yet today.
    let mut streak = 0;
    let mut day = if per_day.contains_key(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    while per_day.contains_key(&day) {
        streak += 1;
        day -= Duration::days(1);
    }

    Stats {
        reviews_per_day,
        ratings_per_day,
        cards_practised: time_vs_target.len() as u32,
        time_vs_target,
        due_forecast,
        total_reviews: attempts.len() as u32,
        cards_new: new_cards,
        streak_days: streak,
        today: day_string(today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    const DAY: i64 = 86_400;
    // 2026-11-29T12:00:00Z
    const NOW: i64 = 1_795_953_600;

    fn attempt(card: &str, at: i64, secs: u64, rating: Rating) -> StoredAttempt {
        StoredAttempt {
            id: at,
            card_id: card.into(),
            session_id: None,
            started_at_ms: at * 1000,
            duration_ms: secs * 1000,
            target_secs: 120,
            rating,
            typed: None,
        }
    }

    #[test]
    fn days_times_forecast_and_streak() {
        let attempts = vec![
            attempt("a", NOW - 2 * DAY, 100, Rating::Good),
            attempt("a", NOW - DAY, 150, Rating::Hard),
            attempt("b", NOW - DAY, 60, Rating::Again),
            attempt("b", NOW - 60, 30, Rating::Easy),
        ];
        let q: HashMap<String, String> =
            [("a".into(), "A?".into()), ("b".into(), "B?".into())].into();
        let due = vec![NOW - DAY, NOW + 3 * DAY, NOW + 40 * DAY];
        let s = stats(&attempts, &q, &due, 5, NOW, &Utc);
        assert_eq!(s.today, "2026-11-29");
        assert_eq!(
            s.reviews_per_day
                .iter()
                .map(|d| d.count)
                .collect::<Vec<_>>(),
            vec![1, 2, 1]
        );
        assert_eq!(s.ratings_per_day[1].again, 1);
        assert_eq!(s.ratings_per_day[1].hard, 1);
        assert_eq!(s.streak_days, 3);
        assert_eq!(s.total_reviews, 4);
        assert_eq!(s.cards_practised, 2);
        assert_eq!(s.cards_new, 5);
        let a = s
            .time_vs_target
            .iter()
            .find(|t| t.question == "A?")
            .unwrap();
        assert_eq!(a.mean_secs, 125.0);
        assert_eq!(a.last_secs, 150.0);
        assert_eq!(s.due_forecast.len(), 30);
        assert_eq!(s.due_forecast[0].count, 1, "overdue counts today");
        assert_eq!(s.due_forecast[3].count, 1);
        assert_eq!(s.due_forecast.iter().map(|d| d.count).sum::<u32>(), 2);
    }

    #[test]
    fn no_attempts_no_streak() {
        let s = stats(&[], &HashMap::new(), &[], 3, NOW, &Utc);
        assert_eq!(s.streak_days, 0);
        assert!(s.reviews_per_day.is_empty());
        assert_eq!(s.cards_new, 3);
    }
}
