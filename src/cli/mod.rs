//! Command-line parsing and output. Every command is a call into the library facade plus
//! formatting: readable tables by default, one JSON document on stdout with `--json`.

mod output;

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
    /// Import markdown or text documents; each becomes a deck (re-importing updates it).
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Put the cards into this deck instead of one named after the document.
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
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
        /// How many hits to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Write decks out as markdown (re-importable) or JSON.
    Export {
        /// Only this deck (name or id).
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
        /// md or json.
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
    /// Which prepared answers cover a posting's keywords, the gaps, and the cards to rehearse first.
    Match {
        /// A job's id, or a posting (FILE, URL, or - for standard input).
        #[arg(value_name = "JOB_ID|FILE|URL|-")]
        target: String,
        /// Only the cards of this deck.
        #[arg(long, value_name = "NAME")]
        deck: Option<String>,
    },
    /// Import the sample deck that ships with Cuecard.
    Sample,
    /// Rebuild the search index from the library database.
    Reindex,
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
    let mut lib = Library::open(&root)?;
    match &cli.command {
        Command::Import { paths, deck } => {
            let show_progress = !cli.json && paths.len() > 1;
            let report = lib.import_paths(paths, deck.as_deref(), |done, total, path| {
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
            out.cards(&lib.cards(deck.as_deref(), *archived)?, *archived);
            Ok(0)
        }
        Command::Show { id } => {
            out.card(&lib.card(id)?);
            Ok(0)
        }
        Command::Search { query, limit } => {
            let q = query.join(" ");
            out.search(&q, &lib.search(&q, *limit)?);
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
            let mut with_cards = Vec::new();
            for d in decks {
                let cards = lib.cards(Some(d.id.as_str()), false)?;
                with_cards.push((d, cards));
            }
            let text = match format {
                Format::Markdown => with_cards
                    .iter()
                    .map(|(d, c)| export::deck_markdown(d, c))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Format::Json => export::json(&with_cards),
            };
            match output {
                Some(path) => {
                    std::fs::write(path, &text).map_err(|e| Error::io(path, e))?;
                    let cards: usize = with_cards.iter().map(|(_, c)| c.len()).sum();
                    out.exported(path, with_cards.len(), cards);
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
            out.keywords(&a.keywords);
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
