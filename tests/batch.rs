//! Many inputs at once through the command line: folders, threads, JSON Lines batches and bad
//! inputs among good ones. Inputs are made in a temporary folder at test time.

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs recount with `args` (and `stdin`), giving (exit code, stdout, stderr).
fn recount(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recount");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        // Written from a thread, so that output can flow while input is still going in.
        std::thread::spawn(move || std::io::Write::write_all(&mut pipe, &input));
    }
    let out = child.wait_with_output().expect("recount ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

/// The paths of a JSON Lines report, one a line.
fn paths(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["path"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

/// A folder of articles of different lengths, so that threads finish them out of order.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..24 {
        let reps = if i % 5 == 0 { 400 } else { 1 + i };
        let text = format!(
            "In {}, of the 100 members, 40 voted yes, or 40%.\n",
            1990 + i
        )
        .repeat(reps);
        write(d, &format!("a{i:02}.md"), &text);
    }
    write(
        d,
        "sub/z.txt",
        "Sales rose from 50 to 60, an increase of 25%.\n",
    );
    write(d, "sub/image.png", [0x89u8, b'P', b'N', b'G', 0, 0]);
    write(d, ".drafts/x.md", "1 of 4 is 50%.\n");
    write(d, "skip/y.md", "1 of 4 is 50%.\n");
    write(d, ".gitignore", "skip/\n");
    dir
}

#[test]
fn a_folder_is_walked_and_reported_in_name_order_whatever_the_threads() {
    let dir = folder();
    let root = dir.path().to_str().unwrap();
    let (code, one, err) = recount(&["numbers", "--format", "jsonl", "-j", "1", root], None);
    assert_eq!((code, err.as_str()), (0, ""));
    let mut expect: Vec<String> = (0..24).map(|i| format!("{root}/a{i:02}.md")).collect();
    expect.push(format!("{root}/sub/z.txt"));
    assert_eq!(paths(&one), expect);
    for threads in ["2", "4", "0"] {
        let (code, many, _) = recount(&["numbers", "--format", "jsonl", "-j", threads, root], None);
        assert_eq!(code, 0);
        assert_eq!(many, one, "--threads {threads}");
    }
    // check: the same order; the one mismatch is in sub/z.txt (50 to 60 is 20%).
    let (code, out, _) = recount(&["check", "--format", "line", "-j", "2", root], None);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].starts_with(&format!("{root}/sub/z.txt:1:")),
        "{out}"
    );
}

#[test]
fn globs_pick_the_files_of_a_folder() {
    let dir = folder();
    let root = dir.path().to_str().unwrap();
    let (code, out, _) = recount(
        &["numbers", "--format", "jsonl", "--glob", "*.txt", root],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(paths(&out), [format!("{root}/sub/z.txt")]);
    let (_, out, _) = recount(
        &[
            "numbers", "--format", "jsonl", "-g", "!a1*", "--hidden", root,
        ],
        None,
    );
    let got = paths(&out);
    assert_eq!(got[0], format!("{root}/.drafts/x.md"));
    assert!(!got.iter().any(|p| p.contains("/a1")), "{got:?}");
    assert!(got.iter().any(|p| p.ends_with("/a20.md")));
    let (code, _, err) = recount(&["numbers", "--glob", "a[", root], None);
    assert_eq!(code, 2);
    assert!(err.starts_with("recount: invalid --glob \"a[\""), "{err}");
}

#[test]
fn json_streams_one_array_of_the_files_in_order() {
    let dir = folder();
    let root = dir.path().to_str().unwrap();
    let (_, lines, _) = recount(&["check", "--all", "--format", "jsonl", root], None);
    let (code, json, _) = recount(
        &["check", "--all", "--format", "json", "-j", "2", root],
        None,
    );
    assert_eq!(code, 1);
    let whole: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    let from_lines: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(whole["files"], serde_json::Value::Array(from_lines));
    // It is what pretty-printing the whole document gives.
    assert_eq!(json, serde_json::to_string_pretty(&whole).unwrap() + "\n");
    let (_, sarif, _) = recount(&["check", "--format", "sarif", root], None);
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("a SARIF log");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("sub/z.txt")
    );
}

#[test]
fn json_lines_batches_keep_their_order_and_a_bad_line_is_an_error_in_its_place() {
    let mut input = String::new();
    for i in 0..6000 {
        match i {
            2500 => input.push_str("{\"text\": \"unterminated\n"),
            4000 => input.push('\n'),
            _ => input.push_str(&format!(
                "{{\"id\": \"r{i}\", \"text\": \"{} of {} is {}%.\"}}\n",
                i % 7,
                7,
                i % 100
            )),
        }
    }
    let args = ["numbers", "--input", "jsonl", "--format", "jsonl"];
    let (code, one, err) = recount(&[&args[..], &["-j", "1"]].concat(), Some(input.as_bytes()));
    assert_eq!(code, 2);
    let got = paths(&one);
    assert_eq!(got.len(), 6000);
    assert_eq!(got[0], "r0");
    assert_eq!(got[2500], "<stdin>:2501");
    assert_eq!(got[4000], "<stdin>:4001");
    assert_eq!(got[5999], "r5999");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "recount: <stdin>:2501:22: invalid JSON: EOF while parsing a string",
            "recount: <stdin>:4001:1: invalid JSON: EOF while parsing a value"
        ]
    );
    let (_, two, _) = recount(&[&args[..], &["-j", "2"]].concat(), Some(input.as_bytes()));
    assert_eq!(two, one);
}

#[test]
fn bad_inputs_are_errors_of_their_own_and_every_other_input_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a-good.md",
        "Sales rose from 50 to 60, an increase of 25%.\n",
    );
    // A DOCX cut short: the zip's directory is at its end.
    let docx = truncated_docx();
    write(d, "b-truncated.docx", &docx);
    write(
        d,
        "c-binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00 not text",
    );
    // An HTML page of over 100 MB.
    let row = "<tr><td>Region</td><td>1,234</td><td>5.6%</td></tr>\n";
    let page = row.repeat((100 << 20) / row.len() + 1);
    write(d, "d-huge.html", page.as_bytes());
    drop(page);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere.md", d.join("e-dangling.md")).unwrap();
        std::os::unix::fs::symlink("..", d.join("f-loop")).unwrap();
    }
    write(d, "z-good.txt", "Of 200 members, 50 voted yes, or 40%.\n");
    let root = d.to_str().unwrap();
    let (code, out, err) = recount(&["check", "--format", "line", root], None);
    assert_eq!(code, 2, "{out}\n{err}");
    // Both good files are checked: each has its mismatch.
    let checked: Vec<&str> = out
        .lines()
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        checked,
        [format!("{root}/a-good.md"), format!("{root}/z-good.txt")]
    );
    let err: Vec<&str> = err.lines().collect();
    let expect = [
        "b-truncated.docx: not a readable DOCX file: expected a ZIP archive",
        "c-binary.txt: a binary file, not text (a NUL byte at byte 7)",
        "d-huge.html: 100.0 MiB is more than the 32 MiB that recount reads of one input",
        #[cfg(unix)]
        "e-dangling.md: cannot read: No such file or directory",
        #[cfg(unix)]
        "f-loop: a symbolic link loop: it leads back to",
    ];
    assert_eq!(err.len(), expect.len(), "{err:#?}");
    for (line, e) in err.iter().zip(expect) {
        assert!(line.starts_with(&format!("recount: {root}/{e}")), "{line}");
    }
    // The same in JSON Lines: an error object in each bad input's place.
    let (code, out, _) = recount(&["numbers", "--format", "jsonl", root], None);
    assert_eq!(code, 2);
    let errors: Vec<bool> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["error"].is_string())
        .collect();
    let mut expect = vec![false, true, true, true];
    if cfg!(unix) {
        expect.extend([true, true]);
    }
    expect.push(false);
    assert_eq!(errors, expect);
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_opened_is_an_error_and_the_folder_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", "It rose 5%.\n");
    write(d, "b.txt", "It rose 6%.\n");
    write(d, "sub/c.txt", "It rose 7%.\n");
    let locked = d.join("b.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(d.join("sub"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // Whoever may read it anyway (root) reads it; everyone else gets an error for it.
    let readable = std::fs::read(&locked).is_ok();
    let (code, out, err) = recount(&["numbers", d.to_str().unwrap()], None);
    std::fs::set_permissions(d.join("sub"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(out.contains("a.txt:1:9: percent 5 %"), "{out}");
    if readable {
        assert_eq!(code, 0);
        assert!(out.contains("b.txt:1:9: percent 6 %"));
        assert!(out.contains("c.txt:1:9: percent 7 %"));
    } else {
        assert_eq!(code, 2);
        assert!(
            err.contains("b.txt: cannot read: Permission denied"),
            "{err}"
        );
        assert!(err.contains("sub: cannot read: Permission denied"), "{err}");
    }
}

/// A DOCX whose zip is cut off before its central directory.
fn truncated_docx() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(
        &mut zip,
        br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>5 %</w:t></w:r></w:p></w:body></w:document>"#,
    )
    .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    bytes[..bytes.len() / 2].to_vec()
}
