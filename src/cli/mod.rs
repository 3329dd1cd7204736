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
    /// Import the sample deck that ships with Cuecard.
    Sample,
    /// Rebuild the search index from the library database.
    Reindex,
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
