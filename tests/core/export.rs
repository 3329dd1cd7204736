use crate::{fixture, s, Lib};
use serde_json::Value;

fn cards(v: &Value) -> Vec<(String, String, String, Value, bool)> {
    v["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["question"].as_str().unwrap().to_string(),
                c["answer"].as_str().unwrap().to_string(),
                c["section"].clone(),
                c["unanswered"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn markdown_export_reimports_to_the_same_cards() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v2.md"))]);
    lib.json(&["sample"]);
    let out = lib.dir.path().join("acme-export.md");
    let run = lib.run(&[
        "export",
        "--deck",
        "Acme Robotics",
        "--format",
        "md",
        "-o",
        s(&out),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("**1. Question:** Tell me about a time you led a migration."));
    assert!(text.contains("## Technical"));

    let other = Lib::new();
    let v = other.json(&["import", s(&out)]);
    assert_eq!(v["decks"][0]["name"], "Acme Robotics");
    let original = lib.json(&["cards", "--deck", "Acme Robotics"]);
    let again = other.json(&["cards"]);
    let strip_ids = |v: Vec<(String, String, String, Value, bool)>| {
        v.into_iter()
            .map(|(_, q, a, sec, u)| (q, a, sec, u))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip_ids(cards(&again)), strip_ids(cards(&original)));
}

#[test]
fn markdown_export_to_stdout_and_json_export() {
    let lib = Lib::new();
    lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let run = lib.run(&["export", "--format", "md"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.matches("Question:**").count(), 5);
    assert!(run.stdout.contains("**Answer:** TODO"));

    let run = lib.run(&["export", "--format", "json"]);
    assert_eq!(run.code, 0);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["decks"][0]["name"], "Acme Robotics");
    assert_eq!(v["decks"][0]["cards"].as_array().unwrap().len(), 5);
}
