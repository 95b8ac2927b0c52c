//! Statistical disclosure control of published counts: primary suppression of small
//! groups and complementary suppression, so that no small group can be worked out by
//! subtracting published numbers from a published total.

/// Groups of 1 to `THRESHOLD - 1` cases are suppressed ("menos de 5").
pub const THRESHOLD: u64 = 5;

/// A published relation between cells: `total` is the sum of `parts`. Knowing all but
/// one of them gives the last one, so no equation may have exactly one unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Which of `values` to suppress, given the equations that tie them:
///
/// 1. primary: every value from 1 to [`THRESHOLD`]` - 1` (zero is published: it
///    singles nobody out);
/// 2. complementary, repeated until nothing changes: in any equation where exactly
///    one cell (a part or the total) is suppressed, the smallest other non-zero part
///    is suppressed too (the first in order on ties), or, if no part is left, the total.
///
/// Cells never published (a "not extended" count that only exists as the difference
/// of two published ones) take part like the others: if small they are suppressed,
/// which then protects them through their equation.
pub fn suppress(values: &[u64], equations: &[Equation]) -> Vec<bool> {
    let mut hidden: Vec<bool> = values.iter().map(|&v| v > 0 && v < THRESHOLD).collect();
    loop {
        let mut changed = false;
        for eq in equations {
            let unknown = eq
                .parts
                .iter()
                .chain(std::iter::once(&eq.total))
                .filter(|&&i| hidden[i])
                .count();
            if unknown != 1 {
                continue;
            }
            let part = eq
                .parts
                .iter()
                .copied()
                .filter(|&i| !hidden[i] && values[i] > 0)
                .min_by_key(|&i| (values[i], i));
            let total = Some(eq.total).filter(|&t| !hidden[t] && values[t] > 0);
            if let Some(i) = part.or(total) {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One total (index 0) and its parts (1..).
    fn one_set(total: u64, parts: &[u64]) -> (Vec<u64>, Vec<Equation>) {
        let mut values = vec![total];
        values.extend_from_slice(parts);
        let eq = Equation {
            total: 0,
            parts: (1..values.len()).collect(),
        };
        (values, vec![eq])
    }

    fn suppressed_of(total: u64, parts: &[u64]) -> Vec<bool> {
        let (values, eqs) = one_set(total, parts);
        suppress(&values, &eqs)
    }

    #[test]
    fn four_is_suppressed_five_is_not_zero_is_not() {
        let values = [0, 1, 2, 3, 4, 5, 6, 100];
        let hidden = suppress(&values, &[]);
        assert_eq!(hidden, [false, true, true, true, true, false, false, false]);
        assert_eq!(THRESHOLD, 5);
    }

    #[test]
    fn one_small_cell_takes_the_smallest_other_non_zero_cell_with_it() {
        // 4 + 0 + 9 + 7 = 20: the 4 alone could be worked out as 20 - 9 - 7.
        assert_eq!(
            suppressed_of(20, &[4, 0, 9, 7]),
            [false, true, false, false, true]
        );
    }

    #[test]
    fn two_small_cells_need_nothing_more() {
        assert_eq!(suppressed_of(20, &[4, 3, 13]), [false, true, true, false]);
    }

    #[test]
    fn no_small_cell_suppresses_nothing() {
        assert_eq!(suppressed_of(20, &[5, 15, 0]), [false; 4]);
    }

    #[test]
    fn zeros_are_never_chosen_as_complements() {
        // 1 + 0 + 0 + 5 = 6: the zeros would not hide anything.
        assert_eq!(
            suppressed_of(6, &[1, 0, 0, 5]),
            [false, true, false, false, true]
        );
    }

    #[test]
    fn ties_take_the_first_cell() {
        assert_eq!(suppressed_of(24, &[2, 11, 11]), [false, true, true, false]);
    }

    #[test]
    fn a_small_total_hides_its_only_part() {
        assert_eq!(suppressed_of(3, &[3, 0]), [true, true, false]);
        assert_eq!(suppressed_of(0, &[0, 0]), [false; 3]);
    }

    #[test]
    fn a_single_part_equal_to_a_hidden_total_is_hidden() {
        // 9 = 9 (one channel), with the total hidden by another equation: 9 + 2 = 11
        // ties the total to a small cell.
        let values = [9, 9, 11, 2];
        let eqs = [
            Equation {
                total: 0,
                parts: vec![1],
            },
            Equation {
                total: 2,
                parts: vec![0, 3],
            },
        ];
        assert_eq!(suppress(&values, &eqs), [true, true, false, true]);
    }

    #[test]
    fn when_only_the_total_is_left_the_total_is_hidden() {
        // A part hidden by another equation (value 8) and nothing else non-zero here:
        // 8 = total, so the total must go.
        let values = [8, 8, 0, 12, 4];
        let eqs = [
            Equation {
                total: 0,
                parts: vec![1, 2],
            },
            Equation {
                total: 3,
                parts: vec![1, 4],
            },
        ];
        assert_eq!(suppress(&values, &eqs), [true, true, false, false, true]);
    }

    #[test]
    fn a_table_is_protected_in_rows_and_columns() {
        // Two agencies × two types, with row, column and grand totals:
        //        t1  t2 | row
        //   a1    3   7 | 10
        //   a2    6   9 | 15
        //   col   9  16 | 25
        // The 3 hides the 7 (row a1) and the 6 (column t1); then the 9 (row a2)
        // completes the rectangle so no row or column has a single unknown.
        let values = [3, 7, 6, 9, 10, 15, 9, 16, 25];
        let (a1t1, a1t2, a2t1, a2t2, r1, r2, c1, c2, g) = (0, 1, 2, 3, 4, 5, 6, 7, 8);
        let eq = |total, parts: &[usize]| Equation {
            total,
            parts: parts.to_vec(),
        };
        let eqs = [
            eq(r1, &[a1t1, a1t2]),
            eq(r2, &[a2t1, a2t2]),
            eq(c1, &[a1t1, a2t1]),
            eq(c2, &[a1t2, a2t2]),
            eq(g, &[r1, r2]),
            eq(g, &[c1, c2]),
        ];
        let hidden = suppress(&values, &eqs);
        assert_eq!(
            hidden,
            [true, true, true, true, false, false, false, false, false]
        );
        for e in &eqs {
            let unknown = e
                .parts
                .iter()
                .chain([&e.total])
                .filter(|&&i| hidden[i])
                .count();
            assert_ne!(unknown, 1, "{e:?}");
        }
    }

    /// Every equation of every small table ends with zero or at least two unknowns,
    /// and every small non-zero cell is hidden.
    #[test]
    fn exhaustively_no_equation_is_left_with_one_unknown() {
        for a in 0..7u64 {
            for b in 0..7u64 {
                for c in 0..7u64 {
                    let (values, eqs) = one_set(a + b + c, &[a, b, c]);
                    let hidden = suppress(&values, &eqs);
                    let unknown = hidden.iter().filter(|&&h| h).count();
                    assert_ne!(unknown, 1, "{values:?} → {hidden:?}");
                    for (i, &v) in values.iter().enumerate() {
                        if v > 0 && v < THRESHOLD {
                            assert!(hidden[i], "{values:?}: {i}");
                        }
                        if v == 0 {
                            assert!(!hidden[i], "zero hidden in {values:?}");
                        }
                    }
                    // Nothing is hidden without need: no small cell, nothing hidden.
                    if values.iter().all(|&v| v == 0 || v >= THRESHOLD) {
                        assert!(hidden.iter().all(|&h| !h), "{values:?}");
                    }
                    // A complement is at most one extra cell per set here.
                    let small = values[1..]
                        .iter()
                        .filter(|&&v| v > 0 && v < THRESHOLD)
                        .count();
                    let hidden_parts = hidden[1..].iter().filter(|&&h| h).count();
                    assert!(hidden_parts <= small.max(1) + 1, "{values:?} → {hidden:?}");
                }
            }
        }
    }
}
