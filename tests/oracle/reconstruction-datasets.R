# Real patient-level data with known truth, for validating the reconstruction
# (`npm run validate:reconstruction`, src/reconstruct/validation/).
#
# Two data sets from R's survival package, each with a relapse/recurrence time and a death time:
#   colon    (Moertel 1990; etype 1 = recurrence, 2 = death; one row per patient per etype)
#   myeloid  (Le-Rademacher 2018; rltime = relapse, futime/death = death or last contact)
# First endpoint "rfs" = recurrence (relapse) or death, whichever comes first; second "os" = death.
# So rfs <= os for every patient and a death without recurrence ends rfs as an event
# (firstIncludesSecond). Times in months (days / 30.4375), rounded to 0.01 month.
#
# rotterdam, gbsg and mgus2 are held back for an independent check and must not be used here.
#
# Run from the repo root: Rscript --vanilla tests/oracle/reconstruction-datasets.R
# Writes tests/fixtures/reconstruction-datasets.json; deterministic.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
months <- function(days) round(days / 30.4375, 2)
lv <- function(x, labels = NULL) {
  # A grouping as levels (reference first) and per-patient values (NA = not recorded).
  f <- if (is.null(labels)) factor(x) else factor(x, levels = names(labels), labels = unname(labels))
  list(levels = I(levels(f)), values = I(as.character(f)))
}

# colon -------------------------------------------------------------------------------------
rec <- colon[colon$etype == 1, ]
dth <- colon[colon$etype == 2, ]
rec <- rec[order(rec$id), ]
dth <- dth[order(dth$id), ]
stopifnot(identical(rec$id, dth$id))
rfs_days <- pmin(rec$time, dth$time)
rfs_event <- as.integer(rec$status == 1 | (dth$status == 1 & dth$time <= rfs_days))
colon_set <- list(
  source = "survival::colon (Moertel et al. 1990)",
  n = nrow(dth),
  rfs_months = I(months(rfs_days)),
  rfs_event = I(rfs_event),
  os_months = I(months(dth$time)),
  os_event = I(as.integer(dth$status)),
  groupings = list(
    sex = lv(dth$sex, c("0" = "female", "1" = "male")),
    obstruct = lv(dth$obstruct, c("0" = "no", "1" = "yes")),
    adhere = lv(dth$adhere, c("0" = "no", "1" = "yes")),
    node4 = lv(dth$node4, c("0" = "le4", "1" = "gt4")),
    rx = lv(as.character(dth$rx), c("Obs" = "obs", "Lev" = "lev", "Lev+5FU" = "lev5fu")),
    differ = lv(dth$differ, c("1" = "well", "2" = "moderate", "3" = "poor"))
  )
)
stopifnot(all(colon_set$rfs_months <= colon_set$os_months))

# myeloid -----------------------------------------------------------------------------------
m <- myeloid[order(myeloid$id), ]
relapse <- !is.na(m$rltime)
rfs_days <- ifelse(relapse, pmin(m$rltime, m$futime), m$futime)
response <- ifelse(is.na(m$crtime), "none", ifelse(m$crtime <= 40, "early", "late"))
myeloid_set <- list(
  source = "survival::myeloid (Le-Rademacher et al. 2018)",
  n = nrow(m),
  rfs_months = I(months(rfs_days)),
  rfs_event = I(as.integer(relapse | m$death == 1)),
  os_months = I(months(m$futime)),
  os_event = I(as.integer(m$death)),
  groupings = list(
    trt = lv(m$trt, c("A" = "a", "B" = "b")),
    sex = lv(as.character(m$sex), c("f" = "female", "m" = "male")),
    response = lv(response, c("early" = "cr_by_day40", "late" = "cr_after_day40", "none" = "no_cr"))
  )
)
stopifnot(all(myeloid_set$rfs_months <= myeloid_set$os_months))

out <- list(
  `$comment` = "Written by tests/oracle/reconstruction-datasets.R from R's survival package; do not edit.",
  survivalVersion = as.character(packageVersion("survival")),
  timeUnit = "months",
  firstIncludesSecond = TRUE,
  datasets = list(colon = colon_set, myeloid = myeloid_set)
)
path <- "tests/fixtures/reconstruction-datasets.json"
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null"), path, useBytes = TRUE)
cat("wrote", path, "\n")
