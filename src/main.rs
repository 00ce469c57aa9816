//! The `recount` command line: parses arguments, calls the library, prints, sets the exit code.

use clap::{Parser, Subcommand, ValueEnum};
use recount::locale::Setting;
use recount::report::numbers as nr;
use recount::source::jsonl as jsonl_input;
use recount::source::{self, Encoding, walk};
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
    /// Give up on an input whose rules take longer than this many seconds (an error for it, the
    /// others go on); 0 for no limit.
    #[arg(long, value_name = "SECONDS", default_value = "60", value_parser = parse_seconds)]
    timeout: Timeout,
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
    /// Files and folders to read; "-" or none reads standard input. A folder is walked for the
    /// files of the formats recount reads, leaving out hidden files and what .gitignore names.
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
    /// In folders, read only the files these globs pick ("*.md"; "!drafts/**" leaves out).
    #[arg(long, short = 'g')]
    glob: Vec<String>,
    /// In folders, also read hidden files and folders.
    #[arg(long)]
    hidden: bool,
    /// In folders, also read what .gitignore and .ignore files leave out.
    #[arg(long)]
    no_ignore: bool,
    /// Threads to read inputs with (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// Refuse inputs larger than this (bytes, or with K, M or G).
    #[arg(long, default_value = "32M", value_parser = parse_size)]
    max_size: u64,
    /// No progress bar (it shows only on a terminal, and only for long runs).
    #[arg(long, short)]
    quiet: bool,
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

/// A time limit, or none.
#[derive(Debug, Clone, Copy)]
struct Timeout(Option<std::time::Duration>);

fn parse_seconds(s: &str) -> Result<Timeout, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| "expected a number of seconds such as 60 or 0.5".to_string())?;
    if !(0.0..=1e9).contains(&secs) {
        return Err("expected a number of seconds from 0 to 1000000000".into());
    }
    Ok(Timeout(
        (secs > 0.0).then(|| std::time::Duration::from_secs_f64(secs)),
    ))
}

fn parse_size(s: &str) -> Result<u64, String> {
    source::parse_size(s).ok_or_else(|| "expected a size such as 64M, 1G or 500000".into())
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
        // A reader that closed the pipe (`| head`) wanted no more: stop quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("recount: {e}");
            ExitCode::from(2)
        }
    }
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
    let format = args.inputs.format;
    let color = color();
    let array = match format {
        Format::Json => Some(recount::report::stream::JsonArray::files()),
        Format::Sarif => Some(recount::report::sarif::stream()),
        _ => None,
    };
    // The configuration of each input, found upward from it; the resolver caches the files it
    // has read, for every thread.
    let resolver = std::sync::Mutex::new(&mut resolver);
    let render = |doc: &source::Document, out: &mut Rendered| -> std::io::Result<()> {
        let found = match resolver.lock() {
            Ok(mut r) => r.settings_for(&doc.path),
            Err(_) => {
                out.failed = true;
                out.errors
                    .push("a configuration could not be read (a bug)".into());
                return Ok(());
            }
        };
        let settings = match found {
            Ok(s) => recount::config::Settings {
                rules: rule_settings.clone(),
                ..cli_settings(s, args)
            },
            Err(e) => {
                // An input whose configuration cannot be read is not checked.
                out.failed = true;
                out.files = out.files.saturating_sub(1);
                out.errors.push(e.to_string());
                return Ok(());
            }
        };
        let outcomes = match settings.check_within(doc, args.timeout.0) {
            Ok(o) => o,
            Err(limit) => {
                out.failed = true;
                out.files = out.files.saturating_sub(1);
                out.errors.push(format!(
                    "{}: not checked: its rules took longer than the --timeout of {} s; split it, or raise the limit",
                    doc.path,
                    limit.as_secs_f64()
                ));
                return Ok(());
            }
        };
        let file = cr::file_out(doc, &outcomes, shown);
        out.summary.add(file.summary);
        out.bad |= settings.fail_on.reached(file.summary);
        match format {
            Format::Human => out
                .items
                .push(cr::human(doc, &outcomes, shown, color).into_bytes()),
            Format::Jsonl => out.items.push(jsonl(&file)?),
            Format::Line => out.items.push(cr::line(&file).into_bytes()),
            Format::Github => out.items.push(cr::github(&file).into_bytes()),
            Format::Json => {
                if let Some(a) = &array {
                    out.items.push(a.render(&file)?);
                }
            }
            Format::Sarif => {
                if let Some(a) = &array {
                    for r in recount::report::sarif::file_results(&file, false) {
                        out.items.push(a.render(&r)?);
                    }
                }
            }
        }
        Ok(())
    };
    let run = run(&args.inputs, array.clone(), render)?;
    if format == Format::Human {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", cr::summary_line(run.summary, run.files))?;
        out.flush()?;
    }
    Ok(if run.failed {
        ExitCode::from(2)
    } else if run.bad && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What reading one job's inputs gave: the output of each (a JSON array's items rendered to
/// stand in the array), the messages for standard error, and the counts.
#[derive(Default)]
struct Rendered {
    items: Vec<Vec<u8>>,
    /// Whether a finding reached the input's `fail-on`.
    bad: bool,
    errors: Vec<String>,
    failed: bool,
    files: usize,
    summary: recount::report::check::Summary,
    bytes: u64,
}

/// A record as one line of JSON, with its line break.
fn jsonl(value: &impl serde::Serialize) -> std::io::Result<Vec<u8>> {
    let mut v = serde_json::to_vec(value)?;
    v.push(b'\n');
    Ok(v)
}

/// What a run of `recount numbers` or `check` gave in all.
struct Run {
    failed: bool,
    bad: bool,
    files: usize,
    summary: recount::report::check::Summary,
}

/// A unit of work: one input named or found, or a chunk of JSON Lines.
enum Job {
    Input(walk::Input),
    Lines(jsonl_input::Chunk),
}

/// Reads the inputs `args` name on a pool of threads, renders each with `render`, and writes
/// the results to standard output in input order as they are done (the items of `array` when
/// given, else the bytes as they are), errors to standard error. Memory is bounded by the
/// budget of work in flight.
fn run(
    args: &Inputs,
    mut array: Option<recount::report::stream::JsonArray>,
    render: impl Fn(&source::Document, &mut Rendered) -> std::io::Result<()> + Sync,
) -> std::io::Result<Run> {
    let threads = if args.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        args.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(std::io::Error::other)?;
    let options = walk::Options {
        globs: args.glob.clone(),
        hidden: args.hidden,
        no_ignore: args.no_ignore,
    };
    let paths = if args.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        args.paths.clone()
    };
    let walked = match walk::inputs(&paths, &options) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("recount: {e}");
            return Ok(Run {
                failed: true,
                bad: false,
                files: 0,
                summary: Default::default(),
            });
        }
    };
    let jobs: Box<dyn Iterator<Item = Job>> = if args.input == InputMode::Jsonl {
        Box::new(
            jsonl_input::chunks(
                std::io::stdin().lock(),
                usize::try_from(args.max_size).unwrap_or(usize::MAX),
            )
            .map(Job::Lines),
        )
    } else {
        Box::new(walked.map(Job::Input))
    };
    let progress = Progress::new(args, &paths);
    let layout = array.clone();
    let one = |doc: Result<source::Document, (String, String)>, out: &mut Rendered| {
        let doc = match doc {
            Ok(doc) => doc,
            Err((path, message)) => {
                out.failed = true;
                out.errors.push(message.clone());
                let err = nr::FileError {
                    path: &path,
                    error: message,
                };
                match (args.format, &layout) {
                    (Format::Jsonl, _) => out.items.push(jsonl(&err)?),
                    (Format::Json, Some(a)) => out.items.push(a.render(&err)?),
                    _ => {}
                }
                return Ok(());
            }
        };
        out.files += 1;
        out.bytes += doc.text.len() as u64;
        render(&doc, out)
    };
    let work = |job: Job| -> Rendered {
        let mut out = Rendered::default();
        let result = match job {
            Job::Input(walk::Input::Error { path, message }) => one(Err((path, message)), &mut out),
            Job::Input(walk::Input::Stdin) => {
                let doc = source::read_limited("-", args.encoding, args.from, args.max_size);
                one(doc.map_err(|e| ("-".into(), e.to_string())), &mut out)
            }
            Job::Input(walk::Input::File { path, .. }) => {
                let doc = source::read_limited(&path, args.encoding, args.from, args.max_size);
                one(doc.map_err(|e| (path.clone(), e.to_string())), &mut out)
            }
            Job::Lines(chunk) => chunk.records().try_for_each(|record| one(record, &mut out)),
        };
        if let Err(e) = result {
            out.failed = true;
            out.errors.push(format!("cannot write a report: {e}"));
        }
        out
    };
    let cost = |job: &Job| match job {
        Job::Input(walk::Input::File { size, .. }) => *size,
        Job::Input(_) => 0,
        Job::Lines(chunk) => chunk.len() as u64,
    };
    // Enough work in flight to keep every thread busy while one input is slow, and a bound on
    // the bytes read but not yet written out.
    let budget = recount::report::stream::Budget {
        jobs: 4 * threads + 2,
        cost: 8 << 20,
    };
    let on_panic = || Rendered {
        failed: true,
        errors: vec!["an input made recount fail (a bug); the others were read".into()],
        ..Rendered::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut total = Run {
        failed: false,
        bad: false,
        files: 0,
        summary: Default::default(),
    };
    let sink = |r: Rendered| -> std::io::Result<()> {
        total.failed |= r.failed;
        total.bad |= r.bad;
        total.files += r.files;
        total.summary.add(r.summary);
        if !r.errors.is_empty() {
            // What was written before an error stands before it.
            out.flush()?;
            progress.suspend(|| {
                for e in &r.errors {
                    eprintln!("recount: {e}");
                }
            });
        }
        for item in &r.items {
            match &mut array {
                Some(a) => a.write_item(&mut out, item)?,
                None => out.write_all(item)?,
            }
        }
        // Each job's output as soon as it is done, for a reader at the other end of a pipe.
        out.flush()?;
        progress.advance(r.bytes);
        Ok(())
    };
    recount::report::stream::ordered(&pool, jobs, cost, budget, work, on_panic, sink)?;
    progress.finish();
    if let Some(a) = &mut array {
        a.finish(&mut out)?;
    }
    out.flush()?;
    Ok(total)
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
    let array = (args.format == Format::Json).then(recount::report::stream::JsonArray::files);
    // Without --locale, each input's locale is its configuration's (recount.toml upward).
    let resolver = match recount::config::Resolver::new(None, args.locale.is_some()) {
        Ok(r) => std::sync::Mutex::new(r),
        Err(e) => {
            eprintln!("recount: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let render = |doc: &source::Document, out: &mut Rendered| -> std::io::Result<()> {
        let locale = match args.locale {
            Some(l) => Ok(l),
            None => match resolver.lock() {
                Ok(mut r) => r
                    .settings_for(&doc.path)
                    .map(|s| s.locale_setting())
                    .map_err(|e| e.to_string()),
                Err(_) => Err("a configuration could not be read (a bug)".to_string()),
            },
        };
        let locale = match locale {
            Ok(l) => l,
            Err(e) => {
                out.failed = true;
                out.files = out.files.saturating_sub(1);
                out.errors.push(e);
                return Ok(());
            }
        };
        let r = recount::recognize(&doc.text, locale);
        match (args.format, &array) {
            (Format::Human, _) => out.items.push(nr::human(doc, &r).into_bytes()),
            (Format::Json, Some(a)) => out.items.push(a.render(&nr::file_out(doc, &r))?),
            _ => out.items.push(nr::jsonl(doc, &r)?),
        }
        Ok(())
    };
    let run = run(args, array.clone(), render)?;
    Ok(if run.failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on standard error: only on a terminal, never under `--quiet`, and only once
/// a run has taken long enough to want one.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    /// How long a run goes before its progress shows.
    const AFTER: std::time::Duration = std::time::Duration::from_millis(500);

    fn new(args: &Inputs, paths: &[String]) -> Progress {
        use std::io::IsTerminal;
        let wanted = !args.quiet && std::io::stderr().is_terminal();
        let bar = wanted.then(|| {
            // The bytes to read, where they are known before the walk: files named.
            let sizes: Option<u64> = (args.input == InputMode::Text)
                .then(|| {
                    paths
                        .iter()
                        .map(|p| {
                            std::fs::metadata(p)
                                .ok()
                                .filter(|m| m.is_file())
                                .map(|m| m.len())
                        })
                        .sum()
                })
                .flatten();
            let bar = indicatif::ProgressBar::with_draw_target(
                sizes,
                indicatif::ProgressDrawTarget::hidden(),
            );
            let style = match sizes {
                Some(_) => "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
                None => "{spinner} {bytes} read, {bytes_per_sec} {elapsed}",
            };
            if let Ok(s) = indicatif::ProgressStyle::with_template(style) {
                bar.set_style(s);
            }
            bar
        });
        Progress {
            bar,
            started: std::time::Instant::now(),
            shown: std::cell::Cell::new(false),
        }
    }

    fn advance(&self, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        bar.inc(bytes);
        if !self.shown.get() && self.started.elapsed() >= Self::AFTER {
            self.shown.set(true);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
