# Calibration tables for `npm run validate:audit` (src/cli/validate-audit.ts): baseline tables built
# from real patient data in R's survival package (colon, lung, pbc; never rotterdam, flchain, nwtco or
# mgus2, which are kept back for an independent check), written in the table-file schema of
# `npm run audit -- --table` with every percentage and test convention the audit must accept, plus
# copies with one known error each.
# Output: tests/fixtures/audit-calibration.json. Run from the repo root:
#   Rscript --vanilla tests/oracle/audit-calibration.R
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
set.seed(13)

# ---------------------------------------------------------------- data sets and their variables
colon2 <- colon[colon$etype == 2, ]
colon2$sex <- factor(colon2$sex, 0:1, c("female", "male"))
pbc1 <- pbc[!is.na(pbc$trt), ]
pbc1$trt <- factor(pbc1$trt, 1:2, c("D-penicillamine", "placebo"))
lung1 <- lung
lung1$sex <- factor(lung1$sex, 1:2, c("male", "female"))
lung1$ecog <- factor(ifelse(lung1$ph.ecog >= 2, "2-3", as.character(lung1$ph.ecog)))
colon3 <- colon2[seq_len(240), ]

bin <- function(name, label, level) list(name = name, label = label, type = "binary", level = level)
cat_ <- function(name, label) list(name = name, label = label, type = "categorical")
con <- function(name, label) list(name = name, label = label, type = "continuous")

BASES <- list(
  list(id = "lung-sex", title = "lung by sex", data = lung1, group = "sex", vars = list(
    bin("status", "Died", 2), cat_("ph.ecog", "ECOG"), con("age", "Age, median [IQR]"),
    con("ph.karno", "Karnofsky, median [IQR]"), con("wt.loss", "Weight loss, median [IQR]"))),
  list(id = "pbc-trt", title = "pbc by treatment", data = pbc1, group = "trt", vars = list(
    bin("sex", "Female", "f"), bin("ascites", "Ascites", 1), bin("hepato", "Hepatomegaly", 1), bin("spiders", "Spiders", 1),
    cat_("edema", "Edema"), cat_("stage", "Stage"), con("age", "Age, median [IQR]"), con("bili", "Bilirubin, median [IQR]"),
    con("platelet", "Platelets, median [IQR]"))),
  list(id = "colon-sex", title = "colon by sex", data = colon2, group = "sex", vars = list(
    cat_("rx", "Treatment"), bin("obstruct", "Obstruction", 1), bin("perfor", "Perforation", 1), bin("adhere", "Adherence", 1),
    cat_("differ", "Differentiation"), cat_("extent", "Extent"), bin("node4", "More than 4 nodes", 1), con("age", "Age, median [IQR]"),
    con("nodes", "Positive nodes, median [IQR]"))),
  list(id = "colon-rx", title = "colon by treatment", data = colon3, group = "rx", vars = list(
    bin("sex", "Male", "male"), bin("obstruct", "Obstruction", 1), cat_("differ", "Differentiation"), bin("node4", "More than 4 nodes", 1),
    con("age", "Age, median [IQR]"), con("nodes", "Positive nodes, median [IQR]"))),
  list(id = "lung-ecog", title = "lung by ECOG", data = lung1[!is.na(lung1$ecog), ], group = "ecog", vars = list(
    bin("sex", "Female", "female"), bin("status", "Died", 2), con("age", "Age, median [IQR]"), con("meal.cal", "Calories, median [IQR]")))
)

# ---------------------------------------------------------------- percentage conventions (units of 0.1 %)
PCT <- c("half-up", "half-even", "truncation", "double-rounding", "whole-percent", "largest-remainder", "adjusted-to-100")

units_of <- function(k, n, conv) {
  switch(conv,
    "half-up" = (2000 * k + n) %/% (2 * n),
    # R's sprintf: the nearest double, ties (all exactly representable here) to even.
    "half-even" = round(as.numeric(sprintf("%.1f", 100 * k / n)) * 10),
    "truncation" = (1000 * k) %/% n,
    "double-rounding" = ((20000 * k + n) %/% (2 * n) + 5) %/% 10,
    "whole-percent" = ((200 * k + n) %/% (2 * n)) * 10,
    (2000 * k + n) %/% (2 * n))
}

# A column of a categorical row: counts k of n (sum(k) == n).
column_units <- function(k, n, conv) {
  if (conv == "largest-remainder" && sum(k) == n) {
    fl <- (1000 * k) %/% n
    rem <- 1000 * k - fl * n
    missing <- 1000 - sum(fl)
    ord <- order(-rem, seq_along(k))
    add <- ord[seq_len(missing)]
    fl[add] <- fl[add] + 1
    return(fl)
  }
  u <- units_of(k, n, if (conv == "adjusted-to-100") "half-up" else conv)
  if (conv == "adjusted-to-100" && sum(k) == n && sum(u) != 1000) {
    big <- which.max(k)
    u[big] <- u[big] + 1000 - sum(u)
  }
  u
}

fmt_units <- function(u) sprintf("%d.%d", u %/% 10, u %% 10)
fmt_p <- function(p) if (p < 0.001) "<0.001" else sprintf("%.3f", p)
fmt_q <- function(x) { s <- sprintf("%.1f", x); sub("\\.0$", "", s) }

# ---------------------------------------------------------------- test conventions
# "one-sided": the legend names Fisher's test, but 2 x 2 rows print the one-sided P in the direction of
# the data (Stata prints it under the two-sided one); the audit must call it another test, never inconsistent.
PTEST <- c("appropriate", "fisher", "pearson", "lr", "midp", "one-sided")
LEGENDS <- list(
  appropriate = list("chisq", "fisher"), fisher = list("fisher", "fisher"), pearson = list("chisq-pearson", "fisher"),
  lr = list("lr", "fisher"), midp = list("fisher-midp", "fisher"), `one-sided` = list("fisher", "fisher"))

gtest <- function(m) {
  m <- m[rowSums(m) > 0, colSums(m) > 0, drop = FALSE]
  e <- outer(rowSums(m), colSums(m)) / sum(m)
  g <- 2 * sum(ifelse(m > 0, m * log(m / e), 0))
  pchisq(g, (nrow(m) - 1) * (ncol(m) - 1), lower.tail = FALSE)
}
midp <- function(m) {
  r1 <- sum(m[1, ]); r2 <- sum(m[2, ]); c1 <- sum(m[, 1])
  x <- max(0, c1 - r2):min(r1, c1)
  d <- dhyper(x, r1, r2, c1)
  obs <- dhyper(m[1, 1], r1, r2, c1)
  sum(d[d < obs * (1 - 1e-7)]) + sum(d[abs(d - obs) <= obs * 1e-7]) / 2
}
fisher_p <- function(m) fisher.test(m, workspace = 2e8)$p.value

# The P value of a count table under a convention, with its mark ("" or "*").
p_of <- function(m, conv) {
  m <- m[rowSums(m) > 0, , drop = FALSE]
  if (nrow(m) < 2) return(NULL)
  two <- nrow(m) == 2 && ncol(m) == 2
  switch(conv,
    appropriate = {
      e <- suppressWarnings(chisq.test(m)$expected)
      if (any(e < 5)) list(p = fisher_p(m), mark = "*") else list(p = suppressWarnings(chisq.test(m)$p.value), mark = "")
    },
    fisher = list(p = fisher_p(m), mark = ""),
    pearson = list(p = suppressWarnings(chisq.test(m, correct = FALSE)$p.value), mark = ""),
    lr = list(p = gtest(m), mark = ""),
    midp = if (two) list(p = midp(m), mark = "") else list(p = fisher_p(m), mark = "*"),
    `one-sided` = if (two) list(p = min(fisher.test(m, alternative = "less")$p.value, fisher.test(m, alternative = "greater")$p.value), mark = "") else list(p = fisher_p(m), mark = ""))
}

# ---------------------------------------------------------------- one clean table
build_table <- function(base, pct, ptest) {
  d <- base$data[!is.na(base$data[[base$group]]), ]
  g <- factor(d[[base$group]])
  groups <- levels(g)
  ids <- c("total", paste0("g", seq_along(groups)))
  cols <- c(list(list(id = "total", label = "Total", n = nrow(d))),
            lapply(seq_along(groups), function(i) list(id = ids[i + 1], label = groups[i], n = sum(g == groups[i]))))
  rows <- list()
  for (v in base$vars) {
    x <- d[[v$name]]
    plus <- if (anyNA(x)) "+" else ""
    sel <- list(total = rep(TRUE, length(x)))
    for (i in seq_along(groups)) sel[[ids[i + 1]]] <- g == groups[i]
    if (v$type == "continuous") {
      cells <- lapply(ids, function(id) {
        q <- quantile(x[sel[[id]]], c(0.25, 0.5, 0.75), na.rm = TRUE, names = FALSE)
        sprintf("%s [%s–%s]", fmt_q(q[2]), fmt_q(q[1]), fmt_q(q[3]))
      })
      names(cells) <- ids
      p <- if (length(groups) == 2) wilcox.test(x ~ g, exact = FALSE)$p.value else kruskal.test(x ~ g)$p.value
      rows[[length(rows) + 1]] <- list(label = v$label, cells = cells, p = fmt_p(p))
      next
    }
    if (v$type == "binary") {
      yes <- !is.na(x) & x == v$level
      cells <- lapply(ids, function(id) {
        n <- sum(sel[[id]] & !is.na(x)); k <- sum(sel[[id]] & yes)
        sprintf("%d (%s)%s", k, fmt_units(units_of(k, n, if (pct %in% c("largest-remainder", "adjusted-to-100")) "half-up" else pct)), plus)
      })
      names(cells) <- ids
      m <- rbind(sapply(groups, function(gr) sum(g == gr & yes)), sapply(groups, function(gr) sum(g == gr & !is.na(x) & !yes)))
      pv <- p_of(m, ptest)
      row <- list(label = v$label, cells = cells)
      if (!is.null(pv)) row$p <- paste0(fmt_p(pv$p), pv$mark)
      rows[[length(rows) + 1]] <- row
      next
    }
    lev <- sort(unique(x[!is.na(x)]))
    counts <- sapply(ids, function(id) sapply(lev, function(l) sum(sel[[id]] & !is.na(x) & x == l)))
    units <- sapply(ids, function(id) column_units(counts[, id], sum(counts[, id]), pct))
    levels <- lapply(seq_along(lev), function(j) {
      cells <- lapply(ids, function(id) sprintf("%d (%s)%s", counts[j, id], fmt_units(units[j, id]), plus))
      names(cells) <- ids
      list(label = as.character(lev[j]), cells = cells)
    })
    m <- counts[, -1, drop = FALSE]
    pv <- p_of(m, ptest)
    row <- list(label = v$label, levels = levels)
    if (!is.null(pv)) row$p <- paste0(fmt_p(pv$p), pv$mark)
    rows[[length(rows) + 1]] <- row
  }
  leg <- LEGENDS[[ptest]]
  list(title = sprintf("%s (%s, %s)", base$title, pct, ptest), columns = cols, totalColumn = "total",
       pTests = list(`__none__` = leg[[1]], `*` = leg[[2]]), rows = rows)
}

# ---------------------------------------------------------------- seeded errors
ERRORS <- c("transposed-digits", "wrong-denominator", "other-cell-percentage", "p-from-other-row", "p-other-test", "count-not-total", "pooled-median")

count_cells <- function(t) {
  out <- list()
  for (i in seq_along(t$rows)) {
    r <- t$rows[[i]]
    if (!is.null(r$levels)) for (j in seq_along(r$levels)) for (c in names(r$levels[[j]]$cells)) out[[length(out) + 1]] <- list(i = i, j = j, c = c)
    else if (grepl("\\(", r$cells[[1]])) for (c in names(r$cells)) out[[length(out) + 1]] <- list(i = i, j = NA, c = c)
  }
  out
}
get_cell <- function(t, s) if (is.na(s$j)) t$rows[[s$i]]$cells[[s$c]] else t$rows[[s$i]]$levels[[s$j]]$cells[[s$c]]
set_cell <- function(t, s, v) { if (is.na(s$j)) t$rows[[s$i]]$cells[[s$c]] <- v else t$rows[[s$i]]$levels[[s$j]]$cells[[s$c]] <- v; t }
parse_cell <- function(s) { m <- regmatches(s, regexec("^(\\d+) \\((\\d+\\.\\d)\\)(\\+?)$", s))[[1]]; list(k = as.integer(m[2]), pct = m[3], plus = m[4]) }
col_n <- function(t, c) { for (col in t$columns) if (col$id == c) return(col$n) }
where <- function(t, s, column = s$c) list(row = t$rows[[s$i]]$label, level = if (is.na(s$j)) NULL else t$rows[[s$i]]$levels[[s$j]]$label, column = column)
pick <- function(xs) xs[[sample.int(length(xs), 1)]]

# A seeded percentage must be one no benign mechanism gives: at least 2 units (0.2 %) away from every
# convention's rendering of k of n (one unit is within reach of a sum-to-100 adjustment).
benign_units <- function(k, n) unique(sapply(c("half-up", "half-even", "truncation", "double-rounding", "whole-percent"), function(cv) units_of(k, n, cv)))
beyond_benign <- function(val, k, n) { u <- round(as.numeric(val) * 10); all(abs(u - benign_units(k, n)) >= 2) }

seed_error <- function(t, type, base, pct, ptest) {
  cells <- count_cells(t)
  if (type == "transposed-digits") {
    ok <- Filter(function(s) { p <- gsub("\\.", "", parse_cell(get_cell(t, s))$pct); nchar(p) >= 3 && substr(p, nchar(p) - 2, nchar(p) - 2) != substr(p, nchar(p) - 1, nchar(p) - 1) }, cells)
    s <- pick(ok); pc <- parse_cell(get_cell(t, s))
    digits <- strsplit(gsub("\\.", "", pc$pct), "")[[1]]; L <- length(digits)
    digits[c(L - 2, L - 1)] <- digits[c(L - 1, L - 2)]
    val <- paste0(paste(digits[1:(L - 1)], collapse = ""), ".", digits[L])
    val <- sub("^0+(\\d)", "\\1", val)
    if (as.numeric(val) > 100 || !beyond_benign(val, pc$k, col_n(t, s$c))) return(NULL)
    return(list(t = set_cell(t, s, sprintf("%d (%s)%s", pc$k, val, pc$plus)), at = where(t, s)))
  }
  if (type == "wrong-denominator") {
    ok <- Filter(function(s) parse_cell(get_cell(t, s))$k >= 5, cells)
    s <- pick(ok); pc <- parse_cell(get_cell(t, s)); n <- col_n(t, s$c)
    u <- units_of(pc$k, n + 7, "half-up")
    if (!beyond_benign(fmt_units(u), pc$k, n)) return(NULL)
    return(list(t = set_cell(t, s, sprintf("%d (%s)%s", pc$k, fmt_units(u), pc$plus)), at = where(t, s)))
  }
  if (type == "other-cell-percentage") {
    s <- pick(cells); pc <- parse_cell(get_cell(t, s))
    others <- Filter(function(o) { po <- parse_cell(get_cell(t, o)); abs(as.numeric(po$pct) - as.numeric(pc$pct)) >= 2 && po$k != pc$k }, cells)
    if (!length(others)) return(NULL)
    o <- pick(others)
    if (!beyond_benign(parse_cell(get_cell(t, o))$pct, pc$k, col_n(t, s$c))) return(NULL)
    return(list(t = set_cell(t, s, sprintf("%d (%s)%s", pc$k, parse_cell(get_cell(t, o))$pct, pc$plus)), at = where(t, s)))
  }
  if (type == "count-not-total") {
    ok <- Filter(function(s) s$c != "total" && parse_cell(get_cell(t, s))$k + 3 <= col_n(t, s$c), cells)
    s <- pick(ok); pc <- parse_cell(get_cell(t, s))
    return(list(t = set_cell(t, s, sprintf("%d (%s)%s", pc$k + 3, pc$pct, pc$plus)), at = where(t, s)))
  }
  withp <- Filter(function(i) !is.null(t$rows[[i]]$p) && (!is.null(t$rows[[i]]$levels) || grepl("\\(", t$rows[[i]]$cells[[1]])), seq_along(t$rows))
  if (type == "p-from-other-row") {
    ps <- sapply(withp, function(i) as.numeric(gsub("[*<]", "", t$rows[[i]]$p)))
    pairs <- Filter(function(ab) abs(ps[ab[1]] - ps[ab[2]]) > 0.02, combn(seq_along(withp), 2, simplify = FALSE))
    if (!length(pairs)) return(NULL)
    ab <- pick(pairs); i <- withp[ab[1]]; j <- withp[ab[2]]
    t$rows[[i]]$p <- t$rows[[j]]$p
    return(list(t = t, at = list(row = t$rows[[i]]$label, level = NULL, column = "p")))
  }
  if (type == "p-other-test") {
    # Print Pearson's χ² where the legend names Fisher (or Fisher where it names χ²), when the two differ.
    cand <- list()
    for (i in withp) {
      r <- t$rows[[i]]
      d <- base$data[!is.na(base$data[[base$group]]), ]; g <- factor(d[[base$group]]); x <- d[[base$vars[[i]]$name]]
      m <- if (!is.null(r$levels)) table(factor(x), g) else rbind(tapply(!is.na(x) & x == base$vars[[i]]$level, g, sum), tapply(!is.na(x) & x != base$vars[[i]]$level, g, sum))
      m <- unclass(m); m <- m[rowSums(m) > 0, , drop = FALSE]
      if (nrow(m) < 2) next
      named_fisher <- grepl("\\*$", r$p) || ptest %in% c("fisher", "one-sided")
      alt <- if (named_fisher) suppressWarnings(chisq.test(m, correct = FALSE)$p.value) else fisher_p(m)
      printed <- paste0(fmt_p(alt), if (grepl("\\*$", r$p)) "*" else "")
      if (abs(alt - as.numeric(gsub("[*<]", "", r$p))) > 0.01) cand[[length(cand) + 1]] <- list(i = i, p = printed)
    }
    if (!length(cand)) return(NULL)
    c1 <- pick(cand)
    t$rows[[c1$i]]$p <- c1$p
    return(list(t = t, at = list(row = t$rows[[c1$i]]$label, level = NULL, column = "p")))
  }
  if (type == "pooled-median") {
    conts <- Filter(function(i) is.null(t$rows[[i]]$levels) && !grepl("\\(", t$rows[[i]]$cells[[1]]), seq_along(t$rows))
    i <- pick(as.list(conts)); r <- t$rows[[i]]
    med <- function(s) as.numeric(sub(" .*$", "", s))
    groups <- setdiff(names(r$cells), "total")
    top <- max(sapply(groups, function(c) med(r$cells[[c]])))
    q <- regmatches(r$cells$total, regexec("^[^ ]+ \\[(.+)–(.+)\\]$", r$cells$total))[[1]]
    # Beyond the printed rounding: at least two units of the row's precision above the largest group median.
    new <- top + max(2, abs(top) * 0.1)
    if (new > as.numeric(q[3])) return(NULL)
    t$rows[[i]]$cells$total <- sprintf("%s [%s–%s]", fmt_q(new), q[2], q[3])
    return(list(t = t, at = list(row = r$label, level = NULL, column = "total")))
  }
}

clean <- list()
seeded <- list()
k <- 0
for (b in BASES) {
  # Every percentage convention with every test convention.
  for (pc in PCT) for (pt in PTEST) {
    t <- build_table(b, pc, pt)
    clean[[length(clean) + 1]] <- list(id = sprintf("%s-%s-%s", b$id, pc, pt), percent = pc, test = pt, table = t)
  }
  for (type in ERRORS) {
    made <- 0; tries <- 0
    while (made < 6 && tries < 40) {
      tries <- tries + 1; k <- k + 1
      pct <- PCT[(k %% length(PCT)) + 1]; pt <- PTEST[(k %% length(PTEST)) + 1]
      t <- build_table(b, pct, pt)
      s <- seed_error(t, type, b, pct, pt)
      if (is.null(s)) next
      made <- made + 1
      seeded[[length(seeded) + 1]] <- list(id = sprintf("%s-%s-%d", b$id, type, made), error = type, percent = pct, test = pt, at = s$at, table = s$t)
    }
  }
}

out <- list(
  `$comment` = "Written by tests/oracle/audit-calibration.R from R's survival data sets colon, lung and pbc; read by src/cli/validate-audit.ts.",
  R = R.version.string, clean = clean, seeded = seeded)
# jsonlite cannot write an empty key: the legend's "no mark" is written as __none__ and renamed here.
json <- toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA, null = "null")
writeLines(gsub('"__none__":', '"":', json, fixed = TRUE), "tests/fixtures/audit-calibration.json", useBytes = TRUE)
cat("audit-calibration: wrote", length(clean), "clean and", length(seeded), "seeded tables\n")
