//! Judged queries and the two measures: recall@5 (share of queries with an answering
//! procedure among the first five results) and MRR@10 (mean of 1 / rank of the first
//! answering procedure within the first ten, 0 when none).

use std::path::Path;

#[derive(Debug, Clone)]
pub struct Judged {
    pub query: String,
    /// Any of these slugs answers the query.
    pub answers: Vec<String>,
}

/// Reads `query<TAB>slug slug…` lines; `#` starts a comment line.
pub fn load(path: &Path) -> Vec<Judged> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (q, slugs) = l.split_once('\t').expect("query<TAB>slugs");
            Judged {
                query: q.to_string(),
                answers: slugs.split_whitespace().map(str::to_string).collect(),
            }
        })
        .collect()
}

/// Rank (1-based) of the first answer among `results`, if any.
pub fn first_answer(judged: &Judged, results: &[String]) -> Option<usize> {
    results
        .iter()
        .position(|slug| judged.answers.contains(slug))
        .map(|i| i + 1)
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Quality {
    pub recall_at_5: f64,
    pub mrr_at_10: f64,
}

pub fn quality(judged: &[Judged], results: &[Vec<String>]) -> Quality {
    let n = judged.len().max(1) as f64;
    let ranks: Vec<Option<usize>> = judged
        .iter()
        .zip(results)
        .map(|(j, r)| first_answer(j, r))
        .collect();
    Quality {
        recall_at_5: ranks.iter().filter(|r| r.is_some_and(|r| r <= 5)).count() as f64 / n,
        mrr_at_10: ranks
            .iter()
            .map(|r| r.filter(|&r| r <= 10).map_or(0.0, |r| 1.0 / r as f64))
            .sum::<f64>()
            / n,
    }
}
