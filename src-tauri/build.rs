fn main() {
    // Declaring the app's commands gives each an `allow-…` permission, so the capability
    // file can grant exactly these and nothing else.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "library_info",
            "list_decks",
            "list_cards",
            "get_card",
            "search",
            "import_paths",
            "preview_import",
            "ui_ready",
            "list_jobs",
            "add_job",
            "match_job",
            "remove_job_keyword",
            "add_job_keyword",
            "start_rehearsal",
            "compare_typed",
            "record_attempt",
            "session_summary",
            "stats",
            "card_history",
            "due_cards",
            "add_note",
            "update_note",
            "add_highlight",
            "delete_highlight",
            "set_starred",
            "edit_tag",
            "edit_card",
            "card_versions",
            "restore_version",
            "resolve_conflict",
            "create_card",
            "deck_target",
            "set_deck_target",
        ]),
    ))
    .expect("tauri build script");
}
