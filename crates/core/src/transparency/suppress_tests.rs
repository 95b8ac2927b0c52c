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

#[test]
fn cells_that_must_all_be_one_are_not_left_alone() {
    // 1 + 1 + 5 = 7: two suppressed cells adding up to 2 are both 1 (zeros are
    // published, so a suppressed cell is at least 1). The 5 goes too.
    assert_eq!(suppressed_of(7, &[1, 1, 5]), [false, true, true, true]);
    // 1 + 2 + 5 = 8: 1 + 2 or 2 + 1, nothing more needed.
    assert_eq!(suppressed_of(8, &[1, 2, 5]), [false, true, true, false]);
}

#[test]
fn bounds_are_what_a_reader_can_work_out() {
    let (values, eqs) = one_set(7, &[1, 1, 5]);
    let (lo, hi) = bounds(&values, &eqs, &[false, true, true, false]);
    assert_eq!((lo[1], hi[1]), (1, 1));
    let (lo, hi) = bounds(&values, &eqs, &[false, true, true, true]);
    assert_eq!((lo[1], hi[1]), (1, 5));
    assert_eq!((lo[3], hi[3]), (1, 5));
    // A suppressed total with suppressed parts: no upper bound at all.
    let (lo, hi) = bounds(&values, &eqs, &[true, true, true, false]);
    assert_eq!(lo[0], 7);
    assert!(hi[0] >= UNBOUNDED / 2);
}

/// Brute force over every 2 × 2 table with cells 0..=5: whatever is suppressed, no
/// suppressed cell has only one value consistent with what is published.
#[test]
fn no_table_cell_can_be_worked_out_by_brute_force() {
    let eq = |total, parts: &[usize]| Equation {
        total,
        parts: parts.to_vec(),
    };
    // Cells 0..4 inner (a1t1, a1t2, a2t1, a2t2), 4..6 rows, 6..8 columns, 8 grand.
    let eqs = [
        eq(4, &[0, 1]),
        eq(5, &[2, 3]),
        eq(6, &[0, 2]),
        eq(7, &[1, 3]),
        eq(8, &[4, 5]),
        eq(8, &[6, 7]),
    ];
    let derive = |c: [u64; 4]| -> [u64; 9] {
        [
            c[0],
            c[1],
            c[2],
            c[3],
            c[0] + c[1],
            c[2] + c[3],
            c[0] + c[2],
            c[1] + c[3],
            c[0] + c[1] + c[2] + c[3],
        ]
    };
    for n in 0..6u64.pow(4) {
        let inner = [n % 6, n / 6 % 6, n / 36 % 6, n / 216];
        let values = derive(inner);
        let hidden = suppress(&values, &eqs);
        let mut seen: Vec<std::collections::BTreeSet<u64>> = vec![Default::default(); 4];
        for m in 0..10u64.pow(4) {
            let guess = [m % 10, m / 10 % 10, m / 100 % 10, m / 1000];
            let g = derive(guess);
            // Consistent: published cells equal, suppressed cells not zero.
            let fits = (0..9).all(|i| {
                if hidden[i] {
                    g[i] > 0
                } else {
                    g[i] == values[i]
                }
            });
            if fits {
                for (i, set) in seen.iter_mut().enumerate() {
                    set.insert(guess[i]);
                }
            }
        }
        for i in 0..4 {
            if hidden[i] {
                assert!(
                    seen[i].len() > 1,
                    "{values:?} {hidden:?}: cell {i} is {:?}",
                    seen[i]
                );
            }
        }
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
                let (lo, hi) = bounds(&values, &eqs, &hidden);
                for i in (0..values.len()).filter(|&i| hidden[i]) {
                    assert!(lo[i] < hi[i], "{values:?} → {hidden:?}: {i} is exact");
                }
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
