//! Notes, highlights, tags, stars, edits and versions through the CLI, and that none of it
//! is lost: across re-imports of an edited document, and through markdown and JSON exports
//! imported into a fresh library. Also CSV for Anki, backups and restore.

use serde_json::Value;

use crate::{fixture, s, Lib};

fn cards(lib: &Lib, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["cards"];
    args.extend_from_slice(extra);
    lib.json(&args)["cards"].as_array().unwrap().clone()
}

fn card<'a>(list: &'a [Value], question_part: &str) -> &'a Value {
    list.iter()
        .find(|c| c["question"].as_str().unwrap().contains(question_part))
        .unwrap_or_else(|| panic!("no card with {question_part}"))
}

fn id_of(lib: &Lib, question_part: &str) -> String {
    card(&cards(lib, &[]), question_part)["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn hits(lib: &Lib, query: &str) -> Vec<String> {
    lib.json(&["search", "--limit", "50", query])["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["question"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn notes_tags_stars_show_in_cards_and_search() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let id = id_of(&lib, "Kubernetes operator");
    lib.json(&[
        "note",
        "add",
        &id,
        "mention",
        "the",
        "14-minute",
        "rollback",
    ]);
    lib.json(&["tag", "add", &id, "Star Story"]);
    lib.json(&["tag", "rm", &id, "technical"]);
    lib.json(&["star", &id]);

    let list = cards(&lib, &[]);
    let c = card(&list, "Kubernetes operator");
    assert_eq!(c["notes"][0]["body"], "mention the 14-minute rollback");
    assert_eq!(c["tags"], serde_json::json!(["star-story"]));
    assert_eq!(c["starred"], true);
    assert_eq!(c["orphans"], serde_json::json!([]));
    let other = card(&list, "Kafka");
    assert_eq!(other["starred"], false);
    assert_eq!(other["notes"], serde_json::json!([]));

    assert_eq!(hits(&lib, "note:rollback").len(), 1);
    assert!(hits(&lib, "rollback").is_empty(), "notes only with note:");
    assert_eq!(hits(&lib, "tag:star-story").len(), 1);
    assert!(hits(&lib, "tag:technical")
        .iter()
        .all(|q| !q.contains("Kubernetes")));
    assert_eq!(hits(&lib, "is:starred").len(), 1);
    assert_eq!(hits(&lib, "is:starred kafka").len(), 0);
    let r = lib.json(&["search", "is:shiny"]);
    assert!(r["warnings"][0].as_str().unwrap().contains("is:starred"));

    let shown = lib.json(&["show", &id]);
    assert_eq!(shown["card"]["starred"], true);
    assert_eq!(
        shown["annotations"]["notes"][0]["body"],
        "mention the 14-minute rollback"
    );
    let human = lib.run(&["show", &id]);
    assert!(human.stdout.contains("Note 1"), "{}", human.stdout);
    assert!(human.stdout.contains("Starred"));

    lib.json(&["star", &id, "--off"]);
    assert!(hits(&lib, "is:starred").is_empty());
    let run = lib.run(&["--json", "note", "add", "deadbeef0000", "x"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "not_found");
    let run = lib.run(&["--json", "tag", "add", &id, "!!!"]);
    assert_eq!(run.code, 1);
}

#[test]
fn reimport_keeps_notes_on_changed_cards_and_orphans_deleted_highlights() {
    let lib = Lib::new();
    let doc = lib.write("prep.md", std::fs::read(fixture("prep-v1.md")).unwrap());
    lib.json(&["import", s(&doc)]);
    let k8s = id_of(&lib, "Kubernetes operator");
    let manager = id_of(&lib, "disagreement");
    let migration = id_of(&lib, "led a migration");
    lib.json(&["note", "add", &k8s, "say the shard count"]);
    lib.json(&[
        "highlight",
        &k8s,
        "We measured queue depth with Prometheus",
        "--comment",
        "numbers!",
    ]);
    lib.json(&["highlight", &k8s, "rate-limit the work queue"]);
    lib.json(&["note", "add", &manager, "the latency chart story"]);
    lib.json(&["note", "add", &migration, "two weeks side by side"]);

    // v2: the Kubernetes answer changed (the highlighted sentence is gone), the manager
    // card is gone, a card is new, and the migration question is reworded a little.
    let v2 = std::fs::read_to_string(fixture("prep-v2.md"))
        .unwrap()
        .replace(
            "Tell me about a time you led a migration.",
            "Tell me about a time when you led a migration?",
        );
    std::fs::write(&doc, v2).unwrap();
    let report = lib.json(&["import", s(&doc)]);
    let d = &report["decks"][0];
    assert_eq!(d["added"], 1, "{d}");
    assert_eq!(d["removed"], 1);
    assert_eq!(
        d["updated"], 2,
        "the changed answer and the reworded question"
    );

    let list = cards(&lib, &[]);
    let k = card(&list, "Kubernetes operator");
    assert_eq!(k["id"], k8s.as_str());
    assert_eq!(k["notes"][0]["body"], "say the shard count");
    assert_eq!(k["orphans"].as_array().unwrap().len(), 1);
    assert_eq!(
        k["orphans"][0]["exact"],
        "We measured queue depth with Prometheus"
    );
    assert_eq!(k["orphans"][0]["comment"], "numbers!");
    assert_eq!(k["highlights"].as_array().unwrap().len(), 1);
    assert_eq!(k["highlights"][0]["exact"], "rate-limit the work queue");

    let m = card(&list, "when you led a migration");
    assert_eq!(m["id"], migration.as_str(), "a small edit keeps the card");
    assert_eq!(m["notes"][0]["body"], "two weeks side by side");

    let archived = cards(&lib, &["--archived"]);
    let gone = card(&archived, "disagreement");
    assert_eq!(gone["archived"], true);
    assert_eq!(gone["notes"][0]["body"], "the latency chart story");
    assert!(list.iter().all(|c| c["archived"] == false));

    // The card comes back, note and all, when the question returns.
    std::fs::write(&doc, std::fs::read(fixture("prep-v1.md")).unwrap()).unwrap();
    lib.json(&["import", s(&doc)]);
    let back = cards(&lib, &[]);
    assert_eq!(
        card(&back, "disagreement")["notes"][0]["body"],
        "the latency chart story"
    );
    // And its changed answer left a history.
    let h = lib.json(&["history", &k8s]);
    assert!(h["versions"].as_array().unwrap().len() >= 2);
}

#[test]
fn app_edits_survive_reimport_and_conflicts_wait_for_a_choice() {
    let lib = Lib::new();
    let doc = lib.write("prep.md", std::fs::read(fixture("prep-v1.md")).unwrap());
    lib.json(&["import", s(&doc)]);
    let k8s = id_of(&lib, "Kubernetes operator");
    let kafka = id_of(&lib, "Kafka");
    let answer = lib.write("a.md", "Shard by namespace; **12** workers; informers.\n");
    lib.json(&["edit", &k8s, "--answer-file", s(&answer)]);
    lib.json(&[
        "edit",
        &kafka,
        "--question",
        "Kafka or RabbitMQ: when would you pick each?",
    ]);

    // Same document again: edits stay, no conflicts.
    let r = lib.json(&["import", s(&doc)]);
    assert_eq!(r["decks"][0]["conflicts"], 0);
    let list = cards(&lib, &[]);
    assert!(card(&list, "Kubernetes operator")["answer"]
        .as_str()
        .unwrap()
        .contains("**12** workers"));
    assert!(list
        .iter()
        .any(|c| c["question"] == "Kafka or RabbitMQ: when would you pick each?"));

    // The document changes the edited answer too: the app's text stays, marked.
    std::fs::write(&doc, std::fs::read(fixture("prep-v2.md")).unwrap()).unwrap();
    let r = lib.json(&["import", s(&doc)]);
    assert_eq!(r["decks"][0]["conflicts"], 1);
    let list = cards(&lib, &[]);
    let k = card(&list, "Kubernetes operator");
    assert!(k["answer"].as_str().unwrap().contains("**12** workers"));
    assert_eq!(k["conflict"], true);
    assert_eq!(hits(&lib, "is:conflict").len(), 1);

    // Choosing the file's version takes it and keeps the edit as a version.
    let v = lib.json(&["resolve", &k8s, "--keep", "file"]);
    assert_eq!(v["conflict"], Value::Null);
    let list = cards(&lib, &[]);
    let k = card(&list, "Kubernetes operator");
    assert!(k["answer"].as_str().unwrap().contains("Grafana"));
    assert_eq!(k["conflict"], false);
    let h = lib.json(&["history", &k8s]);
    let versions = h["versions"].as_array().unwrap();
    assert!(versions
        .iter()
        .any(|v| v["answer"].as_str().unwrap().contains("**12** workers")));
    assert_eq!(versions[0]["current"], true);
    assert_eq!(versions[0]["origin"], "file");

    // Any version can be brought back.
    let edit = versions.iter().find(|v| v["origin"] == "edit").unwrap()["id"]
        .as_i64()
        .unwrap();
    lib.json(&["history", &k8s, "--restore", &edit.to_string()]);
    assert!(card(&cards(&lib, &[]), "Kubernetes operator")["answer"]
        .as_str()
        .unwrap()
        .contains("**12** workers"));
    let run = lib.run(&["--json", "resolve", &k8s, "--keep", "app"]);
    assert_eq!(run.code, 1, "no conflict left to settle");
}

#[test]
fn markdown_export_with_notes_reimports_without_loss() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let k8s = id_of(&lib, "Kubernetes operator");
    lib.json(&[
        "note",
        "add",
        &k8s,
        "first note with **bold** and a list:\n\n- one\n- two",
    ]);
    lib.json(&["note", "add", &k8s, "second note -- with dashes"]);
    lib.json(&["tag", "add", &k8s, "star-story"]);
    lib.json(&["tag", "rm", &k8s, "technical"]);
    lib.json(&["star", &k8s]);
    lib.json(&[
        "highlight",
        &k8s,
        "informers with a shared cache",
        "--comment",
        "say why",
    ]);
    let out = lib.path().join("export.md");
    lib.json(&["export", "--format", "md", "-o", s(&out)]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("> **Note** <!-- cuecard:note -->"));

    let fresh = Lib::new();
    let r = fresh.json(&["import", s(&out)]);
    assert_eq!(r["decks"][0]["cards"], 5);
    let before = cards(&lib, &[]);
    let after = cards(&fresh, &[]);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a["question"], b["question"]);
        assert_eq!(a["answer"], b["answer"], "answers come back whole");
        assert_eq!(a["tags"], b["tags"]);
        assert_eq!(a["starred"], b["starred"]);
        let bodies = |c: &Value| {
            c["notes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["body"].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(bodies(a), bodies(b));
    }
    let k = card(&after, "Kubernetes operator");
    assert_eq!(k["highlights"][0]["exact"], "informers with a shared cache");
    assert_eq!(k["highlights"][0]["comment"], "say why");
    // Importing the same export again adds nothing twice.
    fresh.json(&["import", s(&out)]);
    assert_eq!(
        card(&cards(&fresh, &[]), "Kubernetes operator")["notes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn json_export_into_a_fresh_library_is_the_same_library() {
    let lib = Lib::new();
    let doc = lib.write("prep.md", std::fs::read(fixture("prep-v1.md")).unwrap());
    lib.json(&["import", s(&doc)]);
    let k8s = id_of(&lib, "Kubernetes operator");
    lib.json(&["note", "add", &k8s, "a note"]);
    lib.json(&["tag", "add", &k8s, "favourite"]);
    lib.json(&["highlight", &k8s, "Shard reconciliation"]);
    let answer = lib.write("a.md", "Edited answer.\n");
    lib.json(&["edit", &k8s, "--answer-file", s(&answer)]);
    lib.json(&[
        "review",
        &k8s,
        "--rating",
        "good",
        "--seconds",
        "42",
        "--at",
        "2026-02-01T10:00:00Z",
    ]);
    std::fs::write(&doc, std::fs::read(fixture("prep-v2.md")).unwrap()).unwrap();
    lib.json(&["import", s(&doc)]); // archives one card, makes a conflict
    let out = lib.path().join("all.json");
    lib.json(&["export", "--format", "json", "-o", s(&out)]);

    let fresh = Lib::new();
    let first = fresh.json(&["import", s(&out)]);
    let total = cards(&lib, &[]).len() + cards(&lib, &["--archived"]).len();
    assert_eq!(first["decks"][0]["added"], total, "{first}");
    assert_eq!(first["decks"][0]["unchanged"], 0);
    // The same export again: nothing added, everything left as it was, said so.
    let again = fresh.json(&["import", s(&out)]);
    assert_eq!(again["decks"][0]["added"], 0, "{again}");
    assert_eq!(again["decks"][0]["unchanged"], total);
    for extra in [&[][..], &["--archived"][..]] {
        let a = cards(&lib, extra);
        let b = cards(&fresh, extra);
        assert_eq!(a, b, "cards {extra:?} differ");
    }
    assert_eq!(lib.json(&["history", &k8s]), fresh.json(&["history", &k8s]));
    assert_eq!(lib.json(&["decks"]), fresh.json(&["decks"]).clone());
    let run = fresh.run(&["--json", "import", s(&fixture("prep-v1.md"))]);
    assert_eq!(run.code, 0);

    let bad = lib.write("not-ours.json", "{\"hello\": 1}");
    let run = fresh.run(&["--json", "import", s(&bad)]);
    assert_eq!(run.code, 1);
    assert!(run.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not a Cuecard JSON export"));
}

#[test]
fn csv_for_anki_has_front_back_tags() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let k8s = id_of(&lib, "Kubernetes operator");
    lib.json(&["tag", "add", &k8s, "star-story"]);
    let run = lib.run(&["export", "--format", "csv"]);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "#separator:Comma");
    assert_eq!(lines[1], "#html:true");
    assert!(lines.iter().any(|l| l.starts_with("#tags column:3")));
    let row = lines
        .iter()
        .find(|l| l.contains("Kubernetes operator"))
        .unwrap();
    assert!(row.starts_with("\"How would you scale a Kubernetes operator"));
    assert!(row.ends_with("\"technical star-story\""), "{row}");
    assert!(
        run.stdout.contains("<li>cut failed nightly runs"),
        "answers are HTML"
    );
}

#[test]
fn backup_and_restore_bring_back_the_library() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let k8s = id_of(&lib, "Kubernetes operator");
    lib.json(&["note", "add", &k8s, "kept in the backup"]);
    let b = lib.json(&["backup"]);
    let path = b["backup"].as_str().unwrap().to_string();
    // The daily automatic one was made when the library was first used.
    let list = lib.json(&["backup", "--list"]);
    assert!(list["backups"].as_array().unwrap().len() >= 2);

    lib.json(&["note", "add", &k8s, "made after the backup"]);
    lib.json(&["import", s(&fixture("prep-v2.md")), "--deck", "Other"]);
    let r = lib.json(&["restore", &path]);
    assert_eq!(r["library"]["decks"], 1);
    let notes = card(&cards(&lib, &[]), "Kubernetes operator")["notes"].clone();
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["body"], "kept in the backup");
    assert!(
        lib.json(&["search", "note:backup"])["hits"]
            .as_array()
            .unwrap()
            .len()
            == 1
    );
    // What was replaced is itself saved.
    let prev = r["previous_saved_to"].as_str().unwrap();
    assert!(std::path::Path::new(prev).exists());

    let junk = lib.write("junk.sqlite", "not a database at all");
    let run = lib.run(&["--json", "restore", s(&junk)]);
    assert_eq!(run.code, 1);
    assert!(run.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not a Cuecard backup"));
    assert_eq!(
        cards(&lib, &[]).len(),
        5,
        "a failed restore changes nothing"
    );
}

#[test]
fn restore_while_another_process_writes_refuses_and_loses_nothing() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let b = lib.json(&["backup"]);
    let path = b["backup"].as_str().unwrap().to_string();
    lib.json(&["import", s(&fixture("prep-v2.md")), "--deck", "Other"]);
    let before = cards(&lib, &[]).len();
    // Another process in the middle of a write (an import's transaction).
    let db = lib.library_dir().join("library.sqlite");
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    writer
        .execute(
            "INSERT INTO meta(key, value) VALUES('written-by-the-other', '1')",
            [],
        )
        .unwrap();
    let run = lib.run(&["--json", "restore", &path]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("another Cuecard process is writing"),
        "{}",
        run.stdout
    );
    // The other process finishes: its write is there, and so is everything else.
    writer.execute_batch("COMMIT").unwrap();
    drop(writer);
    let check = rusqlite::Connection::open(&db).unwrap();
    let kept: Option<String> = check
        .query_row(
            "SELECT value FROM meta WHERE key = 'written-by-the-other'",
            [],
            |r| r.get(0),
        )
        .ok();
    assert_eq!(kept.as_deref(), Some("1"));
    drop(check);
    assert_eq!(cards(&lib, &[]).len(), before);
    // Once nobody writes, the restore goes through, in place.
    let r = lib.json(&["restore", &path]);
    assert_eq!(r["library"]["decks"], 1);
    assert!(
        lib.json(&["search", "kubernetes"])["total"]
            .as_u64()
            .unwrap()
            >= 1
    );
}

#[test]
fn cards_written_in_the_app_are_kept_searchable_and_survive_imports() {
    let lib = Lib::new();
    let doc = lib.write("prep.md", std::fs::read(fixture("prep-v1.md")).unwrap());
    lib.json(&["import", s(&doc)]);
    let v = lib.json(&[
        "add",
        "Tell me about your experience with Terraform.",
        "--answer",
        "I wrote our **Terraform** modules for three AWS accounts.",
        "--tags",
        "gap,infra",
    ])["card"]
        .clone();
    assert_eq!(v["deck"], "My answers");
    assert_eq!(v["tags"], serde_json::json!(["gap", "infra"]));
    assert!(v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "terraform"));
    let again = lib.run(&[
        "--json",
        "add",
        "Tell me about your experience with Terraform.",
    ]);
    assert_eq!(
        again.code, 1,
        "the same question twice in a deck is refused"
    );
    assert_eq!(hits(&lib, "terraform modules").len(), 1);
    std::fs::write(&doc, std::fs::read(fixture("prep-v2.md")).unwrap()).unwrap();
    lib.json(&["import", s(&doc)]);
    assert_eq!(hits(&lib, "deck:\"My answers\"").len(), 1);
    let run = lib.run(&["--json", "add", "   "]);
    assert_eq!(run.code, 1);
}

#[test]
fn automatic_backups_are_daily_and_kept_for_a_week() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = cuecard::Library::open(dir.path()).unwrap();
    lib.import_sample().unwrap();
    let now = cuecard::rehearse::time::now();
    let first = lib.auto_backup(now).unwrap();
    assert!(first.is_some(), "the first change of the day makes one");
    assert!(lib.auto_backup(now).unwrap().is_none(), "one a day");
    // Eight days on, the old one is gone and today's is made.
    let later = now + 8 * 86_400;
    let made = lib.auto_backup(later).unwrap().expect("a new day's backup");
    assert!(
        !first.unwrap().exists(),
        "backups older than a week are deleted"
    );
    assert!(made.exists());
    // A backup made by hand is never deleted.
    let manual = lib.backup(now, "").unwrap();
    lib.auto_backup(later + 8 * 86_400).unwrap();
    assert!(manual.exists());
}

#[test]
fn the_days_backup_comes_before_the_first_change_in_cli_and_app_alike() {
    let autos = |dir: &std::path::Path| {
        cuecard::library::list_backups(dir)
            .into_iter()
            .filter(|b| b.path.ends_with("-auto.sqlite"))
            .count()
    };
    // The command line: reading makes none, the first change one, later changes no more.
    let lib = Lib::new();
    lib.json(&["search", "kafka"]);
    assert_eq!(
        autos(&lib.library_dir()),
        0,
        "reading never pays for a backup"
    );
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    assert_eq!(autos(&lib.library_dir()), 1);
    lib.json(&["import", s(&fixture("prep-v2.md"))]);
    assert_eq!(autos(&lib.library_dir()), 1, "one a day");

    // The app's way: the same call after opening, the backup made by the first write and
    // holding the library as it was before it.
    let dir = tempfile::tempdir().unwrap();
    let mut app = cuecard::Library::open(dir.path()).unwrap();
    app.import_sample().unwrap();
    app.back_up_before_first_write(cuecard::rehearse::time::now());
    app.search("rollback", 10).unwrap();
    assert_eq!(autos(dir.path()), 0);
    let card = app.cards(None, false).unwrap()[0].id.0.clone();
    app.add_note(&card, "before the backup?").unwrap();
    assert_eq!(autos(dir.path()), 1);
    app.add_note(&card, "a second note").unwrap();
    assert_eq!(autos(dir.path()), 1);
    let backup = cuecard::library::list_backups(dir.path())
        .into_iter()
        .find(|b| b.path.ends_with("-auto.sqlite"))
        .unwrap();
    let conn = rusqlite::Connection::open(&backup.path).unwrap();
    let notes: i64 = conn
        .query_row("SELECT COUNT(*) FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        notes, 0,
        "the backup holds the library as it was before the change"
    );
}
