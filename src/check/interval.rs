//! Intervals of decimals: what a rounded figure may have been before rounding, and what a
//! hedged figure allows.
//!
//! Derivations run on [`Range`]s, closed and finite: every input is a stated figure with a
//! rounding interval. What the text states is a [`Target`], which may be open at either end
//! ("more than twice" is (2, ∞), "just under 20%" is [19%, 20%)).

use rust_decimal::Decimal;
use std::fmt;

/// Why a derivation could not be carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithError {
    /// A value left the range a 96-bit decimal holds.
    Overflow,
    /// A divisor is zero, or its interval contains zero.
    DivisionByZero,
}

impl fmt::Display for ArithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ArithError::Overflow => "too large to check",
            ArithError::DivisionByZero => "division by zero",
        })
    }
}

pub type Result<T> = std::result::Result<T, ArithError>;

/// A closed, finite interval `[lo, hi]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub lo: Decimal,
    pub hi: Decimal,
}

fn ck(v: Option<Decimal>) -> Result<Decimal> {
    v.ok_or(ArithError::Overflow)
}

impl Range {
    /// The single point `v`.
    pub fn point(v: Decimal) -> Range {
        Range { lo: v, hi: v }
    }

    /// The values that round to `v` at place value `unit`: `[v - unit/2, v + unit/2]`.
    pub fn rounded(v: Decimal, unit: Decimal) -> Result<Range> {
        let half = unit.abs() / Decimal::TWO;
        Ok(Range {
            lo: ck(v.checked_sub(half))?,
            hi: ck(v.checked_add(half))?,
        })
    }

    pub fn checked_add(self, o: Range) -> Result<Range> {
        Ok(Range {
            lo: ck(self.lo.checked_add(o.lo))?,
            hi: ck(self.hi.checked_add(o.hi))?,
        })
    }

    pub fn checked_sub(self, o: Range) -> Result<Range> {
        Ok(Range {
            lo: ck(self.lo.checked_sub(o.hi))?,
            hi: ck(self.hi.checked_sub(o.lo))?,
        })
    }

    pub fn negated(self) -> Range {
        Range {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    pub fn checked_mul(self, o: Range) -> Result<Range> {
        let c = [
            ck(self.lo.checked_mul(o.lo))?,
            ck(self.lo.checked_mul(o.hi))?,
            ck(self.hi.checked_mul(o.lo))?,
            ck(self.hi.checked_mul(o.hi))?,
        ];
        Ok(Range {
            lo: c.iter().copied().fold(c[0], Decimal::min),
            hi: c.iter().copied().fold(c[0], Decimal::max),
        })
    }

    pub fn checked_div(self, o: Range) -> Result<Range> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return Err(ArithError::DivisionByZero);
        }
        let inv = Range {
            lo: ck(Decimal::ONE.checked_div(o.hi))?,
            hi: ck(Decimal::ONE.checked_div(o.lo))?,
        };
        self.checked_mul(inv)
    }

    /// Whether the range shares a point with `t`.
    pub fn meets(self, t: &Target) -> bool {
        let above_lo = match t.lo {
            None => true,
            Some((l, closed)) => self.hi > l || (closed && self.hi == l),
        };
        let below_hi = match t.hi {
            None => true,
            Some((h, closed)) => self.lo < h || (closed && self.lo == h),
        };
        above_lo && below_hi
    }
}

/// What a text states: an interval that may be open or unbounded at either end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Lower bound and whether it is included; `None` is unbounded.
    pub lo: Option<(Decimal, bool)>,
    pub hi: Option<(Decimal, bool)>,
}

impl Target {
    /// The closed interval `[lo, hi]`.
    pub fn closed(r: Range) -> Target {
        Target {
            lo: Some((r.lo, true)),
            hi: Some((r.hi, true)),
        }
    }

    /// Whether `v` lies in the target.
    pub fn contains(&self, v: Decimal) -> bool {
        Range::point(v).meets(self)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lo {
            None => f.write_str("(-∞")?,
            Some((l, c)) => write!(f, "{}{}", if c { '[' } else { '(' }, l.normalize())?,
        }
        f.write_str(", ")?;
        match self.hi {
            None => f.write_str("∞)"),
            Some((h, c)) => write!(f, "{}{}", h.normalize(), if c { ']' } else { ')' }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounding_intervals_multiply_by_their_corners() {
        let a = Range::rounded(d("0.38"), d("0.01")).unwrap();
        let b = Range::rounded(d("0.23"), d("0.01")).unwrap();
        let p = a.checked_mul(b).unwrap();
        assert_eq!(p.lo, d("0.084375"));
        assert_eq!(p.hi, d("0.090475"));
        let neg = Range {
            lo: d("-2"),
            hi: d("3"),
        };
        assert_eq!(
            neg.checked_mul(neg).unwrap(),
            Range {
                lo: d("-6"),
                hi: d("9")
            }
        );
    }

    #[test]
    fn division_by_an_interval_around_zero_is_an_error() {
        let a = Range::point(d("5"));
        assert_eq!(
            a.checked_div(Range {
                lo: d("-1"),
                hi: d("1")
            }),
            Err(ArithError::DivisionByZero)
        );
        assert_eq!(
            a.checked_div(Range::point(Decimal::ZERO)),
            Err(ArithError::DivisionByZero)
        );
        assert_eq!(
            a.checked_div(Range::point(d("2"))).unwrap(),
            Range::point(d("2.5"))
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = Range::point(Decimal::MAX);
        assert_eq!(big.checked_add(big), Err(ArithError::Overflow));
        assert_eq!(big.checked_mul(big), Err(ArithError::Overflow));
    }

    #[test]
    fn open_bounds_exclude_their_end() {
        let under_20 = Target {
            lo: Some((d("19"), true)),
            hi: Some((d("20"), false)),
        };
        assert!(under_20.contains(d("19.68")));
        assert!(!under_20.contains(d("20")));
        assert!(
            Range {
                lo: d("19.9"),
                hi: d("20.1")
            }
            .meets(&under_20)
        );
        assert!(
            !Range {
                lo: d("20"),
                hi: d("21")
            }
            .meets(&under_20)
        );
        assert_eq!(under_20.to_string(), "[19, 20)");
    }
}
