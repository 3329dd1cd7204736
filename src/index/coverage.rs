//! A job's keywords held against every card through the index: two queries per keyword
//! (strong: the skill or the phrase; weak: all its stemmed words), scores added up in one
//! array per segment, and card ids read only for the cards that are listed or ranked.

use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Searcher, SegmentReader, Term};

use super::SearchIndex;
use crate::error::{Error, Result};
use crate::jobs::{Keyword, KeywordKind};

/// One keyword's covering cards.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeywordHits {
    /// Card ids, at most the number asked for.
    pub strong: Vec<String>,
    pub weak: Vec<String>,
    /// How many cards cover it in all.
    pub count: usize,
}

/// Every keyword's covering cards and the best cards for the job.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexCoverage {
    pub keywords: Vec<KeywordHits>,
    /// (card id, score, indexes of the keywords it covers), best first.
    pub ranking: Vec<(String, f32, Vec<usize>)>,
}

/// Matching docs of a query in one segment, alive only, ascending.
fn docs_of(weight: &dyn tantivy::query::Weight, reader: &SegmentReader) -> Result<Vec<DocId>> {
    let mut out = Vec::new();
    weight.for_each_no_score(reader, &mut |docs| out.extend_from_slice(docs))?;
    if let Some(alive) = reader.alive_bitset() {
        out.retain(|d| alive.is_alive(*d));
    }
    out.sort_unstable();
    Ok(out)
}

/// `docs` less those in `strong`, both ascending: one merge pass.
fn without(mut docs: Vec<DocId>, strong: &[DocId]) -> Vec<DocId> {
    let mut s = 0;
    docs.retain(|d| {
        while s < strong.len() && strong[s] < *d {
            s += 1;
        }
        !(s < strong.len() && strong[s] == *d)
    });
    docs
}

/// The card ids of `docs` in one segment (in their order), read from the dictionary in one
/// sorted pass: one block decompressed once, not once per card.
fn card_ids(reader: &SegmentReader, docs: &[DocId]) -> Result<Vec<Option<String>>> {
    let column = reader
        .fast_fields()
        .str("card_id")?
        .ok_or_else(|| Error::Index("the index has no card ids; run `cuecard reindex`".into()))?;
    let mut wanted: Vec<(u64, usize)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, &d)| column.term_ords(d).next().map(|ord| (ord, i)))
        .collect();
    wanted.sort_unstable();
    let ords: Vec<u64> = wanted.iter().map(|w| w.0).collect();
    let mut out = vec![None; docs.len()];
    let mut next = wanted.iter();
    column
        .dictionary()
        .sorted_ords_to_term_cb(&ords, |bytes| {
            if let Some(&(_, i)) = next.next() {
                out[i] = Some(String::from_utf8_lossy(bytes).into_owned());
            }
        })
        .map_err(|e| Error::Index(e.to_string()))?;
    Ok(out)
}

impl SearchIndex {
    fn in_deck(&self, q: Box<dyn Query>, deck_id: Option<&str>) -> Box<dyn Query> {
        match deck_id {
            None => q,
            Some(d) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, q),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(self.fields.deck_id, d),
                        IndexRecordOption::Basic,
                    )),
                ),
            ])),
        }
    }

    fn strong_query(&self, k: &Keyword) -> Box<dyn Query> {
        let mut parts: Vec<Box<dyn Query>> = vec![Box::new(TermQuery::new(
            Term::from_field_text(self.fields.skills, &k.id),
            IndexRecordOption::Basic,
        ))];
        if k.kind == KeywordKind::Phrase {
            parts.extend(self.text_query(&k.name, false));
        }
        for m in &k.matched {
            if m.split_whitespace().count() > 1 {
                parts.extend(self.text_query(m, false));
            }
        }
        Box::new(BooleanQuery::union(parts))
    }

    /// Holds `keywords` against the live cards (of one deck, or all). `weak_allowed` says
    /// whether a keyword may be covered by its words alone; `weak_weight` is what such a
    /// cover counts for. Lists at most `max_listed` cards per keyword and ranks at most
    /// `max_ranked`.
    pub fn coverage(
        &self,
        keywords: &[Keyword],
        deck_id: Option<&str>,
        weak_allowed: &dyn Fn(&Keyword) -> bool,
        weak_weight: f32,
        max_listed: usize,
        max_ranked: usize,
    ) -> Result<IndexCoverage> {
        let searcher: Searcher = self.reader.searcher();
        let segments = searcher.segment_readers();
        let mut scores: Vec<Vec<f32>> = segments
            .iter()
            .map(|r| vec![0.0; r.max_doc() as usize])
            .collect();
        // Per keyword, per segment: (strong docs, weak docs).
        let mut hits: Vec<Vec<(Vec<DocId>, Vec<DocId>)>> = Vec::with_capacity(keywords.len());
        let mut result = IndexCoverage::default();
        let mut to_list: Vec<[Vec<(usize, DocId)>; 2]> = Vec::with_capacity(keywords.len());
        for k in keywords {
            let strong_q = self.in_deck(self.strong_query(k), deck_id);
            let strong_w = strong_q.weight(EnableScoring::disabled_from_searcher(&searcher))?;
            let weak_w = match (weak_allowed(k), self.text_query(&k.name, true)) {
                (true, Some(q)) => Some(
                    self.in_deck(q, deck_id)
                        .weight(EnableScoring::disabled_from_searcher(&searcher))?,
                ),
                _ => None,
            };
            let mut per_segment = Vec::with_capacity(segments.len());
            let mut listed = KeywordHits::default();
            for (seg, reader) in segments.iter().enumerate() {
                let strong = docs_of(strong_w.as_ref(), reader)?;
                let weak: Vec<DocId> = match &weak_w {
                    Some(w) => without(docs_of(w.as_ref(), reader)?, &strong),
                    None => Vec::new(),
                };
                for &d in &strong {
                    scores[seg][d as usize] += k.weight;
                }
                for &d in &weak {
                    scores[seg][d as usize] += k.weight * weak_weight;
                }
                listed.count += strong.len() + weak.len();
                per_segment.push((strong, weak));
            }
            // The docs to list, named after all keywords are done (one pass per segment).
            let mut chosen: [Vec<(usize, DocId)>; 2] = [Vec::new(), Vec::new()];
            for (which, list) in chosen.iter_mut().enumerate() {
                for (seg, docs) in per_segment.iter().enumerate() {
                    let docs = if which == 0 { &docs.0 } else { &docs.1 };
                    let take = docs.len().min(max_listed - list.len());
                    list.extend(docs[..take].iter().map(|&d| (seg, d)));
                }
            }
            to_list.push(chosen);
            result.keywords.push(listed);
            hits.push(per_segment);
        }
        let mut best: Vec<(f32, usize, DocId)> = Vec::new();
        for (seg, s) in scores.iter().enumerate() {
            for (d, &score) in s.iter().enumerate() {
                if score > 0.0 {
                    best.push((score, seg, d as DocId));
                }
            }
        }
        let by_score = |a: &(f32, usize, DocId), b: &(f32, usize, DocId)| b.0.total_cmp(&a.0);
        if best.len() > max_ranked && max_ranked > 0 {
            best.select_nth_unstable_by(max_ranked - 1, by_score);
            best.truncate(max_ranked);
        }
        best.truncate(max_ranked);
        // The ids of every listed and ranked card, one sorted pass per segment.
        let mut ids_of: std::collections::HashMap<(usize, DocId), String> =
            std::collections::HashMap::new();
        for (seg, reader) in segments.iter().enumerate() {
            let mut docs: Vec<DocId> = best
                .iter()
                .filter(|b| b.1 == seg)
                .map(|b| b.2)
                .chain(
                    to_list
                        .iter()
                        .flat_map(|c| c.iter().flatten())
                        .filter(|x| x.0 == seg)
                        .map(|x| x.1),
                )
                .collect();
            docs.sort_unstable();
            docs.dedup();
            if docs.is_empty() {
                continue;
            }
            for (d, id) in docs.iter().zip(card_ids(reader, &docs)?) {
                if let Some(id) = id {
                    ids_of.insert((seg, *d), id);
                }
            }
        }
        for (listed, chosen) in result.keywords.iter_mut().zip(&to_list) {
            for (list, docs) in [
                (&mut listed.strong, &chosen[0]),
                (&mut listed.weak, &chosen[1]),
            ] {
                list.extend(docs.iter().filter_map(|k| ids_of.get(k).cloned()));
            }
        }
        let mut ranking = Vec::with_capacity(best.len());
        for (score, seg, doc) in best {
            let Some(id) = ids_of.get(&(seg, doc)).cloned() else {
                continue;
            };
            let matched = hits
                .iter()
                .enumerate()
                .filter(|(_, per)| {
                    per[seg].0.binary_search(&doc).is_ok() || per[seg].1.binary_search(&doc).is_ok()
                })
                .map(|(i, _)| i)
                .collect();
            ranking.push((id, score, matched));
        }
        ranking.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        result.ranking = ranking;
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::without;

    #[test]
    fn without_takes_out_exactly_the_strong_docs() {
        assert_eq!(
            without(vec![1, 2, 3, 5, 8, 9], &[0, 2, 5, 9, 12]),
            vec![1, 3, 8]
        );
        assert_eq!(without(vec![4, 6], &[]), vec![4, 6]);
        assert_eq!(without(vec![], &[1]), Vec::<u32>::new());
    }
}
