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
  # Likelihood-ratio (G) test, empty rows and columns dropped: 2 * sum(O * log(O / E)) on (r - 1)(c - 1) df.
  mm <- m[rowSums(m) > 0, colSums(m) > 0, drop = FALSE]
  if (nrow(mm) >= 2 && ncol(mm) >= 2) {
    e <- outer(rowSums(mm), colSums(mm)) / sum(mm)
    g <- 2 * sum(ifelse(mm > 0, mm * log(mm / e), 0))
    out$likelihoodRatio <- list(call = "2 * sum(O * log(O / E)); pchisq(G, df, lower.tail = FALSE)", p = pchisq(g, (nrow(mm) - 1) * (ncol(mm) - 1), lower.tail = FALSE))
  } else {
    out$likelihoodRatio <- list(call = "fewer than two non-empty rows or columns", p = NULL)
  }
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
    r1 <- sum(m[1, ]); r2 <- sum(m[2, ]); c1 <- sum(m[, 1])
    d <- dhyper(max(0, c1 - r2):min(r1, c1), r1, r2, c1)
    obs <- dhyper(m[1, 1], r1, r2, c1)
    out$fisherMidP <- list(
      call = "sum(d[d < obs]) + sum(d[d == obs]) / 2, d <- dhyper(x, r1, r2, c1), relative tolerance 1e-7",
      p = sum(d[d < obs * (1 - 1e-7)]) + sum(d[abs(d - obs) <= obs * 1e-7]) / 2
    )
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
