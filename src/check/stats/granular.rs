//! Granularity tests: whether a mean (GRIM), a mean with its SD (GRIMMER), or the mean and SD
//! of a binary variable (DEBIT) can come from whole-number data of the stated size.
//!
//! The mean of `n` integer responses to `items` items is a multiple of 1/(n·items), a
//! *granule*. A reported mean is GRIM-consistent when some granule rounds to it at its own
//! decimals ("5.20" has two; its trailing zero counts), in the rounding mode the report used
//! ([`Rounding`]). GRIMMER (Anaya's test, in Allard's analytic form as scrutiny implements it)
//! goes on to the SD: the sum of squares of integer data is an integer too, of the same parity
//! as the sum; the SD's rounding interval bounds it, and some integer in those bounds must give
//! an SD that rounds to the reported one. DEBIT (Heathers and Brown) checks that a binary
//! variable's SD is √(n/(n−1) · m(1−m)) for some mean m within the reported mean's rounding.
//!
//! Everything is exact decimal arithmetic; the square roots are rust_decimal's.

use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};

/// How a reported figure was rounded: scrutiny's modes, and Python's `decimal` ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Half up or half down: either is accepted (scrutiny's default).
    UpOrDown,
    /// Half up (toward +∞ at a tie; away from zero when `symmetric`).
    Up,
    /// Half down (toward −∞ at a tie; toward zero when `symmetric`).
    Down,
    /// Half to even.
    Even,
    CeilingOrFloor,
    Ceiling,
    Floor,
    /// Toward zero.
    Trunc,
    /// Away from zero.
    AntiTrunc,
    /// Up from a threshold digit: 4 rounds x.x4 up.
    UpFrom(u8),
    DownFrom(u8),
    UpFromOrDownFrom(u8),
    /// Python's ROUND_05UP: toward zero, unless that leaves a last digit of 0 or 5.
    ZeroFiveUp,
}

impl Rounding {
    /// The names a setting or claim file uses: scrutiny's (`up_or_down`, `up`, `down`, `even`,
    /// `ceiling_or_floor`, `ceiling`, `floor`, `trunc`, `anti_trunc`, `up_from:4`,
    /// `down_from:4`, `up_from_or_down_from:4`) and `05up`.
    pub const NAMES: &'static [&'static str] = &[
        "up_or_down",
        "up",
        "down",
        "even",
        "ceiling_or_floor",
        "ceiling",
        "floor",
        "trunc",
        "anti_trunc",
        "up_from:N",
        "down_from:N",
        "up_from_or_down_from:N",
        "05up",
    ];

    pub fn parse(s: &str) -> Option<Rounding> {
        let s = s.trim();
        let threshold = |rest: &str| -> Option<u8> {
            let t: u8 = rest.trim().parse().ok()?;
            (1..=9).contains(&t).then_some(t)
        };
        if let Some((name, t)) = s.split_once(':') {
            let t = threshold(t)?;
            return match name.trim() {
                "up_from" => Some(Rounding::UpFrom(t)),
                "down_from" => Some(Rounding::DownFrom(t)),
                "up_from_or_down_from" => Some(Rounding::UpFromOrDownFrom(t)),
                _ => None,
            };
        }
        Some(match s {
            "up_or_down" => Rounding::UpOrDown,
            "up" => Rounding::Up,
            "down" => Rounding::Down,
            "even" => Rounding::Even,
            "ceiling_or_floor" => Rounding::CeilingOrFloor,
            "ceiling" => Rounding::Ceiling,
            "floor" => Rounding::Floor,
            "trunc" => Rounding::Trunc,
            "anti_trunc" => Rounding::AntiTrunc,
            "05up" => Rounding::ZeroFiveUp,
            _ => return None,
        })
    }

    pub fn name(self) -> String {
        match self {
            Rounding::UpOrDown => "up_or_down".into(),
            Rounding::Up => "up".into(),
            Rounding::Down => "down".into(),
            Rounding::Even => "even".into(),
            Rounding::CeilingOrFloor => "ceiling_or_floor".into(),
            Rounding::Ceiling => "ceiling".into(),
            Rounding::Floor => "floor".into(),
            Rounding::Trunc => "trunc".into(),
            Rounding::AntiTrunc => "anti_trunc".into(),
            Rounding::UpFrom(t) => format!("up_from:{t}"),
            Rounding::DownFrom(t) => format!("down_from:{t}"),
            Rounding::UpFromOrDownFrom(t) => format!("up_from_or_down_from:{t}"),
            Rounding::ZeroFiveUp => "05up".into(),
        }
    }
}

/// A rounding as a report may have used it.
///
/// `symmetric` is scrutiny's: a tie of a negative number goes the way its absolute value would.
/// `exact` says how a value exactly on a boundary of a step rounding (a tie for `even`, a grid
/// point for `ceiling`, `floor`, `trunc`, `anti_trunc`) is taken. scrutiny's modes (`exact`
/// false) take it as possibly a hair either side, since the figure was likely computed in
/// floating point: a mean of exactly 0.25 may be reported as 0.24 under `floor`. Python's
/// `decimal` modes (`ROUND_FLOOR`, …: `exact` true) round it as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mode {
    pub rounding: Rounding,
    pub symmetric: bool,
    pub exact: bool,
}

impl Mode {
    pub fn new(rounding: Rounding) -> Mode {
        Mode {
            rounding,
            symmetric: false,
            exact: false,
        }
    }

    /// A mode by name: scrutiny's names (see [`Rounding::NAMES`]) or Python's `decimal` ones
    /// (`ROUND_HALF_UP`, `ROUND_HALF_DOWN`, `ROUND_HALF_EVEN`, `ROUND_UP`, `ROUND_DOWN`,
    /// `ROUND_CEILING`, `ROUND_FLOOR`, `ROUND_05UP`), which round exactly.
    pub fn parse(name: &str) -> Option<Mode> {
        let exact = |rounding, symmetric| Mode {
            rounding,
            symmetric,
            exact: true,
        };
        Some(match name.trim() {
            "ROUND_HALF_UP" => exact(Rounding::Up, true),
            "ROUND_HALF_DOWN" => exact(Rounding::Down, true),
            "ROUND_HALF_EVEN" => exact(Rounding::Even, false),
            "ROUND_UP" => exact(Rounding::AntiTrunc, false),
            "ROUND_DOWN" => exact(Rounding::Trunc, false),
            "ROUND_CEILING" => exact(Rounding::Ceiling, false),
            "ROUND_FLOOR" => exact(Rounding::Floor, false),
            "ROUND_05UP" => exact(Rounding::ZeroFiveUp, false),
            other => Mode::new(Rounding::parse(other)?),
        })
    }

    /// The name [`Mode::parse`] reads back.
    pub fn name(self) -> String {
        if self.exact {
            let n = match (self.rounding, self.symmetric) {
                (Rounding::Up, true) => "ROUND_HALF_UP",
                (Rounding::Down, true) => "ROUND_HALF_DOWN",
                (Rounding::Even, _) => "ROUND_HALF_EVEN",
                (Rounding::AntiTrunc, _) => "ROUND_UP",
                (Rounding::Trunc, _) => "ROUND_DOWN",
                (Rounding::Ceiling, _) => "ROUND_CEILING",
                (Rounding::Floor, _) => "ROUND_FLOOR",
                (Rounding::ZeroFiveUp, _) => "ROUND_05UP",
                _ => return self.rounding.name(),
            };
            return n.to_string();
        }
        self.rounding.name()
    }
}

/// Whether a step rounding jumps at the boundaries of its grid (so that a value on one may be
/// taken from either side).
fn steps(r: Rounding) -> bool {
    matches!(
        r,
        Rounding::Even
            | Rounding::Ceiling
            | Rounding::Floor
            | Rounding::Trunc
            | Rounding::AntiTrunc
            | Rounding::CeilingOrFloor
    )
}

/// The values `v` may be reported as at `dp` decimals under `mode` (two for the `_or_` modes).
pub fn round_at(v: Decimal, dp: u32, mode: Mode) -> Vec<Decimal> {
    if !mode.exact && steps(mode.rounding) {
        // A hair either side of `v`: far below the last digit that counts.
        let hair = Decimal::new(1, (dp + 12).min(28));
        let exact = Mode {
            exact: true,
            ..mode
        };
        let mut out = Vec::new();
        for w in [v.checked_sub(hair), v.checked_add(hair)]
            .into_iter()
            .flatten()
        {
            for r in round_at(w, dp, exact) {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    use Rounding::*;
    match mode.rounding {
        UpOrDown => vec![
            round_one(v, dp, Up, mode.symmetric),
            round_one(v, dp, Down, mode.symmetric),
        ],
        CeilingOrFloor => vec![
            round_one(v, dp, Ceiling, false),
            round_one(v, dp, Floor, false),
        ],
        UpFromOrDownFrom(t) => vec![
            round_one(v, dp, UpFrom(t), mode.symmetric),
            round_one(v, dp, DownFrom(t), mode.symmetric),
        ],
        r => vec![round_one(v, dp, r, mode.symmetric)],
    }
}

fn round_one(v: Decimal, dp: u32, r: Rounding, symmetric: bool) -> Decimal {
    use Rounding::*;
    let s = |st: RoundingStrategy| v.round_dp_with_strategy(dp, st);
    let sym = |up: bool| {
        // Half up or down (`up`) from the threshold 5, toward ±∞ or, when symmetric, away from
        // or toward zero.
        if symmetric || v >= Decimal::ZERO {
            if up {
                s(RoundingStrategy::MidpointAwayFromZero)
            } else {
                s(RoundingStrategy::MidpointTowardZero)
            }
        } else if up {
            s(RoundingStrategy::MidpointTowardZero)
        } else {
            s(RoundingStrategy::MidpointAwayFromZero)
        }
    };
    match r {
        Up => sym(true),
        Down => sym(false),
        Even => s(RoundingStrategy::MidpointNearestEven),
        Ceiling => s(RoundingStrategy::ToPositiveInfinity),
        Floor => s(RoundingStrategy::ToNegativeInfinity),
        Trunc => s(RoundingStrategy::ToZero),
        AntiTrunc => s(RoundingStrategy::AwayFromZero),
        UpFrom(t) | DownFrom(t) => {
            // The digit after the last kept one decides: at or above the threshold rounds up
            // (away from zero when symmetric), below it down; `down_from` mirrors the rule.
            let neg = v < Decimal::ZERO;
            let a = if symmetric { v.abs() } else { v };
            let unit = Decimal::new(1, dp);
            let floor = a.round_dp_with_strategy(dp, RoundingStrategy::ToNegativeInfinity);
            let frac = (a - floor) / unit; // in [0, 1)
            let t = Decimal::new(i64::from(t), 1);
            let up = match r {
                UpFrom(_) => frac >= t && !frac.is_zero(),
                _ => frac > Decimal::ONE - t,
            };
            let out = if up { floor + unit } else { floor };
            if symmetric && neg { -out } else { out }
        }
        ZeroFiveUp => {
            let t = s(RoundingStrategy::ToZero);
            if t == v {
                return t;
            }
            let last = (t.abs() * Decimal::from(10i64.pow(dp))).trunc() % Decimal::TEN;
            if last.is_zero() || last == Decimal::from(5) {
                s(RoundingStrategy::AwayFromZero)
            } else {
                t
            }
        }
        UpOrDown | CeilingOrFloor | UpFromOrDownFrom(_) => {
            s(RoundingStrategy::MidpointAwayFromZero)
        }
    }
}

/// Decimals a figure is written with (its scale: "5.20" has two).
pub fn places(x: Decimal) -> u32 {
    x.scale()
}

/// What GRIM found for a mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrimResult {
    pub consistent: bool,
    /// The sum the mean implies (mean × n × items).
    pub sum: Decimal,
    /// The granules next to the mean: (whole sum, mean it gives), below and above.
    pub below: (Decimal, Decimal),
    pub above: (Decimal, Decimal),
}

/// GRIM: whether `mean` (as written) can be the mean of `n` responses to `items` integer items.
/// With `percent`, the mean is a percentage of the responses (its decimals count two more).
pub fn grim(mean: Decimal, n: u64, items: u64, percent: bool, mode: Mode) -> Option<GrimResult> {
    let (x, dp) = if percent {
        (mean / Decimal::ONE_HUNDRED, places(mean) + 2)
    } else {
        (mean, places(mean))
    };
    let total = Decimal::from(n.checked_mul(items)?);
    if total.is_zero() {
        return None;
    }
    let sum = x.checked_mul(total)?;
    let lo = sum.floor();
    let mut consistent = false;
    // The granules around the mean: a rounding can move a value by less than one unit of its
    // last place, so these four include every one that could round to it.
    for k in [lo - Decimal::ONE, lo, lo + Decimal::ONE, lo + Decimal::TWO] {
        let g = k.checked_div(total)?;
        if round_at(g, dp, mode).contains(&x) {
            consistent = true;
        }
    }
    let hi = sum.ceil();
    Some(GrimResult {
        consistent,
        sum,
        below: (lo, lo / total),
        above: (hi, hi / total),
    })
}

/// Why GRIMMER found a mean and SD inconsistent, or that it passed: scrutiny's reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrimmerReason {
    Passed,
    /// The mean is GRIM-inconsistent.
    Grim,
    /// No integer sum of squares lies within the SD's bounds.
    Test1,
    /// No such integer gives an SD that rounds to the reported one.
    Test2,
    /// None of those has the parity of the sum.
    Test3,
}

impl GrimmerReason {
    /// scrutiny's `show_reason` text.
    pub fn text(self) -> &'static str {
        match self {
            GrimmerReason::Passed => "Passed all",
            GrimmerReason::Grim => "GRIM inconsistent",
            GrimmerReason::Test1 => "GRIMMER inconsistent (test 1)",
            GrimmerReason::Test2 => "GRIMMER inconsistent (test 2)",
            GrimmerReason::Test3 => "GRIMMER inconsistent (test 3)",
        }
    }
}

/// The most integer sums of squares looked at, at each end and in the middle of a wide range.
const SS_WINDOW: i64 = 2000;

/// GRIMMER: whether `mean` and `sd` (as written) can come from `n` responses to `items` integer
/// items.
pub fn grimmer(
    mean: Decimal,
    sd: Decimal,
    n: u64,
    items: u64,
    mode: Mode,
) -> Option<GrimmerReason> {
    if n < 2 {
        return None;
    }
    let g = grim(mean, n, items, false, mode)?;
    if !g.consistent {
        return Some(GrimmerReason::Grim);
    }
    let nd = Decimal::from(n);
    let it = Decimal::from(items);
    let total = nd * it;
    let sum_real = g
        .sum
        .round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
    let x_real = sum_real / total;
    let dsd = places(sd);
    let half = Decimal::new(5, dsd + 1);
    let sd_lo = if sd < half { Decimal::ZERO } else { sd - half };
    let sd_hi = sd + half;
    let n1 = nd - Decimal::ONE;
    let sq = |v: Decimal| v.checked_mul(v);
    let it2 = sq(it)?;
    let base = nd.checked_mul(sq(x_real)?)?;
    let ss_lo = n1
        .checked_mul(sq(sd_lo)?)?
        .checked_add(base)?
        .checked_mul(it2)?;
    let ss_hi = n1
        .checked_mul(sq(sd_hi)?)?
        .checked_add(base)?
        .checked_mul(it2)?;
    let (first, last) = (ss_lo.ceil(), ss_hi.floor());
    if first > last {
        return Some(GrimmerReason::Test1);
    }
    let first_i = rust_decimal::prelude::ToPrimitive::to_i64(&first)?;
    let last_i = rust_decimal::prelude::ToPrimitive::to_i64(&last)?;
    let parity = rust_decimal::prelude::ToPrimitive::to_i64(&(sum_real % Decimal::TWO))?.abs();
    let candidates: Vec<i64> = if last_i - first_i < 3 * SS_WINDOW {
        (first_i..=last_i).collect()
    } else {
        let mid = first_i + (last_i - first_i) / 2;
        (first_i..first_i + SS_WINDOW)
            .chain(mid - SS_WINDOW / 2..mid + SS_WINDOW / 2)
            .chain(last_i - SS_WINDOW + 1..=last_i)
            .collect()
    };
    let mut sd_match = false;
    let mut both = false;
    for k in candidates {
        let var = (Decimal::from(k) / it2 - base) / n1;
        if var < Decimal::ZERO {
            continue;
        }
        let Some(s) = var.sqrt() else { continue };
        if round_at(s, dsd, mode).contains(&sd) {
            sd_match = true;
            if k.rem_euclid(2) == parity {
                both = true;
                break;
            }
        }
    }
    Some(if !sd_match {
        GrimmerReason::Test2
    } else if !both {
        GrimmerReason::Test3
    } else {
        GrimmerReason::Passed
    })
}

/// What DEBIT found for a binary mean and SD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebitResult {
    pub consistent: bool,
    /// The SDs a binary variable with a mean in the mean's rounding interval has, rounded like
    /// the reported SD: lowest and highest.
    pub sd_low: Decimal,
    pub sd_high: Decimal,
}

/// The interval a figure written with `dp` decimals stands for under `mode` (closed ends;
/// scrutiny's `unround`).
pub fn unround(x: Decimal, mode: Mode) -> (Decimal, Decimal) {
    use Rounding::*;
    let dp = places(x);
    let unit = Decimal::new(1, dp);
    let half = unit / Decimal::TWO;
    match mode.rounding {
        Ceiling => (x - unit, x),
        Floor => (x, x + unit),
        Trunc if x >= Decimal::ZERO => (x, x + unit),
        Trunc => (x - unit, x),
        AntiTrunc if x >= Decimal::ZERO => (x - unit, x),
        AntiTrunc => (x, x + unit),
        UpFrom(t) | DownFrom(t) | UpFromOrDownFrom(t) => {
            let d = Decimal::new(i64::from(t), dp + 1);
            (x - d, x + d)
        }
        _ => (x - half, x + half),
    }
}

/// The SD of a binary (0/1) variable with mean `m` over `n` cases: √(n/(n−1) · m(1−m)).
pub fn binary_sd(m: Decimal, n: u64) -> Option<Decimal> {
    let nd = Decimal::from(n);
    let v = (nd / (nd - Decimal::ONE)).checked_mul(m * (Decimal::ONE - m))?;
    if v < Decimal::ZERO {
        return None;
    }
    v.sqrt()
}

/// DEBIT: whether `mean` and `sd` (both as written, between 0 and 1) fit a binary variable of
/// `n` cases.
pub fn debit(mean: Decimal, sd: Decimal, n: u64, mode: Mode) -> Option<DebitResult> {
    if n < 2 || mean < Decimal::ZERO || mean > Decimal::ONE || sd < Decimal::ZERO {
        return None;
    }
    let (lo, hi) = unround(mean, mode);
    let (lo, hi) = (lo.max(Decimal::ZERO), hi.min(Decimal::ONE));
    let half = Decimal::new(5, 1);
    // m(1−m) peaks at one half: the SD over [lo, hi] runs between the ends' SDs and, when the
    // interval holds one half, the peak.
    let mut sds = vec![binary_sd(lo, n)?, binary_sd(hi, n)?];
    if lo <= half && half <= hi {
        sds.push(binary_sd(half, n)?);
    }
    let dsd = places(sd);
    let rounded: Vec<Decimal> = sds.iter().flat_map(|s| round_at(*s, dsd, mode)).collect();
    let sd_low = rounded.iter().copied().fold(Decimal::MAX, Decimal::min);
    let sd_high = rounded.iter().copied().fold(Decimal::MIN, Decimal::max);
    // Rounding is monotone, so the rounded SDs of the whole range run from `sd_low` to
    // `sd_high`; they must meet the reported SD's interval.
    let (sd_lo, sd_hi) = unround(sd, mode);
    let consistent = sd_low <= sd_hi && sd_high >= sd_lo;
    Some(DebitResult {
        consistent,
        sd_low,
        sd_high,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn m(r: Rounding) -> Mode {
        Mode::new(r)
    }

    #[test]
    fn grim_reads_trailing_zeros() {
        // 146/28 = 5.214…, 145/28 = 5.179…: 5.19 is impossible, 5.18 is fine.
        assert!(
            !grim(d("5.19"), 28, 1, false, m(Rounding::UpOrDown))
                .unwrap()
                .consistent
        );
        assert!(
            grim(d("5.18"), 28, 1, false, m(Rounding::UpOrDown))
                .unwrap()
                .consistent
        );
        // 5.2 has one decimal: 146/28 rounds to 5.2; "5.20" claims two, and 5.20 is no granule.
        assert!(
            grim(d("5.2"), 28, 1, false, m(Rounding::UpOrDown))
                .unwrap()
                .consistent
        );
        assert!(
            !grim(d("5.20"), 28, 1, false, m(Rounding::UpOrDown))
                .unwrap()
                .consistent
        );
        // More items make the grid finer.
        assert!(
            grim(d("5.19"), 28, 3, false, m(Rounding::UpOrDown))
                .unwrap()
                .consistent
        );
    }

    #[test]
    fn rounding_modes_at_a_tie() {
        // 2.125 at two decimals.
        let v = d("2.125");
        assert_eq!(
            round_at(v, 2, m(Rounding::UpOrDown)),
            [d("2.13"), d("2.12")]
        );
        // scrutiny's even takes a tie from either side; Python's rounds it to even.
        assert_eq!(round_at(v, 2, m(Rounding::Even)), [d("2.12"), d("2.13")]);
        let py = Mode::parse("ROUND_HALF_EVEN").unwrap();
        assert_eq!(round_at(v, 2, py), [d("2.12")]);
        assert_eq!(
            round_at(d("0.25"), 2, m(Rounding::Floor)),
            [d("0.24"), d("0.25")]
        );
        assert_eq!(
            round_at(d("0.25"), 2, Mode::parse("ROUND_FLOOR").unwrap()),
            [d("0.25")]
        );
        assert_eq!(round_at(-v, 2, m(Rounding::Up)), [d("-2.12")]);
        let sym = Mode {
            rounding: Rounding::Up,
            symmetric: true,
            exact: false,
        };
        assert_eq!(round_at(-v, 2, sym), [d("-2.13")]);
        assert_eq!(round_at(d("2.124"), 2, m(Rounding::UpFrom(4))), [d("2.13")]);
        assert_eq!(round_at(d("2.123"), 2, m(Rounding::UpFrom(4))), [d("2.12")]);
        assert_eq!(
            round_at(d("2.121"), 2, m(Rounding::ZeroFiveUp)),
            [d("2.12")]
        );
        assert_eq!(
            round_at(d("2.151"), 2, m(Rounding::ZeroFiveUp)),
            [d("2.16")]
        );
        assert_eq!(
            round_at(d("2.101"), 2, m(Rounding::ZeroFiveUp)),
            [d("2.11")]
        );
    }

    #[test]
    fn grimmer_reasons() {
        let r = |x: &str, sd: &str, n| grimmer(d(x), d(sd), n, 1, m(Rounding::UpOrDown)).unwrap();
        assert_eq!(r("5.21", "1.6", 28), GrimmerReason::Passed);
        assert_eq!(r("5.19", "1.5", 28), GrimmerReason::Grim);
        // 1 1 2 3 3 4 4 4 4 5: mean 3.10, SD 1.37.
        assert_eq!(r("3.10", "1.37", 10), GrimmerReason::Passed);
        assert_ne!(r("3.10", "1.38", 10), GrimmerReason::Passed);
    }

    #[test]
    fn debit_of_a_binary_variable() {
        // A mean of 0.53 over 1683 cases has an SD of 0.499…
        let r = debit(d("0.53"), d("0.50"), 1683, m(Rounding::UpOrDown)).unwrap();
        assert!(r.consistent, "{r:?}");
        let r = debit(d("0.19"), d("0.35"), 1683, m(Rounding::UpOrDown)).unwrap();
        assert!(!r.consistent, "{r:?}");
    }
}
