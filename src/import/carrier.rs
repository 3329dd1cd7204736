//! Choosing the question carrier by evidence.
//!
//! A carrier is one kind of block that could hold a document's questions: headings of one
//! level, list items at one depth, styled lines (bold, italic, code), plain question lines,
//! labelled lines, toggle summaries, table rows. Each is scored on how many of its members
//! read as questions or prompts (`questions::score`) and whether what follows each member
//! reads as an answer; the best is taken, then the parts of the document no card of it covers
//! are read again the same way (a document may ask in two shapes). Blocks of other kinds
//! inside an answer stay in the answer.

use std::collections::HashMap;

use super::questions;
use super::text::{is_answer_part, is_placeholder, trim_decoration};
use super::units::{Style, UKind, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Carrier {
    /// Headings of this level (deeper headings that ask stay questions too: follow-ups).
    Headings(u8),
    /// List items at this depth (0 = top level).
    List(u8),
    /// Lines set off in this style.
    Styled(StyleKey),
    /// Plain lines that ask.
    Lines,
    /// `Q:` / `Question:` lines.
    Labels,
    /// `<details>` summaries.
    Toggles,
    /// Rows of a question/answer table.
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StyleKey {
    Bold,
    Italic,
    Code,
}

impl Carrier {
    /// The name `--questions` takes.
    pub fn name(self) -> String {
        match self {
            Carrier::Headings(l) => format!("headings:{l}"),
            Carrier::List(d) => format!("list:{d}"),
            Carrier::Styled(StyleKey::Bold) => "bold".into(),
            Carrier::Styled(StyleKey::Italic) => "italic".into(),
            Carrier::Styled(StyleKey::Code) => "code".into(),
            Carrier::Lines => "lines".into(),
            Carrier::Labels => "labels".into(),
            Carrier::Toggles => "toggles".into(),
            Carrier::Table => "table".into(),
        }
    }

    /// In words, for the report.
    pub fn describe(self, numbered: bool) -> String {
        match self {
            Carrier::Headings(l) => format!("level-{l} headings as questions"),
            Carrier::List(0) if numbered => "numbered lines as questions".into(),
            Carrier::List(0) => "list items as questions".into(),
            Carrier::List(d) => format!("list items at depth {} as questions", d + 1),
            Carrier::Styled(StyleKey::Bold) => "bold lines as questions".into(),
            Carrier::Styled(StyleKey::Italic) => "italic lines as questions".into(),
            Carrier::Styled(StyleKey::Code) => "code-styled lines as questions".into(),
            Carrier::Lines if numbered => "numbered lines as questions".into(),
            Carrier::Lines => "question lines".into(),
            Carrier::Labels => "Question: / Answer: labels".into(),
            Carrier::Toggles => "<details> toggles".into(),
            Carrier::Table => "question/answer table rows".into(),
        }
    }

    /// Reads a `--questions` value: `headings:3`, `list:1`, `numbered`, `bold`, ...
    pub fn parse(s: &str) -> Option<Carrier> {
        let s = s.trim().to_ascii_lowercase();
        let (name, arg) = match s.split_once(':') {
            Some((n, a)) => (n.to_string(), Some(a.trim().parse::<u8>().ok()?)),
            None => (s.clone(), None),
        };
        Some(match (name.as_str(), arg) {
            ("headings" | "heading", Some(l)) if (1..=6).contains(&l) => Carrier::Headings(l),
            ("list" | "items", Some(d)) if d <= 8 => Carrier::List(d),
            ("list" | "items" | "numbered", None) => Carrier::List(0),
            ("bold", None) => Carrier::Styled(StyleKey::Bold),
            ("italic", None) => Carrier::Styled(StyleKey::Italic),
            ("code", None) => Carrier::Styled(StyleKey::Code),
            ("lines", None) => Carrier::Lines,
            ("labels" | "labelled", None) => Carrier::Labels,
            ("toggles" | "details", None) => Carrier::Toggles,
            ("table" | "tables", None) => Carrier::Table,
            _ => return None,
        })
    }

    /// Every name `parse` takes, for error messages.
    pub const NAMES: &'static str =
        "headings:N, list:N, numbered, bold, italic, code, lines, labels, toggles, table";
}

/// What the selection saw of one unit.
pub struct View<'a> {
    pub units: &'a [Unit],
    /// Question score per unit (0 for non-candidates).
    pub q: Vec<f32>,
    /// The title heading, never a question.
    pub title: Option<usize>,
    /// Per list id, the share of its items that read as questions.
    list_share: HashMap<usize, f32>,
    /// Per depth, whether questions are asked in numbered (true) or bulleted lists, when
    /// one clearly dominates: the other kind then holds answers.
    list_kind: HashMap<u8, bool>,
    /// Per kind of line or toggle, the share of its candidates that read as questions: when
    /// most do, the rest are prompts in the same dress ("Greatest weakness").
    kind_share: HashMap<Carrier, f32>,
    /// Per unit: this summary's toggle holds other summaries (a section, not a question).
    holds_toggles: Vec<bool>,
    /// Per unit: the next unit that is not noise is a deeper heading.
    before_deeper_heading: Vec<bool>,
    pub text: &'a str,
    /// Noise ranges (start, end), by start.
    noise: Vec<(usize, usize)>,
    /// Per carrier, the units that end its answers, in order.
    boundaries: std::cell::RefCell<HashMap<Carrier, Vec<usize>>>,
    /// A carrier the user chose: every block of its kind is a question.
    pub forced: Option<Carrier>,
}

impl<'a> View<'a> {
    pub fn new(text: &'a str, units: &'a [Unit], title: Option<usize>) -> Self {
        let q: Vec<f32> = units
            .iter()
            .map(|u| {
                if u.is_candidate() && !u.text.is_empty() {
                    questions::score(&u.text)
                } else {
                    0.0
                }
            })
            .collect();
        let mut lists: HashMap<usize, (usize, usize)> = HashMap::new();
        for (u, q) in units.iter().zip(&q) {
            if let UKind::Item { list, .. } = u.kind {
                let e = lists.entry(list).or_default();
                e.1 += 1;
                if *q >= 0.5 {
                    e.0 += 1;
                }
            }
        }
        let mut kinds_at: HashMap<u8, (usize, usize)> = HashMap::new();
        for (u, q) in units.iter().zip(&q) {
            if let UKind::Item { ordered, .. } = u.kind {
                if *q >= 0.5 {
                    let e = kinds_at.entry(u.depth).or_default();
                    if ordered {
                        e.0 += 1;
                    } else {
                        e.1 += 1;
                    }
                }
            }
        }
        let list_kind = kinds_at
            .into_iter()
            .filter_map(|(d, (o, b))| {
                if o >= 3 && o >= 4 * b {
                    Some((d, true))
                } else if b >= 3 && b >= 4 * o {
                    Some((d, false))
                } else {
                    None
                }
            })
            .collect();
        let list_share = lists
            .into_iter()
            .map(|(k, (a, n))| (k, a as f32 / n.max(1) as f32))
            .collect();
        let mut kinds: HashMap<Carrier, (usize, usize)> = HashMap::new();
        for (u, q) in units.iter().zip(&q) {
            let c = match &u.kind {
                UKind::Line { style, .. } => match style_key(*style) {
                    Some(k) => Carrier::Styled(k),
                    None if u.ordinal.is_some() => Carrier::Lines,
                    None => continue,
                },
                UKind::Summary => Carrier::Toggles,
                UKind::Heading(l) if !is_answer_part(&u.text) => Carrier::Headings(*l),
                UKind::Item { .. } if !u.text.is_empty() => Carrier::List(u.depth),
                _ => continue,
            };
            let e = kinds.entry(c).or_default();
            e.1 += 1;
            // A numbered heading or line is one of a series of questions as much as one that
            // asks.
            let numbered = u.ordinal.is_some() && !matches!(u.kind, UKind::Item { .. });
            if *q >= 0.5 || numbered {
                e.0 += 1;
            }
        }
        let kind_share = kinds
            .into_iter()
            .map(|(k, (a, n))| (k, a as f32 / n.max(1) as f32))
            .collect();
        let mut holds_toggles = vec![false; units.len()];
        for (i, u) in units.iter().enumerate() {
            if u.kind == UKind::Summary {
                let mut depth = 0i32;
                for v in &units[i + 1..] {
                    match v.kind {
                        UKind::Summary if depth == 0 => {
                            holds_toggles[i] = true;
                            break;
                        }
                        UKind::Summary | UKind::AnswerToggle => depth += 1,
                        UKind::DetailsClose => {
                            if depth == 0 {
                                break;
                            }
                            depth -= 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut before_deeper_heading = vec![false; units.len()];
        for (i, u) in units.iter().enumerate() {
            if let UKind::Heading(l) = u.kind {
                let next = units[i + 1..].iter().find(|v| v.kind != UKind::Noise);
                before_deeper_heading[i] =
                    matches!(next.map(|v| &v.kind), Some(UKind::Heading(m)) if *m > l);
            }
        }
        View {
            units,
            q,
            title,
            list_share,
            list_kind,
            kind_share,
            holds_toggles,
            before_deeper_heading,
            text,
            boundaries: Default::default(),
            forced: None,
            noise: {
                let mut n: Vec<(usize, usize)> = units
                    .iter()
                    .filter(|u| u.kind == UKind::Noise)
                    .map(|u| (u.start, u.end))
                    .collect();
                n.sort_unstable();
                n
            },
        }
    }

    /// The source between two offsets without the noise in it.
    pub fn without_noise(&self, from: usize, to: usize) -> String {
        let mut out = String::new();
        let mut at = from;
        let first = self.noise.partition_point(|r| r.1 <= from);
        for &(a, b) in &self.noise[first..] {
            if a >= to {
                break;
            }
            if a > at {
                out.push_str(self.text.get(at..a.min(to)).unwrap_or(""));
            }
            at = at.max(b);
        }
        if at < to {
            out.push_str(self.text.get(at..to).unwrap_or(""));
        }
        out
    }

    /// Most of this carrier's candidates read as questions.
    fn regular(&self, c: Carrier) -> bool {
        self.kind_share.get(&c).copied().unwrap_or(0.0) >= 0.5
    }

    /// Whether unit `i` is a question of carrier `c`.
    pub fn is_member(&self, c: Carrier, i: usize) -> bool {
        let u = &self.units[i];
        if Some(i) == self.title || u.quoted {
            return false;
        }
        let q = self.q[i];
        let text = trim_decoration(&u.text);
        if text.is_empty() || is_answer_part(text) || is_ask_marker(text) {
            return false;
        }
        if self.forced == Some(c) {
            return match (c, &u.kind) {
                (Carrier::Headings(l), UKind::Heading(m)) => *m == l,
                (Carrier::List(d), UKind::Item { .. }) => u.depth == d,
                (Carrier::Styled(k), UKind::Line { style, .. }) => style_key(*style) == Some(k),
                (Carrier::Lines, UKind::Line { style, .. }) => *style == Style::Plain,
                (Carrier::Labels, UKind::QLabel) => true,
                (Carrier::Toggles, UKind::Summary) => true,
                (Carrier::Table, UKind::Row { .. }) => true,
                _ => false,
            };
        }
        match (c, &u.kind) {
            (Carrier::Headings(l), UKind::Heading(m)) => {
                if *m == l {
                    // At a level where most headings ask, the others are prompts too; where
                    // few do, only those that read as questions.
                    if self.kind_share.get(&c).copied().unwrap_or(0.0) >= 0.5 {
                        !(q < 0.3 && self.before_deeper_heading[i])
                    } else {
                        q >= 0.35
                    }
                } else {
                    *m > l && q >= 0.8
                }
            }
            (Carrier::List(d), UKind::Item { list, ordered }) => {
                u.depth == d
                    && self.list_kind.get(&d).is_none_or(|k| k == ordered)
                    && (q >= 0.5
                        || self.list_share.get(list).copied().unwrap_or(0.0) >= 0.5 && q >= 0.1
                        || u.ordinal.is_some() && self.regular(c) && q >= 0.1)
            }
            (Carrier::Styled(k), UKind::Line { style, .. }) => {
                style_key(*style) == Some(k)
                    && (q >= 0.35 || u.ordinal.is_some() || self.regular(c) && q >= 0.1)
            }
            (Carrier::Lines, UKind::Line { style, alone }) => {
                *style == Style::Plain
                    && (q >= 0.6
                        || u.ordinal.is_some() && (q >= 0.3 || self.regular(c) && q >= 0.1)
                        || *alone && q >= 0.45 && questions::words(text).len() <= 12)
            }
            (Carrier::Labels, UKind::QLabel) => true,
            (Carrier::Toggles, UKind::Summary) => {
                !self.holds_toggles[i] && (q >= 0.35 || self.regular(c) && q >= 0.1)
            }
            (Carrier::Table, UKind::Row { .. }) => true,
            _ => false,
        }
    }

    /// Whether unit `i` ends the answers of carrier `c` (a section heading, a shallower item).
    pub fn is_boundary(&self, c: Carrier, i: usize) -> bool {
        let u = &self.units[i];
        if Some(i) == self.title {
            return true;
        }
        let text = trim_decoration(&u.text);
        match &u.kind {
            UKind::Heading(m) => {
                if is_answer_part(text) {
                    return false;
                }
                match c {
                    Carrier::Headings(l) => *m <= l && !self.is_member(c, i),
                    _ => true,
                }
            }
            UKind::Item { .. } => matches!(c, Carrier::List(d) if u.depth < d),
            UKind::Summary => self.holds_toggles[i] && !self.is_member(c, i),
            UKind::Line { alone: true, .. } => is_ask_marker(text),
            _ => false,
        }
    }
}

fn style_key(s: Style) -> Option<StyleKey> {
    match s {
        Style::Bold => Some(StyleKey::Bold),
        Style::Italic => Some(StyleKey::Italic),
        Style::Code => Some(StyleKey::Code),
        Style::Plain => None,
    }
}

/// "Questions to ask the interviewer" and its kin: a section of questions the candidate asks.
pub fn is_ask_marker(text: &str) -> bool {
    let t = trim_decoration(text).to_lowercase();
    let t = t.trim_end_matches([':', '?', '.', '!']);
    if t.split_whitespace().count() > 12 {
        return false;
    }

    t.contains("questions to ask")
        || t.contains("questions i ask")
        || t.contains("questions i'd ask")
        || t.contains("questions i would ask")
        || t.contains("questions for the interviewer")
        || t.contains("questions for them")
        || t.contains("questions for your interviewer")
        || t.contains("questions for the company")
        || t.contains("questions for the hiring")
        || t.contains("ask the interviewer")
        || t.contains("ask your interviewer")
        || t.contains("ask them")
        || t.contains("reverse interview")
        || t.contains("questions to the interviewer")
        || t.contains("my questions")
        || t == "questions for you"
        || t == "do you have any questions for us"
        || t == "do you have any questions for me"
}

/// The cards one carrier (or a set of them) makes: members and where each answer ends.
#[derive(Debug, Clone)]
pub struct Pick {
    pub carrier: Carrier,
    pub members: Vec<usize>,
    pub score: f32,
}

/// Whether a piece of the source holds answer words (not just tags and punctuation).
fn answer_words(text: &str) -> usize {
    // Long answers are answers however their markup reads; only short ones are rendered to
    // tell words from tags (this runs for every question of every carrier weighed).
    let rough = text
        .split_whitespace()
        .filter(|w| !w.starts_with('<') && w.chars().any(|c| c.is_alphanumeric()))
        .take(12)
        .count();
    if rough >= 12 {
        return rough;
    }
    let plain = crate::render::plain_text(text);
    plain
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

/// The carriers present among `pool` (unit indexes).
fn carriers_in(view: &View<'_>, pool: &[usize]) -> Vec<Carrier> {
    let mut out: Vec<Carrier> = Vec::new();
    for &i in pool {
        let u = &view.units[i];
        if Some(i) == view.title {
            continue;
        }
        let c = match &u.kind {
            UKind::Heading(l) => Carrier::Headings(*l),
            UKind::Item { .. } => Carrier::List(u.depth),
            UKind::Line { style, .. } => match style_key(*style) {
                Some(k) => Carrier::Styled(k),
                None => Carrier::Lines,
            },
            UKind::QLabel => Carrier::Labels,
            UKind::Summary => Carrier::Toggles,
            UKind::Row { .. } => Carrier::Table,
            _ => continue,
        };
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out.sort();
    out
}

/// Where the answer of member `m` ends, given the other question starts `stops` (sorted
/// source offsets) and the carrier's boundaries.
pub fn answer_end(view: &View<'_>, c: Carrier, m: usize, stops: &[usize]) -> usize {
    let u = &view.units[m];
    let from = u.head_end.max(u.start + 1);
    let next_stop = stops
        .get(stops.partition_point(|&s| s < from))
        .copied()
        .unwrap_or(view.text.len());
    // The first boundary after the question that is not inside the question's own toggle.
    let mut cache = view.boundaries.borrow_mut();
    let list = cache.entry(c).or_insert_with(|| {
        (0..view.units.len())
            .filter(|&i| view.is_boundary(c, i))
            .collect()
    });
    let first = list.partition_point(|&i| view.units[i].start < from);
    let next_boundary = list[first..]
        .iter()
        .map(|&i| &view.units[i])
        .find(|v| v.details <= u.details)
        .map_or(view.text.len(), |v| v.start);
    let mut end = next_stop.min(next_boundary);
    if let UKind::Row { answer } = &u.kind {
        end = answer.end;
    }
    end.max(u.head_end)
}

/// Scores carrier `c` over the pool; `stops` are question starts already taken.
fn score(view: &View<'_>, c: Carrier, pool: &[usize], stops: &[usize]) -> Pick {
    let members: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&i| view.is_member(c, i))
        .collect();
    score_members(view, c, members, stops)
}

fn score_members(view: &View<'_>, c: Carrier, members: Vec<usize>, stops: &[usize]) -> Pick {
    let mut all_stops: Vec<usize> = stops.to_vec();
    all_stops.extend(members.iter().map(|&i| view.units[i].start));
    all_stops.sort_unstable();
    let mut total = 0.0f32;
    let mut kept = Vec::with_capacity(members.len());
    for &m in &members {
        let u = &view.units[m];
        // A numbered series is evidence of questions whatever each one says.
        let numbered = u.ordinal.is_some()
            && matches!(
                c,
                Carrier::Headings(_) | Carrier::Styled(_) | Carrier::Lines
            );
        let q = if numbered {
            view.q[m].max(0.5)
        } else {
            view.q[m]
        };
        let end = answer_end(view, c, m, &all_stops);
        let body = match &u.kind {
            UKind::Row { answer } => view.text.get(answer.clone()).unwrap_or("").to_string(),
            // Only the start of a long answer is needed to weigh it.
            _ => view.without_noise(u.head_end, end.min(u.head_end + 4096)),
        };
        let n = answer_words(&body);
        // A label that neither asks nor has anything under it ("JavaScript" over a table of
        // contents) is no question.
        if n == 0 && matches!(c, Carrier::Headings(_)) {
            // Only noise under it (a table of contents): a label for that noise.
            let raw = view.text.get(u.head_end..end).unwrap_or("");
            if q < 0.5 || answer_words(raw) > 0 {
                continue;
            }
        }
        kept.push(m);
        let a = if n >= 3 {
            1.0
        } else if n > 0 && is_placeholder(&crate::render::plain_text(&body)) {
            0.6
        } else if n > 0 {
            0.7
        } else {
            0.2
        };
        total += q * (0.4 + 0.6 * a);
        if q < 0.3 {
            total -= 0.1;
        }
    }
    Pick {
        carrier: c,
        members: kept,
        score: total,
    }
}

/// All carriers over the whole document, best first (for the report's alternatives).
pub fn rank(view: &View<'_>) -> Vec<Pick> {
    let pool: Vec<usize> = (0..view.units.len()).collect();
    let mut picks: Vec<Pick> = carriers_in(view, &pool)
        .into_iter()
        .map(|c| score(view, c, &pool, &[]))
        .filter(|p| !p.members.is_empty())
        .collect();
    picks.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.carrier.cmp(&b.carrier)));
    picks
}

/// The carriers chosen: the best one, then the best in what it leaves uncovered, and so on.
/// `forced` takes one carrier for the whole document.
pub fn choose(view: &View<'_>, forced: Option<Carrier>) -> (Vec<Pick>, Vec<Pick>) {
    let all: Vec<usize> = (0..view.units.len()).collect();
    if let Some(c) = forced {
        let p = score(view, c, &all, &[]);
        let chosen = if p.members.is_empty() {
            vec![]
        } else {
            vec![p]
        };
        return (chosen, rank(view));
    }
    let mut chosen: Vec<Pick> = Vec::new();
    let mut ranked: Vec<Pick> = Vec::new();
    let mut pool = all;
    for round in 0..4 {
        let stops: Vec<usize> = {
            let mut s: Vec<usize> = chosen
                .iter()
                .flat_map(|p| p.members.iter().map(|&i| view.units[i].start))
                .collect();
            s.sort_unstable();
            s
        };
        let scored: Vec<Pick> = carriers_in(view, &pool)
            .into_iter()
            .filter(|c| !chosen.iter().any(|p| p.carrier == *c))
            .map(|c| score(view, c, &pool, &stops))
            .filter(|p| !p.members.is_empty())
            .collect();
        if round == 0 {
            // The first round weighs every carrier over the whole document: the ranking of
            // alternatives the report shows.
            ranked = scored.clone();
            ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.carrier.cmp(&b.carrier)));
        }
        let mut order = scored;
        order.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.carrier.cmp(&b.carrier)));
        // The best carrier that still has evidence of its own once sections are set aside.
        let mut taken: Option<Pick> = None;
        for mut best in order {
            if !chosen.is_empty() {
                // A later carrier's member whose own answer would hold questions already
                // taken is a section around them, not a question.
                let own: Vec<usize> = best.members.iter().map(|&i| view.units[i].start).collect();
                best.members.retain(|&m| {
                    if view.q[m] >= 0.8 {
                        return true;
                    }
                    let end = answer_end(view, best.carrier, m, &own);
                    let from = view.units[m].head_end;
                    !stops.iter().any(|&s| s >= from && s < end)
                });
                // Plain lines that ask are the weakest evidence: one alone in the prose of a
                // document that asks otherwise is prose.
                let marked = best.members.iter().any(|&m| {
                    view.units[m]
                        .text
                        .trim_start()
                        .starts_with(['\u{2753}', '\u{2754}'])
                });
                let line_level = chosen.iter().any(|p| {
                    matches!(
                        p.carrier,
                        Carrier::List(0) | Carrier::Lines | Carrier::Styled(_) | Carrier::Labels
                    )
                });
                let needed = if best.carrier == Carrier::Lines && !marked && !line_level {
                    2
                } else {
                    1
                };
                if best.members.len() < needed {
                    continue;
                }
                best = score_members(view, best.carrier, best.members, &stops);
            }
            // A first carrier needs one real question; later ones, evidence of their own.
            let floor = if chosen.is_empty() { 0.3 } else { 0.75 };
            if best.score >= floor {
                taken = Some(best);
                break;
            }
            if chosen.is_empty() {
                break;
            }
        }
        let Some(best) = taken else { break };
        let mut stops2 = stops.clone();
        stops2.extend(best.members.iter().map(|&i| view.units[i].start));
        stops2.sort_unstable();
        let mut covered: Vec<(usize, usize)> = best
            .members
            .iter()
            .map(|&m| {
                (
                    view.units[m].start,
                    answer_end(view, best.carrier, m, &stops2),
                )
            })
            .collect();
        covered.sort_unstable();
        let inside = |s: usize| {
            let k = covered.partition_point(|&(a, _)| a <= s);
            // Intervals do not overlap much; look back over the few that start before `s`.
            covered[..k]
                .iter()
                .rev()
                .take(4)
                .any(|&(a, b)| s >= a && s < b.max(a + 1))
        };
        // Labels and toggles with a real summary start a question wherever they stand.
        // So do lines that are only a question, in documents that ask line by line.
        let line_level = chosen
            .iter()
            .map(|p| p.carrier)
            .chain([best.carrier])
            .any(|c| {
                matches!(
                    c,
                    Carrier::List(0) | Carrier::Lines | Carrier::Styled(_) | Carrier::Labels
                )
            });
        pool.retain(|&i| {
            let u = &view.units[i];
            let s = u.start;
            u.kind == UKind::QLabel
                || u.kind == UKind::Summary && view.q[i] >= 0.5
                || line_level
                    && matches!(
                        u.kind,
                        UKind::Line {
                            style: Style::Plain,
                            alone: true
                        } | UKind::Line {
                            style: Style::Bold | Style::Italic | Style::Code,
                            ..
                        }
                    )
                    && u.depth == 0
                    && view.q[i] >= 0.85
                    && (trim_decoration(&u.text).ends_with('?')
                        || questions::words(&u.text).len() <= 20)
                || !inside(s)
        });
        chosen.push(best);
    }
    // A document that asks anything is never refused: with no carrier past its floor, the
    // best one is taken if any of its blocks asks; failing that, every block that asks
    // outright ("…?") is a question.
    if chosen.is_empty() {
        if let Some(best) = ranked
            .iter()
            .find(|p| p.members.iter().any(|&m| view.q[m] >= 0.5))
        {
            chosen.push(best.clone());
        } else {
            let asking: Vec<usize> = (0..view.units.len())
                .filter(|&i| {
                    let u = &view.units[i];
                    u.is_candidate()
                        && Some(i) != view.title
                        && view.q[i] >= 0.8
                        && trim_decoration(&u.text).ends_with('?')
                })
                .collect();
            if !asking.is_empty() {
                chosen.push(Pick {
                    carrier: Carrier::Lines,
                    score: asking.len() as f32,
                    members: asking,
                });
            }
        }
    }
    (chosen, ranked)
}

#[cfg(test)]
mod debug {
    #[test]
    #[ignore]
    fn picks() {
        let path = std::env::var("DUMP").unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let units = super::super::units::collect(&text);
        let view = super::View::new(&text, &units, None);
        for p in super::rank(&view) {
            println!(
                "{:?} score {:.2} members {}",
                p.carrier,
                p.score,
                p.members.len()
            );
        }
        for p in super::choose(&view, None).0 {
            println!(
                "chosen {:?} score {:.2} members {:?}",
                p.carrier, p.score, p.members
            );
        }
        for (i, u) in units.iter().enumerate() {
            if view.q[i] > 0.0 {
                println!(
                    "q {:.2} {:?}",
                    view.q[i],
                    u.text.chars().take(60).collect::<String>()
                );
            }
        }
    }
}
