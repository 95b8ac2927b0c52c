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
///    is suppressed too (the first in order on ties), or, if no part is left, the total;
/// 3. audit: if the equations together still give a suppressed cell's exact value
///    ([`bounds`]), the smallest published non-zero cell of its equations is
///    suppressed too, and the whole is checked again.
///
/// Cells never published (a "not extended" count that only exists as the difference
/// of two published ones) take part like the others: if small they are suppressed,
/// which then protects them through their equation.
pub fn suppress(values: &[u64], equations: &[Equation]) -> Vec<bool> {
    let mut hidden: Vec<bool> = values.iter().map(|&v| v > 0 && v < THRESHOLD).collect();
    // Every round but the last hides one more cell, so there are at most `len + 1`;
    // the bound only matters if that ever stopped holding (it then ends, not hangs).
    for _ in 0..=values.len() {
        complement(values, equations, &mut hidden);
        // Several equations together (and knowing that a suppressed cell is not zero)
        // can still pin a cell down: two suppressed cells that must add up to 2 are
        // both 1. Each exposed cell takes one more cell of its equations with it.
        let (lo, hi) = bounds(values, equations, &hidden);
        // One at a time: the cell it hides may already protect the others.
        let Some(cell) = (0..values.len()).find(|&i| hidden[i] && lo[i] == hi[i]) else {
            break;
        };
        let containing = equations
            .iter()
            .filter(|e| e.total == cell || e.parts.contains(&cell));
        let part = containing
            .clone()
            .flat_map(|e| e.parts.iter().copied())
            .filter(|&i| !hidden[i] && values[i] > 0)
            .min_by_key(|&i| (values[i], i));
        // A total over a suppressed (so non-zero) cell is never zero itself.
        let total = containing
            .map(|e| e.total)
            .filter(|&t| !hidden[t])
            .min_by_key(|&t| (values[t], t));
        match part.or(total) {
            Some(i) => hidden[i] = true,
            None => break,
        }
    }
    hidden
}

/// Rule 2: no equation keeps exactly one unknown.
fn complement(values: &[u64], equations: &[Equation], hidden: &mut [bool]) {
    // Every pass but the last hides at least one more cell: at most `len + 1` passes.
    for _ in 0..=values.len() {
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
            // No part left means the one unknown is a part and the total equals it:
            // non-zero, and published (it is not the unknown).
            let total = Some(eq.total).filter(|&t| !hidden[t]);
            if let Some(i) = part.or(total) {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// "Unbounded" for the interval arithmetic (far above any count, far from overflow).
const UNBOUNDED: i64 = 1 << 40;
/// Rounds of tightening; each only narrows sound bounds, so stopping early is safe.
const MAX_ROUNDS: usize = 500;

/// What a reader can work out about each cell from the published ones and the
/// equations: the lowest and highest value it can have (a suppressed cell is at
/// least 1, since zeros are published). Interval propagation to a fixed point.
pub fn bounds(values: &[u64], equations: &[Equation], hidden: &[bool]) -> (Vec<i64>, Vec<i64>) {
    let mut lo: Vec<i64> = values
        .iter()
        .zip(hidden)
        .map(|(&v, &h)| if h { 1 } else { v as i64 })
        .collect();
    let mut hi: Vec<i64> = values
        .iter()
        .zip(hidden)
        .map(|(&v, &h)| if h { UNBOUNDED } else { v as i64 })
        .collect();
    // Bounds at or above this are "no bound": tightening them would only creep down.
    let unbounded = |x: i64| x >= UNBOUNDED / 2;
    for _ in 0..MAX_ROUNDS {
        let before = (lo.clone(), hi.clone());
        for eq in equations {
            let sum_lo: i64 = eq.parts.iter().map(|&p| lo[p]).sum();
            let open_parts = eq.parts.iter().filter(|&&p| unbounded(hi[p])).count();
            let sum_hi: i64 = eq
                .parts
                .iter()
                .map(|&p| hi[p])
                .filter(|&h| !unbounded(h))
                .sum();
            let t = eq.total;
            lo[t] = lo[t].max(sum_lo);
            if open_parts == 0 {
                hi[t] = hi[t].min(sum_hi);
            }
            for &p in &eq.parts {
                let p_open = unbounded(hi[p]);
                // The total minus the most all the others can be.
                if open_parts == usize::from(p_open) {
                    let others_hi = sum_hi - if p_open { 0 } else { hi[p] };
                    lo[p] = lo[p].max(lo[t] - others_hi);
                }
                // The total minus the least all the others can be.
                if !unbounded(hi[t]) {
                    hi[p] = hi[p].min(hi[t] - (sum_lo - lo[p]));
                }
            }
        }
        if (&lo, &hi) == (&before.0, &before.1) {
            break;
        }
    }
    (lo, hi)
}

#[cfg(test)]
#[path = "suppress_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "suppress_rule_tests.rs"]
mod rule_tests;
