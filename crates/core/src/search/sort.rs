//! One sort for the whole search engine.
//!
//! Every sort in the engine compares by a total order (ties are broken down to the
//! document id), so any correct sort gives the same result. Natively this is std's
//! `sort_by`. In the browser std's sorts are compiled once per element type and
//! comparator (~3 KB of wasm each, seven of them); there a permutation is sorted by a
//! single shared merge sort and then applied.

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
    #[cfg(target_arch = "wasm32")]
    sort_by_permutation(v, cmp);
}

#[cfg(any(target_arch = "wasm32", test))]
fn sort_by_permutation<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut perm: Vec<u32> = (0..v.len() as u32).collect();
    merge_sort(&mut perm, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    apply(v, &mut perm);
}

/// Bottom-up stable merge sort of indices.
#[cfg(any(target_arch = "wasm32", test))]
fn merge_sort(v: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    let n = v.len();
    let mut buf = v.to_vec();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut buf[start..end] {
                // Take from the left run on ties: stable.
                if j >= end || (i < mid && cmp(v[i], v[j]) != Ordering::Greater) {
                    *slot = v[i];
                    i += 1;
                } else {
                    *slot = v[j];
                    j += 1;
                }
            }
            start = end;
        }
        v.copy_from_slice(&buf);
        width *= 2;
    }
}

/// Reorders `v` so that `v[i]` becomes the old `v[perm[i]]`.
#[cfg(any(target_arch = "wasm32", test))]
fn apply<T>(v: &mut [T], perm: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for i in 0..v.len() {
        let mut j = i;
        while perm[j] != DONE {
            let k = perm[j] as usize;
            perm[j] = DONE;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    /// The browser's sort gives exactly std's stable `sort_by` result.
    #[test]
    fn permutation_sort_matches_std() {
        let mut seed = 0x2545_f491_u32;
        for len in (0..70).chain([127, 128, 129, 1000]) {
            for modulo in [1, 3, 50, 1_000_000] {
                let v: Vec<(u32, usize)> = (0..len)
                    .map(|i| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        (seed % modulo, i)
                    })
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|a| a.0);
                let mut got = v.clone();
                super::sort_by_permutation(&mut got, |a, b| a.0.cmp(&b.0));
                assert_eq!(got, expected, "len {len} modulo {modulo}");
            }
        }
    }
}
