//! Typo tolerance: a bounded Damerau-Levenshtein distance and the cheap filters that let
//! a query word skip most of the vocabulary without computing it.

/// Longest word compared for typos; longer words (rare, usually codes) match exactly.
pub(crate) const MAX_TYPO_WORD: usize = 32;

/// Edits allowed for a query word of `chars` letters: none under 5 letters (too many
/// short words are one edit apart), 1 up to 8, 2 from 9.
pub(crate) fn max_edits(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A 32-bit set of the characters of a word: `a`–`z` have a bit each, everything else
/// shares the rest. Each edit adds or removes at most one distinct character, so two
/// words whose sets differ by more than `k` characters on either side are more than `k`
/// edits apart. Shared bits only make the filter looser, never wrong.
pub(crate) fn char_mask(chars: &[char]) -> u32 {
    chars.iter().fold(0, |mask, &c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32) % 5,
            _ => 31,
        };
        mask | (1 << bit)
    })
}

/// Whether the character sets allow the words to be within `k` edits.
pub(crate) fn masks_within(a: u32, b: u32, k: u8) -> bool {
    (a & !b).count_ones() <= u32::from(k) && (b & !a).count_ones() <= u32::from(k)
}

/// Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbouring
/// letters counts as one edit) between `a` and `b`, or `None` when it exceeds `max`.
///
/// Only the diagonal band `|i - j| <= max` of the table is computed (cells outside it
/// are over budget anyway), and it stops as soon as a whole row is over budget: that is
/// what makes scanning a vocabulary of tens of thousands of words affordable. Words
/// longer than [`MAX_TYPO_WORD`] never match.
pub(crate) fn bounded_distance(a: &[char], b: &[char], max: u8) -> Option<u8> {
    let k = usize::from(max);
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k || n > MAX_TYPO_WORD || m > MAX_TYPO_WORD {
        return None;
    }
    // Every value is capped at `far` ("over budget"), so u8 never overflows.
    let far = max.saturating_add(1);
    // Three rolling rows (the transposition looks two rows back), used round-robin.
    let mut rows = [[far; MAX_TYPO_WORD + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(m.min(k) + 1) {
        *cell = j as u8;
    }
    for i in 1..=n {
        let (cur, prev, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        // The cells just outside the band must read as over budget.
        rows[cur][lo - 1] = if lo == 1 && i <= k { i as u8 } else { far };
        if hi < m {
            rows[cur][hi + 1] = far;
        }
        let mut row_min = rows[cur][lo - 1];
        for j in lo..=hi {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before][j - 2] + 1);
            }
            let d = d.min(far);
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[n % 3][m];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: &str, b: &str, max: u8) -> Option<u8> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_distance(&a, &b, max)
    }

    #[test]
    fn counts_each_kind_of_edit_once() {
        assert_eq!(dist("pasaporte", "pasaporte", 2), Some(0));
        assert_eq!(dist("pasaprte", "pasaporte", 1), Some(1)); // deletion
        assert_eq!(dist("pasaporrte", "pasaporte", 1), Some(1)); // insertion
        assert_eq!(dist("pasaposte", "pasaporte", 1), Some(1)); // substitution
        assert_eq!(dist("pasaprtee", "pasaporte", 2), Some(2));
        assert_eq!(dist("psaaporte", "pasaporte", 1), Some(1)); // transposition
        assert_eq!(dist("certificdo", "certificado", 2), Some(1));
        assert_eq!(dist("cretificdo", "certificado", 2), Some(2));
    }

    /// Plain, unbounded optimal string alignment distance, to check the banded one.
    fn reference(a: &[char], b: &[char]) -> usize {
        let mut t = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        t[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                t[i][j] = (t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1)
                    .min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    t[i][j] = t[i][j].min(t[i - 2][j - 2] + 1);
                }
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    fn banded_distance_agrees_with_the_full_table() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "pasaporte",
            "pasaprte",
            "psaaporte",
            "pasaportes",
            "pasapotre",
            "apsaporte",
            "licencia",
            "licensia",
            "lisencias",
            "cedula",
            "cdeula",
            "certificado",
            "certificdo",
            "cretificado",
            "certifcado",
            "ca",
            "abcd",
            "badc",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let want = reference(&ca, &cb);
                for max in 0..=3u8 {
                    let expected = (want <= usize::from(max)).then_some(want as u8);
                    assert_eq!(
                        bounded_distance(&ca, &cb, max),
                        expected,
                        "{a:?} {b:?} max {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn gives_up_beyond_the_bound() {
        assert_eq!(dist("licencia", "pasaporte", 2), None);
        assert_eq!(dist("abc", "abcdef", 2), None);
        assert_eq!(dist("", "ab", 2), Some(2));
    }

    #[test]
    fn allowed_edits_grow_with_length() {
        assert_eq!(max_edits(4), 0);
        assert_eq!(max_edits(5), 1);
        assert_eq!(max_edits(8), 1);
        assert_eq!(max_edits(9), 2);
    }

    #[test]
    fn masks_reject_distant_words_only() {
        let m = |s: &str| char_mask(&s.chars().collect::<Vec<_>>());
        assert!(masks_within(m("pasaprte"), m("pasaporte"), 1));
        assert!(masks_within(m("psaaporte"), m("pasaporte"), 0));
        assert!(!masks_within(m("licencia"), m("pasaporte"), 2));
    }
}
