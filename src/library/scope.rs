//! Which files the window may ask Cuecard to read.
//!
//! The window is a web page: were it ever made to run script that is not Cuecard's, it could
//! call the app's commands with any path. So the desktop shell reads a file only when the
//! person chose it: picked in the file dialog or dropped on the window (the shell records
//! both itself; the page cannot add to that list), or typed into the app, when it is a
//! regular file of a kind Cuecard reads and lies outside hidden folders (`~/.ssh`,
//! `~/.config`). The command line is not limited: the person typed the command.

use std::path::{Component, Path};

use crate::error::{Error, Result};

/// Whether a file name ending is of a kind the window imports, reads as a posting or as a
/// résumé: a document format, a Cuecard JSON export, or a PDF résumé.
fn readable(ext: &str) -> bool {
    crate::document::Format::EXTENSIONS.contains(&ext) || ext == "json" || ext == "pdf"
}

/// Checks a path typed into the window (not picked in the dialog, not dropped).
pub fn check_typed_path(path: &Path) -> Result<()> {
    let refuse = |why: &str| {
        Err(Error::InvalidInput(format!(
            "Cuecard did not read {}: {why}. Choose the file with the Import… or Add… button, or drop it on the window",
            path.display()
        )))
    };
    if !path.is_absolute() {
        return refuse("type the whole path, starting at /");
    }
    let real = match std::fs::canonicalize(path) {
        Ok(p) => p,
        // A missing file is reported by the reader, with its usual message.
        Err(_) => return Ok(()),
    };
    for p in [path, real.as_path()] {
        let hidden = p.components().any(|c| match c {
            Component::Normal(part) => part.to_string_lossy().starts_with('.'),
            _ => false,
        });
        if hidden {
            return refuse("it is in a hidden folder or is a hidden file");
        }
    }
    let ext = real
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if real.is_file() && !readable(&ext) {
        return refuse(&format!(
            "a typed path must name a document ({}) or a PDF résumé",
            crate::document::SUPPORTED
        ));
    }
    // Folders are refused by the reader with their own message; special files too.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_extension_is_a_format() {
        for ext in crate::document::Format::EXTENSIONS {
            assert!(
                crate::document::Format::from_extension(ext).is_some(),
                "{ext}"
            );
        }
    }

    #[test]
    fn typed_paths_reach_documents_and_nothing_else() {
        let dir = tempfile::Builder::new().prefix("scope").tempdir().unwrap();
        let doc = dir.path().join("prep.md");
        std::fs::write(&doc, "# Q?\nA.").unwrap();
        assert!(check_typed_path(&doc).is_ok());
        // Every format the importer reads may be typed, org-mode and AsciiDoc included.
        for name in [
            "notes.org",
            "prep.adoc",
            "prep.rst",
            "cv.pdf",
            "export.json",
        ] {
            let p = dir.path().join(name);
            std::fs::write(&p, "x").unwrap();
            assert!(check_typed_path(&p).is_ok(), "{name}");
        }
        let key = dir.path().join("id_ed25519");
        std::fs::write(&key, "secret").unwrap();
        let err = check_typed_path(&key).unwrap_err().to_string();
        assert!(
            err.contains("did not read") && err.contains("Import"),
            "{err}"
        );
        let hidden = dir.path().join(".config");
        std::fs::create_dir(&hidden).unwrap();
        let inside = hidden.join("notes.md");
        std::fs::write(&inside, "# Q?\nA.").unwrap();
        assert!(check_typed_path(&inside).is_err());
        // A link with a document's name does not lead out to a secret.
        #[cfg(unix)]
        {
            let link = dir.path().join("innocent.md");
            std::os::unix::fs::symlink(&inside, &link).unwrap();
            assert!(check_typed_path(&link).is_err());
            let link2 = dir.path().join("key.md");
            std::os::unix::fs::symlink(&key, &link2).unwrap();
            assert!(check_typed_path(&link2).is_err());
        }
        assert!(check_typed_path(Path::new("relative.md")).is_err());
    }
}
