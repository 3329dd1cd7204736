//! The `cuecard` command: a thin layer over [`cuecard::Library`].

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args_os().collect()));
}
