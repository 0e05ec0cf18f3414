# Times R's survfit, survdiff and coxph on a CSV written by src/cli/bench.ts.
# Usage: Rscript --vanilla bench/bench.R <data.csv> <reps>
# Prints one JSON object: median elapsed milliseconds per method.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
reps <- as.integer(args[2])
time_it <- function(f) {
  f() # warm-up
  ms <- vapply(seq_len(reps), function(i) unname(system.time(f(), gcFirst = FALSE)["elapsed"]) * 1000, numeric(1))
  median(ms)
}
out <- list(
  km = time_it(function() survfit(Surv(time, status) ~ 1, data = d)),
  logrank = time_it(function() survdiff(Surv(time, status) ~ group, data = d)),
  cox = time_it(function() coxph(Surv(time, status) ~ group, data = d))
)
cat(toJSON(out, auto_unbox = TRUE, digits = NA))
