//! Configuration: `recount.toml` or `.recount.toml`, found by walking up from each input's
//! folder (the nearest file wins; `.recount.toml` before `recount.toml` in one folder), as
//! ruff finds its `ruff.toml`.
//!
//! ```toml
//! select = ["share-of-share", "change"]   # only these rules (default: all)
//! ignore = ["weekday"]                     # skip these
//! locale = "auto"                          # as --locale
//! fail-on = "mismatch"                     # as --fail-on: mismatch, imprecise or never
//! tolerance = "0.5%"                       # widen every stated result by this share of it
//!
//! [hedges]                                 # how far a hedge reaches, as a share of the value
//! about = "10%"                            # "about 45%": ±10% of 45%
//! just = "5%"                              # "just under 20%": [19%, 20%)
//!
//! [[overrides]]                            # for the files these globs match (relative to
//! paths = ["drafts/**", "**/*.de.md"]      # this file's folder), later tables winning
//! locale = "de"
//! ignore = ["sum"]
//! ```
//!
//! Shares are written as percentages ("10%") or fractions (0.1). Command-line options win over
//! the file: `--select` replaces `select`, `--ignore` adds to `ignore`, `--locale` and
//! `--fail-on` replace theirs. An unknown key, a value of the wrong type, an unknown rule or
//! locale is an error at its line and column, naming the nearest known key.

use crate::check::{self, Hedges, Outcome, Stated};
use crate::locale::Setting;
use crate::report::LineIndex;
use crate::source::Document;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The names a configuration file may have, in the order they are tried in one folder.
pub const FILE_NAMES: [&str; 2] = [".recount.toml", "recount.toml"];

const TOP_KEYS: &[&str] = &[
    "select",
    "ignore",
    "locale",
    "fail-on",
    "tolerance",
    "hedges",
    "overrides",
];
const OVERRIDE_KEYS: &[&str] = &[
    "paths",
    "select",
    "ignore",
    "locale",
    "fail-on",
    "tolerance",
    "hedges",
];
const HEDGE_KEYS: &[&str] = &["about", "just"];

/// When `check` exits with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    #[default]
    Mismatch,
    Imprecise,
    Never,
}

impl FailOn {
    pub const NAMES: [&'static str; 3] = ["mismatch", "imprecise", "never"];

    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "mismatch" => Some(FailOn::Mismatch),
            "imprecise" => Some(FailOn::Imprecise),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FailOn::Mismatch => "mismatch",
            FailOn::Imprecise => "imprecise",
            FailOn::Never => "never",
        }
    }

    /// Whether findings counted in `s` reach this level.
    pub fn reached(self, s: crate::report::check::Summary) -> bool {
        match self {
            FailOn::Mismatch => s.mismatch > 0,
            FailOn::Imprecise => s.mismatch + s.imprecise > 0,
            FailOn::Never => false,
        }
    }
}

/// A configuration file that cannot be used, at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// What one table of a configuration file sets; `None` leaves the setting as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub locale: Option<String>,
    pub fail_on: Option<FailOn>,
    pub tolerance: Option<Decimal>,
    pub about: Option<Decimal>,
    pub just: Option<Decimal>,
}

/// The settings in force for one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `None`: every rule.
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub locale: String,
    pub fail_on: FailOn,
    /// A share of each stated result by which what it allows is widened on either side.
    pub tolerance: Decimal,
    pub hedges: Hedges,
    /// The configuration file they come from, if any.
    pub file: Option<PathBuf>,
    /// The `paths` of the overrides that matched the input.
    pub overrides: Vec<String>,
    /// The rules' own settings (`--set RULE.KEY=VALUE`).
    pub rules: crate::claims::settings::Settings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            select: None,
            ignore: Vec::new(),
            locale: "auto".to_string(),
            fail_on: FailOn::Mismatch,
            tolerance: Decimal::ZERO,
            hedges: Hedges::default(),
            file: None,
            overrides: Vec::new(),
            rules: crate::claims::settings::Settings::default(),
        }
    }
}

impl Settings {
    /// These settings with `o` laid over them.
    pub fn apply(&mut self, o: &Options) {
        if let Some(s) = &o.select {
            self.select = Some(s.clone());
        }
        if let Some(i) = &o.ignore {
            for id in i {
                if !self.ignore.contains(id) {
                    self.ignore.push(id.clone());
                }
            }
        }
        if let Some(l) = &o.locale {
            self.locale = l.clone();
        }
        if let Some(f) = o.fail_on {
            self.fail_on = f;
        }
        if let Some(t) = o.tolerance {
            self.tolerance = t;
        }
        if let Some(a) = o.about {
            self.hedges.about = a;
        }
        if let Some(j) = o.just {
            self.hedges.just = j;
        }
    }

    /// Whether rule `id` runs.
    pub fn selects(&self, id: &str) -> bool {
        self.select
            .as_ref()
            .is_none_or(|s| s.iter().any(|x| x == id))
            && !self.ignore.iter().any(|x| x == id)
    }

    /// The locale setting (`auto` when the name is not one).
    pub fn locale_setting(&self) -> Setting {
        Setting::parse(&self.locale).unwrap_or_default()
    }

    /// Checks `doc` under these settings: the selected rules, the document's inline
    /// suppressions, and the configured hedge widths and tolerance.
    pub fn check(&self, doc: &Document) -> Vec<Outcome> {
        let r = crate::recognize_for(&doc.text, self.locale_setting(), |id| self.selects(id));
        self.check_recognized(doc, &r)
    }

    /// [`Settings::check`] within a time limit: `Err` with the limit when the rules had not
    /// read the whole document by then (its findings would be incomplete).
    pub fn check_within(
        &self,
        doc: &Document,
        limit: Option<std::time::Duration>,
    ) -> Result<Vec<Outcome>, std::time::Duration> {
        let start = std::time::Instant::now();
        let r = crate::recognize_for(&doc.text, self.locale_setting(), |id| self.selects(id));
        let mut d =
            crate::claims::Doc::from_recognition(&doc.text, r).with_settings(self.rules.clone());
        if let Some(l) = limit {
            d = d.with_deadline(start + l);
        }
        let outcomes = self.finish(doc, &d);
        match limit {
            Some(l) if d.expired() => Err(l),
            _ => Ok(outcomes),
        }
    }

    /// [`Settings::check`] on the numbers `r` recognized in `doc` under these settings' locale.
    pub fn check_recognized(&self, doc: &Document, r: &crate::Recognition) -> Vec<Outcome> {
        let d = crate::claims::Doc::new(&doc.text, r).with_settings(self.rules.clone());
        self.finish(doc, &d)
    }

    /// The findings of the selected rules in `d` (read from `doc`), without those its
    /// suppressions turn off, under the configured hedges and tolerance.
    fn finish(&self, doc: &Document, d: &crate::claims::Doc<'_>) -> Vec<Outcome> {
        let mut outcomes = crate::claims::find(d, |id| self.selects(id));
        outcomes.sort_by_key(|o| !crate::check::stats::is_decision_error(o));
        outcomes.retain(|o| {
            let at = o.claim.stated.span.start;
            !doc.suppressions.iter().any(|s| s.covers(o.claim.rule, at))
        });
        if self.hedges != Hedges::default() || !self.tolerance.is_zero() {
            for o in &mut outcomes {
                self.rewiden(o, &doc.text, &d.quantities);
            }
        }
        outcomes
    }

    /// Re-checks `o` with the stated result read under these hedges and widened by the
    /// tolerance.
    fn rewiden(&self, o: &mut Outcome, text: &str, quantities: &[crate::quantity::Quantity]) {
        let stated = &o.claim.stated;
        let mut target = quantities
            .iter()
            .find(|q| q.span == stated.span)
            .and_then(|q| Stated::from_quantity_with(text, q, self.hedges))
            .filter(|s| s.value == stated.value && s.percent == stated.percent)
            .map_or(stated.target, |s| s.target);
        let w = stated.value.abs() * self.tolerance;
        if let Some((lo, _)) = &mut target.lo {
            *lo -= w;
        }
        if let Some((hi, _)) = &mut target.hi {
            *hi += w;
        }
        if target == stated.target {
            return;
        }
        let mut claim = o.claim.clone();
        claim.stated.target = target;
        let again = check::check(claim);
        o.claim.stated.target = target;
        if again.verdict != o.verdict {
            o.verdict = again.verdict;
            o.message = again.message;
            o.exact = again.exact;
            o.range = again.range;
        }
    }

    /// The settings as a configuration file that sets them all.
    pub fn to_toml(&self) -> String {
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|s| quote(s)).collect();
            format!("[{}]", items.join(", "))
        };
        let mut out = String::new();
        match &self.file {
            Some(f) => out.push_str(&format!("# from {}\n", shown(f))),
            None => out.push_str("# no configuration file: the defaults\n"),
        }
        for o in &self.overrides {
            out.push_str(&format!("# override for {o}\n"));
        }
        match &self.select {
            Some(s) => out.push_str(&format!("select = {}\n", list(s))),
            None => {
                let all: Vec<String> = crate::claims::RULES
                    .iter()
                    .map(|r| r.id.to_string())
                    .collect();
                out.push_str(&format!("select = {}\n", list(&all)));
            }
        }
        out.push_str(&format!("ignore = {}\n", list(&self.ignore)));
        out.push_str(&format!("locale = {}\n", quote(&self.locale)));
        out.push_str(&format!("fail-on = {}\n", quote(self.fail_on.name())));
        out.push_str(&format!(
            "tolerance = {}\n",
            quote(&percent(self.tolerance))
        ));
        out.push_str("\n[hedges]\n");
        out.push_str(&format!("about = {}\n", quote(&percent(self.hedges.about))));
        out.push_str(&format!("just = {}\n", quote(&percent(self.hedges.just))));
        out
    }
}

/// `path` relative to the current folder when it is inside it.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn percent(v: Decimal) -> String {
    format!("{}%", (v * Decimal::ONE_HUNDRED).normalize())
}

/// One override table: the globs it applies to and what it sets.
#[derive(Debug, Clone)]
struct Override {
    paths: Vec<String>,
    globs: globset::GlobSet,
    options: Options,
}

/// A parsed configuration file.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: PathBuf,
    base: Options,
    overrides: Vec<Override>,
}

impl ConfigFile {
    /// Reads and checks the configuration file at `path`.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: shown(path),
            line: 1,
            column: 1,
            message: format!("cannot read: {e}"),
        })?;
        ConfigFile::parse(path, &text)
    }

    /// Parses `text`, the contents of the configuration file at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
        let p = Parser {
            path: shown(path),
            text,
            lines: LineIndex::new(text),
        };
        let table = DeTable::parse(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            p.error(at, format!("invalid TOML: {}", e.message().trim()))
        })?;
        let table = table.get_ref();
        p.known_keys(table, TOP_KEYS, "")?;
        let base = p.options(table, "")?;
        let mut overrides = Vec::new();
        if let Some(v) = get(table, "overrides") {
            let DeValue::Array(items) = v.get_ref() else {
                return Err(p.error(
                    v.span().start,
                    "overrides: expected an array of tables ([[overrides]])".into(),
                ));
            };
            for item in items.iter() {
                let DeValue::Table(t) = item.get_ref() else {
                    return Err(p.error(
                        item.span().start,
                        "overrides: expected a table ([[overrides]])".into(),
                    ));
                };
                p.known_keys(t, OVERRIDE_KEYS, "overrides.")?;
                let Some(pv) = get(t, "paths") else {
                    return Err(p.error(
                        item.span().start,
                        "overrides: expected `paths`, the globs the override is for".into(),
                    ));
                };
                let paths = p.strings(pv, "overrides.paths")?;
                let mut b = globset::GlobSetBuilder::new();
                for (g, at) in &paths {
                    let glob = globset::GlobBuilder::new(g)
                        .literal_separator(true)
                        .build()
                        .map_err(|e| p.error(*at, format!("overrides.paths: {e}")))?;
                    b.add(glob);
                }
                let globs = b
                    .build()
                    .map_err(|e| p.error(pv.span().start, format!("overrides.paths: {e}")))?;
                overrides.push(Override {
                    paths: paths.into_iter().map(|(g, _)| g).collect(),
                    globs,
                    options: p.options(t, "overrides.")?,
                });
            }
        }
        Ok(ConfigFile {
            path: path.to_path_buf(),
            base,
            overrides,
        })
    }

    /// The settings for the input at `input` (an absolute path, or the folder of standard
    /// input).
    pub fn settings_for(&self, input: &Path) -> Settings {
        let mut s = Settings {
            file: Some(self.path.clone()),
            ..Settings::default()
        };
        s.apply(&self.base);
        let dir = self.path.parent().unwrap_or(Path::new(""));
        let rel = input.strip_prefix(dir).unwrap_or(input);
        for o in &self.overrides {
            if o.globs.is_match(rel) {
                s.apply(&o.options);
                s.overrides.push(o.paths.join(", "));
            }
        }
        s
    }
}

fn get<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    t.iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

struct Parser<'t> {
    path: String,
    text: &'t str,
    lines: LineIndex,
}

impl Parser<'_> {
    fn error(&self, at: usize, message: String) -> ConfigError {
        let (line, column) = self.lines.line_col(self.text, at.min(self.text.len()));
        ConfigError {
            path: self.path.clone(),
            line,
            column,
            message,
        }
    }

    fn known_keys(&self, t: &DeTable<'_>, known: &[&str], prefix: &str) -> Result<(), ConfigError> {
        for (k, _) in t.iter() {
            let name = k.get_ref().as_ref();
            if !known.contains(&name) {
                return Err(self.error(
                    k.span().start,
                    format!(
                        "unknown key `{prefix}{name}`; the nearest known key is `{prefix}{}` (known: {})",
                        nearest(name, known),
                        known.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    fn strings(
        &self,
        v: &Spanned<DeValue<'_>>,
        key: &str,
    ) -> Result<Vec<(String, usize)>, ConfigError> {
        let DeValue::Array(items) = v.get_ref() else {
            return Err(self.error(
                v.span().start,
                format!("{key}: expected an array of strings"),
            ));
        };
        items
            .iter()
            .map(|i| match i.get_ref() {
                DeValue::String(s) => Ok((s.to_string(), i.span().start)),
                _ => Err(self.error(i.span().start, format!("{key}: expected a string"))),
            })
            .collect()
    }

    fn rules(
        &self,
        t: &DeTable<'_>,
        key: &str,
        prefix: &str,
    ) -> Result<Option<Vec<String>>, ConfigError> {
        let Some(v) = get(t, key) else {
            return Ok(None);
        };
        let mut out = Vec::new();
        for (id, at) in self.strings(v, &format!("{prefix}{key}"))? {
            if crate::claims::rule(&id).is_none() {
                let known: Vec<&str> = crate::claims::RULES.iter().map(|r| r.id).collect();
                return Err(self.error(
                    at,
                    format!(
                        "{prefix}{key}: unknown rule \"{id}\"; the nearest is \"{}\" (`recount rules` lists them)",
                        nearest(&id, &known)
                    ),
                ));
            }
            out.push(id);
        }
        Ok(Some(out))
    }

    fn string(
        &self,
        t: &DeTable<'_>,
        key: &str,
        prefix: &str,
    ) -> Result<Option<(String, usize)>, ConfigError> {
        match get(t, key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::String(s) => Ok(Some((s.to_string(), v.span().start))),
                _ => Err(self.error(v.span().start, format!("{prefix}{key}: expected a string"))),
            },
        }
    }

    /// A share: "10%", "0.1" or 0.1, from 0 up to 1.
    fn share(
        &self,
        t: &DeTable<'_>,
        key: &str,
        prefix: &str,
    ) -> Result<Option<Decimal>, ConfigError> {
        let Some(v) = get(t, key) else {
            return Ok(None);
        };
        let at = v.span().start;
        let bad = || {
            self.error(
                at,
                format!("{prefix}{key}: expected a share such as \"10%\" or 0.1, from 0% to 100%"),
            )
        };
        let parsed = match v.get_ref() {
            DeValue::String(s) => {
                let s = s.trim();
                match s.strip_suffix('%') {
                    Some(p) => Decimal::from_str(p.trim())
                        .ok()
                        .map(|d| d / Decimal::ONE_HUNDRED),
                    None => Decimal::from_str(s).ok(),
                }
            }
            DeValue::Float(f) => Decimal::from_str(&f.as_str().replace('_', "")).ok(),
            DeValue::Integer(i) => Decimal::from_str(&i.as_str().replace('_', "")).ok(),
            _ => None,
        };
        match parsed {
            Some(d) if d >= Decimal::ZERO && d <= Decimal::ONE => Ok(Some(d)),
            _ => Err(bad()),
        }
    }

    fn options(&self, t: &DeTable<'_>, prefix: &str) -> Result<Options, ConfigError> {
        let mut o = Options {
            select: self.rules(t, "select", prefix)?,
            ignore: self.rules(t, "ignore", prefix)?,
            tolerance: self.share(t, "tolerance", prefix)?,
            ..Options::default()
        };
        if let Some((l, at)) = self.string(t, "locale", prefix)? {
            if Setting::parse(&l).is_none() {
                return Err(self.error(
                    at,
                    format!(
                        "{prefix}locale: unknown locale \"{l}\" (expected one of {})",
                        Setting::NAMES.join(", ")
                    ),
                ));
            }
            o.locale = Some(l);
        }
        if let Some((f, at)) = self.string(t, "fail-on", prefix)? {
            o.fail_on = Some(FailOn::parse(&f).ok_or_else(|| {
                self.error(
                    at,
                    format!(
                        "{prefix}fail-on: expected one of {}, not \"{f}\"",
                        FailOn::NAMES.join(", ")
                    ),
                )
            })?);
        }
        if let Some(h) = get(t, "hedges") {
            let DeValue::Table(ht) = h.get_ref() else {
                return Err(self.error(
                    h.span().start,
                    format!("{prefix}hedges: expected a table with `about` and `just`"),
                ));
            };
            let hp = format!("{prefix}hedges.");
            self.known_keys(ht, HEDGE_KEYS, &hp)?;
            o.about = self.share(ht, "about", &hp)?;
            o.just = self.share(ht, "just", &hp)?;
        }
        Ok(o)
    }
}

/// The known key nearest to `name` by edit distance.
fn nearest<'k>(name: &str, known: &[&'k str]) -> &'k str {
    known
        .iter()
        .min_by_key(|k| strsim::damerau_levenshtein(name, k))
        .copied()
        .unwrap_or_default()
}

/// The configuration file nearest to `dir`: in it or in a folder above.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// Finds and caches the configuration for each input.
#[derive(Debug, Default)]
pub struct Resolver {
    /// A file named on the command line, used for every input.
    explicit: Option<Arc<ConfigFile>>,
    /// No configuration files at all.
    isolated: bool,
    cache: HashMap<PathBuf, Option<Arc<ConfigFile>>>,
}

impl Resolver {
    /// A resolver that discovers files, or uses `explicit` for every input, or (`isolated`)
    /// none.
    pub fn new(explicit: Option<&Path>, isolated: bool) -> Result<Resolver, ConfigError> {
        let explicit = match explicit {
            Some(p) if !isolated => Some(Arc::new(ConfigFile::load(p)?)),
            _ => None,
        };
        Ok(Resolver {
            explicit,
            isolated,
            cache: HashMap::new(),
        })
    }

    /// The settings for the input at `path` as given ("-" for standard input: the current
    /// folder's configuration).
    pub fn settings_for(&mut self, path: &str) -> Result<Settings, ConfigError> {
        if self.isolated {
            return Ok(Settings::default());
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = if path == "-" || path.starts_with("<stdin>") {
            cwd.join("-")
        } else {
            cwd.join(path)
        };
        if let Some(c) = &self.explicit {
            return Ok(c.settings_for(&abs));
        }
        let dir = abs.parent().unwrap_or(&cwd).to_path_buf();
        let file = match self.cache.get(&dir) {
            Some(f) => f.clone(),
            None => {
                let f = match discover(&dir) {
                    Some(p) => Some(Arc::new(ConfigFile::load(&p)?)),
                    None => None,
                };
                self.cache.insert(dir, f.clone());
                f
            }
        };
        Ok(file.map_or_else(Settings::default, |c| c.settings_for(&abs)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile, ConfigError> {
        ConfigFile::parse(Path::new("/p/recount.toml"), text)
    }

    #[test]
    fn an_unknown_key_names_the_nearest_known_one_at_its_place() {
        let e = parse("locale = \"de\"\nselcet = [\"change\"]\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("`selcet`"), "{e}");
        assert!(e.message.contains("nearest known key is `select`"), "{e}");
        let e = parse("[hedges]\nabuot = 0.2\n").unwrap_err();
        assert!(e.message.contains("`hedges.about`"), "{e}");
        let e = parse("[[overrides]]\npaths = [\"a/*\"]\nfail_on = \"never\"\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("`overrides.fail-on`"), "{e}");
    }

    #[test]
    fn values_of_the_wrong_kind_are_errors_at_their_place() {
        let e = parse("ignore = [\"change\", \"sums\"]\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 21));
        assert!(e.message.contains("\"sum\""), "{e}");
        let e = parse("tolerance = \"150%\"").unwrap_err();
        assert!(e.message.contains("tolerance"), "{e}");
        let e = parse("locale = \"xx-YY\"").unwrap_err();
        assert!(e.message.contains("unknown locale"), "{e}");
        let e = parse("fail-on = \"always\"").unwrap_err();
        assert!(e.message.contains("mismatch, imprecise, never"), "{e}");
        let e = parse("select = [").unwrap_err();
        assert!(e.message.starts_with("invalid TOML"), "{e}");
    }

    #[test]
    fn overrides_apply_to_the_paths_they_match_in_order() {
        let c = parse(
            "ignore = [\"sum\"]\ntolerance = 0.01\n[hedges]\nabout = \"20%\"\n\
             [[overrides]]\npaths = [\"drafts/**\"]\nlocale = \"de\"\nignore = [\"change\"]\n\
             [[overrides]]\npaths = [\"drafts/final/*.md\"]\nfail-on = \"never\"\n",
        )
        .unwrap();
        let s = c.settings_for(Path::new("/p/a.md"));
        assert_eq!(s.locale, "auto");
        assert_eq!(s.ignore, ["sum"]);
        assert_eq!(s.hedges.about, Decimal::new(2, 1));
        assert_eq!(s.tolerance, Decimal::new(1, 2));
        let s = c.settings_for(Path::new("/p/drafts/final/b.md"));
        assert_eq!(s.locale, "de");
        assert_eq!(s.ignore, ["sum", "change"]);
        assert_eq!(s.fail_on, FailOn::Never);
        assert!(!s.selects("change") && s.selects("part-of-whole"));
        let s = c.settings_for(Path::new("/p/drafts/x/b.md"));
        assert_eq!(s.fail_on, FailOn::Mismatch);
        // The globs are relative to the file's folder.
        let s = c.settings_for(Path::new("/q/drafts/b.md"));
        assert_eq!(s.locale, "auto");
    }

    #[test]
    fn hedge_widths_and_tolerance_change_verdicts() {
        use crate::check::Verdict::{Imprecise, Mismatch, Ok};
        let verdicts = |text: &str, s: &Settings| -> Vec<_> {
            let doc = Document::new("t.txt", text.to_string());
            s.check(&doc).iter().map(|o| o.verdict).collect()
        };
        let with = |about: i64, just: i64, tolerance: i64| {
            let mut s = Settings::default();
            s.hedges.about = Decimal::new(about, 2);
            s.hedges.just = Decimal::new(just, 2);
            s.tolerance = Decimal::new(tolerance, 2);
            s
        };
        let about = "The towns of Avon (120.000) and Brill (80.000) together make up about 21% of the county population (1.05 million).";
        assert_eq!(verdicts(about, &with(10, 5, 0)), [Ok]);
        assert_eq!(verdicts(about, &with(5, 5, 0)), [Imprecise]);
        assert_eq!(verdicts(about, &with(0, 5, 0)), [Mismatch]);
        let just = "The towns of Avon (120.000) and Brill (80.000) together make up just under 20% of the county population (1.05 million).";
        assert_eq!(verdicts(just, &with(10, 5, 0)), [Ok]);
        assert_eq!(verdicts(just, &with(10, 1, 0)), [Imprecise]);
        let plain = "While 60% of 40% is not much (it's 25% total), it counts.";
        assert_eq!(verdicts(plain, &with(10, 5, 0)), [Imprecise]);
        assert_eq!(verdicts(plain, &with(10, 5, 5)), [Ok]);
    }

    #[test]
    fn the_nearest_file_wins_and_settings_print_as_toml() {
        let root = tempfile::tempdir().unwrap();
        let sub = root.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(root.path().join("recount.toml"), "locale = \"de\"\n").unwrap();
        std::fs::write(root.path().join("a/.recount.toml"), "fail-on = \"never\"\n").unwrap();
        assert_eq!(discover(&sub), Some(root.path().join("a/.recount.toml")));
        assert_eq!(
            discover(root.path()),
            Some(root.path().join("recount.toml"))
        );
        let c = ConfigFile::load(&root.path().join("a/.recount.toml")).unwrap();
        let s = c.settings_for(&sub.join("x.md"));
        // No merging with the file further up, as in ruff.
        assert_eq!(s.locale, "auto");
        let t = s.to_toml();
        assert!(t.contains("fail-on = \"never\"\n"), "{t}");
        assert!(t.contains("about = \"10%\"\n"), "{t}");
        // What it prints reads back as the same settings.
        let back = ConfigFile::parse(Path::new("/x/recount.toml"), &t)
            .unwrap()
            .settings_for(Path::new("/x/y.md"));
        assert_eq!((back.fail_on, back.hedges), (s.fail_on, s.hedges));
    }
}
