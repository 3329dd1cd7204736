//! Prints a document as the importer reads it: the common CommonMark form (a development
//! aid). `cargo run --example to_markdown -- FILE`
fn main() {
    let path = std::env::args().nth(1).expect("a document");
    let bytes = std::fs::read(&path).expect("read");
    match cuecard::document::read(&bytes, std::path::Path::new(&path)) {
        Ok(src) => print!("{}", src.markdown),
        Err(e) => eprintln!("{path}: {e}"),
    }
}
