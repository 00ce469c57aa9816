//! PDF through poppler's `pdftotext`: the text of every page in reading order, a form feed
//! after each page (see the module doc of [`crate::source`]).
//!
//! `pdftotext` (package poppler-utils) is run on the file's bytes, which it reads from
//! standard input, and its UTF-8 output is the document's text: lines are `pdftotext`'s
//! lines, and byte offsets and columns are counted on that text, not in the PDF. One repair
//! follows: typographic ligatures (U+FB00–U+FB06, "ﬁ" in "signiﬁcant") become their letters,
//! so that words read as written. Other damage that PDF conversion does to numbers and
//! statistics ("F(l, 76)", "?2" for χ2, a lost minus sign) is undone where it is read, by the
//! rules that read such notation.

use super::SourceError;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// The program that turns a PDF into text.
const PROGRAM: &str = "pdftotext";

/// The text of the PDF file `bytes` read from `path`.
pub(super) fn text(path: &str, bytes: &[u8]) -> Result<String, SourceError> {
    let fail = |reason: String| SourceError::Pdf {
        path: path.to_string(),
        reason,
    };
    let mut child = Command::new(PROGRAM)
        .args(["-enc", "UTF-8", "-eol", "unix", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => fail(format!(
                "reading PDF needs {PROGRAM} (poppler-utils), which is not on PATH; install it \
                 (apt-get install poppler-utils) or give the text instead"
            )),
            _ => fail(format!("cannot run {PROGRAM}: {e}")),
        })?;
    // The input is written from another thread so that a large output cannot block it.
    let mut stdin = child.stdin.take();
    let (out, err) = std::thread::scope(|s| {
        s.spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                // A write error means pdftotext stopped reading; its exit status says why.
                let _ = stdin.write_all(bytes);
            }
        });
        let mut out = Vec::new();
        let mut err = String::new();
        let read_out = child.stdout.take().map(|mut o| o.read_to_end(&mut out));
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        (read_out.map(|r| r.map(|_| out)), err)
    });
    let status = child
        .wait()
        .map_err(|e| fail(format!("{PROGRAM} did not finish: {e}")))?;
    if !status.success() {
        // The last message is the one that made it stop; warnings come before it.
        let why = err
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .unwrap_or("no reason given");
        return Err(fail(format!("{PROGRAM} could not read it: {why}")));
    }
    let out = match out {
        Some(Ok(out)) => out,
        Some(Err(e)) => return Err(fail(format!("cannot read {PROGRAM}'s output: {e}"))),
        None => Vec::new(),
    };
    let text = String::from_utf8(out)
        .map_err(|e| fail(format!("{PROGRAM} wrote text that is not UTF-8 ({e})")))?;
    Ok(unligate(&text))
}

/// `text` with each typographic ligature replaced by the letters it joins.
pub(super) fn unligate(text: &str) -> String {
    if !text.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_become_letters() {
        assert_eq!(
            unligate("a signi\u{FB01}cant e\u{FB00}ect, \u{FB02}at, o\u{FB03}ce, ba\u{FB04}e"),
            "a significant effect, flat, office, baffle"
        );
        assert_eq!(unligate("t(28) = 2.20, p = .03"), "t(28) = 2.20, p = .03");
    }
}
