//! `make bench`: the performance figures of the core, on a generated deck.
//!
//! Each figure is printed beside its anchor, measured in the same run on the same documents,
//! with the ratio (absolute times on a shared machine move from run to run):
//! - import of a generated 100,000-card, seed-shaped document (about 70 MB), and of a
//!   skill-dense one (three tools named in every answer): wall time and peak memory (VmHWM of
//!   a child process that does only the import), against a child that reads and parses the
//!   same document and indexes its cards with tantivy and Cuecard's schema alone (also timed
//!   without the parse);
//! - search latency in process per query kind, against the same queries on tantivy directly
//!   (its own query parser, top 10, no snippets);
//! - the due list against the plain replay of every card (2,000 cards reviewed);
//! - the whole `cuecard search` process (open, query, print) against `grep -ci` over the
//!   source document.
//!
//! Usage: `bench [CARDS]` (default 100000), `bench gen CARDS FILE`, `bench import FILE LIB`,
//! `bench anchor FILE DIR`.

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

/// Tools named in the skill-dense deck's answers.
const SKILLS: &[&str] = &[
    "Kubernetes",
    "Terraform",
    "PostgreSQL",
    "Kafka",
    "Python",
    "Rust",
    "Go",
    "React",
    "TypeScript",
    "Docker",
    "AWS Lambda",
    "Amazon S3",
    "Redis",
    "Elasticsearch",
    "GraphQL",
    "gRPC",
    "Prometheus",
    "Grafana",
    "Airflow",
    "Spark",
    "dbt",
    "Snowflake",
    "Java",
    "Kotlin",
    "Swift",
    "Node.js",
    "Django",
    "FastAPI",
    "Jenkins",
    "GitHub Actions",
    "Ansible",
    "MongoDB",
    "CI/CD",
    "microservices",
    "machine learning",
    "PyTorch",
    "TensorFlow",
    "pandas",
    "SQL",
    "Linux",
];

/// Writes a seed-shaped document with `cards` question/answer pairs; with `dense`, each
/// answer names three tools as well.
fn generate(cards: usize, path: &Path, dense: bool) -> std::io::Result<u64> {
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
        if dense {
            for _ in 0..3 {
                let tool = SKILLS[(rng.next() % SKILLS.len() as u64) as usize];
                a.push_str(&format!("We used {tool} for it. "));
            }
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

/// The import's anchor: the same document parsed by the same reader, its cards indexed by
/// tantivy with Cuecard's schema, and nothing else (no store, no skills).
fn anchor_child(file: &Path, dir: &Path) {
    use cuecard::model::{Card, CardId, DeckId};
    let started = Instant::now();
    let text = std::fs::read_to_string(file).expect("read");
    let parsed = cuecard::import::parse_markdown(&text);
    drop(text);
    let indexing = Instant::now();
    let (index, _) = cuecard::index::SearchIndex::open(dir).expect("index");
    let mut writer = index
        .writer(if parsed.cards.len() > 5000 { 2 } else { 1 })
        .expect("writer");
    let n = parsed.cards.len();
    for (i, c) in parsed.cards.into_iter().enumerate() {
        let card = Card {
            id: CardId(format!("{i:012x}")),
            deck_id: DeckId("anchor".into()),
            deck: "Anchor".into(),
            question: c.question,
            context: c.context,
            answer: c.answer,
            section: c.section,
            tags: Vec::new(),
            source_file: None,
            source_line: c.line_start,
            source_line_end: c.line_end,
            unanswered: c.unanswered,
            archived: false,
            skills: Vec::new(),
            starred: false,
            edited: false,
            conflict: false,
            notes_text: String::new(),
        };
        index.add_card(&writer, &card).expect("add");
    }
    index.commit(&mut writer, 1).expect("commit");
    println!(
        "{n} {:.3} {:.1} {:.3}",
        started.elapsed().as_secs_f64(),
        peak_rss_mb(),
        indexing.elapsed().as_secs_f64()
    );
}

/// Runs `bench MODE FILE DIR` as a child, so its peak memory is its own: (cards, s, MB,
/// and for the anchor the seconds of indexing alone).
fn child(exe: &Path, mode: &str, file: &Path, dir: &Path) -> (usize, f64, f64, f64) {
    let out = Command::new(exe)
        .args([mode, file.to_str().unwrap(), dir.to_str().unwrap()])
        .output()
        .expect("run child");
    let line = String::from_utf8_lossy(&out.stdout);
    let parts: Vec<&str> = line.split_whitespace().collect();
    if parts.len() < 3 {
        eprintln!(
            "{mode} failed: {line}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::process::exit(1);
    }
    (
        parts[0].parse().unwrap_or(0),
        parts[1].parse().unwrap_or(f64::NAN),
        parts[2].parse().unwrap_or(f64::NAN),
        parts
            .get(3)
            .and_then(|p| p.parse().ok())
            .unwrap_or(f64::NAN),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") => {
            let n: usize = args[2].parse().expect("CARDS");
            let bytes = generate(n, Path::new(&args[3]), false).expect("write");
            println!("wrote {n} cards, {:.1} MB", bytes as f64 / 1e6);
            return;
        }
        Some("import") => {
            import_child(Path::new(&args[2]), Path::new(&args[3]));
            return;
        }
        Some("anchor") => {
            anchor_child(Path::new(&args[2]), Path::new(&args[3]));
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
    let bytes = generate(cards, &doc, false).expect("generate");
    println!(
        "generated {cards} cards, {:.1} MB: {}",
        bytes as f64 / 1e6,
        doc.display()
    );
    let dense_doc = out.join(format!("generated-{cards}-skills.md"));
    let dense_bytes = generate(cards, &dense_doc, true).expect("generate");

    // Each import in a child process, so its peak memory is its own, beside its anchor:
    // tantivy alone indexing the same parsed cards with the same schema.
    println!("figure                                   cuecard      anchor       ratio   target");
    let exe = std::env::current_exe().expect("own path");
    for (label, file, mb, dir) in [
        ("import, seed-shaped", &doc, bytes, lib.clone()),
        (
            "import, skill-dense",
            &dense_doc,
            dense_bytes,
            out.join("library-skills"),
        ),
    ] {
        let (n, secs, peak, _) = child(&exe, "import", file, &dir);
        if n != cards {
            eprintln!("the import found {n} cards, not {cards}");
            std::process::exit(1);
        }
        let (_, anchor_secs, anchor_peak, index_secs) =
            child(&exe, "anchor", file, &out.join("anchor-index"));
        let _ = std::fs::remove_dir_all(out.join("anchor-index"));
        println!(
            "{label:<24} {:>5.1} MB   {secs:>6.2} s     {anchor_secs:>6.2} s    {:>5.1}x   <= 2x",
            mb as f64 / 1e6,
            secs / anchor_secs
        );
        println!(
            "  against tantivy's indexing alone                    {index_secs:>6.2} s    {:>5.1}x   (the same cards, parsed beforehand)",
            secs / index_secs
        );
        println!(
            "  peak memory                            {peak:>6.0} MB    {anchor_peak:>6.0} MB   {:>5.1}x   < 400 MB",
            peak / anchor_peak
        );
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
    let (anchor, _) =
        cuecard::index::SearchIndex::open(&lib.join("index")).expect("open the index alone");
    let mut times: Vec<f64> = Vec::new();
    let mut by_kind: Vec<Vec<f64>> = vec![Vec::new(); 5];
    let mut anchor_by_kind: Vec<Vec<f64>> = vec![Vec::new(); 5];
    for (i, q) in queries.iter().enumerate() {
        let t = Instant::now();
        let r = library.search(q, 10).expect("search");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        by_kind[i % 5].push(ms);
        std::hint::black_box(r);
        let t = Instant::now();
        std::hint::black_box(anchor.anchor_search(q, 10).expect("anchor search"));
        anchor_by_kind[i % 5].push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "search in process, p50 / p99 (anchor: tantivy's own query parser, top 10, no snippets)"
    );
    for ((kind, mut t), mut a) in [
        "word",
        "two words",
        "word + prefix",
        "phrase",
        "word -exclude",
    ]
    .iter()
    .zip(by_kind)
    .zip(anchor_by_kind)
    {
        t.sort_by(|a, b| a.total_cmp(b));
        a.sort_by(|x, y| x.total_cmp(y));
        println!(
            "  {kind:<14} {:>6.2} / {:>6.2} ms   {:>6.2} / {:>6.2} ms   {:>5.1}x / {:>4.1}x   p99 <= 1 ms",
            percentile(&t, 0.5),
            percentile(&t, 0.99),
            percentile(&a, 0.5),
            percentile(&a, 0.99),
            percentile(&t, 0.5) / percentile(&a, 0.5),
            percentile(&t, 0.99) / percentile(&a, 0.99)
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
    // The anchor: `grep -ci` for the query's first word over the source document.
    let mut grep_times = Vec::new();
    for q in queries.iter().take(40) {
        let word = q
            .trim_matches('"')
            .split_whitespace()
            .next()
            .unwrap_or("a")
            .to_string();
        let t = Instant::now();
        let o = Command::new("grep")
            .args(["-ci", &word, doc.to_str().unwrap()])
            .output()
            .expect("grep");
        grep_times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(o);
    }
    grep_times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "`cuecard search` process, median ({} runs)  {:>6.1} ms    {:>6.1} ms   {:>5.2}x   <= 15 ms and < grep -ci",
        times.len(),
        percentile(&times, 0.5),
        percentile(&grep_times, 0.5),
        percentile(&times, 0.5) / percentile(&grep_times, 0.5)
    );
}
