//! Each rule of [`suppress`] pinned by a table whose hidden cells are named, and
//! [`bounds`] by what a reader can work out, cell by cell.

use super::*;

fn eq(total: usize, parts: &[usize]) -> Equation {
    Equation {
        total,
        parts: parts.to_vec(),
    }
}

#[test]
fn five_ones_take_their_total_with_them() {
    // 5 = 1 + 1 + 1 + 1 + 1: five suppressed cells, all at least 1, that add up to
    // 5 are all 1. No published part is left, so the total goes.
    let values = [5, 1, 1, 1, 1, 1];
    let hidden = suppress(&values, &[eq(0, &[1, 2, 3, 4, 5])]);
    assert_eq!(hidden, [true; 6]);
}

#[test]
fn the_audit_takes_a_cell_of_the_exposed_cells_own_equations() {
    // Two unrelated sets: 30 = 5 + 25 (nothing small) and 8 = 1 + 1 + 6. In the
    // second, 1 + 1 = 2 pins both ones, so the 6 goes, not the smaller 5 of the first.
    let values = [30, 5, 25, 8, 1, 1, 6];
    let eqs = [eq(0, &[1, 2]), eq(3, &[4, 5, 6])];
    assert_eq!(
        suppress(&values, &eqs),
        [false, false, false, false, true, true, true]
    );
}

#[test]
fn a_complement_that_leaves_an_earlier_equation_with_one_unknown_is_followed() {
    //   A: 22 = a + b           (a = 10, b = 12)
    //   B: 25 = c + a + d       (c = 4, d = 11)
    // The 4 makes B hide its smallest other part, a; that leaves A, already passed,
    // with one unknown, so A hides b. Not d, though it is smaller: d is in B, which
    // has two unknowns already.
    let values = [22, 10, 12, 25, 4, 11];
    let (a_total, a, b, b_total, c, d) = (0, 1, 2, 3, 4, 5);
    let eqs = [eq(a_total, &[a, b]), eq(b_total, &[c, a, d])];
    let hidden = suppress(&values, &eqs);
    let named: Vec<usize> = (0..values.len()).filter(|&i| hidden[i]).collect();
    assert_eq!(named, [a, b, c]);
}

#[test]
fn a_part_with_only_zeros_beside_it_hides_the_total() {
    //   A: 8 = x + 0            (x = 8)
    //   B: 32 = x + 4 + 20
    // The 4 makes B hide x (8 < 20); A then has x alone against its total and no
    // non-zero part to hide, so its total goes. The 20 stays published.
    let values = [8, 8, 0, 32, 4, 20];
    let eqs = [eq(0, &[1, 2]), eq(3, &[1, 4, 5])];
    assert_eq!(
        suppress(&values, &eqs),
        [true, true, false, false, true, false]
    );
}

#[test]
fn one_hidden_cell_in_an_equation_is_worked_out_exactly() {
    // 10 = 3 + 2 + 5 with only the 3 hidden: 10 - 2 - 5.
    let values = [10, 3, 2, 5];
    let eqs = [eq(0, &[1, 2, 3])];
    let (lo, hi) = bounds(&values, &eqs, &[false, true, false, false]);
    assert_eq!((lo[1], hi[1]), (3, 3));
    // Only the total hidden: the sum of its parts.
    let (lo, hi) = bounds(&values, &eqs, &[true, false, false, false]);
    assert_eq!((lo[0], hi[0]), (10, 10));
    // Two hidden parts: each is 1 to 4 (5 minus the other's least, 1).
    let (lo, hi) = bounds(&values, &eqs, &[false, true, true, false]);
    assert_eq!((lo[1], hi[1]), (1, 4));
    assert_eq!((lo[2], hi[2]), (1, 4));
}

#[test]
fn bounds_narrow_along_a_chain_of_equations() {
    //   10 = x + y   (x = 8, y = 2; both hidden)
    //    3 = y + w   (w = 1; both hidden)
    // The second gives y ≤ 2, and only then the first gives x ≥ 8: two rounds.
    let values = [10, 8, 2, 3, 1];
    let (x, y, w) = (1, 2, 4);
    let eqs = [eq(0, &[x, y]), eq(3, &[y, w])];
    let (lo, hi) = bounds(&values, &eqs, &[false, true, true, false, true]);
    assert_eq!((lo[x], hi[x]), (8, 9));
    assert_eq!((lo[y], hi[y]), (1, 2));
    assert_eq!((lo[w], hi[w]), (1, 2));
}

#[test]
fn no_upper_bound_stays_exactly_unbounded() {
    // A hidden total over hidden parts: neither the total nor those parts have any
    // upper bound, and it does not creep down from UNBOUNDED round after round.
    let values = [7, 1, 1, 5];
    let eqs = [eq(0, &[1, 2, 3])];
    let (lo, hi) = bounds(&values, &eqs, &[true, true, true, false]);
    assert_eq!(lo, [7, 1, 1, 5]);
    assert_eq!(hi, [UNBOUNDED, UNBOUNDED, UNBOUNDED, 5]);
}
