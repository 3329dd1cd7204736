use crate::{fixture, s, Lib};
use serde_json::Value;

fn setup() -> Lib {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v2.md"))]);
    lib
}

fn questions(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["question"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn words_must_all_match_and_snippets_are_segments() {
    let lib = setup();
    let v = lib.json(&["search", "kubernetes operator"]);
    assert_eq!(v["total"], 1);
    let hit = &v["hits"][0];
    for key in ["card_id", "deck", "question", "score", "snippet"] {
        assert!(hit.get(key).is_some(), "missing {key}");
    }
    assert!(v["warnings"].as_array().unwrap().is_empty());
    // Both words are needed: "kafka operator" matches nothing.
    assert_eq!(lib.json(&["search", "kafka operator"])["total"], 0);
    let seg = lib.json(&["search", "prometheus"]);
    let snippet = seg["hits"][0]["snippet"].as_array().unwrap();
    let marked: Vec<&str> = snippet
        .iter()
        .filter(|s| s["highlighted"] == true)
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, vec!["Prometheus"]);
    let whole: String = snippet
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(whole.contains("Queue depth"), "{whole}");
}

#[test]
fn stemming_prefix_and_question_boost() {
    let lib = setup();
    // "reconciling" and "reconciles" share a stem.
    assert_eq!(lib.json(&["search", "reconciling"])["total"], 1);
    // Search as you type: the last word is a prefix.
    assert_eq!(lib.json(&["search", "kuber"])["total"], 1);
    assert_eq!(lib.json(&["search", "rabbit"])["total"], 1);
    // A word in a question ranks that card above one that has it only in an answer.
    let v = lib.json(&["search", "migration"]);
    assert!(questions(&v)[0].contains("migration"));
}

#[test]
fn phrases_exclusion_or_and_fields() {
    let lib = setup();
    assert_eq!(lib.json(&["search", "\"replicated log\""])["total"], 1);
    assert_eq!(lib.json(&["search", "\"log replicated\""])["total"], 0);
    let both = lib.json(&["search", "kafka OR airflow"]);
    assert_eq!(both["total"], 2);
    let not_kafka = lib.json(&["search", "-kafka", "OR", "airflow"]);
    assert!(not_kafka["warnings"].as_array().is_some());
    assert_eq!(lib.json(&["search", "airflow -kafka"])["total"], 1);
    assert_eq!(lib.json(&["search", "airflow -migration"])["total"], 0);
    // q: only questions, a: only answers.
    assert_eq!(lib.json(&["search", "q:prometheus"])["total"], 0);
    assert_eq!(lib.json(&["search", "a:prometheus"])["total"], 1);
    assert_eq!(lib.json(&["search", "q:robots"])["total"], 1);
}

#[test]
fn deck_and_tag_filters() {
    let lib = setup();
    lib.json(&["sample"]);
    let all = lib.json(&["search", "team"])["total"].as_u64().unwrap();
    let acme = lib.json(&["search", "deck:\"acme robotics\"", "team"])["total"]
        .as_u64()
        .unwrap();
    let sample = lib.json(&["search", "deck:Sample", "team"])["total"]
        .as_u64()
        .unwrap();
    assert!(acme >= 1 && sample >= 1, "{acme} {sample}");
    assert_eq!(acme + sample, all);
    assert_eq!(lib.json(&["search", "tag:technical"])["total"], 4);
    assert_eq!(lib.json(&["search", "tag:behavioural kafka"])["total"], 0);
}

#[test]
fn skills_by_any_of_their_names() {
    let lib = setup();
    // The card says "Kubernetes"; k8s is the same skill.
    assert_eq!(lib.json(&["search", "skill:k8s"])["total"], 1);
    assert_eq!(lib.json(&["search", "skill:kubernetes"])["total"], 1);
    assert_eq!(
        lib.json(&["search", "skill:rabbitmq", "-kafka"])["total"],
        0
    );
    assert_eq!(lib.json(&["search", "skill:cobol"])["total"], 0);
}

#[test]
fn typos_are_forgiven_when_nothing_matches() {
    let lib = setup();
    let v = lib.json(&["search", "kubrenetes"]);
    assert_eq!(v["total"], 1);
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .contains("close spellings"));
    let v = lib.json(&["search", "zzzzqqq"]);
    assert_eq!(v["total"], 0);
}

#[test]
fn malformed_queries_still_search_with_a_warning() {
    let lib = setup();
    for q in ["\"replicated log", "kafka -", "deck: kafka", "OR kafka"] {
        let run = lib.run(&["--json", "search", q]);
        assert_eq!(run.code, 0, "{q}: {}", run.stdout);
        let v = run.json();
        assert!(
            !v["warnings"].as_array().unwrap().is_empty(),
            "no warning for {q}"
        );
        assert!(v["total"].as_u64().unwrap() >= 1, "{q} found nothing");
    }
    // Punctuation only matches nothing, without an error.
    assert_eq!(lib.json(&["search", "+++"])["total"], 0);
}

#[test]
fn human_output_lists_hits() {
    let lib = setup();
    let run = lib.run(&["search", "kafka"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("[Kafka]"), "{}", run.stdout);
    assert!(run.stdout.contains("1 of 1 matching cards"));
}

#[test]
fn index_is_rebuilt_when_missing_or_corrupt() {
    let lib = setup();
    let index = lib.library_dir().join("index");
    std::fs::remove_dir_all(&index).unwrap();
    assert_eq!(lib.json(&["search", "kafka"])["total"], 1);
    std::fs::write(index.join("meta.json"), b"{ not json").unwrap();
    assert_eq!(lib.json(&["search", "kafka"])["total"], 1);
    // A stale index (the store moved on without it) is rebuilt too.
    {
        let mut library = cuecard::Library::open(&lib.library_dir()).unwrap();
        library.import_sample().unwrap();
    }
    std::fs::remove_dir_all(&index).unwrap();
    assert!(lib.json(&["search", "rollback"])["total"].as_u64().unwrap() >= 1);
}

#[test]
fn a_second_writer_gets_a_busy_error_once_the_wait_is_over() {
    let lib = setup();
    let library = cuecard::Library::open(&lib.library_dir()).unwrap();
    let (index, _) = cuecard::index::SearchIndex::open(&library.root().join("index")).unwrap();
    let _writer = index.writer(1).unwrap();
    let run = lib.run_env(
        &["--json", "import", s(&fixture("prep-v1.md"))],
        &[("CUECARD_WRITER_WAIT_MS", "300")],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "library_busy");
    // Reading still works while the writer is held.
    assert_eq!(lib.json(&["search", "kafka"])["total"], 1);
}

#[test]
fn a_search_while_another_process_writes_answers_from_the_index_it_has() {
    let lib = setup();
    let library = cuecard::Library::open(&lib.library_dir()).unwrap();
    let (index, _) = cuecard::index::SearchIndex::open(&library.root().join("index")).unwrap();
    // Another process has committed cards to the store and holds the index writer.
    let _writer = index.writer(1).unwrap();
    let db = lib.library_dir().join("library.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO meta(key, value) VALUES('generation', '999') \
         ON CONFLICT(key) DO UPDATE SET value = '999'",
        [],
    )
    .unwrap();
    let started = std::time::Instant::now();
    let r = lib.json(&["search", "kafka"]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "it did not wait"
    );
    assert_eq!(r["total"], 1);
    assert!(
        r["warnings"][0]
            .as_str()
            .unwrap()
            .contains("another Cuecard process is updating"),
        "{r}"
    );
}

#[test]
fn an_open_library_sees_what_another_process_changed() {
    let lib = setup();
    let mut open = cuecard::Library::open(&lib.library_dir()).unwrap();
    assert!(!open.refresh_if_changed().unwrap(), "nothing changed yet");
    assert_eq!(open.search("zeppelin", 10).unwrap().total, 0);
    // The command line imports while the library is open elsewhere.
    let doc = lib.write(
        "more.md",
        "# More\n\n## How would you shard the zeppelin table?\n\nBy customer id, with a sharding key in every query.\n",
    );
    lib.json(&["import", s(&doc)]);
    assert!(open.refresh_if_changed().unwrap());
    assert_eq!(open.search("zeppelin", 10).unwrap().total, 1);
    assert!(!open.refresh_if_changed().unwrap(), "seen once");
}

#[test]
fn a_writer_waits_for_another_process_to_finish() {
    let lib = setup();
    let library = cuecard::Library::open(&lib.library_dir()).unwrap();
    let (index, _) = cuecard::index::SearchIndex::open(&library.root().join("index")).unwrap();
    let writer = index.writer(1).unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(800));
        drop(writer);
    });
    let run = lib.run(&["--json", "import", s(&fixture("prep-v2.md"))]);
    release.join().unwrap();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_note_saved_while_another_process_holds_the_index_is_reported_saved() {
    let lib = setup();
    let cards = lib.json(&["cards"]);
    let id = cards["cards"][0]["id"].as_str().unwrap().to_string();
    {
        let library = cuecard::Library::open(&lib.library_dir()).unwrap();
        let (index, _) = cuecard::index::SearchIndex::open(&library.root().join("index")).unwrap();
        let _writer = index.writer(1).unwrap();
        let run = lib.run_env(
            &["--json", "note", "add", &id, "zanzibar", "rollout"],
            &[("CUECARD_WRITER_WAIT_MS", "200")],
        );
        assert_eq!(
            run.code, 0,
            "the note is saved, so it is not a failure: {}",
            run.stderr
        );
    }
    let shown = lib.json(&["show", &id]);
    assert_eq!(shown["annotations"]["notes"][0]["body"], "zanzibar rollout");
    // The index caught up when the library was next opened.
    assert_eq!(lib.json(&["search", "note:zanzibar"])["total"], 1);
}

#[test]
fn many_processes_open_a_new_library_at_once() {
    let lib = crate::Lib::new();
    let runs: Vec<_> = (0..8)
        .map(|_| {
            let dir = lib.library_dir();
            std::thread::spawn(move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_cuecard"))
                    .arg("--library")
                    .arg(dir)
                    .args(["--json", "decks"])
                    .env_remove("CUECARD_LIBRARY")
                    .output()
                    .expect("run cuecard")
            })
        })
        .collect();
    for r in runs {
        let out = r.join().unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

mod random_queries {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn library() -> &'static (Lib, std::sync::Mutex<cuecard::Library>) {
        static LIB: OnceLock<(Lib, std::sync::Mutex<cuecard::Library>)> = OnceLock::new();
        LIB.get_or_init(|| {
            let lib = setup();
            let library = cuecard::Library::open(&lib.library_dir()).unwrap();
            (lib, std::sync::Mutex::new(library))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// No query text makes search fail or panic: it always answers, with warnings at worst.
        #[test]
        fn any_query_text_searches(q in r#"[a-zA-Z0-9 "\-:()*+?!~^\\/é漢😀]{0,40}"#) {
            let (_, library) = library();
            let library = library.lock().unwrap();
            let r = library.search(&q, 10).unwrap();
            prop_assert!(r.hits.len() <= 10);
            prop_assert!(r.total >= r.hits.len());
            for hit in &r.hits {
                let joined: String = hit.question_segments.iter().map(|s| s.text.as_str()).collect();
                prop_assert_eq!(joined, hit.question.clone());
            }
        }
    }
}
