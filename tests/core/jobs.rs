use crate::{fixture, s, Lib};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

fn keyword<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"].as_str().unwrap().eq_ignore_ascii_case(name))
        .unwrap_or_else(|| panic!("no {name} in {v}"))
}

#[test]
fn keywords_of_a_posting_file() {
    let lib = Lib::new();
    let v = lib.json(&["keywords", s(&fixture("posting-ml-infra.md"))]);
    for key in ["id", "name", "kind", "section", "weight", "count"] {
        assert!(v["keywords"][0].get(key).is_some(), "missing {key}");
    }
    let kube = keyword(&v, "Kubernetes");
    assert_eq!(kube["section"], "responsibilities");
    assert_eq!(kube["kind"], "hard_skill");
    let python = keyword(&v, "Python");
    assert_eq!(python["section"], "required");
    assert_eq!(keyword(&v, "Terraform")["section"], "preferred");
    assert_eq!(keyword(&v, "Go")["section"], "preferred");
    assert_eq!(keyword(&v, "Communication")["kind"], "soft_skill");
    // A practice the lexicon knows, named as the posting names it.
    assert_eq!(keyword(&v, "distributed training")["kind"], "hard_skill");
    // Benefits and boilerplate weigh nothing.
    assert!(
        python["weight"].as_f64().unwrap() > keyword(&v, "Terraform")["weight"].as_f64().unwrap()
    );
}

#[test]
fn jobs_are_kept_matched_and_corrected() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v2.md"))]);
    let job = lib.json(&[
        "job",
        "add",
        s(&fixture("posting-ml-infra.md")),
        "--company",
        "Acme",
        "--date",
        "2026-12-10",
    ]);
    let id = job["job"]["id"].as_str().unwrap().to_string();
    assert_eq!(job["job"]["title"], "Senior ML Infrastructure Engineer");
    assert_eq!(job["job"]["company"], "Acme");
    assert_eq!(job["job"]["interview_date"], "2026-12-10");
    let jobs = lib.json(&["jobs"]);
    assert_eq!(jobs["jobs"].as_array().unwrap().len(), 1);

    let m = lib.json(&["match", &id]);
    for key in [
        "score",
        "required_coverage",
        "preferred_coverage",
        "keywords",
        "gaps",
        "ranking",
    ] {
        assert!(m.get(key).is_some(), "missing {key}");
    }
    let kube = m["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "Kubernetes")
        .unwrap();
    assert_eq!(kube["covered_by"].as_array().unwrap().len(), 1, "{kube}");
    let gaps: Vec<&str> = m["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    let rust = m["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "Rust")
        .unwrap();
    assert!(gaps.contains(&rust["id"].as_str().unwrap()));
    let top = &m["ranking"][0];
    assert!(
        top["matched"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "kubernetes"),
        "{top}"
    );
    let score = m["score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 100.0);

    // Correct the list: drop Rust, add Kafka; the job remembers.
    lib.json(&["job", "keyword", "rm", &id, "Rust"]);
    lib.json(&["job", "keyword", "add", &id, "Kafka", "--weight", "2"]);
    let again = lib.json(&["job", "show", &id]);
    let names: Vec<&str> = again["job"]["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"Rust"), "{names:?}");
    assert!(
        names.iter().any(|n| n.to_lowercase().contains("kafka")),
        "{names:?}"
    );
    let m2 = lib.json(&["match", &id]);
    let kafka = m2["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"].as_str().unwrap().to_lowercase().contains("kafka"))
        .unwrap();
    assert_eq!(kafka["covered_by"].as_array().unwrap().len(), 1);
    assert!(m2["score"].as_f64().unwrap() > score);
}

#[test]
fn bad_dates_and_empty_postings_are_refused() {
    let lib = Lib::new();
    let run = lib.run(&[
        "--json",
        "job",
        "add",
        s(&fixture("posting-ml-infra.md")),
        "--date",
        "next week",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("YYYY-MM-DD"));
    let empty = lib.write("empty.txt", "  \n");
    let run = lib.run(&["--json", "keywords", s(&empty)]);
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "invalid_input");
}

/// One HTTP answer per connection, from a server on 127.0.0.1.
fn serve(body: &'static str, status: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            loop {
                let mut l = String::new();
                if reader.read_line(&mut l).unwrap_or(0) == 0 || l == "\r\n" {
                    break;
                }
            }
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{addr}/jobs/1")
}

#[test]
fn postings_are_fetched_from_a_url() {
    let url = serve(
        "<html><head><title>Platform Engineer</title></head><body><nav>Jobs Home</nav><h2>Requirements</h2><ul><li>Kubernetes and Terraform</li></ul><footer>Scala Corp</footer></body></html>",
        "200 OK",
    );
    let lib = Lib::new();
    let v = lib.json(&["keywords", &url]);
    assert_eq!(keyword(&v, "Kubernetes")["section"], "required");
    assert!(!v["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["name"] == "Scala"));
    let job = lib.json(&["job", "add", &url]);
    assert_eq!(job["job"]["title"], "Platform Engineer");
    assert_eq!(job["job"]["url"], url.as_str());

    let dead = serve("gone", "404 Not Found");
    let run = lib.run(&["--json", "keywords", &dead]);
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "fetch_failed");
    assert!(run.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("404"));
}

/// The window and the CLI match through the search index; the pure scan over card text is
/// the reference. Both must agree on what covers each keyword.
#[test]
fn index_matching_agrees_with_the_reference_scan() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = cuecard::Library::open(dir.path()).unwrap();
    lib.import_file(&fixture("prep-v1.md"), None).unwrap();
    lib.import_file(&fixture("prep-v2.md"), Some("Second"))
        .unwrap();
    lib.import_sample().unwrap();
    let posting = std::fs::read_to_string(fixture("posting-ml-infra.md")).unwrap();
    let parsed = cuecard::jobs::parse_posting(&posting, None);
    let keywords = cuecard::jobs::extract_keywords(&parsed);
    assert!(keywords.len() > 5);
    let by_index = lib.match_keywords(&keywords, None).unwrap();
    let cards: Vec<cuecard::matching::CardText> = lib
        .cards(None, false)
        .unwrap()
        .into_iter()
        .map(|c| cuecard::matching::CardText {
            answer: cuecard::render::plain_text(&c.answer),
            id: c.id,
            question: c.question,
            skills: c.skills,
        })
        .collect();
    let by_scan = cuecard::matching::match_cards(&keywords, &cards);
    let mut disagreements = Vec::new();
    for (a, b) in by_index.keywords.iter().zip(&by_scan.keywords) {
        assert_eq!(a.id, b.id);
        if a.strong != b.strong || a.covered_by.len() != b.covered_by.len() {
            disagreements.push(format!(
                "{}: {:?} vs {:?}",
                a.name, a.covered_by, b.covered_by
            ));
        }
    }
    assert!(
        disagreements.len() * 10 <= keywords.len(),
        "index and scan disagree on more than a tenth of the keywords: {disagreements:#?}"
    );
    assert_eq!(by_index.gaps, by_scan.gaps);
    assert_eq!(
        by_index.ranking.first().map(|r| &r.card_id),
        by_scan.ranking.first().map(|r| &r.card_id)
    );
    assert!((by_index.score - by_scan.score).abs() < 5.0);
    // Each ranked card carries its own question (read for all of them in one query).
    let questions: std::collections::HashMap<_, _> = lib
        .cards(None, false)
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.question))
        .collect();
    assert!(!by_index.ranking.is_empty());
    for r in &by_index.ranking {
        assert_eq!(Some(&r.question), questions.get(&r.card_id), "{r:?}");
    }
}

#[test]
fn an_ambiguous_skill_is_not_covered_by_the_ordinary_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = cuecard::Library::open(dir.path()).unwrap();
    let doc = dir.path().join("prep.md");
    std::fs::write(
        &doc,
        "## Q: Why did the launch slip?\n\nWe had to go back and fix the migration first.\n\n\
         ## Q: What do you build services in?\n\nMostly Go and Python, with gRPC between them.\n",
    )
    .unwrap();
    lib.import_file(&doc, None).unwrap();
    let parsed = cuecard::jobs::parse_posting(
        "Requirements:\n- Strong experience with Go (Golang) and Kubernetes\n",
        None,
    );
    let keywords = cuecard::jobs::extract_keywords(&parsed);
    let report = lib.match_keywords(&keywords, None).unwrap();
    let go = report
        .keywords
        .iter()
        .find(|k| k.name.eq_ignore_ascii_case("go"))
        .expect("Go is a keyword");
    let cards = lib.cards(None, false).unwrap();
    let services = cards
        .iter()
        .find(|c| c.question.contains("build services"))
        .unwrap();
    let slip = cards.iter().find(|c| c.question.contains("slip")).unwrap();
    assert!(go.strong.contains(&services.id), "{go:?}");
    assert!(
        !go.covered_by.contains(&slip.id),
        "the verb \"go\" is not the language: {go:?}"
    );
}

#[test]
fn a_posting_in_another_language_is_refused_and_nothing_is_kept() {
    let lib = Lib::new();
    let german = lib.write(
        "stelle.md",
        "# Backend-Entwickler (m/w/d)\n\nDeine Aufgaben:\n- Du entwickelst und betreibst unsere \
         Microservices mit Kotlin und Kubernetes\n- Du arbeitest eng mit dem Produktteam zusammen \
         und übernimmst Verantwortung für Qualität\n\nDein Profil:\n- Mehrjährige Erfahrung in der \
         Softwareentwicklung, idealerweise mit PostgreSQL und Kafka\n- Sehr gute Deutschkenntnisse, \
         gute Englischkenntnisse\n- Freude an sauberem Code und automatisierten Tests\n\nWir bieten \
         ein flexibles Arbeitsumfeld, Weiterbildung und ein tolles Team in Berlin.\n",
    );
    let run = lib.run(&["--json", "job", "add", s(&german)]);
    assert_eq!(run.code, 1);
    let err = run.json();
    assert_eq!(err["error"]["code"], "invalid_input");
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("English"));
    assert_eq!(lib.json(&["jobs"])["jobs"].as_array().unwrap().len(), 0);
    // An English posting with the same technologies is read.
    let english = lib.write(
        "job.md",
        "# Backend developer\n\nWhat you will do:\n- You build and run our microservices with Kotlin \
         and Kubernetes\n- You work closely with the product team and own the quality of what we ship\n\n\
         About you:\n- Several years of experience in software development, ideally with PostgreSQL and Kafka\n",
    );
    let v = lib.json(&["keywords", s(&english)]);
    assert!(v["keywords"].as_array().unwrap().len() >= 3);
}

#[test]
fn keywords_come_with_requirements_and_leave_out_the_company_and_languages() {
    let lib = crate::Lib::new();
    let p = lib.write(
        "globex.md",
        "# Senior Site Reliability Engineer at Globex\n\n## About Globex\n\nAt Globex, we move freight. Globex is hiring.\n\n\
         ## Requirements\n\n- 5+ years of Python and 3 years of Kubernetes\n- Hands-on with the Prometheus ecosystem; Grafana, Loki, Tempo\n\
         - BS in Computer Science or equivalent experience\n- Fluent English\n- Infrastructure as code with Terraform\n\n\
         ## Nice to have\n\n- Experience with AWS Lambda and EC2\n",
    );
    let v = lib.json(&["keywords", crate::s(&p)]);
    let names: Vec<&str> = v["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    for want in [
        "Python",
        "Kubernetes",
        "Prometheus",
        "Grafana",
        "Terraform",
        "AWS Lambda",
        "Amazon EC2",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for noise in ["Globex", "English"] {
        assert!(
            !names.iter().any(|n| n.contains(noise)),
            "{noise} in {names:?}"
        );
    }
    let r = &v["requirements"];
    assert_eq!(r["seniority"], "senior");
    assert_eq!(r["degree"], "bachelor's");
    assert_eq!(r["degree_or_experience"], true);
    let python = v["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "Python")
        .unwrap();
    assert_eq!(python["years"], 5);
    assert_eq!(python["group"], "languages");
}
