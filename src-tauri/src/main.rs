//! The Cuecard desktop shell: a Tauri window over the core's [`Library`] facade.
//!
//! Each command is a one-line call into the facade; errors cross to the window as
//! `{code, message}`. Commands are async so that nothing runs on the main (UI) thread, and
//! imports run on a blocking worker thread that reports progress as `import-progress` events.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use cuecard::annotate::{Keep, NewHighlight, Version};
use cuecard::library::PostingInput;
use cuecard::matching::MatchReport;
use cuecard::rehearse::time::now;
use cuecard::rehearse::{
    Attempt, AttemptInput, AttemptResult, DueCard, RehearsalPlan, Session, SessionSummary, Stats,
    TypedFeedback,
};
use cuecard::store::Job;
use cuecard::{
    CardSummary, CardView, Deck, ErrorPayload, ImportProgress, ImportReport, Library, LibraryInfo,
    SearchResult,
};
use tauri::{AppHandle, Emitter, State, WebviewUrl, WebviewWindowBuilder};

/// The open library, shared by all commands.
struct App {
    library: Arc<Mutex<Library>>,
}

/// Files the person chose in the file dialog or dropped on the window. The shell records
/// them itself (the page cannot add to the list); commands that read files take these, or a
/// typed path that [`cuecard::library::check_typed_path`] lets through.
#[derive(Default)]
struct Chosen(Mutex<std::collections::HashSet<PathBuf>>);

impl Chosen {
    fn add(&self, paths: &[PathBuf]) {
        if let Ok(mut set) = self.0.lock() {
            for p in paths {
                set.insert(p.clone());
                if let Ok(real) = std::fs::canonicalize(p) {
                    set.insert(real);
                }
            }
        }
    }

    fn check(&self, path: &std::path::Path) -> Reply<()> {
        let chosen = self.0.lock().is_ok_and(|set| {
            set.contains(path) || std::fs::canonicalize(path).is_ok_and(|real| set.contains(&real))
        });
        if chosen {
            return Ok(());
        }
        cuecard::library::check_typed_path(path).map_err(|e| e.payload())
    }
}

type Reply<T> = Result<T, ErrorPayload>;

fn busy() -> ErrorPayload {
    ErrorPayload::internal("the library is unavailable after an earlier failure; restart Cuecard")
}

impl App {
    fn with<T>(&self, f: impl FnOnce(&mut Library) -> cuecard::Result<T>) -> Reply<T> {
        let mut lib = self.library.lock().map_err(|_| busy())?;
        // What the command line changed meanwhile is seen before the command runs.
        if let Err(e) = lib.refresh_if_changed() {
            eprintln!("cuecard: could not pick up changes made elsewhere: {e}");
        }
        f(&mut lib).map_err(|e| e.payload())
    }
}

#[tauri::command]
async fn library_info(app: State<'_, App>) -> Reply<LibraryInfo> {
    app.with(|lib| lib.info())
}

#[tauri::command]
async fn list_decks(app: State<'_, App>) -> Reply<Vec<Deck>> {
    app.with(|lib| lib.decks())
}

#[tauri::command]
async fn list_cards(app: State<'_, App>, deck: Option<String>) -> Reply<Vec<CardSummary>> {
    app.with(|lib| lib.card_summaries(deck.as_deref()))
}

#[tauri::command]
async fn get_card(app: State<'_, App>, id: String) -> Reply<CardView> {
    app.with(|lib| lib.card_view(&id))
}

#[tauri::command]
async fn search(app: State<'_, App>, query: String, limit: usize) -> Reply<SearchResult> {
    app.with(|lib| lib.search(&query, limit))
}

#[tauri::command]
async fn list_jobs(app: State<'_, App>) -> Reply<Vec<Job>> {
    app.with(|lib| lib.jobs())
}

/// Where a posting comes from, as the window sends it: pasted text, a file or a URL.
#[derive(serde::Deserialize)]
struct JobInput {
    text: Option<String>,
    path: Option<String>,
    url: Option<String>,
    title: Option<String>,
    company: Option<String>,
    date: Option<String>,
}

#[tauri::command]
async fn add_job(app: State<'_, App>, chosen: State<'_, Chosen>, input: JobInput) -> Reply<Job> {
    if let Some(p) = input.path.as_deref().filter(|p| !p.trim().is_empty()) {
        if input.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
            chosen.check(std::path::Path::new(p.trim()))?;
        }
    }
    let library = Arc::clone(&app.library);
    // Fetching blocks: keep it off the async runtime.
    tauri::async_runtime::spawn_blocking(move || {
        let source = match (input.text, input.path, input.url) {
            (Some(t), _, _) if !t.trim().is_empty() => PostingInput::Text(t),
            (_, Some(p), _) if !p.trim().is_empty() => PostingInput::Path(p.into()),
            // The window fetches public pages only: a page in it cannot make Cuecard reach
            // this machine or the local network.
            (_, _, Some(u)) if !u.trim().is_empty() => PostingInput::PublicUrl(u),
            _ => PostingInput::Text(String::new()),
        };
        let blank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let mut lib = library.lock().map_err(|_| busy())?;
        lib.add_job(
            source,
            blank(input.title),
            blank(input.company),
            blank(input.date),
        )
        .map_err(|e| e.payload())
    })
    .await
    .map_err(|e| ErrorPayload::internal(format!("adding the job stopped unexpectedly: {e}")))?
}

#[tauri::command]
async fn match_job(app: State<'_, App>, id: String, deck: Option<String>) -> Reply<MatchReport> {
    app.with(|lib| lib.match_keywords(&lib.job(&id)?.keywords, deck.as_deref()))
}

#[tauri::command]
async fn get_resume(app: State<'_, App>) -> Reply<Option<cuecard::library::ResumeView>> {
    app.with(|lib| lib.resume(None))
}

#[tauri::command]
async fn add_resume(
    app: State<'_, App>,
    chosen: State<'_, Chosen>,
    path: String,
) -> Reply<cuecard::library::ResumeView> {
    chosen.check(std::path::Path::new(&path))?;
    let library = Arc::clone(&app.library);
    // Reading a PDF can take a moment: keep it off the async runtime.
    tauri::async_runtime::spawn_blocking(move || {
        let mut lib = library.lock().map_err(|_| busy())?;
        lib.add_resume(std::path::Path::new(&path), None)
            .map_err(|e| e.payload())
    })
    .await
    .map_err(|e| ErrorPayload::internal(format!("reading the résumé stopped unexpectedly: {e}")))?
}

#[tauri::command]
async fn resume_story(app: State<'_, App>) -> Reply<Vec<cuecard::library::BulletStory>> {
    app.with(|lib| lib.resume_story())
}

#[tauri::command]
async fn resume_match(
    app: State<'_, App>,
    job: String,
) -> Reply<Option<cuecard::resume::against::ResumeMatch>> {
    app.with(|lib| match lib.resume(None)? {
        Some(_) => lib.resume_match(&job, None).map(Some),
        None => Ok(None),
    })
}

#[tauri::command]
async fn likely_questions(
    app: State<'_, App>,
    job: String,
) -> Reply<Vec<cuecard::resume::questions::LikelyQuestion>> {
    app.with(|lib| match lib.resume(None)? {
        Some(_) => lib.likely_questions(Some(&job), None, 10),
        None => Ok(Vec::new()),
    })
}

#[tauri::command]
async fn remove_job_keyword(app: State<'_, App>, job: String, keyword: String) -> Reply<Job> {
    app.with(|lib| {
        lib.remove_job_keyword(&job, &keyword)
            .and_then(|_| lib.job(&job))
    })
}

#[tauri::command]
async fn add_job_keyword(app: State<'_, App>, job: String, name: String) -> Reply<Job> {
    app.with(|lib| {
        lib.add_job_keyword(&job, &name, 1.0)
            .and_then(|_| lib.job(&job))
    })
}

#[tauri::command]
async fn start_rehearsal(app: State<'_, App>, plan: RehearsalPlan) -> Reply<Session> {
    app.with(|lib| lib.start_rehearsal(&plan, now()))
}

#[tauri::command]
async fn compare_typed(
    app: State<'_, App>,
    card_id: String,
    typed: String,
    duration_ms: u64,
    target_secs: u32,
    job: Option<String>,
) -> Reply<TypedFeedback> {
    app.with(|lib| lib.compare_typed(&card_id, &typed, duration_ms, target_secs, job.as_deref()))
}

#[tauri::command]
async fn record_attempt(app: State<'_, App>, input: AttemptInput) -> Reply<AttemptResult> {
    app.with(|lib| lib.record_attempt(&input, now()))
}

#[tauri::command]
async fn session_summary(app: State<'_, App>, session_id: String) -> Reply<SessionSummary> {
    app.with(|lib| lib.session_summary(&session_id, now()))
}

#[tauri::command]
async fn stats(app: State<'_, App>) -> Reply<Stats> {
    app.with(|lib| lib.stats(now()))
}

#[tauri::command]
async fn card_history(app: State<'_, App>, card_id: String) -> Reply<Vec<Attempt>> {
    app.with(|lib| lib.card_history(&card_id))
}

#[tauri::command]
async fn due_cards(app: State<'_, App>) -> Reply<Vec<DueCard>> {
    app.with(|lib| lib.due_cards(now(), true))
}

#[tauri::command]
async fn add_note(app: State<'_, App>, card_id: String, body: String) -> Reply<CardView> {
    app.with(|lib| {
        lib.add_note(&card_id, &body)
            .and_then(|_| lib.card_view(&card_id))
    })
}

#[tauri::command]
async fn update_note(
    app: State<'_, App>,
    card_id: String,
    note_id: i64,
    body: String,
) -> Reply<CardView> {
    app.with(|lib| {
        lib.update_note(&card_id, note_id, &body)
            .and_then(|_| lib.card_view(&card_id))
    })
}

#[tauri::command]
async fn add_highlight(
    app: State<'_, App>,
    card_id: String,
    highlight: NewHighlight,
) -> Reply<CardView> {
    app.with(|lib| {
        lib.add_highlight(&card_id, &highlight)
            .and_then(|_| lib.card_view(&card_id))
    })
}

#[tauri::command]
async fn delete_highlight(app: State<'_, App>, card_id: String, id: i64) -> Reply<CardView> {
    app.with(|lib| {
        lib.delete_highlight(id)
            .and_then(|_| lib.card_view(&card_id))
    })
}

#[tauri::command]
async fn set_starred(app: State<'_, App>, card_id: String, starred: bool) -> Reply<CardView> {
    app.with(|lib| {
        lib.set_starred(&card_id, starred)
            .and_then(|_| lib.card_view(&card_id))
    })
}

#[tauri::command]
async fn edit_tag(app: State<'_, App>, card_id: String, tag: String, add: bool) -> Reply<CardView> {
    app.with(|lib| {
        lib.tag(&card_id, &tag, add)
            .and_then(|_| lib.card_view(&card_id))
    })
}

#[tauri::command]
async fn edit_card(
    app: State<'_, App>,
    card_id: String,
    question: Option<String>,
    answer: Option<String>,
) -> Reply<CardView> {
    app.with(|lib| lib.edit_card(&card_id, question.as_deref(), answer.as_deref()))
}

#[tauri::command]
async fn card_versions(app: State<'_, App>, card_id: String) -> Reply<Vec<Version>> {
    app.with(|lib| lib.versions(&card_id))
}

#[tauri::command]
async fn restore_version(app: State<'_, App>, card_id: String, version_id: i64) -> Reply<CardView> {
    app.with(|lib| lib.restore_version(&card_id, version_id))
}

#[tauri::command]
async fn resolve_conflict(app: State<'_, App>, card_id: String, keep: Keep) -> Reply<CardView> {
    app.with(|lib| lib.resolve_conflict(&card_id, keep))
}

#[tauri::command]
async fn deck_target(app: State<'_, App>, deck: String) -> Reply<u32> {
    app.with(|lib| lib.deck_target(&deck))
}

#[tauri::command]
async fn set_deck_target(app: State<'_, App>, deck: String, secs: u32) -> Reply<u32> {
    app.with(|lib| {
        lib.set_deck_target(&deck, secs)
            .and_then(|_| lib.deck_target(&deck))
    })
}

#[tauri::command]
async fn create_card(
    app: State<'_, App>,
    deck: Option<String>,
    question: String,
    answer: String,
    tags: Vec<String>,
) -> Reply<CardView> {
    app.with(|lib| lib.create_card(deck.as_deref(), &question, &answer, &tags))
}

/// The window reports the library on screen; with `CUECARD_TRACE` set, the time since the
/// process started is printed (the start-up benchmark reads it).
#[tauri::command]
async fn ui_ready(started: State<'_, Started>) -> Reply<()> {
    if std::env::var_os("CUECARD_TRACE").is_some() {
        eprintln!(
            "cuecard: library painted {} ms after start",
            started.0.elapsed().as_millis()
        );
    }
    Ok(())
}

struct Started(std::time::Instant);

/// What importing one file would make, with the ways of reading it; nothing is written.
#[tauri::command]
async fn preview_import(
    app: State<'_, App>,
    chosen: State<'_, Chosen>,
    path: String,
    questions: Option<String>,
) -> Reply<cuecard::library::ImportPreview> {
    chosen.check(std::path::Path::new(&path))?;
    let library = Arc::clone(&app.library);
    tauri::async_runtime::spawn_blocking(move || {
        let lib = library.lock().map_err(|_| busy())?;
        lib.preview_file(std::path::Path::new(&path), questions.as_deref())
            .map_err(|e| e.payload())
    })
    .await
    .map_err(|e| ErrorPayload::internal(format!("the preview stopped unexpectedly: {e}")))?
}

#[tauri::command]
async fn import_paths(
    handle: AppHandle,
    app: State<'_, App>,
    chosen: State<'_, Chosen>,
    paths: Vec<String>,
    questions: Option<String>,
) -> Reply<ImportReport> {
    let library = Arc::clone(&app.library);
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    for p in &paths {
        chosen.check(p)?;
    }
    tauri::async_runtime::spawn_blocking(move || {
        let mut lib = library.lock().map_err(|_| busy())?;
        let options = cuecard::library::ImportOptions {
            deck: None,
            questions,
        };
        Ok(
            lib.import_paths_with(&paths, &options, |done, total, path| {
                let progress = ImportProgress {
                    done,
                    total,
                    path: path.display().to_string(),
                };
                let _ = handle.emit("import-progress", progress);
            }),
        )
    })
    .await
    .map_err(|e| ErrorPayload::internal(format!("the import stopped unexpectedly: {e}")))?
}

/// The system's file dialog, opened by the shell (not the page) so that what is picked is
/// known to be the person's choice.
async fn pick(
    handle: AppHandle,
    title: &'static str,
    filter: (&'static str, Vec<&'static str>),
    many: bool,
) -> Reply<Vec<PathBuf>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let dialog = handle
            .dialog()
            .file()
            .set_title(title)
            .add_filter(filter.0, &filter.1);
        if many {
            dialog.blocking_pick_files()
        } else {
            dialog.blocking_pick_file().map(|f| vec![f])
        }
    })
    .await
    .map_err(|e| ErrorPayload::internal(format!("the file dialog failed: {e}")))?;
    Ok(picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect())
}

/// Asks for documents to import in the system's file dialog; what is picked may be read.
#[tauri::command]
async fn pick_documents(handle: AppHandle, chosen: State<'_, Chosen>) -> Reply<Vec<String>> {
    let mut kinds = cuecard::document::Format::EXTENSIONS.to_vec();
    kinds.push("json");
    let paths = pick(
        handle,
        "Import interview documents",
        ("Documents", kinds),
        true,
    )
    .await?;
    chosen.add(&paths);
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Asks for a résumé in the system's file dialog; what is picked may be read.
#[tauri::command]
async fn pick_resume(handle: AppHandle, chosen: State<'_, Chosen>) -> Reply<Option<String>> {
    let kinds = vec!["pdf", "docx", "md", "tex", "txt"];
    let paths = pick(handle, "Add your résumé", ("Résumé", kinds), false).await?;
    chosen.add(&paths);
    Ok(paths.first().map(|p| p.display().to_string()))
}

/// `--empty-window` opens a blank page of the app's instead of Cuecard's: the anchor that the
/// start-up and memory benchmark (`make bench`) holds the real window against.
fn empty_window() -> bool {
    std::env::args().any(|a| a == "--empty-window")
}

/// `--library DIR` picks another library folder; the default is the platform data folder.
fn library_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--library" {
            if let Some(dir) = args.next() {
                return PathBuf::from(dir);
            }
        } else if let Some(dir) = arg.strip_prefix("--library=") {
            return PathBuf::from(dir);
        }
    }
    Library::default_path()
}

fn main() {
    let started = Started(std::time::Instant::now());
    let path = library_path();
    let mut library = match Library::open(&path) {
        Ok(lib) => lib,
        Err(e) => {
            eprintln!(
                "cuecard: cannot open the library at {}: {e}",
                path.display()
            );
            std::process::exit(1);
        }
    };
    if let Err(e) = library.seed_sample_if_new() {
        eprintln!("cuecard: could not add the sample deck: {e}");
    }
    // The day's backup comes before the first change, by the same policy as the CLI's.
    library.back_up_before_first_write(now());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(started)
        .manage(Chosen::default())
        // Files dropped on the window may be read: the shell sees the drop itself.
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                use tauri::Manager;
                webview.state::<Chosen>().add(paths);
            }
        })
        .manage(App {
            library: Arc::new(Mutex::new(library)),
        })
        .setup(|app| {
            let url = if empty_window() {
                // A blank page of the app's own: the same runtime, protocol and page-load
                // event as Cuecard's, with nothing in it.
                WebviewUrl::App("empty.html".into())
            } else {
                WebviewUrl::App("index.html".into())
            };
            let started = {
                use tauri::Manager;
                app.state::<Started>().0
            };
            WebviewWindowBuilder::new(app, "main", url)
                // With CUECARD_TRACE, when the page has loaded: for the empty window, the
                // anchor the start-up benchmark holds "library painted" against.
                .on_page_load(move |_, payload| {
                    if payload.event() == tauri::webview::PageLoadEvent::Finished
                        && std::env::var_os("CUECARD_TRACE").is_some()
                    {
                        eprintln!(
                            "cuecard: page loaded {} ms after start",
                            started.elapsed().as_millis()
                        );
                    }
                })
                // The window shows Cuecard and nothing else: a link in an answer never takes
                // it to another page (which could then call the app's commands).
                .on_navigation(|url| {
                    // `tauri://localhost` (the app's own pages; a protocol-relative
                    // `//host` link would otherwise become `tauri://host`).
                    let own = (url.scheme() == "tauri" && url.host_str() == Some("localhost"))
                        || url.host_str() == Some("tauri.localhost")
                        || url.as_str() == "about:blank";
                    if !own {
                        eprintln!("cuecard: kept the window from leaving for {url}");
                    }
                    own
                })
                .title("Cuecard")
                .inner_size(1100.0, 720.0)
                .min_inner_size(800.0, 600.0)
                .build()?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            library_info,
            list_decks,
            list_cards,
            get_card,
            search,
            import_paths,
            pick_documents,
            pick_resume,
            preview_import,
            ui_ready,
            list_jobs,
            add_job,
            match_job,
            remove_job_keyword,
            add_job_keyword,
            start_rehearsal,
            compare_typed,
            record_attempt,
            session_summary,
            stats,
            card_history,
            due_cards,
            add_note,
            update_note,
            add_highlight,
            delete_highlight,
            set_starred,
            edit_tag,
            edit_card,
            card_versions,
            restore_version,
            resolve_conflict,
            create_card,
            deck_target,
            set_deck_target,
            get_resume,
            add_resume,
            resume_story,
            resume_match,
            likely_questions
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("cuecard: the window could not start: {e}");
        std::process::exit(1);
    }
}
