//! The `recount` command line: parses arguments, calls the library, prints, sets the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use recount::locale::Setting;
use recount::report::numbers as nr;
use recount::source::{self, Encoding};
use std::io::{BufRead, Write};
use std::process::ExitCode;

/// Finds the numbers and numeric claims in a text and checks the arithmetic it states.
#[derive(Parser)]
#[command(name = "recount", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every number in the inputs with its value, kind, unit, precision and span.
    Numbers(Inputs),
}

#[derive(clap::Args)]
struct Inputs {
    /// Files to read; "-" or none reads standard input.
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// How to read digit grouping and decimal marks.
    #[arg(long, default_value = "auto", value_parser = parse_locale)]
    locale: Setting,
    /// Read standard input as JSON Lines of {"text": …, "id": …}; one output line per input line.
    #[arg(long, value_enum, default_value_t = InputMode::Text)]
    input: InputMode,
    /// Decode the inputs from this encoding (a WHATWG label such as windows-1252) instead of UTF-8.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputMode {
    Text,
    Jsonl,
}

fn parse_locale(s: &str) -> Result<Setting, String> {
    Setting::parse(s).ok_or_else(|| format!("expected one of {}", Setting::NAMES.join(", ")))
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    Encoding::for_label(s).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Numbers(args) => numbers(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (e.g. `| head`) is not an error worth a message.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("recount: {e}");
            }
            ExitCode::from(2)
        }
    }
}

/// One input: its path (or id) and text, or why it could not be read.
type Input = Result<source::Document, (String, String)>;

/// Reads the inputs the arguments name.
fn inputs(args: &Inputs) -> Vec<Input> {
    if args.input == InputMode::Jsonl {
        return jsonl_inputs();
    }
    let paths = if args.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        args.paths.clone()
    };
    paths
        .iter()
        .map(|p| source::read(p, args.encoding).map_err(|e| (p.clone(), e.to_string())))
        .collect()
}

/// Reads standard input as JSON Lines: {"text": …, "id": …} a line.
fn jsonl_inputs() -> Vec<Input> {
    let stdin = std::io::stdin();
    let mut out = Vec::new();
    for (n, line) in stdin.lock().lines().enumerate() {
        let path = format!("<stdin>:{}", n + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                let msg = format!("{path}: cannot read: {e}");
                out.push(Err((path, msg)));
                break;
            }
        };
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                let what = e.to_string();
                let what = what.split(" at line ").next().unwrap_or_default();
                let msg = format!("{path}:{}: invalid JSON: {what}", e.column());
                out.push(Err((path, msg)));
                continue;
            }
        };
        let id = match v.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => path.clone(),
            Some(other) => other.to_string(),
        };
        match v.get("text").and_then(|t| t.as_str()) {
            Some(t) => out.push(Ok(source::Document {
                path: id,
                text: t.to_string(),
            })),
            None => {
                let msg = format!("{path}: expected an object with a string \"text\"");
                out.push(Err((path, msg)));
            }
        }
    }
    out
}

/// `recount numbers`.
fn numbers(args: &Inputs) -> std::io::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut files = Vec::new();
    for input in inputs(args) {
        match input {
            Ok(doc) => {
                let r = recount::recognize(&doc.text, args.locale);
                match args.format {
                    Format::Human => {
                        out.write_all(nr::human(&doc.path, &doc.text, &r).as_bytes())?
                    }
                    Format::Jsonl => {
                        serde_json::to_writer(&mut out, &nr::file_out(&doc.path, &doc.text, &r))?;
                        out.write_all(b"\n")?;
                    }
                    Format::Json => files.push(serde_json::to_value(nr::file_out(
                        &doc.path, &doc.text, &r,
                    ))?),
                }
            }
            Err((path, msg)) => {
                failed = true;
                eprintln!("recount: {msg}");
                let err = nr::FileError {
                    path: &path,
                    error: msg.clone(),
                };
                match args.format {
                    Format::Human => {}
                    Format::Jsonl => {
                        serde_json::to_writer(&mut out, &err)?;
                        out.write_all(b"\n")?;
                    }
                    Format::Json => files.push(serde_json::to_value(err)?),
                }
            }
        }
    }
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "files": files }))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
