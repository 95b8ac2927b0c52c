//! When a character counter speaks. The visible count changes with every key; a
//! screen reader hearing "3 412 characters remaining" after each letter cannot
//! follow what it is typing. So the spoken count changes only when the text crosses a
//! threshold: a quarter left, a tenth left, the limit reached, the limit passed.

/// How close a text is to its limit, in steps worth announcing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CountBand {
    /// More than a quarter of the limit left: nothing to say.
    Plenty,
    /// A quarter of the limit or less left.
    Quarter,
    /// A tenth of the limit or less left.
    Tenth,
    /// Exactly at the limit.
    Full,
    /// Over the limit.
    Over,
}

/// The band of a text of `used` characters against `max`.
pub fn band(used: usize, max: usize) -> CountBand {
    if used > max {
        return CountBand::Over;
    }
    let left = max - used;
    if left == 0 {
        CountBand::Full
    } else if left * 10 <= max {
        CountBand::Tenth
    } else if left * 4 <= max {
        CountBand::Quarter
    } else {
        CountBand::Plenty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_at_their_exact_edges() {
        let max = 4000;
        assert_eq!(band(0, max), CountBand::Plenty);
        assert_eq!(band(2999, max), CountBand::Plenty); // 1 001 left
        assert_eq!(band(3000, max), CountBand::Quarter); // 1 000 left = a quarter
        assert_eq!(band(3599, max), CountBand::Quarter); // 401 left
        assert_eq!(band(3600, max), CountBand::Tenth); // 400 left = a tenth
        assert_eq!(band(3999, max), CountBand::Tenth);
        assert_eq!(band(4000, max), CountBand::Full);
        assert_eq!(band(4001, max), CountBand::Over);
    }

    #[test]
    fn small_limits_still_step_through_every_band_in_order() {
        let bands: Vec<CountBand> = (0..=11).map(|u| band(u, 10)).collect();
        assert_eq!(bands[0], CountBand::Plenty);
        assert_eq!(bands[7], CountBand::Plenty); // 3 left of 10: more than a quarter
        assert_eq!(bands[8], CountBand::Quarter); // 2 left
        assert_eq!(bands[9], CountBand::Tenth); // 1 left
        assert_eq!(bands[10], CountBand::Full);
        assert_eq!(bands[11], CountBand::Over);
        assert!(bands.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_zero_limit_is_full_when_empty() {
        assert_eq!(band(0, 0), CountBand::Full);
        assert_eq!(band(1, 0), CountBand::Over);
    }
}
