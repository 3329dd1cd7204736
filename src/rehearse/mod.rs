//! Rehearsal: sessions of timed practice, the FSRS schedule that brings weak answers back,
//! typed attempts held against the prepared answer, and the statistics behind the charts.
//!
//! Everything here is a pure function of stored records and a `now` passed in: nothing reads
//! the clock or sleeps, so tests run against fixed times.

pub mod compare;
pub mod fsrs;
pub mod schedule;
pub mod stats;
pub mod time;
pub mod types;

pub use types::*;
