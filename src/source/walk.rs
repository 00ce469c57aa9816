//! Folders: the inputs that a list of paths names, with each folder walked for the files in it.
//!
//! The `ignore` crate walks (the walker of ripgrep): it leaves out what `.gitignore`,
//! `.ignore` and `.git/info/exclude` files name (in a git repository or not) and hidden files
//! and folders, unless asked not to; `--glob` patterns (`*.md`, `!drafts/**`) choose files as
//! ripgrep's do, before those rules (a hidden file that a pattern names is read, but not one
//! inside a folder that is left out). Without a pattern that picks files, a folder gives the files of the formats
//! recount reads ([`KNOWN_EXTENSIONS`]). Entries come in the order of their names, folder by
//! folder, so the inputs (and so the output) are the same from run to run. Symbolic links are
//! followed; a link that leads back to a folder it is in is an error for that link, and the walk
//! goes on. A path named on the command line is read whatever its extension.

use std::path::Path;

/// The extensions of the formats recount reads, which a folder's files are picked by.
pub const KNOWN_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "docx", "pdf",
];

/// How folders are walked.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Glob patterns that pick files (or, with a leading `!`, leave them out).
    pub globs: Vec<String>,
    /// Also read hidden files and folders.
    pub hidden: bool,
    /// Read what ignore files leave out.
    pub no_ignore: bool,
}

/// One input a path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file, with its size in bytes as far as it is known.
    File { path: String, size: u64 },
    /// A path found but not readable as an input (a link loop, a folder that cannot be
    /// listed), with the message that says so.
    Error { path: String, message: String },
}

/// A glob pattern that does not parse.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid --glob \"{glob}\": {reason}")]
pub struct BadGlob {
    pub glob: String,
    pub reason: String,
}

/// The inputs `paths` name ("-" is standard input), folders walked, lazily and in order.
pub fn inputs<'p>(
    paths: &'p [String],
    options: &'p Options,
) -> Result<impl Iterator<Item = Input> + 'p, BadGlob> {
    // Parse the patterns once up front, so that a bad one is an error before anything is read.
    overrides(Path::new("."), &options.globs)?;
    Ok(paths
        .iter()
        .flat_map(move |p| -> Box<dyn Iterator<Item = Input>> {
            if p == "-" {
                return Box::new(std::iter::once(Input::Stdin));
            }
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => Box::new(walk(p, options)),
                Ok(m) => Box::new(std::iter::once(Input::File {
                    path: p.clone(),
                    size: m.len(),
                })),
                // Reading it will say why it cannot be read.
                Err(_) => Box::new(std::iter::once(Input::File {
                    path: p.clone(),
                    size: 0,
                })),
            }
        }))
}

fn overrides(root: &Path, globs: &[String]) -> Result<ignore::overrides::Override, BadGlob> {
    let mut b = ignore::overrides::OverrideBuilder::new(root);
    for g in globs {
        b.add(g).map_err(|e| BadGlob {
            glob: g.clone(),
            reason: glob_reason(&e),
        })?;
    }
    b.build().map_err(|e| BadGlob {
        glob: globs.join(" "),
        reason: glob_reason(&e),
    })
}

fn glob_reason(e: &ignore::Error) -> String {
    match e {
        ignore::Error::Glob { err, .. } => err.clone(),
        other => other.to_string(),
    }
}

/// The files of the folder `root`.
fn walk<'o>(root: &'o str, options: &'o Options) -> impl Iterator<Item = Input> + 'o {
    let mut b = ignore::WalkBuilder::new(root);
    b.hidden(!options.hidden)
        .ignore(!options.no_ignore)
        .git_ignore(!options.no_ignore)
        .git_exclude(!options.no_ignore)
        .git_global(!options.no_ignore)
        .parents(!options.no_ignore)
        .require_git(false)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b));
    // The patterns parsed in `inputs`; relative to this folder.
    let picks_files = options.globs.iter().any(|g| !g.starts_with('!'));
    if let Ok(o) = overrides(Path::new(root), &options.globs) {
        b.overrides(o);
    }
    b.build().filter_map(move |entry| match entry {
        Ok(e) => {
            let file = e.file_type().is_some_and(|t| t.is_file());
            if !file || !(picks_files || known(e.path())) {
                return None;
            }
            let size = e.metadata().map_or(0, |m| m.len());
            Some(Input::File {
                path: e.path().to_string_lossy().into_owned(),
                size,
            })
        }
        Err(err) => Some(walk_error(root, &err)),
    })
}

/// Whether `path` has the extension of a format recount reads.
pub fn known(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| KNOWN_EXTENSIONS.iter().any(|k| k.eq_ignore_ascii_case(e)))
}

/// An error of the walk as an input: the path it is about, and what is wrong.
fn walk_error(root: &str, err: &ignore::Error) -> Input {
    match err {
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(root, err)
        }
        ignore::Error::Loop { ancestor, child } => {
            let path = child.to_string_lossy().into_owned();
            let message = format!(
                "{path}: a symbolic link loop: it leads back to {}, which is being read already",
                ancestor.display()
            );
            Input::Error { path, message }
        }
        ignore::Error::WithPath { path, err } => {
            let path = path.to_string_lossy().into_owned();
            let reason = match err.io_error() {
                // The walker's own error wraps the system's, which says it all.
                Some(io) => io
                    .get_ref()
                    .and_then(std::error::Error::source)
                    .map_or_else(|| io.to_string(), ToString::to_string),
                None => err.to_string(),
            };
            let message = format!("{path}: cannot read: {reason}");
            Input::Error { path, message }
        }
        other => Input::Error {
            path: root.to_string(),
            message: format!("{root}: {other}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[&str], options: &Options, base: &Path) -> Vec<String> {
        let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        inputs(&paths, options)
            .unwrap()
            .map(|i| match i {
                Input::Stdin => "-".to_string(),
                Input::File { path, .. } => Path::new(&path)
                    .strip_prefix(base)
                    .map_or(path.clone(), |p| p.to_string_lossy().into_owned()),
                Input::Error { message, .. } => format!("error: {message}"),
            })
            .collect()
    }

    #[test]
    fn a_folder_gives_its_known_files_in_name_order_minus_ignored_and_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "b.md",
            "a.txt",
            "c.html",
            "x.png",
            "notes.csv",
            "sub/d.docx",
            "sub/e.pdf",
            ".hidden.md",
            "skip/f.md",
            "keep.log",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "1").unwrap();
        }
        std::fs::write(d.join(".gitignore"), "skip/\n").unwrap();
        let root = d.to_str().unwrap();
        let o = Options::default();
        assert_eq!(
            names(&[root], &o, d),
            ["a.txt", "b.md", "c.html", "sub/d.docx", "sub/e.pdf"]
        );
        // A pattern picks files whatever their extension, hidden ones too, but not in a folder
        // left out; `!` leaves some out.
        let o = Options {
            globs: vec!["*.log".into(), "*.md".into(), "!b.md".into()],
            ..Options::default()
        };
        assert_eq!(names(&[root], &o, d), [".hidden.md", "keep.log"]);
        let o = Options {
            globs: vec!["!*.html".into()],
            hidden: true,
            no_ignore: true,
        };
        assert_eq!(
            names(&[root], &o, d),
            [
                ".hidden.md",
                "a.txt",
                "b.md",
                "skip/f.md",
                "sub/d.docx",
                "sub/e.pdf"
            ]
        );
        // Named files are read whatever their extension, in the order named.
        let png = d.join("x.png");
        let csv = d.join("notes.csv");
        let o = Options::default();
        assert_eq!(
            names(&[png.to_str().unwrap(), "-", csv.to_str().unwrap()], &o, d),
            ["x.png", "-", "notes.csv"]
        );
    }

    #[test]
    fn a_bad_glob_is_an_error_before_anything_is_read() {
        let o = Options {
            globs: vec!["a[".into()],
            ..Options::default()
        };
        let err = inputs(&[], &o).err().unwrap();
        assert!(
            err.to_string().starts_with("invalid --glob \"a[\""),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error_for_that_link_and_the_walk_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.md"), "1").unwrap();
        std::fs::write(d.join("z.txt"), "1").unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
        let got = names(&[d.to_str().unwrap()], &Options::default(), d);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], "sub/a.md");
        assert!(
            got[1].starts_with("error: ") && got[1].contains("symbolic link loop"),
            "{got:?}"
        );
        assert_eq!(got[2], "z.txt");
    }
}
