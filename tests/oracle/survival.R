# Reference values for the survival half of the statistics core (src/stats/):
# Kaplan-Meier (three CI types), quantiles, summary at times, KMunicate risk table,
# reverse-KM follow-up, survdiff (omnibus and pairwise with p.adjust) and RMST.
#
# Run from the repo root:  Rscript --vanilla tests/oracle/survival.R
# Writes tests/fixtures/survival-*.json. Deterministic: running it twice gives identical files.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.5")
set.seed(20200109)

fixture_dir <- "tests/fixtures"
write_fixture <- function(x, name) {
  path <- file.path(fixture_dir, paste0("survival-", name, ".json"))
  jsonlite::write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE)
  cat("wrote", path, "\n")
}
# Keep vectors as JSON arrays even when they have length 1 (auto_unbox would make them scalars).
arr <- function(x) I(as.vector(x))
# Code-point order, whatever the locale.
sort_labels <- function(x) sort(unique(as.character(x)), method = "radix")
q <- function(s) paste0('"', s, '"')

# ---------------------------------------------------------------------------------------------
# Data sets. Every data set goes through JSON and back before anything is computed, so R works on
# exactly the numbers the TypeScript tests read (jsonlite prints 15 significant digits).
# ---------------------------------------------------------------------------------------------
datasets <- list()
add_dataset <- function(name, time, status, group, description, data_expr = name,
                        group_expr = "group", levels = NULL) {
  raw <- list(time = as.numeric(time), status = as.integer(status), group = as.character(group))
  back <- jsonlite::fromJSON(jsonlite::toJSON(raw, digits = NA))
  stopifnot(length(back$time) == length(time), all(back$status %in% c(0L, 1L)))
  if (is.null(levels)) levels <- sort_labels(back$group)
  datasets[[name]] <<- list(
    name = name, description = description, data = data_expr, groupVar = group_expr,
    levels = levels, time = back$time, status = back$status, group = back$group
  )
}

# R's data sets (survival 3.5-3), group variables as in the brief.
add_dataset("aml", aml$time, aml$status, aml$x, "survival::aml, Maintained vs Nonmaintained", "aml", "x",
            levels = levels(aml$x))
add_dataset("lung", lung$time, lung$status - 1, lung$sex, "survival::lung by sex (1 male, 2 female); status recoded 2 -> 1", "lung", "sex")
add_dataset("ovarian", ovarian$futime, ovarian$fustat, ovarian$rx, "survival::ovarian by rx", "ovarian", "rx")
add_dataset("veteran_celltype", veteran$time, veteran$status, veteran$celltype, "survival::veteran by celltype (4 groups)",
            "veteran", "celltype", levels = levels(veteran$celltype))
add_dataset("veteran_trt", veteran$time, veteran$status, veteran$trt, "survival::veteran by trt", "veteran", "trt")

# Hand-entered: Freireich et al. 1963 6-MP vs placebo remission times (Gehan 1965).
add_dataset("gehan",
  c(6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35,
    1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23),
  c(1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, rep(1, 21)),
  rep(c("6-MP", "placebo"), each = 21), "Freireich 6-MP vs placebo (hand-entered, heavy ties)")

# Seeded synthetic data sets.
g2 <- function(n) sample(c("A", "B"), n, replace = TRUE)
gk <- function(n, k) sample(LETTERS[1:k], n, replace = TRUE)
censor <- function(ev, cens, digits = 3) list(time = round(pmin(ev, cens), digits), status = as.integer(ev <= cens))

n <- 80; add_dataset("ties_int_2g", sample(1:12, n, TRUE), rbinom(n, 1, 0.6), g2(n), "integer times 1-12: heavy ties")
n <- 120; add_dataset("ties_int_3g", sample(1:6, n, TRUE), rbinom(n, 1, 0.7), gk(n, 3), "integer times 1-6: very heavy ties, 3 groups")
n <- 150; x <- censor(rexp(n, 0.05), rexp(n, 0.5))
add_dataset("heavy_censor_2g", x$time, x$status, g2(n), "about 90% censored, continuous")
n <- 200; x <- censor(ceiling(rexp(n, 0.04)), ceiling(rexp(n, 0.12)), 0)
add_dataset("heavy_censor_int_3g", x$time, x$status, gk(n, 3), "about 75% censored, integer times, 3 groups")
n <- 90; grp <- gk(n, 3); x <- censor(rweibull(n, 1.3, 10), runif(n, 2, 25))
x$status[grp == "C"] <- 0L
add_dataset("no_events_group_3g", x$time, x$status, grp, "group C has no events")
n <- 160; grp <- gk(n, 4); rate <- c(A = 0.05, B = 0.08, C = 0.12, D = 0.2)[grp]
x <- censor(rexp(n, rate), runif(n, 0, 30))
add_dataset("k4_continuous", x$time, x$status, grp, "4 groups, continuous times")
n <- 150; grp <- gk(n, 5); rate <- c(A = 0.05, B = 0.07, C = 0.09, D = 0.12, E = 0.15)[grp]
x <- censor(round(rexp(n, rate)), round(runif(n, 0, 30)), 0)
add_dataset("k5_ties", x$time, x$status, grp, "5 groups, rounded times with ties (some zero)")
x <- censor(rexp(60, 0.1), runif(60, 0, 25))
add_dataset("group_of_one_event", c(x$time, 7.5), c(x$status, 1), c(g2(60), "C"), "group C is one patient with an event")
x <- censor(0.1 + rexp(50, 0.1), 0.1 + runif(50, 0, 25))
add_dataset("group_of_one_early_censor", c(x$time, 0.05), c(x$status, 0), c(g2(50), "C"),
            "group C is one patient censored before any event (expected 0, df drops)")
n <- 20; add_dataset("all_censored_2g", round(runif(n, 1, 10), 2), rep(0, n), g2(n), "no events at all")
add_dataset("flat_median_2g",
  c(1:10, round(rexp(15, 0.1), 2)),
  c(1, 1, 1, 1, 1, 0, 0, 1, 0, 1, rbinom(15, 1, 0.7)),
  c(rep("A", 10), rep("B", 15)), "A: S = 0.5 exactly on [5, 8) (median midpoint rule)")
add_dataset("flat_q25_2g",
  c(1, 2, 3, 4, 5, 6, 7, 8, round(rexp(15, 0.1), 2)),
  c(0, 1, 0, 1, 0, 0, 1, 1, rbinom(15, 1, 0.7)),
  c(rep("A", 8), rep("B", 15)), "A: S = 0.75 exactly on a flat stretch")
add_dataset("flat_q75_2g",
  c(1, 2, 3, 4, 5, 6, 7, 9, round(rexp(15, 0.1), 2)),
  c(1, 1, 1, 1, 1, 1, 0, 1, rbinom(15, 1, 0.7)),
  c(rep("A", 8), rep("B", 15)), "A: S = 0.25 exactly on [6, 9)")
add_dataset("ends_flat_median_2g",
  c(1, 2, 3, 4, 5, 6, round(rexp(15, 0.1), 2)),
  c(1, 1, 1, 0, 0, 0, rbinom(15, 1, 0.7)),
  c(rep("A", 6), rep("B", 15)), "A: S ends at exactly 0.5 (last-point midpoint rule)")
x <- censor(rexp(30, 0.2), runif(30, 0, 40))
add_dataset("reaches_zero_2g", c(x$time, 45, 50), c(x$status, 1, 1), c(g2(30), "A", "B"), "both curves reach S = 0")
x <- censor(rexp(40, 0.2), runif(40, 0, 15))
add_dataset("zero_times_2g", c(x$time, 0, 0, 0, 0), c(x$status, 1, 0, 1, 1), c(g2(40), "A", "A", "B", "B"),
            "events and censorings at time 0")
add_dataset("near_ties_2g",
  c(10, 10.0000000001, 5, 5.00000001, 7, 7.0000001, 1000000, 1000000.001, 3, 3.5, 12, 12.000000000001, 20, 2, 8, 1),
  c(1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0),
  c("A", "B", "A", "B", "A", "A", "B", "B", "A", "B", "A", "B", "A", "B", "B", "A"),
  "times within sqrt(eps) (absolute or relative to mean |t|) merged by aeqSurv")
n <- 300; grp <- g2(n); x <- censor(rweibull(n, ifelse(grp == "A", 0.8, 1.4), 12), runif(n, 1, 30), 4)
add_dataset("weibull_300_2g", x$time, x$status, grp, "300 patients, Weibull, continuous")
x <- censor(rexp(105, 0.1), runif(105, 0, 30))
add_dataset("unbalanced_2g", x$time, x$status, c(rep("small", 5), rep("large", 100)), "groups of 5 and 100")
n <- 300; grp <- gk(n, 3); x <- censor(rgamma(n, 2, 0.2), runif(n, 0, 25), 1)
add_dataset("gamma_300_3g", x$time, x$status, grp, "300 patients, 3 groups, times rounded to 0.1 (ties)")
x <- censor(rexp(40, 0.02), runif(40, 0, 20))
add_dataset("no_median_2g", x$time, x$status, g2(40), "little mortality: medians not reached")
add_dataset("tiny_2g", c(9, 3, 1, 1, 6, 6, 8, 2, 4, 4), c(1, 1, 1, 0, 1, 1, 0, 0, 1, 1), c("x", "x", "x", "x", "y", "y", "y", "y", "y", "x"),
            "ten patients, hand-built (after survival's tests/book1.R)")
x <- censor(rexp(50, 0.1), runif(50, 0, 30), 2)
add_dataset("numeric_labels_2g", x$time, x$status, sample(c("10", "9"), 50, TRUE), "labels '10' and '9' (code-point order: '10' < '9')")

stopifnot(length(datasets) >= 25)
# Sanity checks on the scenarios.
stopifnot(mean(datasets$heavy_censor_2g$status == 0) > 0.7, mean(datasets$heavy_censor_int_3g$status == 0) > 0.7)

# ---------------------------------------------------------------------------------------------
# Per curve: every group, and all patients together.
# ---------------------------------------------------------------------------------------------
frame <- function(ds) data.frame(time = ds$time, status = ds$status, group = factor(ds$group, levels = ds$levels))
curves <- function(ds) c(list(list(label = "(all)", keep = rep(TRUE, length(ds$time)))),
                         lapply(ds$levels, function(g) list(label = g, keep = ds$group == g)))
subset_expr <- function(ds, label) {
  if (label == "(all)") sprintf("data = %s", ds$data)
  else {
    value <- if (ds$name %in% c("lung", "ovarian", "veteran_trt")) label else q(label)
    sprintf("data = %s, subset = %s == %s", ds$data, ds$groupVar, value)
  }
}
conf_types <- c("log", "log-log", "plain")
probs <- c(0.25, 0.5, 0.75)
request_times <- function(time) {
  qs <- unname(quantile(time, c(0.1, 0.25, 0.5, 0.75, 0.9), type = 1))
  sort(unique(c(0, qs, signif(mean(range(time)), 3), max(time), signif(max(time) * 1.1 + 1, 3))))
}

km_out <- list(); summary_out <- list(); risk_out <- list(); followup_out <- list()
for (ds in datasets) {
  d <- frame(ds)
  times <- request_times(ds$time)
  for (cv in curves(ds)) {
    sub <- d[cv$keep, ]
    where <- subset_expr(ds, cv$label)
    base <- list(dataset = ds$name, curve = cv$label)
    fits <- lapply(conf_types, function(ct) survfit(Surv(time, status) ~ 1, data = sub, conf.type = ct))
    names(fits) <- conf_types
    f <- fits$log
    ci <- list(); quant <- list(); summ <- list()
    for (ct in conf_types) {
      fit <- fits[[ct]]
      ci[[ct]] <- list(lower = arr(fit$lower), upper = arr(fit$upper))
      qq <- quantile(fit, probs = probs)
      quant[[ct]] <- list(call = sprintf('quantile(survfit(Surv(time, status) ~ 1, %s, conf.type = "%s"), probs = c(0.25, 0.5, 0.75))', where, ct),
                          probs = arr(probs), est = arr(qq$quantile), lower = arr(qq$lower), upper = arr(qq$upper))
      s <- summary(fit, times = times, extend = TRUE)
      summ[[ct]] <- list(call = sprintf('summary(survfit(Surv(time, status) ~ 1, %s, conf.type = "%s"), times = c(%s), extend = TRUE)',
                                        where, ct, paste(times, collapse = ", ")),
                         time = arr(s$time), surv = arr(s$surv), se = arr(s$std.err), lower = arr(s$lower), upper = arr(s$upper),
                         nRisk = arr(s$n.risk))
    }
    km_out[[length(km_out) + 1]] <- c(base, list(
      call = sprintf('survfit(Surv(time, status) ~ 1, %s, conf.type = c("log", "log-log", "plain"))', where),
      n = f$n, time = arr(f$time), nRisk = arr(f$n.risk), nEvent = arr(f$n.event), nCensor = arr(f$n.censor),
      surv = arr(f$surv), stdErr = arr(f$std.err), se = arr(f$std.err * f$surv), ci = ci, quantile = quant))
    summary_out[[length(summary_out) + 1]] <- c(base, list(times = arr(times), byConfType = summ))
    risk_out[[length(risk_out) + 1]] <- c(base, list(
      call = sprintf("with(%s, c(sum(time >= t), sum(status == 1 & time < t), sum(status == 0 & time < t)))", sub("^data = ", "", where)),
      times = arr(times),
      atRisk = arr(sapply(times, function(t) sum(sub$time >= t))),
      events = arr(sapply(times, function(t) sum(sub$status == 1 & sub$time < t))),
      censored = arr(sapply(times, function(t) sum(sub$status == 0 & sub$time < t)))))
    rev_fit <- survfit(Surv(time, 1 - status) ~ 1, data = sub)
    rq <- quantile(rev_fit, probs = probs)
    followup_out[[length(followup_out) + 1]] <- c(base, list(
      call = sprintf("quantile(survfit(Surv(time, 1 - status) ~ 1, %s), probs = c(0.25, 0.5, 0.75))", where),
      probs = arr(probs), est = arr(rq$quantile), lower = arr(rq$lower), upper = arr(rq$upper),
      reverse = list(time = arr(rev_fit$time), surv = arr(rev_fit$surv), nRisk = arr(rev_fit$n.risk),
                     nEvent = arr(rev_fit$n.event), lower = arr(rev_fit$lower), upper = arr(rev_fit$upper))))
  }
}

# ---------------------------------------------------------------------------------------------
# Log-rank: omnibus and pairwise (p.adjust over the pairs that have a test, i.e. df >= 1).
# ---------------------------------------------------------------------------------------------
logrank_out <- list(); pairwise_out <- list()
for (ds in datasets) {
  d <- frame(ds)
  # pchisq(0, -1) warns 'NaNs produced' when nothing happens (all censored): expected, so silenced.
  sd <- suppressWarnings(survdiff(Surv(time, status) ~ group, data = d))
  df <- sum(sd$exp > 0) - 1
  logrank_out[[length(logrank_out) + 1]] <- list(
    dataset = ds$name, call = sprintf("survdiff(Surv(time, status) ~ %s, data = %s)", ds$groupVar, ds$data),
    groups = arr(ds$levels), n = arr(as.vector(sd$n)), observed = arr(sd$obs), expected = arr(sd$exp),
    variance = unname(sd$var), chisq = sd$chisq, df = df, p = sd$pvalue)
  if (length(ds$levels) >= 3) {
    pairs <- combn(ds$levels, 2, simplify = FALSE)
    rows <- lapply(pairs, function(pr) {
      dd <- droplevels(d[d$group %in% pr, ])
      s <- suppressWarnings(survdiff(Surv(time, status) ~ group, data = dd))
      list(a = pr[1], b = pr[2], n = arr(as.vector(s$n)), observed = arr(s$obs), expected = arr(s$exp),
           chisq = s$chisq, df = sum(s$exp > 0) - 1, pvalue = s$pvalue)
    })
    p <- sapply(rows, function(r) if (r$df >= 1) r$pvalue else NA_real_)
    holm <- p.adjust(p, "holm"); bonf <- p.adjust(p, "bonferroni")
    for (i in seq_along(rows)) { rows[[i]]$p <- p[i]; rows[[i]]$pHolm <- holm[i]; rows[[i]]$pBonferroni <- bonf[i] }
    pairwise_out[[length(pairwise_out) + 1]] <- list(
      dataset = ds$name,
      call = sprintf(paste0("for (pair in combn(levels, 2, simplify = FALSE)) survdiff(Surv(time, status) ~ %s, data = %s, subset = %s %%in%% pair); ",
                            "p <- ifelse(df >= 1, pvalue, NA); p.adjust(p, \"holm\"); p.adjust(p, \"bonferroni\")"),
                     ds$groupVar, ds$data, ds$groupVar),
      groups = arr(ds$levels), comparisons = rows)
  }
}

# p.adjust on its own, including ties and NA.
padjust_in <- list(
  c(0.01, 0.02, 0.03, 0.04, 0.05),
  c(0.04, 0.01, 0.04, 0.5, 0.001, 0.2),
  c(0.3, NA, 0.01, 0.02),
  c(0.9, 0.8),
  c(0, 1, 0.5),
  round(runif(12)^3, 6)
)
padjust_out <- lapply(padjust_in, function(p) list(
  call = sprintf("p.adjust(c(%s), method)", paste(ifelse(is.na(p), "NA", format(p, digits = 15)), collapse = ", ")),
  p = arr(p), holm = arr(p.adjust(p, "holm")), bonferroni = arr(p.adjust(p, "bonferroni")), none = arr(p.adjust(p, "none"))))

# ---------------------------------------------------------------------------------------------
# RMST: survRM2's rmst1/rmst2 transcribed (survRM2 1.0-4, Uno et al. 2014), checked against
# survival's own restricted mean, summary(survfit(...), rmean = tau).
# ---------------------------------------------------------------------------------------------
rmst1 <- function(time, status, tau, alpha = 0.05) {
  ft <- survfit(Surv(time, status) ~ 1)
  idx <- ft$time <= tau
  wk.time <- sort(c(ft$time[idx], tau))
  wk.surv <- ft$surv[idx]
  wk.n.risk <- ft$n.risk[idx]
  wk.n.event <- ft$n.event[idx]
  time.diff <- diff(c(0, wk.time))
  areas <- time.diff * c(1, wk.surv)
  rmst <- sum(areas)
  wk.var <- ifelse((wk.n.risk - wk.n.event) == 0, 0, wk.n.event / (wk.n.risk * (wk.n.risk - wk.n.event)))
  wk.var <- c(wk.var, 0)
  rmst.var <- sum(cumsum(rev(areas[-1]))^2 * rev(wk.var)[-1])
  rmst.se <- sqrt(rmst.var)
  z <- qnorm(1 - alpha / 2)
  list(est = rmst, se = rmst.se, var = rmst.var, lower = rmst - z * rmst.se, upper = rmst + z * rmst.se)
}
rmst2 <- function(w1, w0, alpha = 0.05) {
  z <- qnorm(1 - alpha / 2)
  diff <- w1$est - w0$est
  diff.se <- sqrt(w1$se^2 + w0$se^2)
  lr <- log(w1$est) - log(w0$est)
  lr.se <- sqrt(w1$var / w1$est^2 + w0$var / w0$est^2)
  list(difference = list(est = diff, se = diff.se, lower = diff - z * diff.se, upper = diff + z * diff.se,
                         p = pnorm(-abs(diff) / diff.se) * 2),
       ratio = list(est = exp(lr), seLog = lr.se, lower = exp(lr - z * lr.se), upper = exp(lr + z * lr.se),
                    p = pnorm(-abs(lr) / lr.se) * 2))
}
rmst_out <- list()
for (ds in datasets) {
  d <- frame(ds)
  maxes <- sapply(ds$levels, function(g) max(d$time[d$group == g]))
  taus <- unique(c(min(maxes), signif(min(maxes) / 2, 3)))
  if (ds$name == "aml") taus <- unique(c(40, taus))
  for (tau in taus) {
    if (!(tau > 0)) next
    arms <- lapply(ds$levels, function(g) {
      sub <- d[d$group == g, ]
      r <- rmst1(sub$time, sub$status, tau)
      fit <- survfit(Surv(time, status) ~ 1, data = sub)
      if (tau >= min(fit$time)) {   # summary.survfit refuses a tau before the first time
        tab <- summary(fit, rmean = tau)$table
        stopifnot(isTRUE(all.equal(unname(tab["rmean"]), r$est, tolerance = 1e-12)),
                  isTRUE(all.equal(unname(tab["se(rmean)"]), r$se, tolerance = 1e-10)))
      }
      list(group = g, call = sprintf("summary(survfit(Surv(time, status) ~ 1, %s), rmean = %s)$table[c(\"rmean\", \"se(rmean)\")]",
                                     subset_expr(ds, g), format(tau, digits = 15)),
           est = r$est, se = r$se, lower = r$lower, upper = r$upper)
    })
    entry <- list(dataset = ds$name, tau = tau, groups = arr(ds$levels), arms = arms)
    if (length(ds$levels) == 2) {
      sub1 <- d[d$group == ds$levels[1], ]; sub0 <- d[d$group == ds$levels[2], ]
      cmp <- rmst2(rmst1(sub1$time, sub1$status, tau), rmst1(sub0$time, sub0$status, tau))
      entry$call <- sprintf("survRM2::rmst2(time, status, arm = as.integer(%s == %s), tau = %s) (transcribed)",
                            ds$groupVar, q(ds$levels[1]), format(tau, digits = 15))
      entry$difference <- cmp$difference
      entry$ratio <- cmp$ratio
    }
    rmst_out[[length(rmst_out) + 1]] <- entry
  }
}

# ---------------------------------------------------------------------------------------------
data_out <- lapply(datasets, function(ds) list(
  name = ds$name, description = ds$description, data = ds$data, groupVar = ds$groupVar, levels = arr(ds$levels),
  time = arr(ds$time), status = arr(ds$status), group = arr(ds$group)))
names(data_out) <- NULL
meta <- list(generatedBy = "tests/oracle/survival.R", R = R.version.string,
             survival = as.character(packageVersion("survival")), jsonlite = as.character(packageVersion("jsonlite")))

write_fixture(c(meta, list(datasets = data_out)), "datasets")
write_fixture(c(meta, list(fits = km_out)), "km")
write_fixture(c(meta, list(summaries = summary_out)), "summary")
write_fixture(c(meta, list(tables = risk_out)), "risk-table")
write_fixture(c(meta, list(followUp = followup_out)), "followup")
write_fixture(c(meta, list(tests = logrank_out)), "logrank")
write_fixture(c(meta, list(tests = pairwise_out)), "pairwise")
write_fixture(c(meta, list(cases = padjust_out)), "p-adjust")
write_fixture(c(meta, list(cases = rmst_out)), "rmst")
