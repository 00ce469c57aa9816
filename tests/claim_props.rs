//! Properties of claim files: a derivation printed and parsed again computes the same value,
//! and a value written in each supported locale reads back as the same decimal.

use proptest::prelude::*;
use recount::check::Operand;
use recount::claims::derive::{self, Ast, FactRef, Func, Node, Op};
use recount::claims::draft::format_decimal;
use recount::locale::Setting;
use rust_decimal::Decimal;

/// Numbers as a claim file may write them inside a derivation.
const NUMBERS: &[&str] = &[
    "2",
    "0.5",
    "38%",
    "8.79%",
    "3.76 million",
    "430,000",
    "exactly 100%",
    "12",
    "1,234.5",
    "7",
];

fn leaf() -> impl Strategy<Value = Ast> {
    prop_oneof![
        prop::sample::select(NUMBERS).prop_map(|t| Node::Number(t.to_string())),
        prop::sample::select(&["a", "b", "c"][..]).prop_map(|n| Node::Name(n.to_string())),
    ]
    .prop_map(|node| Ast { node, span: 0..0 })
}

fn ast() -> impl Strategy<Value = Ast> {
    leaf().prop_recursive(4, 24, 3, |inner| {
        let b = |x: Ast| Box::new(x);
        prop_oneof![
            inner.clone().prop_map(move |x| Node::Neg(b(x))),
            (
                prop::sample::select(&[Op::Add, Op::Sub, Op::Mul, Op::Div][..]),
                inner.clone(),
                inner.clone()
            )
                .prop_map(move |(o, x, y)| Node::Bin(o, b(x), b(y))),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|xs| Node::Call(Func::Sum, xs)),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|xs| Node::Call(Func::Mean, xs)),
            (inner.clone(), 0u32..6).prop_map(|(x, n)| Node::Call(Func::Round(n), vec![x])),
            (
                prop::sample::select(&[Func::Share, Func::PctChange, Func::Points][..]),
                inner.clone(),
                inner
            )
                .prop_map(|(f, x, y)| Node::Call(f, vec![x, y])),
        ]
        .prop_map(|node| Ast { node, span: 0..0 })
    })
}

/// The exact value of a derivation over the facts a = 430,000, b = 23%, c = 3.76 million, or
/// the error's text.
fn value(a: &Ast) -> Result<(Decimal, recount::check::interval::Range), String> {
    let ops = [
        Operand::constant(Decimal::new(430_000, 0), "430,000"),
        Operand::constant(Decimal::new(23, 2), "23%"),
        Operand::constant(Decimal::new(3_760_000, 0), "3.76 million"),
    ];
    let facts = |n: &str| match n {
        "a" => Some(FactRef::Value(&ops[0])),
        "b" => Some(FactRef::Value(&ops[1])),
        "c" => Some(FactRef::Value(&ops[2])),
        _ => None,
    };
    let c = derive::compile(a, Setting::Auto, &facts, &["a", "b", "c"]).map_err(|e| e.message)?;
    let exact = c.expr.exact(&c.inputs).map_err(|e| e.to_string())?;
    let range = c.expr.range(&c.inputs).map_err(|e| e.to_string())?;
    Ok((exact, range))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printed_derivations_parse_back_to_the_same_value(a in ast()) {
        let printed = a.to_string();
        let parsed = derive::parse(&printed)
            .map_err(|e| TestCaseError::fail(format!("{printed:?} does not parse: {}", e.message)))?;
        prop_assert_eq!(parsed.to_string(), printed.clone());
        prop_assert_eq!(value(&parsed), value(&a), "{}", printed);
    }

    #[test]
    fn values_in_each_locale_read_back_alike(
        mantissa in 0i64..10_000_000_000,
        scale in 0u32..4,
    ) {
        let v = Decimal::new(mantissa, scale);
        for setting in [Setting::En, Setting::De, Setting::Fr, Setting::DeCh] {
            let text = format_decimal(v, setting);
            let q = derive::read_figure(&text, setting)
                .map_err(|e| TestCaseError::fail(format!("{text:?} ({}): {e}", setting.name())))?;
            prop_assert_eq!(q.value, Some(v), "{:?} read as {:?} in {}", text, q.value, setting.name());
        }
    }
}

/// Pieces of claim files, good and broken, to put together at random.
const PIECES: &[&str] = &[
    "facts:\n",
    "claims:\n",
    "  a: { value: 430.000 }\n",
    "  b: { derive: a / 2 }\n",
    "  c: { derive: b + c }\n",
    "  a: { value: lots }\n",
    "  - id: x\n",
    "    stated: just under 20%\n",
    "    derive: (a + b) / 3.76 million\n",
    "    derive: sum(a, \n",
    "    allows: \"[19%, 20%)\"\n",
    "    quote: \"it’s 8.79% total\n",
    "    unverifiable: no\n",
    "article: nowhere.md\n",
    "facts_from: [nowhere.csv]\n",
    "locale: de\n",
    "\t- id: y\n",
    "  - { id: z, stated: 5, derive: 10 / 0 }\n",
    "    tolerance: 0.1%\n",
    "é",
    "- \n",
    ": ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever a person writes, loading, verifying and rendering report errors rather than
    /// panicking, and a file that fails says why.
    #[test]
    fn any_claim_file_loads_or_fails_without_panicking(
        parts in prop::collection::vec(prop::sample::select(PIECES), 0..14)
    ) {
        let text: String = parts.concat();
        match recount::claims::file::verify_text("x.yaml", &text, std::path::Path::new(".")) {
            Ok(v) => {
                let _ = recount::report::verify::human(&v, |_| true, false);
            }
            Err(f) => {
                prop_assert!(!f.errors.is_empty());
                let _ = recount::report::verify::failed_human(&f, false, "");
            }
        }
    }
}
