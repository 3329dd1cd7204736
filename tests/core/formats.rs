//! Documents in every format Cuecard reads, through the `cuecard` binary: the cards they
//! make, `--dry-run`, `--questions` and the memory of it, questions to ask, and damaged or
//! unsupported files.

use std::io::Write;

use crate::{s, Lib};

/// A small Word document: a title, a heading, numbered bold questions with answers.
fn docx() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", opts).unwrap();
        let para = |style: &str, text: &str, bold: bool, num: bool| {
            format!(
                "<w:p><w:pPr>{}{}</w:pPr><w:r><w:rPr>{}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                if style.is_empty() { String::new() } else { format!("<w:pStyle w:val=\"{style}\"/>") },
                if num { "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" } else { "" },
                if bold { "<w:b/>" } else { "" },
                text
            )
        };
        let body = [
            para("Title", "Globex prep", false, false),
            para("Heading1", "Behavioural", false, false),
            para("", "Why do you want to work at Globex?", true, true),
            para(
                "",
                "Their logistics software runs half the port.",
                false,
                false,
            ),
            para("", "Tell me about a time you missed a deadline", true, true),
            para("", "TBD", false, false),
            para("", "What is your notice period?", true, true),
            para("", "One month, negotiable.", false, false),
        ]
        .concat();
        write!(
            z,
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        )
        .unwrap();
        z.start_file("word/numbering.xml", opts).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>").unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn questions(v: &serde_json::Value) -> Vec<String> {
    v["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["question"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_word_document_imports_its_numbered_questions() {
    let lib = Lib::new();
    let p = lib.write("globex.docx", docx());
    let v = lib.json(&["import", s(&p)]);
    let deck = &v["decks"][0];
    assert_eq!(deck["name"], "Globex");
    assert_eq!(deck["cards"], 3);
    assert_eq!(
        deck["carriers"][0]["description"],
        "numbered lines as questions"
    );
    let cards = lib.json(&["cards"]);
    assert_eq!(
        questions(&cards),
        vec![
            "Why do you want to work at Globex?",
            "Tell me about a time you missed a deadline",
            "What is your notice period?"
        ]
    );
    assert_eq!(cards["cards"][1]["unanswered"], true);
    assert!(cards["cards"][0]["answer"]
        .as_str()
        .unwrap()
        .contains("half the port"));
    let search = lib.json(&["search", "port logistics"]);
    assert_eq!(search["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn org_asciidoc_rst_and_html_documents_import() {
    let lib = Lib::new();
    let org = lib.write(
        "notes.org",
        "#+TITLE: Initech notes\n* Behavioural\n** Why Initech?\nThe TPS reports, honestly.\n** What is your biggest strength?\nPersistence.\n#+BEGIN_SRC sh\nmake it-work\n#+END_SRC\n",
    );
    let adoc = lib.write(
        "java.adoc",
        "= Java\n\n== What is the JVM?\n\nA virtual machine for bytecode.\n\n== Explain garbage collection\n\nReclaiming unreachable objects.\n",
    );
    let rst = lib.write(
        "algo.rst",
        "Algorithms\n==========\n\nHow do you reverse a list?\n--------------------------\n\nWalk it with two pointers.\n\nWhat is a heap?\n---------------\n\nA tree with an order property.\n",
    );
    let html = lib.write(
        "page.html",
        "<!DOCTYPE html><html><head><title>x</title><script>alert(1)</script></head><body><nav>Home</nav><h1>Umbrella Q&amp;A</h1><h2>What is a closure?</h2><p>A function and its scope.</p><h2>Why Umbrella?</h2><p>The research.</p></body></html>",
    );
    for (path, n, first) in [
        (&org, 2, "Why Initech?"),
        (&adoc, 2, "What is the JVM?"),
        (&rst, 2, "How do you reverse a list?"),
        (&html, 2, "What is a closure?"),
    ] {
        let v = lib.json(&["import", s(path)]);
        assert_eq!(v["decks"][0]["cards"], n, "{}: {v}", path.display());
        let deck = v["decks"][0]["id"].as_str().unwrap().to_string();
        let cards = lib.json(&["cards", "--deck", &deck]);
        assert_eq!(questions(&cards)[0], first, "{}", path.display());
        // Lines point into the original file.
        assert!(cards["cards"][0]["source_line"].as_u64().unwrap() >= 1);
    }
    let org_cards = lib.json(&["cards", "--deck", "Initech notes"]);
    assert_eq!(org_cards["cards"][0]["source_line"], 3);
    assert!(org_cards["cards"][1]["answer"]
        .as_str()
        .unwrap()
        .contains("```sh\nmake it-work\n```"));
    let html_cards = lib.json(&["search", "alert"]);
    assert_eq!(html_cards["hits"].as_array().unwrap().len(), 0);
}

#[test]
fn dry_run_writes_nothing_and_names_the_readings() {
    let lib = Lib::new();
    let p = lib.write(
        "prep.md",
        "# Prep\n\n## Behavioural\n\n**Why this company?**\n\nMission.\n\n**What is your weakness?**\n\nDetail.\n\n## Technical\n\n**What is Rust?**\n\nA language.\n",
    );
    let v = lib.json(&["import", "--dry-run", s(&p)]);
    assert_eq!(v["dry_run"], true);
    let p0 = &v["previews"][0];
    assert_eq!(p0["cards"], 3);
    assert_eq!(p0["carriers"][0]["name"], "bold");
    assert_eq!(p0["first"][0]["question"], "Why this company?");
    assert_eq!(lib.json(&["decks"])["decks"].as_array().unwrap().len(), 0);
    let text = lib.run(&["import", "--dry-run", s(&p)]);
    assert!(
        text.stdout.contains("bold lines as questions: 3 cards"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("nothing written"));
}

#[test]
fn a_chosen_carrier_is_used_and_remembered_for_the_file() {
    let lib = Lib::new();
    let p = lib.write(
        "topics.md",
        "# Topics\n\n## Kafka\n\nA replicated log.\n\n- **What is a partition?** An ordered log.\n\n## Redis\n\nAn in-memory store.\n",
    );
    let v = lib.json(&["import", "--questions", "headings:2", s(&p)]);
    assert_eq!(v["decks"][0]["cards"], 2);
    assert_eq!(questions(&lib.json(&["cards"])), vec!["Kafka", "Redis"]);
    // Re-imported without the flag, the file is read the same way.
    let again = lib.json(&["import", s(&p)]);
    assert_eq!(again["decks"][0]["cards"], 2);
    assert_eq!(again["decks"][0]["unchanged"], 2);
    // `auto` goes back to choosing by evidence.
    let auto = lib.json(&["import", "--questions", "auto", s(&p)]);
    assert_ne!(auto["decks"][0]["carriers"][0]["name"], "headings:2");
    let bad = lib.run(&["--json", "import", "--questions", "paragraphs", s(&p)]);
    assert_eq!(bad.code, 1);
    assert!(bad.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("headings:N"));
}

#[test]
fn questions_to_ask_are_tagged_and_not_rehearsed() {
    let lib = Lib::new();
    let p = lib.write(
        "acme.md",
        "# Acme\n\n## Why Acme?\n\nRobots.\n\n## Questions to ask them\n\n- What does success look like in six months?\n- How do you review code?\n",
    );
    let v = lib.json(&["import", s(&p)]);
    assert_eq!(v["decks"][0]["cards"], 3);
    assert_eq!(v["decks"][0]["to_ask"], 2);
    let cards = lib.json(&["cards"]);
    let ask: Vec<&serde_json::Value> = cards["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["tags"].as_array().unwrap().iter().any(|t| t == "to-ask"))
        .collect();
    assert_eq!(ask.len(), 2);
    assert!(ask.iter().all(|c| c["unanswered"] == false));
    let due = lib.json(&["due"]);
    let due: Vec<&str> = due["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["question"].as_str().unwrap())
        .collect();
    assert_eq!(due, vec!["Why Acme?"]);
}

#[test]
fn damaged_and_unsupported_files_name_the_file_and_the_problem() {
    let lib = Lib::new();
    let mut broken = docx();
    broken.truncate(broken.len() / 2);
    let p = lib.write("broken.docx", broken);
    let run = lib.run(&["--json", "import", s(&p)]);
    assert_eq!(run.code, 1);
    let msg = run.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(
        msg.contains("broken.docx") && msg.contains("damaged"),
        "{msg}"
    );

    let pdf = lib.write("resume.pdf", b"%PDF-1.7\n\x00\x01\x02\x03binary");
    let run = lib.run(&["--json", "import", s(&pdf)]);
    let v = run.json();
    assert_eq!(v["error"]["code"], "not_text");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("resume.pdf") && msg.contains("PDF") && msg.contains(".docx"),
        "{msg}"
    );
    assert_eq!(lib.json(&["decks"])["decks"].as_array().unwrap().len(), 0);
}
