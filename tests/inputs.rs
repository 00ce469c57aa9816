//! Inputs through the command line: PDFs that the tests write, and bad inputs among good ones.
//! A bad input gets one clear error naming it, the exit code is 2, and the inputs before and
//! after it are still read.

#[path = "support/pdf.rs"]
mod pdf_writer;

use pdf_writer::{page, pdf};
use std::path::Path;
use std::process::{Command, Output};

fn recount(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("recount runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A report of three income figures that do not add up, over two pages, with a number that
/// the line breaks in two ("4,5-" / "20") and the total broken after its separator ("7," / "960").
fn budget_pdf() -> Vec<u8> {
    let one = page(&[
        "According to its annual report, the harbour board took in 4,5-",
        "20 dollars in fees, 2,130 dollars in rents and 1,040 dollars in fines, for a total of 7,",
        "960 dollars.",
    ]);
    let two = page(&["On the second page, 15% of it", "went on repairs."]);
    pdf(&[&one, &two])
}

#[test]
fn a_pdf_reports_page_and_line_with_broken_numbers_mended() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("budget.pdf"), budget_pdf()).unwrap();
    let out = recount(&["numbers", "budget.pdf"], dir.path());
    assert_eq!(text(&out.stderr), "");
    assert!(out.status.success());
    let lines: Vec<String> = text(&out.stdout)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split(" \"").next().unwrap_or(l).to_string())
        .collect();
    assert_eq!(
        lines,
        [
            "budget.pdf#page=1:2:1: money 4520 USD",
            "budget.pdf#page=1:2:24: money 2130 USD",
            "budget.pdf#page=1:2:51: money 1040 USD",
            "budget.pdf#page=1:3:1: money 7960 USD",
            "budget.pdf#page=2:1:8: ordinal 2",
            "budget.pdf#page=2:1:21: percent 15 %",
        ]
    );
    // The sum is checked, and its finding points at the page and line of the stated total.
    let out = recount(&["check", "--format", "line", "budget.pdf"], dir.path());
    let report = text(&out.stdout);
    assert!(
        report.starts_with("budget.pdf#page=1:3:1:sum:mismatch:"),
        "{report}"
    );
    assert_eq!(out.status.code(), Some(1), "{report}");
}

#[test]
fn poppler_reads_the_test_pdfs_as_recount_does() {
    // The writer's files are real PDFs: pdftotext (scripts/setup.sh installs it) gives the
    // same words on the same lines of each page as recount's reader, but for the mended numbers.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("budget.pdf");
    std::fs::write(&file, budget_pdf()).unwrap();
    let poppler = Command::new("pdftotext")
        .args(["-layout", "budget.pdf", "-"])
        .current_dir(dir.path())
        .output()
        .expect("pdftotext is installed (scripts/setup.sh)");
    let words = |t: &str| -> Vec<Vec<String>> {
        t.split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.split_whitespace().map(str::to_string).collect())
            .collect()
    };
    let doc = recount::source::read(file.to_str().unwrap(), None).unwrap();
    let ours = words(&doc.text);
    let theirs = words(&text(&poppler.stdout));
    assert_eq!(ours.len(), 2);
    assert_eq!(ours[1], theirs[1]);
    assert_eq!(
        ours[0]
            .join(" ")
            .replace("4,520", "4,5- 20")
            .replace("7,960", "7, 960"),
        theirs[0].join(" ")
    );
}

/// A folder with `a.md` and `z.txt`, good inputs around whatever `bad` adds; the numbers
/// recount reads in it, and what it says on standard error.
fn among_good_ones(bad: impl FnOnce(&Path)) -> (Output, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("a.md"), "Turnout was 61%.\n").unwrap();
    std::fs::write(d.join("z.txt"), "It cost 12 dollars.\n").unwrap();
    bad(&d);
    let out = recount(&["numbers", "in"], dir.path());
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stdout.starts_with("in/a.md:1:13: percent 61 %"), "{stdout}");
    assert!(stdout.contains("in/z.txt:1:9: money 12 USD"), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "one error: {stderr}");
    (out, stdout, stderr)
}

/// A small Word document, zipped as Word does.
fn docx() -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).unwrap();
    let body = "<w:p><w:r><w:t>Sales rose by 7% to 300 units.</w:t></w:r></w:p>".repeat(40);
    write!(
        zip,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
    .unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

#[test]
fn a_truncated_docx() {
    let (_, _, err) = among_good_ones(|d| {
        let whole = docx();
        std::fs::write(d.join("m.docx"), &whole[..whole.len() / 2]).unwrap();
    });
    assert!(
        err.starts_with("recount: in/m.docx: not a readable DOCX file: "),
        "{err}"
    );
}

#[test]
fn a_corrupt_docx() {
    let (_, _, err) = among_good_ones(|d| {
        let mut bytes = docx();
        // The compressed document, overwritten in its middle.
        let mid = bytes.len() / 3;
        bytes[mid..mid + 40].fill(0x55);
        std::fs::write(d.join("m.docx"), bytes).unwrap();
    });
    assert!(
        err.starts_with("recount: in/m.docx: not a readable DOCX file: "),
        "{err}"
    );
}

#[test]
fn a_truncated_pdf() {
    let (_, _, err) = among_good_ones(|d| {
        let whole = budget_pdf();
        std::fs::write(d.join("m.pdf"), &whole[..whole.len() / 2]).unwrap();
    });
    assert!(
        err.starts_with("recount: in/m.pdf: not a readable PDF file: "),
        "{err}"
    );
}

#[test]
fn a_corrupt_pdf() {
    let (_, _, err) = among_good_ones(|d| {
        std::fs::write(d.join("m.pdf"), b"%PDF-1.7\n\x00\x9f garbage, no objects").unwrap();
    });
    assert!(
        err.starts_with("recount: in/m.pdf: not a readable PDF file: "),
        "{err}"
    );
}

#[test]
fn a_file_that_is_no_pdf_named_pdf() {
    let (_, _, err) = among_good_ones(|d| {
        std::fs::write(d.join("m.pdf"), docx()).unwrap();
    });
    assert_eq!(
        err,
        "recount: in/m.pdf: not a readable PDF file: it does not start with %PDF-, so it is no PDF\n"
    );
}

#[test]
fn an_html_file_of_100_megabytes() {
    let (_, _, err) = among_good_ones(|d| {
        let f = std::fs::File::create(d.join("m.html")).unwrap();
        f.set_len(100 << 20).unwrap();
    });
    assert_eq!(
        err,
        "recount: in/m.html: 100 MiB is more than the 32 MiB that recount reads of one input; \
         split it, or give its parts as JSON Lines (--input jsonl), or raise --max-size\n"
    );
}

#[test]
fn a_binary_file_given_as_text() {
    let (_, _, err) = among_good_ones(|d| {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        std::fs::write(d.join("m.txt"), bytes).unwrap();
    });
    assert_eq!(
        err,
        "recount: in/m.txt: a binary file, not text (a NUL byte at byte 0); \
         name its format with --from if it is one recount reads\n"
    );
}

#[test]
fn a_folder_with_an_unreadable_file() {
    let (_, _, err) = among_good_ones(|d| {
        // A link to nothing: unreadable for any user, root too.
        std::os::unix::fs::symlink("nowhere.md", d.join("m.md")).unwrap();
    });
    assert!(err.starts_with("recount: in/m.md: cannot read: "), "{err}");
    assert!(err.contains("No such file or directory"), "{err}");
}

#[test]
fn a_symlink_loop() {
    let (_, _, err) = among_good_ones(|d| {
        std::fs::create_dir(d.join("m")).unwrap();
        std::os::unix::fs::symlink("..", d.join("m/up")).unwrap();
    });
    assert!(
        err.starts_with("recount: in/m/up: a symbolic link loop: it leads back to in"),
        "{err}"
    );
}

/// What recount writes to a terminal (a pseudo-terminal that `script` gives it) while it reads
/// `dir`, its output sent to /dev/null.
fn on_a_terminal(dir: &Path, args: &str) -> String {
    let command = format!(
        "{} numbers {args} in >/dev/null",
        env!("CARGO_BIN_EXE_recount")
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir)
        .output()
        .expect("script (util-linux) runs");
    text(&out.stdout)
}

/// Makes `path` a named pipe whose writer, once a reader opens it, waits `hold` before it
/// writes `body` and closes: an input that keeps a run going that long in any build. The
/// writer is not waited for (it waits for a reader that a failing run may never be).
fn slow_pipe(path: &Path, body: &'static str, hold: std::time::Duration) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let path = path.to_owned();
    std::thread::spawn(move || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        std::thread::sleep(hold);
        f.write_all(body.as_bytes()).unwrap();
    });
}

#[test]
fn a_progress_bar_shows_on_a_terminal_for_a_long_run_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    let body = "In 2019 the 14 districts spent 3.2 million euros, 12% more than the 2.86 million of 2018.\n";
    for i in 0..16 {
        std::fs::write(d.join(format!("{i:02}.txt")), body.repeat(100)).unwrap();
    }
    // A first input that takes longer than the half second before a bar shows, then the
    // folder's files, after each of which the bar is drawn.
    let hold = std::time::Duration::from_millis(800);
    let slow = dir.path().join("slow.txt");
    slow_pipe(&slow, body, hold);
    let shown = on_a_terminal(dir.path(), "-j1 slow.txt");
    assert!(shown.contains("read") || shown.contains("B/s"), "{shown:?}");
    std::fs::remove_file(&slow).unwrap();
    slow_pipe(&slow, body, hold);
    assert_eq!(on_a_terminal(dir.path(), "-j1 --quiet slow.txt"), "");
    // Not a terminal: nothing on standard error.
    std::fs::remove_file(&slow).unwrap();
    slow_pipe(&slow, body, hold);
    let out = recount(&["numbers", "-j1", "slow.txt", "in"], dir.path());
    assert_eq!(text(&out.stderr), "");
    assert!(out.status.success());
}
