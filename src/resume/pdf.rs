//! A PDF's text layer to résumé lines, by layout.
//!
//! pdf-extract walks the content streams and hands over each glyph with its position and
//! size; here the glyphs are grouped into lines by their baseline, lines into columns when a
//! page has a clear vertical gutter (two-column templates), and each line is marked as a
//! heading when its type is larger than the body text, or as a bullet when it starts with a
//! bullet glyph. Wrapped bullet lines are joined back to their bullet.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::lines::Line;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    Encrypted,
    Corrupt(String),
    /// No text layer: a scan or an image.
    NoText,
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Encrypted => f.write_str(
                "the PDF is encrypted; save an unprotected copy (print it to PDF) and add that",
            ),
            PdfError::Corrupt(why) => write!(f, "the PDF is damaged or not a PDF ({why})"),
            PdfError::NoText => f.write_str(
                "the PDF has no text layer (a scan or an image); export the résumé as PDF from the editor it was written in, or add it as .docx or .txt",
            ),
        }
    }
}

#[derive(Debug, Clone)]
struct Glyph {
    page: u32,
    x: f64,
    /// From the top of the page.
    y: f64,
    w: f64,
    size: f64,
    ch: String,
    /// The first glyph of a text-showing operation: where a word may start.
    word_start: bool,
    /// Its place in the order the page draws its glyphs.
    seq: usize,
}

struct Collector {
    page: u32,
    height: f64,
    glyphs: Vec<Glyph>,
    /// Widths of the pages, by page order.
    widths: Vec<(u32, f64)>,
    word_start: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = page_num;
        self.height = media_box.ury - media_box.lly;
        self.widths.push((page_num, media_box.urx - media_box.llx));
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: the side of the square with the area the text matrix
        // makes of a size-by-size square.
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        if !size.is_finite() || size <= 0.0 || self.glyphs.len() > 2_000_000 {
            return Ok(());
        }

        self.glyphs.push(Glyph {
            page: self.page,
            x: trm.m31,
            y: self.height - trm.m32,
            w: width * size,
            size,
            ch: ch.to_string(),
            word_start: std::mem::take(&mut self.word_start),
            seq: self.glyphs.len(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The lines of a PDF résumé.
pub fn read(bytes: &[u8]) -> Result<Vec<Line>, PdfError> {
    if !bytes.starts_with(b"%PDF") {
        return Err(PdfError::Corrupt("it does not start with %PDF".into()));
    }
    // pdf-extract panics on some malformed files: a damaged résumé is an error, not a crash,
    // and not a panic message on the terminal either.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| -> Result<Collector, PdfError> {
        let mut doc =
            pdf_extract::Document::load_mem(bytes).map_err(|e| PdfError::Corrupt(e.to_string()))?;
        if doc.is_encrypted() {
            return Err(PdfError::Encrypted);
        }
        forget_unreadable_text_maps(&mut doc);
        let mut c = Collector {
            page: 0,
            height: 0.0,
            glyphs: Vec::new(),
            widths: Vec::new(),
            word_start: false,
        };
        pdf_extract::output_doc(&doc, &mut c).map_err(|e| PdfError::Corrupt(e.to_string()))?;
        Ok(c)
    });
    let c = match result {
        Ok(r) => r,
        // Some fonts stop pdf-extract's decoding: the PDF library's own text extraction
        // still reads them, without positions.
        Err(_) => Err(match plain_text(bytes) {
            Some(lines) => {
                std::panic::set_hook(hook);
                return Ok(lines);
            }
            None => PdfError::Corrupt("its text could not be read".into()),
        }),
    };
    std::panic::set_hook(hook);
    let c = c?;
    if c.glyphs.iter().filter(|g| !g.ch.trim().is_empty()).count() < 20 {
        return Err(PdfError::NoText);
    }
    Ok(layout(c))
}

/// Font text maps pdf-extract cannot read make it give up on the whole file: the maps of
/// icon fonts (FontAwesome, as LaTeX résumé templates set the phone, mail and link icons),
/// whose glyph names clash with them, and maps that do not parse. Those maps are dropped
/// (an icon is no text; a font without its map falls back on its encoding), and the rest
/// reads with its layout.
fn forget_unreadable_text_maps(doc: &mut pdf_extract::Document) {
    use pdf_extract::Object;
    let mut drop = Vec::new();
    for (id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else {
            continue;
        };
        let Ok(map) = dict.get(b"ToUnicode") else {
            continue;
        };
        let icons = dict
            .get(b"BaseFont")
            .and_then(|n| n.as_name())
            .is_ok_and(|n| {
                let n = String::from_utf8_lossy(n).to_lowercase();
                n.contains("fontawesome") || n.contains("academicons")
            });
        let stream = match map {
            Object::Reference(r) => doc.get_object(*r).ok(),
            other => Some(other),
        }
        .and_then(|o| o.as_stream().ok());
        let readable = stream.is_some_and(|s| {
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            std::panic::catch_unwind(|| {
                adobe_cmap_parser::get_unicode_map(&content)
                    .is_ok_and(|m| m.values().all(|v| v.len() % 2 == 0))
            })
            .unwrap_or(false)
        });
        if icons || !readable {
            drop.push(*id);
        }
    }
    for id in drop {
        if let Some(Ok(dict)) = doc.objects.get_mut(&id).map(|o| o.as_dict_mut()) {
            dict.remove(b"ToUnicode");
        }
    }
}

/// The text of a PDF without layout (lopdf's extraction), as lines: a fallback for fonts
/// the positioned reading cannot decode. Bullets written inline (" • ") start lines.
fn plain_text(bytes: &[u8]) -> Option<Vec<Line>> {
    let text = std::panic::catch_unwind(|| {
        let doc = pdf_extract::Document::load_mem(bytes).ok()?;
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).ok()
    })
    .ok()
    .flatten()?;
    let mut out: Vec<Line> = Vec::new();
    for raw in text.lines() {
        // Section words run into the line before them ("… GitHub EXPERIENCE").
        let mut raw = raw.to_string();
        for word in [
            "EXPERIENCE",
            "EDUCATION",
            "SKILLS",
            "PROJECTS",
            "PUBLICATIONS",
            "EMPLOYMENT",
            "CERTIFICATIONS",
            "LANGUAGES",
            "INTERESTS",
            "SUMMARY",
        ] {
            raw = raw.replace(&format!(" {word}"), &format!("\n{word}\n"));
        }
        let raw = raw.replace('∙', "•");
        for line in raw.lines() {
            let bulleted = line.trim_start().starts_with('•');
            for (k, piece) in line.split('•').enumerate() {
                let piece = piece.trim();
                if piece.is_empty() {
                    continue;
                }
                out.push(Line {
                    text: piece.split_whitespace().collect::<Vec<_>>().join(" "),
                    heading: None,
                    bullet: k > 0 || bulleted,
                    bold: false,
                    blank_before: false,
                    page: None,
                    line: out.len() + 1,
                });
            }
        }
    }
    (out.iter().map(|l| l.text.len()).sum::<usize>() >= 40).then_some(out)
}

/// A line of glyphs on one page, before it is text.
#[derive(Clone)]
struct Row {
    page: u32,
    y: f64,
    size: f64,
    glyphs: Vec<Glyph>,
}

fn rows_of(mut glyphs: Vec<Glyph>) -> Vec<Row> {
    glyphs.sort_by(|a, b| {
        a.page
            .cmp(&b.page)
            .then(a.y.total_cmp(&b.y))
            .then(a.x.total_cmp(&b.x))
    });
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        let same = rows.last().is_some_and(|r| {
            r.page == g.page && (g.y - r.y).abs() <= 0.45 * r.size.max(g.size).max(1.0)
        });
        if same {
            if let Some(r) = rows.last_mut() {
                r.size = r.size.max(g.size);
                r.glyphs.push(g);
            }
        } else {
            rows.push(Row {
                page: g.page,
                y: g.y,
                size: g.size,
                glyphs: vec![g],
            });
        }
    }
    for r in &mut rows {
        r.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        // Bold made by drawing the text twice, a hair apart: one letter, not two. The copy
        // is drawn apart from the letter in the page's order (a doubled letter, "22", is
        // drawn straight after it, and some makers place both at one x).
        r.glyphs.dedup_by(|b, a| {
            a.ch == b.ch
                && !a.ch.trim().is_empty()
                && (b.x - a.x).abs() < 0.1 * a.size
                && a.seq.abs_diff(b.seq) > 1
        });
    }
    rows
}

/// The x of a vertical gutter that splits the page's rows into two columns, if there is one.
fn gutter(rows: &[&Row], width: f64) -> Option<f64> {
    if rows.len() < 12 || width <= 0.0 {
        return None;
    }
    let bins = 200usize;
    let bin = |x: f64| ((x / width) * bins as f64).clamp(0.0, (bins - 1) as f64) as usize;
    // How many rows cover each band of the page.
    let mut cover = vec![0usize; bins];
    for r in rows {
        let mut seen = vec![false; bins];
        for g in &r.glyphs {
            if g.ch.trim().is_empty() {
                continue;
            }
            for s in seen.iter_mut().take(bin(g.x + g.w) + 1).skip(bin(g.x)) {
                *s = true;
            }
        }
        for (c, s) in cover.iter_mut().zip(seen) {
            *c += s as usize;
        }
    }
    // The deepest valley in the middle of the page, with text piled up on both sides: a
    // single column thins out to the right instead.
    let (lo, hi) = (bins * 22 / 100, bins * 78 / 100);
    let min = *cover[lo..hi].iter().min()?;
    // The longest run of bins at the bottom of the valley.
    let (mut a, mut b) = (0, 0);
    let mut i = lo;
    while i < hi {
        if cover[i] == min {
            let s = i;
            while i < hi && cover[i] == min {
                i += 1;
            }
            if i - s > b - a {
                (a, b) = (s, i);
            }
        } else {
            i += 1;
        }
    }
    let left_max = *cover[..a].iter().max()?;
    let right_max = *cover[b..].iter().max()?;
    let tall = (rows.len() / 4).max(3 * min + 1);
    if min > rows.len() / 8 || left_max < tall || right_max < tall {
        return None;
    }
    let x = (a + b) as f64 / 2.0 / bins as f64 * width;
    let left = rows
        .iter()
        .filter(|r| r.glyphs.iter().any(|g| g.x + g.w < x))
        .count();
    let right = rows
        .iter()
        .filter(|r| r.glyphs.iter().any(|g| g.x > x))
        .count();
    (left >= rows.len() / 5 && right >= rows.len() / 5).then_some(x)
}

/// Whether a row runs across `x` as one piece of text (a name or a contact line set across
/// both columns): two neighbouring glyphs on either side of it stand close together.
fn crosses(r: &Row, x: f64) -> bool {
    r.glyphs.windows(2).any(|w| {
        let (a, b) = (&w[0], &w[1]);
        a.x < x && b.x >= x && b.x - (a.x + a.w) < 0.8 * r.size && !b.ch.trim().is_empty()
    }) || r.glyphs.iter().any(|g| g.x < x && g.x + g.w > x + 0.5)
}

/// Splits a row at `x` into the glyphs left of it and right of it.
fn split_row(r: &Row, x: f64) -> (Option<Row>, Option<Row>) {
    let (l, rt): (Vec<Glyph>, Vec<Glyph>) = r.glyphs.iter().cloned().partition(|g| g.x < x);
    let mk = |glyphs: Vec<Glyph>| {
        (!glyphs.iter().all(|g| g.ch.trim().is_empty())).then(|| Row {
            page: r.page,
            y: r.y,
            size: glyphs.iter().map(|g| g.size).fold(0.0, f64::max),
            glyphs,
        })
    };
    (mk(l), mk(rt))
}

const BULLETS: &[char] = &[
    '•', '●', '○', '◦', '▪', '■', '□', '‣', '⁃', '∙', '·', '➢', '➤', '►', '▸', '▶', '✓', '✔', '-',
    '–', '*', '\u{f0b7}', '\u{f0a7}', '\u{f076}',
    // moderncv's bullet, when its symbol font has no usable text map, reads as a brace.
    '{',
];

/// The gap, in ems, between two shown strings that reads as a space.
const SPACE: f64 = 0.1;

/// A piece of a date wrapped over lines: month names, years, "Present" and dashes only.
/// "Lahore, Punjab, Pakistan": a city, its region and a known country, as a right-hand
/// column of places beside dates writes them.
fn region_and_country(t: &str) -> bool {
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    parts.len() == 3
        && super::parse::COUNTRIES.contains(&parts[2].to_lowercase().as_str())
        && parts[..2].iter().all(|p| {
            !p.is_empty()
                && p.split_whitespace().count() <= 3
                && p.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

fn date_piece(t: &str) -> bool {
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            super::dates::month_of(w).is_some()
                || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                || w.eq_ignore_ascii_case("present")
                || w.eq_ignore_ascii_case("now")
                || w.eq_ignore_ascii_case("today")
        })
}

/// Puts `more` after `glyphs`, `gap` past their right end, unless it already stands further
/// right.
fn set_after(glyphs: &mut Vec<Glyph>, more: Vec<Glyph>, gap: f64) {
    let end = glyphs.iter().map(|g| g.x + g.w).fold(f64::MIN, f64::max);
    let start = more.iter().map(|g| g.x).fold(f64::MAX, f64::min);
    let dx = (end + gap - start).max(0.0);
    glyphs.extend(more.into_iter().map(|mut g| {
        g.x += dx;
        g
    }));
}

/// A page whose left "column" is a margin of dates: each date, joined up again when it was
/// wrapped over lines ("May 2014–" / "October" / "2014"), goes at the start of the row beside
/// its first line, so the title it dates reads "May 2014– October 2014 Software Developer…".
fn beside_margin(left: Vec<Row>, right: Vec<Row>) -> Vec<Row> {
    // Join the pieces of wrapped dates.
    let mut items: Vec<Row> = Vec::new();
    // Where the last piece of each date stands.
    let mut last_y: Vec<f64> = Vec::new();
    for r in left {
        let t = text_of(&r).0;
        let t = t.trim();
        let joins = items.last().is_some_and(|prev| {
            let p = text_of(prev).0;
            let p = p.trim();
            let close =
                r.y - last_y.last().copied().unwrap_or(prev.y) <= 2.6 * prev.size.max(r.size);
            let open_ended = p.ends_with(['–', '—', '-'])
                || t.starts_with(['–', '—', '-'])
                || p.split(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-'))
                    .rfind(|w| !w.is_empty())
                    .is_some_and(|w| super::dates::month_of(w).is_some());
            close && open_ended && date_piece(t)
        });
        match items.last_mut() {
            Some(prev) if joins => {
                if let Some(y) = last_y.last_mut() {
                    *y = r.y;
                }
                set_after(&mut prev.glyphs, r.glyphs, 0.5 * r.size);
            }
            _ => {
                last_y.push(r.y);
                items.push(r);
            }
        }
    }
    // Each date beside the row at its first line.
    let mut out: Vec<Row> = Vec::new();
    let mut right: Vec<Option<Row>> = right.into_iter().map(Some).collect();
    for item in items {
        let beside = right.iter().position(|r| {
            r.as_ref()
                .is_some_and(|r| (r.y - item.y).abs() <= 0.6 * r.size.max(item.size))
        });
        match beside.and_then(|i| right[i].take()) {
            Some(r) => {
                let mut glyphs = item.glyphs;
                // The row's own glyphs stay after the date, whatever the joining moved.
                set_after(&mut glyphs, r.glyphs, r.size);
                out.push(Row {
                    page: r.page,
                    y: r.y,
                    size: r.size.max(item.size),
                    glyphs,
                });
            }
            None => out.push(item),
        }
    }
    out.extend(right.into_iter().flatten());
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

/// The text of a row: spaces where glyphs stand apart, a tab where they stand far apart.
fn text_of(r: &Row) -> (String, f64) {
    let mut s = String::new();
    let mut last_end: Option<f64> = None;
    // Letter-spaced type (headings set with tracking) leaves the same small gap after every
    // glyph: in a row of enough glyphs, a space is read only past that usual gap.
    let usual = {
        let mut gaps: Vec<f64> = r
            .glyphs
            .windows(2)
            .filter(|w| w[0].ch != " " && w[1].ch != " " && w[0].w > 0.0)
            .map(|w| w[1].x - (w[0].x + w[0].w))
            .filter(|g| g.abs() < r.size)
            .collect();
        gaps.sort_by(f64::total_cmp);
        if gaps.len() >= 6 {
            gaps[gaps.len() * 2 / 5].clamp(0.0, 0.25 * r.size)
        } else {
            0.0
        }
    };
    // Some fonts give pdf-extract no width for some glyphs: the glyphs after one, up to the
    // next shown string, are placed too far left, and the next string seems to stand apart.
    // What those glyphs would have taken (a typical advance each) is not read as a gap.
    let mut missing = 0.0;
    for g in &r.glyphs {
        if let Some(end) = last_end {
            let gap = g.x - end - usual - if g.word_start { missing } else { 0.0 };
            if gap > 2.5 * r.size {
                s.push('\t');
            } else if (gap > 0.3 * g.size || (g.word_start && gap > SPACE * g.size))
                && !s.ends_with(' ')
                && g.ch != " "
            {
                s.push(' ');
            }
        }
        if g.word_start {
            missing = 0.0;
        }
        if g.w <= 0.0 && g.ch != " " {
            // Typical advances: capitals are wider than small letters, thin ones narrower.
            let em = match g.ch.chars().next() {
                Some('i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';') => 0.3,
                Some('m' | 'w' | 'M' | 'W') => 0.85,
                Some(c) if c.is_uppercase() => 0.68,
                _ => 0.52,
            };
            missing += em * g.size;
        }
        s.push_str(&g.ch);
        last_end = Some(g.x + g.w);
    }
    let x = r
        .glyphs
        .iter()
        .find(|g| !g.ch.trim().is_empty())
        .map_or(0.0, |g| g.x);
    (s, x)
}

fn layout(c: Collector) -> Vec<Line> {
    let width_of = |p: u32| {
        c.widths
            .iter()
            .find(|(n, _)| *n == p)
            .map_or(612.0, |(_, w)| *w)
    };
    let rows = rows_of(c.glyphs);
    // Body size: the commonest row size, by glyph count.
    let mut sizes: Vec<(i64, usize)> = Vec::new();
    for r in &rows {
        let k = (r.size * 2.0).round() as i64;
        match sizes.iter_mut().find(|(s, _)| *s == k) {
            Some(e) => e.1 += r.glyphs.len(),
            None => sizes.push((k, r.glyphs.len())),
        }
    }
    let commonest = sizes.iter().max_by_key(|(_, n)| *n).map_or(20, |(s, _)| *s);
    // Headings are few. When a third of the text is larger than the commonest size, that size
    // is small print (Europass's labels and notes) and the body is the size that brings the
    // text read, smallest first, to seven tenths.
    let total: usize = sizes.iter().map(|(_, n)| n).sum();
    let larger: usize = sizes
        .iter()
        .filter(|(s, _)| *s as f64 >= commonest as f64 * 1.12)
        .map(|(_, n)| n)
        .sum();
    let body_key = if larger * 10 > total * 3 {
        sizes.sort_unstable();
        let mut sum = 0;
        sizes
            .iter()
            .find(|(_, n)| {
                sum += n;
                sum * 10 >= total * 7
            })
            .map_or(commonest, |(s, _)| *s)
    } else {
        commonest
    };
    let body = body_key as f64 / 2.0;
    // Columns, page by page. Each column flows on to the same column of the next page (a
    // sidebar goes on beside the experience it sits by), so over pages that all have two
    // columns the left columns come first, then the right ones.
    let mut ordered: Vec<Row> = Vec::new();
    let mut rights: Vec<Row> = Vec::new();
    let mut pages: Vec<u32> = rows.iter().map(|r| r.page).collect();
    pages.dedup();
    let mut rows = rows.into_iter().peekable();
    for p in pages {
        let mut page_rows = Vec::new();
        while rows.peek().is_some_and(|r| r.page == p) {
            page_rows.extend(rows.next());
        }
        let refs: Vec<&Row> = page_rows.iter().collect();
        match gutter(&refs, width_of(p)) {
            Some(x) => {
                let (mut top, mut left, mut right) = (Vec::new(), Vec::new(), Vec::new());
                for r in &page_rows {
                    if crosses(r, x) {
                        // Above both columns (the name, contact lines): first; lower down it
                        // belongs to the left column's flow.
                        if left.is_empty() && right.is_empty() {
                            top.push(r.clone());
                        } else {
                            left.push(r.clone());
                        }
                        continue;
                    }
                    let (l, rt) = split_row(r, x);
                    left.extend(l);
                    right.extend(rt);
                }
                // Dates (and places) set flush right are not a column of their own.
                let dated = right
                    .iter()
                    .filter(|r| {
                        let (t, _) = text_of(r);
                        t.split_whitespace().count() <= 7
                            && (super::dates::find(&t).is_some()
                                || super::parse::is_place(t.trim())
                                || region_and_country(t.trim()))
                    })
                    .count();
                // Dates set in a left margin (moderncv): short pieces left of the gutter, half
                // of them dates or the pieces of a date wrapped over lines ("May 2014–" /
                // "October" / "2014"), beside rows that may touch the gutter.
                let (mut m_left, mut m_right) = (Vec::new(), Vec::new());
                for r in page_rows.iter().skip(top.len()) {
                    let (l, rt) = split_row(r, x);
                    // A row across the gutter (the name) stays whole, unless what stands left
                    // of the gutter is a date.
                    let dated_left = l.as_ref().is_some_and(|l| {
                        let t = text_of(l).0;
                        super::dates::find(&t).is_some() || date_piece(&t)
                    });
                    if crosses(r, x) && !dated_left {
                        m_right.push(r.clone());
                        continue;
                    }
                    m_left.extend(l);
                    m_right.extend(rt);
                }
                let margin = !m_left.is_empty()
                    && m_left
                        .iter()
                        .all(|r| text_of(r).0.split_whitespace().count() <= 4)
                    && m_left
                        .iter()
                        .filter(|r| {
                            let t = text_of(r).0;
                            super::dates::find(&t).is_some() || date_piece(&t)
                        })
                        .count()
                        * 2
                        >= m_left.len();
                if margin {
                    ordered.append(&mut rights);
                    ordered.extend(top);
                    ordered.extend(beside_margin(m_left, m_right));
                    continue;
                }
                if dated * 2 >= right.len() {
                    ordered.append(&mut rights);
                    ordered.extend(page_rows);
                    continue;
                }
                ordered.extend(top);
                ordered.extend(left);
                rights.extend(right);
            }
            None => {
                ordered.append(&mut rights);
                ordered.extend(page_rows);
            }
        }
    }
    ordered.append(&mut rights);
    let mut out: Vec<Line> = Vec::new();
    let mut prev: Option<(u32, f64, f64, f64)> = None; // page, y, size, x of text
    let mut bullet_x: Option<f64> = None;
    for r in &ordered {
        let (raw, x) = text_of(r);
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        let gap_before = prev.is_some_and(|(p, y, s, _)| p != r.page || (r.y - y) > 1.9 * s);
        let first = text.chars().next().unwrap_or(' ');
        let bullet = BULLETS.contains(&first)
            && text.chars().nth(1).is_some_and(char::is_whitespace)
            || matches!(
                first,
                '•' | '●' | '▪' | '■' | '◦' | '➢' | '➤' | '►' | '▸' | '\u{f0b7}' | '\u{f0a7}'
            );
        let body_text = if bullet {
            text.trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace())
        } else {
            text
        };
        let heading = if r.size >= body * 1.6 {
            Some(1)
        } else if r.size >= body * 1.12 {
            Some(2)
        } else {
            None
        };
        // A wrapped bullet line: no glyph of its own, indented like the bullet's text, right
        // below it, in body type.
        let wraps = !bullet
            && heading.is_none()
            && !gap_before
            && bullet_x.is_some_and(|bx| x >= bx - 2.0)
            && out.last().is_some_and(|l| l.bullet)
            && prev.is_some_and(|(p, y, s, _)| p == r.page && r.y - y < 1.6 * s);
        if bullet && body_text.trim().is_empty() {
            // A bullet glyph on a row of its own: its text follows on the next rows.
            prev = Some((r.page, r.y, r.size, x));
            continue;
        }
        if wraps {
            if let Some(l) = out.last_mut() {
                l.text.push(' ');
                l.text.push_str(body_text);
            }
        } else {
            if bullet {
                let offset = text.len() - body_text.len();
                bullet_x = r
                    .glyphs
                    .iter()
                    .filter(|g| !g.ch.trim().is_empty())
                    .nth(
                        text[..offset]
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .count(),
                    )
                    .map(|g| g.x);
            } else {
                bullet_x = None;
            }
            out.push(Line {
                text: body_text.to_string(),
                heading,
                bullet,
                bold: false,
                blank_before: gap_before,
                page: Some(r.page),
                line: out.len() + 1,
            });
        }
        prev = Some((r.page, r.y, r.size, x));
    }
    without_running_lines(out)
}

/// Drops the running header and footer of a long document ("Curriculum Vitae  Jo Doe",
/// "© European Union | europass… Page 3 / 10"): a line among the first two or the last two of
/// its page whose text, numbers aside, recurs so on at least three pages and half of them.
/// The document's very first line (often the name) stays.
fn without_running_lines(lines: Vec<Line>) -> Vec<Line> {
    let mut pages: Vec<u32> = lines.iter().filter_map(|l| l.page).collect();
    pages.sort_unstable();
    pages.dedup();
    if pages.len() < 2 {
        return lines;
    }
    // "Jo Doe    Page 2", "Page 2 of 3": a page's number marks its running line, even in a
    // document too short for the line to recur.
    let numbered = |t: &str| {
        let w: Vec<String> = t.split_whitespace().map(str::to_lowercase).collect();
        w.len() <= 8
            && w.windows(2)
                .any(|p| p[0] == "page" && p[1].trim_end_matches(['.', ',']).parse::<u32>().is_ok())
    };
    let shape = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .flat_map(char::to_lowercase)
            .collect()
    };
    // Whether each line is among the first two or the last two of its page.
    let mut at_edge = vec![false; lines.len()];
    for &p in &pages {
        let idx: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].page == Some(p))
            .collect();
        for (k, &i) in idx.iter().enumerate() {
            at_edge[i] = k < 2 || k + 2 >= idx.len();
        }
    }
    let mut seen: std::collections::HashMap<String, std::collections::HashSet<u32>> =
        Default::default();
    for (l, &edge) in lines.iter().zip(&at_edge) {
        if edge {
            if let Some(p) = l.page {
                seen.entry(shape(&l.text)).or_default().insert(p);
            }
        }
    }
    let needed = if pages.len() >= 3 {
        3.max(pages.len().div_ceil(2))
    } else {
        usize::MAX
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for (i, (l, edge)) in lines.into_iter().zip(at_edge).enumerate() {
        let running = edge
            && (numbered(&l.text) || seen.get(&shape(&l.text)).is_some_and(|p| p.len() >= needed));
        if i > 0 && running {
            continue;
        }
        out.push(Line {
            line: out.len() + 1,
            ..l
        });
    }
    out
}

/// One line of text to place on a page written by [`write_pdf`]: x, y from the bottom of the
/// page, font size, text.
pub type PlacedText<'a> = (f32, f32, f32, &'a str);

/// Writes a PDF in Helvetica with text at the given places, a page per slice: for tests and
/// benchmarks, which need PDFs with known layouts (one or two columns, headings, bullets).
/// Characters outside Windows-1252 are written as `?`.
pub fn write_pdf(pages: &[&[PlacedText<'_>]]) -> Vec<u8> {
    use pdf_extract::content::{Content, Operation};
    use pdf_extract::{Dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = Vec::new();
        for (x, y, size, text) in lines.iter() {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new(
                "Tf",
                vec![Object::Name(b"F1".to_vec()), Object::Real(*size)],
            ));
            ops.push(Operation::new(
                "Td",
                vec![Object::Real(*x), Object::Real(*y)],
            ));
            let bytes: Vec<u8> = text
                .chars()
                .map(|c| match c {
                    '•' => 0x95,
                    '–' => 0x96,
                    '—' => 0x97,
                    c if (c as u32) < 256 => c as u8,
                    _ => b'?',
                })
                .collect();
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(bytes, pdf_extract::StringFormat::Literal)],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops };
        let encoded = content.encode().unwrap_or_default();
        let content_id = doc.add_object(Stream::new(Dictionary::new(), encoded));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        page.set("Resources", Object::Reference(resources_id));
        page.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
        );
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(kids.len() as i64));
    tree.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = doc.save_to(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of one row: (text, x, width, starts a shown string).
    fn row(glyphs: &[(&str, f64, f64, bool)]) -> Row {
        Row {
            page: 0,
            y: 100.0,
            size: 10.0,
            glyphs: glyphs
                .iter()
                .enumerate()
                .map(|(seq, &(ch, x, w, word_start))| Glyph {
                    page: 0,
                    x,
                    y: 100.0,
                    w,
                    size: 10.0,
                    ch: ch.to_string(),
                    word_start,
                    seq,
                })
                .collect(),
        }
    }

    #[test]
    fn text_drawn_twice_for_bold_reads_once_and_doubled_letters_stay() {
        // "MAY 22" drawn, then drawn again half a point to the right (faux bold).
        let once: Vec<(&str, f64)> = vec![
            ("M", 0.0),
            ("A", 8.0),
            ("Y", 15.0),
            ("2", 26.0),
            ("2", 32.0),
        ];
        let glyphs: Vec<Glyph> = once
            .iter()
            .chain(once.iter())
            .enumerate()
            .map(|(seq, &(ch, x))| Glyph {
                page: 0,
                x: if seq >= once.len() { x + 0.5 } else { x },
                y: 100.0,
                w: 6.0,
                size: 10.0,
                ch: ch.to_string(),
                word_start: seq == 0 || seq == 3 || seq == once.len() || seq == once.len() + 3,
                seq,
            })
            .collect();
        let rows = rows_of(glyphs);
        assert_eq!(rows.len(), 1);
        assert_eq!(text_of(&rows[0]).0, "MAY 22");
        // A doubled digit some maker placed at one x, drawn in turn, is two digits.
        let glyphs: Vec<Glyph> = [("2", 0.0), ("2", 0.0), ("1", 6.0)]
            .iter()
            .enumerate()
            .map(|(seq, &(ch, x))| Glyph {
                page: 0,
                x,
                y: 100.0,
                w: 6.0,
                size: 10.0,
                ch: ch.to_string(),
                word_start: seq == 0,
                seq,
            })
            .collect();
        assert_eq!(rows_of(glyphs)[0].glyphs.len(), 3);
    }

    #[test]
    fn glyphs_the_font_gives_no_width_do_not_split_a_word() {
        // "DAYLIGHT" where the font gave D and A no width: the next string (a kerning pair
        // later) starts where the two letters really end.
        let r = row(&[
            ("D", 0.0, 0.0, true),
            ("A", 0.0, 0.0, false),
            ("Y", 13.9, 6.7, true),
            ("L", 20.6, 6.1, false),
        ]);
        assert_eq!(text_of(&r).0, "DAYL");
        // A real space after such letters is still a space.
        let r = row(&[
            ("a", 0.0, 0.0, true),
            ("n", 0.0, 0.0, false),
            ("d", 0.0, 5.6, false),
            ("G", 19.0, 7.2, true),
        ]);
        assert_eq!(text_of(&r).0, "and G");
        // Glyphs with their widths read as before.
        let r = row(&[
            ("G", 0.0, 7.0, true),
            ("o", 7.0, 5.0, false),
            ("R", 15.5, 6.5, true),
        ]);
        assert_eq!(text_of(&r).0, "Go R");
    }

    #[test]
    fn icon_fonts_and_unreadable_text_maps_lose_their_maps() {
        use pdf_extract::{Dictionary, Document, Object, Stream};
        let mut doc = Document::with_version("1.5");
        let map = |body: &str| {
            Stream::new(
                Dictionary::new(),
                format!(
                    "/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<00> <FF>\n\
                     endcodespacerange\n1 beginbfchar\n{body}\nendbfchar\nend\n"
                )
                .into_bytes(),
            )
        };
        let font = |doc: &mut Document, name: &str, body: &str| {
            let m = doc.add_object(map(body));
            let mut f = Dictionary::new();
            f.set("Type", Object::Name(b"Font".to_vec()));
            f.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
            f.set("ToUnicode", Object::Reference(m));
            doc.add_object(f)
        };
        let icons = font(&mut doc, "ABCDEF+FontAwesome5Free-Solid", "<41> <F0E0>");
        let broken = font(&mut doc, "ABCDEF+Lato-Regular", "<41> <0041F>");
        let fine = font(&mut doc, "ABCDEF+Lato-Bold", "<41> <0041>");
        forget_unreadable_text_maps(&mut doc);
        let has_map = |id| {
            doc.get_object(id)
                .unwrap()
                .as_dict()
                .unwrap()
                .get(b"ToUnicode")
                .is_ok()
        };
        assert!(!has_map(icons), "an icon font keeps its map");
        assert!(!has_map(broken), "a map that does not parse is kept");
        assert!(has_map(fine), "a good map is dropped");
    }

    #[test]
    fn a_city_its_region_and_a_country_is_a_place_of_the_date_column() {
        assert!(region_and_country("Lahore, Punjab, Pakistan"));
        assert!(region_and_country("Sharaqpur Sharif, Punjab, Pakistan"));
        assert!(!region_and_country("Software Engineer, Acme"));
        assert!(!region_and_country("Lahore, Punjab, Narnia"));
    }

    #[test]
    fn letter_spaced_headings_stay_whole() {
        // "WORK EXPERIENCE" set with 1.5 units of tracking after every letter.
        let mut glyphs = Vec::new();
        let mut x = 0.0;
        for (i, ch) in "WORK EXPERIENCE".chars().enumerate() {
            let w = if ch == ' ' { 2.5 } else { 6.5 };
            glyphs.push((ch.to_string(), x, w, i % 4 == 0));
            x += w + 1.5;
        }
        let owned: Vec<(&str, f64, f64, bool)> = glyphs
            .iter()
            .map(|(c, x, w, s)| (c.as_str(), *x, *w, *s))
            .collect();
        assert_eq!(text_of(&row(&owned)).0, "WORK EXPERIENCE");
    }
}
