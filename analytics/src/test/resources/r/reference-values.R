# Reference values for analytics tests. Run: Rscript reference-values.R  (R 4.2.2 used)
# Every expected value in the Java tests names the block here that produced it.
options(digits = 15)
say <- function(name, x) cat(name, "=", paste(format(x, digits = 15), collapse = " "), "\n")
moments <- function(label, y) { say(paste0(label, ".n"), length(y)); say(paste0(label, ".sum"), sum(y)); say(paste0(label, ".sumSquares"), sum(y^2)) }
relative <- function(mc, mt, vc, vt, nc, nt, df, alpha) {
  est <- (mt - mc) / abs(mc); se <- sqrt(vt / (mc^2 * nt) + vc * mt^2 / (mc^4 * nc))
  q <- qt(1 - alpha / 2, df); c(est, est - q * se, est + q * se, se, 2 * pt(-abs(est / se), df))
}

cat("## A1 Welch two-sided, normal samples\n")
set.seed(1); c1 <- rnorm(50, 10, 2); t1 <- rnorm(60, 11, 3)
moments("c", c1); moments("t", t1)
r <- t.test(t1, c1); say("diff", mean(t1) - mean(c1)); say("ci", r$conf.int); say("se", r$stderr); say("df", r$parameter); say("p", r$p.value)
say("relative", relative(mean(c1), mean(t1), var(c1), var(t1), 50, 60, r$parameter, 0.05))

cat("## A2 Welch greater, lognormal cost, alpha 0.1\n")
set.seed(2); c2 <- rlnorm(200, -3, 1); t2 <- rlnorm(180, -2.9, 1.2)
moments("c", c2); moments("t", t2)
r <- t.test(t2, c2, alternative = "greater", conf.level = 0.9); say("ci.lower", r$conf.int[1]); say("df", r$parameter); say("p", r$p.value)

cat("## A3 Welch less, small samples\n")
c3 <- c(3.1, 2.9, 3.3, 3.0, 3.2); t3 <- c(2.7, 2.9, 2.6, 3.0, 2.8, 2.5, 2.9)
moments("c", c3); moments("t", t3)
r <- t.test(t3, c3, alternative = "less"); say("ci.upper", r$conf.int[2]); say("df", r$parameter); say("p", r$p.value)

cat("## B proportions, variance p(1-p), Welch df, t critical value\n")
prop <- function(label, xc, nc, xt, nt) {
  pc <- xc / nc; pt_ <- xt / nt; vc <- pc * (1 - pc); vt <- pt_ * (1 - pt_)
  se <- sqrt(vc / nc + vt / nt); df <- se^4 / ((vt / nt)^2 / (nt - 1) + (vc / nc)^2 / (nc - 1))
  d <- pt_ - pc; q <- qt(0.975, df)
  say(paste0(label, ".abs"), c(d, d - q * se, d + q * se, se, df, 2 * pt(-abs(d / se), df)))
  say(paste0(label, ".rel"), relative(pc, pt_, vc, vt, nc, nt, df, 0.05))
}
prop("B1", 5226, 6000, 5154, 6000)
prop("B2", 8502, 44700, 8279, 45489)
prop("B3", 0, 100, 5, 100)

cat("## C non-inferiority: t.test(mu = -margin, greater)\n")
say("C1.p", t.test(t1, c1, mu = -0.5, alternative = "greater")$p.value)
say("C1.bound", t.test(t1, c1, mu = -0.5, alternative = "greater")$conf.int[1])
say("C2.p", t.test(t3, c3, mu = -0.5, alternative = "greater")$p.value)
say("C3.p.lowerIsBetter", t.test(t2, c2, mu = 0.01, alternative = "less")$p.value)

cat("## D ratio metric, delta method over units\n")
ratio <- function(label, m, d) {
  n <- length(m); r <- sum(m) / sum(d); mu <- mean(d)
  v <- (var(m) - 2 * r * cov(m, d) + r^2 * var(d)) / mu^2
  say(paste0(label, ".moments"), c(n, sum(m), sum(m^2), sum(d), sum(d^2), sum(m * d)))
  c(r, v, n)
}
set.seed(4); d1 <- sample(1:10, 300, TRUE); m1 <- rbinom(300, d1, 0.1)
d2 <- sample(1:10, 320, TRUE); m2 <- rbinom(320, d2, 0.13)
a <- ratio("D1c", m1, d1); b <- ratio("D1t", m2, d2)
se <- sqrt(a[2] / a[3] + b[2] / b[3]); df <- se^4 / ((b[2] / b[3])^2 / (b[3] - 1) + (a[2] / a[3])^2 / (a[3] - 1))
say("D1.ratio", c(a[1], b[1])); say("D1.var", c(a[2], b[2]))
say("D1.abs", c(b[1] - a[1], b[1] - a[1] - qt(.975, df) * se, b[1] - a[1] + qt(.975, df) * se, se, df, 2 * pt(-abs((b[1] - a[1]) / se), df)))
say("D1.rel", relative(a[1], b[1], a[2], b[2], a[3], b[3], df, 0.05))

cat("## D2 ratio: skewed sums (cost per request), D3 ratio: 3 units per arm\n")
ratioCase <- function(label, mc, dc, mt, dt, alpha = 0.05) {
  a <- ratio(paste0(label, "c"), mc, dc); b <- ratio(paste0(label, "t"), mt, dt)
  se <- sqrt(a[2] / a[3] + b[2] / b[3]); df <- se^4 / ((b[2] / b[3])^2 / (b[3] - 1) + (a[2] / a[3])^2 / (a[3] - 1))
  q <- qt(1 - alpha / 2, df)
  say(paste0(label, ".abs"), c(b[1] - a[1], b[1] - a[1] - q * se, b[1] - a[1] + q * se, se, df, 2 * pt(-abs((b[1] - a[1]) / se), df)))
}
set.seed(7); dc <- sample(1:10, 150, TRUE); mc <- sapply(dc, function(k) sum(rlnorm(k, -6, 1.5)))
dt <- sample(1:10, 170, TRUE); mt <- sapply(dt, function(k) sum(rlnorm(k, -5.8, 1.5)))
ratioCase("D2", mc, dc, mt, dt, 0.1)
ratioCase("D3", c(1, 0, 2), c(3, 1, 4), c(2, 2, 1), c(2, 5, 3))

cat("## E CUPED: theta pooled, then Welch t.test on y - theta x\n")
set.seed(5); xc <- rgamma(400, 2, 1); yc <- 1 + 0.8 * xc + rnorm(400); xt <- rgamma(380, 2, 1); yt <- 1.3 + 0.8 * xt + rnorm(380)
cat("E1.xc =", format(xc, digits = 17), "\n", file = "cuped-e1.txt"); cat("E1.yc =", format(yc, digits = 17), "\n", file = "cuped-e1.txt", append = TRUE)
cat("E1.xt =", format(xt, digits = 17), "\n", file = "cuped-e1.txt", append = TRUE); cat("E1.yt =", format(yt, digits = 17), "\n", file = "cuped-e1.txt", append = TRUE)
theta <- cov(c(yc, yt), c(xc, xt)) / var(c(xc, xt)); say("E1.theta", theta)
r <- t.test(yt - theta * xt, yc - theta * xc); say("E1.abs", c(r$estimate[1] - r$estimate[2], r$conf.int, r$stderr, r$parameter, r$p.value))
say("E1.unadjusted.se", t.test(yt, yc)$stderr)
cupedCase <- function(label, yc, xc, yt, xt) {
  cat(paste0(label, ".xc ="), format(xc, digits = 17), "\n", file = paste0("cuped-", tolower(label), ".txt"))
  for (v in c("yc", "xt", "yt")) cat(paste0(label, ".", v, " ="), format(get(v), digits = 17), "\n", file = paste0("cuped-", tolower(label), ".txt"), append = TRUE)
  theta <- cov(c(yc, yt), c(xc, xt)) / var(c(xc, xt)); say(paste0(label, ".theta"), theta)
  r <- t.test(yt - theta * xt, yc - theta * xc); say(paste0(label, ".abs"), c(r$estimate[1] - r$estimate[2], r$conf.int, r$stderr, r$parameter, r$p.value))
}
set.seed(8); xc <- rbinom(500, 1, 0.3); yc <- rbinom(500, 1, 0.2 + 0.4 * xc); xt <- rbinom(520, 1, 0.3); yt <- rbinom(520, 1, 0.25 + 0.4 * xt)
cupedCase("E2", yc, xc, yt, xt)
set.seed(9); xc <- rnorm(60); yc <- rnorm(60) + 0.05 * xc; xt <- rnorm(55); yt <- rnorm(55) + 0.05 * xt
cupedCase("E3", yc, xc, yt, xt)

cat("## F quantile: mid-quantile (Ma, Genton & Parzen 2011) and cluster-aware order-statistic interval\n")
# The mid-distribution F_mid(x) = P(X < x) + P(X = x)/2 at each distinct value, interpolated linearly (approx);
# an event's weight in F_mid at Q between distinct values lo < Q < hi (Q = lo + t (hi - lo)) is
# 1 below lo, (1 + t)/2 at lo, t/2 at hi, 0 above (at an end, 1/2 at the end value).
midq <- function(x, p) { tb <- table(x); v <- as.numeric(names(tb)); cnt <- as.numeric(tb)
  fmid <- (cumsum(cnt) - cnt / 2) / sum(cnt); approx(fmid, v, xout = p, rule = 2, ties = "ordered")$y }
midw <- function(x, q) { v <- sort(unique(x)); lo <- max(c(v[v <= q], v[1])); hi <- if (any(v > q)) min(v[v > q]) else lo
  t <- if (hi > lo) (q - lo) / (hi - lo) else 0; (x < lo) + (x == lo) * (1 + t) / 2 + (x == hi & hi > lo) * t / 2 }
clusterSigma <- function(w, units) { s <- tapply(w, units, sum); nn <- tapply(w, units, length)
  f <- sum(s) / sum(nn); v <- (var(s) - 2 * f * cov(s, nn) + f^2 * var(nn)) / mean(nn)^2; sqrt(v / length(nn)) }
midCase <- function(label, x, units, p, z) { q <- midq(x, p); sigma <- clusterSigma(midw(x, q), units)
  say(paste0(label, ".q"), q); say(paste0(label, ".sigma"), sigma); say(paste0(label, ".ci"), midq(x, c(p - z * sigma, p + z * sigma))) }
set.seed(6); units <- rep(1:200, times = sample(1:8, 200, TRUE)); lat <- rlnorm(length(units), log(800) + rnorm(200, 0, 0.3)[units], 0.5)
write.table(data.frame(unit = units, latency = lat), "quantile-f1.csv", sep = ",", row.names = FALSE, col.names = TRUE)
midCase("F1", lat, units, 0.95, qnorm(0.975))
say("F1.type5", quantile(lat, 0.95, type = 5))
set.seed(10); lat3 <- rexp(300, 1 / 500)
write.table(data.frame(unit = 1:300, latency = lat3), "quantile-f3.csv", sep = ",", row.names = FALSE, col.names = TRUE)
midCase("F3", lat3, 1:300, 0.5, qnorm(0.95))
say("F2.q50", midq(c(5, 1, 4, 2, 3, 10), 0.5)); say("F2.q95", midq(c(5, 1, 4, 2, 3, 10), 0.95)); say("F2.q05", midq(c(5, 1, 4, 2, 3, 10), 0.05))
say("F2.tied", midq(c(1, 2, 2, 2, 3, 3, 7), c(0.1, 0.5, 0.6, 0.9)))
set.seed(11); units4 <- rep(1:400, times = sample(1:6, 400, TRUE)); rounds <- floor(exp(log(17) + rnorm(400, 0, 0.8)[units4] + rnorm(length(units4), 0, 1.2)))
write.table(data.frame(unit = units4, rounds = rounds), "quantile-f4.csv", sep = ",", row.names = FALSE, col.names = TRUE)
midCase("F4.p50", rounds, units4, 0.5, qnorm(0.975)); midCase("F4.p90", rounds, units4, 0.9, qnorm(0.975))

cat("## G sequential confidence sequence (Waudby-Smith et al. eq 9), GrowthBook form\n")
seqcs <- function(label, d, se, nc, nt, alpha, tuning) {
  N <- nc + nt; rho <- sqrt((-2 * log(alpha) + log(1 - 2 * log(alpha))) / tuning); s2 <- se^2 * N
  w <- sqrt(s2) * sqrt(2 * (N * rho^2 + 1) / (N^2 * rho^2) * log(sqrt(N * rho^2 + 1) / alpha))
  p <- min(1, sqrt(N * rho^2 + 1) * exp(-d^2 * N^2 * rho^2 / (2 * s2 * (N * rho^2 + 1))))
  say(label, c(rho, d - w, d + w, p))
}
seqcs("G1", mean(t1) - mean(c1), sqrt(var(t1) / 60 + var(c1) / 50), 50, 60, 0.05, 5000)
pc <- 5226 / 6000; pt_ <- 5154 / 6000
seqcs("G2", pt_ - pc, sqrt(pc * (1 - pc) / 6000 + pt_ * (1 - pt_) / 6000), 6000, 6000, 0.05, 5000)
seqcs("G3", pt_ - pc, sqrt(pc * (1 - pc) / 6000 + pt_ * (1 - pt_) / 6000), 6000, 6000, 0.1, 12000)

cat("## H SRM chisq.test\n")
r <- chisq.test(c(44700, 45489), p = c(0.5, 0.5)); say("H1", c(r$statistic, r$p.value))
r <- chisq.test(c(500, 0, 480), p = c(1, 1, 1) / 3); say("H2", c(r$statistic, r$p.value))
r <- chisq.test(c(5100, 4900), p = c(0.5, 0.5)); say("H3", c(r$statistic, r$p.value))
r <- chisq.test(c(2120, 7880), p = c(0.2, 0.8)); say("H4", c(r$statistic, r$p.value))

cat("## I p.adjust\n")
p <- c(0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2)
say("I.holm", p.adjust(p, "holm")); say("I.BH", p.adjust(p, "BH"))
p3 <- c(0.02, 0.02, 0.02, 1, 0.9); say("I3.holm", p.adjust(p3, "holm")); say("I3.BH", p.adjust(p3, "BH"))
p2 <- c(0.001, 0.9, NA, 0.02); say("I2.holm", p.adjust(p2, "holm")); say("I2.BH", p.adjust(p2, "BH"))

cat("## J power.prop.test\n")
say("J1.n", power.prop.test(p1 = 0.85, p2 = 0.87, power = 0.8)$n)
say("J2.power", power.prop.test(n = 1000, p1 = 0.10, p2 = 0.12)$power)
say("J3.p2", power.prop.test(n = 5000, p1 = 0.85, power = 0.8)$p2)
say("J3.p2.tol", power.prop.test(n = 5000, p1 = 0.85, power = 0.8, tol = 1e-12)$p2)
say("J4.n.onesided", power.prop.test(p1 = 0.30, p2 = 0.33, power = 0.9, alternative = "one.sided")$n)
say("J5.n.alpha.025", power.prop.test(p1 = 0.85, p2 = 0.87, power = 0.8, sig.level = 0.025)$n)

cat("## K power.t.test and pt with ncp\n")
say("K1.n", power.t.test(delta = 0.5, sd = 2, power = 0.8)$n)
say("K2.power", power.t.test(n = 30, delta = 1, sd = 2)$power)
say("K3.delta", power.t.test(n = 100, sd = 1, power = 0.9)$delta)
say("K4.n.onesided", power.t.test(delta = 0.2, sd = 1, power = 0.9, alternative = "one.sided", sig.level = 0.01)$n)
say("K.pt", c(pt(2.0, 10, 1.5), pt(-1, 5, 2), pt(30, 40, 25, lower.tail = FALSE), pt(1.96, 58, 2.5, lower.tail = FALSE), pt(0.5, 3, -1)))
