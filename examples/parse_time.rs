//! How long each step of reading one document takes (a development aid).
//!
//! `cargo run --release --example parse_time -- FILE`
fn main() {
    let path = std::env::args().nth(1).expect("a document");
    let bytes = std::fs::read(&path).unwrap();
    let t = std::time::Instant::now();
    let src = cuecard::document::read(&bytes, std::path::Path::new(&path)).unwrap();
    eprintln!("read {:.3} s", t.elapsed().as_secs_f64());
    let t = std::time::Instant::now();
    let doc = cuecard::import::parse_source(&src, None);
    eprintln!(
        "parse {:.3} s, {} cards",
        t.elapsed().as_secs_f64(),
        doc.cards.len()
    );
}
