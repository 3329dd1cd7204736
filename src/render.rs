//! Answer markdown turned into what people and the index read: plain text and safe HTML.
//!
//! The HTML goes into a webview that can call the app's commands, so it is always passed
//! through ammonia: scripts, event handlers, `javascript:` links and raw HTML never survive.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// How deep quotes and HTML elements may nest in an answer before the rest is flattened: the
/// markdown and HTML parsers take time that grows with the square of the depth, and nobody
/// writes an answer 40,000 quotes deep.
const MAX_NESTING: usize = 32;

/// The answer with quote markers past `MAX_NESTING` on a line dropped, and its HTML shown as
/// text when it opens more elements than a person would nest; unchanged (and not copied)
/// otherwise.
fn tame(markdown: &str) -> std::borrow::Cow<'_, str> {
    let deep_quote = markdown.lines().any(|l| {
        l.bytes()
            .take_while(|b| *b == b'>' || *b == b' ')
            .filter(|b| *b == b'>')
            .count()
            > MAX_NESTING
    });
    let tags = markdown
        .as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count();
    let closes = markdown.matches("</").count();
    let deep_html = tags > 64 * MAX_NESTING && tags > closes.saturating_mul(2);
    if !deep_quote && !deep_html {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        let prefix = line
            .bytes()
            .take_while(|b| *b == b'>' || *b == b' ')
            .count();
        let markers = line[..prefix].matches('>').count();
        if markers > MAX_NESTING {
            out.push_str(&">".repeat(MAX_NESTING));
            out.push(' ');
            out.push_str(&line[prefix..]);
        } else {
            out.push_str(line);
        }
    }
    if deep_html {
        out = out.replace('<', "&lt;");
    }
    std::borrow::Cow::Owned(out)
}

/// The text of a markdown answer without its markup: what is indexed and shown in snippets.
pub fn plain_text(markdown: &str) -> String {
    let markdown = &*tame(markdown);
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => push_space(&mut out),
            Event::Start(Tag::Item) => push_break(&mut out),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::BlockQuote(_),
            ) => push_break(&mut out),
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    let collapsed: Vec<&str> = out.split_whitespace().collect();
    collapsed.join(" ")
}

fn push_space(out: &mut String) {
    if !out.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
}

fn push_break(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Markdown rendered to HTML that is safe to insert into the window.
pub fn safe_html(markdown: &str) -> String {
    sanitised(markdown, false)
}

/// Like [`safe_html`], for HTML that leaves the app (the Anki CSV export): images keep no
/// remote address, so opening the cards elsewhere fetches nothing from the network.
pub fn safe_html_offline(markdown: &str) -> String {
    sanitised(markdown, true)
}

fn sanitised(markdown: &str, offline: bool) -> String {
    let markdown = &*tame(markdown);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"));
    if offline {
        builder.attribute_filter(|element, attribute, value| {
            let v = value.trim_start().to_ascii_lowercase();
            let remote = v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//");
            if element == "img" && (attribute == "src" || attribute == "srcset") && remote {
                None
            } else {
                Some(value.into())
            }
        });
    }
    builder.clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup_keeps_words() {
        let t = plain_text(
            "Use **Kafka** and `kubectl`:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| x | y |",
        );
        assert!(t.contains("Use Kafka and kubectl:"), "{t}");
        assert!(t.contains("one") && t.contains("two") && t.contains('x'));
        assert!(!t.contains("**") && !t.contains('|') && !t.contains('`'));
    }

    #[test]
    fn deep_nesting_is_flattened_not_lost() {
        let deep = format!("{} deepest words\n", ">".repeat(40_000));
        let t = plain_text(&deep);
        assert_eq!(t, "deepest words");
        let html = safe_html(&deep);
        assert!(html.contains("deepest words"));
        assert!(html.matches("<blockquote>").count() <= MAX_NESTING);
        let divs = format!("{}inside{}", "<div>".repeat(20_000), "</div>".repeat(10));
        let html = safe_html(&divs);
        assert!(html.contains("inside"), "{}", &html[..200.min(html.len())]);
        // Ordinary answers are left as they are.
        assert_eq!(plain_text("> a quote\n\n<b>bold</b>"), "a quote bold");
    }

    #[test]
    fn exported_html_fetches_nothing() {
        let md = "![tracker](https://example.com/p.gif) ![local](diagram.png) [a link](https://example.com)";
        let html = safe_html_offline(md);
        assert!(!html.contains("example.com/p.gif"), "{html}");
        assert!(html.contains("diagram.png"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        assert!(safe_html(md).contains("example.com/p.gif"));
    }

    #[test]
    fn html_is_formatted_and_inert() {
        let md = "- item\n\n```rust\nfn main() {}\n```\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) <b onclick=\"x()\">b</b>";
        let html = safe_html(md);
        assert!(html.contains("<li>item</li>"), "{html}");
        assert!(html.contains("<code"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }
}
