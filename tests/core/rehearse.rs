//! Rehearsal through the CLI: recorded ratings, the schedule at fixed times, interviews
//! pulling cards forward, statistics, concurrent reviews, and the terminal rehearsal driven
//! through a pseudo-terminal (including a kill between ratings).

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::{fixture, s, Lib};

fn card_id(lib: &Lib, question_part: &str) -> String {
    let v = lib.json(&["cards"]);
    v["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["question"].as_str().unwrap().contains(question_part))
        .unwrap_or_else(|| panic!("no card with {question_part}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn due_at(lib: &Lib, at: &str) -> Vec<Value> {
    lib.json(&["due", "--at", at])["due"]
        .as_array()
        .unwrap()
        .clone()
}

fn ts(rfc: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc)
        .unwrap()
        .timestamp()
}

#[test]
fn good_three_times_is_due_later_each_time_and_again_comes_back_today() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let id = card_id(&lib, "led a migration");
    let mut at = "2026-03-02T09:00:00Z".to_string();
    let mut gaps = Vec::new();
    for _ in 0..3 {
        let r = lib.json(&[
            "review",
            &id,
            "--rating",
            "good",
            "--seconds",
            "80",
            "--at",
            &at,
        ]);
        assert_eq!(r["attempt"]["rating"], "good");
        assert_eq!(r["attempt"]["duration_ms"], 80_000);
        let due = r["schedule"]["due"].as_str().unwrap().to_string();
        gaps.push(ts(&due) - ts(&at));
        at = due;
    }
    assert!(
        gaps[0] < gaps[1] && gaps[1] < gaps[2],
        "intervals should grow: {gaps:?}"
    );
    assert!(
        gaps[0] >= 86_400,
        "a good first answer waits at least a day"
    );

    // Not due the day after its third review; due once its time has come.
    let third_due = at.clone();
    let early = due_at(&lib, "2026-03-03T09:00:00Z");
    assert!(!early
        .iter()
        .any(|d| d["card_id"] == id.as_str() && !d["new"].as_bool().unwrap()));
    let late = due_at(&lib, &third_due);
    let entry = late.iter().find(|d| d["card_id"] == id.as_str()).unwrap();
    assert_eq!(entry["new"], false);
    assert!(entry["stability"].as_f64().unwrap() > 1.0);
    assert!(entry["difficulty"].as_f64().unwrap() >= 1.0);
    for key in ["card_id", "question", "due", "stability", "difficulty"] {
        assert!(entry.get(key).is_some(), "due entries carry {key}");
    }

    // Again: back the same day.
    let other = card_id(&lib, "disagreement");
    let r = lib.json(&[
        "review",
        &other,
        "--rating",
        "again",
        "--at",
        "2026-03-02T09:00:00Z",
    ]);
    let due = r["schedule"]["due"].as_str().unwrap();
    assert!(ts(due) - ts("2026-03-02T09:00:00Z") <= 3600, "{due}");
    assert_eq!(&due[..10], "2026-03-02");

    let hist = lib.json(&["history", &id]);
    assert_eq!(hist["attempts"].as_array().unwrap().len(), 3);
    assert_eq!(hist["schedule"]["reps"], 3);
}

#[test]
fn an_interview_date_pulls_a_high_ranked_card_before_it() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let id = card_id(&lib, "Kubernetes operator");
    // Three good reviews in the past make the card due far ahead.
    let mut at = "2026-01-05T09:00:00Z".to_string();
    for _ in 0..3 {
        let r = lib.json(&["review", &id, "--rating", "good", "--at", &at]);
        at = r["schedule"]["due"].as_str().unwrap().to_string();
    }
    let natural_due = ts(&at);
    let last = lib.json(&["history", &id])["attempts"][0]["started_at"]
        .as_str()
        .unwrap()
        .to_string();
    // Without an interview, it is not due ten days after its last review.
    let check = chrono::DateTime::from_timestamp(ts(&last) + 10 * 86_400, 0)
        .unwrap()
        .to_rfc3339();
    assert!(
        natural_due > ts(&check) + 86_400,
        "the card is due well later"
    );
    assert!(!due_at(&lib, &check)
        .iter()
        .any(|d| d["card_id"] == id.as_str()));

    // A job about Kubernetes with its interview shortly after `check`.
    let posting = lib.write(
        "k8s-job.md",
        "# Platform Engineer\n\n## Requirements\n\n- Kubernetes operators at scale\n- Prometheus\n",
    );
    let interview = chrono::DateTime::from_timestamp(ts(&check) + 2 * 86_400, 0)
        .unwrap()
        .format("%Y-%m-%d")
        .to_string();
    // `due --at` takes that moment as now, so the interview is two days ahead of it.
    let job = lib.json(&["job", "add", s(&posting), "--date", &interview]);
    let job_id = job["job"]["id"].as_str().unwrap().to_string();
    let pulled = due_at(&lib, &check);
    let entry = pulled
        .iter()
        .find(|d| d["card_id"] == id.as_str())
        .expect("pulled before the interview");
    assert_eq!(entry["pulled_by"], job_id.as_str());
    assert!(ts(entry["due"].as_str().unwrap()) < natural_due);
    // A card the job does not rank stays where memory put it.
    let other = card_id(&lib, "disagreement");
    lib.json(&["review", &other, "--rating", "easy", "--at", &last]);
    assert!(!due_at(&lib, &check)
        .iter()
        .any(|d| d["card_id"] == other.as_str()));
}

#[test]
fn stats_count_reviews_per_day_and_time_against_target() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let a = card_id(&lib, "led a migration");
    let b = card_id(&lib, "Kafka");
    lib.json(&["target", "Acme Robotics", "90"]);
    lib.json(&["review", &a, "--rating", "good", "--seconds", "100"]);
    lib.json(&["review", &b, "--rating", "hard", "--seconds", "50"]);
    lib.json(&["review", &b, "--rating", "again", "--seconds", "70"]);
    let st = lib.json(&["stats"]);
    assert_eq!(st["total_reviews"], 3);
    assert_eq!(st["cards_practised"], 2);
    assert_eq!(st["streak_days"], 1);
    let today = st["today"].as_str().unwrap();
    let days = st["reviews_per_day"].as_array().unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["day"], today);
    assert_eq!(days[0]["count"], 3);
    let ratings = &st["ratings_per_day"][0];
    assert_eq!(
        (
            ratings["good"].as_u64(),
            ratings["hard"].as_u64(),
            ratings["again"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    let tb = st["time_vs_target"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["card_id"] == b.as_str())
        .unwrap()
        .clone();
    assert_eq!(tb["attempts"], 2);
    assert_eq!(tb["mean_secs"], 60.0);
    assert_eq!(tb["target_secs"], 90, "the deck's target applies");
    assert_eq!(st["due_forecast"].as_array().unwrap().len(), 30);
    // Five cards, two practised, one unanswered: two never practised.
    assert_eq!(st["cards_new"], 2);
}

#[test]
fn bad_ratings_times_and_cards_are_clear_errors() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let id = card_id(&lib, "Kafka");
    let r = lib.run(&["--json", "review", &id, "--rating", "great"]);
    assert_eq!(r.code, 1);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("again, hard, good or easy"));
    let r = lib.run(&[
        "--json",
        "review",
        &id,
        "--rating",
        "good",
        "--at",
        "yesterday",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("RFC 3339"));
    let r = lib.run(&["--json", "review", "nope-nope", "--rating", "good"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.json()["error"]["code"], "not_found");
    let r = lib.run(&["--json", "target", "Acme Robotics", "2"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        lib.json(&["history", &id])["attempts"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn two_reviews_of_one_card_at_once_both_land() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let id = card_id(&lib, "Kafka");
    let spawn = |rating: &str| {
        Command::new(env!("CARGO_BIN_EXE_cuecard"))
            .arg("--library")
            .arg(lib.library_dir())
            .args(["review", &id, "--rating", rating, "--seconds", "30"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = (0..4)
        .map(|i| spawn(if i % 2 == 0 { "good" } else { "hard" }))
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let h = lib.json(&["history", &id]);
    assert_eq!(h["attempts"].as_array().unwrap().len(), 4);
    assert_eq!(
        h["schedule"]["reps"], 4,
        "the schedule replays every attempt"
    );
}

/// A child process on a pseudo-terminal, with what it printed so far.
struct Pty {
    child: std::process::Child,
    master: std::fs::File,
    output: Arc<Mutex<String>>,
    /// How much of the output earlier waits have consumed.
    seen: usize,
}

impl Pty {
    fn spawn(lib: &Lib, args: &[&str]) -> Pty {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two new descriptors into the integers given.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: the descriptors are new and owned here.
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        let master = unsafe { std::fs::File::from_raw_fd(master) };
        let child = Command::new(env!("CARGO_BIN_EXE_cuecard"))
            .arg("--library")
            .arg(lib.library_dir())
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .spawn()
            .unwrap();
        let output = Arc::new(Mutex::new(String::new()));
        let mut reader = master.try_clone().unwrap();
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Pty {
            child,
            master,
            output,
            seen: 0,
        }
    }

    /// Waits until `text` appears after what earlier waits matched.
    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            let found = {
                let out = self.output.lock().unwrap();
                out.get(self.seen..)
                    .and_then(|rest| rest.find(text))
                    .map(|i| self.seen + i + text.len())
            };
            if let Some(end) = found {
                self.seen = end;
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited for {text:?}; the terminal shows:\n{}",
            self.output.lock().unwrap()
        );
    }

    fn key(&mut self, k: &str) {
        self.master.write_all(k.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }
}

#[test]
fn terminal_rehearsal_by_keys_and_a_kill_between_ratings_loses_nothing_rated() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let mut pty = Pty::spawn(
        &lib,
        &[
            "rehearse",
            "--deck",
            "Acme Robotics",
            "--limit",
            "3",
            "--target",
            "60",
        ],
    );
    pty.wait_for("[1/3]");
    pty.wait_for("/ 1:00");
    pty.key(" ");
    pty.wait_for("prepared answer");
    pty.key("3");
    pty.wait_for("good — next");
    pty.wait_for("[2/3]");
    // Killed while the second question is on screen.
    pty.child.kill().unwrap();
    pty.child.wait().unwrap();

    let cards = lib.json(&["cards"]);
    let first = cards["cards"][0]["id"].as_str().unwrap().to_string();
    let h = lib.json(&["history", &first]);
    let attempts = h["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 1, "the rated card is kept");
    assert_eq!(attempts[0]["rating"], "good");
    assert_eq!(attempts[0]["target_secs"], 60);
    let second = cards["cards"][1]["id"].as_str().unwrap();
    assert_eq!(
        lib.json(&["history", second])["attempts"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    // A whole session to the summary, with a typed answer.
    let mut pty = Pty::spawn(
        &lib,
        &["rehearse", "--deck", "Acme Robotics", "--limit", "2"],
    );
    pty.wait_for("[1/2]");
    pty.key("t");
    pty.wait_for("Type your answer");
    pty.key("Shard by namespace and rate-limit the work queue\n");
    pty.wait_for("Suggested rating");
    pty.key("4");
    pty.wait_for("[2/2]");
    pty.key(" ");
    pty.wait_for("Rate:");
    pty.key("1");
    pty.wait_for("Done: 2 of 2");
    let status = pty.child.wait().unwrap();
    assert!(status.success());
    let st = lib.json(&["stats"]);
    assert_eq!(st["total_reviews"], 3);
}

#[test]
fn a_higher_retention_brings_cards_back_sooner() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let id = card_id(&lib, "Kafka");
    assert_eq!(lib.json(&["retention"])["desired_retention"], 0.9);
    let at = "2026-03-02T09:00:00Z";
    let relaxed = lib.json(&["review", &id, "--rating", "easy", "--at", at]);
    let other = Lib::new();
    other.json(&["import", s(&fixture("prep-v1.md"))]);
    other.json(&["retention", "0.97"]);
    let strict = other.json(&["review", &id, "--rating", "easy", "--at", at]);
    let due = |v: &Value| ts(v["schedule"]["due"].as_str().unwrap());
    assert!(due(&strict) < due(&relaxed), "{strict} vs {relaxed}");
    let r = lib.run(&["--json", "retention", "1.5"]);
    assert_eq!(r.code, 1);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("0.70 to 0.97"));
}

#[test]
fn piped_rehearsal_reads_lines_and_json_keeps_stdout_for_the_summary() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cuecard"))
        .arg("--library")
        .arg(lib.library_dir())
        .args([
            "--json",
            "rehearse",
            "--deck",
            "Acme Robotics",
            "--limit",
            "2",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Empty line reveals, then a rating; a typed line is compared with the answer.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\n3\nwe ran both side by side\n2\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    assert_eq!(summary["rows"].as_array().unwrap().len(), 2);
    assert_eq!(summary["good"], 1);
    assert_eq!(summary["hard"], 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("[1/2]"));
}
