# Independent computation of experiments/sessions.json on sessions.csv, from the raw events:
# aggregation to sessions in R, then the pinned conventions (docs/methods.md) with R's own
# t.test, p.adjust and approx (the mid-quantile) where they apply.
# Run (R 4.2.2): Rscript check-sessions.R > check-sessions.out   (ExperimentRCheckTest compares)
options(digits = 15)
d <- read.csv("sessions.csv", na.strings = "", stringsAsFactors = FALSE)
d$refusal <- as.numeric(d$refusal == "true")
d$ts <- as.POSIXct(d$ts, tz = "UTC")
arms <- c("sonnet", "haiku")
ev <- d[!is.na(d$variant) & d$variant %in% arms, ]
narms <- tapply(ev$variant, ev$session_id, function(v) length(unique(v)))
crossover <- names(narms)[narms > 1]
ev <- ev[!(ev$session_id %in% crossover), ]
ids <- sort(unique(ev$session_id))
u <- data.frame(id = ids, arm = tapply(ev$variant, ev$session_id, min)[ids],
                first = tapply(as.numeric(ev$ts), ev$session_id, min)[ids],
                plan = tapply(ev$plan, ev$session_id, min)[ids],
                complexity = tapply(ev$complexity, ev$session_id, min)[ids], stringsAsFactors = FALSE)
per_unit <- function(rows, values, f, empty = 0) {
  out <- tapply(values, factor(rows$session_id, levels = ids), f)
  out[is.na(out)] <- empty
  as.numeric(out[ids])
}
u$resolved <- per_unit(ev, ev$resolved, max)
u$cost <- per_unit(ev, ev$cost_usd, sum)
cx <- ev[ev$complexity == "complex", ]
u$complex_resolved <- per_unit(cx, cx$resolved, max)
u$ref_m <- per_unit(ev, ev$refusal, sum)
u$ref_d <- per_unit(ev[!is.na(ev$refusal), ], rep(1, sum(!is.na(ev$refusal))), sum)
tk <- ev[!is.na(ev$tokens_out), ]
u$tok_m <- per_unit(tk, tk$tokens_out, sum)
u$tok_d <- per_unit(tk, tk$latency_ms, sum)
pre <- d[d$session_id %in% ids, ]
pre <- pre[as.numeric(pre$ts) < u$first[match(pre$session_id, ids)], ]
u$pre_cost <- per_unit(pre, pre$cost_usd, sum)
u$pre_ref_m <- per_unit(pre, pre$refusal, sum)
u$pre_ref_d <- per_unit(pre[!is.na(pre$refusal), ], rep(1, sum(!is.na(pre$refusal))), sum)

say <- function(key, value) cat(key, format(value, digits = 15), "\n")
welch <- function(key, a, b, c = b, vb_c = NULL) {
  # a = treatment arm list(value, var, n), b = control (value, var, n); c = control baseline (value, var, cov with b)
  se <- sqrt(a$var / a$n + b$var / b$n)
  df <- se^4 / ((a$var / a$n)^2 / (a$n - 1) + (b$var / b$n)^2 / (b$n - 1))
  tq <- qt(0.975, df)
  diff <- a$value - b$value
  cval <- if (is.null(c$base)) b$value else c$base
  cvar <- if (is.null(c$basevar)) b$var else c$basevar
  ccov <- if (is.null(c$cov)) b$var else c$cov
  rv <- a$var / a$n / cval^2 + b$var / b$n / cval^2 + diff^2 * cvar / b$n / cval^4 + 2 * diff * ccov / b$n / cval^3
  rel <- diff / abs(cval)
  say(paste0(key, ".control"), b$value); say(paste0(key, ".treatment"), a$value)
  say(paste0(key, ".absolute"), diff); say(paste0(key, ".absoluteLow"), diff - tq * se); say(paste0(key, ".absoluteHigh"), diff + tq * se)
  say(paste0(key, ".pValue"), 2 * pt(-abs(diff / se), df))
  say(paste0(key, ".relative"), rel); say(paste0(key, ".relativeLow"), rel - tq * sqrt(rv)); say(paste0(key, ".relativeHigh"), rel + tq * sqrt(rv))
  invisible(2 * pt(-abs(diff / se), df))
}
arm_of <- function(sub, f) lapply(arms, function(a) f(sub[sub$arm == a, ]))
proportion <- function(y) list(value = mean(y), var = mean(y) * (1 - mean(y)), n = length(y))
mean_metric <- function(y) list(value = mean(y), var = var(y), n = length(y))
ratio <- function(m, dd) {
  r <- sum(m) / sum(dd)
  list(value = r, var = (var(m) - 2 * r * cov(m, dd) + r^2 * var(dd)) / mean(dd)^2, n = length(m))
}
primary <- function(sub, key) {
  s <- sub[sub$arm == "sonnet", ]; h <- sub[sub$arm == "haiku", ]
  welch(key, proportion(h$resolved), proportion(s$resolved))
}
say("crossoverUnits", length(crossover))
say("units.sonnet", sum(u$arm == "sonnet")); say("units.haiku", sum(u$arm == "haiku"))
say("events.sonnet", sum(ev$variant == "sonnet")); say("events.haiku", sum(ev$variant == "haiku"))
srm <- chisq.test(c(sum(u$arm == "sonnet"), sum(u$arm == "haiku")), p = c(0.5, 0.5))
say("srm.chiSquare", unname(srm$statistic)); say("srm.pValue", srm$p.value)

s <- u[u$arm == "sonnet", ]; h <- u[u$arm == "haiku", ]
primary(u, "resolution_rate")
# non-inferiority, relative margin 0.05, higher is better: one-sided t on (rel + 0.05)
rs <- proportion(s$resolved); rh <- proportion(h$resolved)
se <- sqrt(rh$var / rh$n + rs$var / rs$n); df <- se^4 / ((rh$var / rh$n)^2 / (rh$n - 1) + (rs$var / rs$n)^2 / (rs$n - 1))
rel <- (rh$value - rs$value) / rs$value
rse <- sqrt(rh$var / (rs$value^2 * rh$n) + rs$var * rh$value^2 / (rs$value^4 * rs$n))
say("resolution_rate.nonInferiority.pValue", pt((rel + 0.05) / rse, df, lower.tail = FALSE))
say("resolution_rate.nonInferiority.bound", rel - qt(0.95, df) * rse)

# cost per session: t.test on per-session sums, then CUPED with the pre-exposure cost (theta pooled)
tt <- t.test(h$cost, s$cost)
say("cost_plain.absolute", unname(tt$estimate[1] - tt$estimate[2])); say("cost_plain.pValue", tt$p.value)
theta <- cov(u$cost, u$pre_cost) / var(u$pre_cost)
say("cost_per_session_usd.theta", theta)
adj <- u$cost - theta * (u$pre_cost - mean(u$pre_cost))
u$adj <- adj
sa <- adj[u$arm == "sonnet"]; ha <- adj[u$arm == "haiku"]
tt <- t.test(ha, sa)
say("cost_per_session_usd.ttestLow", tt$conf.int[1]); say("cost_per_session_usd.ttestHigh", tt$conf.int[2])
welch("cost_per_session_usd", list(value = mean(ha), var = var(ha), n = length(ha)),
      list(value = mean(sa), var = var(sa), n = length(sa)),
      list(base = mean(s$cost), basevar = var(s$cost), cov = cov(sa, s$cost)))

welch("complex_resolution", proportion(h$complex_resolved), proportion(s$complex_resolved))
welch("refusal_rate", ratio(h$ref_m, h$ref_d), ratio(s$ref_m, s$ref_d))
welch("tokens_per_latency_s", ratio(h$tok_m, h$tok_d), ratio(s$tok_m, s$tok_d))

# ratio CUPED: g = (1/muD, -muM/muD^2) on (M, D), h = the same on (M', D'); theta = g'Sh / h'Sh pooled
lin <- function(m, dd, mm, md) (m - (mm / md) * dd) / md
pooled_g <- lin(u$ref_m, u$ref_d, mean(u$ref_m), mean(u$ref_d))
pooled_h <- lin(u$pre_ref_m, u$pre_ref_d, mean(u$pre_ref_m), mean(u$pre_ref_d))
theta_r <- cov(pooled_g, pooled_h) / var(pooled_h)
say("refusal_rate_cuped.theta", theta_r)
arm_ratio_cuped <- function(x) {
  g <- lin(x$ref_m, x$ref_d, mean(x$ref_m), mean(x$ref_d))
  hh <- lin(x$pre_ref_m, x$pre_ref_d, mean(x$pre_ref_m), mean(x$pre_ref_d))
  value <- sum(x$ref_m) / sum(x$ref_d) - theta_r * (sum(x$pre_ref_m) / sum(x$pre_ref_d) - sum(u$pre_ref_m) / sum(u$pre_ref_d))
  list(value = value, var = var(g - theta_r * hh), n = nrow(x), base = sum(x$ref_m) / sum(x$ref_d), basevar = var(g),
       cov = cov(g - theta_r * hh, g))
}
ac <- arm_ratio_cuped(s); ah <- arm_ratio_cuped(h)
welch("refusal_rate_cuped", ah, ac, ac)

# p95 latency: the mid-quantile (mid-distribution F(x-) + P(x)/2 at the distinct values, interpolated);
# the share of events weighted by it (1 below, (1+t)/2 and t/2 at the two values around it) per session is
# a ratio metric (delta method); bounds are the mid-quantiles at p -/+ z sigma
midq <- function(x, p) { tb <- table(x); v <- as.numeric(names(tb)); cnt <- as.numeric(tb)
  fmid <- (cumsum(cnt) - cnt / 2) / sum(cnt); approx(fmid, v, xout = p, rule = 2, ties = "ordered")$y }
midw <- function(x, q) { v <- sort(unique(x)); lo <- max(c(v[v <= q], v[1])); hi <- if (any(v > q)) min(v[v > q]) else lo
  t <- if (hi > lo) (q - lo) / (hi - lo) else 0; (x < lo) + (x == lo) * (1 + t) / 2 + (x == hi & hi > lo) * t / 2 }
q95 <- function(x) {
  e <- ev[ev$session_id %in% x$id & !is.na(ev$latency_ms), ]
  q <- midq(e$latency_ms, 0.95)
  below <- tapply(midw(e$latency_ms, q), e$session_id, sum); n_e <- tapply(e$latency_ms, e$session_id, length)
  r <- ratio(as.numeric(below), as.numeric(n_e))
  sigma <- sqrt(r$var / r$n); z <- qnorm(0.975)
  lo <- midq(e$latency_ms, max(0, 0.95 - z * sigma))
  hi <- midq(e$latency_ms, min(1, 0.95 + z * sigma))
  se <- (hi - lo) / (2 * z)
  list(value = q, lo = lo, hi = hi, se = se, n = length(n_e))
}
qs <- q95(s); qh <- q95(h)
say("p95_latency_ms.control", qs$value); say("p95_latency_ms.treatment", qh$value)
say("p95_latency_ms.controlLow", qs$lo); say("p95_latency_ms.controlHigh", qs$hi)
diff <- qh$value - qs$value; se <- sqrt(qh$se^2 + qs$se^2)
say("p95_latency_ms.absolute", diff); say("p95_latency_ms.absoluteLow", diff - qnorm(0.975) * se)
say("p95_latency_ms.absoluteHigh", diff + qnorm(0.975) * se); say("p95_latency_ms.pValue", 2 * pnorm(-abs(diff / se)))
rv <- qh$se^2 / qs$value^2 + qs$se^2 * qh$value^2 / qs$value^4
say("p95_latency_ms.relativeLow", diff / qs$value - qnorm(0.975) * sqrt(rv))

# segments: resolution per plan value, then Benjamini-Hochberg over the plan values
ps <- c()
for (v in sort(unique(u$plan))) ps[v] <- primary(u[u$plan == v, ], paste0("segment.plan.", v))
adj <- p.adjust(ps, "BH")
for (v in names(adj)) say(paste0("segment.plan.", v, ".pValueAdjusted"), unname(adj[v]))
