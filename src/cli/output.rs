//! How command results are printed: tables for people, JSON for scripts.

use std::io::IsTerminal;
use std::path::Path;

use cuecard::{Card, Deck, Error, ImportReport, LibraryInfo, SearchResult, Segment};
use serde_json::json;

/// `println!` that ignores a closed pipe (`cuecard cards | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub struct Out {
    json: bool,
    color: bool,
}

fn print_json(value: &serde_json::Value) {
    say!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into())
    );
}

fn clip(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        let mut t: String = one.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl Out {
    pub fn new(json: bool) -> Self {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Out { json, color }
    }

    pub fn json_enabled(&self) -> bool {
        self.json
    }

    pub fn session_summary(&self, s: &cuecard::rehearse::SessionSummary) {
        print_json(&json!(s));
    }

    pub fn error(&self, e: &Error) {
        self.error_payload(e.code().as_str(), &e.to_string());
    }

    pub fn error_payload(&self, code: &str, message: &str) {
        if self.json {
            print_json(&json!({"error": {"code": code, "message": message}}));
        } else {
            eprintln!("error: {message}");
        }
    }

    fn highlight(&self, segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match (s.highlighted, self.color) {
                (true, true) => format!("\x1b[1;33m{}\x1b[0m", s.text),
                (true, false) => format!("[{}]", s.text),
                (false, _) => s.text.clone(),
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn import(&self, report: &ImportReport) {
        if self.json {
            print_json(&json!(report));
            return;
        }
        for d in &report.decks {
            say!(
                "{}: {} cards (added {}, updated {}, removed {}, unchanged {}) from {}",
                d.name,
                d.cards,
                d.added,
                d.updated,
                d.removed,
                d.unchanged,
                d.source
            );
            if !d.carriers.is_empty() {
                let found: Vec<String> = d
                    .carriers
                    .iter()
                    .map(|c| format!("{}: {} cards", c.description, c.cards))
                    .collect();
                say!("  questions: {}", found.join("; "));
            } else if !d.shapes.is_empty() {
                say!("  recognised: {}", d.shapes.join(", "));
            }
            if !d.alternatives.is_empty() {
                let alt: Vec<String> = d
                    .alternatives
                    .iter()
                    .take(3)
                    .map(|c| {
                        format!(
                            "{} ({} cards, --questions {})",
                            c.description, c.cards, c.name
                        )
                    })
                    .collect();
                say!("  or read as: {}", alt.join("; "));
            }
            if d.to_ask > 0 {
                say!(
                    "  {} question(s) to ask the interviewer, tagged to-ask (not rehearsed)",
                    d.to_ask
                );
            }
            if d.duplicates > 0 {
                say!("  {} repeated question(s) merged", d.duplicates);
            }
            for w in &d.warnings {
                say!("  warning: line {}: {}", w.line, w.message);
            }
        }
        for e in &report.errors {
            eprintln!("error: {}", e.message);
        }
    }

    pub fn preview(&self, previews: &[cuecard::library::ImportPreview]) {
        if self.json {
            print_json(&json!({ "dry_run": true, "previews": previews }));
            return;
        }
        for p in previews {
            say!(
                "{} ({}): would make {} cards in deck \"{}\" (nothing written)",
                p.source,
                p.format,
                p.cards,
                p.deck
            );
            for c in &p.carriers {
                say!("  questions: {}: {} cards", c.description, c.cards);
            }
            if let Some(chosen) = &p.chosen {
                say!("  (chosen: --questions {chosen})");
            }
            for c in &p.alternatives {
                say!(
                    "  or: {} ({} cards, --questions {})",
                    c.description,
                    c.cards,
                    c.name
                );
            }
            if p.unanswered > 0 {
                say!("  {} unanswered", p.unanswered);
            }
            if p.to_ask > 0 {
                say!("  {} to ask the interviewer", p.to_ask);
            }
            for c in &p.first {
                let mark = if c.to_ask {
                    " [to ask]"
                } else if c.unanswered {
                    " [unanswered]"
                } else {
                    ""
                };
                say!("  {:>5}  {}{}", c.line, c.question, mark);
            }
            if p.cards > p.first.len() {
                say!("         … and {} more", p.cards - p.first.len());
            }
            for w in &p.warnings {
                say!("  warning: line {}: {}", w.line, w.message);
            }
        }
    }

    pub fn decks(&self, decks: &[Deck]) {
        if self.json {
            print_json(&json!({ "decks": decks }));
            return;
        }
        if decks.is_empty() {
            say!("No decks yet. Import a document: cuecard import FILE.md");
            return;
        }
        let width = decks
            .iter()
            .map(|d| d.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        say!("{:<8}  {:<width$}  {:>5}  SOURCE", "ID", "DECK", "CARDS");
        for d in decks {
            say!(
                "{:<8}  {:<width$}  {:>5}  {}",
                d.id,
                d.name,
                d.cards,
                d.source.as_deref().unwrap_or("")
            );
        }
    }

    pub fn cards(
        &self,
        cards: &[Card],
        annotations: &[cuecard::annotate::Annotations],
        archived: bool,
    ) {
        if self.json {
            let list: Vec<serde_json::Value> = cards
                .iter()
                .zip(annotations)
                .map(|(c, a)| {
                    let mut v = json!(c);
                    v["notes"] = json!(a.notes);
                    v["highlights"] = json!(a.highlights);
                    v["orphans"] = json!(a.orphans);
                    v
                })
                .collect();
            print_json(&json!({ "cards": list }));
            return;
        }
        if cards.is_empty() {
            say!(
                "{}",
                if archived {
                    "No archived cards."
                } else {
                    "No cards."
                }
            );
            return;
        }
        say!("{:<12}  {:<16}  {:>5}  QUESTION", "ID", "DECK", "LINE");
        for c in cards {
            let mut mark = String::new();
            if c.starred {
                mark.push_str(" ★");
            }
            if c.unanswered {
                mark.push_str(" (unanswered)");
            }
            if c.conflict {
                mark.push_str(" (conflict: run `cuecard resolve`)");
            }
            say!(
                "{:<12}  {:<16}  {:>5}  {}{}",
                c.id,
                clip(&c.deck, 16),
                c.source_line,
                clip(&c.question, 90),
                mark
            );
        }
        say!("{} cards", cards.len());
    }

    pub fn card(&self, c: &Card) {
        if self.json {
            print_json(&json!({ "card": c }));
            return;
        }
        say!("{}\n", c.question);
        if !c.section.is_empty() {
            say!("Section: {}", c.section.join(" › "));
        }
        say!(
            "Deck: {}   Id: {}   Source: {}, lines {}–{}",
            c.deck,
            c.id,
            c.source_file.as_deref().unwrap_or("-"),
            c.source_line,
            c.source_line_end
        );
        if !c.tags.is_empty() {
            say!("Tags: {}", c.tags.join(", "));
        }
        if c.starred {
            say!("Starred");
        }
        say!();
        if c.unanswered {
            say!("(no answer yet)");
        }
        say!("{}", c.answer);
    }

    /// A card with its notes, highlights and any conflict (`cuecard show`).
    pub fn card_full(&self, v: &cuecard::CardView) {
        if self.json {
            print_json(&json!({
                "card": v.card,
                "annotations": v.annotations,
                "resume": v.resume,
                "claims": v.claims,
            }));
            return;
        }
        self.card(&v.card);
        if !v.resume.is_empty() {
            say!("\nDraws on the résumé:");
            for l in &v.resume {
                say!("  {}: {}", l.role, clip(&l.text, 100));
            }
        }
        for c in v.claims.iter().filter(|c| c.status != "supported") {
            say!(
                "\nClaim {}: \"{}\"{}",
                c.status,
                clip(&c.text, 80),
                c.evidence
                    .as_ref()
                    .map(|e| format!(" (résumé: {})", clip(e, 80)))
                    .unwrap_or_default()
            );
        }
        let a = &v.annotations;
        for h in &a.highlights {
            say!(
                "\nHighlighted: \"{}\"{}",
                clip(&h.exact, 80),
                h.comment
                    .as_ref()
                    .map(|c| format!(" — {c}"))
                    .unwrap_or_default()
            );
        }
        for h in &a.orphans {
            say!(
                "\nNo longer in the answer: \"{}\"{}",
                clip(&h.exact, 80),
                h.comment
                    .as_ref()
                    .map(|c| format!(" — {c}"))
                    .unwrap_or_default()
            );
        }
        for n in &a.notes {
            say!("\nNote {} ({}):\n{}", n.id, n.updated_at, n.body);
        }
        if let Some(c) = &a.conflict {
            say!(
                "\nThe document now says (run `cuecard resolve {} --keep app|file`):\n{}\n{}",
                v.card.id,
                c.question,
                c.answer
            );
        }
    }

    pub fn search(&self, query: &str, r: &SearchResult) {
        if self.json {
            print_json(&json!(r));
            return;
        }
        for w in &r.warnings {
            eprintln!("note: {w}");
        }
        if r.hits.is_empty() {
            say!("No cards match \"{query}\".");
            return;
        }
        for (i, h) in r.hits.iter().enumerate() {
            say!(
                "{:>2}. {}  [{}]  {}",
                i + 1,
                self.highlight(&h.question_segments),
                h.deck,
                h.card_id
            );
            say!("    {}", self.highlight(&h.snippet));
        }
        say!(
            "{} of {} matching cards ({:.1} ms)",
            r.hits.len(),
            r.total,
            r.took_ms
        );
    }

    pub fn keywords(
        &self,
        keywords: &[cuecard::jobs::Keyword],
        requirements: &cuecard::jobs::requirements::Requirements,
    ) {
        if self.json {
            print_json(&json!({ "keywords": keywords, "requirements": requirements }));
            return;
        }
        let mut asks: Vec<String> = Vec::new();
        if let Some(s) = &requirements.seniority {
            asks.push(s.clone());
        }
        if let Some(y) = requirements.years {
            asks.push(format!("{y}+ years"));
        }
        if let Some(d) = &requirements.degree {
            let field = requirements
                .degree_field
                .as_deref()
                .map(|f| format!(" in {f}"))
                .unwrap_or_default();
            asks.push(if requirements.degree_or_experience {
                format!("{d} degree{field} or equivalent experience")
            } else {
                format!("{d} degree{field}")
            });
        }
        if !asks.is_empty() {
            say!("Asks for: {}", asks.join(", "));
        }
        if keywords.is_empty() {
            say!("No skills or keywords found in this posting.");
            return;
        }
        say!(
            "{:<28}  {:<24}  {:<16}  {:>6}  {:>5}  {:>5}",
            "KEYWORD",
            "GROUP",
            "SECTION",
            "WEIGHT",
            "COUNT",
            "YEARS"
        );
        for k in keywords {
            say!(
                "{:<28}  {:<24}  {:<16}  {:>6.2}  {:>5}  {:>5}",
                clip(&k.name, 28),
                clip(&k.group, 24),
                k.section.as_str(),
                k.weight,
                k.count,
                k.years.map(|y| format!("{y}+")).unwrap_or_default()
            );
        }
    }

    pub fn job(&self, job: &cuecard::store::Job) {
        if self.json {
            print_json(&json!({ "job": job }));
            return;
        }
        say!(
            "{}  {}{}{}",
            job.id,
            job.title.as_deref().unwrap_or("(untitled)"),
            job.company
                .as_deref()
                .map(|c| format!(" at {c}"))
                .unwrap_or_default(),
            job.interview_date
                .as_deref()
                .map(|d| format!(", interview {d}"))
                .unwrap_or_default()
        );
        if let Some(u) = &job.url {
            say!("{u}");
        }
        self.keywords(&job.keywords, &job.requirements);
    }

    pub fn jobs(&self, jobs: &[cuecard::store::Job]) {
        if self.json {
            print_json(&json!({ "jobs": jobs }));
            return;
        }
        if jobs.is_empty() {
            say!("No jobs yet. Add one: cuecard job add posting.txt (or a URL)");
            return;
        }
        say!(
            "{:<9}  {:<30}  {:<18}  {:<10}  KEYWORDS",
            "ID",
            "TITLE",
            "COMPANY",
            "INTERVIEW"
        );
        for j in jobs {
            say!(
                "{:<9}  {:<30}  {:<18}  {:<10}  {}",
                j.id,
                clip(j.title.as_deref().unwrap_or("-"), 30),
                clip(j.company.as_deref().unwrap_or("-"), 18),
                j.interview_date.as_deref().unwrap_or("-"),
                j.keywords.len()
            );
        }
    }

    pub fn matched(&self, r: &cuecard::matching::MatchReport) {
        if self.json {
            print_json(&json!(r));
            return;
        }
        say!(
            "Match {:.0}/100 (required {:.0}%, preferred {:.0}%)",
            r.score,
            r.required_coverage,
            r.preferred_coverage
        );
        say!("");
        for k in &r.keywords {
            let mark = if !k.strong.is_empty() {
                "✔"
            } else if !k.covered_by.is_empty() {
                "~"
            } else {
                "✘"
            };
            say!(
                "  {mark} {:<28} {:<16} {} card(s)",
                clip(&k.name, 28),
                k.section.as_str(),
                k.covered_by.len()
            );
        }
        if !r.gaps.is_empty() {
            let names: Vec<&str> = r
                .gaps
                .iter()
                .filter_map(|g| {
                    r.keywords
                        .iter()
                        .find(|k| &k.id == g)
                        .map(|k| k.name.as_str())
                })
                .collect();
            say!("\nNot prepared yet: {}", names.join(", "));
        }
        if !r.ranking.is_empty() {
            say!("\nRehearse these first:");
            for (i, c) in r.ranking.iter().take(10).enumerate() {
                say!(
                    "{:>3}. {}  {}  ({:.2})",
                    i + 1,
                    c.card_id,
                    clip(&c.question, 80),
                    c.score
                );
            }
        }
    }

    pub fn exported(&self, path: &Path, decks: usize, cards: usize) {
        if self.json {
            print_json(
                &json!({"exported": {"path": path.display().to_string(), "decks": decks, "cards": cards}}),
            );
        } else {
            say!(
                "Wrote {cards} cards from {decks} deck(s) to {}",
                path.display()
            );
        }
    }

    pub fn reindexed(&self, info: &LibraryInfo) {
        if self.json {
            print_json(&json!({"reindexed": info}));
        } else {
            say!("Rebuilt the index of {} cards in {}", info.cards, info.path);
        }
    }

    pub fn reviewed(&self, r: &cuecard::rehearse::AttemptResult) {
        if self.json {
            print_json(&json!(r));
            return;
        }
        say!(
            "Recorded {} for {} ({}); next due {}",
            r.attempt.rating.name(),
            r.attempt.card_id,
            secs(r.attempt.duration_ms),
            r.schedule.due.as_deref().unwrap_or("-")
        );
    }

    pub fn due(&self, due: &[cuecard::rehearse::DueCard]) {
        if self.json {
            print_json(&json!({ "due": due }));
            return;
        }
        if due.is_empty() {
            say!("Nothing is due.");
            return;
        }
        for d in due {
            let when = match (&d.due, d.new) {
                (_, true) => "new".to_string(),
                (Some(t), _) => t.clone(),
                (None, _) => "-".to_string(),
            };
            let pulled = d
                .pulled_by
                .as_ref()
                .map(|j| format!(" (interview for job {j})"))
                .unwrap_or_default();
            say!(
                "{}  {:<20}  {}{}",
                &d.card_id.as_str()[..8.min(d.card_id.as_str().len())],
                when,
                clip(&d.question, 70),
                pulled
            );
        }
    }

    pub fn history(
        &self,
        card: &Card,
        versions: &[cuecard::annotate::Version],
        s: &cuecard::rehearse::CardSchedule,
        attempts: &[cuecard::rehearse::Attempt],
    ) {
        if self.json {
            print_json(&json!({
                "card_id": card.id,
                "versions": versions,
                "schedule": s,
                "attempts": attempts
            }));
            return;
        }
        say!("{}", card.question);
        if versions.is_empty() {
            say!("  Versions: only the imported text.");
        } else {
            say!("  Versions (newest first; `--restore ID` brings one back):");
            for v in versions {
                say!(
                    "  {:>5}  {}  {:<7}{}  {}",
                    v.id,
                    v.created_at,
                    v.origin,
                    if v.current { " (current)" } else { "" },
                    clip(&v.answer, 60)
                );
            }
        }
        say!(
            "  Practice: {} · due {} · {} reviews, {} lapses{}",
            s.state,
            s.due.as_deref().unwrap_or("-"),
            s.reps,
            s.lapses,
            s.stability
                .map(|st| format!(" · stability {st:.1} days"))
                .unwrap_or_default()
        );
        if attempts.is_empty() {
            say!("  Not practised yet.");
        }
        for a in attempts {
            say!(
                "  {}  {:<5}  {} of {}",
                a.started_at,
                a.rating.name(),
                secs(a.duration_ms),
                mmss(u64::from(a.target_secs))
            );
        }
    }

    pub fn card_annotations(&self, v: &cuecard::CardView) {
        if self.json {
            print_json(&json!({
                "card_id": v.card.id,
                "tags": v.card.tags,
                "starred": v.card.starred,
                "edited": v.card.edited,
                "notes": v.annotations.notes,
                "highlights": v.annotations.highlights,
                "orphans": v.annotations.orphans,
                "conflict": v.annotations.conflict,
            }));
            return;
        }
        say!(
            "{}{}",
            if v.card.starred { "★ " } else { "" },
            v.card.question
        );
        if !v.card.tags.is_empty() {
            say!("  tags: {}", v.card.tags.join(", "));
        }
        for n in &v.annotations.notes {
            say!("  note {}: {}", n.id, clip(&n.body, 100));
        }
        for h in &v.annotations.highlights {
            say!(
                "  highlight {}: \"{}\"{}",
                h.id,
                clip(&h.exact, 60),
                h.comment
                    .as_ref()
                    .map(|c| format!(" — {c}"))
                    .unwrap_or_default()
            );
        }
        for h in &v.annotations.orphans {
            say!(
                "  orphaned highlight {}: \"{}\" (no longer in the answer)",
                h.id,
                clip(&h.exact, 60)
            );
        }
        if v.annotations.conflict.is_some() {
            say!("  The document changed this card after you edited it: `cuecard resolve {} --keep app|file`", v.card.id);
        }
    }

    pub fn backups(&self, list: &[cuecard::library::BackupFile]) {
        if self.json {
            print_json(&json!({ "backups": list }));
            return;
        }
        if list.is_empty() {
            say!("No backups yet.");
        }
        for b in list {
            say!(
                "{}  {} KB  {}",
                cuecard::rehearse::time::rfc3339(b.modified),
                b.bytes / 1024,
                b.path
            );
        }
    }

    pub fn backed_up(&self, path: &Path) {
        if self.json {
            print_json(&json!({"backup": path.display().to_string()}));
        } else {
            say!("Backed up the library to {}", path.display());
        }
    }

    pub fn restored(&self, from: &Path, safety: &Path, info: &LibraryInfo) {
        if self.json {
            print_json(&json!({
                "restored": from.display().to_string(),
                "previous_saved_to": safety.display().to_string(),
                "library": info
            }));
        } else {
            say!(
                "Restored {} ({} decks, {} cards). The library as it was is saved in {}",
                from.display(),
                info.decks,
                info.cards,
                safety.display()
            );
        }
    }

    pub fn stats(&self, s: &cuecard::rehearse::Stats) {
        if self.json {
            print_json(&json!(s));
            return;
        }
        say!(
            "{} reviews of {} cards; {} cards never practised; streak {} day(s)",
            s.total_reviews,
            s.cards_practised,
            s.cards_new,
            s.streak_days
        );
        let due_today = s.due_forecast.first().map_or(0, |d| d.count);
        let week: u32 = s.due_forecast.iter().take(7).map(|d| d.count).sum();
        say!("Due today {due_today}, in the next 7 days {week}");
        for d in s.reviews_per_day.iter().rev().take(7) {
            say!("  {}  {}", d.day, "#".repeat(d.count.min(60) as usize));
        }
        for t in s.time_vs_target.iter().take(10) {
            let over = if t.mean_secs > f64::from(t.target_secs) {
                " over"
            } else {
                ""
            };
            say!(
                "  {} of {}{}  {}",
                mmss(t.mean_secs.round() as u64),
                mmss(u64::from(t.target_secs)),
                over,
                clip(&t.question, 60)
            );
        }
    }

    pub fn resume(&self, v: &cuecard::library::ResumeView, added: bool) {
        if self.json {
            print_json(&json!({ "resume": v.resume, "warnings": v.warnings }));
            return;
        }
        let r = &v.resume;
        if added {
            say!(
                "Résumé \"{}\" kept ({} roles, {} schools, {} skills) from {}",
                r.name,
                r.roles.len(),
                r.education.len(),
                r.skills.len(),
                r.source
            );
        } else {
            say!("Résumé \"{}\" from {}", r.name, r.source);
        }
        if let Some(p) = &r.person {
            say!("{p}");
        }
        let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
        say!("Sections: {}", titles.join(", "));
        for role in &r.roles {
            say!(
                "\n{}{}{}  {} – {}{}",
                role.title,
                if role.title.is_empty() || role.company.is_empty() {
                    ""
                } else {
                    " at "
                },
                role.company,
                role.start.as_deref().unwrap_or("?"),
                role.end.as_deref().unwrap_or("?"),
                role.location
                    .as_ref()
                    .map(|l| format!("  ({l})"))
                    .unwrap_or_default()
            );
            for b in &role.bullets {
                say!("  - {}", clip(b, 110));
            }
        }
        for e in &r.education {
            say!(
                "\nEducation: {}{}{}  {}",
                e.degree,
                if e.degree.is_empty() || e.school.is_empty() {
                    ""
                } else {
                    ", "
                },
                e.school,
                e.end.as_deref().or(e.start.as_deref()).unwrap_or("")
            );
        }
        if !r.skills.is_empty() {
            let names: Vec<&str> = r.skills.iter().map(|s| s.name.as_str()).collect();
            say!("\nSkills: {}", names.join(", "));
        }
        for w in &v.warnings {
            eprintln!(
                "warning{}: {}",
                w.line.map(|l| format!(" (line {l})")).unwrap_or_default(),
                w.message
            );
        }
    }

    pub fn resumes(&self, list: &[(String, String, String)]) {
        if self.json {
            let rows: Vec<_> = list
                .iter()
                .map(|(id, name, source)| json!({"id": id, "name": name, "source": source}))
                .collect();
            print_json(&json!({ "resumes": rows }));
            return;
        }
        if list.is_empty() {
            say!("No résumé yet: add one with `cuecard resume add FILE`.");
        }
        for (i, (id, name, source)) in list.iter().enumerate() {
            say!(
                "{id}  {name}  {source}{}",
                if i == 0 { "  (default)" } else { "" }
            );
        }
    }

    pub fn resume_match(&self, m: &cuecard::resume::against::ResumeMatch) {
        if self.json {
            print_json(&json!(m));
            return;
        }
        say!(
            "Résumé {:.0}%, résumé and answers {:.0}%",
            m.resume_score,
            m.combined_score
        );
        say!("{:<28} {:<9} {:<8} WHERE", "KEYWORD", "RÉSUMÉ", "ANSWERS");
        for k in &m.keywords {
            let resume = if !k.roles.is_empty() {
                "role"
            } else if k.on_resume {
                "listed"
            } else {
                "-"
            };
            let place = k
                .roles
                .first()
                .map(|h| {
                    if h.company.is_empty() {
                        h.title.clone()
                    } else {
                        h.company.clone()
                    }
                })
                .unwrap_or_default();
            say!(
                "{:<28} {:<9} {:<8} {}",
                clip(&k.name, 28),
                resume,
                k.answers.len(),
                place
            );
        }
        if !m.gaps.is_empty() {
            let names: Vec<&str> = m
                .gaps
                .iter()
                .filter_map(|g| m.keywords.iter().find(|k| &k.id == g))
                .map(|k| k.name.as_str())
                .collect();
            say!(
                "\nIn neither the résumé nor an answer: {}",
                names.join(", ")
            );
        }
        say!("\nScreening checks:");
        for c in &m.checks {
            say!("  [{}] {}", if c.ok { "ok" } else { "!!" }, c.message);
        }
    }

    pub fn likely(
        &self,
        qs: &[cuecard::resume::questions::LikelyQuestion],
        added: Option<&cuecard::DeckReport>,
    ) {
        if self.json {
            print_json(&json!({ "questions": qs, "added": added }));
            return;
        }
        for (i, q) in qs.iter().enumerate() {
            say!("{:>2}. [{}] {}", i + 1, q.kind, q.question);
            if let Some(b) = &q.bullet {
                say!("    from: {}", clip(b, 100));
            }
            if let Some(c) = &q.card_id {
                say!("    answered by card {c}");
            }
        }
        if let Some(r) = added {
            say!(
                "\nAdded to deck \"{}\": {} cards ({} new), tagged `likely`.",
                r.name,
                r.cards,
                r.added
            );
        }
    }

    pub fn retention(&self, r: f64) {
        if self.json {
            print_json(&json!({"desired_retention": r}));
        } else {
            say!(
                "Desired retention {:.0}%: cards come back when recall is expected to fall to it.",
                r * 100.0
            );
        }
    }

    pub fn target(&self, deck: &str, secs: u32) {
        if self.json {
            print_json(&json!({"deck": deck, "target_secs": secs}));
        } else {
            say!("{deck}: target {}", mmss(u64::from(secs)));
        }
    }
}

/// `m:ss` of whole seconds.
pub fn mmss(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn secs(ms: u64) -> String {
    mmss((ms + 500) / 1000)
}
