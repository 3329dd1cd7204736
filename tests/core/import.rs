use crate::{fixture, s, Lib};
use serde_json::Value;

#[test]
fn import_reports_deck_cards_and_shapes() {
    let lib = Lib::new();
    let v = lib.json(&["import", s(&fixture("prep-v1.md"))]);
    let deck = &v["decks"][0];
    assert_eq!(deck["name"], "Acme Robotics");
    assert_eq!(deck["cards"], 5);
    assert_eq!(deck["added"], 5);
    assert_eq!(deck["updated"], 0);
    assert_eq!(deck["removed"], 0);
    assert!(deck["source"].as_str().unwrap().ends_with("prep-v1.md"));
    assert!(deck["warnings"].is_array());
    assert!(deck["shapes"][0].as_str().unwrap().contains("Question"));

    let decks = lib.json(&["decks"]);
    assert_eq!(decks["decks"].as_array().unwrap().len(), 1);
    assert_eq!(decks["decks"][0]["cards"], 5);

    let cards = lib.json(&["cards", "--deck", "acme robotics"]);
    let cards = cards["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 5);
    let first = &cards[0];
    for key in [
        "id",
        "deck",
        "question",
        "answer",
        "section",
        "tags",
        "source_line",
        "unanswered",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(
        first["question"],
        "Tell me about a time you led a migration."
    );
    assert!(first["answer"]
        .as_str()
        .unwrap()
        .contains("wrote the runbook"));
    assert_eq!(first["section"][0], "Behavioural");
    assert_eq!(first["tags"][0], "behavioural");
    assert_eq!(first["source_line"], 5);
    let todo = cards
        .iter()
        .find(|c| c["question"].as_str().unwrap().contains("favourite"))
        .unwrap();
    assert_eq!(todo["unanswered"], true);
    assert_eq!(cards[2]["unanswered"], false);
}

fn ids(v: &Value) -> Vec<(String, String)> {
    v["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["question"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn reimport_updates_in_place_with_stable_ids_and_archives_removed_cards() {
    let lib = Lib::new();
    let path = lib.dir.path().join("prep.md");
    std::fs::copy(fixture("prep-v1.md"), &path).unwrap();
    lib.json(&["import", s(&path)]);
    let before = ids(&lib.json(&["cards"]));

    // The same file again: nothing changes.
    let again = lib.json(&["import", s(&path)]);
    assert_eq!(again["decks"][0]["unchanged"], 5);
    assert_eq!(again["decks"][0]["added"], 0);
    assert_eq!(ids(&lib.json(&["cards"])), before);

    // An edited version: one answer changed, one question gone, one new.
    std::fs::copy(fixture("prep-v2.md"), &path).unwrap();
    let v2 = lib.json(&["import", s(&path)]);
    let d = &v2["decks"][0];
    assert_eq!(
        (
            d["added"].as_u64(),
            d["updated"].as_u64(),
            d["removed"].as_u64(),
            d["unchanged"].as_u64()
        ),
        (Some(1), Some(1), Some(1), Some(3)),
        "{d}"
    );
    assert_eq!(d["cards"], 5);
    assert_eq!(
        lib.json(&["decks"])["decks"].as_array().unwrap().len(),
        1,
        "no second deck"
    );

    let after = ids(&lib.json(&["cards"]));
    for (id, q) in &before {
        if q.contains("disagreement") {
            assert!(!after.iter().any(|(i, _)| i == id));
        } else {
            assert!(
                after.contains(&(id.clone(), q.clone())),
                "id of {q} changed"
            );
        }
    }
    let archived = lib.json(&["cards", "--archived"]);
    let archived = archived["cards"].as_array().unwrap();
    assert_eq!(archived.len(), 1);
    assert!(archived[0]["question"]
        .as_str()
        .unwrap()
        .contains("disagreement"));
    assert_eq!(archived[0]["archived"], true);

    // The archived card is not found by search any more; the new answer is.
    assert_eq!(lib.json(&["search", "disagreement"])["total"], 0);
    assert_eq!(lib.json(&["search", "grafana"])["total"], 1);

    // Back to v1: the archived card returns with its old id.
    std::fs::copy(fixture("prep-v1.md"), &path).unwrap();
    let v1 = lib.json(&["import", s(&path)]);
    assert_eq!(v1["decks"][0]["removed"], 1);
    assert_eq!(ids(&lib.json(&["cards"])), before);
}

#[test]
fn deck_option_names_the_deck_and_show_finds_by_prefix() {
    let lib = Lib::new();
    let v = lib.json(&["import", s(&fixture("prep-v1.md")), "--deck", "Robots Inc"]);
    assert_eq!(v["decks"][0]["name"], "Robots Inc");
    let cards = lib.json(&["cards", "--deck", "Robots Inc"]);
    let id = cards["cards"][2]["id"].as_str().unwrap().to_string();
    let shown = lib.json(&["show", &id[..6]]);
    assert_eq!(shown["card"]["id"], id.as_str());
    assert!(shown["card"]["question"]
        .as_str()
        .unwrap()
        .contains("Kubernetes operator"));
    let human = lib.run(&["show", &id]);
    assert_eq!(human.code, 0);
    assert!(
        human.stdout.contains("Section: Technical"),
        "{}",
        human.stdout
    );
}

#[test]
fn two_documents_with_the_same_title_get_two_decks() {
    let lib = Lib::new();
    let a = lib.write("a.md", std::fs::read(fixture("prep-v1.md")).unwrap());
    let b = lib.write("b.md", std::fs::read(fixture("prep-v2.md")).unwrap());
    let v = lib.json(&["import", s(&a), s(&b)]);
    let names: Vec<&str> = v["decks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Acme Robotics", "Acme Robotics (2)"]);
    assert_eq!(lib.json(&["cards"])["cards"].as_array().unwrap().len(), 10);
}

#[test]
fn sample_deck_imports_and_is_searchable() {
    let lib = Lib::new();
    let v = lib.json(&["sample"]);
    let n = v["decks"][0]["cards"].as_u64().unwrap();
    assert!((10..=15).contains(&n), "{n} sample cards");
    let hits = lib.json(&["search", "rollback"]);
    assert!(hits["total"].as_u64().unwrap() >= 1);
}

#[test]
fn code_before_an_answer_block_is_shown_with_the_question_and_survives_export() {
    let lib = Lib::new();
    let doc = lib.write(
        "js.md",
        "# JS\n\n### What is the output of the following code?\n\n```js\nconsole.log(typeof null)\n```\n\n\
         <details><summary>View answer</summary>\n\nIt prints `object`, a historical quirk.\n\n</details>\n",
    );
    lib.json(&["import", s(&doc)]);
    let card = lib.json(&["cards"])["cards"][0].clone();
    assert_eq!(
        card["question"],
        "What is the output of the following code?"
    );
    assert_eq!(card["context"], "```js\nconsole.log(typeof null)\n```");
    assert_eq!(card["answer"], "It prints `object`, a historical quirk.");
    assert_eq!(
        lib.json(&["search", "typeof"])["hits"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Markdown out and back in: the code stays with the question.
    let out = lib.path().join("out.md");
    lib.json(&["export", "--format", "md", "-o", s(&out)]);
    let fresh = Lib::new();
    fresh.json(&["import", s(&out)]);
    let again = fresh.json(&["cards"])["cards"][0].clone();
    assert_eq!(again["context"], card["context"]);
    assert_eq!(again["answer"], card["answer"]);
    // A labelled question with no answer label keeps what follows as its answer.
    let plain = lib.write(
        "plain.md",
        "**Question:** Why Rust?\n\nMemory safety without a collector.\n",
    );
    let other = Lib::new();
    other.json(&["import", s(&plain)]);
    let c = other.json(&["cards"])["cards"][0].clone();
    assert_eq!(c["answer"], "Memory safety without a collector.");
    assert_eq!(c["context"], "");
}
