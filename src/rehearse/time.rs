//! Time as the rehearsal code sees it: unix seconds in, RFC 3339 and local dates out.
//! Nothing here reads the clock except [`now`], which front ends call once and pass down.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

use crate::error::{Error, Result};

/// The current time in unix seconds (front ends only; the core takes `now` as an argument).
pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// Unix seconds as RFC 3339 in UTC (`2026-11-29T09:30:00Z`).
pub fn rfc3339(secs: i64) -> String {
    DateTime::<Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Unix milliseconds as RFC 3339 in UTC with milliseconds.
pub fn rfc3339_ms(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parses RFC 3339 (any offset) to unix milliseconds.
pub fn parse_rfc3339_ms(s: &str) -> Result<i64> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|d| d.timestamp_millis())
        .map_err(|e| {
            Error::InvalidInput(format!(
                "'{s}' is not a date and time in RFC 3339 form (like 2026-11-29T09:30:00Z): {e}"
            ))
        })
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The local date of a moment in `tz`.
pub fn local_date<Tz: TimeZone>(tz: &Tz, secs: i64) -> NaiveDate {
    tz.timestamp_opt(secs, 0)
        .earliest()
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

/// The first second of a local date in `tz`.
pub fn start_of_day<Tz: TimeZone>(tz: &Tz, date: NaiveDate) -> i64 {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|d| d.timestamp())
        // A midnight that a clock change skips: an hour later exists.
        .unwrap_or_else(|| {
            tz.from_local_datetime(&(midnight + Duration::hours(1)))
                .earliest()
                .map(|d| d.timestamp())
                .unwrap_or(0)
        })
}

/// The first second of the local day after the one containing `secs`.
pub fn end_of_day<Tz: TimeZone>(tz: &Tz, secs: i64) -> i64 {
    let d = local_date(tz, secs);
    start_of_day(tz, d.succ_opt().unwrap_or(d))
}

/// `YYYY-MM-DD`.
pub fn day_string(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn formats_and_parses() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        let ms = parse_rfc3339_ms("2026-11-29T10:00:00+01:00").unwrap();
        assert_eq!(rfc3339_ms(ms), "2026-11-29T09:00:00.000Z");
        assert!(parse_rfc3339_ms("yesterday").is_err());
    }

    #[test]
    fn local_days_follow_the_offset() {
        let tz = FixedOffset::east_opt(-5 * 3600).unwrap();
        // 02:00 UTC on the 29th is still the 28th five hours west.
        let t = parse_rfc3339_ms("2026-11-29T02:00:00Z").unwrap() / 1000;
        assert_eq!(day_string(local_date(&tz, t)), "2026-11-28");
        assert_eq!(
            rfc3339(end_of_day(&tz, t)),
            "2026-11-29T05:00:00Z",
            "the 28th ends at local midnight"
        );
    }
}
