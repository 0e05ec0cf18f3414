# Reference P values for the audit's contingency tables (src/audit/contingency.ts): every binary
# and categorical row of Tables 2 and 3 of Armstrong et al. 2020, in every variant the audit
# tests, from R's fisher.test and chisq.test (stats).
# Input: tests/fixtures/audit-tables-input.json (written by `npx tsx src/audit/export-tables.ts`).
# Output: tests/fixtures/audit-tables.json.
# Run from the repo root: Rscript --vanilla tests/oracle/audit.R
suppressPackageStartupMessages(library(jsonlite))

input <- fromJSON("tests/fixtures/audit-tables-input.json", simplifyVector = FALSE)

quiet <- function(expr) suppressWarnings(expr)
num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) NULL else unname(x)

result <- lapply(input$tables, function(t) {
  m <- do.call(rbind, lapply(t$counts, function(row) as.integer(unlist(row))))
  src <- sprintf("matrix(c(%s), nrow = %d, byrow = TRUE)", paste(t(m), collapse = ", "), nrow(m))
  out <- list(
    id = t$id,
    variant = t$variant,
    counts = lapply(seq_len(nrow(m)), function(i) unname(m[i, ])),
    fisher = list(call = sprintf("fisher.test(%s)", src), p = fisher.test(m)$p.value)
  )
  chi <- quiet(chisq.test(m, correct = FALSE))
  out$chisq <- list(
    call = sprintf("chisq.test(%s, correct = FALSE)", src),
    statistic = num(chi$statistic), df = num(chi$parameter), p = num(chi$p.value)
  )
  if (nrow(m) == 2 && ncol(m) == 2) {
    yates <- quiet(chisq.test(m, correct = TRUE))
    out$chisqYates <- list(
      call = sprintf("chisq.test(%s, correct = TRUE)", src),
      statistic = num(yates$statistic), df = num(yates$parameter), p = num(yates$p.value)
    )
    less <- fisher.test(m, alternative = "less")$p.value
    greater <- fisher.test(m, alternative = "greater")$p.value
    out$fisherOneSided <- list(
      call = sprintf("fisher.test(%s, alternative = \"less\" / \"greater\")", src),
      less = less, greater = greater, smaller = min(less, greater)
    )
  }
  out
})

write_json(list(meta = list(R = R.version.string), tables = result), "tests/fixtures/audit-tables.json",
           digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null")
cat("audit: wrote", length(result), "tables to tests/fixtures/audit-tables.json\n")
