//! Résumés through the `cuecard` binary: PDF (one and two columns, written here), DOCX laid
//! out as a table, markdown; the match against a job; likely questions; claims in answers.

use std::io::Write;

use crate::{fixture, s, Lib};

/// One line of a generated PDF: x, y from the bottom, font size, text.
type PdfLine<'a> = cuecard::resume::pdf::PlacedText<'a>;

fn pdf(lines: &[PdfLine<'_>]) -> Vec<u8> {
    cuecard::resume::pdf::write_pdf(&[lines])
}

fn one_column_pdf() -> Vec<u8> {
    let mut lines: Vec<PdfLine<'_>> = vec![
        (72.0, 740.0, 20.0, "Dana Okafor"),
        (72.0, 715.0, 10.0, "Data engineer, Leeds"),
        (72.0, 690.0, 13.0, "EXPERIENCE"),
        (
            72.0,
            672.0,
            10.0,
            "Northwind Analytics | Senior Data Engineer",
        ),
        (400.0, 672.0, 10.0, "Jan 2021 – Present"),
        (
            80.0,
            658.0,
            10.0,
            "• Built Kafka pipelines in Python processing 40,000 events per second",
        ),
        (
            80.0,
            644.0,
            10.0,
            "• Led a team of 5 engineers moving the warehouse to Snowflake",
        ),
        (
            80.0,
            630.0,
            10.0,
            "• Cut nightly batch time by 60% with Airflow and dbt",
        ),
        (72.0, 610.0, 10.0, "Contoso Retail | Data Analyst"),
        (400.0, 610.0, 10.0, "Jun 2018 – Dec 2020"),
        (
            80.0,
            596.0,
            10.0,
            "• Wrote SQL reports in PostgreSQL for 12 regional managers",
        ),
        (
            80.0,
            582.0,
            10.0,
            "• Automated weekly forecasts with pandas",
        ),
        (72.0, 560.0, 13.0, "EDUCATION"),
        (72.0, 542.0, 10.0, "University of Leeds | BSc Mathematics"),
        (400.0, 542.0, 10.0, "2015 – 2018"),
        (72.0, 520.0, 13.0, "SKILLS"),
        (
            72.0,
            502.0,
            10.0,
            "Python, SQL, Kafka, Airflow, dbt, Snowflake, PostgreSQL, Docker",
        ),
    ];
    lines.push((72.0, 480.0, 10.0, "Languages: English, Igbo"));
    pdf(&lines)
}

fn roles(v: &serde_json::Value) -> Vec<(String, String, String, String, usize)> {
    v["resume"]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["company"].as_str().unwrap_or("").to_string(),
                r["title"].as_str().unwrap_or("").to_string(),
                r["start"].as_str().unwrap_or("").to_string(),
                r["end"].as_str().unwrap_or("").to_string(),
                r["bullets"].as_array().map_or(0, |b| b.len()),
            )
        })
        .collect()
}

fn role(c: &str, t: &str, a: &str, b: &str, n: usize) -> (String, String, String, String, usize) {
    (c.into(), t.into(), a.into(), b.into(), n)
}

fn skill_names(v: &serde_json::Value) -> Vec<String> {
    v["resume"]["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_one_column_pdf_resume_is_read_into_roles_education_and_skills() {
    let lib = Lib::new();
    let p = lib.write("dana.pdf", one_column_pdf());
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(v["resume"]["person"], "Dana Okafor");
    assert_eq!(
        roles(&v),
        vec![
            role(
                "Northwind Analytics",
                "Senior Data Engineer",
                "2021-01",
                "present",
                3
            ),
            role("Contoso Retail", "Data Analyst", "2018-06", "2020-12", 2),
        ]
    );
    let ed = &v["resume"]["education"][0];
    assert_eq!(ed["school"], "University of Leeds");
    assert_eq!(ed["degree"], "BSc Mathematics");
    assert_eq!(ed["end"], "2018");
    let skills = skill_names(&v);
    for want in [
        "Python",
        "Apache Kafka",
        "Apache Airflow",
        "Snowflake",
        "PostgreSQL",
    ] {
        assert!(skills.iter().any(|s| s == want), "{want} not in {skills:?}");
    }
    let kinds: Vec<&str> = v["resume"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["experience", "education", "skills"]);
}

#[test]
fn a_two_column_pdf_reads_each_column_whole() {
    let lib = Lib::new();
    let mut lines: Vec<PdfLine<'_>> = vec![(40.0, 750.0, 20.0, "Lee Moreau")];
    // Left column: skills and education; right column: experience.
    let left = [
        (40.0, 700.0, 13.0, "SKILLS"),
        (40.0, 684.0, 10.0, "Go, Rust, gRPC"),
        (40.0, 670.0, 10.0, "Kubernetes, Terraform"),
        (40.0, 656.0, 10.0, "PostgreSQL, Redis"),
        (40.0, 630.0, 13.0, "EDUCATION"),
        (40.0, 614.0, 10.0, "ETH Zurich"),
        (40.0, 600.0, 10.0, "MSc Computer Science"),
        (40.0, 586.0, 10.0, "2012 – 2014"),
        (40.0, 560.0, 13.0, "LANGUAGES"),
        (40.0, 544.0, 10.0, "French, German"),
    ];
    let right = [
        (260.0, 700.0, 13.0, "EXPERIENCE"),
        (260.0, 684.0, 10.0, "Helvetia Cloud | Staff Engineer"),
        (260.0, 670.0, 10.0, "Mar 2019 – Present"),
        (268.0, 656.0, 10.0, "• Designed a gRPC control plane in Go"),
        (268.0, 642.0, 10.0, "• Ran Kubernetes for 300 services"),
        (260.0, 620.0, 10.0, "Alpine Bank | Backend Engineer"),
        (260.0, 606.0, 10.0, "Sep 2014 – Feb 2019"),
        (268.0, 592.0, 10.0, "• Moved payments to PostgreSQL"),
        (268.0, 578.0, 10.0, "• Wrote the Redis rate limiter"),
        (268.0, 564.0, 10.0, "• Cut p99 latency by 45%"),
    ];
    lines.extend(left);
    lines.extend(right);
    let p = lib.write("lee.pdf", pdf(&lines));
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role("Helvetia Cloud", "Staff Engineer", "2019-03", "present", 2),
            role("Alpine Bank", "Backend Engineer", "2014-09", "2019-02", 3),
        ]
    );
    assert_eq!(v["resume"]["education"][0]["school"], "ETH Zurich");
    let skills = skill_names(&v);
    assert!(skills.iter().any(|s| s == "Terraform"), "{skills:?}");
}

#[test]
fn a_two_column_pdf_over_two_pages_reads_each_column_on_across_the_pages() {
    let lib = Lib::new();
    // Page 1: experience on the left, a sidebar on the right; page 2 goes on with both.
    let page1: Vec<PdfLine<'_>> = vec![
        (40.0, 750.0, 20.0, "Robin Achebe"),
        (40.0, 700.0, 13.0, "EXPERIENCE"),
        (40.0, 684.0, 10.0, "Kestrel Maps | Staff Engineer"),
        (40.0, 670.0, 10.0, "Mar 2020 – Present"),
        (48.0, 656.0, 10.0, "• Rebuilt the tile server in Rust"),
        (48.0, 642.0, 10.0, "• Led a team of six"),
        (48.0, 628.0, 10.0, "• Cut render time by half"),
        (48.0, 614.0, 10.0, "• Moved the tiles to object storage"),
        (48.0, 600.0, 10.0, "• Wrote the style compiler"),
        (360.0, 700.0, 13.0, "SUMMARY"),
        (360.0, 684.0, 10.0, "Engineer who likes maps"),
        (360.0, 670.0, 10.0, "and fast servers"),
        (360.0, 650.0, 13.0, "PUBLICATIONS"),
        (360.0, 634.0, 10.0, "Fast tiles, 2021"),
        (360.0, 620.0, 10.0, "Talks at MapConf"),
        (360.0, 606.0, 10.0, "Tiles at scale"),
        (360.0, 592.0, 10.0, "Maps for all"),
    ];
    let page2: Vec<PdfLine<'_>> = vec![
        (40.0, 750.0, 10.0, "Osprey Freight | Backend Engineer"),
        (40.0, 736.0, 10.0, "Jan 2016 – Feb 2020"),
        (48.0, 722.0, 10.0, "• Moved billing to PostgreSQL"),
        (48.0, 708.0, 10.0, "• Wrote the Kafka consumers"),
        (48.0, 694.0, 10.0, "• Ran the on-call rota"),
        (40.0, 672.0, 10.0, "Heron Labs | Software Engineer"),
        (40.0, 658.0, 10.0, "Jun 2013 – Dec 2015"),
        (48.0, 644.0, 10.0, "• Built the first API"),
        (48.0, 630.0, 10.0, "• Wrote the test suite"),
        (48.0, 616.0, 10.0, "• Set up the build farm"),
        (48.0, 602.0, 10.0, "• Ported the app to Linux"),
        (360.0, 750.0, 13.0, "PROJECTS"),
        (360.0, 736.0, 10.0, "tilecut, a map slicer"),
        (360.0, 722.0, 10.0, "routekit, a router"),
        (360.0, 708.0, 10.0, "geofind, a geocoder"),
        (360.0, 688.0, 13.0, "INTERESTS"),
        (360.0, 672.0, 10.0, "Cycling, chess"),
        (360.0, 658.0, 10.0, "Old maps"),
        (360.0, 644.0, 10.0, "Long walks"),
    ];
    let p = lib.write(
        "robin.pdf",
        cuecard::resume::pdf::write_pdf(&[&page1, &page2]),
    );
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role("Kestrel Maps", "Staff Engineer", "2020-03", "present", 5),
            role(
                "Osprey Freight",
                "Backend Engineer",
                "2016-01",
                "2020-02",
                3
            ),
            role("Heron Labs", "Software Engineer", "2013-06", "2015-12", 4),
        ]
    );
}

#[test]
fn dates_in_a_left_margin_stay_with_their_roles() {
    // moderncv: each entry's dates sit in a narrow margin column beside its title line, in
    // smaller type a little above its baseline.
    let lines: Vec<PdfLine<'_>> = vec![
        (175.0, 750.0, 20.0, "Noa Peretz"),
        (175.0, 700.0, 13.0, "Experience"),
        (70.0, 687.0, 8.0, "11/2019–04/2023"),
        (175.0, 684.0, 10.0, "Software Developer, Klarna, Tel Aviv."),
        (183.0, 670.0, 10.0, "• Built the payments ledger in Kotlin"),
        (183.0, 656.0, 10.0, "• Ran the on-call rota for six teams"),
        (183.0, 642.0, 10.0, "• Moved the search to Elasticsearch"),
        (70.0, 623.0, 8.0, "09/2015–10/2019"),
        (175.0, 620.0, 10.0, "Backend Engineer, Kaltura, Ramat Gan."),
        (183.0, 606.0, 10.0, "• Wrote the video transcoding queue"),
        (183.0, 592.0, 10.0, "• Cut storage costs by a third"),
        (70.0, 573.0, 8.0, "01/2012–08/2015"),
        (175.0, 570.0, 10.0, "Web Developer, Zone4Play, Tel Aviv."),
        (183.0, 556.0, 10.0, "• Built the game lobby in Java"),
        (183.0, 542.0, 10.0, "• Wrote the first test suite"),
        (175.0, 520.0, 13.0, "Languages"),
        (70.0, 507.0, 8.0, "English"),
        (175.0, 504.0, 10.0, "Fluent"),
        (70.0, 493.0, 8.0, "Hebrew"),
        (175.0, 490.0, 10.0, "Native"),
    ];
    let lib = Lib::new();
    let p = lib.write("noa.pdf", pdf(&lines));
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role("Klarna", "Software Developer", "2019-11", "2023-04", 3),
            role("Kaltura", "Backend Engineer", "2015-09", "2019-10", 2),
            role("Zone4Play", "Web Developer", "2012-01", "2015-08", 2),
        ]
    );
}

#[test]
fn europass_pages_small_print_running_lines_and_links() {
    // Europass: a running header and footer on every page, most of the text in small print
    // (labels, long keyword lists), the title in body type beside its dates, the company with
    // its place and web address on the line below.
    let header = (60.0, 780.0, 9.0, "Curriculum Vitae     Ines Duarte");
    let footer = (
        60.0,
        30.0,
        7.0,
        "© European Union, 2002-2013 | http://europass.cedefop.europa.eu",
    );
    let notes = "Keywords: cohort studies, survival analysis, SAS macros, R packages, registry \
                 databases, sample size and power, meta-analysis, data management, QC";
    let role_page = |dates: &'static str,
                     title: &'static str,
                     company: &'static str|
     -> Vec<PdfLine<'static>> {
        // The labels are set flush right against the text column.
        let flush = |size: f32, t: &str| 160.0 - 0.5 * size * t.len() as f32;
        let mut v = vec![
            header,
            (flush(9.0, dates), 700.0, 9.0, dates),
            (165.0, 700.0, 9.0, title),
        ];
        v.push((165.0, 686.0, 9.0, company));
        for k in 0..12 {
            v.push((165.0, 670.0 - 11.0 * k as f32, 7.0, notes));
        }
        v.push((
            flush(7.0, "Business or sector"),
            520.0,
            7.0,
            "Business or sector",
        ));
        v.push((165.0, 520.0, 7.0, "Pharmaceuticals"));
        v.push(footer);
        v
    };
    let mut page1 = vec![
        (200.0, 750.0, 14.0, "Ines Duarte"),
        (90.0, 730.0, 11.0, "WORK EXPERIENCE"),
    ];
    page1.extend(role_page(
        "June 2017 - Present",
        "Senior Statistician",
        "Veloxa Therapeutics, Lyon, France (https://veloxa.example)",
    ));
    let page2 = role_page(
        "March 2012 - May 2017",
        "Statistician-Programmer",
        "Ostrea Biologicals, Ghent, Belgium (http://ostrea.example)",
    );
    let page3 = role_page(
        "June 2009 - February 2012",
        "Research Statistician",
        "Institut Corvin, Paris, France (http://corvin.example)",
    );
    let lib = Lib::new();
    let p = lib.write(
        "ines.pdf",
        cuecard::resume::pdf::write_pdf(&[&page1, &page2, &page3]),
    );
    let v = lib.json(&["resume", "add", s(&p)]);
    let got: Vec<(String, String, String)> = roles(&v)
        .into_iter()
        .map(|(c, t, a, _, _)| (c, t, a))
        .collect();
    let want = |c: &str, t: &str, a: &str| (c.to_string(), t.to_string(), a.to_string());
    assert_eq!(
        got,
        vec![
            want("Veloxa Therapeutics", "Senior Statistician", "2017-06"),
            want("Ostrea Biologicals", "Statistician-Programmer", "2012-03"),
            want("Institut Corvin", "Research Statistician", "2009-06"),
        ]
    );
}

#[test]
fn dates_wrapped_over_lines_in_a_left_margin_are_joined_up() {
    // moderncv with a narrow margin: a long date wraps over two or three lines of the
    // margin, beside the title line and the lines under it; its bullet glyph, when the
    // symbol font cannot be read, comes out as a brace.
    let lines: Vec<PdfLine<'_>> = vec![
        (175.0, 750.0, 20.0, "Noa Peretz"),
        (175.0, 700.0, 13.0, "Experience"),
        (70.0, 687.0, 8.0, "October"),
        (70.0, 675.0, 8.0, "2019–Present"),
        (175.0, 684.0, 10.0, "Software Developer, Klarna, Tel Aviv."),
        (
            183.0,
            670.0,
            10.0,
            "• Built the payments ledger in Kotlin for the card and invoice teams",
        ),
        (
            183.0,
            656.0,
            10.0,
            "• Ran the on-call rota for six teams and wrote the incident playbooks",
        ),
        (
            183.0,
            642.0,
            10.0,
            "• Moved the search to Elasticsearch and cut the p99 latency by half",
        ),
        (70.0, 623.0, 8.0, "May 2015–"),
        (70.0, 611.0, 8.0, "October"),
        (70.0, 599.0, 8.0, "2019"),
        (175.0, 620.0, 10.0, "Backend Engineer, Kaltura, Ramat Gan."),
        (
            183.0,
            606.0,
            10.0,
            "• Wrote the video transcoding queue that handles a million jobs a day",
        ),
        (
            183.0,
            592.0,
            10.0,
            "• Cut storage costs by a third with tiered buckets and lifecycle rules",
        ),
        (70.0, 573.0, 8.0, "2012–April"),
        (70.0, 561.0, 8.0, "2015"),
        (175.0, 570.0, 10.0, "Web Developer, Zone4Play, Tel Aviv."),
        (
            183.0,
            556.0,
            10.0,
            "{ Built the game lobby in Java with a websocket gateway for the clients",
        ),
        (
            183.0,
            542.0,
            10.0,
            "{ Wrote the first test suite and set up continuous integration for it",
        ),
        (175.0, 520.0, 13.0, "Languages"),
        (
            175.0,
            504.0,
            10.0,
            "English, fluent; Hebrew, native; Russian, conversational; Arabic, basic",
        ),
        (175.0, 490.0, 10.0, "Hebrew, native"),
    ];
    let lib = Lib::new();
    let p = lib.write("noa.pdf", pdf(&lines));
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role("Klarna", "Software Developer", "2019-10", "present", 3),
            role("Kaltura", "Backend Engineer", "2015-05", "2019-10", 2),
            role("Zone4Play", "Web Developer", "2012", "2015-04", 2),
        ]
    );
}

#[test]
fn a_line_naming_its_page_is_no_part_of_a_role() {
    // A two-page Word résumé: page 2 opens with "Name    Page 2", right above a role.
    let page1: Vec<PdfLine<'_>> = vec![
        (72.0, 740.0, 20.0, "Bo Weis"),
        (72.0, 700.0, 13.0, "EXPERIENCE"),
        (
            72.0,
            680.0,
            10.0,
            "Software Engineer, Veloxa, Palo Alto, CA",
        ),
        (420.0, 680.0, 10.0, "2016-2020"),
        (80.0, 664.0, 10.0, "• Built the ordering application"),
        (80.0, 650.0, 10.0, "• Wrote its approval module"),
    ];
    let page2: Vec<PdfLine<'_>> = vec![
        (72.0, 760.0, 10.0, "Bo Weis"),
        (420.0, 760.0, 10.0, "Page 2"),
        (
            72.0,
            730.0,
            10.0,
            "Software Engineer, Ostrea, Mountain View, CA",
        ),
        (420.0, 730.0, 10.0, "2012-2016"),
        (80.0, 714.0, 10.0, "• Built the partner portal"),
    ];
    let lib = Lib::new();
    let p = lib.write("bo.pdf", cuecard::resume::pdf::write_pdf(&[&page1, &page2]));
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role("Veloxa", "Software Engineer", "2016", "2020", 2),
            role("Ostrea", "Software Engineer", "2012", "2016", 1),
        ]
    );
}

/// A résumé laid out as one Word table: company and dates in cells, title and dates
/// separated by a tab, bullets written as literal "•" characters.
fn table_docx() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", opts).unwrap();
        let p = |text: &str, bold: bool| {
            let runs: Vec<String> = text
                .split('\t')
                .map(|t| {
                    format!(
                        "<w:r><w:rPr>{}</w:rPr><w:t xml:space=\"preserve\">{t}</w:t></w:r>",
                        if bold { "<w:b/>" } else { "" }
                    )
                })
                .collect();
            format!("<w:p>{}</w:p>", runs.join("<w:r><w:tab/></w:r>"))
        };
        let cell = |paras: &[String]| format!("<w:tc>{}</w:tc>", paras.concat());
        let row = |a: &[String], b: &[String]| format!("<w:tr>{}{}</w:tr>", cell(a), cell(b));
        let body = [
            p("Priya Nair", true),
            "<w:tbl>".to_string(),
            row(&[p("EXPERIENCE", true)], &[p("", false)]),
            row(
                &[p("Globex Logistics", true)],
                &[
                    p("Platform Engineer\tApr 2020 - Present", false),
                    p("• Migrated 40 services to AWS Lambda", false),
                    p("• Introduced Terraform for all environments", false),
                ],
            ),
            row(
                &[p("Initech", true)],
                &[
                    p("Software Developer\tAug 2017 - Mar 2020", false),
                    p("• Built Java services for invoicing", false),
                ],
            ),
            row(&[p("EDUCATION", true)], &[p("", false)]),
            row(
                &[p("University of Kerala", true)],
                &[p("B.Tech Computer Science\t2013 - 2017", false)],
            ),
            "</w:tbl>".to_string(),
        ]
        .concat();
        write!(
            z,
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        )
        .unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn a_docx_resume_laid_out_as_a_table_is_read() {
    let lib = Lib::new();
    let p = lib.write("priya.docx", table_docx());
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role(
                "Globex Logistics",
                "Platform Engineer",
                "2020-04",
                "present",
                2
            ),
            role("Initech", "Software Developer", "2017-08", "2020-03", 1),
        ]
    );
    assert_eq!(
        v["resume"]["education"][0]["school"],
        "University of Kerala"
    );
}

#[test]
fn damaged_scanned_and_unknown_files_name_the_file() {
    let lib = Lib::new();
    let broken = lib.write(
        "broken.pdf",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage",
    );
    let r = lib.run(&["resume", "add", s(&broken)]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("broken.pdf") && r.stderr.contains("PDF"),
        "{}",
        r.stderr
    );
    // A page with no text layer, as a scan has.
    let scan = lib.write("scan.pdf", pdf(&[]));
    let r = lib.run(&["resume", "add", s(&scan)]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("scan.pdf") && r.stderr.contains("no text layer"),
        "{}",
        r.stderr
    );
    let bin = lib.write("photo.png", [0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe]);
    let r = lib.run(&["resume", "add", s(&bin)]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("photo.png"), "{}", r.stderr);
    // Nothing was kept.
    let v = lib.json(&["resume", "list"]);
    assert_eq!(v["resumes"].as_array().unwrap().len(), 0);
}

const MD: &str = "# Sam Rivera\n\n## Experience\n\n### Senior Backend Engineer | Ledgerline\n*Mar 2022 – Present · Lisbon, Portugal*\n\n- Led a team of four that rebuilt the billing platform in Rust and PostgreSQL, cutting invoice generation from three hours to 11 minutes\n- Mentored three junior engineers through their first on-call rotations\n\n### Backend Engineer | Marketnest\n*Jun 2019 – Feb 2022*\n\n- Shipped autocomplete serving 2,000 queries per second\n\n## Education\n\nUniversity of Lisbon, BSc Computer Science, 2014 – 2018\n\n## Skills\n\nRust, Python, PostgreSQL, Kafka\n";

#[test]
fn re_adding_a_resume_replaces_it_and_the_latest_is_the_default() {
    let lib = Lib::new();
    let p = lib.write("cv.md", MD);
    let first = lib.json(&["resume", "add", s(&p), "--name", "main"]);
    let v2 = MD.replace("Shipped autocomplete", "Shipped search autocomplete");
    let p2 = lib.write("cv2.md", v2);
    let second = lib.json(&["resume", "add", s(&p2), "--name", "main"]);
    assert_eq!(first["resume"]["id"], second["resume"]["id"]);
    let list = lib.json(&["resume", "list"]);
    assert_eq!(list["resumes"].as_array().unwrap().len(), 1);
    let shown = lib.json(&["resume", "show"]);
    assert_eq!(
        shown["resume"]["roles"][1]["bullets"][0],
        "Shipped search autocomplete serving 2,000 queries per second"
    );
    let other = lib.write("other.md", MD.replace("Sam Rivera", "Sam R."));
    lib.json(&["resume", "add", s(&other), "--name", "short"]);
    assert_eq!(lib.json(&["resume", "show"])["resume"]["name"], "short");
    assert_eq!(
        lib.json(&["resume", "show", "--name", "main"])["resume"]["name"],
        "main"
    );
}

fn job_with_resume(lib: &Lib) -> String {
    let p = lib.write("cv.md", MD);
    lib.json(&["resume", "add", s(&p)]);
    let posting = fixture("posting-ml-infra.md");
    let job = lib.json(&["job", "add", s(&posting)]);
    job["job"]["id"].as_str().unwrap().to_string()
}

#[test]
fn a_job_is_held_against_the_resume_and_the_answers() {
    let lib = Lib::new();
    let job = job_with_resume(&lib);
    let m = lib.json(&["resume", "match", &job]);
    let kws = m["keywords"].as_array().unwrap();
    let by_name = |n: &str| kws.iter().find(|k| k["name"] == n).cloned();
    let rust = by_name("Rust").expect("Rust keyword");
    assert_eq!(rust["on_resume"], true);
    assert_eq!(rust["roles"][0]["company"], "Ledgerline");
    let cpp = by_name("C++").expect("C++ keyword");
    assert_eq!(cpp["status"], "neither");
    assert!(m["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g == &cpp["id"]));
    let score = m["resume_score"].as_f64().unwrap();
    assert!(score > 0.0 && score < 100.0, "{score}");
    let ids: Vec<&str> = m["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for want in ["title", "measurable", "headings", "dates"] {
        assert!(ids.contains(&want), "{want} not in {ids:?}");
    }
    let dates = m["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "dates")
        .unwrap();
    assert_eq!(dates["ok"], true);
}

#[test]
fn likely_questions_are_grounded_grammatical_and_distinct() {
    let lib = Lib::new();
    let job = job_with_resume(&lib);
    let v = lib.json(&["resume", "questions", "--job", &job, "--limit", "8"]);
    let qs = v["questions"].as_array().unwrap();
    assert!(qs.len() >= 4, "{qs:?}");
    let resume = lib.json(&["resume", "show"]);
    let bullets: Vec<&str> = resume["resume"]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["bullets"].as_array().unwrap())
        .map(|b| b.as_str().unwrap())
        .collect();
    let mut seen_text = std::collections::HashSet::new();
    let mut seen_bullet = std::collections::HashSet::new();
    for q in qs {
        let text = q["question"].as_str().unwrap();
        assert!(seen_text.insert(text.to_lowercase()), "duplicate: {text}");
        assert!(text.chars().next().unwrap().is_uppercase(), "{text}");
        assert!(text.ends_with('.') || text.ends_with('?'), "{text}");
        assert!(!text.contains("  ") && !text.contains(" ."), "{text}");
        // "you Led", "you Built": a retold bullet's verb is lowercase.
        assert!(
            !text
                .split("you ")
                .skip(1)
                .any(|rest| rest.starts_with(|c: char| c.is_uppercase())),
            "{text}"
        );
        if let Some(b) = q["bullet"].as_str() {
            assert!(bullets.contains(&b), "not a résumé bullet: {b}");
            assert!(seen_bullet.insert(b.to_string()), "two questions on: {b}");
        }
        if q["kind"] == "achievement" {
            let role = q["role"].as_str().unwrap();
            let company = role.rsplit(" at ").next().unwrap();
            assert!(text.contains(company), "{text} names not {company}");
        }
    }
    let kinds: std::collections::HashSet<&str> =
        qs.iter().map(|q| q["kind"].as_str().unwrap()).collect();
    assert!(
        kinds.contains("achievement") && kinds.contains("gap"),
        "{kinds:?}"
    );
    let first = qs[0]["question"].as_str().unwrap();
    assert!(
        first.starts_with("At Ledgerline you led a team of four"),
        "{first}"
    );

    // Added as unanswered cards tagged `likely`.
    let added = lib.json(&[
        "resume",
        "questions",
        "--job",
        &job,
        "--limit",
        "3",
        "--deck",
        "Acme likely",
    ]);
    assert_eq!(added["added"]["added"], 3);
    let cards = lib.json(&["cards", "--deck", "Acme likely"]);
    let cards = cards["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 3);
    for c in cards {
        assert_eq!(c["unanswered"], true);
        assert!(c["tags"].as_array().unwrap().iter().any(|t| t == "likely"));
    }
}

#[test]
fn an_answers_claims_are_checked_against_the_resume() {
    let lib = Lib::new();
    let p = lib.write("cv.md", MD);
    lib.json(&["resume", "add", s(&p)]);
    let doc = lib.write(
        "prep.md",
        "# Prep\n\n## Tell me about leading a team\n\nAt Ledgerline I led a team of eight that rebuilt billing in Rust, cutting invoice generation to 11 minutes. I spent three years at Marketnest. We served 9,000 customers.\n",
    );
    lib.json(&["import", s(&doc)]);
    let cards = lib.json(&["cards"]);
    let id = cards["cards"][0]["id"].as_str().unwrap().to_string();
    let v = lib.json(&["show", &id]);
    let claims = v["claims"].as_array().unwrap();
    let status = |needle: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().unwrap().contains(needle))
            .map(|c| c["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no claim with {needle}: {claims:?}"))
    };
    assert_eq!(status("team of eight"), "contradicted");
    assert_eq!(status("11 minutes"), "supported");
    // Jun 2019 to Feb 2022 is 33 months: within a year of three years.
    assert_eq!(status("three years"), "supported");
    assert_eq!(status("9,000 customers"), "unsupported");
    let links = v["resume"].as_array().unwrap();
    assert!(
        links.iter().any(|l| l["text"]
            .as_str()
            .unwrap()
            .starts_with("Led a team of four")),
        "{links:?}"
    );
}

#[test]
fn a_plain_text_resume_with_several_titles_under_one_company() {
    let lib = Lib::new();
    let p = lib.write(
        "cv.txt",
        "Ana Lima\nana@example.test\n\nEXPERIENCE\n\nGlobex Corporation, Porto, Portugal\nEngineering Manager\tMar 2022 - Present\n* Grew the payments team from 4 to 11 engineers\n* Set up the on-call rotation\nSenior Engineer\tJan 2019 - Feb 2022\n* Built the Go ledger service handling 2M transactions a day\n\nInitrode, Lisbon\nSoftware Engineer\t2016 - 2018\n* Wrote Python ETL jobs for Airflow\n\nEDUCATION\n\nUniversity of Porto\nMSc Informatics, 2014 - 2016\n\nSKILLS\nGo, Python, Airflow, PostgreSQL\n",
    );
    let v = lib.json(&["resume", "add", s(&p)]);
    assert_eq!(
        roles(&v),
        vec![
            role(
                "Globex Corporation",
                "Engineering Manager",
                "2022-03",
                "present",
                2
            ),
            role(
                "Globex Corporation",
                "Senior Engineer",
                "2019-01",
                "2022-02",
                1
            ),
            role("Initrode", "Software Engineer", "2016", "2018", 1),
        ]
    );
    assert_eq!(v["resume"]["education"][0]["school"], "University of Porto");
    assert_eq!(v["resume"]["education"][0]["degree"], "MSc Informatics");
}

#[test]
fn ligatures_from_a_pdf_do_not_hide_skills() {
    // Text copied out of a PDF keeps its "fl" and "fi" ligatures as single characters.
    let lib = Lib::new();
    let p = lib.write(
        "lig.md",
        "# Sam Ruiz\n\n## Experience\n\n### Data Engineer, Fabrikam\nMar 2020 – Present\n\n- Built workﬂows in Airﬂow and tracked models in MLﬂow\n\n## Skills\n\nAirﬂow, MLﬂow, Terraform, certiﬁed Kubernetes administrator\n",
    );
    let v = lib.json(&["resume", "add", s(&p)]);
    let skills = skill_names(&v);
    for want in ["Apache Airflow", "MLflow", "Terraform"] {
        assert!(skills.iter().any(|s| s == want), "{want} not in {skills:?}");
    }
    assert!(
        !serde_json::to_string(&v).unwrap().contains('\u{FB02}'),
        "a ligature survived"
    );
}

#[test]
fn latex_resumes_of_three_common_shapes_are_read() {
    let lib = Lib::new();
    // Rows of four arguments (company–dates / title–place), items of the class's own.
    let v = lib.json(&["resume", "add", s(&fixture("resume-subheadings.tex"))]);
    assert_eq!(
        roles(&v),
        vec![
            role(
                "Lumen Freight",
                "Platform Engineer",
                "2020-06",
                "present",
                2
            ),
            role(
                "Harbor Analytics",
                "Software Engineer",
                "2018-07",
                "2020-05",
                3
            ),
        ]
    );
    assert_eq!(
        v["resume"]["education"][0]["school"],
        "Northbridge University"
    );
    let skills = skill_names(&v);
    for k in ["Kubernetes", "Bazel", "Terraform", "PostgreSQL"] {
        assert!(skills.iter().any(|x| x == k), "{k} in {skills:?}");
    }
    // Dates first, a description as the last argument (a list or a sentence).
    let v = lib.json(&["resume", "add", s(&fixture("resume-cventry.tex"))]);
    assert_eq!(
        roles(&v),
        vec![
            role("Orbit Retail", "Data Scientist", "2019", "present", 2),
            role(
                "University of Leeds",
                "Research Assistant",
                "2016",
                "2019",
                0
            ),
        ]
    );
    // Sections of the class's own, entries over several lines with comments.
    let v = lib.json(&["resume", "add", s(&fixture("resume-cvsection.tex"))]);
    assert_eq!(
        roles(&v),
        vec![
            role(
                "Kestrel Payments",
                "Backend Developer",
                "2021-03",
                "present",
                2
            ),
            role("Atlas Telecom", "Junior Developer", "2018-09", "2021-02", 1),
        ]
    );
    let text = serde_json::to_string(&v).unwrap();
    assert!(
        !text.contains("\\\\begin") && !text.contains("cvitems"),
        "{text}"
    );
}
