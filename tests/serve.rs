//! `recount serve` on loopback, driven by Python's http.client (tests/serve/load.py): 1,000
//! requests from 50 concurrent clients without an error and without growing memory, a 25 MB
//! body refused with 413, bodies of random bytes answered without a 5xx.

#[path = "support/serve.rs"]
mod support;

use std::process::Command;
use support::serve;

#[test]
fn under_load_and_bad_bodies() {
    let s = serve();
    let out = Command::new("python3")
        .args([
            "tests/serve/load.py",
            &s.port.to_string(),
            &s.child.id().to_string(),
            "../shared/examples/minneapolis-2026.txt",
        ])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the script's JSON");
    eprintln!("{r}");
    assert_eq!(r["warmup_errors"], serde_json::json!([]));
    assert_eq!(r["requests"], 1000);
    assert_eq!(r["clients"], 50);
    assert_eq!(r["error_count"], 0, "{}", r["errors"]);
    let before = r["rss_before_kib"].as_i64().expect("rss");
    let after = r["rss_after_kib"].as_i64().expect("rss");
    assert!(before > 0);
    // No growth beyond noise: 1,000 requests that each leaked a copy of the 14 kB article
    // and its results would add far more than this.
    assert!(
        after - before < 8 * 1024,
        "memory grew from {before} to {after} KiB"
    );
    assert_eq!(r["big_status"], 413);
    assert_eq!(r["big_chunked_status"], 413);
    assert!(
        r["big_error"]
            .as_str()
            .is_some_and(|e| e.contains("larger than 20 MB")),
        "{}",
        r["big_error"]
    );
    let statuses = r["random_statuses"].as_object().expect("statuses");
    assert!(
        statuses.keys().all(|k| k == "200" || k == "400"),
        "{statuses:?}"
    );
    assert_eq!(r["after"], serde_json::Value::Null);
}

/// A dropped PDF reaches the page as its bytes, and its statistics are checked.
#[test]
fn a_pdf_is_checked_from_its_bytes() {
    use std::io::{Read, Write};
    let s = serve();
    let pdf = std::fs::read("tests/fixtures/formats/sleep-study.pdf").expect("the fixture");
    let mut c = std::net::TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
    write!(
        c,
        "POST /api/check?name=paper.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        pdf.len()
    )
    .expect("request head");
    c.write_all(&pdf).expect("request body");
    let mut reply = String::new();
    c.read_to_string(&mut reply).expect("reply");
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let body = &reply[reply.find("\r\n\r\n").expect("a body") + 4..];
    let r: serde_json::Value = serde_json::from_str(body).expect("JSON");
    let findings = r["check"]["findings"].as_array().expect("findings");
    let rules: Vec<&str> = findings
        .iter()
        .filter(|f| f["verdict"] == "mismatch")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    // The decision error of χ2(2, N = 120) = 4.10 and the mean 5.19 of 28 whole numbers.
    assert_eq!(rules, ["p-value", "grim"], "{body}");
}
