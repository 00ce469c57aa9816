//! p-values recomputed from a reported test statistic, with statcheck's semantics.
//!
//! A result `t(28) = 2.20, p = .036` is a [`PTest`]: the test, its degrees of freedom, how the
//! statistic and the p-value are compared (`=`, `<`, `>`, or `ns`), and the values as written.
//! The statistic stands for its rounding interval (2.20 is [2.195, 2.205]); since p falls as
//! |statistic| grows, that interval gives the p interval `[p_low, p_high]`. The reported p is
//! then judged by statcheck's table (its `error_test`, for every pair of comparisons):
//!
//! | statistic | p `=` | p `<` | p `>` |
//! | --- | --- | --- | --- |
//! | `=` | reported outside [round(p_low), round(p_high)] | reported < p_low | reported > p_high |
//! | `<` | reported < round(p_high) | reported < p_high | never |
//! | `>` | reported > round(p_low) | never | reported > p_low |
//!
//! where round() rounds to the reported p's own decimals, `ns` reads as `p > alpha`, and a
//! reported p of zero (`p = .000`) is an error unless [`PRules::p_zero_error`] is off. A
//! decision error is an error whose significance at `alpha` differs from the computed p's
//! (statcheck's `decision_error_test`, with `p = alpha` counted as significant unless
//! [`PRules::p_equal_alpha_sig`] is off).
//!
//! The same table with the interval shrunk to the exact p of the statistic as written tells
//! `ok` from `imprecise`: a result consistent only thanks to the statistic's rounding is
//! `imprecise`, and the finding gives the p interval.
//!
//! Values are decimals throughout. The one place with floats is [`p_of`], which hands the
//! statistic and the degrees of freedom to statrs's survival functions (never 1 − cdf) and
//! turns the p it returns back into a decimal. p-values below what a decimal holds (p = 5.81 ×
//! 10⁻⁴⁸) are kept in units of a power of ten, [`PTest::p_exp`].

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use statrs::distribution::{ChiSquared, ContinuousCDF, Normal, StudentsT};

/// The kind of test a statistic belongs to, with statcheck's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TestType {
    T,
    F,
    R,
    Z,
    Chi2,
    /// Cochran's Q (meta-analysis heterogeneity), and its within- and between-groups parts.
    Q,
    Qw,
    Qb,
}

impl TestType {
    /// statcheck's label: `t`, `F`, `r`, `Z`, `Chi2`, `Q`, `Qw`, `Qb`.
    pub fn label(self) -> &'static str {
        match self {
            TestType::T => "t",
            TestType::F => "F",
            TestType::R => "r",
            TestType::Z => "Z",
            TestType::Chi2 => "Chi2",
            TestType::Q => "Q",
            TestType::Qw => "Qw",
            TestType::Qb => "Qb",
        }
    }

    /// Whether the test is two-tailed by default (t, r and z; F and χ² are one-tailed).
    pub fn has_tails(self) -> bool {
        matches!(self, TestType::T | TestType::R | TestType::Z)
    }
}

/// A comparison as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comp {
    Eq,
    Lt,
    Gt,
    /// `≤`: judged like `<`, which statcheck already takes as a closed bound.
    Le,
    /// `≥`: judged like `>`.
    Ge,
    /// "ns": not significant, read as `p > alpha`.
    Ns,
}

impl Comp {
    pub fn symbol(self) -> &'static str {
        match self {
            Comp::Eq => "=",
            Comp::Lt => "<",
            Comp::Gt => ">",
            Comp::Le => "<=",
            Comp::Ge => ">=",
            Comp::Ns => "ns",
        }
    }

    /// The comparison statcheck's table is read with.
    fn basic(self) -> Comp {
        match self {
            Comp::Le => Comp::Lt,
            Comp::Ge | Comp::Ns => Comp::Gt,
            c => c,
        }
    }
}

/// The rules a result is judged by: statcheck's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PRules {
    pub alpha: Decimal,
    /// `p = alpha` counts as significant (statcheck's `pEqualAlphaSig`).
    pub p_equal_alpha_sig: bool,
    /// A reported p of zero is an error (statcheck's `pZeroError`).
    pub p_zero_error: bool,
}

impl Default for PRules {
    fn default() -> Self {
        PRules {
            alpha: Decimal::new(5, 2),
            p_equal_alpha_sig: true,
            p_zero_error: true,
        }
    }
}

/// A reported result: a test statistic and its p-value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PTest {
    pub test: TestType,
    pub df1: Option<Decimal>,
    pub df2: Option<Decimal>,
    pub test_comp: Comp,
    /// The statistic as written, its decimals kept ("2.20").
    pub test_value: Decimal,
    pub p_comp: Comp,
    /// The reported p in units of 10^`p_exp` (`None` for "ns").
    pub reported_p: Option<Decimal>,
    /// The power of ten the p-values are written in: 0 for "p = .036", -48 for "5.81 × 10⁻⁴⁸".
    pub p_exp: i32,
    /// Whether p is computed one-tailed (for t, r and z).
    pub one_tailed: bool,
    pub rules: PRules,
}

/// What a result gives when recomputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PResult {
    /// The p of the statistic as written, in units of 10^`p_exp`.
    pub computed: Decimal,
    /// The p interval from the statistic's rounding.
    pub low: Decimal,
    pub high: Decimal,
    /// Inconsistent even within the rounding (statcheck's `error`).
    pub error: bool,
    pub decision_error: bool,
    /// Consistent with the exact p of the statistic as written (not only thanks to rounding).
    pub exact: bool,
}

/// The p of statistic `stat` under `test` with the given degrees of freedom: the upper tail
/// (doubled for a two-tailed t, r or z). `None` when the degrees of freedom are missing or
/// invalid. The only place where floats are used.
pub fn p_of(
    test: TestType,
    df1: Option<Decimal>,
    df2: Option<Decimal>,
    stat: Decimal,
    two_tailed: bool,
) -> Option<f64> {
    let f = |d: Option<Decimal>| d.and_then(|d| d.to_f64()).filter(|v| *v > 0.0);
    let x = stat.to_f64()?;
    let tail = match test {
        TestType::T => StudentsT::new(0.0, 1.0, f(df2)?).ok()?.sf(x.abs()),
        TestType::Z => Normal::standard().sf(x.abs()),
        TestType::R => {
            let df = f(df2)?;
            let r = x.abs();
            if r >= 1.0 {
                0.0
            } else {
                let t = r / ((1.0 - r * r) / df).sqrt();
                StudentsT::new(0.0, 1.0, df).ok()?.sf(t)
            }
        }
        TestType::F => {
            let (d1, d2) = (f(df1)?, f(df2)?);
            if x <= 0.0 {
                1.0
            } else {
                // The upper tail as I_{d2/(d2 + d1 x)}(d2/2, d1/2), computed directly so that
                // a large F keeps its tiny p.
                statrs::function::beta::checked_beta_reg(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * x))
                    .ok()?
            }
        }
        TestType::Chi2 | TestType::Q | TestType::Qw | TestType::Qb => {
            ChiSquared::new(f(df1)?).ok()?.sf(x.max(0.0))
        }
    };
    let p = if two_tailed && test.has_tails() {
        (2.0 * tail).min(1.0)
    } else {
        tail
    };
    p.is_finite().then_some(p)
}

/// A p from a float, in units of 10^`exp`, as a decimal (28 places at most).
fn to_units(p: f64, exp: i32) -> Option<Decimal> {
    let v = p * 10f64.powi(-exp);
    if !v.is_finite() {
        return None;
    }
    Decimal::from_f64(v).map(|d| d.round_dp(28))
}

/// `v` rounded to `dp` decimal places, half away from zero.
fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

impl PTest {
    /// The decimals the reported p is written with (in its units).
    pub fn p_dec(&self) -> u32 {
        self.reported_p.map_or(0, |p| p.scale())
    }

    /// Half the place value of the statistic's last written digit.
    fn half_step(&self) -> Decimal {
        Decimal::new(5, self.test_value.scale() + 1)
    }

    fn p_at(&self, stat: Decimal) -> Option<Decimal> {
        let p = p_of(self.test, self.df1, self.df2, stat, !self.one_tailed)?;
        to_units(p, self.p_exp)
    }

    /// alpha in the units of the p-values (the largest decimal when that overflows: alpha is
    /// then far above any p written in those units).
    pub(crate) fn alpha_units(&self) -> Decimal {
        let mut a = self.rules.alpha;
        for _ in 0..self.p_exp.unsigned_abs() {
            a = if self.p_exp < 0 {
                a.checked_mul(Decimal::TEN).unwrap_or(Decimal::MAX)
            } else {
                a / Decimal::TEN
            };
        }
        a
    }

    /// Recomputes the p and judges the reported one; `None` when no p can be computed.
    pub fn evaluate(&self) -> Option<PResult> {
        let s = self.test_value.abs();
        let h = self.half_step();
        let computed = self.p_at(s)?;
        let low = self.p_at(s + h)?;
        let high = self.p_at((s - h).max(Decimal::ZERO))?;
        let error = self.is_error(low, high);
        let exact = !self.is_error(computed, computed);
        let decision_error = error && self.is_decision_error(computed);
        Some(PResult {
            computed,
            low,
            high,
            error,
            decision_error,
            exact,
        })
    }

    /// statcheck's error table, for the p interval `[low, up]`.
    fn is_error(&self, low: Decimal, up: Decimal) -> bool {
        let alpha = self.alpha_units();
        let (r, pc) = match self.p_comp {
            Comp::Ns => (alpha, Comp::Gt),
            c => (self.reported_p.unwrap_or(alpha), c.basic()),
        };
        if self.rules.p_zero_error && r <= Decimal::ZERO {
            return true;
        }
        let d = self.p_dec();
        match (self.test_comp.basic(), pc) {
            (Comp::Eq, Comp::Eq) => r > round(up, d) || r < round(low, d),
            (Comp::Eq, Comp::Lt) => r < low,
            (Comp::Eq, _) => r > up,
            (Comp::Lt, Comp::Eq) => r < round(up, d),
            (Comp::Lt, Comp::Lt) => r < up,
            (Comp::Lt, _) => false,
            (_, Comp::Eq) => r > round(low, d),
            (_, Comp::Lt) => false,
            (_, _) => r > low,
        }
    }

    /// statcheck's decision-error table, for the computed p.
    fn is_decision_error(&self, c: Decimal) -> bool {
        let a = self.alpha_units();
        let (r, pc) = match self.p_comp {
            Comp::Ns => (a, Comp::Gt),
            c => (self.reported_p.unwrap_or(a), c.basic()),
        };
        let tc = self.test_comp.basic();
        if self.rules.p_equal_alpha_sig {
            match (tc, pc) {
                (Comp::Eq, Comp::Eq) => (r <= a && c > a) || (r > a && c <= a),
                (Comp::Eq, Comp::Lt) => r <= a && c > a,
                (Comp::Eq, _) => r >= a && c <= a,
                (Comp::Lt, Comp::Eq) | (Comp::Lt, Comp::Lt) => r <= a && c >= a,
                (Comp::Lt, _) => false,
                (_, Comp::Eq) => r > a && c <= a,
                (_, Comp::Lt) => false,
                (_, _) => r >= a && c <= a,
            }
        } else {
            match (tc, pc) {
                (Comp::Eq, Comp::Eq) => (r < a && c >= a) || (r >= a && c < a),
                (Comp::Eq, Comp::Lt) => r <= a && c >= a,
                (Comp::Eq, _) => r >= a && c < a,
                (Comp::Lt, Comp::Eq) => r < a && c >= a,
                (Comp::Lt, Comp::Lt) => r <= a && c >= a,
                (Comp::Lt, _) => false,
                (_, Comp::Eq) => r >= a && c <= a,
                (_, Comp::Lt) => false,
                (_, _) => r >= a && c <= a,
            }
        }
    }

    /// A p in these units, written out as it is: "0.0362" or "5.81e-48".
    pub fn show_p(&self, v: Decimal) -> String {
        if self.p_exp == 0 {
            v.to_string()
        } else {
            format!("{v}e{}", self.p_exp)
        }
    }
}

/// `v` rounded to `sig` significant digits.
pub fn round_sig(v: Decimal, sig: u32) -> Decimal {
    if v.is_zero() {
        return v;
    }
    let digits_before = {
        let mut a = v.abs().trunc();
        let mut n = 0i64;
        while a >= Decimal::ONE {
            a /= Decimal::TEN;
            n += 1;
        }
        if n == 0 {
            // Count the zeros after the point: 0.00362 has two.
            let mut f = v.abs();
            while f < Decimal::new(1, 1) && n > -28 {
                f *= Decimal::TEN;
                n -= 1;
            }
        }
        n
    };
    let dp = (i64::from(sig) - digits_before).clamp(0, 28) as u32;
    round(v, dp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn t28(value: &str, p_comp: Comp, p: &str) -> PTest {
        PTest {
            test: TestType::T,
            df1: None,
            df2: Some(d("28")),
            test_comp: Comp::Eq,
            test_value: d(value),
            p_comp,
            reported_p: Some(d(p)),
            p_exp: 0,
            one_tailed: false,
            rules: PRules::default(),
        }
    }

    #[test]
    fn p_values_of_each_test_match_reference_values() {
        // Reference values from R's pt, pf, pchisq, pnorm.
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9 * b.max(1e-300) + 1e-12;
        let p = p_of(TestType::T, None, Some(d("28")), d("2.20"), true).unwrap();
        assert!(close(p, 0.03622548477883782), "{p}");
        let p = p_of(TestType::F, Some(d("2")), Some(d("28")), d("2.20"), true).unwrap();
        assert!(close(p, 0.129593224474093), "{p}");
        let p = p_of(TestType::Chi2, Some(d("28")), None, d("22.20"), true).unwrap();
        assert!(close(p, 0.7719487040329357), "{p}");
        let p = p_of(TestType::Z, None, None, d("2.20"), true).unwrap();
        assert!(close(p, 0.02780689502699719), "{p}");
        let p = p_of(TestType::R, None, Some(d("28")), d("0.22"), true).unwrap();
        assert!(close(p, 0.24273898791271156), "{p}");
        // One-tailed halves a t.
        let p = p_of(TestType::T, None, Some(d("28")), d("2.20"), false).unwrap();
        assert!(close(p, 0.01811274238941891), "{p}");
    }

    #[test]
    fn huge_statistics_keep_their_tiny_p() {
        let p = p_of(TestType::F, Some(d("1")), Some(d("500")), d("400"), true).unwrap();
        assert!(p > 0.0 && p < 1e-60, "{p}");
        let p = p_of(TestType::T, None, Some(d("500")), d("40"), true).unwrap();
        assert!(p > 0.0 && p < 1e-100, "{p}");
    }

    #[test]
    fn rounding_of_the_statistic_decides_between_ok_and_imprecise() {
        let r = t28("2.20", Comp::Eq, "0.036").evaluate().unwrap();
        assert!(!r.error && r.exact);
        // .037 is reached only from t = 2.195.
        let r = t28("2.20", Comp::Eq, "0.037").evaluate().unwrap();
        assert!(!r.error && !r.exact, "{r:?}");
        let r = t28("2.20", Comp::Eq, "0.03").evaluate().unwrap();
        assert!(r.error && !r.decision_error);
        let r = t28("2.20", Comp::Eq, "0.06").evaluate().unwrap();
        assert!(r.error && r.decision_error);
    }

    #[test]
    fn p_zero_is_an_error_unless_switched_off() {
        let mut t = t28("22.20", Comp::Eq, "0.000");
        assert!(t.evaluate().unwrap().error);
        t.rules.p_zero_error = false;
        assert!(!t.evaluate().unwrap().error);
    }

    #[test]
    fn significant_digits() {
        assert_eq!(round_sig(d("0.0362254"), 3), d("0.0362"));
        assert_eq!(round_sig(d("5.80934"), 3), d("5.81"));
        assert_eq!(round_sig(d("123.456"), 4), d("123.5"));
    }
}
