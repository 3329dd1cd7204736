//! Command-line parsing and output. Every command is a call into the library facade plus
//! formatting: readable tables by default, one JSON document on stdout with `--json`.

mod output;
mod rehearse;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use cuecard::export::{self, Format};
use cuecard::{Error, Library};
use serde_json::json;

use output::Out;

#[derive(Parser, Debug)]
#[command(
    name = "cuecard",
    version,
    about = "Rehearse interview answers: import your Q&A documents, search them, export them.",
    after_help = "The library lives in ~/.local/share/cuecard unless --library or CUECARD_LIBRARY says otherwise."
)]
struct Cli {
    /// Library folder to use (default: $CUECARD_LIBRARY, else the platform data directory).
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,
    /// Print one JSON document on stdout instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Import prep documents (markdown, text, org, AsciiDoc, rST, HTML, Word .docx, or a
    /// Cuecard JSON export); each becomes a deck (re-importing updates it).
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Put the cards into this deck instead of one named after the document.
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
        /// Show what would be imported (cards, how the questions were found, the other
        /// readings) without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// How the questions are written: headings:N, list:N, numbered, bold, italic, code,
        /// lines, labels, toggles or table; remembered for the file (auto forgets it).
        #[arg(long, value_name = "CARRIER")]
        questions: Option<String>,
    },
    /// List decks with their card counts.
    Decks,
    /// List cards.
    Cards {
        /// Only this deck (name or id).
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
        /// List archived cards (gone from their source document) instead.
        #[arg(long)]
        archived: bool,
    },
    /// Show one card (its id, or a unique prefix of it).
    Show {
        #[arg(value_name = "CARD_ID")]
        id: String,
    },
    /// Search: words, "phrases", -exclude, OR, deck:NAME, tag:NAME, q:WORD, a:WORD.
    Search {
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true, value_name = "QUERY")]
        query: Vec<String>,
        /// How many hits to show (1 to 10000).
        #[arg(long, default_value_t = 10, value_parser = limit_arg)]
        limit: usize,
    },
    /// Write decks out: markdown with notes (re-importable), JSON with everything, or CSV for Anki.
    Export {
        /// Only this deck (name or id).
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
        /// md, json or csv.
        #[arg(long, value_name = "FORMAT")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The skills and keywords a job posting asks for (FILE, URL, or - for standard input).
    Keywords {
        #[arg(value_name = "FILE|URL|-")]
        posting: String,
    },
    /// Keep job postings: add one, correct its keywords.
    Job {
        #[command(subcommand)]
        command: JobCommand,
    },
    /// List the jobs kept in the library.
    Jobs,
    /// Your résumé: add it, see how it was read, hold it against a job, get likely questions.
    Resume {
        #[command(subcommand)]
        command: ResumeCommand,
    },
    /// Which prepared answers cover a posting's keywords, the gaps, and the cards to rehearse first.
    Match {
        /// A job's id, or a posting (FILE, URL, or - for standard input).
        #[arg(value_name = "JOB_ID|FILE|URL|-")]
        target: String,
        /// Only the cards of this deck.
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
    },
    /// Rehearse in the terminal: one question at a time with a timer; Space reveals, 1-4 rate.
    Rehearse {
        /// The cards of this deck (name or id).
        #[arg(long, value_name = "NAME", conflicts_with_all = ["query", "job", "due"])]
        deck: Option<String>,
        /// The cards a search finds.
        #[arg(long, value_name = "Q", conflicts_with_all = ["job", "due"])]
        query: Option<String>,
        /// The cards a job ranks highest.
        #[arg(long, value_name = "ID", conflicts_with = "due")]
        job: Option<String>,
        /// What is due today (the default).
        #[arg(long)]
        due: bool,
        /// At most this many cards (1 to 10000).
        #[arg(long, value_name = "N", value_parser = limit_arg)]
        limit: Option<usize>,
        /// Target answer length in seconds (default: the deck's, else 120).
        #[arg(long, value_name = "SECS")]
        target: Option<u32>,
    },
    /// Record one rating of a card (for scripts and tests).
    Review {
        #[arg(value_name = "CARD_ID")]
        card: String,
        /// again, hard, good or easy (or 1 to 4).
        #[arg(long)]
        rating: String,
        /// Seconds spent answering.
        #[arg(long, value_name = "N", default_value_t = 0.0)]
        seconds: f64,
        /// When the rating was given (RFC 3339; default now).
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// What was typed as the answer, if anything.
        #[arg(long, value_name = "TEXT")]
        typed: Option<String>,
    },
    /// List the cards due for practice (scheduled ones, then new ones).
    Due {
        /// As of this moment (RFC 3339; default now): cards due by the end of that day.
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// Leave out cards never practised.
        #[arg(long)]
        no_new: bool,
    },
    /// A card's earlier versions (question and answer), its practice history and schedule.
    History {
        #[arg(value_name = "CARD_ID")]
        card: String,
        /// Bring back this version (its id from the list).
        #[arg(long, value_name = "VERSION_ID")]
        restore: Option<i64>,
    },
    /// Write a new card (question and answer) without a document.
    Add {
        #[arg(value_name = "QUESTION")]
        question: String,
        /// The answer (markdown).
        #[arg(long, value_name = "TEXT", conflicts_with = "answer_file")]
        answer: Option<String>,
        /// The answer from a file, or - for standard input.
        #[arg(long, value_name = "FILE")]
        answer_file: Option<PathBuf>,
        /// The deck (made if missing; default "My answers").
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
        /// Tags, comma-separated.
        #[arg(long, value_name = "TAGS", value_delimiter = ',')]
        tags: Vec<String>,
    },
    /// Notes on a card.
    Note {
        #[command(subcommand)]
        command: NoteCommand,
    },
    /// Add or remove a card's tags.
    Tag {
        #[command(subcommand)]
        command: TagCommand,
    },
    /// Star a card (or unstar it with --off).
    Star {
        #[arg(value_name = "CARD_ID")]
        card: String,
        #[arg(long)]
        off: bool,
    },
    /// Highlight words of a card's answer, with an optional comment.
    Highlight {
        #[arg(value_name = "CARD_ID")]
        card: String,
        /// The words, as they appear in the answer.
        #[arg(value_name = "WORDS")]
        words: String,
        #[arg(long)]
        comment: Option<String>,
    },
    /// Edit a card's question or answer (earlier text is kept; see `history`).
    Edit {
        #[arg(value_name = "CARD_ID")]
        card: String,
        /// New answer from a file (markdown), or - for standard input.
        #[arg(long, value_name = "FILE")]
        answer_file: Option<PathBuf>,
        /// New question.
        #[arg(long, value_name = "TEXT")]
        question: Option<String>,
    },
    /// Settle a card whose document changed after it was edited in the app.
    Resolve {
        #[arg(value_name = "CARD_ID")]
        card: String,
        /// app (keep the edit) or file (take the document's version).
        #[arg(long, value_name = "app|file")]
        keep: cuecard::annotate::Keep,
    },
    /// Back up the library now (one is also made automatically each day; 7 days are kept).
    Backup {
        /// List the backups instead.
        #[arg(long)]
        list: bool,
    },
    /// Replace the library with a backup (the current state is backed up first).
    Restore {
        #[arg(value_name = "BACKUP")]
        backup: PathBuf,
    },
    /// Practice statistics: reviews per day, ratings, time against target, cards due.
    Stats,
    /// Show or set how likely a card should still be remembered when it comes back
    /// (0.70 to 0.97; default 0.90). Higher means more frequent practice.
    Retention {
        #[arg(value_name = "VALUE")]
        value: Option<f64>,
    },
    /// Show or set a deck's target answer length in seconds.
    Target {
        #[arg(value_name = "DECK")]
        deck: String,
        #[arg(value_name = "SECS")]
        seconds: Option<u32>,
    },
    /// Import the sample deck that ships with Cuecard.
    Sample,
    /// Rebuild the search index from the library database.
    Reindex,
}

#[derive(Subcommand, Debug)]
enum NoteCommand {
    /// Add a note (markdown) to a card.
    Add {
        #[arg(value_name = "CARD_ID")]
        card: String,
        #[arg(value_name = "TEXT", required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Change a note's text (an empty text deletes it).
    Edit {
        #[arg(value_name = "CARD_ID")]
        card: String,
        #[arg(value_name = "NOTE_ID")]
        note: i64,
        #[arg(value_name = "TEXT", num_args = 0..)]
        text: Vec<String>,
    },
    /// Delete a note.
    Rm {
        #[arg(value_name = "CARD_ID")]
        card: String,
        #[arg(value_name = "NOTE_ID")]
        note: i64,
    },
}

#[derive(Subcommand, Debug)]
enum TagCommand {
    Add {
        #[arg(value_name = "CARD_ID")]
        card: String,
        #[arg(value_name = "TAG")]
        tag: String,
    },
    Rm {
        #[arg(value_name = "CARD_ID")]
        card: String,
        #[arg(value_name = "TAG")]
        tag: String,
    },
}

#[derive(Subcommand, Debug)]
enum ResumeCommand {
    /// Read a résumé (.pdf, .docx, .md, .txt) and keep it; re-adding a name replaces it.
    Add {
        #[arg(value_name = "FILE")]
        path: PathBuf,
        /// Keep it under this name (default: the file's name).
        #[arg(long)]
        name: Option<String>,
    },
    /// The résumé as Cuecard understood it (the latest added, or --name).
    Show {
        #[arg(long)]
        name: Option<String>,
    },
    /// The résumés kept, the latest (the default) first.
    List,
    /// A job's keywords against the résumé and the prepared answers, and a screening check.
    Match {
        #[arg(value_name = "JOB_ID")]
        job: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// Questions an interviewer would likely ask from this résumé (for a job, with --job).
    Questions {
        #[arg(long, value_name = "JOB_ID")]
        job: Option<String>,
        #[arg(long)]
        name: Option<String>,
        /// At most this many (1 to 10000; default 10).
        #[arg(long, value_name = "N", value_parser = limit_arg)]
        limit: Option<usize>,
        /// Add them to this deck as unanswered cards tagged `likely`.
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum JobCommand {
    /// Add a job from its posting (FILE, URL, or - for standard input).
    Add {
        #[arg(value_name = "FILE|URL|-")]
        posting: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        company: Option<String>,
        /// The interview date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Show a job and its keywords.
    Show {
        #[arg(value_name = "JOB_ID")]
        id: String,
    },
    /// Correct a job's keywords.
    Keyword {
        #[command(subcommand)]
        command: KeywordCommand,
    },
}

#[derive(Subcommand, Debug)]
enum KeywordCommand {
    /// Add a keyword (a skill name or any phrase).
    Add {
        job: String,
        name: String,
        #[arg(long, default_value_t = 1.0)]
        weight: f32,
    },
    /// Remove a keyword (by id or name).
    Rm { job: String, keyword: String },
    /// Change a keyword's weight.
    Weight {
        job: String,
        keyword: String,
        weight: f32,
    },
}

/// A count of results: a number from 1 to 10,000.
fn limit_arg(s: &str) -> Result<usize, String> {
    match s.trim().parse::<u64>() {
        Ok(n @ 1..=10_000) => Ok(n as usize),
        _ => Err(format!(
            "the limit is a number from 1 to 10000, not \"{s}\""
        )),
    }
}

/// An answer from a file (any encoding Cuecard reads) or standard input (`-`).
fn read_answer_file(p: &std::path::Path) -> Result<String, Error> {
    if p.as_os_str() == "-" {
        let mut t = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
            .map_err(|e| Error::io(std::path::Path::new("standard input"), e))?;
        return Ok(t);
    }
    let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
    if !meta.is_file() {
        return Err(Error::InvalidInput(format!(
            "{} is not a regular file (a pipe or a device); save the answer to a file and give that",
            p.display()
        )));
    }
    if meta.len() > cuecard::library::MAX_TEXT_BYTES as u64 {
        return Err(Error::InvalidInput(format!(
            "{} is {} KB; an answer can be at most {} KB",
            p.display(),
            meta.len() / 1024,
            cuecard::library::MAX_TEXT_BYTES / 1024
        )));
    }
    let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
    let (text, _) = cuecard::import::decode(&bytes).map_err(|_| Error::NotText(p.to_path_buf()))?;
    Ok(text)
}

fn posting_input(arg: &str) -> Result<cuecard::library::PostingInput, Error> {
    if arg == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Error::io(std::path::Path::new("standard input"), e))?;
        Ok(cuecard::library::PostingInput::Text(text))
    } else {
        Ok(cuecard::library::PostingInput::from_arg(arg))
    }
}

/// Runs the command line; returns the process exit code.
pub fn run(args: Vec<std::ffi::OsString>) -> i32 {
    let wants_json = args.iter().any(|a| a == "--json");
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return 0;
            }
            if wants_json {
                let msg = e.render().to_string();
                let first = msg
                    .lines()
                    .next()
                    .unwrap_or("usage error")
                    .trim_start_matches("error: ");
                let _ = writeln!(
                    std::io::stdout(),
                    "{}",
                    json!({"error": {"code": "usage", "message": first}})
                );
            } else {
                let _ = e.print();
            }
            return 2;
        }
    };
    let out = Out::new(cli.json);
    match execute(&cli, &out) {
        Ok(code) => code,
        Err(e) => {
            out.error(&e);
            1
        }
    }
}

fn execute(cli: &Cli, out: &Out) -> Result<i32, Error> {
    let root = cli.library.clone().unwrap_or_else(Library::default_path);
    if let Command::Restore { backup } = &cli.command {
        let (safety, lib) = Library::restore(&root, backup, cuecard::rehearse::time::now())?;
        out.restored(backup, &safety, &lib.info()?);
        return Ok(0);
    }
    let mut lib = Library::open(&root)?;
    // Before the first change of the day, a backup (the last week kept): the same policy
    // as the app's, kept by the library; reading commands never pay for it.
    lib.back_up_before_first_write(cuecard::rehearse::time::now());
    match &cli.command {
        Command::Import {
            paths,
            deck,
            dry_run,
            questions,
        } => {
            if *dry_run {
                let mut previews = Vec::new();
                for p in paths {
                    previews.push(lib.preview_file(p, questions.as_deref())?);
                }
                out.preview(&previews);
                return Ok(0);
            }
            let show_progress = !cli.json && paths.len() > 1;
            let options = cuecard::library::ImportOptions {
                deck: deck.clone(),
                questions: questions.clone(),
            };
            let report = lib.import_paths_with(paths, &options, |done, total, path| {
                if show_progress && done < total {
                    eprintln!("[{}/{}] {}", done + 1, total, path.display());
                }
            });
            if paths.len() == 1 && report.decks.is_empty() {
                if let Some(e) = report.errors.first() {
                    out.error_payload(&e.code, &e.message);
                    return Ok(1);
                }
            }
            out.import(&report);
            Ok(if report.errors.is_empty() { 0 } else { 1 })
        }
        Command::Decks => {
            out.decks(&lib.decks()?);
            Ok(0)
        }
        Command::Cards { deck, archived } => {
            let cards = lib.cards(deck.as_deref(), *archived)?;
            let mut annotations = Vec::new();
            if cli.json {
                for c in &cards {
                    annotations.push(lib.annotations(c.id.as_str())?);
                }
            }
            out.cards(&cards, &annotations, *archived);
            Ok(0)
        }
        Command::Show { id } => {
            out.card_full(&lib.card_view(id)?);
            Ok(0)
        }
        Command::Search { query, limit } => {
            // Options written after the query ("search kafka --limit 2") are options, not
            // words to search for.
            let mut words = Vec::new();
            let mut limit = *limit;
            let mut it = query.iter();
            while let Some(w) = it.next() {
                match w.as_str() {
                    "--limit" => {
                        let n = it.next().map(String::as_str).unwrap_or("");
                        limit = limit_arg(n).map_err(Error::InvalidInput)?;
                    }
                    "--json" => {}
                    _ => words.push(w.as_str()),
                }
            }
            let q = words.join(" ");
            out.search(&q, &lib.search(&q, limit)?);
            Ok(0)
        }
        Command::Export {
            deck,
            format,
            output,
        } => {
            let decks = match deck {
                Some(d) => vec![lib.deck(d)?],
                None => lib.decks()?,
            };
            let mut count = 0;
            for d in &decks {
                count += d.cards;
            }
            let text = match format {
                Format::Markdown => {
                    let mut parts = Vec::new();
                    for d in &decks {
                        parts.push(lib.export_markdown(d)?);
                    }
                    parts.join("\n")
                }
                Format::Json => {
                    lib.export_json(if deck.is_some() { Some(&decks) } else { None })?
                }
                Format::Csv => {
                    let mut cards = Vec::new();
                    for d in &decks {
                        cards.extend(lib.cards(Some(d.id.as_str()), false)?);
                    }
                    export::csv(&cards)
                }
            };
            match output {
                Some(path) => {
                    std::fs::write(path, &text).map_err(|e| Error::io(path, e))?;
                    out.exported(path, decks.len(), count);
                }
                None => {
                    let mut stdout = std::io::stdout().lock();
                    let _ = stdout.write_all(text.as_bytes());
                    if !text.ends_with('\n') {
                        let _ = stdout.write_all(b"\n");
                    }
                }
            }
            Ok(0)
        }
        Command::Keywords { posting } => {
            let a = cuecard::library::analyse_posting(posting_input(posting)?)?;
            out.keywords(&a.keywords, &a.requirements);
            Ok(0)
        }
        Command::Job { command } => match command {
            JobCommand::Add {
                posting,
                title,
                company,
                date,
            } => {
                let job = lib.add_job(
                    posting_input(posting)?,
                    title.clone(),
                    company.clone(),
                    date.clone(),
                )?;
                out.job(&job);
                Ok(0)
            }
            JobCommand::Show { id } => {
                out.job(&lib.job(id)?);
                Ok(0)
            }
            JobCommand::Keyword { command } => {
                let job = match command {
                    KeywordCommand::Add { job, name, weight } => {
                        lib.add_job_keyword(job, name, *weight)?;
                        job
                    }
                    KeywordCommand::Rm { job, keyword } => {
                        lib.remove_job_keyword(job, keyword)?;
                        job
                    }
                    KeywordCommand::Weight {
                        job,
                        keyword,
                        weight,
                    } => {
                        lib.set_job_keyword_weight(job, keyword, *weight)?;
                        job
                    }
                };
                out.job(&lib.job(job)?);
                Ok(0)
            }
        },
        Command::Jobs => {
            out.jobs(&lib.jobs()?);
            Ok(0)
        }
        Command::Resume { command } => match command {
            ResumeCommand::Add { path, name } => {
                out.resume(&lib.add_resume(path, name.as_deref())?, true);
                Ok(0)
            }
            ResumeCommand::Show { name } => {
                out.resume(&lib.resume_required(name.as_deref())?, false);
                Ok(0)
            }
            ResumeCommand::List => {
                out.resumes(&lib.resumes()?);
                Ok(0)
            }
            ResumeCommand::Match { job, name } => {
                out.resume_match(&lib.resume_match(job, name.as_deref())?);
                Ok(0)
            }
            ResumeCommand::Questions {
                job,
                name,
                limit,
                deck,
            } => {
                let qs =
                    lib.likely_questions(job.as_deref(), name.as_deref(), limit.unwrap_or(10))?;
                let report = match deck {
                    Some(d) => Some(lib.add_likely_questions(&qs, d)?),
                    None => None,
                };
                out.likely(&qs, report.as_ref());
                Ok(0)
            }
        },
        Command::Match { target, deck } => {
            let keywords = match lib.job(target) {
                Ok(job) => job.keywords,
                Err(Error::NotFound { .. })
                    if target == "-"
                        || target.contains("://")
                        || std::path::Path::new(target).exists() =>
                {
                    cuecard::library::analyse_posting(posting_input(target)?)?.keywords
                }
                Err(e) => return Err(e),
            };
            out.matched(&lib.match_keywords(&keywords, deck.as_deref())?);
            Ok(0)
        }
        Command::Rehearse {
            deck,
            query,
            job,
            due: _,
            limit,
            target,
        } => {
            use cuecard::rehearse::{RehearsalPlan, RehearsalSource};
            let source = if let Some(d) = deck {
                RehearsalSource::Deck { deck: d.clone() }
            } else if let Some(q) = query {
                RehearsalSource::Query { query: q.clone() }
            } else if let Some(j) = job {
                RehearsalSource::Job { job: j.clone() }
            } else {
                RehearsalSource::Due
            };
            let plan = RehearsalPlan {
                source,
                limit: *limit,
                target_secs: *target,
            };
            rehearse::run(&mut lib, &plan, out)
        }
        Command::Review {
            card,
            rating,
            seconds,
            at,
            typed,
        } => {
            let rating = cuecard::library::parse_rating(rating)?;
            if !seconds.is_finite() || *seconds < 0.0 {
                return Err(Error::InvalidInput(format!(
                    "--seconds {seconds} is not a duration; give the seconds spent answering"
                )));
            }
            let duration_ms = (*seconds * 1000.0).round() as u64;
            let now = match at {
                Some(at) => cuecard::rehearse::time::parse_rfc3339_ms(at)? / 1000,
                None => cuecard::rehearse::time::now(),
            };
            let result = lib.record_attempt(
                &cuecard::rehearse::AttemptInput {
                    card_id: cuecard::CardId(card.clone()),
                    session_id: None,
                    started_at: Some(cuecard::rehearse::time::rfc3339_ms(
                        now * 1000 - duration_ms as i64,
                    )),
                    duration_ms,
                    target_secs: None,
                    rating,
                    typed: typed.clone(),
                },
                now,
            )?;
            out.reviewed(&result);
            Ok(0)
        }
        Command::Due { at, no_new } => {
            let now = match at {
                Some(at) => cuecard::rehearse::time::parse_rfc3339_ms(at)? / 1000,
                None => cuecard::rehearse::time::now(),
            };
            out.due(&lib.due_cards(now, !*no_new)?);
            Ok(0)
        }
        Command::History { card, restore } => {
            let now = cuecard::rehearse::time::now();
            let c = lib.card(card)?;
            if let Some(v) = restore {
                lib.restore_version(c.id.as_str(), *v)?;
            }
            let c = lib.card(c.id.as_str())?;
            out.history(
                &c,
                &lib.versions(c.id.as_str())?,
                &lib.card_schedule(c.id.as_str(), now)?,
                &lib.card_history(c.id.as_str())?,
            );
            Ok(0)
        }
        Command::Note { command } => {
            let card = match command {
                NoteCommand::Add { card, text } => {
                    lib.add_note(card, &text.join(" "))?;
                    card
                }
                NoteCommand::Edit { card, note, text } => {
                    lib.update_note(card, *note, &text.join(" "))?;
                    card
                }
                NoteCommand::Rm { card, note } => {
                    lib.update_note(card, *note, "")?;
                    card
                }
            };
            out.card_annotations(&lib.card_view(card)?);
            Ok(0)
        }
        Command::Tag { command } => {
            let (card, tag, add) = match command {
                TagCommand::Add { card, tag } => (card, tag, true),
                TagCommand::Rm { card, tag } => (card, tag, false),
            };
            lib.tag(card, tag, add)?;
            out.card_annotations(&lib.card_view(card)?);
            Ok(0)
        }
        Command::Star { card, off } => {
            let c = lib.set_starred(card, !*off)?;
            out.card_annotations(&lib.card_view(c.id.as_str())?);
            Ok(0)
        }
        Command::Highlight {
            card,
            words,
            comment,
        } => {
            lib.highlight_words(card, words, comment.as_deref())?;
            out.card_annotations(&lib.card_view(card)?);
            Ok(0)
        }
        Command::Add {
            question,
            answer,
            answer_file,
            deck,
            tags,
        } => {
            let answer = match (answer, answer_file) {
                (Some(a), _) => a.clone(),
                (None, Some(p)) => read_answer_file(p)?,
                (None, None) => String::new(),
            };
            let view = lib.create_card(deck.as_deref(), question, &answer, tags)?;
            out.card(&view.card);
            Ok(0)
        }
        Command::Edit {
            card,
            answer_file,
            question,
        } => {
            if answer_file.is_none() && question.is_none() {
                return Err(Error::InvalidInput(
                    "nothing to change: give --answer-file FILE and/or --question TEXT".into(),
                ));
            }
            let answer = answer_file
                .as_ref()
                .map(|p| read_answer_file(p))
                .transpose()?;
            let view = lib.edit_card(card, question.as_deref(), answer.as_deref())?;
            out.card_annotations(&view);
            Ok(0)
        }
        Command::Resolve { card, keep } => {
            let view = lib.resolve_conflict(card, *keep)?;
            out.card_annotations(&view);
            Ok(0)
        }
        Command::Backup { list } => {
            if *list {
                out.backups(&cuecard::library::list_backups(lib.root()));
            } else {
                let path = lib.backup(cuecard::rehearse::time::now(), "")?;
                out.backed_up(&path);
            }
            Ok(0)
        }
        Command::Restore { .. } => unreachable!("handled before the library is opened"),
        Command::Stats => {
            out.stats(&lib.stats(cuecard::rehearse::time::now())?);
            Ok(0)
        }
        Command::Retention { value } => {
            if let Some(v) = value {
                lib.set_desired_retention(*v)?;
            }
            let r = lib.fsrs()?.desired_retention;
            out.retention(r);
            Ok(0)
        }
        Command::Target { deck, seconds } => {
            if let Some(s) = seconds {
                lib.set_deck_target(deck, *s)?;
            }
            let d = lib.deck(deck)?;
            let secs = lib.deck_target(deck)?;
            out.target(&d.name, secs);
            Ok(0)
        }
        Command::Sample => {
            let report = lib.import_sample()?;
            out.import(&cuecard::ImportReport {
                decks: vec![report],
                errors: vec![],
            });
            Ok(0)
        }
        Command::Reindex => {
            lib.rebuild_index()?;
            let info = lib.info()?;
            out.reindexed(&info);
            Ok(0)
        }
    }
}
