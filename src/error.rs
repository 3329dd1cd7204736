//! One error type for the whole core, with a stable [`ErrorCode`] that front ends branch on.
//!
//! Messages are written for the person using the app: they name the file or the id involved
//! and, where there is one, the next step. Nothing in the core panics on user input; every
//! failure ends up here.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// What kind of failure happened, as a stable machine-readable code.
///
/// The desktop UI and `--json` output switch on this, never on the message text.
/// The TypeScript binding (`ErrorCode.ts`) is generated from this enum, so the window knows
/// every code it can be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    FileNotFound,
    IsDirectory,
    PermissionDenied,
    NotText,
    TooLarge,
    NoQuestions,
    InvalidInput,
    LibraryBusy,
    Io,
    Store,
    Index,
    FetchFailed,
    /// The desktop shell's own failures: a command that stopped unexpectedly, a library left
    /// unusable by an earlier crash.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::FileNotFound => "file_not_found",
            ErrorCode::IsDirectory => "is_directory",
            ErrorCode::PermissionDenied => "permission_denied",
            ErrorCode::NotText => "not_text",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::NoQuestions => "no_questions",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::LibraryBusy => "library_busy",
            ErrorCode::Io => "io",
            ErrorCode::Store => "store",
            ErrorCode::Index => "index",
            ErrorCode::FetchFailed => "fetch_failed",
            ErrorCode::Internal => "internal",
        }
    }
}

/// Every failure the core can report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no {what} with id or name \"{id}\"")]
    NotFound { what: &'static str, id: String },
    #[error("{}: no such file", .0.display())]
    FileNotFound(PathBuf),
    #[error("{} is a folder; give the documents inside it", .0.display())]
    IsDirectory(PathBuf),
    #[error("{}: permission denied; check that you can read it", .0.display())]
    PermissionDenied(PathBuf),
    #[error("{}: {kind}, not a text file or a document Cuecard reads; it reads markdown (.md), plain text (.txt), org-mode (.org), AsciiDoc (.adoc), reStructuredText (.rst), HTML (.html), Word (.docx) and Cuecard JSON exports", path.display())]
    NotDocument { path: PathBuf, kind: String },
    #[error("{}: not a text file or a document Cuecard reads; it reads markdown (.md), plain text (.txt), org-mode (.org), AsciiDoc (.adoc), reStructuredText (.rst), HTML (.html), Word (.docx) and Cuecard JSON exports", .0.display())]
    NotText(PathBuf),
    #[error("{}: {size_mb} MB is more than the {limit_mb} MB a document may have", path.display())]
    TooLarge {
        path: PathBuf,
        size_mb: u64,
        limit_mb: u64,
    },
    #[error("no questions found in {}; Cuecard looks for questions as headings, numbered or bulleted lines, bold, italic or code lines, Q:/A: labels, <details> toggles and question/answer tables; if yours are written another way, say which with --questions (headings:N, list:N, numbered, bold, italic, code, lines, labels, toggles, table)", .0.display())]
    NoQuestions(PathBuf),
    #[error("{0}")]
    InvalidInput(String),
    #[error("the library at {} is being changed by another Cuecard (the app or a command); try again when it has finished", .0.display())]
    LibraryBusy(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("library database: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("search index: {0}")]
    Index(String),
    #[error("{0}")]
    Fetch(#[from] crate::jobs::fetch::FetchError),
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::FileNotFound(_) => ErrorCode::FileNotFound,
            Error::IsDirectory(_) => ErrorCode::IsDirectory,
            Error::PermissionDenied(_) => ErrorCode::PermissionDenied,
            Error::NotText(_) | Error::NotDocument { .. } => ErrorCode::NotText,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::NoQuestions(_) => ErrorCode::NoQuestions,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::LibraryBusy(_) => ErrorCode::LibraryBusy,
            Error::Io { .. } => ErrorCode::Io,
            Error::Store(_) => ErrorCode::Store,
            Error::Index(_) => ErrorCode::Index,
            Error::Fetch(_) => ErrorCode::FetchFailed,
        }
    }

    /// Maps an I/O error on `path` to the most specific variant.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        match source.kind() {
            std::io::ErrorKind::NotFound => Error::FileNotFound(path.to_path_buf()),
            std::io::ErrorKind::PermissionDenied => Error::PermissionDenied(path.to_path_buf()),
            std::io::ErrorKind::IsADirectory => Error::IsDirectory(path.to_path_buf()),
            _ => Error::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }

    pub fn not_found(what: &'static str, id: impl Into<String>) -> Error {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }

    /// The serialisable form that crosses process and IPC boundaries.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Index(e.to_string())
    }
}

/// `{code, message}`: how an error is shown to the UI and in `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

impl ErrorPayload {
    /// A failure of the shell itself (a task that stopped, a poisoned lock).
    pub fn internal(message: impl Into<String>) -> ErrorPayload {
        ErrorPayload {
            code: ErrorCode::Internal,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
