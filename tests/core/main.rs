//! Whole flows through the `cuecard` binary and the library facade, on real files in
//! temporary library folders. One test binary; helpers below.

mod annotate;
mod bad_input;
mod contract;
mod export;
mod formats;
mod import;
mod jobs;
mod rehearse;
mod resume;
mod search;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh library folder for one test.
pub struct Lib {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
    }
}

impl Default for Lib {
    fn default() -> Self {
        Lib::new()
    }
}

impl Lib {
    pub fn new() -> Lib {
        Lib {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// Runs with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_cuecard"))
            .arg("--library")
            .arg(self.dir.path().join("lib"))
            .args(args)
            .env_remove("CUECARD_LIBRARY")
            .envs(env.iter().copied())
            .output()
            .expect("run cuecard");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs with `--json`, expecting success, and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let run = self.run(&all);
        assert_eq!(
            run.code, 0,
            "cuecard {args:?} failed: {}{}",
            run.stdout, run.stderr
        );
        run.json()
    }

    /// Writes a file into the test folder and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    pub fn library_dir(&self) -> PathBuf {
        self.dir.path().join("lib")
    }
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
