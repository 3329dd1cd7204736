//! The data of rehearsals: plans, sessions, attempts, schedules and statistics. Plain data;
//! the field names are the JSON names the CLI prints and the window reads.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::CardId;

/// How well the person knew the answer, as they rated it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn from_u8(n: u8) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    pub fn as_u8(self) -> u8 {
        self as u8
    }

    /// The rating as the number FSRS computes with (1 to 4).
    pub fn grade(self) -> f64 {
        f64::from(self.as_u8())
    }

    /// `again`, `hard`, `good`, `easy` or `1` to `4`, any case.
    pub fn parse(s: &str) -> Option<Rating> {
        match s.trim().to_ascii_lowercase().as_str() {
            "again" | "1" => Some(Rating::Again),
            "hard" | "2" => Some(Rating::Hard),
            "good" | "3" => Some(Rating::Good),
            "easy" | "4" => Some(Rating::Easy),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
}

/// Where a rehearsal's cards come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum RehearsalSource {
    /// Every live card of a deck (name or id), due and weak ones first.
    Deck { deck: String },
    /// The cards a search finds, best match first.
    Query { query: String },
    /// The cards a job ranks highest.
    Job { job: String },
    /// What is due now: scheduled cards past their due time, then cards never practised.
    Due,
}

/// What to rehearse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RehearsalPlan {
    pub source: RehearsalSource,
    /// At most this many cards (default 10 for a job, 20 otherwise).
    pub limit: Option<usize>,
    /// Target length of an answer in seconds for this session; the deck's or 120 if unset.
    pub target_secs: Option<u32>,
}

/// A card in a session, in the order it will be asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionCard {
    pub card_id: CardId,
    pub deck: String,
    pub question: String,
    pub target_secs: u32,
    /// `new` (never practised), `due` (its time has come) or `scheduled` (not due yet).
    pub state: String,
}

/// A rehearsal that has been started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Session {
    pub id: String,
    /// RFC 3339.
    pub started_at: String,
    /// The plan's source in words ("deck Backend", "due now", ...).
    pub source: String,
    pub target_secs: u32,
    pub cards: Vec<SessionCard>,
}

/// One rating to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AttemptInput {
    pub card_id: CardId,
    pub session_id: Option<String>,
    /// When the question was shown (RFC 3339); defaults to now minus the duration.
    pub started_at: Option<String>,
    pub duration_ms: u64,
    /// Target length in seconds; the card's deck target when absent.
    pub target_secs: Option<u32>,
    pub rating: Rating,
    /// What the person typed, if they typed.
    pub typed: Option<String>,
}

/// A recorded attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Attempt {
    pub id: i64,
    pub card_id: CardId,
    pub session_id: Option<String>,
    /// RFC 3339.
    pub started_at: String,
    pub duration_ms: u64,
    pub target_secs: u32,
    pub rating: Rating,
    pub typed: Option<String>,
}

/// Where a card stands in the schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardSchedule {
    pub card_id: CardId,
    /// `new`, `due` or `scheduled`.
    pub state: String,
    /// When it should next be practised (RFC 3339); None for a new card.
    pub due: Option<String>,
    /// Days until recall falls to the desired retention's reference point (FSRS stability).
    pub stability: Option<f64>,
    /// 1 (easy) to 10 (hard).
    pub difficulty: Option<f64>,
    pub reps: u32,
    pub lapses: u32,
    pub last_review: Option<String>,
    /// The job whose interview date pulled the due date earlier, if one did.
    pub pulled_by: Option<String>,
}

/// What recording an attempt did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AttemptResult {
    pub attempt: Attempt,
    pub schedule: CardSchedule,
}

/// How a talking point of the prepared answer fared in a typed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PointStatus {
    Covered,
    Partial,
    Missed,
}

/// A sentence or bullet of the prepared answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TalkingPoint {
    pub text: String,
    pub status: PointStatus,
}

/// A typed attempt held against the prepared answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TypedFeedback {
    pub points: Vec<TalkingPoint>,
    /// Share of talking points covered (partly covered ones count half), 0 to 1.
    pub coverage: f64,
    /// Names of the job's keywords the typed text mentions (when a job is given).
    pub keywords: Vec<String>,
    /// A rating suggested from coverage and time; the person may choose another.
    pub suggested: Rating,
}

/// One row of a session summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SummaryRow {
    pub card_id: CardId,
    pub question: String,
    pub duration_ms: u64,
    pub target_secs: u32,
    pub rating: Rating,
    /// RFC 3339.
    pub next_due: Option<String>,
}

/// A count on a day (local date, YYYY-MM-DD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayCount {
    pub day: String,
    pub count: u32,
}

/// The end of a rehearsal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionSummary {
    pub session_id: String,
    pub rows: Vec<SummaryRow>,
    pub total_ms: u64,
    /// Attempts that ran past their target.
    pub over_target: u32,
    pub again: u32,
    pub hard: u32,
    pub good: u32,
    pub easy: u32,
    /// When the session's cards come back, per day.
    pub coming_back: Vec<DayCount>,
}

/// Ratings given on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RatingDay {
    pub day: String,
    pub again: u32,
    pub hard: u32,
    pub good: u32,
    pub easy: u32,
}

/// A card's answer times against its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardTime {
    pub card_id: CardId,
    pub question: String,
    pub attempts: u32,
    pub mean_secs: f64,
    pub last_secs: f64,
    pub target_secs: u32,
}

/// The numbers behind the statistics charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Stats {
    /// Reviews per local day over the last year (days without reviews left out).
    pub reviews_per_day: Vec<DayCount>,
    pub ratings_per_day: Vec<RatingDay>,
    /// Cards practised, most attempts first.
    pub time_vs_target: Vec<CardTime>,
    /// Cards due on each of the next 30 days; the first day includes overdue ones.
    pub due_forecast: Vec<DayCount>,
    pub total_reviews: u32,
    pub cards_practised: u32,
    pub cards_new: u32,
    /// Consecutive days with at least one review, ending today or yesterday.
    pub streak_days: u32,
    /// Today's local date, YYYY-MM-DD.
    pub today: String,
}

/// A card due for practice, as `cuecard due` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DueCard {
    pub card_id: CardId,
    pub question: String,
    pub deck: String,
    /// RFC 3339; None for a card never practised.
    pub due: Option<String>,
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    pub new: bool,
    pub pulled_by: Option<String>,
}
