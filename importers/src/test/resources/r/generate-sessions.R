# Generates sessions.csv, the fixture of ExperimentRCheckTest: a support bot split per session.
# Run once (R 4.2.2): Rscript generate-sessions.R   (the CSV is committed; re-running rewrites it identically)
set.seed(20261124)
n <- 3000
sess <- data.frame(session_id = sprintf("s%05d", 1:n),
                   variant = sample(c("sonnet", "haiku"), n, replace = TRUE),
                   plan = sample(c("free", "pro", "team"), n, replace = TRUE, prob = c(.6, .3, .1)),
                   complexity = sample(c("easy", "complex"), n, replace = TRUE, prob = c(.7, .3)),
                   start = as.POSIXct("2026-03-01 00:00:00", tz = "UTC") + round(runif(n, 0, 5 * 86400)),
                   propensity = rlnorm(n, 0, 0.5),
                   stringsAsFactors = FALSE)
sess$k <- sample(1:10, n, replace = TRUE)
rows <- sess[rep(1:n, sess$k), ]
rows$step <- sequence(sess$k)
haiku <- rows$variant == "haiku"
complex <- rows$complexity == "complex"
rows$ts <- rows$start + 30 * (rows$step - 1)
rows$latency_ms <- round(rlnorm(nrow(rows), log(900) + 0.12 * haiku + 0.3 * complex, 0.6) * rows$propensity, 1)
rows$refusal <- runif(nrow(rows)) < 0.03 * rows$propensity + 0.01 * haiku
rows$tokens_out <- rpois(nrow(rows), 300 * rows$propensity)
rows$cost_usd <- round(rows$tokens_out * ifelse(haiku, 1.25, 15) / 1e6 + 0.001 * rows$propensity, 7)
last <- rows$step == rows$k
p_resolve <- ifelse(complex, ifelse(haiku, 0.70, 0.80), ifelse(haiku, 0.92, 0.90))
rows$resolved <- as.integer(last & runif(nrow(rows)) < p_resolve)
# Pre-exposure events of half the sessions: no variant, earlier, costs that track the session's propensity.
pre <- sess[runif(n) < 0.5, ]
pre <- pre[rep(seq_len(nrow(pre)), 2), ]
pre$variant <- NA
pre$ts <- pre$start - round(runif(nrow(pre), 3600, 86400))
pre$latency_ms <- NA
pre$refusal <- runif(nrow(pre)) < 0.03 * pre$propensity
pre$tokens_out <- rpois(nrow(pre), 300 * pre$propensity)
pre$cost_usd <- round(pre$tokens_out * 5 / 1e6 + 0.001 * pre$propensity, 7)
pre$resolved <- NA
# Ten sessions were served by both arms (a logging bug): they must be excluded and counted.
cross <- sess[1:10, ]
cross$variant <- ifelse(cross$variant == "haiku", "sonnet", "haiku")
cross$ts <- cross$start + 3600
cross$latency_ms <- 1000
cross$refusal <- FALSE
cross$tokens_out <- 100
cross$cost_usd <- 0.001
cross$resolved <- 0L
cols <- c("session_id", "variant", "plan", "complexity", "ts", "latency_ms", "refusal", "tokens_out", "cost_usd", "resolved")
all <- rbind(rows[, cols], pre[, cols], cross[, cols])
all <- all[order(all$ts, all$session_id), ]
all$ts <- format(all$ts, "%Y-%m-%d %H:%M:%S", tz = "UTC")
all$refusal <- ifelse(all$refusal, "true", "false")
write.csv(all, "sessions.csv", row.names = FALSE, na = "", quote = FALSE)
