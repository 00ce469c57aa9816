//! `recount serve --port 0` for the tests that talk to it: started, its address read from
//! the line it prints, and killed when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A running `recount serve` and the port it listens on.
pub struct Serving {
    pub child: Child,
    pub port: u16,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `recount serve --port 0` and waits for the address it prints.
pub fn serve() -> Serving {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start recount serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address line");
    assert!(
        line.starts_with("recount serve: listening on http://127.0.0.1:"),
        "{line:?}"
    );
    let port = line
        .trim()
        .strip_suffix('/')
        .and_then(|l| l.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    Serving { child, port }
}
