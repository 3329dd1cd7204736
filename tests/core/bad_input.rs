use crate::{fixture, s, Lib};

fn error_of(lib: &Lib, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let run = lib.run(&all);
    (run.code, run.json())
}

#[test]
fn empty_file_is_an_error_and_leaves_no_deck() {
    let lib = Lib::new();
    let p = lib.write("empty.md", "");
    let (code, v) = error_of(&lib, &["import", s(&p)]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "no_questions");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("no questions found in") && msg.contains("empty.md"),
        "{msg}"
    );
    assert!(lib.json(&["decks"])["decks"].as_array().unwrap().is_empty());
    // Human form goes to stderr.
    let run = lib.run(&["import", s(&p)]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no questions found in"),
        "{}",
        run.stderr
    );
}

#[test]
fn binary_file_is_not_text() {
    let lib = Lib::new();
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    let p = lib.write("picture.md", bytes);
    let (code, v) = error_of(&lib, &["import", s(&p)]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "not_text");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("not a text file"));
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_naming_the_line() {
    let lib = Lib::new();
    let mut doc = b"# Deck\n\n**1. Question:** What is caf".to_vec();
    doc.push(0xE9); // Latin-1 e-acute: not UTF-8
    doc.extend_from_slice(b"?\n\n**Answer:** A place for coffee.\n");
    let p = lib.write("latin1.md", doc);
    let v = lib.json(&["import", s(&p)]);
    let warnings = v["decks"][0]["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["line"] == 3 && w["message"].as_str().unwrap().contains("UTF-8")),
        "{warnings:?}"
    );
    assert_eq!(v["decks"][0]["cards"], 1);
}

#[test]
fn missing_file_and_directory_are_clear_errors() {
    let lib = Lib::new();
    let (code, v) = error_of(&lib, &["import", "/nonexistent/prep.md"]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "file_not_found");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("/nonexistent/prep.md"));

    let (code, v) = error_of(&lib, &["import", s(lib.path())]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "is_directory");
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let lib = Lib::new();
    let empty = lib.write("empty.md", "");
    let run = lib.run(&["--json", "import", s(&empty), s(&fixture("prep-v1.md"))]);
    assert_eq!(run.code, 1);
    let v = run.json();
    assert_eq!(v["decks"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"][0]["code"], "no_questions");
    assert_eq!(lib.json(&["decks"])["decks"][0]["cards"], 5);
}

#[test]
fn unknown_ids_and_usage_errors() {
    let lib = Lib::new();
    let (code, v) = error_of(&lib, &["show", "abcdef123456"]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "not_found");
    let (code, v) = error_of(&lib, &["cards", "--deck", "Nope"]);
    assert_eq!(code, 1);
    assert!(v["error"]["message"].as_str().unwrap().contains("Nope"));
    let (code, v) = error_of(&lib, &["export", "--format", "pdf"]);
    assert_eq!(code, 2);
    assert_eq!(v["error"]["code"], "usage");
    let run = lib.run(&["frobnicate"]);
    assert_eq!(run.code, 2);
}

#[test]
fn permission_errors_map_to_their_own_code() {
    let e = cuecard::Error::io(
        std::path::Path::new("/x/prep.md"),
        std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    );
    assert_eq!(e.code(), cuecard::ErrorCode::PermissionDenied);
    assert!(e.to_string().contains("/x/prep.md: permission denied"));
}

#[test]
fn a_newer_library_schema_is_refused_not_damaged() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let db = lib.library_dir().join("library.sqlite");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let (code, v) = error_of(&lib, &["decks"]);
    assert_eq!(code, 1);
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("newer Cuecard"));
}

#[test]
fn search_limits_are_bounded_and_options_after_the_query_are_options() {
    let lib = Lib::new();
    lib.json(&["sample"]);
    for bad in ["100000000000", "18446744073709551615", "0", "-3"] {
        let run = lib.run(&["search", "kafka", "--limit", bad]);
        assert!(run.code != 0, "--limit {bad} accepted");
        assert!(
            run.stderr.contains("1 to 10000"),
            "--limit {bad}: {}",
            run.stderr
        );
    }
    let after = lib.json(&["search", "why", "--limit", "2"]);
    let before = lib.json(&["search", "--limit", "2", "why"]);
    assert_eq!(after["hits"].as_array().unwrap().len(), 2);
    assert_eq!(after["hits"], before["hits"]);
}

#[test]
fn pipes_and_devices_are_refused_not_read_forever() {
    let lib = Lib::new();
    for args in [
        vec!["import", "/dev/zero"],
        vec!["keywords", "/dev/zero"],
        vec!["import", "--dry-run", "/dev/null"],
    ] {
        let run = lib.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("not a regular file"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let fifo = lib.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo (coreutils)");
    assert!(status.success());
    let run = lib.run(&["import", s(&fifo)]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}
