//! Résumé lines to sections, roles, education and skills.
//!
//! Sections are found by their headings: a known section word ("Experience", "Work
//! history", "Education", "Skills"...) on a short line of its own, or a heading of the level
//! those words use. In an experience section, entries are runs of header lines (company,
//! title, dates, place) followed by body lines (bullets or prose). A header's date range is
//! found first; what is left is split at the usual separators (`|`, `—`, ` - `, tabs, ` at `,
//! `@`, line breaks) and each part read as a title (it names a job: engineer, manager,
//! intern...), a place ("Berlin, Germany", "Remote", "Austin, TX"), or a company. A company
//! line with no title or dates of its own heads the roles below it.

use super::dates;
use super::lines::Line;
use super::{Education, Role, Section, SectionKind};

/// Section headings and what they hold.
pub fn section_kind(text: &str) -> Option<SectionKind> {
    // "(in order of experience)": a note under a heading, in brackets, names no section.
    if text.trim().starts_with('(') {
        return None;
    }
    // " Education", "R Jobs", "_ Experiences": an icon read as a letter before the name.
    let mut words = text.split_whitespace();
    if let (Some(first), Some(_)) = (words.next(), words.clone().next()) {
        let icon = first.chars().count() == 1
            && first
                .chars()
                .all(|c| !c.is_ascii_alphanumeric() || c.is_ascii_uppercase())
            && first != "A"
            && first != "I";
        if icon {
            let rest = text.trim_start()[first.len()..].trim();
            if let Some(k) = section_kind(rest) {
                return Some(k);
            }
        }
    }
    let t: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    // "E D U C A T I O N", "W O R K E X P E R I E N C E": a heading set letter by letter
    // is compared with its spaces gone.
    let spaced = t.len() >= 5 && t.split(' ').all(|w| w.chars().count() == 1);
    if spaced {
        t.retain(|c| c != ' ');
    }
    if t.is_empty() || t.split(' ').count() > 5 {
        return None;
    }
    const EXPERIENCE: &[&str] = &[
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career",
        "career history",
        "relevant experience",
        "industry experience",
        "professional background",
        "positions",
        "positions held",
        "current positions",
        "current position",
        "previous positions",
        "past positions",
        "past experience",
        "previous experience",
        "jobs",
        "work",
        "research experience",
        "teaching experience",
        "academic experience",
        "technical experience",
        "experience and internships",
        "internships",
        "professional history",
        "berufserfahrung",
        "experiences",
    ];
    const EDUCATION: &[&str] = &[
        "education",
        "academic background",
        "qualifications",
        "educational background",
        "academic qualifications",
        "education and training",
        "studies",
        "ausbildung",
        "formation",
        "academics",
    ];
    const SKILLS: &[&str] = &[
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "technologies",
        "tools",
        "skills and tools",
        "tech stack",
        "technical expertise",
        "expertise",
        "key skills",
        "skill set",
        "skillset",
        "programming languages",
        "languages and technologies",
        "tools and technologies",
        "technology",
        "proficiencies",
        "areas of expertise",
        "strengths",
        "skills summary",
        "computer skills",
        "it skills",
        "software",
    ];
    const SUMMARY: &[&str] = &[
        "summary",
        "profile",
        "about",
        "about me",
        "objective",
        "professional summary",
        "career objective",
        "career summary",
        "personal statement",
        "overview",
        "introduction",
        "professional profile",
    ];
    const PROJECTS: &[&str] = &[
        "projects",
        "personal projects",
        "selected projects",
        "side projects",
        "open source",
        "open source projects",
        "key projects",
        "academic projects",
        "open source contributions",
    ];
    const OTHER: &[&str] = &[
        "certifications",
        "certificates",
        "awards",
        "honors",
        "honours",
        "honors and awards",
        "awards and honors",
        "publications",
        "languages",
        "interests",
        "hobbies",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "activities",
        "leadership",
        "references",
        "contact",
        "patents",
        "talks",
        "presentations",
        "courses",
        "coursework",
        "relevant coursework",
        "achievements",
        "accomplishments",
        "training",
        "memberships",
        "affiliations",
        "extracurricular activities",
        "personal",
        "personal information",
        "misc",
        "miscellaneous",
        "additional information",
        "links",
    ];
    let t = t.trim_end_matches(" section");
    let listed = |list: &[&str]| {
        list.contains(&t) || (spaced && list.iter().any(|e| e.replace(' ', "") == t))
    };
    if listed(EXPERIENCE) {
        Some(SectionKind::Experience)
    } else if listed(EDUCATION) {
        Some(SectionKind::Education)
    } else if listed(SKILLS) {
        Some(SectionKind::Skills)
    } else if listed(SUMMARY) {
        Some(SectionKind::Summary)
    } else if listed(PROJECTS) {
        Some(SectionKind::Projects)
    } else if listed(OTHER) {
        Some(SectionKind::Other)
    } else if [
        "articles",
        "publications",
        "papers",
        "presentations",
        "grants",
        "awards",
    ]
    .iter()
    .any(|w| t.split(' ').any(|x| x == *w))
    {
        // "Research and Extension Articles", "Selected Publications": what was written or
        // won, not where one worked.
        Some(SectionKind::Other)
    } else if text.contains(", ") && title_score(text) > 0 {
        // "Business Analyst, McGraw Hill Education": a role's heading, whatever its
        // company is called.
        None
    } else if (t.contains("experience") || t.contains("employment"))
        // "Technology | Years of experience": a table's column, not a section.
        && !t.contains("years of experience")
    {
        Some(SectionKind::Experience)
    } else if t.contains("education") {
        Some(SectionKind::Education)
    } else if t.contains("skills")
        || t.contains("expertise")
        || t.contains("competenc")
        || t.contains("proficienc")
        || t.ends_with("knowledge")
        || t.ends_with("technologies")
        || t.ends_with("tech stack")
    {
        Some(SectionKind::Skills)
    } else if t.contains("projects") {
        Some(SectionKind::Projects)
    } else {
        None
    }
}

/// Whether a line may head a section: short, on its own, styled or in capitals.
fn headline(l: &Line) -> bool {
    let words = l.text.split_whitespace().count();
    // Letters set one by one ("W O R K E X P E R I E N C E") make one heading.
    let spaced = l
        .text
        .split_whitespace()
        .all(|w| w.chars().filter(|c| c.is_alphanumeric()).count() <= 1);
    !l.bullet
        && (words <= 6 || spaced)
        && l.text.chars().count() <= 48
        && dates::find(&l.text).is_none()
        && !l.text.contains(" | ")
}

/// Lines that a document's conversion ran together, parted again:
/// - "EXPERIENCE..Paladin Consulting": a section's name in a left column joined to its first
///   line by leader dots;
/// - "Technician, Acme, Tehran Aug 2022 – Sep 2025 • Provided … • Performed …": a role's
///   header and its items in one paragraph;
/// - "GPA: 3.36 PROFESSIONAL EXPERIENCE": a heading in capitals glued to the line before it.
fn parted_lines(lines: &[Line]) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        let text = l.text.trim_start();
        let label_end = text
            .find("..")
            .filter(|&i| i > 0 && text[..i].chars().all(|c| c.is_uppercase() || c == ' '));
        if let (None, false, Some(i)) = (l.heading, l.bullet, label_end) {
            let label = text[..i].trim();
            if section_kind(label).is_some() {
                let mut head = l.clone();
                head.text = label.to_string();
                out.push(head);
                let rest = text[i..].trim_start_matches(['.', ' ', '\t']).trim();
                if !rest.is_empty() {
                    let mut first = l.clone();
                    first.text = rest.to_string();
                    first.blank_before = false;
                    out.push(first);
                }
                continue;
            }
        }
        // "Technician, Acme, Tehran Aug 2022 – Sep 2025 • Provided … • Performed …": a role's
        // header and its items in one paragraph (the line breaks lost); parted.
        if l.heading.is_none() && !l.bullet {
            let pieces: Vec<&str> = text.split(" • ").map(str::trim).collect();
            if pieces.len() >= 3 && dates::find(pieces[0]).is_some() {
                let mut head = l.clone();
                head.text = pieces[0].to_string();
                out.push(head);
                for p in &pieces[1..] {
                    if p.is_empty() {
                        continue;
                    }
                    let mut item = l.clone();
                    item.text = p.to_string();
                    item.bullet = true;
                    item.blank_before = false;
                    out.push(item);
                }
                continue;
            }
        }
        // "GPA: 3.36 PROFESSIONAL EXPERIENCE": a heading in capitals glued to the end of the
        // line before it when the page's text was read.
        if l.heading.is_none() {
            let words: Vec<&str> = text.split_whitespace().collect();
            let caps = |w: &&str| {
                w.chars().count() >= 2
                    && w.chars().all(|c| c.is_uppercase() || c == '&')
                    && w.chars().any(char::is_alphabetic)
            };
            let glued = (1..=3.min(words.len().saturating_sub(1))).rev().find(|&n| {
                let tail = &words[words.len() - n..];
                let head = &words[..words.len() - n];
                tail.iter().all(caps)
                    && tail.join(" ").len() >= 6
                    && !head.last().is_some_and(caps)
                    && head
                        .iter()
                        .any(|w| w.chars().any(|c| c.is_lowercase() || c.is_ascii_digit()))
                    && section_kind(&tail.join(" ")).is_some()
            });
            if let Some(n) = glued {
                let mut first = l.clone();
                first.text = words[..words.len() - n].join(" ");
                out.push(first);
                let mut head = l.clone();
                head.text = words[words.len() - n..].join(" ");
                head.blank_before = true;
                head.bullet = false;
                out.push(head);
                continue;
            }
        }
        out.push(l.clone());
    }
    out
}

/// Splits lines into sections. Lines before the first section head the résumé (name,
/// contact), returned apart.
pub fn sections(lines: &[Line]) -> (Vec<Line>, Vec<(Section, Vec<Line>)>) {
    let lines = &parted_lines(lines)[..];
    // The heading level that known section words use, if they use headings.
    let known_level = lines
        .iter()
        .filter(|l| l.heading.is_some() && headline(l) && section_kind(&l.text).is_some())
        .filter_map(|l| l.heading)
        .min();
    let mut head = Vec::new();
    let mut out: Vec<(Section, Vec<Line>)> = Vec::new();
    let mut level_of_last: Option<u8> = None;
    for l in lines {
        let kind = headline(l)
            .then(|| section_kind(l.text.trim_end_matches(':')))
            .flatten();
        let styled = l.heading.is_some()
            || l.bold
            || l.text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            || l.text.ends_with(':');
        // "#### Projects" under "### Acme" under "## Work Experience": a role's own list,
        // not a section of the résumé.
        let nested = l.heading.is_some_and(|h| {
            out.last()
                .is_some_and(|(s, _)| s.kind == SectionKind::Experience)
                && level_of_last.is_some_and(|lv| h > lv + 1)
        });
        // "Highlighted projects:" under a role of a résumé whose sections are headings: the
        // role's own label.
        let label_in_role = known_level.is_some()
            && l.heading.is_none()
            && l.text.trim_end().ends_with(':')
            && out
                .last()
                .is_some_and(|(s, _)| s.kind == SectionKind::Experience);
        let is_section = match kind {
            Some(_) if nested || label_in_role => false,
            Some(_) => {
                styled
                    || l.blank_before
                    || known_level.is_none()
                    || l.heading.is_some_and(|h| Some(h) <= known_level)
            }
            // An unknown heading at the level of the known ones is a section of its own,
            // except inside experience and education, where such headings name entries
            // ("TARGET CORPORATION | ENGINEER", "UNDERGRADUATE").
            // A heading above the known ones ("### LoanSnap" after "#### Skills") ends the
            // section before it too.
            None => {
                known_level
                    .is_some_and(|k| l.heading == Some(k) || l.heading.is_some_and(|h| h < k))
                    && headline(l)
                    && out.last().is_some_and(|(s, _)| {
                        !matches!(s.kind, SectionKind::Experience | SectionKind::Education)
                    })
            }
        };
        if is_section {
            level_of_last = l.heading;
            out.push((
                Section {
                    title: l.text.trim_end_matches(':').trim().to_string(),
                    kind: kind.unwrap_or(SectionKind::Other),
                    line: l.line,
                    text: String::new(),
                },
                Vec::new(),
            ));
            continue;
        }
        match out.last_mut() {
            Some((s, body)) => {
                if !s.text.is_empty() {
                    s.text.push('\n');
                }
                if l.bullet {
                    s.text.push_str("- ");
                }
                s.text.push_str(&l.text);
                body.push(l.clone());
            }
            None => head.push(l.clone()),
        }
    }
    (head, out)
}

const TITLE_WORDS: &[&str] = &[
    "support",
    "technologist",
    "engineer",
    "engineering",
    "developer",
    "programmer",
    "manager",
    "intern",
    "internship",
    "co-op",
    "coop",
    "analyst",
    "scientist",
    "lead",
    "director",
    "consultant",
    "architect",
    "designer",
    "specialist",
    "administrator",
    "officer",
    "assistant",
    "researcher",
    "teacher",
    "tutor",
    "associate",
    "head",
    "vp",
    "president",
    "cto",
    "ceo",
    "cfo",
    "coo",
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "contractor",
    "freelancer",
    "freelance",
    "fellow",
    "postdoc",
    "postdoctoral",
    "professor",
    "lecturer",
    "instructor",
    "technician",
    "coordinator",
    "supervisor",
    "representative",
    "driver",
    "clerk",
    "cashier",
    "nurse",
    "writer",
    "editor",
    "sre",
    "devops",
    "maintainer",
    "trainee",
    "apprentice",
    "advisor",
    "adviser",
    "mentor",
    "chief",
    "executive",
    "operator",
    "tester",
    "strategist",
    "producer",
    "recruiter",
    "accountant",
    "auditor",
    "economist",
    "statistician",
    "bioinformatician",
    "evangelist",
    "advocate",
    "webmaster",
    "salesperson",
    "sales",
    "candidate",
    "student",
    "phd",
    "volunteer",
    "member",
    "partner",
    "mechanic",
    "attendant",
    "worker",
    "secretary",
    "receptionist",
    "chef",
    "cook",
    "waiter",
    "server",
    "barista",
    "agent",
    "controller",
    "planner",
    "programmer/analyst",
    "ta",
    "creator",
    "investigator",
    "processor",
    "inspector",
    "therapist",
    "interviewer",
    "specialist/analyst",
    "entwickler",
    // Occupations outside offices and software.
    "journalist",
    "reporter",
    "correspondent",
    "photographer",
    "librarian",
    "pharmacist",
    "paralegal",
    "attorney",
    "lawyer",
    "physician",
    "dentist",
    "surgeon",
    "electrician",
    "plumber",
    "carpenter",
    "machinist",
    "welder",
    "pilot",
    "dispatcher",
    "bookkeeper",
    "teller",
    "underwriter",
    "actuary",
    "estimator",
    "surveyor",
    "drafter",
    "draftsman",
    "illustrator",
    "animator",
    "translator",
    "interpreter",
    "paramedic",
    "caregiver",
    "coach",
    "bartender",
    "custodian",
    "courier",
    "merchandiser",
    "ingenieur",
];

const COMPANY_WORDS: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "gmbh",
    "corp",
    "corporation",
    "company",
    "co",
    "group",
    "technologies",
    "technology",
    "labs",
    "lab",
    "systems",
    "solutions",
    "university",
    "institute",
    "bank",
    "ag",
    "plc",
    "limited",
    "studio",
    "studios",
    "software",
    "consulting",
    "services",
    "s.a",
    "sa",
    "bv",
    "ab",
    "foundation",
    "agency",
    "college",
    "school",
    "hospital",
    "laboratory",
    "center",
    "centre",
    "inc.",
    // The forces and public bodies ("Ukraine's Armed Forces", "U.S. Marine Corps"), and
    // names only whole organisations take. Not a library, clinic or council: those are as
    // often a unit inside the employer.
    "forces",
    "army",
    "navy",
    "corps",
    "ministry",
    "pharmaceuticals",
    "partners",
    "holdings",
    "industries",
    "enterprises",
    "ventures",
    "bureau",
    "llp",
    "pvt",
    "pty",
];

fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '.'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches('.').to_lowercase())
        .collect()
}

/// How strongly a fragment reads as a job title.
pub fn title_score(s: &str) -> usize {
    words_lower(s)
        .iter()
        .filter(|w| {
            TITLE_WORDS.contains(&w.as_str())
                || w.split(['/', '-']).any(|p| TITLE_WORDS.contains(&p))
                || (w.ends_with("er") && w.len() > 5 && w.ends_with("eer"))
        })
        .count()
}

/// A name an organisation gives itself: "Military College of Electronics and Mechanical
/// Engineering", "Dept. of Pharmacy", "Software Engineering Lab" (its own word comes first
/// before "of", or last).
fn organisation_named(s: &str) -> bool {
    let words = words_lower(s);
    let org = |w: &String| COMPANY_WORDS.contains(&w.as_str()) || w == "dept" || w == "department";
    words.last().is_some_and(org)
        || words
            .iter()
            .position(|w| w == "of")
            .is_some_and(|i| i > 0 && org(&words[i - 1]))
}

/// "self-employed", "freelance": working for oneself, written where the employer goes.
fn on_own_account(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "self-employed" | "self employed" | "freelance" | "freelancer" | "independent"
    )
}

fn company_score(s: &str) -> usize {
    if on_own_account(s) {
        return 2;
    }
    words_lower(s)
        .iter()
        .filter(|w| COMPANY_WORDS.contains(&w.as_str()))
        .count()
}

/// Countries (and "remote"), as they end a place: "Lisbon, Portugal".
pub(crate) const COUNTRIES: &[&str] = &[
    "remote",
    "usa",
    "us",
    "u.s",
    "united states",
    "uk",
    "united kingdom",
    "england",
    "germany",
    "india",
    "canada",
    "france",
    "netherlands",
    "the netherlands",
    "spain",
    "italy",
    "poland",
    "czech republic",
    "czechia",
    "brazil",
    "china",
    "japan",
    "australia",
    "singapore",
    "israel",
    "sweden",
    "switzerland",
    "ireland",
    "portugal",
    "ukraine",
    "russia",
    "romania",
    "austria",
    "belgium",
    "denmark",
    "norway",
    "finland",
    "greece",
    "turkey",
    "mexico",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "nigeria",
    "kenya",
    "egypt",
    "south africa",
    "pakistan",
    "bangladesh",
    "vietnam",
    "indonesia",
    "philippines",
    "malaysia",
    "thailand",
    "korea",
    "south korea",
    "taiwan",
    "hong kong",
    "new zealand",
    "hungary",
    "slovakia",
    "serbia",
    "croatia",
    "bulgaria",
    "estonia",
    "latvia",
    "lithuania",
    "luxembourg",
    "uae",
    "iran",
    "iraq",
    "saudi arabia",
    "qatar",
    "kuwait",
    "oman",
    "bahrain",
    "jordan",
    "lebanon",
    "syria",
    "yemen",
    "afghanistan",
    "nepal",
    "sri lanka",
    "myanmar",
    "cambodia",
    "laos",
    "mongolia",
    "kazakhstan",
    "uzbekistan",
    "georgia",
    "armenia",
    "azerbaijan",
    "belarus",
    "moldova",
    "slovenia",
    "bosnia and herzegovina",
    "montenegro",
    "north macedonia",
    "albania",
    "kosovo",
    "iceland",
    "malta",
    "cyprus",
    "morocco",
    "algeria",
    "tunisia",
    "libya",
    "ethiopia",
    "ghana",
    "uganda",
    "tanzania",
    "rwanda",
    "cameroon",
    "senegal",
    "ivory coast",
    "zimbabwe",
    "zambia",
    "botswana",
    "namibia",
    "mozambique",
    "angola",
    "venezuela",
    "ecuador",
    "bolivia",
    "paraguay",
    "uruguay",
    "costa rica",
    "panama",
    "guatemala",
    "honduras",
    "el salvador",
    "nicaragua",
    "cuba",
    "dominican republic",
    "jamaica",
    "puerto rico",
    "trinidad and tobago",
    "united arab emirates",
    "scotland",
    "wales",
    "northern ireland",
];

/// Cities often named alone.
const CITIES: &[&str] = &[
    "london",
    "berlin",
    "paris",
    "new york",
    "san francisco",
    "seattle",
    "boston",
    "munich",
    "amsterdam",
    "prague",
    "bangalore",
    "bengaluru",
    "toronto",
    "vancouver",
    "sydney",
    "melbourne",
    "tokyo",
    "dublin",
    "zurich",
    "stockholm",
    "madrid",
    "barcelona",
    "warsaw",
    "kyiv",
    "moscow",
    "beijing",
    "shanghai",
    "austin",
    "chicago",
    "los angeles",
    "mountain view",
    "palo alto",
    "redmond",
    "hyderabad",
    "pune",
    "chennai",
    "mumbai",
    "delhi",
    "new delhi",
    "vienna",
    "hamburg",
    "brno",
    "lisbon",
    "oslo",
    "copenhagen",
    "helsinki",
    "remote-first",
    "hybrid",
    "on-site",
    "worldwide",
];

const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "ON", "BC", "QC", "AB", "NSW", "VIC",
];

/// States and provinces written out ("Greenville, South Carolina").
const REGION_NAMES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "manitoba",
    "saskatchewan",
    "nova scotia",
    "new south wales",
    "victoria",
    "queensland",
    "bavaria",
    "catalonia",
];

/// Country codes written after a company or city ("ShopBack, VN").
const COUNTRY_CODES: &[&str] = &[
    "VN", "IN", "DE", "FR", "NL", "ES", "IT", "PL", "CZ", "BR", "CN", "JP", "AU", "SG", "IL", "SE",
    "CH", "IE", "PT", "UA", "RU", "RO", "AT", "BE", "DK", "NO", "FI", "GR", "TR", "MX", "AR", "CL",
    "CO", "NG", "KE", "EG", "ZA", "PK", "BD", "ID", "PH", "MY", "TH", "KR", "TW", "HK", "NZ", "HU",
    "SK", "RS", "HR", "BG", "EE", "LV", "LT", "LU", "AE", "UK", "US", "USA",
];

/// Whether a fragment is a place: "Berlin", "Austin, TX", "Remote", "Prague, Czech
/// Republic", "VN".
pub fn is_place(s: &str) -> bool {
    let t = s
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')')
        .trim()
        .to_lowercase();
    if t.is_empty() {
        return false;
    }
    if COUNTRY_CODES.contains(&s.trim()) {
        return true;
    }
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    let known = |p: &str| COUNTRIES.contains(&p) || CITIES.contains(&p);
    if parts.iter().all(|p| known(p)) {
        return true;
    }
    let orig: Vec<&str> = s.split(',').map(str::trim).collect();
    // City, ST
    if orig.len() == 2 {
        let st = orig[1];
        let city = orig[0];
        let city_ok = city
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && city.split_whitespace().count() <= 3;
        if city_ok
            && (US_STATES.contains(&st)
                || COUNTRIES.contains(&st.to_lowercase().as_str())
                || REGION_NAMES.contains(&st.to_lowercase().as_str()))
        {
            return true;
        }
    }
    false
}

/// Dot leaders (`Company . . . . . 2020`) as a tab.
fn without_leaders(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '.' {
            let mut j = i;
            let mut dots = 0;
            while j < chars.len() && (chars[j] == '.' || chars[j] == ' ') {
                dots += usize::from(chars[j] == '.');
                j += 1;
            }
            if dots >= 3 {
                out.push_str(if i == 0 { "" } else { ".\t" });
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// "Acme, Paris, France (https://acme.example)": a web address says nothing of the company's
/// name or place; it goes, with the brackets around it.
fn without_links(s: &str) -> String {
    let is_link = |w: &str| {
        let w = w.trim_start_matches(['(', '[', '<']).to_ascii_lowercase();
        w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
    };
    if !s.split_whitespace().any(is_link) {
        return s.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let mut in_brackets = false;
    for w in s.split_whitespace() {
        if in_brackets {
            in_brackets = !w.ends_with([')', ']', '>']);
            continue;
        }
        if is_link(w) {
            let opened = w.starts_with(['(', '[', '<']);
            in_brackets = opened && !w.ends_with([')', ']', '>']);
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

/// "Computer Operator. Automatic Data Processing, Bothell WA": a full stop between two
/// capitalised names parts them as a bar would. Not after an abbreviation ("St. Louis",
/// "U.S. Bank", "Acme Inc. Seattle") nor before a word in lower case.
fn full_stops_parting(s: &str) -> String {
    if !s.contains(". ") {
        return s.to_string();
    }
    let words: Vec<&str> = s.split(' ').collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let stem = w.strip_suffix('.').unwrap_or(w);
        let next = words.get(k + 1).and_then(|n| n.chars().next());
        let roman = matches!(stem, "I" | "II" | "III" | "IV" | "V");
        let parts = w.ends_with('.')
            && (stem.chars().count() >= 3 || roman)
            && stem.chars().all(char::is_alphanumeric)
            && !legal_form(stem)
            && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if parts {
            out.push_str(stem);
            out.push_str(" |");
        } else {
            out.push_str(w);
        }
    }
    out
}

/// A fragment cut at " / ", but a title and the title or rank it was shared with kept whole:
/// "IS System Administrator I / Senior", "Webmaster / Database Support", "Operator I / II".
fn slashed_titles(p: &str) -> Vec<String> {
    let rank = |x: &str| {
        matches!(
            x.to_lowercase().as_str(),
            "i" | "ii" | "iii" | "iv" | "senior" | "sr" | "junior" | "jr" | "lead" | "principal"
        )
    };
    let mut out: Vec<String> = Vec::new();
    for piece in p.split(" / ").map(str::trim) {
        if let Some(last) = out.last_mut() {
            let titled = |x: &str| title_score(x) > 0 && title_score(x) >= company_score(x);
            if titled(last) && (rank(piece) || titled(piece)) {
                last.push_str(" / ");
                last.push_str(piece);
                continue;
            }
        }
        out.push(piece.to_string());
    }
    out
}

/// Cuts a header line into its parts at the usual separators.
fn fragments(s: &str) -> Vec<String> {
    // "University at Buffalo", "College at Brockport": " at " right after a school's word
    // parts nothing.
    let s = &full_stops_parting(&without_links(&without_leaders(s)));
    let mut kept = s.clone();
    for school in ["University", "College", "Institute", "School", "Campus"] {
        for at in [" at ", " At "] {
            let joined = format!("{school}{at}");
            kept = kept.replace(&joined, &format!("{school}\u{a0}at\u{a0}"));
        }
    }
    let mut parts = vec![kept];
    for sep in [
        "\t", " | ", "|", " — ", "—", " – ", " - ", " · ", " • ", "•", " @ ", " at ", " At ",
        " ~ ", " ; ", ";", " / ", ":", "  ", " -", "- ", "·",
    ] {
        if sep == " / " {
            parts = parts.into_iter().flat_map(|p| slashed_titles(&p)).collect();
            continue;
        }
        parts = parts
            .into_iter()
            .flat_map(|p| {
                p.split(sep)
                    .map(|x| x.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    // "Company (Remote)", "Title (Python, Go)": a parenthesis stays with what it follows
    // unless it is a place.
    let mut out = Vec::new();
    for p in parts {
        let whole = p
            .trim_matches(|c: char| c == ',' || c.is_whitespace() || c == '-')
            .trim();
        let p = whole
            .trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace() || c == '-')
            .trim();
        // "Acme Inc.": the full stop of a legal form's abbreviation stays.
        let legal_stop = whole.len() == p.len() + 1
            && whole.ends_with('.')
            && p.rsplit(' ').next().is_some_and(legal_form);
        let p = if legal_stop { whole } else { p };
        if p.is_empty() || p.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        if let Some(open) = p.find('(') {
            let inner = p[open + 1..].trim_end_matches(')');
            if is_place(inner) {
                out.push(p[..open].trim().to_string());
                out.push(inner.to_string());
                continue;
            }
        }
        if is_place(p) {
            out.push(p.to_string());
            continue;
        }
        // "Air Sciences, Inc. NETWORK ADMINISTRATOR (INTERN)": a name in mixed case, then
        // a title set in capitals, with nothing between.
        let words: Vec<&str> = p.split_whitespace().collect();
        let caps = |w: &str| {
            !w.chars().any(char::is_lowercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() != 1
        };
        if let Some(k) = (1..words.len()).find(|&k| words[k..].iter().all(|w| caps(w))) {
            let (name, title) = (words[..k].join(" "), words[k..].join(" "));
            if words[..k].iter().any(|w| w.chars().any(char::is_lowercase))
                && words[k..].len() >= 2
                && title_score(&title) > 0
            {
                out.push(name);
                out.push(title);
                continue;
            }
        }
        // "Company, City, ST", "Company, Remote", "Title, Company, Remote CA, US": the
        // places at the end are split off, then what stands before them is read.
        let mut comma: Vec<&str> = p.split(", ").collect();
        if comma.len() >= 2 {
            // "Hartree Partners, Inc.": the company's legal form, not a place.
            if legal_form(comma[comma.len() - 1]) {
                out.push(p.to_string());
                continue;
            }
            // "Austin, TX", "ShopBack, VN": a state or country code, not any capitals
            // ("Research Computing, ITC" names a department).
            let code = |w: &str| US_STATES.contains(&w) || COUNTRY_CODES.contains(&w);
            // "Remote CA", "Remote US": a remote job and where it is held.
            let remote_in = |w: &str| {
                w.split_once(' ').is_some_and(|(a, b)| {
                    a.eq_ignore_ascii_case("remote") && (code(b) || is_place(b))
                })
            };
            let mut places: Vec<&str> = Vec::new();
            loop {
                let n = comma.len();
                if n >= 3 && is_place(&comma[n - 2..].join(", ")) {
                    places.splice(0..0, comma.drain(n - 2..));
                    continue;
                }
                let last = comma[n - 1];
                if n >= 2 && (is_place(last) || code(last) || remote_in(last)) {
                    places.insert(0, last);
                    comma.pop();
                    continue;
                }
                break;
            }
            // "Tester, Accenture, BA": what stands before the place may be a title and a
            // company in turn; "Title, Company" when one side reads as a title.
            // A short third piece with no place found ("…, BA") is dropped.
            let shape =
                comma.len() == 2 || (comma.len() == 3 && places.is_empty() && comma[2].len() <= 3);
            // "Excion, Web Engineer": the company first, then the title.
            let company_first = comma.len() == 2
                && title_score(comma[0]) == 0
                && title_score(comma[1]) > 0
                && company_score(comma[1]) == 0
                && !is_place(comma[0]);
            if company_first
                || (shape
                    && title_score(comma[0]) > 0
                    && title_score(comma[1]) == 0
                    && title_score(comma[0]) >= company_score(comma[0]))
            {
                out.push(comma[0].to_string());
                out.push(comma[1].to_string());
            } else {
                out.push(comma.join(", "));
            }
            if !places.is_empty() {
                out.push(places.join(", "));
            }
            continue;
        }
        out.push(p.to_string());
    }
    out.into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.replace('\u{a0}', " "))
        .collect()
}

/// A line of a postal address or a telephone number: "125 Queens Quay East, 9th Floor",
/// "Toronto, Ontario M5A 0Z6", "PO Box 167", "(416) 479-8812".
fn postal(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let street = words.iter().any(|w| {
        matches!(
            w.trim_end_matches('.'),
            "street"
                | "avenue"
                | "ave"
                | "road"
                | "rd"
                | "boulevard"
                | "blvd"
                | "quay"
                | "floor"
                | "suite"
                | "drive"
                | "lane"
                | "way"
        )
    });
    // A house number, not a year ("2015 | St Louis, MO").
    let numbered = words.first().is_some_and(|w| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
    });
    // "M5A 0Z6", "V4N 6B7": a Canadian postal code; "SW1A 1AA" a British one.
    let code = t
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            let (a, b) = (w[0].trim_end_matches(','), w[1].trim_end_matches(','));
            (3..=4).contains(&a.len())
                && b.len() == 3
                && a.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && b.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && a.chars().any(|c| c.is_ascii_digit())
                && b.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
    let phone = t.chars().filter(char::is_ascii_digit).count() >= 9
        && t.chars()
            .all(|c| c.is_ascii_digit() || " ()+-.".contains(c));
    (numbered && street) || lower.contains("po box") || lower.contains("p.o. box") || code || phone
}

/// One entry of an experience section, before it is read.
#[derive(Debug, Default)]
struct Entry {
    header: Vec<Line>,
    body: Vec<Line>,
}

/// "Hyderabad, Telengana": a place the lists may not know, written as places are (two short
/// capitalised names, no job or organisation word).
pub(super) fn city_and_region(p: &str) -> bool {
    p.split_once(", ").is_some_and(|(a, b)| {
        [a, b].iter().all(|q| {
            (1..=3).contains(&q.split_whitespace().count())
                && q.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        }) && !b.contains(", ")
            && title_score(p) == 0
            && company_score(p) == 0
    })
}

/// Whether a line is body text (a bullet or a sentence) rather than an entry's header.
fn is_body(l: &Line) -> bool {
    if l.bullet {
        // "- March 2025 - Present: Research Scientist": roles listed as items, each opening
        // with its dates, are headers.
        return !dated_item(&l.text);
    }
    // "Dept. of Pharmacy, Birla Institute of Science and Technology\tHyderabad, Telengana":
    // a line set in two parts, a place or dates flush right, is an entry's header however
    // long.
    if let Some((_, right)) = l.text.rsplit_once('\t') {
        let right = right.trim();
        if !right.is_empty()
            && (is_place(right) || city_and_region(right) || dates::find(right).is_some())
        {
            return false;
        }
    }
    // "Company: Amentum / ATA Services …", "Designation: Cloud Engineer": a labelled part
    // of a header, however long.
    if let Some((label, _)) = l.text.split_once(':') {
        if matches!(header_label(label), Some("company" | "title")) {
            return false;
        }
    }
    // "WEBSITE: https://…", "ABOUT: GitLab is…": what a role's block says about the company.
    if let Some((label, _)) = l.text.split_once(':') {
        if matches!(
            label.trim().trim_matches('*').to_lowercase().as_str(),
            "website" | "url" | "web" | "about" | "description" | "summary" | "team size"
        ) {
            return true;
        }
    }
    // "Tech stack: Kotlin, GCP, Postgres": a labelled list belongs to the role above.
    if let Some((label, value)) = l.text.split_once(':') {
        let label_words = label.split_whitespace().count();
        if (1..=3).contains(&label_words)
            && value.matches(',').count() >= 1
            && dates::find(&l.text).is_none()
        {
            return true;
        }
    }
    let text = without_leaders(&without_people(&l.text));
    let words = text.split_whitespace().count();
    // "I helped automate system administration of Linux": a résumé told in the first person.
    if words >= 4
        && text.split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "I" | "I've" | "I’ve" | "I'm" | "I’m" | "I'd" | "My" | "We"
            )
        })
    {
        return true;
    }
    let range = dates::find(&text);
    // "was promoted to Support Staff in May of 2002": a sentence that names a date is
    // still a sentence.
    if let Some(r) = &range {
        let outside = text[..r.span.0].split_whitespace().count()
            + text[r.span.1..].split_whitespace().count();
        let opens_lower = text.chars().next().is_some_and(char::is_lowercase);
        // "Computer Operator I. Sur La Table, Inc, Seattle WA. 2/2006--7/2007.": a header
        // written as a sentence ends on its date range, from a start to an end.
        let ends_on_range = r.end.is_some()
            && text[r.span.1..].chars().all(|c| !c.is_alphanumeric())
            && !opens_lower
            && !opens_with_verb(&text);
        if outside > 9
            && !ends_on_range
            && (opens_lower
                || opens_with_verb(&text)
                || text.ends_with('.')
                || little_words(&text) >= 3)
        {
            return true;
        }
    }
    let dated = range.is_some();
    let chars = text.chars().count();
    let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
    let abbreviation = matches!(
        last.as_str(),
        "inc." | "co." | "ltd." | "corp." | "llc." | "jr." | "sr." | "s.a." | "bros." | "st."
    );
    let sentence_end = text.ends_with('.') && !abbreviation;
    // "Built and maintained new customer flows": what was done, not who for.
    let achievement = words >= 5 && opens_with_verb(&text);
    !dated && (words > 12 || chars > 75 || sentence_end || achievement)
}

/// An item that opens with a date range and a colon or a dash, then names a job in a few
/// words ("Summer 2017: Gmail Security Software Intern").
fn dated_item(text: &str) -> bool {
    let Some(r) = dates::find(text) else {
        return false;
    };
    // "Khan Academy, Mountain View (May - August 2012)": a name, a place and the dates last.
    let tail = text[r.span.1..].trim().trim_matches([')', ']', '.']);
    let head = text[..r.span.0]
        .trim()
        .trim_end_matches(['(', '[', ',', '-', '–', '|'])
        .trim();
    if tail.is_empty()
        && r.end.as_deref().is_some_and(|e| e != r.start)
        && (1..=10).contains(&head.split_whitespace().count())
        && head.chars().next().is_some_and(char::is_uppercase)
        && !opens_with_verb(head)
        && !head.ends_with('.')
        && little_words(head) <= 2
    {
        return true;
    }
    let before = text[..r.span.0].trim();
    if !(before.is_empty() || dates::is_season(before)) {
        return false;
    }
    let after = &text[r.span.1..];
    let rest = after.trim_start_matches([' ', '\t']);
    let Some(rest) = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix("- "))
        .or_else(|| rest.strip_prefix("– "))
        .or_else(|| rest.strip_prefix("— "))
    else {
        return false;
    };
    let rest = rest.trim();
    (1..=8).contains(&rest.split_whitespace().count())
        && title_score(rest) > 0
        && !rest.ends_with('.')
        && !opens_with_verb(rest)
}

fn entries(lines: &[Line], base_level: Option<u8>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut cur = Entry::default();
    for (i, l) in lines.iter().enumerate() {
        let heading_here = l.heading.is_some() && base_level.is_none_or(|b| Some(b) <= l.heading);
        // A paragraph goes on: a line right under prose, starting lower-case, or a sentence
        // of its own too long for a header.
        // "… from February 2004 to October" over "2016.": the sentence ends here.
        let unfinished = cur.body.last().is_some_and(|b| {
            !b.bullet
                && b.text.split_whitespace().count() >= 8
                && !b.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
        });
        let continues = !l.blank_before
            && cur.body.last().is_some_and(|b| !b.bullet)
            && (l.text.chars().next().is_some_and(char::is_lowercase)
                || (unfinished
                    && l.text.trim_end().ends_with('.')
                    && l.text.chars().next().is_some_and(|c| c.is_ascii_digit()))
                || (l.text.split_whitespace().count() >= 7 && dates::find(&l.text).is_none()));
        // "- Technical Architect @ Krazybee" over "02/05/2019 - Now": a short list item right
        // above a line of dates is the role's header, not a bullet.
        let header_item = l.bullet
            && l.text.split_whitespace().count() <= 10
            && title_score(&l.text) > 0
            && !opens_with_verb(&l.text)
            && dates::find(&l.text).is_none()
            && lines.get(i + 1).is_some_and(|n| {
                let Some(r) = (!n.bullet && !n.blank_before)
                    .then(|| dates::find(&n.text))
                    .flatten()
                else {
                    return false;
                };
                // The next line is dates and little else.
                let rest = format!("{}{}", &n.text[..r.span.0], &n.text[r.span.1..]);
                rest.split_whitespace().count() <= 2
            });
        // "Highlighted projects:", "Techs:" under a role: a label of its body.
        let label = l.heading.is_none()
            && !l.bullet
            && !cur.header.is_empty()
            && l.text.trim_end().ends_with(':')
            && l.text.split_whitespace().count() <= 4
            && dates::find(&l.text).is_none();
        if (is_body(l) || continues || label) && !heading_here && !header_item {
            cur.body.push(l.clone());
            continue;
        }
        // A header line after body text, or a heading, or a blank-separated header, starts
        // a new entry.
        // Headings right after headings ("Senior Engineer" then "WeTransfer", each set as a
        // heading) are one header.
        let new_entry = !cur.body.is_empty()
            || (heading_here && cur.header.iter().any(|h| h.heading.is_none()))
            // Roles with no bullets, one blank-separated block each: a block that already
            // has a title, a company and dates is done.
            || (l.blank_before && !cur.header.is_empty() && {
                let parts = read_header(&cur.header);
                parts.last().is_some_and(|p| {
                    p.range.is_some() && p.title.is_some() && p.company.is_some()
                })
            });
        if new_entry && (!cur.header.is_empty() || !cur.body.is_empty()) {
            out.push(std::mem::take(&mut cur));
        }
        cur.header.push(l.clone());
    }
    if !cur.header.is_empty() || !cur.body.is_empty() {
        out.push(cur);
    }
    out
}

/// What one header line holds.
#[derive(Debug, Default, Clone)]
struct HeaderParts {
    title: Option<String>,
    company: Option<String>,
    location: Option<String>,
    range: Option<dates::Range>,
}

/// A company's legal form written after its name: "Inc", "Ltd.", "GmbH", "s.r.l.".
fn legal_form(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().trim_end_matches('.'),
        "inc"
            | "llc"
            | "ltd"
            | "co"
            | "plc"
            | "llp"
            | "lp"
            | "l.p"
            | "ag"
            | "sa"
            | "s.a"
            | "bv"
            | "b.v"
            | "nv"
            | "n.v"
            | "gmbh"
            | "corp"
            | "pty"
            | "pvt"
            | "bros"
            | "s.r.l"
            | "s.p.a"
    )
}

fn clean_part(s: &str) -> String {
    let t = trim_part(s);
    // "Acme Inc.": the full stop of a legal form's abbreviation stays.
    if t.contains(' ')
        && t.rsplit(' ').next().is_some_and(legal_form)
        && s.trim_end().trim_end_matches([',', ' ']).ends_with('.')
        && s.contains(&format!("{t}."))
    {
        return format!("{t}.");
    }
    // "Independent Developer (Developer Tools)": a closing bracket that closes one stays.
    let open = t.matches('(').count();
    if open > t.matches(')').count() && s.trim_end().ends_with(')') {
        return format!("{t})");
    }
    t
}

fn trim_part(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| {
            c == ','
                || c == '('
                || c == ')'
                || c == '['
                || c == ']'
                || c == '~'
                || c == '.'
                || c == '-'
                || c == '–'
                || c.is_whitespace()
        })
        .to_string()
}

/// "6 years", "2 yrs 3 mos", "1 year, 4 months": how long, as job sites write it.
fn is_duration(l: &str) -> bool {
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words
            .iter()
            .any(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit() || c == '.')
                || matches!(
                    *w,
                    "year"
                        | "years"
                        | "yr"
                        | "yrs"
                        | "month"
                        | "months"
                        | "mo"
                        | "mos"
                        | "and"
                        | "less"
                        | "than"
                        | "a"
                        | "experience"
                        | "of"
                )
        })
}

/// Words that qualify a job title ("Senior", "Software", "Lead").
const TITLE_MODIFIERS: &[&str] = &[
    "senior",
    "sr",
    "sr.",
    "junior",
    "jr",
    "jr.",
    "lead",
    "principal",
    "staff",
    "chief",
    "head",
    "acting",
    "associate",
    "assistant",
    "software",
    "web",
    "website",
    "data",
    "full-stack",
    "fullstack",
    "full",
    "stack",
    "frontend",
    "front-end",
    "backend",
    "back-end",
    "test",
    "qa",
    "trainee",
    "technical",
    "tech",
    "research",
    "teaching",
    "graduate",
    "undergraduate",
    "devops",
    "cloud",
    "systems",
    "system",
    "platform",
    "site",
    "reliability",
    "mobile",
    "ios",
    "android",
    "machine",
    "learning",
    "ml",
    "ai",
    "security",
    "network",
    "database",
    "it",
    "product",
    "project",
    "program",
    "engineering",
    "development",
    "business",
    "marketing",
    "sales",
    "customer",
    "support",
    "operations",
    "technology",
    "team",
    "summer",
    "part-time",
    "contract",
    "digital",
    "ux",
    "ui",
    "design",
    "game",
    "embedded",
    "firmware",
    "hardware",
    "solutions",
    "application",
    "applications",
    "automation",
    "infrastructure",
    "analytics",
    "i",
    "ii",
    "iii",
    "iv",
    "of",
    "and",
    "&",
];

/// A fragment that is a company followed by a title with nothing between them: the company
/// and the title, when both are there.
fn split_title_suffix(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let is_title_word = |w: &str| title_score(w) > 0;
    if !is_title_word(words[words.len() - 1]) {
        return None;
    }
    let mut start = words.len() - 1;
    while start > 0 {
        let w = words[start - 1].to_lowercase();
        if is_title_word(&w) || TITLE_MODIFIERS.contains(&w.as_str()) {
            start -= 1;
        } else {
            break;
        }
    }
    // "of"/"and" cannot open a title.
    while start < words.len() - 1
        && matches!(words[start].to_lowercase().as_str(), "of" | "and" | "&")
    {
        start += 1;
    }
    if start == 0 {
        return None;
    }
    let company = words[..start].join(" ");
    // The company part must read as a name of two words or more (one word before a title is
    // as often a field: "Malware Analyst"), with no word of a title in it ("Junior PRISM").
    let name_words = &words[..start];
    if name_words.len() < 2
        || !company
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || name_words
            .iter()
            .any(|w| TITLE_MODIFIERS.contains(&w.to_lowercase().as_str()) || title_score(w) > 0)
    {
        return None;
    }
    Some((company, words[start..].join(" ")))
}

/// "Sales Associate Adidas Outlet": a title, then the name of the company with nothing
/// between; the title is the run of job words at the start and ends on a job's head word, the
/// name what follows, in capitals, with no job word in it.
fn split_title_prefix(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let job = |w: &str| title_score(w) > 0 || TITLE_MODIFIERS.contains(&w.to_lowercase().as_str());
    let run = words.iter().take_while(|w| job(w)).count();
    // The run ends on a head word ("Associate", "Analyst"), not on a modifier alone.
    let mut end = run;
    while end > 0 && title_score(words[end - 1]) == 0 {
        end -= 1;
    }
    // Two words of a job at least ("Consultant Expert Statistician" is one title).
    if end < 2 || end != run || end == words.len() {
        return None;
    }
    // "Senior Software Engineer (Development and Implementation) ABB India Limited": what is
    // in brackets after the title is the title's.
    if words[end].starts_with('(') {
        let close = (end..words.len()).find(|&k| words[k].ends_with(')'))?;
        end = close + 1;
        if end == words.len() {
            return None;
        }
    }
    let name = &words[end..];
    // A name that ends on a person's work ("… Statistician", "… Specialist") is the title's.
    let agent = |w: &str| {
        let w = w.to_lowercase();
        ["ian", "ist", "or", "er", "ant", "ent"]
            .iter()
            .any(|e| w.ends_with(e) && w.len() > e.len() + 3)
    };
    if name.last().is_some_and(|w| agent(w)) {
        return None;
    }
    let capital = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let roman = |w: &&str| w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | '-' | '/'));
    if !name.iter().all(capital)
        || name.iter().any(roman)
        || name
            .iter()
            .all(|w| w.chars().filter(|c| c.is_alphabetic()).count() < 3)
        || name.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "of" | "for" | "and" | "&" | "in" | "at" | "to"
            )
        })
    {
        return None;
    }
    Some((words[..end].join(" "), name.join(" ")))
}

/// Reads an entry's header lines: title, company, place and dates. Returns one part per
/// dated line when several lines carry their own dates (titles held in turn at one company).
fn read_header(header: &[Line]) -> Vec<HeaderParts> {
    let mut per_line: Vec<(HeaderParts, Vec<String>)> = Vec::new();
    for l in header {
        // A link or an address line names no company or title.
        let t = l.text.trim().to_lowercase();
        if t.starts_with("http://")
            || t.starts_with("https://")
            || t.starts_with("www.")
            || (t.contains('@') && !t.contains(' '))
            || postal(&l.text)
        {
            continue;
        }
        let mut text = without_people(&l.text);
        let mut range = dates::find(&text);
        // "Sep 2006 – Nov 2012, Sep – Dec 2014": one role held twice; its span runs from the
        // first start to the last end.
        if let Some(r) = &mut range {
            let rest = &text[r.span.1..];
            let lead = rest.len() - rest.trim_start_matches([',', ';', ' ', '&']).len();
            if let Some(second) = dates::find(&rest[lead..]).filter(|x| x.span.0 == 0) {
                if second.start >= r.start {
                    r.end = second.end.clone();
                    r.span.1 += lead + second.span.1;
                }
            }
        }
        if let Some(r) = &range {
            // "(Nov 2011 - Present)": the brackets round the dates go with them.
            let (mut a, mut b) = r.span;
            let before = text[..a].trim_end();
            let after = text[b..].trim_start();
            if (before.ends_with('(') && after.starts_with(')'))
                || (before.ends_with('[') && after.starts_with(']'))
            {
                a = before.len() - 1;
                b = text.len() - after.len() + 1;
            }
            text.replace_range(a..b, " \t ");
        }
        // "Paladin Consulting [Dallas, TX]": a place in brackets.
        let mut bracket_place = None;
        if let (Some(a), Some(b)) = (text.find('['), text.find(']')) {
            let inner = text.get(a + 1..b).unwrap_or("").trim().to_string();
            if a < b && (is_place(&inner) || city_and_region(&inner)) {
                text.replace_range(a..=b, " \t ");
                bracket_place = Some(inner);
            }
        }
        // Words that only introduce: "Since", "from", "Dates:".
        let parts: Vec<String> = fragments(&text)
            .into_iter()
            .map(|p| clean_part(&p))
            .filter(|p| {
                let l = p.to_lowercase();
                !p.is_empty()
                    && !matches!(
                        l.as_str(),
                        "since" | "from" | "to" | "dates" | "date" | "present" | "current" | "now"
                    )
                    // "Summer 2017", "Summer of 2013": the season goes with its year.
                    && !dates::is_season(l.trim_end_matches(" of"))
                    && !is_duration(&l)
                    && !reads_as_sentence(p)
                    // "Aggne – A Wipro Company", "part of Acme": what the employer is,
                    // not who.
                    && !(l.starts_with("a ") || l.starts_with("an ") || l.starts_with("part of ")
                        || l.starts_with("subsidiary of ") || l.starts_with("a subsidiary"))
                    // "Since September 2017 as OnGres, previously …": what is left of a
                    // clause, not a name.
                    && !l.split_whitespace().next().is_some_and(|w| {
                        matches!(
                            w,
                            "as" | "at" | "in" | "on" | "with" | "for" | "and" | "previously"
                                | "formerly" | "then" | "while" | "where" | "after" | "before"
                        )
                    })
                    // An icon read as a letter ("Ý" before the dates) names nothing.
                    && p.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                    // A page number ("1/3", "Page 2") names nothing either.
                    && p.chars().any(char::is_alphabetic)
                    && !l.starts_with("page ")
                    // Nor does a footer's mail address.
                    && !p
                        .split_whitespace()
                        .any(|w| w.contains('@') && w.contains('.'))
            })
            .collect();
        let mut hp = HeaderParts {
            range,
            ..Default::default()
        };
        hp.location = bracket_place;
        let mut rest = Vec::new();
        // Labelled fields say what each part is.
        let mut labelled = Vec::new();
        let mut next_is: Option<&str> = None;
        for p in &parts {
            if let Some(kind) = header_label(p) {
                next_is = Some(kind);
                continue;
            }
            match next_is.take() {
                Some("company") if hp.company.is_none() => {
                    // "Wipro, Noida": the company, then its place.
                    let (c, place) = match p.split_once(", ") {
                        Some((c, rest)) if is_place(rest) || city_and_region(p) => {
                            (c.to_string(), Some(rest.to_string()))
                        }
                        _ => (p.clone(), None),
                    };
                    hp.company = Some(c);
                    if hp.location.is_none() {
                        hp.location = place;
                    }
                }
                Some("title") if hp.title.is_none() => hp.title = Some(p.clone()),
                _ => labelled.push(p.clone()),
            }
        }
        let parts = labelled;
        // "Title at Company" reads in that order.
        let at = l.text.contains(" at ") || l.text.contains(" @ ");
        for (k, p) in parts.iter().enumerate() {
            let last = k + 1 == parts.len() && k > 0;
            if is_place(p) || (last && city_and_region(p)) {
                // A second place ("Atlanta, GA - remote") is not a company either.
                if hp.location.is_none() {
                    hp.location = Some(p.clone());
                }
            } else if at && k == 0 && parts.len() >= 2 {
                hp.title = Some(p.clone());
            } else if at && k == 1 && hp.title.is_some() && hp.company.is_none() {
                hp.company = Some(p.clone());
            } else {
                rest.push(p.clone());
            }
        }
        per_line.push((hp, rest));
    }
    // Titles and companies among the rest, over the whole header.
    let mut out: Vec<HeaderParts> = Vec::new();
    let mut shared = HeaderParts::default();
    let mut loose: Vec<String> = Vec::new();
    for (hp, rest) in per_line {
        let mut hp = hp;
        for p in rest {
            let t = title_score(&p);
            let c = company_score(&p);
            if t > 0 && (t > c || (t == c && !organisation_named(&p))) && hp.title.is_none() {
                hp.title = Some(p);
            } else {
                loose.push(p);
            }
        }
        if hp.range.is_some() {
            out.push(hp);
        } else {
            shared.title = shared.title.take().or(hp.title);
            shared.company = shared.company.take().or(hp.company);
            shared.location = shared.location.take().or(hp.location);
        }
    }
    if out.is_empty() {
        out.push(HeaderParts::default());
    }
    let n = out.len();
    for (i, hp) in out.iter_mut().enumerate() {
        if hp.title.is_none() && (n == 1 || i == 0) {
            hp.title = shared.title.clone();
        }
        if hp.company.is_none() {
            hp.company = shared.company.clone();
        }
        if hp.location.is_none() {
            hp.location = shared.location.clone();
        }
    }
    // One role at two stretches of time ("Manager, 2023–present (consultant)" over "Acme,
    // 2014–2023"): the dated lines share their title and company.
    if out.len() > 1 {
        for i in 1..out.len() {
            if out[i].title.is_none() {
                out[i].title = out[i - 1].title.clone();
            }
        }
        for i in (0..out.len() - 1).rev() {
            if out[i].company.is_none() {
                out[i].company = out[i + 1].company.clone();
            }
        }
    }
    // Loose parts: a company first (never a part that reads as a job), then a title.
    let (titles, mut others): (Vec<String>, Vec<String>) = loose
        .into_iter()
        .partition(|p| title_score(p) > 0 && company_score(p) == 0);
    // Names that say they are organisations ("… Institute of Technology", "… Inc") first.
    others.sort_by_key(|p| {
        std::cmp::Reverse(usize::from(
            company_score(p) > 0 && p.split_whitespace().count() <= 6,
        ))
    });
    others.reverse();
    for hp in &mut out {
        if hp.company.is_none() {
            hp.company = others.pop();
        }
    }
    others.reverse();
    let mut rest = titles.into_iter().chain(others);
    for hp in &mut out {
        if hp.title.is_none() {
            hp.title = rest.next();
        }
    }
    // "Software Developer, Klarna, Tel Aviv", "H3C, Chengdu, China, Software Engineering
    // Intern": title, company and place in one comma list.
    for hp in &mut out {
        if hp.company.is_some() && hp.title.is_some() {
            continue;
        }
        let Some(whole) = hp.title.clone().or_else(|| hp.company.clone()) else {
            continue;
        };
        if let Some((title, company, place)) = comma_list(&whole) {
            hp.title = Some(title);
            hp.company = Some(company);
            if hp.location.is_none() {
                hp.location = place;
            }
        }
    }
    // "U.S. Navy Norfolk, VA" over "Tomahawk Missile Technician  Jan 2011 – Jan 2017": a
    // company and its place with nothing between (a tab lost in the export).
    for hp in &mut out {
        if hp.company.is_some() || hp.title.is_none() {
            continue;
        }
        if let Some((org, place)) = hp.location.as_deref().and_then(org_before_place) {
            hp.company = Some(org);
            hp.location = Some(place);
        }
    }
    // "Government Digital Service Lead Developer", "Utah 4-H Website Manager": no separator;
    // the title is the run of job words at the end, the company what stands before it.
    for hp in &mut out {
        // "Senior Software Engineer (Development) ABB India Limited" read whole as the
        // company for its legal form: the title at its start is the title.
        if let (None, Some(c)) = (&hp.title, &hp.company) {
            if let Some((title, company)) = split_title_prefix(c) {
                hp.title = Some(title);
                hp.company = Some(company);
            }
        }
        if hp.company.is_some() {
            continue;
        }
        if let Some(t) = hp.title.clone() {
            if let Some((company, title)) = split_title_suffix(&t) {
                hp.company = Some(company);
                hp.title = Some(title);
            } else if let Some((title, company)) = split_title_prefix(&t) {
                hp.company = Some(company);
                hp.title = Some(title);
            }
        }
    }
    // Two parts and the one taken as company reads as a title: swap.
    for hp in &mut out {
        if let (Some(c), Some(t)) = (&hp.company, &hp.title) {
            if title_score(c) > title_score(t) && company_score(c) == 0 {
                std::mem::swap(&mut hp.company, &mut hp.title);
            }
        }
    }
    out
}

/// What a label in a role's header says the next part is ("Organization : Wipro",
/// "Designation : Cloud Engineer", "Period : 2017 to date"): company, title or other.
fn header_label(p: &str) -> Option<&'static str> {
    let l = p.trim_matches('*').trim().to_lowercase();
    match l.as_str() {
        "organization" | "organisation" | "company" | "employer" | "client" | "company name"
        | "organization name" => Some("company"),
        "designation" | "title" | "job title" | "position" | "role" => Some("title"),
        "period" | "duration" | "dates" | "date" | "employment span" | "tenure" | "location"
        | "place" | "working period" | "supervisor" | "manager" | "reports to" | "reporting to"
        | "reference" | "contact" => Some("other"),
        _ => None,
    }
}

/// A header without the person the role answered to (", Advisor: Christopher Rossbach.").
fn without_people(text: &str) -> String {
    let mut text = text.to_string();
    for label in [
        ", Advisor:",
        ", Adviser:",
        ", Supervisor:",
        ", Instructor:",
        ", Mentor:",
        ", PI:",
    ] {
        if let Some(at) = text.find(label) {
            text.truncate(at);
        }
    }
    text
}

/// Title, company and place read from one comma list: one or two titles first, then the
/// company and perhaps its place ("Developer, System Administrator, United Brains, Soest"),
/// or the company first, then its place, then the title ("UTCS Systems Lab, Austin TX,
/// Research Assistant").
fn comma_list(whole: &str) -> Option<(String, String, Option<String>)> {
    let pieces: Vec<&str> = whole
        .split(", ")
        .map(|p| p.trim().trim_end_matches([',', '.']))
        .collect();
    let capital = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
    // A piece after the company is a place: a known one, or a short name that is no job
    // ("Soest", "s’Hertogenbosch", "Austin TX").
    let place_like = |p: &str| {
        is_place(p)
            || (p.split_whitespace().count() <= 3
                && title_score(p) == 0
                && company_score(p) == 0
                && p.split_whitespace()
                    .all(|w| w.chars().any(char::is_uppercase)))
    };
    let k = pieces
        .iter()
        .take_while(|p| title_score(p) > 0)
        .count()
        .min(2);
    if k > 0
        && (k + 1..=k + 2).contains(&pieces.len())
        && title_score(pieces[k]) == 0
        && pieces[k].split_whitespace().count() <= 5
        && !is_place(pieces[k])
        && capital(pieces[k])
        && pieces[k + 1..].iter().all(|p| place_like(p))
    {
        let place = (pieces.len() == k + 2).then(|| pieces[k + 1].to_string());
        return Some((pieces[..k].join(", "), pieces[k].to_string(), place));
    }
    let n = pieces.len();
    let last = pieces[n - 1];
    if (3..=5).contains(&n)
        && title_score(last) > company_score(last)
        && title_score(pieces[0]) == 0
        && capital(pieces[0])
        && pieces[0].split_whitespace().count() <= 6
        && !is_place(pieces[0])
        && pieces[1..n - 1].iter().all(|p| place_like(p))
    {
        return Some((
            last.to_string(),
            pieces[0].to_string(),
            Some(pieces[1..n - 1].join(", ")),
        ));
    }
    None
}

/// First words of two-word place names ("San Jose", "Fort Worth", "Kansas City").
const PLACE_OPENERS: &[&str] = &[
    "san", "santa", "los", "las", "new", "fort", "ft.", "st.", "saint", "el", "palo", "mountain",
    "menlo", "redwood", "baton", "grand", "cedar", "sioux", "long", "kansas", "oklahoma", "jersey",
    "carson", "virginia", "ann", "des", "little", "corpus", "bay", "hong", "tel", "rio", "buenos",
    "cape", "palm", "west", "east", "north", "south", "port", "lake", "salt", "silver", "college",
    "overland", "round", "sugar", "cherry", "white", "walnut", "newport", "half",
];

/// "U.S. Navy Norfolk, VA" → ("U.S. Navy", "Norfolk, VA"): a name written straight before the
/// city of a place; none when all before the comma is the city.
fn org_before_place(loc: &str) -> Option<(String, String)> {
    let (head, tail) = loc.split_once(',')?;
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let known =
        |k: usize| CITIES.contains(&words[words.len() - k..].join(" ").to_lowercase().as_str());
    let city = if words.len() > 3 && known(3) {
        3
    } else if known(2) || PLACE_OPENERS.contains(&words[words.len() - 2].to_lowercase().as_str()) {
        2
    } else {
        1
    };
    if words.len() <= city {
        return None;
    }
    let org = words[..words.len() - city].join(" ");
    let place = format!("{},{tail}", words[words.len() - city..].join(" "));
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (words.iter().all(|w| upper(w)) && title_score(&org) == 0).then_some((org, place))
}

/// Titles and companies the other way round in a few roles of a résumé that writes its
/// headers one way ("Platform Engineer - Jive Software", then "Network Operations Center
/// (NOC) - Jive Software"): the clear headers set the order; the unclear ones follow it.
fn one_order(roles: &mut [Role], headers: &[String]) {
    // For each role: whether the title comes first on its header line, and how clearly the
    // parts read as what they were taken for.
    let read: Vec<Option<(bool, isize)>> = roles
        .iter()
        .zip(headers)
        .map(|(r, h)| {
            if r.title.is_empty() || r.company.is_empty() {
                return None;
            }
            let line = h
                .lines()
                .find(|l| l.contains(r.title.as_str()) && l.contains(r.company.as_str()))?;
            let (t, c) = (line.find(r.title.as_str())?, line.find(r.company.as_str())?);
            let score = |s: &str| (title_score(s) as isize, company_score(s) as isize);
            let ((tt, tc), (ct, cc)) = (score(&r.title), score(&r.company));
            Some((t < c, tt + cc - ct - tc))
        })
        .collect();
    let clear = |first: bool| {
        read.iter()
            .flatten()
            .filter(|&&(f, margin)| f == first && margin > 0)
            .count()
    };
    let (title_first, company_first) = (clear(true), clear(false));
    let order = match (title_first, company_first) {
        (n, 0) if n >= 2 => true,
        (0, n) if n >= 2 => false,
        _ => return,
    };
    for (r, seen) in roles.iter_mut().zip(&read) {
        if let Some((first, margin)) = *seen {
            if first != order && margin <= 0 {
                std::mem::swap(&mut r.title, &mut r.company);
            }
        }
    }
}

/// The job named in a sentence such as "Worked in a team of three as a frontend engineer".
fn title_in_sentence(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = [" as a ", " as an ", "as a ", "as an "]
        .iter()
        .filter_map(|m| lower.find(m).map(|i| i + m.len()))
        .min()?;
    let words: Vec<&str> = text[at..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == ' '))
        .next()?
        .split_whitespace()
        .take(5)
        .collect();
    let end = words.iter().position(|w| title_score(w) > 0)?;
    let title = words[..=end].join(" ");
    let mut chars = title.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// How many of the little words of running prose `text` holds ("the", "to", "was"…). Names of
/// organisations hold "of" and "and" too, so those two do not count.
fn little_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the"
                    | "to"
                    | "in"
                    | "a"
                    | "as"
                    | "with"
                    | "for"
                    | "on"
                    | "was"
                    | "their"
                    | "our"
                    | "my"
            )
        })
        .count()
}

/// A part of a header that is a sentence ("Responsible for performing collection
/// activities"): no company or title reads like that.
fn reads_as_sentence(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    let little = little_words(p);
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    // "Extended Reality (XR) Creative Developer" opens like a verb but names a job.
    // Nor does a name that says it is an organisation ("Faradeed Adac International Co.").
    title_score(p) == 0
        && company_score(p) == 0
        && ((words.len() >= 4 && (opens_with_verb(p) || first == "responsible"))
            || (words.len() >= 8 && little >= 2))
}

/// Whether a line opens with a past-tense verb ("Built…", "Led…"): an achievement line.
fn opens_with_verb(text: &str) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    if !first.chars().next().is_some_and(char::is_uppercase)
        || first.chars().skip(1).any(char::is_uppercase)
    {
        return false;
    }
    let w: String = first
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    (w.ends_with("ed") && w.len() > 4)
        || matches!(
            w.as_str(),
            "led"
                | "built"
                | "ran"
                | "wrote"
                | "drove"
                | "grew"
                | "made"
                | "won"
                | "cut"
                | "set"
                | "brought"
                | "taught"
                | "oversaw"
                | "rebuilt"
                | "rewrote"
                | "shipped"
                | "sold"
                | "held"
                | "kept"
                | "spearheaded"
        )
}

/// A role's bullets: its list items, or, when it has none, its achievement lines written
/// one sentence to a line without bullet marks (wrapped lines joined back).
fn bullets_of(body: &[Line]) -> Vec<String> {
    if body.iter().any(|l| l.bullet) {
        // "Designed … data. - Built …": items run together on one line (soft breaks lost)
        // are parted where a sentence ends and a dash opens the next.
        return body
            .iter()
            .filter(|l| l.bullet)
            .flat_map(|l| {
                let parts: Vec<&str> = l.text.split(". - ").collect();
                let n = parts.len();
                parts
                    .into_iter()
                    .enumerate()
                    .map(move |(i, p)| {
                        if i + 1 < n {
                            format!("{p}.")
                        } else {
                            p.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    let mut after_stop = true;
    for l in body {
        let t = l.text.trim();
        if after_stop && opens_with_verb(t) {
            out.push(t.to_string());
            open = true;
        } else if open && !l.blank_before {
            if let Some(last) = out.last_mut() {
                // "se-" + "ries": a word hyphenated at the line end.
                if last.ends_with('-') && t.chars().next().is_some_and(char::is_lowercase) {
                    last.pop();
                } else {
                    last.push(' ');
                }
                last.push_str(t);
            }
        } else {
            open = false;
        }
        after_stop = t.ends_with('.') || t.ends_with(';');
    }
    // Prose that happens to open with a verb once is a paragraph, not a list.
    if out.len() < 2 {
        return Vec::new();
    }
    out
}

/// Roles in an experience section.
/// `inner` lies within `outer`, by years ("2013-2016" within "2008-2016").
fn within(inner: &dates::Range, outer: &dates::Range) -> bool {
    let year = |d: &str| -> String {
        if d.eq_ignore_ascii_case("present") {
            "9999".into()
        } else {
            d.chars().take(4).collect()
        }
    };
    let inner_end = inner.end.as_deref().unwrap_or(&inner.start);
    let outer_end = outer.end.as_deref().unwrap_or("present");
    year(&inner.start) >= year(&outer.start) && year(inner_end) <= year(outer_end)
}

/// A role under an employer heading that spans it: the employer is its company. What else
/// its header named is part of the title when written with it on one line ("Program
/// Manager, Data Analytics": a department; "Mid-Market Account Executive": one title the
/// reader cut in two), and a line of its own under the title otherwise (its first line of
/// work, not a company).
fn under_employer(p: &mut HeaderParts, employer: &str, header: &[Line]) {
    if p.company.as_deref() == Some(employer) {
        return;
    }
    if let (Some(t), Some(other)) = (p.title.clone(), p.company.clone()) {
        p.title = Some(title_with(header, &t, &other).unwrap_or(t));
    }
    p.company = Some(employer.to_string());
}

/// The title as one line writes it with `other`: "Title, Other", or "Other Title" when
/// nothing but a space or a dash stands between them; `None` when no line holds both.
fn title_with(header: &[Line], title: &str, other: &str) -> Option<String> {
    header.iter().find_map(|l| {
        let text = l.text.as_str();
        let (ti, oi) = (text.find(title)?, text.find(other)?);
        if oi + other.len() <= ti {
            let between = text[oi + other.len()..ti].trim();
            matches!(between, "" | "-").then(|| text[oi..ti + title.len()].to_string())
        } else if ti + title.len() <= oi {
            let between = text[ti + title.len()..oi].trim();
            matches!(between, "," | "" | "-" | "–" | "—").then(|| format!("{title}, {other}"))
        } else {
            None
        }
    })
}

pub fn roles(body: &[Line]) -> Vec<Role> {
    let base = body.iter().filter_map(|l| l.heading).min();
    let mut out: Vec<Role> = Vec::new();
    // A company line with no dates heads the roles under it until another company comes.
    let mut current_company: Option<String> = None;
    // A line of dates alone, above the heading it belongs to ("Oct 2020 – present" over
    // "### Senior Engineer | Layer").
    let mut pending: Option<dates::Range> = None;
    // An employer heading with the span of its roles ("HEWLETT PACKARD, Palo Alto  2008-2016"):
    // the roles dated inside the span are its own, whatever else their header names.
    let mut employer_span: Option<(String, dates::Range)> = None;
    let all = entries(body, base);
    let mut headers: Vec<String> = Vec::new();
    for (ei, e) in all.iter().enumerate() {
        let bullets = bullets_of(&e.body);
        let mut parts = read_header(&e.header);
        if let [p] = parts.as_slice() {
            let heads = p.title.is_none()
                && p.company.is_some()
                && p.range.is_some()
                && e.body.len() <= 2
                && !e.body.iter().any(|l| l.bullet)
                && all.get(ei + 1).is_some_and(|next| {
                    read_header(&next.header).iter().any(|q| {
                        q.title.is_some()
                            && q.range.as_ref().is_none_or(|inner| {
                                p.range.as_ref().is_some_and(|outer| within(inner, outer))
                            })
                    })
                });
            if heads {
                current_company = p.company.clone();
                employer_span = p.company.clone().zip(p.range.clone());
                continue;
            }
        }
        if let Some((employer, span)) = &employer_span {
            // An undated title right under it held the whole span.
            let undated = parts.iter().all(|p| p.range.is_none() && p.title.is_some());
            let inside = undated
                || parts
                    .iter()
                    .any(|p| p.range.as_ref().is_some_and(|r| within(r, span)));
            if inside {
                for p in parts.iter_mut() {
                    if undated {
                        p.range = Some(span.clone());
                    }
                    under_employer(p, employer, &e.header);
                }
            } else if parts.iter().any(|p| p.range.is_some()) {
                employer_span = None;
            }
        }
        if e.body.is_empty()
            && parts.len() == 1
            && parts[0].range.is_some()
            && parts[0].title.is_none()
            && parts[0].company.is_none()
        {
            pending = parts[0].range.take();
            continue;
        }
        if let Some(r) = pending.take() {
            if parts.iter().all(|p| p.range.is_none()) {
                parts[0].range = Some(r);
            }
        }
        let dated = parts.iter().any(|p| p.range.is_some());
        // "Upwork: Dec '17 - Present" over "Associate Program Manager: Jan '20 - Dec '20": an
        // employer with the span of all its roles, nothing under it but the titled roles.
        if dated
            && parts[0].title.is_none()
            && parts[0].company.is_some()
            && parts[0].range.is_some()
            && ((parts.len() == 1 && e.body.is_empty())
                || (parts.len() >= 2
                    && parts[1..]
                        .iter()
                        .all(|p| p.title.is_some() && p.range.is_some())))
        {
            current_company = parts[0].company.clone();
            let head = parts.remove(0);
            if parts.is_empty() {
                continue;
            }
            if let (Some(employer), Some(span)) = (head.company, head.range) {
                for p in parts.iter_mut() {
                    if p.range.as_ref().is_some_and(|r| within(r, &span)) {
                        under_employer(p, &employer, &e.header);
                    }
                }
                employer_span = Some((employer, span));
            }
        }
        if !dated {
            // A company heading over titled roles, or an undated role with bullets.
            let p = &parts[0];
            if e.body.is_empty() || p.title.is_none() {
                if let Some(c) = p.company.clone().or(p.title.clone()) {
                    // Under it, nothing, or only lines about the company (its site, a
                    // sentence on what it does): a company heading.
                    if e.body.is_empty() || (p.title.is_none() && !e.body.iter().any(|l| l.bullet))
                    {
                        current_company = Some(c);
                        continue;
                    }
                }
            }
            if p.title.is_none() || e.body.is_empty() {
                continue;
            }
        }
        let n = parts.len();
        for (i, p) in parts.iter_mut().enumerate() {
            // No company of its own: the company heading above, or the previous role's
            // (titles held in turn at one employer are often written without it).
            // "Independent Developer": no employer to carry over.
            let own = p.title.as_deref().is_some_and(|t| {
                t.split_whitespace()
                    .next()
                    .is_some_and(|w| on_own_account(w.trim_end_matches(',')))
            });
            let company = p.company.clone().or_else(|| {
                if own {
                    return None;
                }
                current_company
                    .clone()
                    .or_else(|| out.last().map(|r: &Role| r.company.clone()))
            });
            let (start, end) = match &p.range {
                Some(r) => (Some(r.start.clone()), r.end.clone()),
                None => (None, None),
            };
            // No title in the header: "Worked as a frontend engineer" in the first lines,
            // or a first item that is only a job ("- Shift Supervisor.").
            let title = p.title.clone().or_else(|| {
                let first = e.body.first().map(|l| l.text.trim().trim_end_matches('.'));
                first
                    .filter(|t| {
                        (1..=5).contains(&t.split_whitespace().count())
                            && title_score(t) > 0
                            && !opens_with_verb(t)
                            && dates::find(t).is_none()
                    })
                    .map(str::to_string)
                    // "Software Engineer: Develop PHP and Ruby for...", "Software Engineer.
                    // Tasked with piloting...": the title, then what the job was.
                    .or_else(|| {
                        let first = e.body.first()?.text.trim();
                        let (t, rest) =
                            first.split_once(": ").or_else(|| first.split_once(". "))?;
                        ((1..=6).contains(&t.split_whitespace().count())
                            && title_score(t) > 0
                            && !rest.trim().is_empty()
                            && dates::find(t).is_none())
                        .then(|| t.trim().to_string())
                    })
                    .or_else(|| {
                        e.body
                            .iter()
                            .take(2)
                            .find_map(|l| title_in_sentence(&l.text))
                    })
            });
            out.push(Role {
                company: company.unwrap_or_default(),
                title: title.unwrap_or_default(),
                start,
                end,
                location: p.location.clone(),
                bullets: if i + 1 == n {
                    bullets.clone()
                } else {
                    Vec::new()
                },
                line: e.header.first().map_or(0, |l| l.line),
            });
            headers.push(
                e.header
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    }
    one_order(&mut out, &headers);
    out
}

const SCHOOL_WORDS: &[&str] = &[
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "universität",
    "universitat",
    "université",
    "universidad",
    "polytechnic",
    "politecnico",
    "iit",
    "mit",
    "eth",
    "epfl",
    "ucla",
    "bootcamp",
    "hochschule",
    "gymnasium",
    "lyceum",
    "campus",
    "uni",
];

const DEGREE_WORDS: &[&str] = &[
    "bachelor",
    "bachelors",
    "bachelor's",
    "master",
    "masters",
    "master's",
    "phd",
    "ph.d",
    "doctorate",
    "doctor",
    "b.s",
    "bs",
    "b.sc",
    "bsc",
    "b.a",
    "ba",
    "m.s",
    "ms",
    "m.sc",
    "msc",
    "m.a",
    "ma",
    "mba",
    "b.tech",
    "btech",
    "m.tech",
    "mtech",
    "b.e",
    "be",
    "m.e",
    "diploma",
    "associate",
    "associate's",
    "certificate",
    "degree",
    "engineer's",
    "ing",
    "bachelor of",
    "master of",
    "meng",
    "beng",
    "high school",
    "a-levels",
    "gcse",
];

fn school_score(s: &str) -> usize {
    words_lower(s)
        .iter()
        .filter(|w| SCHOOL_WORDS.contains(&w.as_str()))
        .count()
}

fn degree_score(s: &str) -> usize {
    let l = s.to_lowercase();
    let words = words_lower(s);
    words
        .iter()
        .filter(|w| DEGREE_WORDS.contains(&w.as_str()))
        .count()
        + usize::from(l.contains("bachelor") || l.contains("master") || l.contains("ph.d"))
}

/// Schools and degrees in an education section.
pub fn education(body: &[Line]) -> Vec<Education> {
    let base = body.iter().filter_map(|l| l.heading).min();
    let mut out = Vec::new();
    for e in entries(body, base) {
        let mut ed = Education::default();
        for l in &e.header {
            let mut text = l.text.clone();
            if let Some(r) = dates::find(&text) {
                if ed.start.is_none() {
                    ed.start = Some(r.start.clone());
                    ed.end = r.end.clone();
                }
                text.replace_range(r.span.0..r.span.1, " \t ");
            }
            for p in fragments(&text) {
                let p = clean_part(&p);
                if p.is_empty() || is_place(&p) {
                    continue;
                }
                if ed.school.is_empty() && school_score(&p) > 0 && degree_score(&p) == 0 {
                    ed.school = p;
                } else if ed.degree.is_empty() && degree_score(&p) > 0 {
                    ed.degree = p;
                } else if ed.school.is_empty() && school_score(&p) > 0 {
                    ed.school = p;
                }
            }
        }
        if !ed.school.is_empty() || !ed.degree.is_empty() {
            out.push(ed);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_parts() {
        assert_eq!(
            fragments("Research Assistant at University at Buffalo"),
            vec![
                "Research Assistant".to_string(),
                "University at Buffalo".to_string()
            ]
        );
        assert!(is_place("Lisbon, Portugal"));
        assert_eq!(
            fragments("Mar 2022 \t  · Lisbon, Portugal"),
            vec!["Mar 2022".to_string(), "Lisbon, Portugal".to_string()]
        );
    }

    #[test]
    fn full_stops_and_slashes_in_headers() {
        assert_eq!(
            fragments("Computer Operator II. Sur La Table. 2/2006--7/2007."),
            vec![
                "Computer Operator II".to_string(),
                "Sur La Table".to_string(),
                "2/2006--7/2007".to_string()
            ]
        );
        // Abbreviations part nothing.
        assert_eq!(
            fragments("U.S. Bank, St. Louis"),
            vec!["U.S. Bank, St. Louis".to_string()]
        );
        // A title shared with a rank or another title stays whole; a company does not.
        assert_eq!(
            fragments("Systems Administrator I / Senior | Globex"),
            vec![
                "Systems Administrator I / Senior".to_string(),
                "Globex".to_string()
            ]
        );
        assert_eq!(
            fragments("Software Engineer / Globex Corporation"),
            vec![
                "Software Engineer".to_string(),
                "Globex Corporation".to_string()
            ]
        );
    }

    #[test]
    fn a_header_written_as_a_sentence_ends_on_its_dates() {
        let text = "## Experience\n\nSystems Administrator I / Senior. Northwind Federal Credit \
                    Union, Albuquerque NM. 8/2008--2/2015.\n\nRan three IBM i servers and \
                    their nightly batch jobs.\n\nComputer Lab Assistant. University of \
                    Colorado, Boulder CO. 1/1999--6/1999.\n\nHelped students in the music \
                    lab, mostly with email, printers and MIDI cabling, on weekday evenings in \
                    2/1999.\n";
        let (r, _) = crate::resume::analyse("x", "x", "cv.txt", text);
        let got: Vec<(&str, Option<&str>)> = r
            .roles
            .iter()
            .map(|x| (x.title.as_str(), x.start.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Systems Administrator I / Senior", Some("2008-08")),
                ("Computer Lab Assistant", Some("1999-01"))
            ]
        );
        assert!(r.roles[0]
            .company
            .starts_with("Northwind Federal Credit Union"));
    }

    /// Title, company and place of each role read.
    fn placed(r: &crate::resume::Resume) -> Vec<(&str, &str, Option<&str>)> {
        r.roles
            .iter()
            .map(|x| (x.title.as_str(), x.company.as_str(), x.location.as_deref()))
            .collect()
    }

    /// Title, company and number of bullets of each role read.
    fn with_bullets(r: &crate::resume::Resume) -> Vec<(&str, &str, usize)> {
        r.roles
            .iter()
            .map(|x| (x.title.as_str(), x.company.as_str(), x.bullets.len()))
            .collect()
    }

    /// Title, company, start and end of each role read.
    fn dated(r: &crate::resume::Resume) -> Vec<(&str, &str, Option<&str>, Option<&str>)> {
        r.roles
            .iter()
            .map(|x| {
                (
                    x.title.as_str(),
                    x.company.as_str(),
                    x.start.as_deref(),
                    x.end.as_deref(),
                )
            })
            .collect()
    }

    fn read(text: &str) -> crate::resume::Resume {
        crate::resume::analyse("r", "r", "r.md", text).0
    }

    #[test]
    fn roles_written_in_other_shapes() {
        let r = read(
            "# Work experience\n\n- March 2025 - Present: Research Scientist\nMeta Applied Sciences\n\
             New York, NY\n\n- Summer 2017: Security Software Intern\nGoogle\nSunnyvale, CA\n\n\
             # Skills\n\n- Python\n",
        );
        assert_eq!(
            dated(&r),
            vec![
                (
                    "Research Scientist",
                    "Meta Applied Sciences",
                    Some("2025-03"),
                    Some("present")
                ),
                (
                    "Security Software Intern",
                    "Google",
                    Some("2017"),
                    Some("2017")
                ),
            ]
        );
        let r = read(
            "## Experience\n\nTD Securities\tNew York, NY\n2016-2018\n\n\
             I helped in adding DMARC, DKIM, and SPF records for email\n\
             security. I documented our procedures\n\n\
             Google\tNew York, NY\n2019-2020\n\nI worked as a Security Engineer, analyzing controls\n",
        );
        assert_eq!(
            dated(&r),
            vec![
                ("", "TD Securities", Some("2016"), Some("2018")),
                ("Security Engineer", "Google", Some("2019"), Some("2020")),
            ]
        );
        let r = read(
            "## Experience\n\nSoftware Development CO-OP, Boeing Rotorcraft\tJune 2003 – November 2003\n\n\
             - Wrote test tools\n\n\
             Senior Software Engineer (Development and Implementation) ABB India Limited\tMarch 2014 - Present\n\n\
             - Hardened the plant PCs\n",
        );
        assert_eq!(
            placed(&r)
                .iter()
                .map(|&(t, c, _)| (t, c))
                .collect::<Vec<_>>(),
            vec![
                ("Software Development CO-OP", "Boeing Rotorcraft"),
                (
                    "Senior Software Engineer (Development and Implementation)",
                    "ABB India Limited"
                ),
            ]
        );
        // moderncv's one-line entries: dates, company, place, title, the person answered to.
        let r = read(
            "## Experiences\n\n2018 – 2020 UTCS System Research Lab, Austin TX, Research Assistant, Advisor: Christopher Rossbach.\n\
             2018 H3C, Chengdu, China, Software Engineering Intern.\n",
        );
        assert_eq!(
            placed(&r),
            vec![
                (
                    "Research Assistant",
                    "UTCS System Research Lab",
                    Some("Austin TX")
                ),
                ("Software Engineering Intern", "H3C", Some("Chengdu, China")),
            ]
        );
        // Items naming the employer with the dates last, the title on the line under; the
        // title as the first sentence of the only item.
        let r = read(
            "# Experience\n\n- Khan Academy, Mountain View (May - August 2012)\nSoftware Developer Intern\n\n\
             Built features to grow the user community.\n\n\
             ## Work\n\nFidelity Investments\tJanuary 2018 – Present\n\
             - Software Engineer. Tasked with piloting new technologies.\n",
        );
        assert_eq!(
            dated(&r),
            vec![
                (
                    "Software Developer Intern",
                    "Khan Academy",
                    Some("2012-05"),
                    Some("2012-08")
                ),
                (
                    "Software Engineer",
                    "Fidelity Investments",
                    Some("2018-01"),
                    Some("present")
                ),
            ]
        );
        // An item that says what was done in a year is no role.
        assert!(!dated_item("2019: Promoted to Senior Engineer"));
        assert!(!dated_item(
            "2019 - Built the billing service for the whole company."
        ));
    }

    #[test]
    fn a_roles_heading_is_no_section_whatever_its_company_is_called() {
        assert_eq!(
            section_kind("Business Analyst, McGraw Hill Education"),
            None
        );
        assert_eq!(section_kind("(in order of experience)"), None);
        assert_eq!(section_kind("Education"), Some(SectionKind::Education));
        assert_eq!(
            section_kind("Engineering Experience"),
            Some(SectionKind::Experience)
        );
        let r = read(
            "## Experience\n\n### Systems Analyst, Wexner Medical Center\n\nFebruary 2009 – July 2014\n\n\
             - Built the scheduling system\n\n### Business Analyst, McGraw Hill Education\n\n\
             November 2007 – February 2009\n\n- Ran the ERP pilot\n",
        );
        assert_eq!(r.roles.len(), 2);
        assert_eq!(r.roles[1].company, "McGraw Hill Education");
    }

    #[test]
    fn a_title_glued_to_the_company_after_it() {
        assert_eq!(
            split_title_prefix("Sales Associate Adidas Outlet"),
            Some(("Sales Associate".to_string(), "Adidas Outlet".to_string()))
        );
        assert_eq!(
            split_title_prefix(
                "Senior Software Engineer (Development and Implementation) ABB India Limited"
            ),
            Some((
                "Senior Software Engineer (Development and Implementation)".to_string(),
                "ABB India Limited".to_string()
            ))
        );
        for one_title in [
            "Consultant Expert Statistician",
            "Software Engineer II-III",
            "Senior Software Engineer",
            "Data Analyst Intern",
        ] {
            assert_eq!(split_title_prefix(one_title), None, "{one_title}");
        }
    }

    #[test]
    fn a_company_glued_to_its_place_and_headers_read_in_the_order_the_resume_keeps() {
        let r = read(
            "Jo Doe\n\n## Experience\n\nU.S. Navy Norfolk, VA\n\n\
             Missile Technician Jan 2011 – Jan 2017\n\n- Kept the launchers working\n",
        );
        assert_eq!(
            placed(&r),
            vec![("Missile Technician", "U.S. Navy", Some("Norfolk, VA"))]
        );
        assert_eq!(org_before_place("San Jose, CA"), None);
        assert_eq!(org_before_place("Norfolk, VA"), None);
        assert_eq!(
            org_before_place("Norris Cylinder Longview, Texas"),
            Some(("Norris Cylinder".to_string(), "Longview, Texas".to_string()))
        );
        // Three headers title first; the fourth, whose parts say little, follows them.
        let r = read(
            "## Experience\n\n### Platform Engineer - Jive Software (June 2016 - August 2017)\n\n\
             - Ran the clusters\n\n\
             ### Systems Engineer - Acme Labs (2014 - 2016)\n\n- Wrote tools\n\n\
             ### Support Analyst - Globex Corp (2012 - 2014)\n\n- Answered calls\n\n\
             ### Network Operations Center - Initech Software (2010 - 2012)\n\n- Watched the network\n",
        );
        let got: Vec<(&str, &str)> = r
            .roles
            .iter()
            .map(|x| (x.title.as_str(), x.company.as_str()))
            .collect();
        assert_eq!(got[0], ("Platform Engineer", "Jive Software"));
        assert_eq!(got[3], ("Network Operations Center", "Initech Software"));
    }

    #[test]
    fn letter_spaced_headings_and_comma_lists_of_title_company_place() {
        let r = read(
            "Jo Doe\n\n**E D U C A T I O N**\n\nBA in Economics; Example State University\n\n\
             **W O R K E X P E R I E N C E**\n\n\
             Data Analyst Intern, Crestline Tools - Rockleigh, NJ \t May 2019 to Present\n\n\
             - Built a dashboard for the sales team\n\n\
             Software Developer, Klarna, Tel Aviv \t Nov 2011 - Apr 2018\n\n\
             - Wrote the payments service\n",
        );
        let got: Vec<(&str, &str, Option<&str>)> = r
            .roles
            .iter()
            .map(|x| (x.title.as_str(), x.company.as_str(), x.start.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Data Analyst Intern", "Crestline Tools", Some("2019-05")),
                ("Software Developer", "Klarna", Some("2011-11")),
            ]
        );
        assert!(r.sections.iter().any(|s| s.kind == SectionKind::Education));
    }

    #[test]
    fn a_labelled_skills_line_inside_the_summary_lists_skills() {
        let r = read(
            "Mira Solberg\n\nSummry\n\nMarketing professional with a taste for design.\n\n\
             Core Skills : Digital Marketing | Brand Strategy | Copywriting\n\
             Graphic Design | Figma | Canva\n\n\
             Experience\n\n\
             Marketing Manager — Northwind | Mar 2022 – May 2023\n\n\
             - Ran campaigns\n",
        );
        let names: Vec<&str> = r.skills.iter().map(|s| s.name.as_str()).collect();
        for want in [
            "Digital Marketing",
            "Brand Strategy",
            "Copywriting",
            "Figma",
            "Canva",
        ] {
            assert!(
                names.iter().any(|n| n.eq_ignore_ascii_case(want)),
                "{want} missing from {names:?}"
            );
        }
        // The prose around is no list.
        assert!(!names.iter().any(|n| n.contains("taste")), "{names:?}");
    }

    #[test]
    fn a_heading_glued_to_a_line_states_written_out_and_company_first() {
        let r = read(
            "EDUCATION\n\nLakeside University, Clemson 2014 - 2018\n\
             - BS, Computer Science\n- GPA: 3.36 PROFESSIONAL EXPERIENCE\n\n\
             Desktop Support, Prisma Care, Greenville, South Carolina\tMay 2019 - Present\n\
             - Imaged laptops\n\n\
             Excion, Web Engineer\nAugust 2012 – Feb 2015, 3 years experience\n\n\
             - Moved the firm to WordPress\n",
        );
        let got = placed(&r);
        assert_eq!(
            got,
            vec![
                (
                    "Desktop Support",
                    "Prisma Care",
                    Some("Greenville, South Carolina")
                ),
                ("Web Engineer", "Excion", None),
            ]
        );
        assert!(r.sections.iter().any(|s| s.kind == SectionKind::Experience));
    }

    #[test]
    fn address_and_telephone_lines_name_no_employer() {
        for line in [
            "125 Queens Quay East, 9th Floor",
            "Toronto, Ontario M5A 0Z6",
            "Bar None Inc. PO Box 167",
            "(416) 479-8812",
        ] {
            assert!(postal(line), "{line}");
        }
        for line in [
            "2015 | St Louis, MO",
            "Wave Accounting Inc.",
            "June 2024 - November 2025",
        ] {
            assert!(!postal(line), "{line}");
        }
        let r = read(
            "Experience\n\nSenior Software Developer\ntheScore, Toronto, Canada\n\
             March 2020 - September 2022\n\n125 Queens Quay East, 9th Floor\n\
             Toronto, Ontario M5A 0Z6\n\n- Led the payments team\n",
        );
        assert_eq!(r.roles.len(), 1, "{:?}", r.roles);
        assert_eq!(r.roles[0].company, "theScore");
    }

    #[test]
    fn icons_read_as_letters_before_headings_and_items() {
        let r = read(
            "R Jobs\n\nMidable s.r.l.\t2023 - 2024\nApp Developer\tPrato, IT\n\
             ó Built iOS and Android apps\nó Shipped the orders service\n\n\
             Pentaqo s.r.l.\t2022 - 2023\nSoftware Developer\tRemote\n\
             ó Developed a web app\n\n3 Skills\n\nJavaScript, C, SQL\n",
        );
        assert!(r.sections.iter().any(|s| s.kind == SectionKind::Experience));
        assert!(r.sections.iter().any(|s| s.kind == SectionKind::Skills));
        let got = with_bullets(&r);
        assert_eq!(
            got,
            vec![
                ("App Developer", "Midable s.r.l.", 2),
                ("Software Developer", "Pentaqo s.r.l.", 1)
            ]
        );
        // A calendar icon before dates opens no item.
        let r = read("EXPERIENCE\n\nGovernment Digital Service\n\n## Lead Developer\n\nÝ July 2023 – Present\n- Led the platform team\n\n## Developer\n\nÝ April 2019 – May 2021\n- Built things\n");
        assert_eq!(r.roles.len(), 2, "{:?}", r.roles);
        assert_eq!(r.roles[0].start.as_deref(), Some("2023-07"));
    }

    #[test]
    fn a_supervisor_named_in_a_field_is_no_title() {
        let r = read(
            "Experience\n\nGeneral Motors\n\nChandler, AZ\n\nSupervisor: Steven Gubka\n\n\
             Software Engineer\n\nAugust 2020 – Present\n\n- Wrote telematics software\n",
        );
        assert_eq!(r.roles.len(), 1, "{:?}", r.roles);
        assert_eq!(r.roles[0].title, "Software Engineer");
        assert_eq!(r.roles[0].company, "General Motors");
        // Writing and awards under their own heading are no roles.
        let r = read(
            "Experience\n\n## Research Associate, Lakeside State\n2016 - 2018\n- Ran surveys\n\n\
             ## Research and Extension Articles\n\n### 2020\n- Catfish ponds in winter\n",
        );
        assert_eq!(r.roles.len(), 1, "{:?}", r.roles);
    }

    #[test]
    fn a_role_and_its_items_in_one_paragraph() {
        let r = read(
            "PROFESSIONAL EXPERIENCE\n\n\
             Biomedical Technologist, Spirita Plasma, Tehran, Iran Aug 2022 – Sep 2025 • Provided \
             on-site support • Performed preventive maintenance • Installed devices\n\n\
             Technical Manager, Faradeed Adac International Co., Tehran, Iran Aug 2017 – Aug 2022 \
             • Managed service operations • Completed work orders\n",
        );
        let got = with_bullets(&r);
        assert_eq!(
            got,
            vec![
                ("Biomedical Technologist", "Spirita Plasma", 3),
                ("Technical Manager", "Faradeed Adac International Co.", 2),
            ]
        );
    }

    #[test]
    fn a_parent_named_beside_the_employer_and_items_run_together() {
        let r = read(
            "## Experience\n\n### Software Engineer\n\n\
             Kelpworks – A Northwind Company | 01/2024 – Present | 1.7 Years\n\n\
             - Wrote SQL queries for reports. - Built Power BI dashboards. - Automated loads.\n",
        );
        assert_eq!(r.roles.len(), 1);
        assert_eq!(r.roles[0].company, "Kelpworks");
        assert_eq!(r.roles[0].title, "Software Engineer");
        assert_eq!(r.roles[0].bullets.len(), 3, "{:?}", r.roles[0].bullets);
        // A name in mixed case, then the title in capitals.
        let r = read(
            "# Experience\n\nTidewater Labs, Inc. NETWORK ADMINISTRATOR (INTERN)\tNovember 2011 - March 2014\n",
        );
        assert_eq!(r.roles.len(), 1);
        assert_eq!(r.roles[0].company, "Tidewater Labs, Inc.");
        assert_eq!(r.roles[0].title, "NETWORK ADMINISTRATOR (INTERN)");
    }

    #[test]
    fn current_positions_with_labelled_lists_under_a_role() {
        let r = read(
            "## Current positions\n\n\
             ### Kelpworks Inc. - Principal Data Engineer\n\n\
             Remote. New York/Madrid\n\
             Since September 2017 as Kelpworks, previously working as Consultant in Arbor\n\n\
             Highlighted projects:\n\n\
             - Live migration from Oracle to Patroni\n\
             - Load balancing through PgBouncer\n\n\
             Techs:\n\n\
             - Terraform, Ansible, Kubernetes\n\n\
             ### Tidepool.io - Data Engineer\n\n\
             September, 2016 - Current\n\n\
             - Built the analytics stack\n\n\
             ## Education\n\n\
             BSc Computer Science, Lakeside University, 2008\n",
        );
        let got: Vec<(&str, &str, Option<&str>, usize)> = r
            .roles
            .iter()
            .map(|x| {
                (
                    x.title.as_str(),
                    x.company.as_str(),
                    x.start.as_deref(),
                    x.bullets.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Principal Data Engineer",
                    "Kelpworks Inc.",
                    Some("2017-09"),
                    3
                ),
                ("Data Engineer", "Tidepool.io", Some("2016-09"), 1),
            ]
        );
    }

    #[test]
    fn an_employer_over_departments_and_a_role_held_twice() {
        let r = read(
            "EXPERIENCE\n\n\
             Lakeside College, Hanover, NH | December 2006 – Present\n\n\
             Director of Research Computing\t\tJune 2024 – Present Research Computing, ITC\n\n\
             - Manage a team supporting researchers\n\n\
             System Administrator\t\tJuly 2008 – May 2024\n\n\
             Technical Services, ITC\n\n\
             - Ran forty servers\n\n\
             ### NORTHWIND AIRCRAFT, Everett, WA\tSep 2001 – Nov 2005, Sep – Dec 2006\n\n\
             #### Structural Design Engineer\n\n\
             - Designed structural parts\n",
        );
        let got = dated(&r);
        assert_eq!(
            got,
            vec![
                (
                    "Director of Research Computing",
                    "Lakeside College",
                    Some("2024-06"),
                    Some("present")
                ),
                (
                    "System Administrator",
                    "Lakeside College",
                    Some("2008-07"),
                    Some("2024-05")
                ),
                (
                    "Structural Design Engineer",
                    "NORTHWIND AIRCRAFT",
                    Some("2001-09"),
                    Some("2006-12")
                ),
            ]
        );
    }

    #[test]
    fn bracketed_dates_places_at_the_end_and_work_on_ones_own_account() {
        let r = read(
            "Experience\n\
             Engineer, Mapleleaf, San Mateo, CA (Nov 2019 - Present)\n\
             - Built the billing service\n\n\
             Tech Lead, tidewater.io, Remote CA, US (Oct 2016 - Oct 2019)\n\
             - Led a team of four\n\n\
             Software Engineer; freelance; Jul. 2014 - Oct. 2016\n\
             - Shipped shops for 17 clients\n\n\
             Independent Developer (Developer Tools); 2012 - 2014\n\
             - Wrote editor plugins\n\n\
             Technologies\n\
             Technology | Years of experience\n\
             React | 4\n\
             PySide/PyQt | 3\n\
             GNU/Make | 2\n",
        );
        let got = placed(&r);
        assert_eq!(
            got,
            vec![
                ("Engineer", "Mapleleaf", Some("San Mateo, CA")),
                ("Tech Lead", "tidewater.io", Some("Remote CA, US")),
                ("Software Engineer", "freelance", None),
                ("Independent Developer (Developer Tools)", "", None),
            ]
        );
        assert_eq!(r.roles[0].start.as_deref(), Some("2019-11"));
        assert_eq!(r.roles[0].end.as_deref(), Some("present"));
        // The table's column head opens no experience section, and its names are skills.
        assert_eq!(
            r.sections
                .iter()
                .filter(|s| s.kind == SectionKind::Experience)
                .count(),
            1
        );
        let names: Vec<&str> = r.skills.iter().map(|s| s.name.as_str()).collect();
        for want in ["React", "PySide", "PyQt", "GNU/Make"] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
    }

    #[test]
    fn typed_hyphens_are_bullets_and_sentences_name_no_company() {
        let r = read(
            "EXPERIENCE\nARUP, Salt Lake City, UT — Specimen Processor\nJANUARY 2021 - PRESENT\n\
             \\-Opened and prepared shipments for processing\n-Processed over 30 specimens an hour\n\
             Discover, West Valley City, UT — Debt Specialist\nNOVEMBER 2019 - APRIL 2020\n\
             Responsible for performing collection activities on receivables\n\
             Initially hired as a collector in 2019 and promoted to the position of specialist\n",
        );
        let got = with_bullets(&r);
        assert_eq!(
            got,
            vec![
                ("Specimen Processor", "ARUP", 2),
                ("Debt Specialist", "Discover", 0)
            ]
        );
    }

    #[test]
    fn a_first_item_that_is_only_a_job_is_the_title() {
        let r = read(
            "EXPERIENCE\n\nCorner Market, Andover, MN. 02/2018 – 08/2019.\n\n\
             - Shift Supervisor.\n- Handled customer complaints in a professional manner.\n",
        );
        assert_eq!(r.roles.len(), 1, "{:?}", r.roles);
        assert_eq!(r.roles[0].title, "Shift Supervisor");
        assert_eq!(r.roles[0].company, "Corner Market");
    }

    #[test]
    fn long_organisation_lines_with_a_place_flush_right_name_the_company() {
        let r = read(
            "Jo Doe\n\n## Experience\n\n\
             Undergraduate Student Researcher\tAug 2021 – Present\n\
             Dept. of Pharmacy, Birla Institute of Science and Technology, Pilani\tHyderabad, Telengana\n\
             - Analysis of local field potentials\n\
             Summer Intern\tMay 2021 – July 2021\n\
             Military College of Electronics and Mechanical Engineering\tSecunderabad, Telengana\n\
             - Worked on a health monitoring system\n",
        );
        let got = placed(&r);
        assert_eq!(
            got,
            vec![
                (
                    "Undergraduate Student Researcher",
                    "Dept. of Pharmacy, Birla Institute of Science and Technology, Pilani",
                    Some("Hyderabad, Telengana")
                ),
                (
                    "Summer Intern",
                    "Military College of Electronics and Mechanical Engineering",
                    Some("Secunderabad, Telengana")
                ),
            ]
        );
    }

    #[test]
    fn labelled_fields_tilde_separators_and_hyphenated_months() {
        let r = read(
            "EXPERIENCE\n\n**Organization :\tWipro, Noida**\n\n**Designation :\tCloud DevOps Engineer**\n\n\
             **Period :\tOct-2017 to Till Date**\n\n- Ran the Kubernetes clusters\n\n\
             [ Heron Hosting ]\nWEBSITE: https://heron.example\n\n\
             Systems Administrator II ~ Mar 2011 to Dec 2011\n\n- Kept the mail servers up\n",
        );
        let got = dated(&r);
        assert_eq!(
            got,
            vec![
                (
                    "Cloud DevOps Engineer",
                    "Wipro",
                    Some("2017-10"),
                    Some("present")
                ),
                (
                    "Systems Administrator II",
                    "Heron Hosting",
                    Some("2011-03"),
                    Some("2011-12")
                ),
            ]
        );
    }

    #[test]
    fn a_roles_own_projects_heading_does_not_end_the_experience() {
        let r = read(
            "# Jo Doe\n\n## Work Experience\n\n### Ledgerline (March 2024 to Present)\n\n\
             #### Program Coordinator\n\n* Supported open-source projects\n\n\
             #### Current Projects\n\n* Tilecut\n\n\
             ### Orsus Group (September 2015 to May 2023)\n\n#### Technology Manager\n\n\
             * Managed integration projects\n\n## Education\n\nState University, BS, 2015\n",
        );
        let got: Vec<(&str, &str)> = r
            .roles
            .iter()
            .map(|x| (x.title.as_str(), x.company.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Program Coordinator", "Ledgerline"),
                ("Technology Manager", "Orsus Group")
            ]
        );
    }

    #[test]
    fn company_headings_above_the_known_level_and_what_was_done_under_the_title() {
        let r = read(
            "# Jo Doe\n\n#### Technical Skills\n* Bash\n* Git\n\n\
             ### LoanCo - San Francisco (Remote)\nOnline mortgage lender\n\n\
             #### Fullstack Developer - _Aug 2019 - Feb 2020_\n\
             Built and maintained new customer flows for online home loans\n\n\
             * Added new features\n* Fixed bugs\n",
        );
        assert_eq!(r.roles.len(), 1, "{:?}", r.roles);
        assert_eq!(r.roles[0].title, "Fullstack Developer");
        assert_eq!(r.roles[0].company, "LoanCo");
        assert_eq!(r.roles[0].end.as_deref(), Some("2020-02"));
    }

    #[test]
    fn a_plain_text_resume_with_a_label_column_arrows_and_title_colon_prose() {
        let r = read(
            "Sam Example\n\n\
             OBJECTIVE...To build useful software.\n\n\
             EXPERIENCE..Paladin Consulting [Dallas, TX]..............June 2013 -> June 2014\n\
             Software Engineer: Develop PHP and Ruby for the review platform.\n\n\
             Wustefeld Candy Co [Green Island, NY]......................May 2007 -> Present\n\
             Technical Support & Software Engineer: Support Windows workstations and servers.\n\n\
             SKILLS......Go, Python, SQL\n",
        );
        let got: Vec<(&str, &str, Option<&str>, Option<&str>)> = r
            .roles
            .iter()
            .map(|x| {
                (
                    x.company.as_str(),
                    x.title.as_str(),
                    x.start.as_deref(),
                    x.location.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Paladin Consulting",
                    "Software Engineer",
                    Some("2013-06"),
                    Some("Dallas, TX")
                ),
                (
                    "Wustefeld Candy Co",
                    "Technical Support & Software Engineer",
                    Some("2007-05"),
                    Some("Green Island, NY")
                ),
            ]
        );
        assert_eq!(r.roles[0].end.as_deref(), Some("2014-06"));
    }

    #[test]
    fn an_employer_with_the_span_of_its_roles_heads_them() {
        let r = read(
            "# Jo Doe\n\n## Experience\n\nUpwork: Dec 2017 - Present\n\
             Program Manager, Data Analytics: Jan 2021 - Present\n- Led a team of analysts\n\
             Associate Program Manager: Jan 2020 - Dec 2020\n- Owned the metrics\n\
             Talent Innovation Specialist: Aug 2018 - Dec 2019\nOnboarding task\n\
             Mid-Market Account Executive: Dec 2017 - Aug 2018\n- Sold the platform\n\n\
             Oracle: Sales Development Rep: Jun 2015 - Apr 2016\n- Prospected accounts\n",
        );
        let got: Vec<(&str, &str)> = r
            .roles
            .iter()
            .map(|x| (x.company.as_str(), x.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                // A department written with the title stays in it.
                ("Upwork", "Program Manager, Data Analytics"),
                ("Upwork", "Associate Program Manager"),
                // A line under the title is no company.
                ("Upwork", "Talent Innovation Specialist"),
                // Nor is half of the title.
                ("Upwork", "Mid-Market Account Executive"),
                ("Oracle", "Sales Development Rep")
            ]
        );
        assert_eq!(r.roles[1].start.as_deref(), Some("2020-01"));
    }

    #[test]
    fn an_employer_block_owns_the_roles_dated_inside_it() {
        let r = read(
            "# Bo Weis\n\n## Experience\n\n\
             **HEWLETT PACKARD, Palo Alto, CA\t2008-2016**\n\n\
             HP Enterprise Services specializes in software and consulting.\n\n\
             Software Engineer, Network Management Services (2013-2016)\n\n\
             - Built the ordering application\n- Wrote its approval module\n\n\
             Software Engineering Manager, Partner Systems (2008-2013)\n\n\
             - Managed a global team\n\n\
             **SYMANTEC, Mountain View, CA\t2005-2008**\n\n\
             Known best for its antivirus software.\n\n\
             Software Engineer, e-Business Applications\n\n\
             - Built the partner portal\n",
        );
        let got: Vec<(&str, &str, Option<&str>)> = r
            .roles
            .iter()
            .map(|x| (x.company.as_str(), x.title.as_str(), x.start.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "HEWLETT PACKARD",
                    "Software Engineer, Network Management Services",
                    Some("2013")
                ),
                (
                    "HEWLETT PACKARD",
                    "Software Engineering Manager, Partner Systems",
                    Some("2008")
                ),
                (
                    "SYMANTEC",
                    "Software Engineer, e-Business Applications",
                    Some("2005")
                ),
            ]
        );
    }
}
