//! `make bench`: the performance figures of the core, on a generated deck.
//!
//! - import of a generated 100,000-card, seed-shaped document (about 70 MB): wall time and
//!   peak memory (VmHWM of a child process that does only the import);
//! - search latency in process over those cards (p50 / p99 over a query mix);
//! - the whole `cuecard search` process (open, query, print), p50 / p99.
//!
//! Usage: `bench [CARDS]` (default 100000), `bench gen CARDS FILE`, `bench import FILE LIB`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use cuecard::Library;

/// A small deterministic generator (xorshift64*), so every run measures the same deck.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Roughly Zipf-distributed index below `n`: a few words are common, most are rare.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn vocabulary() -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "mi", "tan", "ser", "vi", "lo", "pen", "da", "ti", "nor", "bel", "qua", "ri",
        "stre", "am", "cor", "po", "lex", "un", "sha", "dra", "fi", "mo", "gen", "tra", "ple",
        "xi", "zu", "ber",
    ];
    const REAL: &[&str] = &[
        "kubernetes",
        "kafka",
        "pipeline",
        "latency",
        "throughput",
        "rollback",
        "migration",
        "python",
        "rust",
        "postgres",
        "redis",
        "cache",
        "team",
        "customer",
        "design",
        "scale",
        "incident",
        "deploy",
        "metrics",
        "operator",
        "cluster",
        "shard",
        "replica",
        "queue",
        "search",
        "index",
        "model",
        "training",
        "inference",
        "budget",
        "deadline",
        "mentor",
    ];
    let mut words: Vec<String> = REAL.iter().map(|w| w.to_string()).collect();
    let mut rng = Rng(0x5eed);
    while words.len() < 5000 {
        let n = 2 + (rng.next() % 3) as usize;
        let w: String = (0..n)
            .map(|_| SYLLABLES[(rng.next() % SYLLABLES.len() as u64) as usize])
            .collect();
        words.push(w);
    }
    words
}

fn sentence(rng: &mut Rng, words: &[String], len: usize) -> String {
    let mut s = String::new();
    for i in 0..len {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&words[rng.zipf(words.len())]);
    }
    s
}

/// Writes a seed-shaped document with `cards` question/answer pairs.
fn generate(cards: usize, path: &Path) -> std::io::Result<u64> {
    use std::io::Write;
    let words = vocabulary();
    let mut rng = Rng(42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "## Generated Interview Questions and Answers\n")?;
    for n in 1..=cards {
        let q = sentence(&mut rng, &words, 16);
        writeln!(
            out,
            "**{n}. Question:** How would you handle {q} in case {n}?\n"
        )?;
        let mut a = String::new();
        for _ in 0..5 {
            let s = sentence(&mut rng, &words, 12);
            a.push_str(&s);
            a.push_str(". ");
        }
        writeln!(out, "**Answer:** {}\n", a.trim_end())?;
    }
    out.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn import_child(file: &Path, lib: &Path) {
    let started = Instant::now();
    let mut library = Library::open(lib).expect("open library");
    let report = library.import_file(file, None).expect("import");
    println!(
        "{} {:.3} {:.1}",
        report.cards,
        started.elapsed().as_secs_f64(),
        peak_rss_mb()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") => {
            let n: usize = args[2].parse().expect("CARDS");
            let bytes = generate(n, Path::new(&args[3])).expect("write");
            println!("wrote {n} cards, {:.1} MB", bytes as f64 / 1e6);
            return;
        }
        Some("import") => {
            import_child(Path::new(&args[2]), Path::new(&args[3]));
            return;
        }
        _ => {}
    }
    let cards: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let out = PathBuf::from("bench-out");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("bench-out");
    let doc = out.join(format!("generated-{cards}.md"));
    let lib = out.join("library");
    let bytes = generate(cards, &doc).expect("generate");
    println!(
        "generated {cards} cards, {:.1} MB: {}",
        bytes as f64 / 1e6,
        doc.display()
    );

    // Import in a child process, so its peak memory is the import's alone.
    let exe = std::env::current_exe().expect("own path");
    let child = Command::new(&exe)
        .args(["import", doc.to_str().unwrap(), lib.to_str().unwrap()])
        .output()
        .expect("run import");
    let line = String::from_utf8_lossy(&child.stdout);
    let parts: Vec<&str> = line.split_whitespace().collect();
    if parts.len() != 3 {
        eprintln!(
            "import failed: {line}{}",
            String::from_utf8_lossy(&child.stderr)
        );
        std::process::exit(1);
    }
    println!(
        "import: {} cards in {} s, peak memory {} MB   (targets: < 10 s, < 600 MB)",
        parts[0], parts[1], parts[2]
    );
    if parts[0] != cards.to_string() {
        eprintln!("the import found {} cards, not {cards}", parts[0]);
        std::process::exit(1);
    }

    // In-process search latency.
    let mut library = Library::open(&lib).expect("open");
    let words = vocabulary();
    let mut rng = Rng(7);
    let mut queries: Vec<String> = Vec::new();
    for i in 0..400 {
        let a = &words[rng.zipf(200)];
        let b = &words[rng.zipf(2000)];
        queries.push(match i % 5 {
            0 => a.clone(),
            1 => format!("{a} {b}"),
            2 => format!("{a} {}", &b[..b.len().min(3)]),
            3 => format!("\"{a} {b}\""),
            _ => format!("{a} -{b}"),
        });
    }
    for q in queries.iter().take(20) {
        let _ = library.search(q, 10);
    }
    let mut times: Vec<f64> = Vec::new();
    let mut by_kind: Vec<Vec<f64>> = vec![Vec::new(); 5];
    for (i, q) in queries.iter().enumerate() {
        let t = Instant::now();
        let r = library.search(q, 10).expect("search");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        by_kind[i % 5].push(ms);
        std::hint::black_box(r);
    }
    for (kind, mut t) in [
        "word",
        "two words",
        "word + prefix",
        "phrase",
        "word -exclude",
    ]
    .iter()
    .zip(by_kind)
    {
        t.sort_by(|a, b| a.total_cmp(b));
        println!(
            "  {kind:<14} p50 {:.2} ms  p99 {:.2} ms",
            percentile(&t, 0.5),
            percentile(&t, 0.99)
        );
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "search in process ({} queries, top 10 with snippets): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms   (target: p99 < 5 ms)",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or(f64::NAN)
    );

    // Keyword extraction from a 1,000-word posting, and a full match against every card.
    let fixture = include_str!("../tests/fixtures/posting-ml-infra.md");
    let mut posting = String::new();
    while posting.split_whitespace().count() < 1000 {
        posting.push_str(fixture);
        posting.push('\n');
    }
    let posting: String = posting
        .split_inclusive(char::is_whitespace)
        .take(1000)
        .collect();
    let mut times = Vec::new();
    let mut keywords = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let parsed = cuecard::jobs::parse_posting(&posting, None);
        keywords = cuecard::jobs::extract_keywords(&parsed);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "keyword extraction, 1,000-word posting ({} keywords): p50 {:.2} ms, p99 {:.2} ms   (target: < 5 ms)",
        keywords.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let r = library.match_keywords(&keywords, None).expect("match");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(r);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "full match of those keywords against {cards} cards: median {:.0} ms, max {:.0} ms   (target: < 100 ms)",
        percentile(&times, 0.5),
        times.last().copied().unwrap_or(f64::NAN)
    );
    // Reviews on 2,000 cards spread over the last two months, so the due list has schedules
    // to read; then the indexed list against the plain replay of every card.
    let now = cuecard::rehearse::time::now();
    let ids: Vec<_> = library
        .card_summaries(None)
        .expect("cards")
        .into_iter()
        .map(|c| c.id)
        .collect();
    let reviewed = ids.len().min(2_000);
    for (i, id) in ids.iter().take(reviewed).enumerate() {
        let at = now - 60 * 86_400 + (i as i64 * 2_591) % (60 * 86_400);
        library
            .record_attempt(
                &cuecard::rehearse::AttemptInput {
                    card_id: id.clone(),
                    session_id: None,
                    started_at: Some(cuecard::rehearse::time::rfc3339(at)),
                    duration_ms: 40_000,
                    target_secs: None,
                    rating: [
                        cuecard::rehearse::Rating::Good,
                        cuecard::rehearse::Rating::Hard,
                        cuecard::rehearse::Rating::Again,
                    ][i % 3],
                    typed: None,
                },
                at + 60,
            )
            .expect("review");
    }
    let until = cuecard::rehearse::time::end_of_day(&chrono::Local, now);
    let time_it = |f: &dyn Fn() -> usize| {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            n = f();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        (percentile(&times, 0.5), n)
    };
    let (fast, n_due) = time_it(&|| {
        library
            .due_cards_until(now, until, false)
            .expect("due")
            .len()
    });
    let (plain, _) = time_it(&|| {
        library
            .due_cards_plain(now, until, false)
            .expect("due")
            .len()
    });
    println!(
        "due list over {cards} cards, {reviewed} reviewed ({n_due} due): median {fast:.1} ms; the plain replay of every card {plain:.1} ms ({:.0}x)   (target: <= 10 ms)",
        plain / fast.max(1e-9)
    );
    let (fast_new, n_all) = time_it(&|| {
        library
            .due_cards_until(now, until, true)
            .expect("due")
            .len()
    });
    println!("due list with the cards never practised ({n_all} listed): median {fast_new:.1} ms");
    drop(library);

    // The whole `cuecard search` process.
    let cli = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("cuecard"))
        .filter(|p| p.exists());
    let Some(cli) = cli else {
        println!("cuecard binary not found next to the bench; run `cargo build --release` first");
        return;
    };
    let mut times = Vec::new();
    for q in queries.iter().take(40) {
        let t = Instant::now();
        let o = Command::new(&cli)
            .args(["--library", lib.to_str().unwrap(), "search", q])
            .output()
            .expect("cuecard search");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "`cuecard search` whole process ({} runs): p50 {:.1} ms, p99 {:.1} ms   (target: < 100 ms)",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
}
