# Reference values for src/stats/survival-power.ts: the Schoenfeld and Freedman formulas for the
# number of events, the detectable hazard ratio and the power, evaluated in R with qnorm/pnorm.
# These are the textbook formulas themselves (no R package implements exactly this set), checked
# below against the values in /work/shared/REFERENCES.md (HR 0.75: 379.35 and 384.60 events;
# 50 events: detectable HR 0.453 or 2.21).
# Run from the repo root: Rscript --vanilla tests/oracle/power.R
# Writes tests/fixtures/power.json.
suppressPackageStartupMessages(library(jsonlite))

za_of <- function(alpha, sides) qnorm(alpha / sides, lower.tail = FALSE)
schoenfeld_events <- function(hr, alpha, power, k, sides)
  (za_of(alpha, sides) + qnorm(power))^2 * (1 + k)^2 / (k * log(hr)^2)
freedman_events <- function(hr, alpha, power, k, sides)
  (za_of(alpha, sides) + qnorm(power))^2 * (1 + k * hr)^2 / (k * (1 - hr)^2)
schoenfeld_detectable <- function(d, alpha, power, k, sides) {
  delta <- (za_of(alpha, sides) + qnorm(power)) * (1 + k) / sqrt(k * d)
  c(below = exp(-delta), above = exp(delta))
}
freedman_detectable <- function(d, alpha, power, k, sides) {
  q <- sqrt(k * d) / (za_of(alpha, sides) + qnorm(power))
  c(below = if (q > 1) (q - 1) / (q + k) else NA, above = if (q > k) (q + 1) / (q - k) else NA)
}
schoenfeld_power <- function(hr, d, alpha, k, sides)
  pnorm(sqrt(k * d) * abs(log(hr)) / (1 + k) - za_of(alpha, sides))
freedman_power <- function(hr, d, alpha, k, sides)
  pnorm(sqrt(k * d) * abs(1 - hr) / (1 + k * hr) - za_of(alpha, sides))

# REFERENCES.md checks
stopifnot(abs(schoenfeld_events(0.75, 0.05, 0.8, 1, 2) - 379.35) < 0.005)
stopifnot(abs(freedman_events(0.75, 0.05, 0.8, 1, 2) - 384.60) < 0.005)
stopifnot(all(abs(schoenfeld_detectable(50, 0.05, 0.8, 1, 2) - c(0.453, 2.21)) < c(5e-4, 5e-3)))

num <- function(x) if (is.na(x)) NULL else unname(x)
events <- list()
for (hr in c(0.5, 0.6, 0.75, 0.8, 0.9, 1.25, 1.5, 2, 3)) for (alpha in c(0.01, 0.05, 0.1))
  for (power in c(0.8, 0.9)) for (k in c(1, 2, 0.5)) for (sides in c(2, 1)) {
    args <- sprintf("hr = %s, alpha = %s, power = %s, k = %s, sides = %s", hr, alpha, power, k, sides)
    events[[length(events) + 1]] <- list(
      hazardRatio = hr, alpha = alpha, power = power, allocation = k, sides = sides,
      call = sprintf("schoenfeld_events(%s); freedman_events(%s)", args, args),
      schoenfeld = schoenfeld_events(hr, alpha, power, k, sides),
      freedman = freedman_events(hr, alpha, power, k, sides))
  }
detectable <- list()
for (d in c(5, 10, 20, 50, 100, 379.35, 1000)) for (alpha in c(0.05, 0.01)) for (power in c(0.8, 0.9))
  for (k in c(1, 2, 0.5, 5)) for (sides in c(2, 1)) {
    args <- sprintf("d = %s, alpha = %s, power = %s, k = %s, sides = %s", d, alpha, power, k, sides)
    s <- schoenfeld_detectable(d, alpha, power, k, sides)
    f <- freedman_detectable(d, alpha, power, k, sides)
    detectable[[length(detectable) + 1]] <- list(
      events = d, alpha = alpha, power = power, allocation = k, sides = sides,
      call = sprintf("schoenfeld_detectable(%s); freedman_detectable(%s)", args, args),
      schoenfeld = list(below = num(s[["below"]]), above = num(s[["above"]])),
      freedman = list(below = num(f[["below"]]), above = num(f[["above"]])))
  }
power <- list()
for (hr in c(0.5, 0.7, 0.75, 0.9, 1.2, 1.5, 2.5)) for (d in c(10, 50, 100, 379.35, 500))
  for (alpha in c(0.05, 0.01)) for (k in c(1, 2, 0.5)) for (sides in c(2, 1)) {
    args <- sprintf("hr = %s, d = %s, alpha = %s, k = %s, sides = %s", hr, d, alpha, k, sides)
    power[[length(power) + 1]] <- list(
      hazardRatio = hr, events = d, alpha = alpha, allocation = k, sides = sides,
      call = sprintf("schoenfeld_power(%s); freedman_power(%s)", args, args),
      schoenfeld = schoenfeld_power(hr, d, alpha, k, sides),
      freedman = freedman_power(hr, d, alpha, k, sides))
  }

formulas <- paste(
  "za = qnorm(alpha / sides, lower.tail = FALSE), zb = qnorm(power);",
  "schoenfeld_events = (za + zb)^2 (1 + k)^2 / (k log(hr)^2);",
  "freedman_events = (za + zb)^2 (1 + k hr)^2 / (k (1 - hr)^2);",
  "schoenfeld_detectable = exp(-/+ (za + zb)(1 + k) / sqrt(k d));",
  "freedman_detectable: q = sqrt(k d) / (za + zb), below = (q - 1)/(q + k) if q > 1, above = (q + 1)/(q - k) if q > k;",
  "schoenfeld_power = pnorm(sqrt(k d) |log hr| / (1 + k) - za);",
  "freedman_power = pnorm(sqrt(k d) |1 - hr| / (1 + k hr) - za)")
dir.create("tests/fixtures", showWarnings = FALSE, recursive = TRUE)
write_json(list(meta = list(R = R.version.string, formulas = formulas),
                events = events, detectable = detectable, power = power),
           "tests/fixtures/power.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", null = "null")
cat("power: wrote", length(events), "events,", length(detectable), "detectable and", length(power), "power entries\n")
