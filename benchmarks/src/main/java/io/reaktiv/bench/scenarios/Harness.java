package io.reaktiv.bench.scenarios;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The timing protocol of SCENARIOS.md §0: build untimed, warm up, time a fixed number of reps, check every rep
 * against the reference checksum and runs, print one line per row.
 */
final class Harness {

    /** {@code iter()} calls per kairo rep. */
    private static final int KAIRO_INNER = 500;

    private final Settings settings;
    private final PrintStream out;

    /**
     * Creates a harness.
     *
     * @param settings rep counts
     * @param out where result lines go
     */
    Harness(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Measures one row and prints its line. A row that throws is reported as {@code FAILED(...)} and the run
     * goes on with the next row.
     *
     * @param row the row
     * @param fw the library
     * @param library the short library name for the second column
     */
    void run(Row row, Adapter fw, String library) {
        Measurement m;
        try {
            m = row.measure(this, fw);
        } catch (RuntimeException | StackOverflowError e) {
            cleanupAfterFailure(fw);
            out.println(String.join(" ", row.name(), library, "-", "-", "-", "-", "FAILED(" + describe(e) + ")"));
            return;
        }
        out.println(m.line(row, library));
        if (m.note() != null) {
            out.println("# " + row.name() + " " + library + ": " + m.note());
        }
    }

    Measurement measureKairo(Adapter fw, Function<Adapter, KairoGraph> factory) {
        fullGc();
        KairoGraph graph = fw.build(() -> factory.apply(fw));
        // As upstream: three calls, then a fourth whose result is the reference for every later call.
        graph.iter();
        graph.iter();
        graph.iter();
        double refChecksum = graph.iter();
        int refRuns = graph.runs;
        boolean stable = true;
        RepPlan plan = new RepPlan(settings.kairoWarmup(), settings.kairoReps());
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < plan.total(); r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < KAIRO_INNER; k++) {
                if (graph.iter() != refChecksum || graph.runs != refRuns) {
                    stable = false;
                }
            }
            record(plan, times, r, (System.nanoTime() - t0) / 1e6);
        }
        fw.cleanup();
        return new Measurement(times, Js.format(refChecksum), refRuns, stable, plan.note);
    }

    Measurement measureCellx(Adapter fw, int layers) {
        RepPlan plan = new RepPlan(settings.cellxWarmup(), settings.cellxReps());
        List<Double> times = new ArrayList<>();
        String refChecksum = null;
        long refRuns = 0;
        boolean stable = true;
        for (int r = 0; r < plan.total(); r++) {
            fullGc();
            Cellx graph = fw.build(() -> new Cellx(fw, layers));
            Cellx.Update update = graph.update();
            fw.cleanup();
            if (refChecksum == null) {
                refChecksum = update.checksum();
                refRuns = update.runs();
            } else if (!update.checksum().equals(refChecksum) || update.runs() != refRuns) {
                stable = false;
            }
            record(plan, times, r, update.millis());
        }
        return new Measurement(times, refChecksum, refRuns, stable, plan.note);
    }

    Measurement measureDynamic(Adapter fw, DynamicGraph.Config config) {
        fullGc();
        DynamicGraph graph = fw.build(() -> new DynamicGraph(fw, config));
        RepPlan plan = new RepPlan(settings.dynamicWarmup(), settings.dynamicReps());
        List<Double> times = new ArrayList<>();
        DynamicGraph.Outcome ref = null;
        boolean stable = true;
        for (int r = 0; r < plan.total(); r++) {
            long t0 = System.nanoTime();
            DynamicGraph.Outcome outcome = graph.run();
            double millis = (System.nanoTime() - t0) / 1e6;
            // Rep 0 starts from the initial graph state; sum and count are the steady state from rep 1 on.
            if (r >= 1 || plan.total() == 1) {
                if (ref == null) {
                    ref = outcome;
                } else if (!outcome.equals(ref)) {
                    stable = false;
                }
            }
            record(plan, times, r, millis);
        }
        fw.cleanup();
        return new Measurement(times, Js.format(ref.sum()), ref.count(), stable, plan.note);
    }

    /** Applies the slow-library rule after the first rep and keeps the rep if it is a timed one. */
    private void record(RepPlan plan, List<Double> times, int rep, double millis) {
        if (settings.verbose()) {
            out.println("#   rep " + rep + " " + Measurement.ms(millis));
        }
        if (rep == 0) {
            plan.afterFirstRep(millis, settings.slowMillis());
        }
        if (rep >= plan.warmup) {
            times.add(millis);
        }
    }

    /** Twice, as the Node harness: the first collection may leave finalizable or weakly reachable garbage. */
    private static void fullGc() {
        System.gc();
        System.gc();
    }

    /** Disposes what a failed row built, so that the next row starts clean; a second failure changes nothing. */
    private static void cleanupAfterFailure(Adapter fw) {
        try {
            fw.cleanup();
        } catch (RuntimeException ignored) {
            // The row is already reported as failed; the library may be in a state it cannot clean up from.
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * How many warm-up and timed reps a row gets. A library whose first rep takes longer than the slow
     * threshold gets 1 warm-up and 2 timed reps instead: the same work per rep, fewer reps (the Node harness
     * does this for the dynamic rows; here it applies to every row, so that a library 100x slower than the
     * others still finishes in bounded time).
     */
    private static final class RepPlan {
        int warmup;
        int reps;
        String note;

        RepPlan(int warmup, int reps) {
            this.warmup = warmup;
            this.reps = reps;
        }

        int total() {
            return warmup + reps;
        }

        void afterFirstRep(double millis, long slowMillis) {
            if (millis > slowMillis && total() > 3) {
                warmup = 1;
                reps = 2;
                note = "slow (first rep > " + slowMillis + " ms), used 1 warmup + 2 timed reps";
            }
        }
    }
}
