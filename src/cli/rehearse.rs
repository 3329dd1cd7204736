//! `cuecard rehearse`: a rehearsal in the terminal. In a real terminal it reads single keys
//! (Space reveals, 1-4 rate, t types an answer, q quits) and redraws a live timer; with
//! piped input it reads lines instead (empty line reveals, then a rating). Each rating is
//! recorded the moment it is given, so quitting or a killed process loses at most the card
//! on screen.

use std::io::{IsTerminal, Read, Write};
use std::time::{Duration, Instant};

use cuecard::rehearse::time::{now, rfc3339_ms};
use cuecard::rehearse::{AttemptInput, PointStatus, Rating, RehearsalPlan, SessionCard};
use cuecard::{Error, Library};

use super::output::{mmss, Out};

/// Where the rehearsal talks: standard output, or standard error when `--json` keeps
/// standard output for the summary.
static TO_STDERR: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn emit(text: &str) {
    if TO_STDERR.load(std::sync::atomic::Ordering::Relaxed) {
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(text.as_bytes());
        let _ = e.flush();
    } else {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(text.as_bytes());
        let _ = o.flush();
    }
}

macro_rules! say {
    () => { emit("\n") };
    ($($arg:tt)*) => { emit(&format!("{}\n", format_args!($($arg)*))) };
}

macro_rules! say_inline {
    ($($arg:tt)*) => { emit(&format!($($arg)*)) };
}

/// Restores the terminal's settings when dropped (also on an early return or a panic).
struct RawMode {
    fd: i32,
    saved: libc::termios,
}

impl RawMode {
    fn enable(fd: i32) -> Option<RawMode> {
        // SAFETY: tcgetattr/tcsetattr are given a valid descriptor and a termios we own.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut t) != 0 {
                return None;
            }
            let saved = t;
            t.c_lflag &= !(libc::ICANON | libc::ECHO);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(fd, libc::TCSANOW, &t) != 0 {
                return None;
            }
            Some(RawMode { fd, saved })
        }
    }

    /// Back to line input for a moment (typing an answer).
    fn cooked<T>(&self, f: impl FnOnce() -> T) -> T {
        // SAFETY: as in `enable`.
        unsafe {
            libc::tcsetattr(self.fd, libc::TCSANOW, &self.saved);
        }
        let r = f();
        // SAFETY: as in `enable`.
        unsafe {
            let mut t = self.saved;
            t.c_lflag &= !(libc::ICANON | libc::ECHO);
            libc::tcsetattr(self.fd, libc::TCSANOW, &t);
        }
        r
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: as in `enable`.
        unsafe {
            libc::tcsetattr(self.fd, libc::TCSANOW, &self.saved);
        }
    }
}

/// Waits up to `timeout` for a key on standard input; None on timeout, Some(None) at end of
/// input.
fn read_key(timeout: Duration) -> Option<Option<u8>> {
    let mut pfd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd for standard input.
    let ready = unsafe { libc::poll(&mut pfd, 1, timeout.as_millis() as i32) };
    if ready <= 0 {
        return None;
    }
    let mut b = [0u8; 1];
    match std::io::stdin().read(&mut b) {
        Ok(1) => Some(Some(b[0])),
        _ => Some(None),
    }
}

fn timer_line(elapsed: Duration, target: u32, color: bool) -> String {
    let secs = elapsed.as_secs();
    let t = u64::from(target);
    let (mark, code) = if secs > t {
        ("over", "31")
    } else if secs * 5 >= t * 4 {
        ("near", "33")
    } else {
        ("", "32")
    };
    let text = format!("  {} / {} {mark}", mmss(secs), mmss(t));
    if color {
        format!("\r\x1b[2K\x1b[{code}m{text}\x1b[0m   Space: reveal  t: type  q: quit")
    } else {
        format!("\r\x1b[2K{text}   Space: reveal  t: type  q: quit")
    }
}

fn print_answer(lib: &Library, card: &SessionCard) -> Result<(), Error> {
    let c = lib.card(card.card_id.as_str())?;
    let text = cuecard::render::plain_text(&c.answer);
    say!("\n\n  ─── prepared answer ───");
    for line in text.lines() {
        say!("  {line}");
    }
    Ok(())
}

enum Step {
    Rated(Rating),
    Quit,
}

/// Runs a rehearsal; returns the exit code.
pub fn run(lib: &mut Library, plan: &RehearsalPlan, out: &Out) -> Result<i32, Error> {
    let session = lib.start_rehearsal(plan, now())?;
    let tty = std::io::stdin().is_terminal();
    let color = if out.json_enabled() {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    } && std::env::var_os("NO_COLOR").is_none();
    let raw = if tty { RawMode::enable(0) } else { None };
    TO_STDERR.store(out.json_enabled(), std::sync::atomic::Ordering::Relaxed);
    say!(
        "Rehearsing {} card(s) from {}; target {} each.",
        session.cards.len(),
        session.source,
        mmss(u64::from(session.target_secs))
    );
    let mut done = 0;
    for (i, card) in session.cards.iter().enumerate() {
        say!("\n[{}/{}] {}", i + 1, session.cards.len(), card.deck);
        say!("\n  {}\n", card.question);
        // Code or a prompt that goes with the question.
        let context = lib.card(card.card_id.as_str())?.context;
        if !context.trim().is_empty() {
            for line in context.lines() {
                say!("    {line}");
            }
            say!();
        }
        let shown_ms = now() * 1000;
        let started = Instant::now();
        let mut typed: Option<String> = None;
        // Question on screen: wait for reveal (or typing, or quit).
        let answered;
        if let Some(raw) = &raw {
            loop {
                emit(&timer_line(started.elapsed(), card.target_secs, color));
                match read_key(Duration::from_millis(200)) {
                    None => continue,
                    Some(None) | Some(Some(b'q')) | Some(Some(27)) => {
                        answered = None;
                        break;
                    }
                    Some(Some(b' ')) | Some(Some(b'\n')) | Some(Some(b'\r')) => {
                        answered = Some(started.elapsed());
                        break;
                    }
                    Some(Some(b't')) => {
                        say_inline!("\n  Type your answer, then Enter:\n  > ");
                        let line = raw.cooked(|| {
                            let mut l = String::new();
                            std::io::stdin().read_line(&mut l).map(|_| l)
                        });
                        typed = line.ok().filter(|l| !l.trim().is_empty());
                        answered = Some(started.elapsed());
                        break;
                    }
                    Some(Some(_)) => continue,
                }
            }
        } else {
            say_inline!("  (Enter to reveal, q to quit) ");
            let mut line = String::new();
            let n = std::io::stdin().read_line(&mut line).unwrap_or(0);
            answered = if n == 0 || line.trim() == "q" {
                None
            } else {
                if !line.trim().is_empty() {
                    typed = Some(line.trim().to_string());
                }
                Some(started.elapsed())
            };
        }
        let Some(elapsed) = answered else {
            say!("\n\nStopped.");
            break;
        };
        let duration_ms = elapsed.as_millis() as u64;
        say_inline!(
            "{}  answered in {} of {}",
            if raw.is_some() { "\r\x1b[2K" } else { "\n" },
            mmss(elapsed.as_secs()),
            mmss(u64::from(card.target_secs))
        );
        print_answer(lib, card)?;
        if let Some(t) = &typed {
            let f = lib.compare_typed(
                card.card_id.as_str(),
                t,
                duration_ms,
                card.target_secs,
                match &plan.source {
                    cuecard::rehearse::RehearsalSource::Job { job } => Some(job.as_str()),
                    _ => None,
                },
            )?;
            say!(
                "\n  Your answer covered {:.0}% of the points:",
                f.coverage * 100.0
            );
            for p in &f.points {
                let mark = match p.status {
                    PointStatus::Covered => "✓",
                    PointStatus::Partial => "~",
                    PointStatus::Missed => "✗",
                };
                say!("   {mark} {}", p.text);
            }
            if !f.keywords.is_empty() {
                say!("  Job keywords mentioned: {}", f.keywords.join(", "));
            }
            say!("  Suggested rating: {}", f.suggested.name());
        }
        say!("\n  Rate: 1 again · 2 hard · 3 good · 4 easy   (q: quit)");
        let step = loop {
            let key = if raw.is_some() {
                match read_key(Duration::from_secs(3600)) {
                    None => continue,
                    Some(k) => k,
                }
            } else {
                let mut line = String::new();
                match std::io::stdin().read_line(&mut line) {
                    Ok(0) | Err(_) => None,
                    Ok(_) => line.trim().bytes().next().or(Some(b'?')),
                }
            };
            match key {
                None | Some(b'q') | Some(27) => break Step::Quit,
                Some(k @ b'1'..=b'4') => {
                    break Step::Rated(Rating::from_u8(k - b'0').unwrap_or(Rating::Good))
                }
                Some(_) => {
                    if raw.is_none() {
                        say!("  Give 1, 2, 3 or 4 (or q).");
                    }
                }
            }
        };
        let Step::Rated(rating) = step else {
            say!("\nStopped.");
            break;
        };
        let r = lib.record_attempt(
            &AttemptInput {
                card_id: card.card_id.clone(),
                session_id: Some(session.id.clone()),
                started_at: Some(rfc3339_ms(shown_ms)),
                duration_ms,
                target_secs: Some(card.target_secs),
                rating,
                typed,
            },
            now(),
        )?;
        done += 1;
        say!(
            "  {} — next {}",
            rating.name(),
            r.schedule.due.as_deref().unwrap_or("-")
        );
    }
    drop(raw);
    let summary = lib.session_summary(&session.id, now())?;
    if out.json_enabled() {
        out.session_summary(&summary);
    } else {
        say!(
            "\nDone: {done} of {} card(s) in {}; {} over target. again {} · hard {} · good {} · easy {}",
            session.cards.len(),
            mmss(summary.total_ms / 1000),
            summary.over_target,
            summary.again,
            summary.hard,
            summary.good,
            summary.easy
        );
        for d in &summary.coming_back {
            say!("  back on {}: {} card(s)", d.day, d.count);
        }
    }
    Ok(0)
}
