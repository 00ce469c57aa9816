//! The `recount` command line: parses arguments, calls the library, prints, sets the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use recount::locale::Setting;
use recount::report::numbers as nr;
use recount::source::{self, Encoding};
use std::io::Write;
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
    /// Find the numeric claims in the inputs, re-derive each, and report what doesn't add up.
    Check(CheckArgs),
    /// Check the claims of claim files (YAML), and that their quotes still stand in the article.
    Verify(VerifyArgs),
    /// Write a claim file from what check finds in an article (to standard output or --output).
    Draft(DraftArgs),
    /// List the rules.
    Rules,
    /// Explain one rule.
    Rule {
        /// The rule's id, e.g. share-of-share.
        id: String,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Also show `ok` and `unverifiable` findings.
    #[arg(long)]
    all: bool,
    /// Exit with 1 when a finding is at least this bad.
    #[arg(long, value_enum, default_value_t = FailOn::Mismatch)]
    fail_on: FailOn,
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// Claim files to check (see the schema in src/claims/file.rs).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also show `ok` and `unverifiable` claims.
    #[arg(long)]
    all: bool,
    /// Exit with 1 when a claim is at least this bad (a stale quote counts as a mismatch).
    #[arg(long, value_enum, default_value_t = FailOn::Mismatch)]
    fail_on: FailOn,
}

#[derive(clap::Args)]
struct DraftArgs {
    /// The article to draft claims for.
    path: String,
    /// Write the claim file here (refusing to replace one) instead of to standard output; its
    /// `article:` is then relative to it.
    #[arg(long, short)]
    output: Option<String>,
    /// How to read digit grouping and decimal marks.
    #[arg(long, default_value = "auto", value_parser = parse_locale)]
    locale: Setting,
    /// Decode the article from this encoding instead of UTF-8.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Mismatch,
    Imprecise,
    Never,
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
    /// Read the inputs as txt, md, html or docx instead of by their extension.
    #[arg(long, value_parser = parse_from)]
    from: Option<source::Format>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Jsonl,
    /// SARIF 2.1.0 (check and verify).
    Sarif,
    /// path:line:col:rule:verdict: message (check and verify).
    Line,
    /// GitHub Actions annotations (check and verify).
    Github,
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

fn parse_from(s: &str) -> Result<source::Format, String> {
    s.parse().map_err(|e: source::SourceError| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Numbers(args) => numbers(&args),
        Command::Check(args) => check(&args),
        Command::Verify(args) => verify(&args),
        Command::Draft(args) => draft(&args),
        Command::Rules => rules(),
        Command::Rule { id } => rule(&id),
    };
    match result {
        Ok(code) => code,
        // A reader that closed the pipe (`| head`) wanted no more: stop quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("recount: {e}");
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
        .map(|p| {
            source::read_as(p, args.encoding, args.from).map_err(|e| (p.clone(), e.to_string()))
        })
        .collect()
}

/// Reads standard input as JSON Lines: {"text": …, "id": …} a line, one input a line.
fn jsonl_inputs() -> Vec<Input> {
    use source::jsonl;
    let mut out = Vec::new();
    for line in jsonl::Lines::new(std::io::stdin().lock()) {
        match line {
            Ok(l) => out.push(jsonl::record(&l)),
            Err(e) => {
                let path = "<stdin>".to_string();
                let msg = format!("{path}: cannot read: {e}");
                out.push(Err((path, msg)));
                break;
            }
        }
    }
    out
}

/// Whether standard output gets colour: a terminal, and NO_COLOR unset.
fn color() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `recount check`.
fn check(args: &CheckArgs) -> std::io::Result<ExitCode> {
    use recount::check::Verdict;
    use recount::report::check as cr;
    for id in args.select.iter().chain(&args.ignore) {
        if recount::claims::rule(id).is_none() {
            let known: Vec<_> = recount::claims::RULES.iter().map(|r| r.id).collect();
            eprintln!(
                "recount: unknown rule \"{id}\" (known: {})",
                known.join(", ")
            );
            return Ok(ExitCode::from(2));
        }
    }
    let selected = |id: &str| {
        (args.select.is_empty() || args.select.iter().any(|s| s == id))
            && !args.ignore.iter().any(|s| s == id)
    };
    let shown = |v: Verdict| args.all || matches!(v, Verdict::Mismatch | Verdict::Imprecise);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut total = cr::Summary::default();
    let mut files = Vec::new();
    let mut count = 0;
    let color = color();
    for input in inputs(&args.inputs) {
        let doc = match input {
            Ok(doc) => doc,
            Err((path, msg)) => {
                failed = true;
                eprintln!("recount: {msg}");
                if args.inputs.format == Format::Jsonl {
                    serde_json::to_writer(
                        &mut out,
                        &nr::FileError {
                            path: &path,
                            error: msg,
                        },
                    )?;
                    out.write_all(b"\n")?;
                }
                continue;
            }
        };
        count += 1;
        let outcomes = recount::check_document(&doc, args.inputs.locale, selected);
        let file = cr::file_out(&doc.path, &doc.text, &outcomes, shown);
        total.add(file.summary);
        match args.inputs.format {
            Format::Human => {
                out.write_all(cr::human(&doc.path, &doc.text, &outcomes, shown, color).as_bytes())?
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &file)?;
                out.write_all(b"\n")?;
            }
            Format::Line => out.write_all(cr::line(&file).as_bytes())?,
            Format::Github => out.write_all(cr::github(&file).as_bytes())?,
            Format::Json | Format::Sarif => files.push(file),
        }
    }
    let summary = cr::summary_line(total, count);
    finish(&mut out, args.inputs.format, &files, &summary)?;
    Ok(exit_code(failed, args.fail_on, total, 0))
}

/// Writes what comes after the files' findings: the summary line (human), the collected files
/// (json, sarif), or nothing (the other formats wrote a line a file or finding already).
fn finish(
    out: &mut impl Write,
    format: Format,
    files: &[recount::report::check::FileOut],
    summary: &str,
) -> std::io::Result<()> {
    match format {
        Format::Human => writeln!(out, "{summary}")?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "files": files }))?;
            out.write_all(b"\n")?;
        }
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &recount::report::sarif::log(files))?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl | Format::Line | Format::Github => {}
    }
    out.flush()
}

/// 2 when an input could not be read, 1 when a finding (or `stale` quote) reaches `fail_on`,
/// else 0.
fn exit_code(
    failed: bool,
    fail_on: FailOn,
    total: recount::report::check::Summary,
    stale: usize,
) -> ExitCode {
    let bad = match fail_on {
        FailOn::Mismatch => total.mismatch + stale > 0,
        FailOn::Imprecise => total.mismatch + total.imprecise + stale > 0,
        FailOn::Never => false,
    };
    if failed {
        ExitCode::from(2)
    } else if bad {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `recount verify`.
fn verify(args: &VerifyArgs) -> std::io::Result<ExitCode> {
    use recount::check::Verdict;
    use recount::report::check as cr;
    use recount::report::verify as vr;
    let shown = |v: Verdict| args.all || matches!(v, Verdict::Mismatch | Verdict::Imprecise);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut total = cr::Summary::default();
    let (mut stale, mut twice) = (0, 0);
    let mut files = Vec::new();
    let mut count = 0;
    let color = color();
    for path in &args.paths {
        let v = match recount::claims::file::verify_path(path) {
            Ok(v) => v,
            Err(f) => {
                failed = true;
                // Errors go to standard error, rendered for a person in every format.
                out.flush()?;
                eprint!("{}", vr::failed_human(&f, false, "recount: "));
                if args.format == Format::Jsonl {
                    for e in &f.errors {
                        serde_json::to_writer(
                            &mut out,
                            &nr::FileError {
                                path,
                                error: e.to_string(),
                            },
                        )?;
                        out.write_all(b"\n")?;
                    }
                }
                continue;
            }
        };
        count += 1;
        let (s, t) = vr::quote_counts(&v);
        stale += s;
        twice += t;
        let file = vr::file_out(&v, shown);
        total.add(file.summary);
        match args.format {
            Format::Human => out.write_all(vr::human(&v, shown, color).as_bytes())?,
            Format::Line => out.write_all(vr::line(&file).as_bytes())?,
            Format::Github => out.write_all(vr::github(&file).as_bytes())?,
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &file)?;
                out.write_all(b"\n")?;
            }
            Format::Json | Format::Sarif => files.push(file),
        }
    }
    let summary = vr::summary_line(total, count, stale, twice);
    finish(&mut out, args.format, &files, &summary)?;
    Ok(exit_code(failed, args.fail_on, total, stale))
}

/// `recount draft`.
fn draft(args: &DraftArgs) -> std::io::Result<ExitCode> {
    let doc = match source::read(&args.path, args.encoding) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("recount: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let article_ref = match &args.output {
        Some(o) => recount::claims::draft::relative_to(std::path::Path::new(o), &args.path),
        None => args.path.clone(),
    };
    let yaml = recount::claims::draft::draft(&doc, &article_ref, args.locale);
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(yaml.as_bytes())?;
            out.flush()?;
        }
        Some(o) => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(o);
            match file {
                Ok(mut f) => f.write_all(yaml.as_bytes())?,
                Err(e) => {
                    eprintln!("recount: {o}: cannot write: {e}");
                    return Ok(ExitCode::from(2));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `recount rules`.
fn rules() -> std::io::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for r in recount::claims::RULES {
        writeln!(out, "{:<16} {}", r.id, r.summary)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `recount rule ID`.
fn rule(id: &str) -> std::io::Result<ExitCode> {
    match recount::claims::rule(id) {
        Some(r) => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "# {}\n\n{}\n\n{}", r.id, r.summary, r.doc)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let known: Vec<_> = recount::claims::RULES.iter().map(|r| r.id).collect();
            eprintln!(
                "recount: unknown rule \"{id}\" (known: {})",
                known.join(", ")
            );
            Ok(ExitCode::from(2))
        }
    }
}

/// `recount numbers`.
fn numbers(args: &Inputs) -> std::io::Result<ExitCode> {
    if matches!(args.format, Format::Sarif | Format::Line | Format::Github) {
        eprintln!(
            "recount: --format sarif, line and github report findings of check; numbers takes human, json or jsonl"
        );
        return Ok(ExitCode::from(2));
    }
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
                    _ => files.push(serde_json::to_value(nr::file_out(
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
                    _ => files.push(serde_json::to_value(err)?),
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
