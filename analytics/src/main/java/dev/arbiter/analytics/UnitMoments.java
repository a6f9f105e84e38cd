package dev.arbiter.analytics;

/**
 * Count, sums and sums of cross products of k per-unit variables: the general sufficient
 * statistics behind the delta method. Covariances use n − 1.
 */
final class UnitMoments {
    private final long n;
    private final double[] sums;
    private final double[][] products;

    UnitMoments(long n, double[] sums, double[][] products) {
        this.n = n;
        this.sums = sums.clone();
        this.products = new double[sums.length][];
        for (int i = 0; i < sums.length; i++) {
            this.products[i] = products[i].clone();
        }
    }

    static UnitMoments ofRatio(RatioMoments m) {
        return new UnitMoments(m.n(), new double[] {m.sumNum(), m.sumDen()},
                new double[][] {{m.sumNumSquares(), m.sumNumDen()}, {m.sumNumDen(), m.sumDenSquares()}});
    }

    long n() {
        return n;
    }

    int size() {
        return sums.length;
    }

    double mean(int i) {
        return sums[i] / n;
    }

    double covariance(int i, int j) {
        return (products[i][j] - sums[i] * sums[j] / n) / (n - 1);
    }

    /** gᵀ Σ h with Σ the covariance matrix. */
    double quadratic(double[] g, double[] h) {
        double total = 0;
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
                total += g[i] * covariance(i, j) * h[j];
            }
        }
        return total;
    }

    UnitMoments plus(UnitMoments other) {
        double[] s = new double[size()];
        double[][] p = new double[size()][size()];
        for (int i = 0; i < size(); i++) {
            s[i] = sums[i] + other.sums[i];
            for (int j = 0; j < size(); j++) {
                p[i][j] = products[i][j] + other.products[i][j];
            }
        }
        return new UnitMoments(n + other.n, s, p);
    }
}
