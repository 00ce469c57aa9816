//! Command-line behaviour, pinned by cases in tests/cmd (arguments, input, output, exit code).

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
