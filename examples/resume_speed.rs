//! Timing of the résumé path: a two-page PDF résumé read and analysed (targets: under
//! 200 ms), and the likely questions for a job (under 50 ms). Run by `make bench`.
//!
//! `cargo run --release --example resume_speed`

use std::time::Instant;

use cuecard::jobs::{extract_keywords, posting::parse_text};
use cuecard::resume::pdf::{write_pdf, PlacedText};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // Two pages: a header, three roles of five bullets each per page, education and skills.
    let bullets = [
        "• Led a team of 6 engineers rebuilding the billing platform in Rust and PostgreSQL",
        "• Cut p99 latency of the checkout API by 45% with Redis caching and query tuning",
        "• Moved 40 services from VMs to Kubernetes on AWS, with Terraform and Helm",
        "• Built Kafka pipelines in Python processing 30,000 events per second",
        "• Mentored four junior engineers and ran the on-call rotation",
    ];
    let companies = [
        "Northwind",
        "Contoso",
        "Fabrikam",
        "Tailspin",
        "Litware",
        "Adventure Works",
    ];
    let mut texts: Vec<String> = Vec::new();
    for (i, c) in companies.iter().enumerate() {
        texts.push(format!("{c} | Senior Software Engineer"));
        texts.push(format!("Jan {} – Dec {}", 2012 + i * 2, 2013 + i * 2));
    }
    let mut pages: Vec<Vec<PlacedText<'_>>> = vec![Vec::new(), Vec::new()];
    pages[0].push((72.0, 740.0, 20.0, "Robin Example"));
    pages[0].push((72.0, 710.0, 13.0, "EXPERIENCE"));
    for (i, _) in companies.iter().enumerate() {
        let page = i / 3;
        let top = if page == 0 { 690.0 } else { 740.0 } - (i % 3) as f32 * 150.0;
        pages[page].push((72.0, top, 10.0, texts[2 * i].as_str()));
        pages[page].push((430.0, top, 10.0, texts[2 * i + 1].as_str()));
        for (k, b) in bullets.iter().enumerate() {
            pages[page].push((80.0, top - 16.0 - 14.0 * k as f32, 10.0, b));
        }
    }
    pages[1].push((72.0, 280.0, 13.0, "EDUCATION"));
    pages[1].push((
        72.0,
        262.0,
        10.0,
        "University of Somewhere | BSc Computer Science",
    ));
    pages[1].push((430.0, 262.0, 10.0, "2008 – 2012"));
    pages[1].push((72.0, 240.0, 13.0, "SKILLS"));
    pages[1].push((
        72.0,
        222.0,
        10.0,
        "Rust, Go, Python, PostgreSQL, Redis, Kafka, Kubernetes, AWS, Terraform, Helm",
    ));
    let refs: Vec<&[PlacedText<'_>]> = pages.iter().map(|p| p.as_slice()).collect();
    let pdf = write_pdf(&refs);
    let path = std::path::Path::new("resume.pdf");

    let mut read = Vec::new();
    let mut resume = None;
    for _ in 0..30 {
        let t = Instant::now();
        let text = cuecard::resume::normalise(&pdf, path).expect("the generated PDF reads");
        let (r, _) = cuecard::resume::analyse("r", "r", "resume.pdf", &text);
        read.push(t.elapsed().as_secs_f64() * 1000.0);
        resume = Some(r);
    }
    let resume = resume.expect("analysed");
    println!(
        "résumé: two-page PDF ({} KB, {} roles, {} bullets) read and analysed in {:.1} ms (median of 30; target 200 ms)",
        pdf.len() / 1024,
        resume.roles.len(),
        resume.roles.iter().map(|r| r.bullets.len()).sum::<usize>(),
        median(read)
    );

    // A job and its match, as the library would give them.
    let posting = parse_text(
        "# Senior Backend Engineer\n\n## Requirements\n- 5+ years of Rust or Go\n- PostgreSQL, Kafka and Kubernetes\n- Terraform\n- GraphQL\n",
    );
    let keywords = extract_keywords(&posting);
    let job = cuecard::store::Job {
        id: "j1".into(),
        title: Some("Senior Backend Engineer".into()),
        company: None,
        url: None,
        source: None,
        interview_date: None,
        keywords: keywords.clone(),
        text: String::new(),
        requirements: Default::default(),
    };
    let report = cuecard::matching::match_cards(&keywords, &[]);
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..50 {
        let t = Instant::now();
        let m = cuecard::resume::against::against(&job, &resume, &report, "2026-11");
        let qs = cuecard::resume::questions::likely(&resume, Some(&job), Some(&m), &[], 10);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        n = qs.len();
    }
    println!(
        "résumé: match and {n} likely questions for a job in {:.2} ms (median of 50; target 50 ms)",
        median(times)
    );
}
