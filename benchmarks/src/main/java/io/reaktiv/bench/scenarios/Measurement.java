package io.reaktiv.bench.scenarios;

import java.util.List;
import java.util.Locale;

/**
 * The timed reps of one row and the checksum and runs they reproduced.
 *
 * @param millis the timed reps, in milliseconds
 * @param checksum the checksum, formatted as JavaScript prints it
 * @param runs executions per timed unit
 * @param stable whether every rep reproduced the same checksum and runs
 * @param note a remark printed after the row (fewer reps for a slow library), or {@code null}
 */
record Measurement(List<Double> millis, String checksum, long runs, boolean stable, String note) {

    /**
     * Returns the median rep time, averaging the two middle reps of an even count (as the Node harness).
     *
     * @return the median in milliseconds
     */
    double median() {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Returns the fastest rep.
     *
     * @return the minimum in milliseconds
     */
    double min() {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /**
     * Classifies the result against the reference values (SCENARIOS.md §0, "Checksum and runs").
     *
     * @param row the row with the reference values
     * @return {@code ok}, {@code extra-runs(expected=N)} or {@code DIFF(...)}
     */
    String status(Row row) {
        boolean checksumOk = checksum.equals(row.expectedChecksum());
        boolean runsOk = runs == row.expectedRuns();
        if (checksumOk && runsOk && stable) {
            return "ok";
        }
        if (checksumOk && stable) {
            return "extra-runs(expected=" + row.expectedRuns() + ")";
        }
        StringBuilder bad = new StringBuilder();
        if (!checksumOk) {
            bad.append("checksum!=").append(row.expectedChecksum());
        }
        if (!runsOk) {
            bad.append(bad.length() > 0 ? ";" : "").append("runs!=").append(row.expectedRuns());
        }
        if (!stable) {
            bad.append(bad.length() > 0 ? ";" : "").append("unstable-across-reps");
        }
        return "DIFF(" + bad + ")";
    }

    /**
     * Formats the result line {@code scenario library median_ms checksum runs min_ms status}.
     *
     * @param row the row
     * @param library the short library name
     * @return the line
     */
    String line(Row row, String library) {
        return String.join(" ", row.name(), library, ms(median()), checksum, Long.toString(runs), ms(min()),
                status(row));
    }

    /**
     * Formats milliseconds like JavaScript's {@code toFixed(3)}.
     *
     * @param millis the time
     * @return the time with three decimals
     */
    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
