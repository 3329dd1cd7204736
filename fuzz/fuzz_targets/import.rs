//! Fuzzes the importer: decoding arbitrary bytes, then reading the text as markdown and as
//! plain text. Run with `cargo +nightly fuzz run import` from the project root.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _warnings)) = cuecard::import::decode(data) {
        let lines = text.lines().count().max(1);
        for doc in [
            cuecard::import::parse_markdown(&text),
            cuecard::import::parse_text(&text),
        ] {
            for card in &doc.cards {
                assert!(card.line_start <= card.line_end);
                assert!(card.line_end <= lines + 1);
            }
        }
    }
});
