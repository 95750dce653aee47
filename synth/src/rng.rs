//! A small deterministic random number generator (SplitMix64): the same seed gives the same
//! document on every platform and every Rust version, which no external crate promises.

/// `SplitMix64` (Steele, Lea and Flood 2014): 64-bit state, full period, good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator seeded with `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Rng {
        Rng {
            state: seed ^ 0x5EED_0FB0_D6E7,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Lemire's multiply-shift; the tiny bias does not matter for test data.
        let wide = u128::from(self.next_u64()) * u128::from(n);
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = u64::try_from(i128::from(hi) - i128::from(lo) + 1).unwrap_or(u64::MAX);
        let off = i64::try_from(self.below(span)).unwrap_or(0);
        lo.saturating_add(off)
    }

    /// An index into a collection of `len` elements.
    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A random element (`None` for an empty slice).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.index(items.len());
        items.get(i)
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }

    /// Splits `total` into `parts` non-negative integers that add up to it exactly (each at least
    /// `min` when `total` allows).
    pub fn split(&mut self, total: i64, parts: usize, min: i64) -> Vec<i64> {
        if parts == 0 {
            return Vec::new();
        }
        let n = i64::try_from(parts).unwrap_or(i64::MAX);
        let floor = if total >= min.saturating_mul(n) {
            min
        } else {
            0
        };
        let free = total - floor * n;
        let mut cuts: Vec<i64> = (1..parts).map(|_| self.range(0, free)).collect();
        cuts.sort_unstable();
        let mut out = Vec::with_capacity(parts);
        let mut prev = 0;
        for c in cuts {
            out.push(floor + c - prev);
            prev = c;
        }
        out.push(floor + free - prev);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_exact_splits() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        for total in [0, 1, 99, 123_456] {
            let parts = a.split(total, 5, 10);
            assert_eq!(parts.iter().sum::<i64>(), total);
            assert!(parts.iter().all(|p| *p >= 0));
        }
        for _ in 0..1000 {
            let x = a.range(-3, 3);
            assert!((-3..=3).contains(&x));
        }
    }
}
