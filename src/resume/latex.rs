//! LaTeX résumés (`.tex`) as the markdown the résumé reader understands.
//!
//! Résumés kept in LaTeX are written with a class's own commands (`\cventry{…}{…}`,
//! `\resumeSubheading{…}{…}{…}{…}`, `\datedsubsection{…}{…}`) that nobody can list in full,
//! so the reader goes by shape rather than by name:
//! - `\section{X}` (and any one-argument command named like a section) is a heading;
//! - `\item` is a bullet, `\\` and the ends of environments end lines, `&` and `\hfill`
//!   part columns (a tab, as the reader takes columns set by spaces);
//! - a command that opens a line and takes two or more arguments is a row of the layout:
//!   its short arguments are its columns, set as the class sets them (two a line when there
//!   are four, the usual company–dates / title–place block), and a long one, or one holding
//!   items, follows on lines of its own;
//! - inside running text a command keeps its text (`\textbf{Go}` is "Go", `\href{url}{site}`
//!   is "site"); spacing, colour, icons, pictures and definitions are dropped;
//! - the preamble (everything before `\begin{document}`) and comments are no text.
//!
//! Nothing is run: no macro is expanded, no file is read.

/// Commands that are dropped with their arguments.
const DROP: &[&str] = &[
    "vspace",
    "hspace",
    "vskip",
    "hskip",
    "setlength",
    "addtolength",
    "setcounter",
    "includegraphics",
    "label",
    "color",
    "pagestyle",
    "thispagestyle",
    "usepackage",
    "newcommand",
    "renewcommand",
    "providecommand",
    "newenvironment",
    "renewenvironment",
    "def",
    "geometry",
    "fontsize",
    "definecolor",
    "colorlet",
    "photo",
    "titleformat",
    "titlespacing",
    "pagenumbering",
    "rule",
    "hypersetup",
    "input",
    "include",
    "documentclass",
    "linespread",
    "setmainfont",
    "setsansfont",
    "columnratio",
    "moderncvstyle",
    "moderncvcolor",
    "moderncvtheme",
    "addbibresource",
    "nocite",
    "bibliography",
    "bibliographystyle",
    "fontspec",
    "newfontfamily",
    "raggedright",
    "phantom",
    "footnote",
];

/// Commands that take no argument (a following group is text, not theirs).
const NO_ARGS: &[&str] = &[
    "item",
    "hfill",
    "hfil",
    "newline",
    "linebreak",
    "centering",
    "noindent",
    "par",
    "quad",
    "qquad",
    "hline",
    "cline",
    "ldots",
    "dots",
    "textbullet",
    "textbar",
    "cdot",
    "bullet",
    "LaTeX",
    "TeX",
    "today",
    "vfill",
    "clearpage",
    "newpage",
    "pagebreak",
    "maketitle",
    "makecvheader",
    "makecvtitle",
    "bfseries",
    "itshape",
    "scshape",
    "mdseries",
    "upshape",
    "normalfont",
    "small",
    "footnotesize",
    "scriptsize",
    "tiny",
    "large",
    "Large",
    "LARGE",
    "huge",
    "Huge",
    "normalsize",
    "bf",
    "it",
    "em",
    "sc",
    "tt",
    "rm",
    "sf",
    "smallskip",
    "medskip",
    "bigskip",
    "columnbreak",
    "switchcolumn",
    "sim",
    "times",
    "to",
    "rightarrow",
    "pm",
    "and",
    "sep",
    "cvsep",
    "enspace",
    "thinspace",
    "nobreak",
    "printbibliography",
    "sectionmark",
];

/// A command's argument, as written.
struct Arg {
    text: String,
    optional: bool,
}

/// The text of a `.tex` résumé as markdown.
pub fn to_markdown(src: &str) -> String {
    let text = without_comments(src);
    let body = match text.find("\\begin{document}") {
        Some(i) => {
            let rest = &text[i + "\\begin{document}".len()..];
            rest.find("\\end{document}").map_or(rest, |j| &rest[..j])
        }
        None => &text[..],
    };
    let mut out = String::new();
    render(body, &mut out);
    tidy(&out)
}

/// Whether a text (of any name) is a LaTeX document.
pub fn looks_like_latex(text: &str) -> bool {
    let head: String = text.chars().take(4000).collect();
    head.contains("\\documentclass") || head.contains("\\begin{document}")
}

/// Comments dropped as TeX drops them: `%` to the end of the line, the line break and the
/// next line's leading spaces with it. `\%` is a per cent sign.
fn without_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '%' => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The index just past the group that opens at `open` (`{` or `[`), and its contents.
fn group(s: &str, open: usize) -> Option<(usize, &str)> {
    let bytes = s.as_bytes();
    let (o, c) = match bytes.get(open)? {
        b'{' => (b'{', b'}'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b if b == o => depth += 1,
            b if b == c => {
                depth -= 1;
                if depth == 0 {
                    return Some((i + 1, &s[open + 1..i]));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The arguments after a command (at `i`): groups in braces or brackets, with spaces and
/// single line breaks between them (a blank line ends them).
fn args(s: &str, mut i: usize) -> (usize, Vec<Arg>) {
    let mut out = Vec::new();
    loop {
        let mut j = i;
        let mut breaks = 0;
        while let Some(&b) = s.as_bytes().get(j) {
            match b {
                b' ' | b'\t' | b'\r' => j += 1,
                b'\n' => {
                    breaks += 1;
                    j += 1;
                }
                _ => break,
            }
        }
        if breaks > 1 {
            return (i, out);
        }
        match group(s, j) {
            Some((end, inner)) => {
                out.push(Arg {
                    text: inner.to_string(),
                    optional: s.as_bytes()[j] == b'[',
                });
                i = end;
            }
            None => return (i, out),
        }
    }
}

/// A letter with a TeX accent (`\'e`, `\"{o}`, `\c{c}`), or the letter alone.
fn accented(accent: char, letter: char) -> char {
    const TABLE: &[(char, &str, &str)] = &[
        ('\'', "aeiouyAEIOUcnsz", "áéíóúýÁÉÍÓÚćńśź"),
        ('`', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('"', "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ('^', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('~', "anoANO", "ãñõÃÑÕ"),
        ('c', "csCS", "çşÇŞ"),
        ('v', "cszrCSZR", "čšžřČŠŽŘ"),
    ];
    TABLE
        .iter()
        .find(|(a, _, _)| *a == accent)
        .and_then(|(_, from, to)| {
            let k = from.chars().position(|c| c == letter)?;
            to.chars().nth(k)
        })
        .unwrap_or(letter)
}

/// Whether `out` is at the start of a line (nothing but spaces since the last break).
fn at_line_start(out: &str) -> bool {
    out.rsplit('\n')
        .next()
        .is_none_or(|l| l.chars().all(|c| c == ' ' || c == '\t'))
}

fn render_to_string(s: &str) -> String {
    let mut out = String::new();
    render(s, &mut out);
    out
}

/// An argument's text on one line.
fn inline(s: &str) -> String {
    render_to_string(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn render(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        match c {
            '\\' => i = command(s, i, out),
            '{' => match group(s, i) {
                Some((end, inner)) => {
                    render(inner, out);
                    i = end;
                }
                None => i += 1,
            },
            '}' => i += 1,
            '&' => {
                out.push('\t');
                i += 1;
            }
            '~' => {
                out.push(' ');
                i += 1;
            }
            '$' => i += 1,
            '-' if s[i..].starts_with("---") => {
                out.push('—');
                i += 3;
            }
            '-' if s[i..].starts_with("--") => {
                out.push('–');
                i += 2;
            }
            '`' if s[i..].starts_with("``") => {
                out.push('"');
                i += 2;
            }
            '\'' if s[i..].starts_with("''") => {
                out.push('"');
                i += 2;
            }
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
        debug_assert!(i <= bytes.len());
    }
}

/// Renders the command at `at` (a backslash); returns the index after it.
fn command(s: &str, at: usize, out: &mut String) -> usize {
    let rest = &s[at + 1..];
    let Some(first) = rest.chars().next() else {
        return s.len();
    };
    // `\\`: a line break (with an optional space after it, `\\[4pt]`).
    if first == '\\' {
        out.push('\n');
        let after = at + 2;
        return match group(s, after).filter(|_| s.as_bytes().get(after) == Some(&b'[')) {
            Some((end, _)) => end,
            None => after,
        };
    }
    if "&%$#_{}".contains(first) {
        out.push(first);
        return at + 2;
    }
    if first == ',' || first == ' ' || first == ';' {
        out.push(' ');
        return at + 2;
    }
    if "'`\"^~=.".contains(first) {
        // `\'e` or `\'{e}`.
        let after = at + 2;
        let (letter, end) = match group(s, after) {
            Some((end, inner)) if s.as_bytes().get(after) == Some(&b'{') => {
                (inner.trim().chars().next(), end)
            }
            _ => (
                s[after..].chars().next(),
                after + s[after..].chars().next().map_or(0, char::len_utf8),
            ),
        };
        if let Some(l) = letter {
            out.push(accented(first, l));
        }
        return end;
    }
    let name_len = rest
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(rest.len(), |(k, _)| k);
    if name_len == 0 {
        // An unknown one-character command: dropped.
        return at + 1 + first.len_utf8();
    }
    let name = &rest[..name_len];
    let mut i = at + 1 + name_len;
    if s.as_bytes().get(i) == Some(&b'*') {
        i += 1;
    }
    match name {
        "item" => {
            let (end, a) = args(s, i);
            // `\item[label]`: the label is dropped, a group after it is the item's text.
            let end = if a.first().is_some_and(|a| a.optional) {
                end.min(group(s, s[i..].find('[').map_or(i, |k| i + k)).map_or(end, |(e, _)| e))
            } else {
                i
            };
            out.push_str("\n- ");
            return end;
        }
        "begin" | "end" => {
            // The environment's name, and for `begin` its options and column spec.
            let (mut end, a) = args(s, i);
            if name == "end" {
                end = group(s, skip_spaces(s, i)).map_or(i, |(e, _)| e);
            }
            let env = a.first().map(|a| a.text.as_str()).unwrap_or("");
            if env == "document" {
                return end;
            }
            out.push('\n');
            return end;
        }
        _ => {}
    }
    if let Some(text) = symbol(name) {
        out.push_str(text);
        return i;
    }
    if NO_ARGS.contains(&name) {
        // A switch (`\bfseries`, `\small`): no text of its own.
        return i;
    }
    let (end, a) = args(s, i);
    if DROP.contains(&name) || name.starts_with("fa") && name.len() > 2 {
        return end;
    }
    let mandatory: Vec<&Arg> = a.iter().filter(|a| !a.optional).collect();
    if mandatory.is_empty() {
        return end;
    }
    let lower = name.to_ascii_lowercase();
    // A section: `\section{Experience}`, `\cvsection{Skills}`, `\resumeSection{Work}`.
    if mandatory.len() == 1
        && (lower.ends_with("section") || lower == "chapter" || lower == "part")
        && !lower.contains("sub")
    {
        out.push_str("\n\n## ");
        out.push_str(&inline(&mandatory[0].text));
        out.push_str("\n\n");
        return end;
    }
    // A link: its text, not its address.
    if matches!(name, "href" | "hyperlink") && mandatory.len() == 2 {
        render(&mandatory[1].text, out);
        return end;
    }
    if matches!(name, "url" | "email" | "homepage" | "phone" | "mobile") {
        return end;
    }
    // `\resumeItem{…}`, `\cvitem{Title}{…}`: a bullet of the class's own.
    if lower.contains("item") {
        out.push_str("\n- ");
        let parts: Vec<String> = mandatory
            .iter()
            .map(|a| inline(&a.text))
            .filter(|t| !t.is_empty())
            .collect();
        out.push_str(&parts.join(": "));
        out.push('\n');
        return end;
    }
    if mandatory.len() >= 2 && at_line_start(out) {
        row(name, &mandatory, out);
        return end;
    }
    // In running text: the text of the arguments (the last one for colour and boxes).
    if matches!(
        name,
        "textcolor" | "colorbox" | "raisebox" | "parbox" | "scalebox" | "resizebox" | "makebox"
    ) {
        render(&mandatory[mandatory.len() - 1].text, out);
        return end;
    }
    for (k, arg) in mandatory.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        render(&arg.text, out);
    }
    end
}

/// What a command without arguments stands for in the text: a column break, a line break,
/// a sign.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "hfill" | "hfil" | "quad" | "qquad" | "enspace" => "\t",
        "newline" | "linebreak" | "par" | "columnbreak" | "switchcolumn" | "newpage"
        | "clearpage" | "pagebreak" => "\n",
        "ldots" | "dots" => "…",
        "textbullet" | "bullet" | "cdot" | "sep" | "cvsep" => " · ",
        "textbar" => " | ",
        "sim" => "~",
        "times" => "×",
        "to" | "rightarrow" => "→",
        "pm" => "±",
        "and" => ", ",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        _ => return None,
    })
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    while s
        .as_bytes()
        .get(i)
        .is_some_and(|b| *b == b' ' || *b == b'\t')
    {
        i += 1;
    }
    i
}

/// A command of the layout that opens a line with several arguments: its short arguments
/// as columns, its long ones (or those holding items) on lines of their own after them.
fn row(name: &str, args: &[&Arg], out: &mut String) {
    // A description: items, or a sentence rather than a name, a place or a date.
    let blocky = |a: &Arg| {
        let t = inline(&a.text);
        a.text.contains("\\item")
            || a.text.contains("\\begin")
            || t.len() > 70
            || (t.ends_with('.') && t.split_whitespace().count() >= 4)
    };
    let short: Vec<String> = args
        .iter()
        .filter(|a| !blocky(a))
        .map(|a| inline(&a.text))
        .filter(|t| !t.is_empty())
        .collect();
    if name == "name" {
        out.push_str(&short.join(" "));
        out.push('\n');
    } else if short.len() == 4 {
        out.push_str(&format!(
            "\n{}\t{}\n{}\t{}\n",
            short[0], short[1], short[2], short[3]
        ));
    } else if !short.is_empty() {
        out.push('\n');
        out.push_str(&short.join("\t"));
        out.push('\n');
    }
    for a in args.iter().filter(|a| blocky(a)) {
        out.push('\n');
        render(&a.text, out);
        out.push('\n');
    }
}

/// Spaces and blank lines as markdown wants them: no line of spaces alone, no more than one
/// blank line in a row, a tab between columns with no spaces around it.
fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in s.lines() {
        let cols: Vec<String> = line
            .split('\t')
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|c| !c.is_empty())
            .collect();
        let line = cols.join("\t");
        if line.is_empty() || line == "-" {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 && !line.starts_with("- ") {
            out.push('\n');
        }
        blank = 0;
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_items_and_rows_of_a_class_of_its_own() {
        let tex = "\\documentclass{article}\n\\newcommand{\\jobtitle}[1]{\\textit{#1}}\n\
                   \\begin{document}\n\\name{Ada}{Byron}\n\
                   \\section{Work Experience}\n\
                   \\datedsubsection{Acme Widgets}{2016--2021} % the last job\n\
                   \\jobtitle{Technical Director}\n\
                   \\begin{itemize}\n\\item Cut costs by 50\\% with \\textbf{Terraform}.\n\
                   \\item Built a \\href{https://x.example}{service} in Elixir.\n\\end{itemize}\n\
                   \\end{document}\n";
        let md = to_markdown(tex);
        assert!(md.contains("## Work Experience"), "{md}");
        assert!(md.contains("Acme Widgets\t2016–2021"), "{md}");
        assert!(md.contains("\nTechnical Director\n"), "{md}");
        assert!(md.contains("- Cut costs by 50% with Terraform."), "{md}");
        assert!(md.contains("- Built a service in Elixir."), "{md}");
        assert!(
            !md.contains("newcommand") && !md.contains("the last job"),
            "{md}"
        );
        assert!(!md.contains("https"), "{md}");
    }

    #[test]
    fn four_argument_rows_are_two_lines_and_long_arguments_follow() {
        let tex = "\\begin{document}\n\\section*{Experience}\n\\resumeSubheading\n  \
                   {Globex Corporation}{Jan. 2019 -- Present}\n  \
                   {Site Reliability Engineer}{Springfield, IL}\n\
                   \\cventry{2012--2015}{Analyst}{Initech}{Austin}{}{Wrote reports on the \
                   quarterly figures for every region of the company, weekly, for three \
                   years, in SQL and Excel.}\n\\end{document}";
        let md = to_markdown(tex);
        assert!(md.contains("Globex Corporation\tJan. 2019 – Present\nSite Reliability Engineer\tSpringfield, IL"), "{md}");
        assert!(md.contains("2012–2015\tAnalyst\nInitech\tAustin"), "{md}");
        assert!(md.contains("\nWrote reports on the quarterly"), "{md}");
    }

    #[test]
    fn accents_tables_and_breaks() {
        let tex = "\\begin{document}\nStéphane Ren\\'e Andr\\'{e}\\\\\nGo & 5 years \\\\[2pt]\n\
                   Rust \\hfill 2020\n\\end{document}";
        let md = to_markdown(tex);
        assert!(md.contains("René André"), "{md}");
        assert!(md.contains("Go\t5 years\n"), "{md}");
        assert!(md.contains("Rust\t2020"), "{md}");
    }

    #[test]
    fn broken_input_never_panics() {
        for tex in [
            "\\",
            "\\begin{document}\\section{",
            "{{{{",
            "}}}}\\item",
            "\\'",
            "\\href{a}",
            "\\cventry{a}{b",
            "%",
            "\\begin{itemize}[",
            "é\\'",
        ] {
            let _ = to_markdown(tex);
        }
        assert!(looks_like_latex("\\documentclass[11pt]{article}"));
        assert!(!looks_like_latex("# Résumé\n- Go"));
    }
}
