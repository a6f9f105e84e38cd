# Median game rounds in the Cookie Cats test (../shared/datasets/cookie_cats), gate_40 minus gate_30:
# the mid-quantile (Ma, Genton & Parzen 2011) of each arm and a nonparametric bootstrap of their
# difference. Run: Rscript cookie-cats-median.R  (R 4.2.2). RealDatasetsTest names these numbers.
midq <- function(x, p) { tb <- table(x); v <- as.numeric(names(tb)); cnt <- as.numeric(tb)
  fmid <- (cumsum(cnt) - cnt / 2) / sum(cnt); approx(fmid, v, xout = p, rule = 2, ties = "ordered")$y }
d <- read.csv("../../../../../../shared/datasets/cookie_cats/cookie_cats.csv")
a <- d$sum_gamerounds[d$version == "gate_30"]; b <- d$sum_gamerounds[d$version == "gate_40"]
cat("midq gate_30, gate_40, difference:", format(c(midq(a, .5), midq(b, .5), midq(b, .5) - midq(a, .5)), digits = 15), "\n")
cat("type 7 medians:", median(a), median(b), "\n")
set.seed(1); boot <- replicate(2000, midq(sample(b, replace = TRUE), .5) - midq(sample(a, replace = TRUE), .5))
cat("bootstrap sd:", sd(boot), " 95% percentile interval:", quantile(boot, c(.025, .975)), "\n")
