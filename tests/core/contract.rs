//! The window's contract with the shell is written in four places: the commands the build
//! declares (`src-tauri/build.rs`, which makes their permissions), the handlers the app
//! registers (`src-tauri/src/main.rs`), the permissions the window is granted
//! (`src-tauri/capabilities/default.json`) and the commands the front end calls
//! (`ui/src/lib/backend/tauri.ts`). They must name the same commands: one missing from any
//! of them is a window that fails at run time.

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The quoted or bare names between `open` and the next `close` in `text`.
fn names_between(text: &str, open: &str, close: &str) -> BTreeSet<String> {
    let start = text.find(open).unwrap_or_else(|| panic!("no {open:?}")) + open.len();
    let end = start + text[start..].find(close).expect("the list ends");
    text[start..end]
        .split(',')
        .map(|n| n.trim().trim_matches('"').to_string())
        .filter(|n| !n.is_empty() && !n.starts_with("//"))
        .collect()
}

#[test]
fn every_command_is_declared_registered_granted_and_called_alike() {
    let declared = names_between(&read("src-tauri/build.rs"), ".commands(&[", "]");
    let registered = names_between(
        &read("src-tauri/src/main.rs"),
        "tauri::generate_handler![",
        "]",
    );
    let capabilities = read("src-tauri/capabilities/default.json");
    let granted: BTreeSet<String> = capabilities
        .split('"')
        .filter_map(|s| s.strip_prefix("allow-"))
        .map(|s| s.replace('-', "_"))
        .collect();
    let tauri_ts = read("ui/src/lib/backend/tauri.ts");
    let called: BTreeSet<String> = tauri_ts
        .match_indices("call<")
        .filter_map(|(i, _)| {
            // call<Type>('command', …)
            let rest = &tauri_ts[i..];
            let open = rest.find(">('")?;
            if rest[..open].contains('\n') {
                return None;
            }
            let name = &rest[open + 3..];
            let end = name.find('\'')?;
            Some(name[..end].to_string())
        })
        .collect();
    assert!(declared.len() > 30, "{declared:?}");
    assert_eq!(
        declared, registered,
        "build.rs and generate_handler! differ"
    );
    assert_eq!(declared, granted, "build.rs and the capability file differ");
    // The front end may leave a command uncalled (none today), never call an unknown one.
    let unknown: Vec<&String> = called.difference(&declared).collect();
    assert!(
        unknown.is_empty(),
        "the front end calls unknown commands: {unknown:?}"
    );
    let uncalled: Vec<&String> = declared.difference(&called).collect();
    assert!(
        uncalled.is_empty(),
        "commands the front end never calls: {uncalled:?}"
    );
}
