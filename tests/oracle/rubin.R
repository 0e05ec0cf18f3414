# Reference values for src/stats/rubin.ts: Rubin's rules for pooling one estimate over m data sets.
# mice is not installed, so its formulas are written out here as they are in mice 3.x:
#   pool.scalar():  qbar = mean(Q), ubar = mean(U), b = var(Q), t = ubar + (1 + 1/m) b,
#                   r = (1 + 1/m) b / ubar, lambda = (1 + 1/m) b / t, fmi = (r + 2/(df + 3)) / (r + 1)
#   barnard.rubin(): lambda floored at 1e-4, dfold = (m - 1) / lambda^2,
#                   dfobs = (dfcom + 1)/(dfcom + 3) dfcom (1 - lambda), df = dfold dfobs / (dfold + dfobs)
#                   (df = dfold when dfcom is infinite)
#   summary.mipo(): conf.int = qbar -/+ qt((1 + level)/2, df) sqrt(t), p = 2 pt(-|qbar / sqrt(t)|, df)
# Rubin (1987) ch. 3; Barnard & Rubin, Biometrika 1999;86:948-955; van Buuren (2018) sections 2.3-2.4.
# With mice installed, `pool.scalar(Q, U, n = dfcom + 1, k = 1)` gives the same numbers (pool.scalar
# takes n and k and uses dfcom = n - k).
# The inputs: hand-made vectors (edge cases included) and, as in real use, the log hazard ratios
# and their variances of coxph fits on m completed copies of survival::lung (meal.cal, missing
# for 47 patients, filled by seeded random draws from the observed values).
# Run from the repo root: Rscript --vanilla tests/oracle/rubin.R
# Writes tests/fixtures/rubin.json.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })

rubin <- function(q, u, dfcom = Inf, level = 0.95) {
  m <- length(q)
  qbar <- mean(q)
  ubar <- mean(u)
  b <- var(q)
  t <- ubar + (1 + 1 / m) * b
  riv <- (1 + 1 / m) * b / ubar
  lambda <- (1 + 1 / m) * b / t
  lf <- max(lambda, 1e-04)
  dfold <- (m - 1) / lf^2
  df <- if (is.infinite(dfcom)) dfold else {
    dfobs <- (dfcom + 1) / (dfcom + 3) * dfcom * (1 - lf)
    dfold * dfobs / (dfold + dfobs)
  }
  fmi <- (riv + 2 / (df + 3)) / (riv + 1)
  se <- sqrt(t)
  crit <- qt((1 + level) / 2, df)
  list(m = m, estimate = qbar, within = ubar, between = b, total = t, se = se, riv = riv, lambda = lambda,
       fmi = fmi, df = df, dfRubin = dfold, confLevel = level, lower = qbar - crit * se, upper = qbar + crit * se,
       statistic = qbar / se, p = 2 * pt(-abs(qbar / se), df))
}

# Number formatting for the call strings: enough digits to rerun them exactly.
fmt <- function(x) paste(vapply(x, function(v) {
  s <- sprintf("%.15g", v)
  if (as.numeric(s) == v) s else sprintf("%.17g", v)
}, ""), collapse = ", ")
dfc <- function(d) if (is.infinite(d)) "Inf" else fmt(d)

cases <- list()
add <- function(name, q, u, dfcom = Inf, level = 0.95) {
  out <- rubin(q, u, dfcom, level)
  cases[[length(cases) + 1]] <<- list(
    name = name,
    call = sprintf("rubin(q = c(%s), u = c(%s), dfcom = %s, level = %s)", fmt(q), fmt(u), dfc(dfcom), fmt(level)),
    input = list(estimates = q, variances = u, dfComplete = if (is.infinite(dfcom)) NULL else dfcom, confLevel = level),
    pooled = out)
}

add("two data sets", c(0.1, 0.3), c(0.04, 0.05))
add("five, moderate spread", c(-0.52, -0.31, -0.70, -0.44, -0.25), c(0.21, 0.19, 0.25, 0.22, 0.18))
add("five, moderate spread, dfcom 20", c(-0.52, -0.31, -0.70, -0.44, -0.25), c(0.21, 0.19, 0.25, 0.22, 0.18), 20)
add("five, moderate spread, dfcom 3", c(-0.52, -0.31, -0.70, -0.44, -0.25), c(0.21, 0.19, 0.25, 0.22, 0.18), 3)
add("five, 90% interval", c(-0.52, -0.31, -0.70, -0.44, -0.25), c(0.21, 0.19, 0.25, 0.22, 0.18), Inf, 0.9)
add("between dominates", c(-2, 1.5, 0.3, 2.2), c(0.01, 0.02, 0.01, 0.015))
add("between dominates, dfcom 56", c(-2, 1.5, 0.3, 2.2), c(0.01, 0.02, 0.01, 0.015), 56)
add("identical estimates (B = 0)", c(0.4, 0.4, 0.4), c(0.09, 0.1, 0.11))
add("identical estimates (B = 0), dfcom 30", c(0.4, 0.4, 0.4), c(0.09, 0.1, 0.11), 30)
add("tiny spread (lambda below the floor)", c(0.4, 0.4 + 1e-5, 0.4 - 1e-5), c(0.09, 0.1, 0.11))
add("estimate zero", c(-0.1, 0.1), c(0.3, 0.3))

# Realistic use: m completed copies of lung, each fitted by coxph (Efron ties), pooled.
data(cancer, package = "survival")
lung2 <- lung
miss <- is.na(lung2$meal.cal)
for (m in c(5L, 20L)) {
  set.seed(20200101 + m)
  q <- numeric(m); u <- numeric(m)
  for (i in seq_len(m)) {
    d <- lung2
    d$meal.cal[miss] <- sample(lung2$meal.cal[!miss], sum(miss), replace = TRUE)
    fit <- coxph(Surv(time, status) ~ I(meal.cal / 100) + sex, data = d, ties = "efron")
    q[i] <- unname(coef(fit)[[1]])
    u[i] <- unname(vcov(fit)[1, 1])
  }
  add(sprintf("lung, coxph(Surv(time, status) ~ I(meal.cal / 100) + sex), %d completed data sets", m), q, u)
  add(sprintf("lung, coxph(Surv(time, status) ~ I(meal.cal / 100) + sex), %d completed data sets, dfcom 225", m), q, u, 225)
}

dir.create("tests/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(list(meta = list(R = R.version.string, survival = as.character(packageVersion("survival")),
                            formulas = "mice 3.x pool.scalar + barnard.rubin, written out in tests/oracle/rubin.R"),
                cases = cases),
           "tests/fixtures/rubin.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", null = "null")
cat("rubin: wrote", length(cases), "cases\n")
