# Reference values for src/stats/fisher-exact.ts and src/stats/chi-square.ts from R's
# fisher.test and chisq.test (stats).
# Run from the repo root: Rscript --vanilla tests/oracle/tables.R
# Writes tests/fixtures/tables-reference.json (REFERENCES.md examples and edge cases),
# tests/fixtures/tables-paper.json (the categorical rows of Tables 2 and 3 of Armstrong et al.
# 2020) and tests/fixtures/tables-synthetic.json (seeded random tables, 2 x 2 to 4 x 4).
suppressPackageStartupMessages(library(jsonlite))

with_warnings <- function(expr) {
  msgs <- character(0)
  value <- withCallingHandlers(expr, warning = function(w) {
    msgs <<- c(msgs, conditionMessage(w))
    invokeRestart("muffleWarning")
  })
  list(value = value, warnings = msgs)
}
num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) NULL else if (is.infinite(x)) "Inf" else unname(x)
rows_of <- function(m) lapply(seq_len(nrow(m)), function(i) unname(m[i, ]))
mat_src <- function(m) sprintf("matrix(c(%s), nrow = %d, byrow = TRUE)", paste(t(m), collapse = ", "), nrow(m))

case <- function(name, rows, source = NULL, paper_p = NULL) {
  m <- do.call(rbind, rows)
  storage.mode(m) <- "integer"
  src <- mat_src(m)
  # FEXACT's default workspace is too small for some larger tables; a bigger one changes
  # nothing but memory, and the call records it.
  f <- tryCatch(with_warnings(fisher.test(m)), error = function(e) NULL)
  extra <- ""
  if (is.null(f)) {
    f <- with_warnings(fisher.test(m, workspace = 2e8))
    extra <- ", workspace = 2e8"
  }
  fisher <- list(
    call = sprintf("fisher.test(%s%s)", src, extra),
    p = f$value$p.value,
    warnings = as.list(f$warnings)
  )
  if (nrow(m) == 2 && ncol(m) == 2) {
    fisher$oddsRatio <- num(f$value$estimate)
    fisher$lower <- num(f$value$conf.int[1])
    fisher$upper <- num(f$value$conf.int[2])
  }
  chisq <- lapply(c(TRUE, FALSE), function(correct) {
    ch <- with_warnings(chisq.test(m, correct = correct))
    list(
      call = sprintf("chisq.test(%s, correct = %s)", src, correct),
      correct = correct,
      statistic = num(ch$value$statistic),
      df = num(ch$value$parameter),
      p = num(ch$value$p.value),
      expected = rows_of(ch$value$expected),
      method = ch$value$method,
      warned = length(ch$warnings) > 0,
      warnings = as.list(ch$warnings)
    )
  })
  out <- list(name = name, table = rows_of(m), fisher = fisher, chisq = chisq)
  if (!is.null(source)) out$source <- source
  if (!is.null(paper_p)) out$paperP <- paper_p
  out
}

# ---- REFERENCES.md examples and edge cases ---------------------------------------------------
reference <- list(
  case("REFERENCES 3x2 [[10,2],[15,12],[3,9]]", list(c(10, 2), c(15, 12), c(3, 9))),
  case("REFERENCES 3x2 [[2,8],[5,5],[9,1]]", list(c(2, 8), c(5, 5), c(9, 1))),
  case("REFERENCES 3x2 [[3,1],[1,3],[2,2]]", list(c(3, 1), c(1, 3), c(2, 2))),
  case("TeaTasting (R datasets)", list(c(3, 1), c(1, 3))),
  case("2x2 symmetric [[5,5],[5,5]]", list(c(5, 5), c(5, 5))),
  case("2x2 with a zero cell", list(c(0, 7), c(6, 3))),
  case("2x2 odds ratio infinite", list(c(5, 0), c(0, 5))),
  case("2x2 odds ratio zero", list(c(0, 4), c(6, 2))),
  case("2x2 zero row (one possible table)", list(c(0, 0), c(3, 4))),
  case("2x2 unbalanced N = 200", list(c(12, 88), c(30, 70))),
  case("2x2 large counts", list(c(60, 45), c(40, 55))),
  case("3x3 symmetric (tied probabilities)", list(c(3, 1, 1), c(1, 3, 1), c(1, 1, 3))),
  case("3x3 with a zero row", list(c(3, 1, 2), c(0, 0, 0), c(4, 5, 2))),
  case("3x3 with a zero column", list(c(3, 0, 1), c(2, 0, 4), c(5, 0, 2))),
  case("2x3 that reduces to one table", list(c(3, 0, 2), c(0, 0, 0))),
  case("3x3 N = 200 balanced", list(c(25, 20, 22), c(20, 24, 23), c(22, 21, 23))),
  case("3x3 N = 200 strong association", list(c(30, 15, 22), c(10, 34, 23), c(22, 11, 33))),
  case("4x4 Latin square N = 40", list(c(3, 2, 1, 4), c(1, 4, 3, 2), c(2, 1, 4, 3), c(4, 3, 2, 1))),
  case("4x4 N = 72", list(c(5, 4, 3, 6), c(4, 6, 5, 3), c(6, 3, 4, 5), c(3, 5, 6, 4))),
  case("4x4 with zeros N = 30", list(c(4, 0, 0, 2), c(0, 3, 1, 0), c(1, 0, 5, 2), c(2, 3, 0, 7))),
  case("2x5 N = 200", list(c(30, 16, 23, 25, 28), c(20, 32, 9, 4, 13))),
  case("5x2 (transposed 2x5)", list(c(30, 20), c(16, 32), c(23, 9), c(25, 4), c(28, 13))),
  case("3x4 N = 100", list(c(8, 11, 12, 9), c(14, 11, 10, 7), c(0, 3, 3, 12))),
  case("3x3 tiny p", list(c(44, 26, 0), c(7, 43, 30), c(10, 1, 39)))
)

# ---- Armstrong et al. 2020, Tables 2 and 3 ---------------------------------------------------
# Rows: levels of the characteristic; columns: the groups of the table. Binary characteristics
# are (count, group N - count); where the paper marks percentages as based on the patients with
# data (+), the group N is the one implied by the printed percentage.
t2 <- "Table 2 (no calcifications N = 45, calcifications N = 12)"
t3 <- "Table 3 (hypo N = 23, hyper N = 10, mixed N = 18)"
paper <- list(
  case("Table 2: gender, female", list(c(28, 6), c(17, 6)), t2, 0.443),
  case("Table 2: race", list(c(42, 11), c(3, 1)), t2, 0.623),
  case("Table 2: health insurance", list(c(1, 1), c(13, 4), c(28, 6)), t2, 0.371),
  case("Table 2: ASA class", list(c(2, 3), c(42, 7), c(1, 2)), t2, 0.017),
  case("Table 2: ECOG performance status", list(c(12, 5), c(32, 5), c(1, 2)), t2, 0.049),
  case("Table 2: diabetes (of 45 and 11)", list(c(8, 1), c(37, 10)), t2, 0.671),
  case("Table 2: hypertension (of 45 and 11)", list(c(20, 1), c(25, 10)), t2, 0.039),
  case("Table 2: COPD (of 45 and 11)", list(c(2, 1), c(43, 10)), t2, 0.488),
  case("Table 2: location of primary", list(c(16, 4), c(14, 3), c(15, 5)), t2, 0.852),
  case("Table 2: functional", list(c(37, 9), c(8, 3)), t2, 0.148),
  case("Table 2: symptomatic (of 44 and 9)", list(c(37, 9), c(7, 0)), t2, 0.199),
  case("Table 2: synchronous liver metastasis", list(c(39, 8), c(6, 4)), t2, 0.106),
  case("Table 2: primary tumor grade", list(c(24, 6), c(9, 2)), t2, 0.637),
  case("Table 2: type of operation", list(c(22, 3), c(4, 3), c(19, 6)), t2, 0.179),
  case("Table 2: liver metastasis grade", list(c(30, 6), c(11, 4)), t2, 0.454),
  case("Table 3: gender, female", list(c(13, 5, 11), c(10, 5, 7)), t3, 0.850),
  case("Table 3: race", list(c(21, 10, 16), c(2, 0, 2)), t3),
  case("Table 3: health insurance", list(c(11, 3, 3), c(11, 6, 13)), t3, 0.142),
  case("Table 3: ASA class", list(c(0, 2, 3), c(21, 8, 14), c(2, 0, 1)), t3),
  case("Table 3: ECOG performance status", list(c(7, 6, 2), c(14, 4, 15), c(2, 0, 1)), t3),
  case("Table 3: diabetes", list(c(2, 0, 7), c(21, 10, 11)), t3),
  case("Table 3: hypertension", list(c(12, 4, 5), c(11, 6, 13)), t3, 0.285),
  case("Table 3: COPD", list(c(1, 2, 0), c(22, 8, 18)), t3),
  case("Table 3: location of primary", list(c(6, 3, 9), c(8, 5, 4), c(9, 2, 5)), t3, 0.383),
  case("Table 3: symptomatic (of 21, 10 and 17)", list(c(18, 8, 17), c(3, 2, 0)), t3),
  case("Table 3: synchronous liver metastasis", list(c(20, 8, 14), c(3, 2, 4)), t3, 0.714),
  case("Table 3: primary tumor grade", list(c(12, 6, 10), c(3, 3, 2)), t3, 0.684),
  case("Table 3: type of operation", list(c(11, 7, 7), c(10, 2, 9), c(2, 1, 2)), t3, 0.558),
  case("Table 3: liver metastasis grade", list(c(14, 7, 13), c(6, 2, 4)), t3, 0.911)
)

# ---- seeded random tables --------------------------------------------------------------------
set.seed(20240602)
random_table <- function(r, c, n, skew) {
  w <- runif(r * c)^skew
  counts <- tabulate(sample.int(r * c, n, replace = TRUE, prob = w), r * c)
  lapply(seq_len(r), function(i) counts[((i - 1) * c + 1):(i * c)])
}
designs <- list(
  c(2, 2, 20, 1), c(2, 2, 60, 2), c(2, 2, 150, 0.5), c(2, 2, 200, 1), c(2, 2, 12, 3),
  c(2, 3, 40, 1), c(2, 3, 120, 2), c(3, 2, 90, 0.5), c(2, 4, 80, 1), c(4, 2, 60, 2),
  c(3, 3, 30, 1), c(3, 3, 60, 2), c(3, 3, 120, 0.5), c(3, 3, 200, 1), c(3, 3, 200, 0.3),
  c(3, 4, 50, 1), c(4, 3, 70, 0.5), c(4, 4, 25, 1), c(4, 4, 40, 2), c(4, 4, 50, 0.5),
  c(2, 5, 100, 1), c(5, 3, 45, 1)
)
synthetic <- lapply(seq_along(designs), function(k) {
  d <- designs[[k]]
  case(sprintf("random %dx%d N = %d (skew %g) #%d", d[1], d[2], d[3], d[4], k), random_table(d[1], d[2], d[3], d[4]))
})

meta <- list(R = R.version.string)
dir.create("tests/fixtures", showWarnings = FALSE, recursive = TRUE)
w <- function(x, path) write_json(list(meta = meta, cases = x), path, digits = NA, auto_unbox = TRUE,
                                 pretty = TRUE, na = "null", null = "null")
w(reference, "tests/fixtures/tables-reference.json")
w(paper, "tests/fixtures/tables-paper.json")
w(synthetic, "tests/fixtures/tables-synthetic.json")
cat("tables: wrote", length(reference), "reference,", length(paper), "paper and", length(synthetic), "synthetic tables\n")
