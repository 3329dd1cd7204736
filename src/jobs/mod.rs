//! Job postings: reading them (text, markdown, HTML, a URL), their sections, and the skills
//! and keywords they ask for. Knows nothing of cards; `matching` holds postings against them.

pub mod analyse;
pub mod context;
pub mod extract;
pub mod fetch;
pub mod lexicon;
pub mod posting;
pub mod requirements;

pub use extract::{extract_keywords, Keyword, KeywordKind};
pub use lexicon::Lexicon;
pub use posting::{parse_posting, Posting, Section, SectionKind};
