# statcheck's side of scripts/statcheck-compare.
#   Rscript statcheck_compare.R cases IN.jsonl OUT.jsonl   results of every case
#   Rscript statcheck_compare.R time FILE                  seconds statcheck() takes on FILE
#   Rscript statcheck_compare.R pdfs DIR OUT.jsonl         results of checkPDFdir() on DIR
suppressPackageStartupMessages({ library(statcheck); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
quiet <- function(expr) {
  out <- NULL
  invisible(capture.output(out <- suppressWarnings(suppressMessages(expr))))
  out
}
if (args[1] == "cases") {
  lines <- readLines(args[2], encoding = "UTF-8", warn = FALSE)
  con <- file(args[3], open = "w", encoding = "UTF-8")
  for (line in lines) {
    case <- fromJSON(line, simplifyVector = FALSE)
    o <- case$options
    opt <- function(name, default) if (is.null(o[[name]])) default else o[[name]]
    crashed <- NULL
    res <- tryCatch(quiet(statcheck(case$input, messages = FALSE,
      OneTailedTests = opt("OneTailedTests", FALSE), alpha = opt("alpha", .05),
      pEqualAlphaSig = opt("pEqualAlphaSig", TRUE), pZeroError = opt("pZeroError", TRUE),
      OneTailedTxt = opt("OneTailedTxt", FALSE), AllPValues = opt("AllPValues", FALSE))),
      error = function(e) { crashed <<- conditionMessage(e); NULL })
    rows <- list()
    if (is.data.frame(res) && nrow(res) > 0) {
      res <- as.data.frame(res)
      for (i in seq_len(nrow(res))) {
        r <- lapply(as.list(res[i, , drop = FALSE]), function(v) {
          v <- if (is.factor(v)) as.character(v) else v
          if (length(v) == 0 || is.na(v)) NULL else v
        })
        rows[[i]] <- r
      }
    }
    writeLines(toJSON(list(id = case$id, results = rows, crashed = crashed), auto_unbox = TRUE, digits = NA,
                      null = "null"), con)
  }
  close(con)
} else if (args[1] == "time") {
  txt <- paste(readLines(args[2], encoding = "UTF-8", warn = FALSE), collapse = "\n")
  t <- system.time(res <- quiet(statcheck(txt, messages = FALSE)))
  n <- if (is.data.frame(res)) nrow(res) else 0
  cat(sprintf("%.3f %d\n", t[["elapsed"]], n))
} else if (args[1] == "pdfs") {
  res <- quiet(checkPDFdir(args[2], subdir = FALSE, messages = FALSE))
  con <- file(args[3], open = "w", encoding = "UTF-8")
  if (is.data.frame(res)) {
    res <- as.data.frame(res)
    for (i in seq_len(nrow(res))) {
      r <- lapply(as.list(res[i, , drop = FALSE]), function(v) {
        v <- if (is.factor(v)) as.character(v) else v
        if (length(v) == 0 || is.na(v)) NULL else v
      })
      writeLines(toJSON(r, auto_unbox = TRUE, digits = NA, null = "null"), con)
    }
  }
  close(con)
}
