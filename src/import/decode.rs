//! Bytes to text: byte-order marks, UTF-16, line endings, binary files and invalid UTF-8.

use super::Warning;

/// Why a file's bytes are not a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or mostly control characters: a binary file.
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a text file")
    }
}

impl std::error::Error for DecodeError {}

/// How many lines with invalid UTF-8 are named one by one before a summary warning.
const MAX_LINE_WARNINGS: usize = 20;

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

fn utf16(bytes: &[u8], little: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

fn normalise_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Decodes a document's bytes. Invalid UTF-8 is replaced with U+FFFD, with a warning naming
/// each affected line.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<Warning>), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((normalise_newlines(utf16(rest, true)), Vec::new()));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((normalise_newlines(utf16(rest, false)), Vec::new()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((normalise_newlines(s.to_string()), Vec::new())),
        Err(_) => {
            let mut warnings = Vec::new();
            let mut bad_lines = 0usize;
            let mut last_line = 0usize;
            let mut line = 1usize;
            let mut rest = bytes;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(_) => break,
                    Err(e) => {
                        let valid = e.valid_up_to();
                        line += rest[..valid].iter().filter(|&&b| b == b'\n').count();
                        if line != last_line {
                            bad_lines += 1;
                            last_line = line;
                            if bad_lines <= MAX_LINE_WARNINGS {
                                warnings.push(Warning {
                                    line,
                                    message: "invalid UTF-8 replaced with \u{FFFD}; save the file as UTF-8 to keep these characters".to_string(),
                                });
                            }
                        }
                        let skip = valid + e.error_len().unwrap_or(rest.len() - valid).max(1);
                        line += rest[valid..skip.min(rest.len())]
                            .iter()
                            .filter(|&&b| b == b'\n')
                            .count();
                        rest = &rest[skip.min(rest.len())..];
                    }
                }
            }
            if bad_lines > MAX_LINE_WARNINGS {
                warnings.push(Warning {
                    line: last_line,
                    message: format!(
                        "invalid UTF-8 on {} more lines replaced with \u{FFFD}",
                        bad_lines - MAX_LINE_WARNINGS
                    ),
                });
            }
            let text = String::from_utf8_lossy(bytes).into_owned();
            Ok((normalise_newlines(text), warnings))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_utf16() {
        let (t, w) = decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap();
        assert_eq!(t, "a\nb\nc");
        assert!(w.is_empty());
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Q: hi?".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16le).unwrap().0, "Q: hi?");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").unwrap_err(),
            DecodeError::Binary
        );
        let controls: Vec<u8> = (0..200).map(|i| (i % 8) as u8 + 1).collect();
        assert_eq!(decode(&controls).unwrap_err(), DecodeError::Binary);
    }

    #[test]
    fn invalid_utf8_warns_per_line() {
        let (t, w) = decode(b"ok\ncaf\xE9\nfine\n\xFF\xFE\xFD x").unwrap();
        assert!(t.contains("caf\u{FFFD}"));
        let lines: Vec<usize> = w.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![2, 4]);
    }
}
