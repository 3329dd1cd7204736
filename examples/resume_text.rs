//! Prints a résumé as Cuecard reads it: the normalised text, then the analysis as JSON.
//!
//! cargo run --example resume_text -- FILE [--json]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: resume_text FILE [--json]");
        std::process::exit(2);
    };
    let path = std::path::Path::new(path);
    let bytes = std::fs::read(path).expect("read file");
    match cuecard::resume::normalise(&bytes, path) {
        Ok(text) => {
            if args.iter().any(|a| a == "--json") {
                let (r, w) = cuecard::resume::analyse("x", "x", &path.display().to_string(), &text);
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({"resume": r, "warnings": w}))
                        .unwrap_or_default()
                );
            } else {
                print!("{text}");
            }
        }
        Err(e) => eprintln!("{}", e.0),
    }
}
