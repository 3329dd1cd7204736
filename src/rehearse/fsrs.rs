//! FSRS-5 memory model: the spaced-repetition scheduler used by modern Anki.
//!
//! Each card carries a [`MemoryState`]: *stability* `S` (days until recall
//! probability falls to 90%) and *difficulty* `D` (1 = easy .. 10 = hard).
//! Every [`Review`] updates that state with the FSRS-5 formulas and the
//! default FSRS-5 weights ([`DEFAULT_PARAMS`]). Pure std, no I/O, no clock:
//! callers pass unix-second timestamps.
//!
//! Elapsed time between reviews is counted in whole days (floored), as the
//! reference implementation does; under one day the same-day (short-term)
//! stability formula applies.
//!
//! Due policy of [`Fsrs::review`]:
//! * `Again` -> due 10 minutes after the review, so the card returns that day.
//! * `Hard`/`Good`/`Easy` -> due `round(interval_days(S))` days after the
//!   review, at least 1 day and at most `maximum_interval_days`; for the same
//!   review moment the intervals are ordered `Hard <= Good <= Easy`.
//!
//! `reps` counts all reviews; `lapses` counts `Again` ratings given to a card
//! that had been reviewed before.

/// FSRS-5 default weights w0..w18.
pub const DEFAULT_PARAMS: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];

const DECAY: f64 = -0.5;
/// Chosen so that R(S, S) = 0.9: 0.9^(1/DECAY) - 1 = 19/81.
const FACTOR: f64 = 19.0 / 81.0;
const DAY: i64 = 86_400;
const AGAIN_DELAY_SECS: i64 = 600;
const S_MIN: f64 = 0.01;
const S_MAX: f64 = 36_500.0;

pub use super::Rating;

/// Stability (days) and difficulty (1..=10) of one card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemoryState {
    pub stability: f64,
    pub difficulty: f64,
}

/// One graded review at a unix-second timestamp.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Review {
    pub at: i64,
    pub rating: Rating,
}

/// Scheduling state of a card after at least one review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    pub state: MemoryState,
    pub last_review: i64,
    pub due: i64,
    pub reps: u32,
    pub lapses: u32,
}

/// FSRS-5 model with its weights and scheduling targets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fsrs {
    pub params: [f64; 19],
    pub desired_retention: f64,
    pub maximum_interval_days: f64,
}

impl Fsrs {
    /// Default weights, retention clamped into 0.70..=0.97 (NaN -> 0.9),
    /// maximum interval 36500 days.
    pub fn new(desired_retention: f64) -> Fsrs {
        let r = desired_retention;
        Fsrs {
            params: DEFAULT_PARAMS,
            desired_retention: if r.is_nan() { 0.9 } else { r.clamp(0.70, 0.97) },
            maximum_interval_days: 36_500.0,
        }
    }

    /// Probability of recall after `elapsed_days` for a memory of `stability`.
    pub fn retrievability(&self, elapsed_days: f64, stability: f64) -> f64 {
        match (elapsed_days <= 0.0, stability <= 0.0) {
            (true, _) => 1.0,
            (false, true) => 0.0,
            _ => (1.0 + FACTOR * elapsed_days / stability).powf(DECAY),
        }
    }

    pub fn initial_state(&self, rating: Rating) -> MemoryState {
        MemoryState {
            stability: self.params[rating.as_u8() as usize - 1].clamp(0.1, S_MAX),
            difficulty: self.initial_difficulty(rating),
        }
    }

    fn initial_difficulty(&self, rating: Rating) -> f64 {
        let w = &self.params;
        (w[4] - (w[5] * (rating.grade() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
    }

    fn next_difficulty(&self, d: f64, rating: Rating) -> f64 {
        let w = &self.params;
        let delta = -w[6] * (rating.grade() - 3.0);
        let damped = d + delta * (10.0 - d) / 9.0;
        let target = self.initial_difficulty(Rating::Easy);
        (w[7] * target + (1.0 - w[7]) * damped).clamp(1.0, 10.0)
    }

    fn recall_stability(&self, s: f64, d: f64, r: f64, rating: Rating) -> f64 {
        let w = &self.params;
        let modifier = match rating {
            Rating::Hard => w[15],
            Rating::Easy => w[16],
            _ => 1.0,
        };
        let growth = w[8].exp() * (11.0 - d) * s.powf(-w[9]) * (((1.0 - r) * w[10]).exp() - 1.0);
        s * (1.0 + growth * modifier)
    }

    fn forget_stability(&self, s: f64, d: f64, r: f64) -> f64 {
        let w = &self.params;
        let long_term =
            w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        // Never above the previous stability shrunk by the same-day factor.
        long_term.min(s / (w[17] * w[18]).exp())
    }

    /// Memory state after a review rated `rating`, `elapsed_days` after the
    /// previous one (`prev == None` means this is the first review).
    pub fn next_state(
        &self,
        prev: Option<MemoryState>,
        elapsed_days: f64,
        rating: Rating,
    ) -> MemoryState {
        let Some(prev) = prev else {
            return self.initial_state(rating);
        };
        let (s, d) = (prev.stability.max(S_MIN), prev.difficulty.clamp(1.0, 10.0));
        let stability = if elapsed_days.is_nan() || elapsed_days < 1.0 {
            let w = &self.params;
            s * (w[17] * (rating.grade() - 3.0 + w[18])).exp()
        } else {
            let r = self.retrievability(elapsed_days, s);
            match rating {
                Rating::Again => self.forget_stability(s, d, r),
                _ => self.recall_stability(s, d, r, rating),
            }
        };
        MemoryState {
            stability: stability.clamp(S_MIN, S_MAX),
            difficulty: self.next_difficulty(d, rating),
        }
    }

    /// Days until retrievability falls to `desired_retention` (unrounded).
    pub fn interval_days(&self, stability: f64) -> f64 {
        stability / FACTOR * (self.desired_retention.powf(1.0 / DECAY) - 1.0)
    }

    fn rounded_interval(&self, stability: f64) -> i64 {
        let max = self.maximum_interval_days.max(1.0);
        (self.interval_days(stability).round().clamp(1.0, max) as i64).max(1)
    }

    /// Fold one review into a schedule (`None` = never reviewed). See the
    /// module docs for the due policy.
    pub fn review(&self, prev: Option<&Schedule>, review: Review) -> Schedule {
        let elapsed = prev.map_or(0.0, |p| {
            (review.at.saturating_sub(p.last_review).max(0) / DAY) as f64
        });
        let prev_state = prev.map(|p| p.state);
        let (reps, lapses) = prev.map_or((0, 0), |p| (p.reps, p.lapses));
        let state = self.next_state(prev_state, elapsed, review.rating);
        let due = if review.rating == Rating::Again {
            review.at.saturating_add(AGAIN_DELAY_SECS)
        } else {
            // Keep Hard <= Good <= Easy even for unusual custom weights.
            let days_for =
                |r| self.rounded_interval(self.next_state(prev_state, elapsed, r).stability);
            let good = days_for(Rating::Good);
            let days = match review.rating {
                Rating::Hard => days_for(Rating::Hard).min(good),
                Rating::Easy => days_for(Rating::Easy).max(good),
                _ => good,
            };
            review.at.saturating_add(days.saturating_mul(DAY))
        };
        let lapsed = prev.is_some() && review.rating == Rating::Again;
        Schedule {
            state,
            last_review: review.at,
            due,
            reps: reps.saturating_add(1),
            lapses: lapses.saturating_add(u32::from(lapsed)),
        }
    }

    /// Replay reviews in the order given (callers sort by time).
    pub fn replay(&self, reviews: &[Review]) -> Option<Schedule> {
        reviews
            .iter()
            .fold(None, |acc, &r| Some(self.review(acc.as_ref(), r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values from py-fsrs 5.1.3 (Scheduler(enable_fuzzing=False)):
    // (seconds after first review, rating, stability, difficulty) per step.
    const GOOD_X3: &[(i64, u8, f64, f64)] = &[
        (0, 3, 3.173000, 5.282434),
        (259200, 3, 10.738926, 5.272968),
        (864000, 3, 26.501812, 5.263545),
    ];
    const AGAIN_THEN_GOOD: &[(i64, u8, f64, f64)] = &[
        (0, 1, 0.402550, 7.194900),
        (600, 3, 0.566698, 7.176636),
        (172800, 3, 2.480519, 7.158456),
        (5184000, 1, 1.762018, 8.058294),
    ];
    const HARD_EASY: &[(i64, u8, f64, f64)] = &[
        (0, 2, 1.183850, 6.488305),
        (172800, 2, 2.148213, 7.040502),
        (518400, 4, 22.191339, 6.544929),
    ];
    const SAME_DAY: &[(i64, u8, f64, f64)] = &[
        (0, 4, 15.691050, 3.224502),
        (7200, 2, 13.177993, 4.318882),
        (18000, 3, 18.551599, 4.313848),
        (18600, 1, 9.294880, 6.145694),
    ];
    const LAPSE: &[(i64, u8, f64, f64)] = &[
        (0, 3, 3.173000, 5.282434),
        (432000, 3, 15.032028, 5.272968),
        (2592000, 1, 2.904164, 6.790568),
        (2592600, 3, 4.088398, 6.774164),
        (2764800, 3, 6.037051, 6.757835),
    ];
    const T0: i64 = 1_704_067_200; // 2024-01-01T00:00:00Z

    fn review(at: i64, rating: Rating) -> Review {
        Review { at, rating }
    }

    #[test]
    fn matches_py_fsrs_reference() {
        let f = Fsrs::new(0.9);
        for seq in [GOOD_X3, AGAIN_THEN_GOOD, HARD_EASY, SAME_DAY, LAPSE] {
            let mut sched: Option<Schedule> = None;
            for &(off, g, s, d) in seq {
                let r = review(T0 + off, Rating::from_u8(g).unwrap());
                let next = f.review(sched.as_ref(), r);
                let (ds, dd) = (next.state.stability - s, next.state.difficulty - d);
                assert!(ds.abs() < 1e-3 && dd.abs() < 1e-3, "{off}: {next:?}");
                sched = Some(next);
            }
        }
    }

    #[test]
    fn good_each_time_at_due_grows_interval() {
        let f = Fsrs::new(0.9);
        let mut s = f.review(None, review(T0, Rating::Good));
        let mut last_ivl = s.due - s.last_review;
        for _ in 0..2 {
            let next = f.review(Some(&s), review(s.due, Rating::Good));
            let ivl = next.due - next.last_review;
            assert!(next.due > s.due && ivl > last_ivl, "{s:?} -> {next:?}");
            (s, last_ivl) = (next, ivl);
        }
        assert_eq!((s.reps, s.lapses), (3, 0));
    }

    #[test]
    fn again_returns_same_day() {
        let f = Fsrs::new(0.9);
        let two_goods = [review(T0, Rating::Good), review(T0 + 3 * DAY, Rating::Good)];
        let s = f.replay(&two_goods).unwrap();
        let at = s.due;
        let lapsed = f.review(Some(&s), review(at, Rating::Again));
        assert_eq!(lapsed.due, at + 600);
        assert!(lapsed.state.stability < s.state.stability);
        assert_eq!((lapsed.reps, lapsed.lapses), (3, 1));
        let first = f.review(None, review(T0, Rating::Again));
        assert_eq!((first.due, first.lapses), (T0 + 600, 0));
    }

    #[test]
    fn hard_good_easy_ordered() {
        let f = Fsrs::new(0.9);
        let base = f.replay(&[review(T0, Rating::Good), review(T0 + 3 * DAY, Rating::Good)]);
        for prev in [None, base] {
            for at in [T0 + 3 * DAY + 3600, T0 + 20 * DAY, T0 + 400 * DAY] {
                let due = |r| f.review(prev.as_ref(), review(at, r)).due;
                let (h, g, e) = (due(Rating::Hard), due(Rating::Good), due(Rating::Easy));
                assert!(h <= g && g <= e, "{h} {g} {e}");
                assert!(h >= at + DAY && e <= at + 36_500 * DAY);
            }
        }
    }

    #[test]
    fn retrievability_at_stability_is_target() {
        let f = Fsrs::new(0.9);
        for s in [0.5, 3.0, 42.0, 1000.0] {
            assert!((f.retrievability(s, s) - 0.9).abs() < 1e-12);
            assert!((f.interval_days(s) - s).abs() < 1e-9);
        }
        assert_eq!(f.retrievability(0.0, 3.0), 1.0);
        assert!(Fsrs::new(0.8).interval_days(10.0) > 10.0);
    }

    #[test]
    fn replay_empty_is_none() {
        assert_eq!(Fsrs::new(0.9).replay(&[]), None);
    }

    #[test]
    fn retention_clamped_and_ratings_parse() {
        assert_eq!(Fsrs::new(0.5).desired_retention, 0.70);
        assert_eq!(Fsrs::new(1.5).desired_retention, 0.97);
        assert_eq!(Fsrs::new(f64::NAN).desired_retention, 0.9);
        let parsed = [" GOOD ", "1", "Easy", "5", "meh", ""].map(Rating::parse);
        let (g, a, e) = (Rating::Good, Rating::Again, Rating::Easy);
        assert_eq!(parsed, [Some(g), Some(a), Some(e), None, None, None]);
        for n in 0..=5 {
            let r = Rating::from_u8(n);
            assert_eq!(r.map(Rating::as_u8), (1..=4).contains(&n).then_some(n));
            assert_eq!(r.and_then(|r| Rating::parse(r.name())), r);
        }
    }

    #[test]
    fn random_sequences_stay_in_range() {
        let f = Fsrs::new(0.9);
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 33
        };
        for _ in 0..1000 {
            let mut at = T0;
            let mut sched: Option<Schedule> = None;
            for _ in 0..(1 + next() % 40) {
                let rating = Rating::from_u8(1 + (next() % 4) as u8).unwrap();
                let s = f.review(sched.as_ref(), review(at, rating));
                let st = s.state;
                assert!(st.stability.is_finite() && (S_MIN..=S_MAX).contains(&st.stability));
                assert!(st.difficulty.is_finite() && (1.0..=10.0).contains(&st.difficulty));
                assert!(s.due > at && s.due <= at + 36_500 * DAY);
                // Sometimes early, sometimes on time, sometimes late.
                at = match next() % 3 {
                    0 => at + (next() % 7200) as i64,
                    1 => s.due,
                    _ => s.due + (next() % (400 * DAY as u64)) as i64,
                };
                sched = Some(s);
            }
        }
    }
}
