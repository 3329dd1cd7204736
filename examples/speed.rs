//! Timing of keyword extraction on a posting of about 1,000 words, and of skill tagging on a
//! ~700-byte interview answer. The aim is under 5 ms per posting on a release build.
//!
//! `cargo run --release --example speed`

use std::hint::black_box;
use std::time::Instant;

use cuecard::jobs::{extract_keywords, posting::parse_text, Lexicon};

const POSTING: &str = "# Senior Backend Engineer

We are a small team building payment infrastructure for online marketplaces. Our platform
moves money for thousands of sellers every day, and we care about reliability, clear code and
a calm on-call rotation.

## What you'll do
- Design, build and operate services in Go and Python that run on Kubernetes in AWS.
- Own features end to end: from the design document to the rollout behind a feature flag.
- Improve the reliability of our PostgreSQL and Redis clusters, and the Kafka pipelines that feed our ledger.
- Write Terraform modules and keep our CI/CD with GitHub Actions fast and boring.
- Review code, mentor engineers and take part in an on-call rotation of six people.
- Work with product managers and designers to shape what we build next.

## Requirements
- 5+ years of experience building distributed systems in production.
- Strong knowledge of Go, Python or Java, and of SQL.
- Experience with Docker, Kubernetes and Helm, and with Prometheus and Grafana for observability.
- A good understanding of REST and gRPC APIs, message queues and event-driven architecture.
- Good written communication in English.

## Nice to have
- Experience with Rust or Scala, with Snowflake or BigQuery, and with dbt.
- Knowledge of PCI DSS and of payments.
- Contributions to open source.

## Benefits
- Remote-first, with a yearly meetup; a learning budget for books and conferences.
- 30 days of holiday and a pension plan.

## About us
We are an equal opportunity employer and value diversity at our company.
";

fn main() {
    // Repeat the body until the posting has about 1,000 words.
    let mut text = String::from(POSTING);
    while text.split_whitespace().count() < 1000 {
        text.push_str(&POSTING.replace("# Senior Backend Engineer", "## More about the role"));
    }
    let words = text.split_whitespace().count();
    let lex = Lexicon::builtin();
    let posting = parse_text(&text);
    let n = extract_keywords(&posting).len();
    let runs = 200;
    let t = Instant::now();
    for _ in 0..runs {
        black_box(extract_keywords(black_box(&parse_text(black_box(&text)))));
    }
    println!(
        "posting of {words} words: {n} keywords, {:.2} ms per parse and extraction",
        t.elapsed().as_secs_f64() * 1e3 / runs as f64
    );
    let answer = "In my last role I led the migration of twelve Java and Go services from VMs to Kubernetes on AWS. I wrote the Terraform modules, set up CI/CD with GitHub Actions, added Prometheus alerting and mentored two junior engineers through on-call. The hardest part was the stateful PostgreSQL workloads: we moved them last, behind a feature flag, after load testing with k6. Latency dropped 30% and deploys went from weekly to daily.";
    let m = lex.find(answer).len();
    let t = Instant::now();
    for _ in 0..10_000 {
        black_box(lex.find(black_box(answer)));
    }
    println!(
        "answer of {} bytes: {m} matches, {:.1} µs per call; lexicon {} entries, {} aliases",
        answer.len(),
        t.elapsed().as_secs_f64() * 1e6 / 10_000.0,
        lex.len(),
        lex.alias_count()
    );
}
