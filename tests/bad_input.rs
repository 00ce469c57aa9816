//! Input that a recognizer must survive: huge digit runs, pathological separators, numbers
//! beyond exact range, arbitrary text. Nothing panics, nothing is lost, spans stay valid.

use proptest::prelude::*;
use recount::locale::Setting;
use recount::quantity::{Kind, Quantity};

fn spans_are_valid(text: &str, qs: &[Quantity]) {
    let mut last_end = 0;
    for q in qs {
        assert!(q.span.start < q.span.end, "empty span {q:?}");
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(
            q.span.start >= last_end,
            "spans overlap or go backwards: {qs:?}"
        );
        last_end = q.span.end;
    }
}

#[test]
fn a_megabyte_of_digits_is_one_number_too_large_to_check() {
    let text = "7".repeat(1 << 20);
    let r = recount::recognize(&text, Setting::Auto);
    assert_eq!(r.quantities.len(), 1);
    let q = &r.quantities[0];
    assert!(q.too_large);
    assert_eq!(q.value, None);
    assert_eq!((q.span.start, q.span.end), (0, text.len()));
}

#[test]
fn a_megabyte_of_dotted_ones_is_recognized_in_linear_time() {
    let text = "1.".repeat(1 << 19);
    let r = recount::recognize(&text, Setting::Auto);
    spans_are_valid(&text, &r.quantities);
    // The whole run is covered by identifiers; none of it is read as an amount.
    assert!(r.quantities.iter().all(|q| q.kind == Kind::Identifier));
    assert_eq!(r.quantities.first().map(|q| q.span.start), Some(0));
}

#[test]
fn digit_runs_with_every_separator_do_not_panic() {
    for sep in [
        ",", ".", " ", "'", "’", "\u{a0}", "\u{202f}", ", ", "-", "/", ":",
    ] {
        let text = format!("x {} y", ["123"; 5000].join(sep));
        let r = recount::recognize(&text, Setting::Auto);
        spans_are_valid(&text, &r.quantities);
        assert!(!r.quantities.is_empty(), "separator {sep:?}");
    }
}

#[test]
fn numbers_beyond_decimal_range_are_flagged_not_wrapped() {
    for text in [
        "a 79228162514264337593543950336 b",
        "a 1,000,000,000,000,000,000,000,000,000,000 b",
        "a 99999999999999999999999999 trillion b",
        "a 1e40 b",
    ] {
        let r = recount::recognize(text, Setting::En);
        assert_eq!(r.quantities.len(), 1, "{text}: {:?}", r.quantities);
        assert!(r.quantities[0].too_large, "{text}");
        assert_eq!(r.quantities[0].value, None, "{text}");
    }
}

#[test]
fn a_sentence_with_hundreds_of_numbers_keeps_them_all() {
    let text: String = (1..=500).map(|i| format!("{i} apples, ")).collect();
    let r = recount::recognize(&text, Setting::En);
    let values: Vec<_> = r.quantities.iter().filter_map(|q| q.value).collect();
    assert_eq!(values.len(), 500);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        for setting in [Setting::Auto, Setting::En, Setting::De] {
            let r = recount::recognize(&text, setting);
            spans_are_valid(&text, &r.quantities);
        }
    }

    #[test]
    fn number_like_text_never_panics(text in "[0-9 .,'’%$€£+\\-−/^eExk½a-z]{0,60}") {
        let r = recount::recognize(&text, Setting::Auto);
        spans_are_valid(&text, &r.quantities);
    }
}

#[test]
fn check_survives_long_sentences_and_many_numbers() {
    // One sentence of 2,000 figures and shares, and a paragraph of 200 sentences.
    let sentence: String = (1..=2000)
        .map(|i| format!("{i}% of {}% or {}% total, ", i % 97 + 1, i % 13 + 1))
        .collect();
    let outcomes = recount::check_text(&sentence, Setting::Auto, |_| true);
    assert!(!outcomes.is_empty());
    let paragraph = "Minneapolis (430.000) and St. Paul (310.000) together make up just under 20% of the Twin Cities population (3.76 million). ".repeat(200);
    let outcomes = recount::check_text(&paragraph, Setting::Auto, |_| true);
    assert_eq!(outcomes.len(), 200);
    assert!(
        outcomes
            .iter()
            .all(|o| o.verdict == recount::check::Verdict::Ok)
    );
}

#[test]
fn a_base_of_zero_is_a_finding_not_a_panic() {
    let text = "Of the 0 members, 5 voted, or 50%. The 5 votes make up 50% of the 0 seats.";
    let outcomes = recount::check_text(text, Setting::Auto, |_| true);
    let zero: Vec<_> = outcomes
        .iter()
        .filter(|o| o.error == Some(recount::check::interval::ArithError::DivisionByZero))
        .collect();
    assert_eq!(zero.len(), 1, "{outcomes:?}");
    assert_eq!(zero[0].verdict, recount::check::Verdict::Unverifiable);
    assert!(
        zero[0].message.contains("division by zero"),
        "{}",
        zero[0].message
    );
}

#[test]
fn overflow_during_derivation_is_too_large_to_check() {
    let text = "While 79228162514264337593543950335% of 79228162514264337593543950335% is a lot (it's 1% total), fine.";
    let outcomes = recount::check_text(text, Setting::En, |_| true);
    assert_eq!(outcomes.len(), 1, "{outcomes:?}");
    assert!(
        outcomes[0].message.contains("too large to check"),
        "{}",
        outcomes[0].message
    );
}

// Inputs that must take linear time and bounded memory: each gives a result or a clear error.

#[test]
fn a_sentence_of_a_hundred_thousand_figures_keeps_them_all_and_is_checked() {
    let mut text: String = (1..=100_000).map(|i| format!("{i} apples, ")).collect();
    text.push_str("and of the 40 members, 10 voted, or 50%.");
    let r = recount::recognize(&text, Setting::En);
    spans_are_valid(&text, &r.quantities);
    assert_eq!(r.quantities.len(), 100_003);
    // The checker reads the one sentence once; nothing in it is lost to its length.
    let outcomes = recount::check_text(&text, Setting::En, |_| true);
    for o in &outcomes {
        assert!(o.claim.stated.span.end <= text.len());
    }
}

#[test]
fn ten_megabytes_of_dotted_ones_are_read_and_checked_in_linear_time() {
    let text = "1.1.1.".repeat((10 << 20) / 6);
    let r = recount::recognize(&text, Setting::Auto);
    spans_are_valid(&text, &r.quantities);
    assert!(r.quantities.iter().all(|q| q.kind == Kind::Identifier));
    assert!(recount::check_text(&text, Setting::Auto, |_| true).is_empty());
}

#[test]
fn a_long_line_of_prose_is_checked_to_its_end() {
    // 8 MB of one line with a claim at each end: the one at the end is found like the first.
    let claim = "Of the 40 members, 10 voted, or 50%. ";
    let mut text = claim.to_string();
    while text.len() < 8 << 20 {
        text.push_str("Lorem ipsum dolor sit amet, 7 of them. ");
    }
    text.push_str(claim);
    let outcomes = recount::check_text(&text, Setting::En, |_| true);
    let mismatches: Vec<_> = outcomes
        .iter()
        .filter(|o| o.verdict == recount::check::Verdict::Mismatch)
        .map(|o| o.claim.stated.span.start)
        .collect();
    assert_eq!(mismatches, [32, text.len() - 5], "{mismatches:?}");
}

#[test]
fn a_hundred_thousand_nested_parentheses_are_an_error_not_a_stack_overflow() {
    use recount::claims::derive::parse;
    let deep = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    let e = parse(&deep).unwrap_err();
    assert!(e.message.contains("nested more than 64 deep"), "{e}");
    let signs = format!("{}a", "-".repeat(100_000));
    assert!(parse(&signs).is_err());
    let chain = vec!["a"; 100_000].join(" + ");
    let e = parse(&chain).unwrap_err();
    assert!(e.message.contains("more than 1000 operators"), "{e}");
}

// The bad-input table of the README, a test a row: each runs the binary on an input that is
// wrong in one way, next to a good one, and asserts what it prints and its exit code; the
// helper fails any run that panics or outlives its deadline.

mod table {
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    /// What a run of the binary gave.
    struct Run {
        code: Option<i32>,
        stdout: String,
        stderr: String,
    }

    /// Runs `recount args…` in `dir` with `stdin` (bytes and how many times to send them, fed
    /// from a thread, so a reader that stops early does not block it), failing when it runs
    /// past `limit` or panics.
    fn run_with(
        dir: &Path,
        args: &[&str],
        stdin: Option<(Vec<u8>, usize)>,
        limit: Duration,
    ) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
            .args(args)
            .current_dir(dir)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let feeder = stdin.map(|(bytes, times)| {
            let mut pipe = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                // The reader may stop early (a limit, an error): a broken pipe is its answer.
                for _ in 0..times {
                    if pipe.write_all(&bytes).is_err() {
                        break;
                    }
                }
            })
        });
        let mut out = child.stdout.take().unwrap();
        let mut err = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = Vec::new();
            out.read_to_end(&mut s).unwrap();
            s
        });
        let err_reader = std::thread::spawn(move || {
            let mut s = Vec::new();
            err.read_to_end(&mut s).unwrap();
            s
        });
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > limit {
                child.kill().unwrap();
                panic!("recount {args:?} ran past {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        if let Some(f) = feeder {
            f.join().unwrap();
        }
        let run = Run {
            code: status.code(),
            stdout: String::from_utf8_lossy(&reader.join().unwrap()).into_owned(),
            stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "recount {args:?} panicked: {}",
            run.stderr
        );
        run
    }

    fn run(dir: &Path, args: &[&str]) -> Run {
        run_with(dir, args, None, Duration::from_secs(60))
    }

    /// A temporary folder with `good.txt`, a sentence with one mismatch in it.
    fn folder() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().to_path_buf();
        std::fs::write(p.join("good.txt"), GOOD).unwrap();
        (dir, p)
    }

    const GOOD: &str = "Of the 40 members, 10 voted, or 50%.\n";
    const GOOD_FINDING: &str = "good.txt:1:33:part-of-whole:mismatch: 10 ÷ 40 = 25%";

    #[test]
    fn invalid_utf8_is_an_error_at_its_line_and_column_and_the_others_go_on() {
        let (_d, p) = folder();
        std::fs::write(p.join("bad.txt"), b"fine\nab\xffc\n").unwrap();
        let r = run(&p, &["check", "--format", "line", "bad.txt", "good.txt"]);
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr
                .contains("bad.txt:2:3: not valid UTF-8 at byte 7 (byte 0xff)"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.contains(GOOD_FINDING), "{}", r.stdout);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let (_d, p) = folder();
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(GOOD.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(GOOD.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        std::fs::write(p.join("le.txt"), le).unwrap();
        std::fs::write(p.join("be.txt"), be).unwrap();
        let r = run(&p, &["check", "--format", "line", "le.txt", "be.txt"]);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        for f in ["le.txt", "be.txt"] {
            assert!(
                r.stdout
                    .contains(&format!("{f}:1:33:part-of-whole:mismatch: 10 ÷ 40 = 25%")),
                "{}",
                r.stdout
            );
        }
    }

    #[test]
    fn an_empty_file_has_nothing_to_check() {
        let (_d, p) = folder();
        std::fs::write(p.join("empty.txt"), "").unwrap();
        let r = run(&p, &["check", "empty.txt"]);
        assert_eq!(r.code, Some(0));
        assert_eq!(
            r.stdout,
            "0 claims checked in 1 file: 0 mismatch, 0 imprecise, 0 unverifiable, 0 ok\n"
        );
        assert_eq!(r.stderr, "");
    }

    #[test]
    fn a_file_of_nuls_is_a_binary_file_and_the_others_go_on() {
        let (_d, p) = folder();
        std::fs::write(p.join("nul.txt"), vec![0u8; 1 << 20]).unwrap();
        let r = run(&p, &["check", "--format", "line", "nul.txt", "good.txt"]);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(
            r.stderr
                .contains("nul.txt: a binary file, not text (a NUL byte at byte 0)"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.contains(GOOD_FINDING), "{}", r.stdout);
    }

    #[test]
    fn a_hundred_megabytes_without_a_line_break_are_read_to_the_end() {
        let (_d, p) = folder();
        // 100 MB of one line: a figure at the start and one at the very end.
        let mut text = String::with_capacity(100 << 20);
        text.push_str("It rose 8.79% here. ");
        while text.len() < (100 << 20) - 32 {
            text.push_str("lorem ipsum dolor sit amet. ");
        }
        text.push_str("And 17% there.");
        std::fs::write(p.join("line.txt"), &text).unwrap();
        let r = run(&p, &["numbers", "--max-size", "128M", "line.txt"]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let col = text.len() - "17% there.".len() + 1;
        assert_eq!(
            r.stdout,
            format!(
                "line.txt:1:9: percent 8.79 % \"8.79%\"\nline.txt:1:{col}: percent 17 % \"17%\"\n"
            )
        );
    }

    #[test]
    fn an_input_over_the_size_limit_is_an_error_and_the_others_go_on() {
        let (_d, p) = folder();
        let limit = recount::source::MAX_SIZE as usize;
        std::fs::write(p.join("huge.txt"), vec![b' '; limit + 1]).unwrap();
        let r = run(&p, &["check", "--format", "line", "huge.txt", "good.txt"]);
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr.contains(
                "huge.txt: 32.0 MiB is more than the 32 MiB that recount reads of one input"
            ),
            "{}",
            r.stderr
        );
        assert!(r.stdout.contains(GOOD_FINDING), "{}", r.stdout);
    }

    #[test]
    fn a_gigabyte_on_standard_input_stops_at_the_limit() {
        let (_d, p) = folder();
        // The feeder offers a gigabyte; recount reads a little past the limit and stops.
        let stdin = (vec![b'7'; 1 << 20], 1 << 10);
        let r = run_with(&p, &["numbers", "-"], Some(stdin), Duration::from_secs(120));
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr.contains("-: ") && r.stderr.contains("is more than the 32 MiB"),
            "{}",
            r.stderr
        );
    }

    #[test]
    fn a_flood_of_digits_is_one_number_too_large_to_check() {
        let (_d, p) = folder();
        let flood = "9".repeat(1 << 20);
        std::fs::write(p.join("flood.txt"), format!("Sales were {flood} units.")).unwrap();
        let r = run(&p, &["numbers", "flood.txt"]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(
            r.stdout
                .starts_with("flood.txt:1:12: number too large to check \"999"),
            "{}",
            &r.stdout[..80.min(r.stdout.len())]
        );
        assert_eq!(r.stdout.lines().count(), 1);
    }

    #[test]
    fn decimal_overflow_is_too_large_to_check() {
        let (_d, p) = folder();
        std::fs::write(
            p.join("over.txt"),
            "While 79228162514264337593543950335% of 79228162514264337593543950335% is a lot (it's 1% total), fine.\n",
        )
        .unwrap();
        let r = run(&p, &["check", "--all", "--format", "line", "over.txt"]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stdout.contains("too large to check"), "{}", r.stdout);
    }

    /// A folder with a good claim file next to the bad ones.
    fn claims_folder(bad: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let (d, p) = folder();
        std::fs::write(
            p.join("good.yaml"),
            "article: good.txt\nfacts:\n  a: { value: 10 }\n  b: { value: 40 }\nclaims:\n  - id: share\n    stated: 25%\n    derive: a / b\n",
        )
        .unwrap();
        for (name, text) in bad {
            std::fs::write(p.join(name), text).unwrap();
        }
        (d, p)
    }

    #[test]
    fn division_by_zero_in_a_claim_file_is_reported_at_its_place() {
        let (_d, p) = claims_folder(&[(
            "zero.yaml",
            "facts:\n  a: { value: 10 }\n  b: { value: 0 }\nclaims:\n  - id: share\n    stated: 25%\n    derive: a / b\n",
        )]);
        let r = run(
            &p,
            &[
                "verify",
                "--all",
                "--format",
                "line",
                "zero.yaml",
                "good.yaml",
            ],
        );
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr
                .contains("zero.yaml:7:13: claim \"share\": division by zero"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.contains("good.yaml:"), "{}", r.stdout);
    }

    #[test]
    fn malformed_yaml_is_reported_at_its_line_and_column() {
        let (_d, p) = claims_folder(&[("syntax.yaml", "claims:\n  - id: a\n    stated: \"25%\n")]);
        let r = run(
            &p,
            &[
                "verify",
                "--all",
                "--format",
                "line",
                "syntax.yaml",
                "good.yaml",
            ],
        );
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr.contains("syntax.yaml:3:13: YAML syntax error"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.contains("good.yaml:"), "{}", r.stdout);
    }

    #[test]
    fn a_claim_file_that_names_itself_is_an_error_not_a_loop() {
        let (_d, p) = claims_folder(&[(
            "self.yaml",
            "article: self.yaml\nfacts_from: [self.yaml]\nfacts:\n  a: { value: 5 }\nclaims:\n  - id: x\n    stated: 5\n    derive: a\n",
        )]);
        let r = run(
            &p,
            &[
                "verify",
                "--all",
                "--format",
                "line",
                "self.yaml",
                "good.yaml",
            ],
        );
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr
                .contains("self.yaml:2:14: facts_from \"self.yaml\" is this claim file itself"),
            "{}",
            r.stderr
        );
        assert_eq!(r.stderr.matches("recount:").count(), 1, "{}", r.stderr);
        assert!(r.stdout.contains("good.yaml:"), "{}", r.stdout);
    }

    #[test]
    fn a_derivation_nested_too_deep_is_an_error_at_its_column() {
        let deep = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
        let (_d, p) = claims_folder(&[(
            "deep.yaml",
            &format!(
                "facts:\n  a: {{ value: 10 }}\nclaims:\n  - id: deep\n    stated: 10\n    derive: \"{deep}\"\n"
            ),
        )]);
        let r = run(
            &p,
            &[
                "verify",
                "--all",
                "--format",
                "line",
                "deep.yaml",
                "good.yaml",
            ],
        );
        assert_eq!(r.code, Some(2));
        // The 65th parenthesis, after `    derive: "` and 64 others.
        assert!(
            r.stderr
                .contains("deep.yaml:6:78: claim \"deep\": nested more than 64 deep"),
            "{}",
            &r.stderr[..300.min(r.stderr.len())]
        );
        assert!(r.stdout.contains("good.yaml:"), "{}", r.stdout);
    }

    /// A DOCX (zip) with one deflated `word/document.xml` of `xml`.
    fn docx(xml: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn a_corrupt_docx_is_an_error_and_the_others_go_on() {
        let (_d, p) = folder();
        let good = docx(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>5</w:t></w:r></w:p></w:body></w:document>",
        );
        std::fs::write(p.join("cut.docx"), &good[..good.len() / 2]).unwrap();
        std::fs::write(p.join("text.docx"), "plain text, not a zip").unwrap();
        std::fs::write(p.join("xml.docx"), docx("<w:document><w:p></w:x>")).unwrap();
        let r = run(
            &p,
            &[
                "check",
                "--format",
                "line",
                "cut.docx",
                "text.docx",
                "xml.docx",
                "good.txt",
            ],
        );
        assert_eq!(r.code, Some(2));
        for f in ["cut.docx", "text.docx", "xml.docx"] {
            assert!(
                r.stderr
                    .contains(&format!("recount: {f}: not a readable DOCX file: ")),
                "{}",
                r.stderr
            );
        }
        assert!(r.stdout.contains(GOOD_FINDING), "{}", r.stdout);
    }

    /// A zip whose one entry `word/document.xml` inflates to a paragraph of `mib` MiB of spaces
    /// while the archive declares `declared` bytes; built from one compressed MiB repeated
    /// (each ends with a full flush, so the copies join into one deflate stream).
    fn bomb(mib: usize, declared: Option<u32>) -> Vec<u8> {
        use flate2::{Compress, Compression, FlushCompress};
        let head = b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";
        let tail = b"</w:t></w:r></w:p></w:body></w:document>";
        let deflate = |input: &[u8], c: &mut Compress, flush| {
            let mut out = Vec::with_capacity(input.len() / 2 + 1024);
            c.compress_vec(input, &mut out, flush).unwrap();
            out
        };
        let mut c = Compress::new(Compression::best(), false);
        let first = deflate(head, &mut c, FlushCompress::Full);
        let mut c = Compress::new(Compression::best(), false);
        let mib_block = deflate(&vec![b' '; 1 << 20], &mut c, FlushCompress::Full);
        let mut c = Compress::new(Compression::best(), false);
        let last = deflate(tail, &mut c, FlushCompress::Finish);
        let mut data = first;
        let mut crc = flate2::Crc::new();
        crc.update(head);
        let mut mib_crc = flate2::Crc::new();
        mib_crc.update(&vec![b' '; 1 << 20]);
        for _ in 0..mib {
            data.extend_from_slice(&mib_block);
            crc.combine(&mib_crc);
        }
        data.extend_from_slice(&last);
        crc.update(tail);
        let crc = crc.sum();
        let size = (head.len() + (mib << 20) + tail.len()) as u32;
        let declared = declared.unwrap_or(size);
        let name = b"word/document.xml";
        let mut local = Vec::new();
        local.extend(0x04034b50u32.to_le_bytes());
        local.extend([20u16, 0, 8, 0, 0].iter().flat_map(|v| v.to_le_bytes()));
        local.extend(
            [crc, data.len() as u32, declared]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        local.extend([name.len() as u16, 0].iter().flat_map(|v| v.to_le_bytes()));
        local.extend(name);
        let mut central = Vec::new();
        central.extend(0x02014b50u32.to_le_bytes());
        central.extend([20u16, 20, 0, 8, 0, 0].iter().flat_map(|v| v.to_le_bytes()));
        central.extend(
            [crc, data.len() as u32, declared]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        central.extend(
            [name.len() as u16, 0, 0, 0, 0]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        central.extend([0u32, 0].iter().flat_map(|v| v.to_le_bytes()));
        central.extend(name);
        let mut file = local;
        file.extend(&data);
        let central_at = file.len() as u32;
        let central_len = central.len() as u32;
        file.extend(central);
        file.extend(0x06054b50u32.to_le_bytes());
        file.extend([0u16, 0, 1, 1].iter().flat_map(|v| v.to_le_bytes()));
        file.extend(
            [central_len, central_at]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        file.extend(0u16.to_le_bytes());
        file
    }

    #[test]
    fn a_zip_bomb_given_as_docx_is_refused_before_it_inflates() {
        let (_d, p) = folder();
        // 600 MiB of XML in some 600 KB: over the 512 MiB that document.xml may unpack to.
        std::fs::write(p.join("bomb.docx"), bomb(600, None)).unwrap();
        // The same, claiming to unpack to 1,000 bytes: reading stops where the claim ends.
        std::fs::write(p.join("liar.docx"), bomb(600, Some(1000))).unwrap();
        let r = run_with(
            &p,
            &[
                "check",
                "--format",
                "line",
                "bomb.docx",
                "liar.docx",
                "good.txt",
            ],
            None,
            Duration::from_secs(20),
        );
        assert_eq!(r.code, Some(2));
        assert!(
            r.stderr.contains(
                "bomb.docx: not a readable DOCX file: word/document.xml unpacks to more than 512 MiB"
            ),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr
                .contains("liar.docx: not a readable DOCX file: cannot unpack word/document.xml"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.contains(GOOD_FINDING), "{}", r.stdout);
        // A small one built the same way reads, so the bombs are refused for their size.
        std::fs::write(p.join("small.docx"), bomb(1, None)).unwrap();
        let r = run(&p, &["numbers", "small.docx"]);
        assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
    }

    #[test]
    fn a_bad_line_in_a_jsonl_stream_is_an_error_in_its_place() {
        let (_d, p) = folder();
        let mut stdin = Vec::new();
        stdin.extend_from_slice(b"{\"id\": \"a\", \"text\": \"It rose 8.79%.\"}\n");
        stdin.extend_from_slice(b"not json\n");
        stdin.extend_from_slice(b"{\"text\": \"caf\xe9 5%\"}\n");
        stdin.extend_from_slice(b"{\"id\": \"d\"}\n");
        stdin.extend_from_slice(b"{\"id\": \"e\", \"text\": \"And 17%.\"}");
        let r = run_with(
            &p,
            &["numbers", "--input", "jsonl", "--format", "jsonl"],
            Some((stdin, 1)),
            Duration::from_secs(60),
        );
        assert_eq!(r.code, Some(2));
        let lines: Vec<serde_json::Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let paths: Vec<_> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
        assert_eq!(paths, ["a", "<stdin>:2", "<stdin>:3", "<stdin>:4", "e"]);
        assert_eq!(
            lines[1]["error"],
            "<stdin>:2:2: invalid JSON: expected ident"
        );
        assert_eq!(
            lines[2]["error"],
            "<stdin>:3:14: not valid UTF-8 (byte 0xe9)"
        );
        assert_eq!(
            lines[3]["error"],
            "<stdin>:4: expected an object with a string \"text\""
        );
        assert_eq!(lines[4]["numbers"][0]["text"], "17%");
    }

    #[test]
    fn a_jsonl_line_over_the_limit_is_passed_over_and_the_stream_goes_on() {
        let (_d, p) = folder();
        let mut stdin = format!("{{\"text\": \"{}\"}}\n", "9 ".repeat(600_000)).into_bytes();
        stdin.extend_from_slice(b"{\"id\": \"b\", \"text\": \"And 17%.\"}\n");
        let r = run_with(
            &p,
            &[
                "numbers",
                "--input",
                "jsonl",
                "--format",
                "jsonl",
                "--max-size",
                "1M",
            ],
            Some((stdin, 1)),
            Duration::from_secs(60),
        );
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        let lines: Vec<serde_json::Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{}", r.stdout);
        assert_eq!(
            lines[0]["error"],
            "<stdin>:1: line longer than the input limit of 1048576 bytes (--max-size); passed over"
        );
        assert_eq!(lines[1]["path"], "b");
        assert_eq!(lines[1]["numbers"][0]["text"], "17%");
    }

    #[test]
    fn an_input_over_the_time_limit_is_an_error_and_not_half_checked() {
        let (_d, p) = folder();
        let long = "Sales rose 10% to 110 from 100. ".repeat(30_000);
        std::fs::write(p.join("long.txt"), &long).unwrap();
        let r = run(
            &p,
            &[
                "check",
                "--format",
                "line",
                "--timeout",
                "0.005",
                "long.txt",
            ],
        );
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(
            r.stderr.contains(
                "long.txt: not checked: its rules took longer than the --timeout of 0.005 s"
            ),
            "{}",
            r.stderr
        );
        assert!(!r.stdout.contains("long.txt:"), "{}", r.stdout);
        // Without a limit (0) it is checked to its end.
        let r = run(
            &p,
            &[
                "check",
                "--all",
                "--format",
                "line",
                "--timeout",
                "0",
                "long.txt",
            ],
        );
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert_eq!(r.stdout.matches(":change:ok:").count(), 30_000);
    }

    #[test]
    fn a_directory_is_walked_and_the_others_go_on() {
        let (_d, p) = folder();
        std::fs::create_dir(p.join("folder")).unwrap();
        std::fs::write(
            p.join("folder/inner.txt"),
            "Sales rose 50% from 100 to 120.\n",
        )
        .unwrap();
        let r = run(&p, &["check", "--format", "line", "folder", "good.txt"]);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(r.stdout.contains("inner.txt:1:"), "{}", r.stdout);
        assert!(r.stdout.contains(GOOD_FINDING), "{}", r.stdout);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_read_like_a_file() {
        let (_d, p) = folder();
        let fifo = p.join("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let writer = std::thread::spawn(move || {
            // Opening blocks until recount opens the other end.
            let mut f = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            f.write_all(GOOD.as_bytes()).unwrap();
        });
        let r = run_with(
            &p,
            &["check", "--format", "line", "pipe.txt"],
            None,
            Duration::from_secs(30),
        );
        writer.join().unwrap();
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(
            r.stdout
                .contains("pipe.txt:1:33:part-of-whole:mismatch: 10 ÷ 40 = 25%"),
            "{}",
            r.stdout
        );
    }

    #[test]
    fn a_reader_that_closes_the_pipe_ends_the_run_quietly() {
        let (_d, p) = folder();
        std::fs::write(p.join("many.txt"), GOOD.repeat(20_000)).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
            .args(["check", "--format", "line", "many.txt"])
            .current_dir(&p)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -1`: read one line, then close the pipe.
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        out.read_exact(&mut first).unwrap();
        drop(out);
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "still running");
            std::thread::sleep(Duration::from_millis(10));
        };
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(err, "");
        assert_eq!(status.code(), Some(0));
        assert!(String::from_utf8_lossy(&first).starts_with("many.txt:1:33:"));
    }
}
