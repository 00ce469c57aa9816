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
    /// Find the numeric claims in the inputs, re-derive each, and report what doesn't add up.
    Check(CheckArgs),
    /// Check the claims of claim files (YAML), and that their quotes still stand in the article.
    Verify(VerifyArgs),
    /// Write a claim file from what check finds in an article (to standard output or --output).
    Draft(DraftArgs),
    /// List the rules.
    Rules,
    /// Print the settings in force for a file (or the current folder): its recount.toml or
    /// .recount.toml, found upward from it, with the overrides that match it.
    Config(ConfigArgs),
    /// Serve a page on 127.0.0.1 where text is pasted or a file dropped and checked, and the
    /// JSON API it uses (documented in src/serve/mod.rs).
    Serve {
        /// The port to listen on; 0 picks a free one (printed on standard output).
        #[arg(long, default_value_t = 7890)]
        port: u16,
    },
    /// Run a language server on standard input and output: findings as diagnostics in
    /// Markdown, text, HTML and LaTeX buffers, with code actions and hover (src/lsp/mod.rs).
    Lsp,
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
    /// Exit with 1 when a finding is at least this bad [default: mismatch, or the
    /// configuration's fail-on].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit with 0 even when findings reach --fail-on (2 still when an input or a configuration
    /// cannot be read).
    #[arg(long)]
    exit_zero: bool,
    /// Set a rule's setting, RULE.KEY=VALUE (e.g. p-value.alpha=0.01, grim.items=3); repeatable.
    /// `recount rule ID` lists a rule's settings.
    #[arg(long = "set", value_name = "RULE.KEY=VALUE")]
    set: Vec<String>,
    #[command(flatten)]
    config: ConfigChoice,
}

/// Which configuration file applies.
#[derive(clap::Args)]
struct ConfigChoice {
    /// Use this configuration file for every input instead of the recount.toml or .recount.toml
    /// found upward from each.
    #[arg(long, value_name = "PATH")]
    config: Option<String>,
    /// Read no configuration file.
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
}

#[derive(clap::Args)]
struct ConfigArgs {
    /// The file (or folder) whose settings to print; the current folder when none.
    path: Option<String>,
    #[command(flatten)]
    config: ConfigChoice,
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
    /// How to read digit grouping and decimal marks [default: auto, or the configuration's
    /// locale].
    #[arg(long, value_parser = parse_locale)]
    locale: Option<Setting>,
    /// Read standard input as JSON Lines of {"text": …, "id": …}; one output line per input line.
    #[arg(long, value_enum, default_value_t = InputMode::Text)]
    input: InputMode,
    /// Decode the inputs from this encoding (a WHATWG label such as windows-1252) instead of UTF-8.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
    /// Read the inputs as txt, md, html, docx or pdf instead of by their extension.
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
        Command::Config(args) => config(&args),
        Command::Serve { port } => serve(port),
        Command::Lsp => match recount::lsp::run() {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => {
                eprintln!("recount lsp: {e}");
                Ok(ExitCode::from(2))
            }
        },
        Command::Rule { id } => rule(&id),
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
        .map(|p| {
            source::read_as(p, args.encoding, args.from).map_err(|e| (p.clone(), e.to_string()))
        })
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
            Some(t) => out.push(Ok(source::Document::new(&id, t.to_string()))),
            None => {
                let msg = format!("{path}: expected an object with a string \"text\"");
                out.push(Err((path, msg)));
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
    let mut resolver = match recount::config::Resolver::new(
        args.config.config.as_deref().map(std::path::Path::new),
        args.config.isolated,
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("recount: {e}");
            return Ok(ExitCode::from(2));
        }
    };
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
    let mut rule_settings = recount::claims::settings::Settings::default();
    for spec in &args.set {
        if let Err(e) = rule_settings.set(spec) {
            eprintln!("recount: --set {e}");
            return Ok(ExitCode::from(2));
        }
    }
    let shown = |v: Verdict| args.all || matches!(v, Verdict::Mismatch | Verdict::Imprecise);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut bad = false;
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
        let settings = match resolver.settings_for(&doc.path) {
            Ok(s) => recount::config::Settings {
                rules: rule_settings.clone(),
                ..cli_settings(s, args)
            },
            Err(e) => {
                failed = true;
                eprintln!("recount: {e}");
                continue;
            }
        };
        count += 1;
        let outcomes = settings.check(&doc);
        let file = cr::file_out(&doc.path, &doc.text, &outcomes, shown);
        total.add(file.summary);
        bad |= settings.fail_on.reached(file.summary);
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
    Ok(if failed {
        ExitCode::from(2)
    } else if bad && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A configuration's settings with the command line's options laid over them.
fn cli_settings(mut s: recount::config::Settings, args: &CheckArgs) -> recount::config::Settings {
    use recount::config::FailOn as F;
    if !args.select.is_empty() {
        s.select = Some(args.select.clone());
    }
    for id in &args.ignore {
        if !s.ignore.contains(id) {
            s.ignore.push(id.clone());
        }
    }
    if let Some(l) = args.inputs.locale {
        s.locale = l.name().to_string();
    }
    if let Some(f) = args.fail_on {
        s.fail_on = match f {
            FailOn::Mismatch => F::Mismatch,
            FailOn::Imprecise => F::Imprecise,
            FailOn::Never => F::Never,
        };
    }
    s
}

/// `recount serve`.
fn serve(port: u16) -> std::io::Result<ExitCode> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    let limits = recount::serve::Limits::default();
    let server = match recount::serve::Server::bind(port, limits, workers) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("recount: cannot listen on 127.0.0.1:{port}: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "recount serve: listening on http://{}/",
        server.addr()?
    )?;
    out.flush()?;
    drop(out);
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

/// `recount config`.
fn config(args: &ConfigArgs) -> std::io::Result<ExitCode> {
    let path = args.path.clone().unwrap_or_else(|| "-".to_string());
    // A folder's settings are those of a file in it.
    let path = if std::path::Path::new(&path).is_dir() {
        std::path::Path::new(&path).join("-").display().to_string()
    } else {
        path
    };
    let settings = recount::config::Resolver::new(
        args.config.config.as_deref().map(std::path::Path::new),
        args.config.isolated,
    )
    .and_then(|mut r| r.settings_for(&path));
    match settings {
        Ok(s) => {
            let mut out = std::io::stdout().lock();
            out.write_all(s.to_toml().as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("recount: {e}");
            Ok(ExitCode::from(2))
        }
    }
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
                let r = recount::recognize(&doc.text, args.locale.unwrap_or_default());
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
