package io.reaktiv.bench.scenarios;

import java.util.List;
import java.util.function.Function;

/**
 * One benchmark row of SCENARIOS.md: a scenario, its configuration and the reference checksum and runs.
 */
sealed interface Row {

    /**
     * Returns the row name printed in the first column.
     *
     * @return the scenario name, as in the Node harness
     */
    String name();

    /**
     * Returns the reference checksum, formatted as JavaScript prints it.
     *
     * @return the expected checksum
     */
    String expectedChecksum();

    /**
     * Returns the reference number of executions per timed unit.
     *
     * @return the expected runs
     */
    long expectedRuns();

    /**
     * Builds the scenario on a library and times it.
     *
     * @param harness the timing protocol
     * @param fw the library
     * @return the timed reps, checksum and runs
     */
    Measurement measure(Harness harness, Adapter fw);

    /** A kairo-style row: one graph, reps of 500 {@code iter()} calls. */
    record KairoRow(String name, Function<Adapter, KairoGraph> factory, String expectedChecksum, long expectedRuns)
            implements Row {
        @Override
        public Measurement measure(Harness harness, Adapter fw) {
            return harness.measureKairo(fw, factory);
        }
    }

    /** A cellx row: a fresh graph per rep, one timed update. */
    record CellxRow(String name, int layers, String expectedChecksum, long expectedRuns) implements Row {
        @Override
        public Measurement measure(Harness harness, Adapter fw) {
            return harness.measureCellx(fw, layers);
        }
    }

    /** A dynamic-graph row: one graph, reps of one {@code runGraph}. */
    record DynamicRow(String name, DynamicGraph.Config config, String expectedChecksum, long expectedRuns)
            implements Row {
        @Override
        public Measurement measure(Harness harness, Adapter fw) {
            return harness.measureDynamic(fw, config);
        }
    }

    /** The 17 rows in the order of the Node harness (SCENARIOS.md §1–3). */
    List<Row> ALL = List.of(
            new KairoRow("avoidablePropagation", Kairo.AvoidablePropagation::new, "6006", 0),
            new KairoRow("broadPropagation", Kairo.BroadPropagation::new, "3725", 2550),
            new KairoRow("deepPropagation", Kairo.DeepPropagation::new, "3725", 51),
            new KairoRow("diamond", Kairo.Diamond::new, "626260", 501),
            new KairoRow("mux", Kairo.Mux::new, "155", 18),
            new KairoRow("repeatedObservers", Kairo.RepeatedObservers::new, "148530", 101),
            new KairoRow("triangle", Kairo.Triangle::new, "54055", 101),
            new KairoRow("unstable", Kairo.Unstable::new, "51080", 101),
            new KairoRow("molBench", MolBench::new, "9616", 4),
            new CellxRow("cellx1000", 1000, "-3,-6,-2,2/-2,-4,2,3", 4000),
            new CellxRow("cellx2500", 2500, "-3,-6,-2,2/-2,-4,2,3", 10000),
            new DynamicRow("dynamic_2-10x5_lazy80",
                    new DynamicGraph.Config(10, 5, 1, 2, 0.2, 600000), "19199968", 3480000),
            new DynamicRow("dynamic_6-10x10_dyn25_lazy80",
                    new DynamicGraph.Config(10, 10, 0.75, 6, 0.2, 15000), "302310782860", 1155000),
            new DynamicRow("dynamic_4-1000x12_dyn5",
                    new DynamicGraph.Config(1000, 12, 0.95, 4, 1, 7000), "29355933696000", 1463000),
            new DynamicRow("dynamic_25-1000x5",
                    new DynamicGraph.Config(1000, 5, 1, 25, 1, 3000), "1171484375000", 732000),
            new DynamicRow("dynamic_3-5x500",
                    new DynamicGraph.Config(5, 500, 1, 3, 1, 500), "3.0239642676898464e+241", 1246500),
            new DynamicRow("dynamic_6-100x15_dyn50",
                    new DynamicGraph.Config(100, 15, 0.5, 6, 1, 2000), "15664996402790400", 1078000));
}
