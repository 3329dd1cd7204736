//! Each shape on fixtures written here, noise, placeholders, duplicates, and the corpus.

use super::*;

fn qa(doc: &ParsedDocument) -> Vec<(String, String)> {
    doc.cards
        .iter()
        .map(|c| (c.question.clone(), c.answer.clone()))
        .collect()
}

#[test]
fn labelled_pairs_and_variants() {
    let doc = parse_markdown(
        "## Acme Interview Questions\n\n\
         **1. Question:** What is Rust?\n\n**Answer:** A language.\n\nIt is fast.\n\n\
         **Q2:** Why?\n\n**A:** Safety.\n\n\
         **Question 3:** How?\n\n**Answer**: With a borrow checker.\n\n\
         **Question -** Where?\n\n**Answer -** Everywhere.\n\n\
         **Question:**\nWhen was it released?\n\n**Answer:**\nIn 2015.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Acme Interview Questions"));
    assert_eq!(
        qa(&doc),
        vec![
            ("What is Rust?".into(), "A language.\n\nIt is fast.".into()),
            ("Why?".into(), "Safety.".into()),
            ("How?".into(), "With a borrow checker.".into()),
            ("Where?".into(), "Everywhere.".into()),
            ("When was it released?".into(), "In 2015.".into()),
        ]
    );
    assert!(doc.cards.iter().all(|c| c.shape == Shape::LabelledPairs));
    assert_eq!(doc.cards[0].line_start, 3);
    assert_eq!(doc.cards[0].line_end, 7);
    assert!(doc.cards[0].section.is_empty());
}

#[test]
fn headings_as_questions_with_sub_headings_inside() {
    let doc = parse_markdown(
        "# Prep\n\n## Behavioural\n\n### 3. Tell me about a time you failed\n\nI shipped late.\n\n\
         #### Situation\n\nA launch.\n\n##### Good to hear\n\n- honesty\n\n\
         ### What is a closure?\n\nA function with its scope.\n\n## Systems\n\n\
         ### Explain consistent hashing\n\nA ring.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Prep"));
    assert_eq!(doc.cards.len(), 3, "{:?}", qa(&doc));
    assert_eq!(doc.cards[0].question, "Tell me about a time you failed");
    assert!(doc.cards[0].answer.contains("#### Situation"));
    assert!(doc.cards[0].answer.contains("- honesty"));
    assert_eq!(doc.cards[0].section, vec!["Behavioural"]);
    assert_eq!(doc.cards[1].answer, "A function with its scope.");
    assert_eq!(doc.cards[2].section, vec!["Systems"]);
    assert!(doc.cards.iter().all(|c| c.shape == Shape::HeadingQuestions));
}

#[test]
fn qa_lines_inline_and_on_their_own_line() {
    let text = "Q: What is a mutex?\nA: A lock.\nIt guards data.\n\nQ: What is a semaphore?\nA:\nA counter.\n\nMore on it.\n\nQuestion: Deadlock?\nAnswer: Two waits.\n";
    for doc in [parse_markdown(text), parse_text(text)] {
        assert_eq!(
            qa(&doc),
            vec![
                ("What is a mutex?".into(), "A lock.\nIt guards data.".into()),
                (
                    "What is a semaphore?".into(),
                    "A counter.\n\nMore on it.".into()
                ),
                ("Deadlock?".into(), "Two waits.".into()),
            ]
        );
        assert!(doc.cards.iter().all(|c| c.shape == Shape::QaLines));
    }
}

#[test]
fn details_blocks_with_real_and_label_summaries() {
    let doc = parse_markdown(
        "# Web\n\n<details>\n<summary>View contents</summary>\n\n* [What is CORS?](#what-is-cors)\n\n</details>\n\n\
         ### What is CORS?\n\n<details>\n<summary>View answer</summary>\n\nA browser policy.\n\n#### Good to hear\n\n- preflight\n\n</details>\n\n\
         <br>[⬆ Back to top](#web)\n\n\
         ### Event loop\n\n```js\nsetTimeout(f)\n```\n\n<details><summary>Answer</summary>\n\nIt queues tasks.\n\n</details>\n\n\
         <details>\n<summary>What is a service worker?</summary>\nA proxy script.\n</details>\n",
    );
    assert_eq!(doc.cards.len(), 3, "{:?}", qa(&doc));
    assert_eq!(doc.cards[0].question, "What is CORS?");
    assert!(doc.cards[0].answer.starts_with("A browser policy."));
    assert!(doc.cards[0].answer.contains("- preflight"));
    assert!(!doc.cards[0].answer.contains("Back to top"));
    assert_eq!(doc.cards[1].question, "Event loop");
    // The code before the answer block is shown with the question, not inside the answer.
    assert_eq!(doc.cards[1].context, "```js\nsetTimeout(f)\n```");
    assert_eq!(doc.cards[1].answer, "It queues tasks.");
    assert_eq!(doc.cards[0].context, "");
    assert_eq!(doc.cards[2].question, "What is a service worker?");
    assert_eq!(doc.cards[2].answer, "A proxy script.");
    assert!(doc.cards.iter().all(|c| c.shape == Shape::Details));
}

#[test]
fn list_items_holding_questions() {
    let doc = parse_markdown(
        "# JS\n\n1. ### What is a prototype chain\n\n   Objects delegate to prototypes.\n\n   ```js\n   Object.getPrototypeOf(x)\n   ```\n\n\
         2. ### What is hoisting\n\n   Declarations move up.\n",
    );
    assert_eq!(doc.cards.len(), 2, "{:?}", qa(&doc));
    assert_eq!(doc.cards[0].question, "What is a prototype chain");
    assert!(doc.cards[0].answer.starts_with("Objects delegate"));
    assert!(doc.cards[0]
        .answer
        .contains("```js\nObject.getPrototypeOf(x)\n```"));
    assert_eq!(doc.cards[1].answer, "Declarations move up.");
    assert!(doc.cards.iter().all(|c| c.shape == Shape::NumberedLines));
}

#[test]
fn bold_line_questions_with_emoji_and_placeholders() {
    let doc = parse_markdown(
        "# Theory\n\n## Regression\n\n**What is regression? 👶**\n\nPredicting numbers.\n\n- linear\n- ridge\n\n<br/>\n\n\
         **What is AUC? \u{200d}⭐️**\n\nAnswer here\n\n<br/>\n\n**1)** The number of active ads.\n\n```sql\nSELECT 1\n```\n",
    );
    assert_eq!(doc.cards.len(), 3, "{:?}", qa(&doc));
    assert_eq!(doc.cards[0].question, "What is regression?");
    assert_eq!(
        doc.cards[0].answer,
        "Predicting numbers.\n\n- linear\n- ridge"
    );
    assert_eq!(doc.cards[0].section, vec!["Regression"]);
    assert_eq!(doc.cards[1].question, "What is AUC?");
    assert!(doc.cards[1].unanswered);
    assert!(!doc.cards[0].unanswered);
    assert_eq!(doc.cards[2].question, "The number of active ads.");
    assert!(doc.cards[2].answer.contains("SELECT 1"));
    assert!(doc.cards.iter().all(|c| c.shape == Shape::BoldLines));
}

#[test]
fn question_answer_tables() {
    let doc = parse_markdown(
        "# Quick\n\n| Question | Answer |\n|---|---|\n| What is DNS? | Names to **addresses**. |\n| What is TCP? | Reliable streams. |\n\n\
         | Tool | Use |\n|---|---|\n| grep | search |\n",
    );
    assert_eq!(
        qa(&doc),
        vec![
            ("What is DNS?".into(), "Names to **addresses**.".into()),
            ("What is TCP?".into(), "Reliable streams.".into()),
        ]
    );
    assert_eq!(doc.cards[0].line_start, 5);
    assert!(doc.cards.iter().all(|c| c.shape == Shape::Table));
}

#[test]
fn noise_is_not_content() {
    let doc = parse_markdown(
        "---\ntitle: x\n---\n\n<p align=\"center\"><img src=\"logo.png\"></p>\n\n[![build](b.svg)](ci)\n\n\
         ## Table of Contents\n\n* [What is X?](#what-is-x)\n* [What is Y?](#what-is-y)\n\n\
         <!-- tags: (javascript) -->\n\n### What is X?\n\nX is x.\n\n<!-- expertise: 2 -->\n\n---\n\n[Back to top](#top)\n\n### What is Y?\n\nY.\n",
    );
    assert_eq!(
        qa(&doc),
        vec![
            ("What is X?".into(), "X is x.".into()),
            ("What is Y?".into(), "Y.".into())
        ]
    );
}

#[test]
fn duplicates_are_merged_and_reported() {
    let doc = parse_markdown("### What is X?\n\nFirst.\n\n## Again\n\n### What is x\n\nSecond.\n");
    assert_eq!(doc.cards.len(), 1);
    assert_eq!(doc.cards[0].answer, "First.");
    assert_eq!(doc.duplicates, 1);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.line == 7 && w.message.contains("first at line 1")));
}

#[test]
fn unanswered_and_orphans_are_reported() {
    let doc = parse_markdown("**Answer:** floating\n\n**Question:** Lonely?\n\n**Question:** Next?\n\n**Answer:** TODO\n");
    assert_eq!(doc.cards.len(), 2);
    assert!(doc.cards.iter().all(|c| c.unanswered));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.line == 1 && w.message.contains("no question")));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.line == 3 && w.message.contains("no answer")));
}

#[test]
fn mixed_shapes_are_counted() {
    let doc = parse_markdown(
        "### What is A?\n\nA.\n\n**Q:** What is B?\n\n**A:** B.\n\nQ: What is C?\nA: C.\n",
    );
    let shapes: Vec<Shape> = doc.shapes.iter().map(|s| s.0).collect();
    assert_eq!(doc.cards.len(), 3);
    assert!(
        shapes.contains(&Shape::HeadingQuestions)
            && shapes.contains(&Shape::LabelledPairs)
            && shapes.contains(&Shape::QaLines)
    );
}

#[test]
fn normalised_questions() {
    assert_eq!(
        normalize_question("What's  a Closure?! 🚀"),
        "what s a closure"
    );
    assert_eq!(normalize_question("¿Qué es Rust?"), "qué es rust");
}

mod corpus {
    use super::*;
    use std::path::PathBuf;

    /// `../shared/corpora` beside the project, or `$CUECARD_CORPORA`.
    fn corpus(name: &str) -> Option<String> {
        let root = std::env::var_os("CUECARD_CORPORA")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
        let path = root.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => Some(decode(&bytes).expect("text").0),
            Err(_) => {
                eprintln!(
                    "SKIPPED: {} is not here (set CUECARD_CORPORA to run the corpus checks)",
                    path.display()
                );
                None
            }
        }
    }

    #[test]
    fn seed_document_gives_its_ten_pairs_whole() {
        let Some(text) = corpus("seed/interview-qa.md") else {
            return;
        };
        let doc = parse_markdown(&text);
        assert_eq!(
            doc.title.as_deref(),
            Some("Zoox Interview Questions and Answers")
        );
        assert_eq!(doc.cards.len(), 10);
        for (card, line) in doc.cards.iter().zip(
            text.lines()
                .filter(|l| l.starts_with("**") && l.contains("Question:**")),
        ) {
            let q = line.split_once("Question:** ").unwrap().1;
            assert_eq!(card.question, q);
        }
        for (card, line) in doc
            .cards
            .iter()
            .zip(text.lines().filter(|l| l.starts_with("**Answer:** ")))
        {
            assert_eq!(card.answer, line.trim_start_matches("**Answer:** "));
            assert!(card.section.is_empty());
        }
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }

    #[test]
    fn thirty_seconds_readme_gives_exactly_its_103_questions() {
        let (Some(text), Some(json)) = (
            corpus("qa/30-seconds-of-interviews_README.md"),
            corpus("qa/30-seconds-of-interviews_data_questions.json"),
        ) else {
            return;
        };
        let truth: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        let doc = parse_markdown(&text);
        // questions.json holds each question with the code shown under its heading; the
        // card's question is the heading, so it must be the start of exactly one of them.
        let got: Vec<String> = doc
            .cards
            .iter()
            .map(|c| normalize_question(&c.question))
            .collect();
        let want: Vec<String> = truth
            .iter()
            .map(|q| {
                normalize_question(&crate::render::plain_text(q["question"].as_str().unwrap()))
            })
            .collect();
        let missing: Vec<_> = want
            .iter()
            .filter(|w| !got.iter().any(|g| w.starts_with(g.as_str())))
            .collect();
        let extra: Vec<_> = got
            .iter()
            .filter(|g| !want.iter().any(|w| w.starts_with(g.as_str())))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "missing {missing:?}\nextra {extra:?}"
        );
        assert_eq!(doc.cards.len(), 103);
        assert_eq!(doc.duplicates, 124 - 103);
        for card in &doc.cards {
            assert!(!card.answer.is_empty(), "{}", card.question);
            assert!(!card.answer.contains("Back to top"), "{}", card.question);
        }
        // Answers hold the start of the true answer.
        let mut checked = 0;
        for t in &truth {
            let q = normalize_question(&crate::render::plain_text(t["question"].as_str().unwrap()));
            let card = doc
                .cards
                .iter()
                .find(|c| q.starts_with(&normalize_question(&c.question)))
                .unwrap();
            let start: String = crate::render::plain_text(t["answer"].as_str().unwrap())
                .chars()
                .take(40)
                .collect();
            if crate::render::plain_text(&card.answer).contains(&start) {
                checked += 1;
            }
        }
        assert!(
            checked >= 95,
            "only {checked} answers start as in questions.json"
        );
    }

    #[test]
    fn data_science_theory_and_technical() {
        let Some(text) = corpus("qa/alexeygrigorev_data-science-interviews_theory.md") else {
            return;
        };
        let doc = parse_markdown(&text);
        let bold_questions = text
            .lines()
            .filter(|l| l.starts_with("**") && l.trim_end().ends_with("**"))
            .count();
        assert!(
            (160..=170).contains(&doc.cards.len()),
            "{} cards, {bold_questions} bold lines",
            doc.cards.len()
        );
        let unanswered = doc.cards.iter().filter(|c| c.unanswered).count();
        assert!((12..=16).contains(&unanswered), "{unanswered} unanswered");
        assert!(doc.cards.iter().all(|c| c.shape == Shape::BoldLines));
        assert!(doc.cards.iter().all(|c| !c.question.contains('👶')));

        let Some(text) = corpus("qa/alexeygrigorev_data-science-interviews_technical.md") else {
            return;
        };
        let doc = parse_markdown(&text);
        let prompts = text
            .lines()
            .filter(|l| {
                l.starts_with("**") && l[2..].chars().next().is_some_and(|c| c.is_ascii_digit())
            })
            .count();
        assert!(
            doc.cards.len() >= prompts,
            "{} cards for {prompts} numbered prompts",
            doc.cards.len()
        );
    }

    #[test]
    fn closures_question_file() {
        let Some(text) = corpus("qa/30-seconds-of-interviews_questions_closures.md") else {
            return;
        };
        let doc = parse_markdown(&text);
        assert_eq!(doc.cards.len(), 1);
        assert_eq!(
            doc.cards[0].question,
            "What is a closure? Can you give a useful example of one?"
        );
        assert!(doc.cards[0].answer.starts_with("A closure is a function"));
        assert!(doc.cards[0].answer.contains("#### Good to hear"));
        assert!(!doc.cards[0].answer.contains("<!--"));
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn check(doc: &ParsedDocument, text: &str) -> Result<(), TestCaseError> {
        let lines = text.split('\n').count();
        for c in &doc.cards {
            prop_assert!(c.line_start >= 1 && c.line_start <= c.line_end && c.line_end <= lines);
            prop_assert!(!c.question.is_empty());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn random_markdown(parts in proptest::collection::vec(prop_oneof![
            Just("**".to_string()), Just("# ".to_string()), Just("### ".to_string()), Just("Q: ".to_string()), Just("A: ".to_string()), Just("**Question:** ".to_string()), Just("**Answer:**".to_string()),
            Just("<details>".to_string()), Just("<summary>".to_string()), Just("</summary>".to_string()), Just("</details>".to_string()), Just("| a | b |\n|---|---|\n".to_string()),
            Just("\n".to_string()), Just("\n\n".to_string()), Just("1. ".to_string()), Just("   ".to_string()), Just("```".to_string()), Just("<!--".to_string()), Just("-->".to_string()), Just("?".to_string()),
            Just("é".to_string()), Just("漢字".to_string()), Just("👶".to_string()), Just("\u{200d}".to_string()), Just("What is x".to_string()), Just("[a](#b)".to_string()), Just("---\n".to_string()),
            "[a-z ]{0,12}",
        ], 0..60)) {
            let text: String = parts.concat();
            check(&parse_markdown(&text), &text)?;
            check(&parse_text(&text), &text)?;
        }

        #[test]
        fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            if let Ok((text, _)) = decode(&bytes) {
                check(&parse_markdown(&text), &text)?;
            }
        }
    }
}
