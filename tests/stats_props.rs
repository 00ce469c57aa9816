//! Properties of the statistics checks: an APA result written from a statistic and its
//! recomputed p reads back as the same result with the same p, and is consistent; means and
//! SDs computed from real whole-number data pass GRIM and GRIMMER in every rounding mode the
//! report may have used; and no text makes the readers panic.

use proptest::prelude::*;
use recount::check::stats::granular::{self, GrimmerReason, Mode, Rounding};
use recount::check::stats::p::{self, Comp, TestType};
use recount::claims::rules::p_value::{self, Settings};
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};

/// A test type with valid degrees of freedom and a statistic for it, as written.
fn result() -> impl Strategy<Value = (TestType, Option<u32>, Option<u32>, Decimal)> {
    let stat = |max: i64, dp: u32| (0..max).prop_map(move |v| Decimal::new(v, dp));
    prop_oneof![
        (1u32..500, stat(800, 2), any::<bool>()).prop_map(|(df, v, neg)| (
            TestType::T,
            None,
            Some(df),
            if neg { -v } else { v }
        )),
        (1u32..10, 1u32..500, stat(5000, 2)).prop_map(|(a, b, v)| (
            TestType::F,
            Some(a),
            Some(b),
            v
        )),
        (1u32..40, stat(9000, 2)).prop_map(|(df, v)| (TestType::Chi2, Some(df), None, v)),
        (3u32..500, stat(99, 2), any::<bool>()).prop_map(|(df, v, neg)| (
            TestType::R,
            None,
            Some(df),
            if neg { -v } else { v }
        )),
        (stat(600, 2)).prop_map(|v| (TestType::Z, None, None, v)),
    ]
}

fn apa(t: TestType, df1: Option<u32>, df2: Option<u32>, v: Decimal, p: &str) -> String {
    let label = match t {
        TestType::T => "t",
        TestType::F => "F",
        TestType::R => "r",
        TestType::Z => "z",
        _ => "χ2",
    };
    let dfs = match (df1, df2) {
        (Some(a), Some(b)) => format!("({a}, {b})"),
        (Some(a), None) => format!("({a})"),
        (None, Some(b)) => format!("({b})"),
        (None, None) => String::new(),
    };
    // r is written the APA way, without its leading zero.
    let value = if t == TestType::R {
        v.to_string().replacen("0.", ".", 1)
    } else {
        v.to_string()
    };
    format!("The effect was clear, {label}{dfs} = {value}, {p}.")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn apa_results_read_back_with_the_same_p((t, df1, df2, v) in result()) {
        let d = |x: Option<u32>| x.map(Decimal::from);
        let exact = p::p_of(t, d(df1), d(df2), v, true).expect("a p");
        let pd = Decimal::from_f64_retain(exact).expect("p").round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
        let p_text = if pd.is_zero() {
            "p < .001".to_string()
        } else {
            format!("p = {}", pd.to_string().replacen("0.", ".", 1))
        };
        let text = apa(t, df1, df2, v, &p_text);
        let found = p_value::scan(&text);
        prop_assert_eq!(found.len(), 1, "{}", text);
        let f = &found[0];
        prop_assert_eq!(f.test, t);
        prop_assert_eq!((f.df1, f.df2, f.test_value), (d(df1), d(df2), v));
        let test = p_value::test_of(f, &Settings::default(), false);
        let r = test.evaluate().expect("evaluates");
        let back = p::p_of(t, f.df1, f.df2, f.test_value, true).expect("a p");
        prop_assert_eq!(back, exact);
        prop_assert!(!r.error && !r.decision_error, "{} {:?}", text, r);
        prop_assert!(r.exact, "{} {:?}", text, r);
        prop_assert_eq!(f.p_comp, if pd.is_zero() { Comp::Lt } else { Comp::Eq });
    }

    #[test]
    fn grim_passes_means_of_integer_sums(
        n in 1u64..300,
        items in 1u64..6,
        frac in 0.0f64..1.0,
        neg in any::<bool>(),
        dp in 0u32..4,
        mode in prop::sample::select(&[
            "up_or_down", "up", "down", "even", "ceiling", "floor", "trunc", "anti_trunc",
            "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_UP", "ROUND_DOWN",
            "ROUND_CEILING", "ROUND_FLOOR", "ROUND_05UP",
        ][..]),
    ) {
        let total = n * items;
        let k = (frac * (7 * total) as f64) as i64;
        let k = if neg { -k } else { k };
        let exact = Decimal::from(k) / Decimal::from(total);
        let m = Mode::parse(mode).expect("mode");
        for mean in granular::round_at(exact, dp, m) {
            let g = granular::grim(mean, n, items, false, m).expect("grim");
            prop_assert!(g.consistent, "{} from {}/{} ({})", mean, k, total, mode);
        }
    }

    #[test]
    fn grimmer_passes_real_integer_data(data in prop::collection::vec(1i64..8, 2..60), dp in 1u32..4) {
        let n = data.len() as u64;
        let sum: i64 = data.iter().sum();
        let nd = Decimal::from(n);
        let mean = Decimal::from(sum) / nd;
        let ss: Decimal = data.iter().map(|&x| Decimal::from(x) - mean).map(|d| d * d).sum();
        let sd = (ss / (nd - Decimal::ONE)).sqrt().expect("sd");
        let up = Mode::new(Rounding::UpOrDown);
        let m = mean.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let s = sd.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        let r = granular::grimmer(m, s, n, 1, up).expect("grimmer");
        prop_assert_eq!(r, GrimmerReason::Passed, "{:?}: M = {}, SD = {}", data, m, s);
    }

    #[test]
    fn debit_passes_real_binary_data(ones in 0u64..500, zeros in 0u64..500) {
        let n = ones + zeros;
        prop_assume!(n >= 2);
        let mean = Decimal::from(ones) / Decimal::from(n);
        let sd = granular::binary_sd(mean, n).expect("sd");
        let up = Mode::new(Rounding::UpOrDown);
        let m = mean.round_dp(2);
        let s = sd.round_dp(2);
        prop_assert!(granular::debit(m, s, n, up).expect("debit").consistent, "M = {} SD = {} n = {}", m, s, n);
    }

    #[test]
    fn readers_never_panic(s in "\\PC{0,80}", t in "[tFrzQχX?pn(),=<>.0-9 ;\u{1}−-]{0,60}") {
        for text in [s.as_str(), t.as_str(), &format!("{s}{t}")] {
            for f in p_value::scan(text) {
                prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
                let _ = p_value::test_of(&f, &Settings::default(), false).evaluate();
            }
            let _ = p_value::p_values(text);
            let _ = recount::check_text(text, recount::locale::Setting::Auto, |r| {
                matches!(r, "p-value" | "grim" | "grimmer" | "debit")
            });
        }
    }
}
