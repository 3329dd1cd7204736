//! Dates and date ranges as résumés write them: "Jan 2020 – Present", "2019-2021",
//! "03/2018 - 06/2020", "2022/10-2024/07", "Sept ’17 – May ’19", "12.2014 - present",
//! "since 2019".

/// A date range found in a line: dates as `YYYY-MM` or `YYYY`, the end possibly `present`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    pub start: String,
    pub end: Option<String>,
    /// Byte span of the range in the line.
    pub span: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Num(&'a str),
    Punct(char),
}

fn tokens(s: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // "LtdSep 2018": a month glued to the word before it.
            let word = &s[i..end];
            let glued = word.len() > 4 && word.is_char_boundary(word.len() - 3) && {
                let (head, tail) = word.split_at(word.len() - 3);
                head.chars().last().is_some_and(char::is_lowercase)
                    && tail.chars().next().is_some_and(char::is_uppercase)
                    && month_of(tail).is_some()
            };
            if glued {
                let cut = end - 3;
                out.push((Tok::Word(&s[i..cut]), i, cut));
                out.push((Tok::Word(&s[cut..end]), cut, end));
            } else {
                out.push((Tok::Word(word), i, end));
            }
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            out.push((Tok::Num(&s[i..end]), i, end));
        } else if !c.is_whitespace() {
            out.push((Tok::Punct(c), i, i + c.len_utf8()));
        }
    }
    out
}

const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

pub(crate) fn month_of(w: &str) -> Option<u32> {
    let l = w.to_lowercase();
    if l.len() < 3 || l.len() > 9 {
        return None;
    }
    let (p, m) = MONTHS.iter().find(|(p, _)| l.starts_with(p))?;
    // The whole word must be the month or its short form ("Sept" too).
    const FULL: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL[(*m - 1) as usize];
    (l == *p || l == "sept" || full.starts_with(&l)).then_some(*m)
}

fn year_of(n: &str) -> Option<u32> {
    let y: u32 = n.parse().ok()?;
    (n.len() == 4 && (1950..=2039).contains(&y)).then_some(y)
}

pub(super) fn is_season(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "spring" | "summer" | "fall" | "autumn" | "winter"
    )
}

fn is_present(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "present" | "current" | "now" | "today" | "ongoing" | "date" | "heute" | "currently"
    )
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    Date(u32, Option<u32>),
    Present,
}

fn fmt(a: Atom) -> String {
    match a {
        Atom::Date(y, Some(m)) => format!("{y}-{m:02}"),
        Atom::Date(y, None) => y.to_string(),
        Atom::Present => "present".into(),
    }
}

/// A date starting at token `i`: the date and the index after it.
fn atom(t: &[(Tok<'_>, usize, usize)], i: usize) -> Option<(Atom, usize)> {
    let get = |k: usize| t.get(k).map(|x| &x.0);
    match get(i)? {
        Tok::Word(w) => {
            if is_present(w) {
                return Some((Atom::Present, i + 1));
            }
            let m = month_of(w)?;
            let mut k = i + 1;
            // "Sep. 2019", "May, 2019"; "Oct-2017" when a year follows the hyphen.
            if matches!(get(k), Some(Tok::Punct('.' | ',')))
                || (matches!(get(k), Some(Tok::Punct('-')))
                    && matches!(get(k + 1), Some(Tok::Num(n)) if year_of(n).is_some()))
            {
                k += 1;
            }
            // "May 12, 2020": skip a day.
            if let (Some(Tok::Num(d)), Some(Tok::Punct(','))) = (get(k), get(k + 1)) {
                if d.len() <= 2 {
                    k += 2;
                }
            }
            match get(k)? {
                Tok::Num(n) => {
                    if let Some(y) = year_of(n) {
                        return Some((Atom::Date(y, Some(m)), k + 1));
                    }
                    None
                }
                Tok::Punct('\'' | '’' | '‘') => match get(k + 1)? {
                    Tok::Num(n) if n.len() == 2 => {
                        let yy: u32 = n.parse().ok()?;
                        let y = if yy < 50 { 2000 + yy } else { 1900 + yy };
                        Some((Atom::Date(y, Some(m)), k + 2))
                    }
                    _ => None,
                },
                _ => None,
            }
        }
        Tok::Num(n) => {
            // A number glued to letters ("DLS2000", "C6000") is a name, not a date.
            let glued = |k: usize| {
                t.get(k).is_some_and(|x| {
                    matches!(x.0, Tok::Word(_)) && (x.1 == t[i].2 || x.2 == t[i].1)
                })
            };
            if glued(i + 1) || (i > 0 && glued(i - 1)) {
                return None;
            }
            if let Some(y) = year_of(n) {
                // 2019-03, 2022/10, 2019.03
                if let (Some(Tok::Punct('-' | '/' | '.')), Some(Tok::Num(mm))) =
                    (get(i + 1), get(i + 2))
                {
                    if mm.len() == 2 {
                        let m: u32 = mm.parse().ok()?;
                        if (1..=12).contains(&m)
                            && !matches!(get(i + 3), Some(Tok::Punct('-' | '/' | '.')) if matches!(get(i + 4), Some(Tok::Num(d)) if d.len() <= 2))
                        {
                            return Some((Atom::Date(y, Some(m)), i + 3));
                        }
                    }
                }
                return Some((Atom::Date(y, None), i + 1));
            }
            // 03/2018, 3.2019, 12-2014; 01/03/2018 (day first or month first: the month is
            // taken as the middle number when both are there).
            if n.len() <= 2 {
                if let (Some(Tok::Punct(p @ ('/' | '.' | '-'))), Some(Tok::Num(b))) =
                    (get(i + 1), get(i + 2))
                {
                    let a: u32 = n.parse().ok()?;
                    if let Some(y) = year_of(b) {
                        return (1..=12)
                            .contains(&a)
                            .then_some((Atom::Date(y, Some(a)), i + 3));
                    }
                    if let (Some(Tok::Punct(q)), Some(Tok::Num(c))) = (get(i + 3), get(i + 4)) {
                        if q == p {
                            if let Some(y) = year_of(c) {
                                let m: u32 = b.parse().ok()?;
                                let m = if (1..=12).contains(&m) { m } else { a };
                                return (1..=12)
                                    .contains(&m)
                                    .then_some((Atom::Date(y, Some(m)), i + 5));
                            }
                        }
                    }
                }
            }
            None
        }
        Tok::Punct(_) => None,
    }
}

fn is_separator(t: &Tok<'_>) -> bool {
    match t {
        // "->" and "=>" are arrows too, read as two separators.
        Tok::Punct(c) => matches!(c, '-' | '–' | '—' | '~' | '→' | '−' | '―' | '>' | '»' | '='),
        Tok::Word(w) => matches!(
            w.to_lowercase().as_str(),
            "to" | "till" | "until" | "bis" | "thru" | "through"
        ),
        Tok::Num(_) => false,
    }
}

/// A range of two-digit years, only where nothing else can be meant: in brackets ("[16-17]",
/// "(08-11)") or each year after an apostrophe ("'16 – '17").
fn short_years(t: &[(Tok<'_>, usize, usize)]) -> Option<Range> {
    let year = |n: &str| -> Option<u32> {
        let yy: u32 = n.parse().ok()?;
        (n.len() == 2).then_some(if yy < 50 { 2000 + yy } else { 1900 + yy })
    };
    let apostrophe = |k: usize| matches!(t.get(k), Some((Tok::Punct('\'' | '’' | '‘'), _, _)));
    for i in 0..t.len() {
        let (open, close) = match t[i].0 {
            Tok::Punct('[') => (i + 1, ']'),
            Tok::Punct('(') => (i + 1, ')'),
            _ if apostrophe(i) => (i + 1, '\0'),
            _ => continue,
        };
        let Some((Tok::Num(a), _, _)) = t.get(open) else {
            continue;
        };
        if !t.get(open + 1).is_some_and(|x| is_separator(&x.0)) {
            continue;
        }
        let second = if close == '\0' {
            if !apostrophe(open + 2) {
                continue;
            }
            open + 3
        } else {
            open + 2
        };
        let (Some(y1), Some((Tok::Num(b), _, end))) = (year(a), t.get(second)) else {
            continue;
        };
        let Some(y2) = year(b) else { continue };
        if close != '\0' && !matches!(t.get(second + 1), Some((Tok::Punct(c), _, _)) if *c == close)
        {
            continue;
        }
        if y2 < y1 || y2 - y1 > 40 {
            continue;
        }
        let from = if close == '\0' { t[i].1 } else { t[open].1 };
        return Some(Range {
            start: y1.to_string(),
            end: Some(y2.to_string()),
            span: (from, *end),
        });
    }
    None
}

/// The first date range in `s`, or a lone date (start and end the same; after "since",
/// the end is `present`).
pub fn find(s: &str) -> Option<Range> {
    let t = tokens(s);
    if let Some(r) = short_years(&t) {
        return Some(r);
    }
    let mut lone: Option<Range> = None;
    let mut i = 0;
    while i < t.len() {
        // "June – August 2017": a month whose year is the end's.
        if let (Tok::Word(w), true) = (&t[i].0, atom(&t, i).is_none()) {
            if let Some(m) = month_of(w) {
                let mut k = i + 1;
                let mut seps = 0;
                while k < t.len() && is_separator(&t[k].0) && seps < 2 {
                    k += 1;
                    seps += 1;
                }
                if seps > 0 {
                    if let Some((Atom::Date(y, Some(m2)), end)) = atom(&t, k) {
                        let y1 = if m > m2 { y - 1 } else { y };
                        return Some(Range {
                            start: fmt(Atom::Date(y1, Some(m))),
                            end: Some(fmt(Atom::Date(y, Some(m2)))),
                            span: (t[i].1, t[end - 1].2),
                        });
                    }
                }
            }
        }
        let Some((a, after)) = atom(&t, i) else {
            i += 1;
            continue;
        };
        if a == Atom::Present {
            i = after;
            continue;
        }
        // Separators, then a second date.
        let mut k = after;
        let mut seps = 0;
        while k < t.len() && is_separator(&t[k].0) && seps < 2 {
            k += 1;
            seps += 1;
        }
        // "Fall 2019 – Spring 2020", "Summer 2017 & Summer 2018": a season names no month;
        // the years make the range.
        if seps > 0 && matches!(t.get(k), Some((Tok::Word(w), _, _)) if is_season(w)) {
            k += 1;
        } else if seps == 0
            && matches!(t.get(k), Some((Tok::Punct('&'), _, _)))
            && matches!(t.get(k + 1), Some((Tok::Word(w), _, _)) if is_season(w))
        {
            k += 2;
            seps = 1;
        }
        // "July 2023 Present", "Feb 2017 Oct 2018": a month and year right after another,
        // where the dash between them was lost (text taken from some PDFs).
        if seps == 0 && matches!(a, Atom::Date(_, Some(_))) {
            if let Some((b, end)) = atom(&t, k) {
                let ok = match b {
                    Atom::Present => true,
                    Atom::Date(y2, Some(_)) => matches!(a, Atom::Date(y1, _) if y2 >= y1),
                    Atom::Date(_, None) => false,
                };
                if ok {
                    return Some(Range {
                        start: fmt(a),
                        end: Some(fmt(b)),
                        span: (t[i].1, t[end - 1].2),
                    });
                }
            }
        }
        if seps > 0 {
            // "till date", "to date", "up to now"
            if let Some((b, end)) = atom(&t, k) {
                let ok = match (a, b) {
                    (_, Atom::Present) => true,
                    (Atom::Date(y1, _), Atom::Date(y2, _)) => y2 >= y1,
                    _ => false,
                };
                if ok {
                    return Some(Range {
                        start: fmt(a),
                        end: Some(fmt(b)),
                        span: (t[i].1, t[end - 1].2),
                    });
                }
            }
            // 2018-19: a short end year.
            if let (Atom::Date(y1, None), Some((Tok::Num(n), _, e))) = (a, t.get(k)) {
                if n.len() == 2 {
                    let y2 = y1 / 100 * 100 + n.parse::<u32>().unwrap_or(0);
                    if y2 > y1 {
                        return Some(Range {
                            start: fmt(a),
                            end: Some(y2.to_string()),
                            span: (t[i].1, *e),
                        });
                    }
                }
            }
        }
        if lone.is_none() {
            // "2024-   CROWDSTRIKE": a dash set right after the date and then a space leaves
            // the range open, as "since 2024" does.
            // "Mar 2021 –" ending the line, too.
            let open_dash = matches!(t.get(after), Some((Tok::Punct('-' | '–' | '—'), s, e))
                if t.get(after + 1).is_none()
                    || *s == t[after - 1].2 && t.get(after + 1).is_some_and(|n| n.1 > *e));
            let since = open_dash
                || i > 0
                    && matches!(t[i - 1].0, Tok::Word(w) if matches!(w.to_lowercase().as_str(), "since" | "from"));
            lone = Some(Range {
                start: fmt(a),
                end: Some(if since { "present".into() } else { fmt(a) }),
                span: (t[i].1, t[after - 1].2),
            });
        }
        i = after;
    }
    lone
}

/// Months from a `YYYY-MM`/`YYYY` start to an end (`present` is `today`, as `YYYY-MM`).
pub fn months_between(start: &str, end: &str, today: &str) -> Option<u32> {
    let ym = |s: &str, is_end: bool| -> Option<(i32, i32)> {
        let s = if s == "present" { today } else { s };
        let mut it = s.split('-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: i32 = match it.next() {
            Some(m) => m.parse().ok()?,
            None if is_end => 12,
            None => 1,
        };
        Some((y, m))
    };
    let (y1, m1) = ym(start, false)?;
    let (y2, m2) = ym(end, true)?;
    let months = (y2 - y1) * 12 + (m2 - m1) + 1;
    (months > 0).then_some(months as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn se(s: &str) -> (String, Option<String>) {
        let r = find(s).unwrap_or_else(|| panic!("no range in {s:?}"));
        (r.start, r.end)
    }

    #[test]
    fn the_ways_people_write_ranges() {
        let cases = [
            ("Jan 2020 – Present", "2020-01", "present"),
            ("2019-2021", "2019", "2021"),
            ("03/2018 - 06/2020", "2018-03", "2020-06"),
            ("2022/10-2024/07", "2022-10", "2024-07"),
            ("Sept ’17 – May ’19", "2017-09", "2019-05"),
            ("12.2014 - present", "2014-12", "present"),
            ("September 2015 to December 2018", "2015-09", "2018-12"),
            (
                "Acme Corp, Berlin\tMay, 2016 — Current",
                "2016-05",
                "present",
            ),
            ("2018-19", "2018", "2019"),
            ("12/2017 till date", "2017-12", "present"),
            ("since 2019", "2019", "present"),
            ("2019-03 – 2020-11", "2019-03", "2020-11"),
            ("June – August 2017", "2017-06", "2017-08"),
            ("Lead Developer July 2023 Present", "2023-07", "present"),
            ("Feb 2017 Oct 2018", "2017-02", "2018-10"),
            ("Dec - Feb 2020", "2019-12", "2020-02"),
            ("[16-17] Consultant, ZGlue Inc.", "2016", "2017"),
            ("(98-01) Design Engineer", "1998", "2001"),
            ("Engineer '08 – '11", "2008", "2011"),
            ("Summer 2019", "2019", "2019"),
            ("Fall 2019 – Spring 2020", "2019", "2020"),
            ("Summer 2017 & Summer 2018", "2017", "2018"),
            ("June 2013 -> June 2014", "2013-06", "2014-06"),
            ("2007 => 2011", "2007", "2011"),
            ("2024-        CROWDSTRIKE Senior SE", "2024", "present"),
            ("Mar 2021 –", "2021-03", "present"),
            ("2019 - Google", "2019", "2019"),
        ];
        for (s, a, b) in cases {
            assert_eq!(se(s), (a.to_string(), Some(b.to_string())), "{s}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(find("Cut latency by 40% for 1200 users").is_none());
        assert!(find("May I help").is_none());
        let r = find("Built 3 services, shipped in 2019").unwrap();
        assert_eq!(r.start, "2019");
    }

    #[test]
    fn months_are_counted_inclusively() {
        assert_eq!(months_between("2020-01", "2020-12", "2026-11"), Some(12));
        assert_eq!(months_between("2022", "2024", "2026-11"), Some(36));
        assert_eq!(months_between("2025-06", "present", "2026-05"), Some(12));
    }
}
