//! HTML inside markdown: `<details>` toggles and their summaries, and HTML that shows nothing.

use super::text::{collapse, is_decoration};

fn has_words(s: &str) -> bool {
    s.chars()
        .any(|c| !c.is_whitespace() && !is_decoration(c) && !c.is_ascii_punctuation())
}

/// A `<details>` tag found in an HTML block.
#[derive(Debug, Clone, PartialEq)]
pub enum DetailsTag {
    /// `<details>`, with the text of its `<summary>` and where that summary ends.
    Open {
        summary: Option<String>,
        summary_end: Option<usize>,
    },
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FoundTag {
    pub kind: DetailsTag,
    /// Byte offsets of the tag in the block.
    pub at: usize,
    pub end: usize,
}

/// Case-insensitive search for an ASCII needle, without copying the haystack.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    find_ci_until(hay, needle, from, hay.len())
}

/// `find_ci` that looks no further than byte `to`.
pub fn find_ci_until(hay: &str, needle: &str, from: usize, to: usize) -> Option<usize> {
    let h = &hay.as_bytes()[..to.min(hay.len())];
    let n = needle.as_bytes();
    if n.is_empty() || from >= h.len() || h.len() - from < n.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The `<details>`, `<summary>` and `</details>` tags of an HTML block, in order.
pub fn html_details(src: &str) -> Vec<FoundTag> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = src[i..].find('<').map(|p| p + i) {
        let rest = &src[lt..];
        let tag_end = rest.find('>').map(|p| lt + p + 1).unwrap_or(src.len());
        let b = rest.as_bytes();
        if b.len() >= 9
            && b[..8].eq_ignore_ascii_case(b"<details")
            && (b[8] == b'>' || b[8].is_ascii_whitespace())
        {
            // A summary right after it (only whitespace or tags between) is its summary.
            let mut summary = None;
            let mut summary_end = None;
            let mut end = tag_end;
            if let Some(s) = find_ci(src, "<summary", tag_end) {
                let between = &src[tag_end..s];
                let next_details = find_ci(src, "<details", tag_end).unwrap_or(usize::MAX);
                if !has_words(&strip_tags(between)) && s < next_details {
                    if let Some(close) = find_ci(src, "</summary>", s) {
                        let open_end = src[s..].find('>').map(|p| s + p + 1).unwrap_or(close);
                        summary = Some(strip_tags(&src[open_end.min(close)..close]));
                        summary_end = Some(close + "</summary>".len());
                        end = close + "</summary>".len();
                    }
                }
            }
            out.push(FoundTag {
                kind: DetailsTag::Open {
                    summary,
                    summary_end,
                },
                at: lt,
                end,
            });
            i = end.max(lt + 1);
            continue;
        }
        if b.len() >= 10 && b[..10].eq_ignore_ascii_case(b"</details>") {
            out.push(FoundTag {
                kind: DetailsTag::Close,
                at: lt,
                end: lt + 10,
            });
            i = lt + 10;
            continue;
        }
        if rest.starts_with("<!--") {
            i = src[lt..]
                .find("-->")
                .map(|p| lt + p + 3)
                .unwrap_or(src.len());
            continue;
        }
        i = tag_end.max(lt + 1);
    }
    out
}

/// HTML that shows no words and nothing else worth keeping: comments, `<br>`, anchors,
/// centred logos and badges.
pub fn is_noise_html(src: &str) -> bool {
    if has_words(&strip_tags(src)) {
        return false;
    }
    ![
        "<table", "<pre", "<code", "<svg", "<video", "<iframe", "<script",
    ]
    .iter()
    .any(|t| find_ci(src, t, 0).is_some())
}

/// Text with tags and comments removed, entities for the common characters decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|i| i + 3)
        } else {
            after.find('>').map(|i| i + 1)
        };
        match end {
            Some(e) => rest = &after[e..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    collapse(
        &out.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_toggles_in_one_block() {
        let t = html_details("<details><summary>Q one?</summary>\n<details>\n<summary><b>Answer</b></summary>\nx</details></details>");
        assert_eq!(t.len(), 4);
        assert_eq!(
            t[0].kind,
            DetailsTag::Open {
                summary: Some("Q one?".into()),
                summary_end: Some(34)
            }
        );
        assert!(matches!(&t[1].kind, DetailsTag::Open { summary: Some(s), .. } if s == "Answer"));
        assert_eq!(t[3].kind, DetailsTag::Close);
    }

    #[test]
    fn noise() {
        assert!(is_noise_html("<!-- c -->\n<br/>"));
        assert!(is_noise_html("<p align=\"center\"><img src=x></p>"));
        assert!(!is_noise_html("<p>Words</p>"));
    }
}
