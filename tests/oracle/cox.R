# Reference values for src/stats/cox.ts and src/stats/cox-model.ts from R's survival::coxph.
# Run from the repo root: Rscript --vanilla tests/oracle/cox.R
# Writes tests/fixtures/cox-datasets.json (aml, lung, ovarian, veteran) and
# tests/fixtures/cox-synthetic.json (seeded synthetic data: ties, censoring, factors,
# monotone likelihood, collinearity, non-convergence). Each case carries the R call, the data
# actually used (complete cases, status coded 0/1) and R's results and warnings.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

# Capture warnings as text while still returning the value.
with_warnings <- function(expr) {
  msgs <- character(0)
  value <- withCallingHandlers(expr, warning = function(w) {
    msgs <<- c(msgs, conditionMessage(w))
    invokeRestart("muffleWarning")
  })
  list(value = value, warnings = msgs)
}

num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x) || !is.finite(x)) NULL else unname(x)

# d: data.frame with time, status (0/1) and covariate columns (numeric or character).
# Character covariates become factors with the reference level first and the other levels in
# code-point (C locale, radix) order, which is the order coxModel() uses.
fit_case <- function(name, call, d, covariates, ties, reference = list(), iter.max = 20,
                     check = NULL) {
  fd <- d
  levels_used <- list()
  for (cv in covariates) {
    if (is.character(d[[cv]])) {
      lv <- sort(unique(d[[cv]]), method = "radix")
      ref <- if (!is.null(reference[[cv]])) reference[[cv]] else lv[1]
      lv <- c(ref, setdiff(lv, ref))
      fd[[cv]] <- factor(d[[cv]], levels = lv)
      levels_used[[cv]] <- lv
    }
  }
  form <- as.formula(paste("Surv(time, status) ~", paste(sprintf("`%s`", covariates), collapse = " + ")))
  res <- with_warnings(coxph(form, data = fd, ties = ties, control = coxph.control(iter.max = iter.max)))
  fit <- res$value
  if (!is.null(check)) {
    # The literal call in `call` must give the same model as the prepared data.
    lit <- suppressWarnings(eval(parse(text = check)))
    stopifnot(isTRUE(all.equal(lit$loglik, fit$loglik, tolerance = 1e-12)))
    stopifnot(isTRUE(all.equal(sort(unname(coef(lit))), sort(unname(coef(fit))), tolerance = 1e-12)))
  }
  s <- summary(fit, conf.int = 0.95)
  cf <- s$coefficients
  ci <- s$conf.int
  # term names as coxModel() writes them
  term_info <- list()
  for (cv in covariates) {
    if (is.factor(fd[[cv]])) {
      for (lv in levels(fd[[cv]])[-1]) term_info[[length(term_info) + 1]] <- list(term = paste0(cv, "=", lv), covariate = cv, level = lv)
    } else {
      term_info[[length(term_info) + 1]] <- list(term = cv, covariate = cv, level = NULL)
    }
  }
  stopifnot(length(term_info) == nrow(cf))
  terms <- lapply(seq_along(term_info), function(j) {
    c(term_info[[j]], list(
      rname = rownames(cf)[j],
      coef = num(cf[j, "coef"]), se = num(cf[j, "se(coef)"]), hr = num(cf[j, "exp(coef)"]),
      lower = num(ci[j, "lower .95"]), upper = num(ci[j, "upper .95"]),
      z = num(cf[j, "z"]), p = num(cf[j, "Pr(>|z|)"])
    ))
  })
  test <- function(t) list(statistic = num(t[["test"]]), df = num(t[["df"]]), p = num(t[["pvalue"]]))
  # summary.coxph rounds the Wald statistic to 2 decimals: take it from the fit
  wald <- test(s$waldtest)
  wald$statistic <- num(fit$wald.test)
  infinite <- grepl("coefficient may be infinite", res$warnings)
  inf_vars <- integer(0)
  for (w in res$warnings[infinite]) {
    v <- sub(".*before variable +([0-9, ]+) *;.*", "\\1", w)
    inf_vars <- c(inf_vars, as.integer(strsplit(gsub(" ", "", v), ",")[[1]]))
  }
  list(
    name = name,
    call = call,
    ties = ties,
    iterMax = iter.max,
    reference = if (length(reference) == 0) structure(list(), names = character(0)) else reference,
    n = fit$n,
    nEvent = fit$nevent,
    data = list(time = d$time, status = d$status, covariates = as.list(d[covariates])),
    covariateOrder = as.list(covariates),
    terms = terms,
    loglik = as.list(unname(fit$loglik)),
    wald = wald,
    likelihoodRatio = test(s$logtest),
    score = test(s$sctest),
    iterations = fit$iter,
    converged = !any(grepl("did not converge", res$warnings)),
    infiniteTerms = as.list(inf_vars),
    warnings = as.list(res$warnings)
  )
}

ties_both <- c("efron", "breslow")
out_real <- list()
add_real <- function(name, call_fmt, d, covariates, reference = list()) {
  for (ties in ties_both) {
    call <- sprintf(call_fmt, ties)
    out_real[[length(out_real) + 1]] <<- fit_case(name, call, d, covariates, ties, reference, check = call)
  }
}

aml_d <- data.frame(time = aml$time, status = aml$status, x = as.character(aml$x))
add_real("aml ~ x", 'coxph(Surv(time, status) ~ x, data = aml, ties = "%s")', aml_d, "x")

lung_cc <- function(cols) {
  d <- lung[complete.cases(lung[, c("time", "status", cols)]), c("time", "status", cols)]
  d$status <- d$status - 1L
  rownames(d) <- NULL
  d
}
add_real("lung ~ sex", 'coxph(Surv(time, status) ~ sex, data = lung, ties = "%s")', lung_cc("sex"), "sex")
add_real("lung ~ age + sex", 'coxph(Surv(time, status) ~ age + sex, data = lung, ties = "%s")',
         lung_cc(c("age", "sex")), c("age", "sex"))
ecog <- lung_cc("ph.ecog")
ecog$ph.ecog <- as.character(ecog$ph.ecog)
add_real("lung ~ factor(ph.ecog)", 'coxph(Surv(time, status) ~ factor(ph.ecog), data = lung, ties = "%s")',
         ecog, "ph.ecog")
ov <- data.frame(time = ovarian$futime, status = ovarian$fustat, rx = ovarian$rx, age = ovarian$age)
add_real("ovarian ~ rx + age", 'coxph(Surv(futime, fustat) ~ rx + age, data = ovarian, ties = "%s")', ov, c("rx", "age"))
vet <- data.frame(time = veteran$time, status = veteran$status, trt = veteran$trt,
                  celltype = as.character(veteran$celltype), karno = veteran$karno)
add_real("veteran ~ trt + celltype + karno", 'coxph(Surv(time, status) ~ trt + celltype + karno, data = veteran, ties = "%s")',
         vet, c("trt", "celltype", "karno"), reference = list(celltype = "squamous"))

# ---- synthetic data ------------------------------------------------------------------------
# Event times exponential with hazard exp(lp); censoring uniform; times rounded (ties) where
# stated. Values are rounded so that JSON carries them exactly.
simulate <- function(n, lp, cens_max, digits = 2) {
  t <- rexp(n, rate = 0.1 * exp(lp))
  cen <- runif(n, 0, cens_max)
  time <- round(pmin(t, cen), digits)
  status <- as.integer(t <= cen)
  data.frame(time = time, status = status)
}
levels_of <- function(k) c("a", "b", "c", "d", "e")[seq_len(k)]

out_syn <- list()
add_syn <- function(name, d, covariates, reference = list(), iter.max = 20, ties = ties_both) {
  for (tt in ties) {
    call <- sprintf('coxph(Surv(time, status) ~ %s, data = d, ties = "%s"%s)',
                    paste(covariates, collapse = " + "), tt,
                    if (iter.max != 20) sprintf(", control = coxph.control(iter.max = %d)", iter.max) else "")
    out_syn[[length(out_syn) + 1]] <<- fit_case(name, call, d, covariates, tt, reference, iter.max = iter.max)
  }
}

set.seed(20240601)
# 1 binary covariate, continuous times, moderate censoring
x <- rbinom(60, 1, 0.5); d <- cbind(simulate(60, 0.7 * x, 30, 3), x = x)
add_syn("binary, n = 60", d, "x")
# 2 binary, heavy ties (integer times 0..8)
x <- rbinom(120, 1, 0.4); d <- cbind(simulate(120, -0.5 * x, 10, 0), x = x)
add_syn("binary, heavy ties, n = 120", d, "x")
# 3 heavy censoring (~80%), binary + numeric
x <- rbinom(150, 1, 0.5); z <- round(rnorm(150), 3)
d <- cbind(simulate(150, 0.4 * x + 0.3 * z, 2.5, 2), x = x, z = z)
add_syn("heavy censoring, n = 150", d, c("x", "z"))
# 4 three-level factor with ties
g <- sample(levels_of(3), 90, TRUE); lp <- c(a = 0, b = 0.5, c = -0.6)[g]
d <- cbind(simulate(90, lp, 20, 0), g = g)
add_syn("3-level factor, ties, n = 90", d, "g")
# 5 four-level factor + numeric
g <- sample(levels_of(4), 160, TRUE); age <- round(rnorm(160, 60, 10), 1)
lp <- c(a = 0, b = 0.3, c = 0.8, d = -0.4)[g] + 0.02 * (age - 60)
d <- cbind(simulate(160, lp, 25, 1), g = g, age = age)
add_syn("4-level factor + age, n = 160", d, c("g", "age"))
# 6 five-level factor, heavy ties
g <- sample(levels_of(5), 200, TRUE); lp <- c(a = 0, b = 0.2, c = 0.4, d = 0.6, e = 1)[g]
d <- cbind(simulate(200, lp, 15, 0), g = g)
add_syn("5-level factor, heavy ties, n = 200", d, "g")
# 7 numeric covariates on very different scales
age <- round(rnorm(100, 65, 8), 1); lab <- round(rlnorm(100, 7, 0.5), 0)
d <- cbind(simulate(100, 0.03 * (age - 65) + 0.0004 * (lab - 1100), 30, 2), age = age, lab = lab)
add_syn("numeric, different scales, n = 100", d, c("age", "lab"))
# 8 three-level factor, one level with no events -> infinite coefficient
g <- rep(levels_of(3), length.out = 45)
d <- cbind(simulate(45, c(a = 0, b = 0.5, c = 0)[g], 20, 1), g = g)
d$status[d$g == "c"] <- 0L
add_syn("factor level with no events, n = 45", d, "g")
# 9 binary: every event in one group -> infinite coefficient
x <- rep(0:1, 20); d <- cbind(simulate(40, 0, 20, 1), x = x)
d$status[d$x == 0] <- 0L
add_syn("binary, every event in one group, n = 40", d, "x")
# 10 covariate coded -1/0/1 (R does not centre it) plus a 0/1 column
s3 <- sample(c(-1, 0, 1), 80, TRUE); x <- rbinom(80, 1, 0.5)
d <- cbind(simulate(80, 0.5 * s3 + 0.3 * x, 20, 1), s3 = s3, x = x)
add_syn("-1/0/1 coded covariate, n = 80", d, c("s3", "x"))
# 11 tiny data with ties
d <- data.frame(time = c(1, 1, 2, 2, 2, 3, 4, 4, 5, 6), status = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0),
                x = c(1, 0, 1, 1, 0, 0, 1, 0, 0, 1))
add_syn("tiny with ties, n = 10", d, "x")
# 12 collinear covariates (z = 2x + 1) -> NA for z
x <- round(rnorm(70), 2); d <- cbind(simulate(70, 0.5 * x, 20, 1), x = x, z = 2 * x + 1)
add_syn("collinear, n = 70", d, c("x", "z"))
# 13 non-convergence: monotone likelihood with only 3 iterations allowed
x <- rep(0:1, 15); d <- cbind(simulate(30, 0, 20, 1), x = x)
d$status[d$x == 1] <- 0L
add_syn("no convergence in 3 iterations, n = 30", d, "x", iter.max = 3)
# 14 strong effect
x <- rbinom(40, 1, 0.5); d <- cbind(simulate(40, 2 * x, 30, 2), x = x)
add_syn("strong effect, n = 40", d, "x")
# 15 three distinct times only, two covariates
x <- rbinom(60, 1, 0.5); z <- round(runif(60, 0, 1), 2)
d <- data.frame(time = sample(1:3, 60, TRUE), status = rbinom(60, 1, 0.7), x = x, z = z)
add_syn("three distinct times, n = 60", d, c("x", "z"))
# 16 numeric + factor + binary, n = 300
g <- sample(levels_of(3), 300, TRUE); x <- rbinom(300, 1, 0.3); age <- round(rnorm(300, 55, 12))
lp <- c(a = 0, b = -0.3, c = 0.4)[g] + 0.5 * x + 0.015 * (age - 55)
d <- cbind(simulate(300, lp, 20, 0), g = g, x = x, age = age)
add_syn("mixed covariates, ties, n = 300", d, c("age", "g", "x"))
# 17 times equal to zero
x <- rbinom(50, 1, 0.5); d <- cbind(simulate(50, 0.4 * x, 20, 0), x = x)
d$time[1:4] <- 0; d$status[1:4] <- c(1L, 1L, 0L, 1L)
add_syn("times at zero, n = 50", d, "x")
# 18 numeric covariate perfectly ordering the events -> infinite coefficient
d <- data.frame(time = 1:30, status = rep(c(1L, 1L, 0L), 10))
d$z <- round(-d$time / 10, 1)
add_syn("numeric with monotone likelihood, n = 30", d, "z")
# 19 larger data, binary + numeric, ties
x <- rbinom(2000, 1, 0.5); z <- round(rnorm(2000), 2)
d <- cbind(simulate(2000, 0.3 * x - 0.2 * z, 20, 0), x = x, z = z)
add_syn("n = 2000 with ties", d, c("x", "z"))
# 20 four-level factor with a named reference (not the first in sorted order)
g <- sample(levels_of(4), 120, TRUE); lp <- c(a = 0.2, b = 0, c = 0.6, d = -0.3)[g]
d <- cbind(simulate(120, lp, 20, 1), g = g)
add_syn("4-level factor, reference 'c', n = 120", d, "g", reference = list(g = "c"))
# 21 labels whose code-point order differs from alphabetical (upper case first)
g <- sample(c("Beta", "alpha", "Gamma"), 100, TRUE); lp <- c(Beta = 0, alpha = 0.4, Gamma = -0.5)[g]
d <- cbind(simulate(100, lp, 20, 1), g = g)
add_syn("labels in code-point order, n = 100", d, "g")
# 22 binary covariate with few events
x <- rbinom(80, 1, 0.5); d <- cbind(simulate(80, 0.5 * x, 2, 2), x = x)
add_syn("few events, n = 80", d, "x")
# 23 many tied events at each time, three covariates
x <- rbinom(250, 1, 0.5); z <- round(rnorm(250), 1); w <- rbinom(250, 1, 0.2)
d <- data.frame(time = sample(1:6, 250, TRUE), status = rbinom(250, 1, 0.85), x = x, z = z, w = w)
add_syn("many ties per time, three covariates, n = 250", d, c("x", "z", "w"))

meta <- list(R = R.version.string, survival = as.character(packageVersion("survival")))
dir.create("tests/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(list(meta = meta, cases = out_real), "tests/fixtures/cox-datasets.json",
           digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", null = "null")
write_json(list(meta = meta, cases = out_syn), "tests/fixtures/cox-synthetic.json",
           digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", null = "null")
cat("cox: wrote", length(out_real), "dataset fits and", length(out_syn), "synthetic fits\n")
