package io.reaktiv.bench.scenarios;

/**
 * A kairo-style scenario graph, built once; {@link #iter()} is the repeated unit (SCENARIOS.md §1).
 * Subclasses build the graph in their constructor (called inside {@link Adapter#build}).
 */
abstract class KairoGraph {

    /** Effect executions during the last {@link #iter()}; effects increment it, {@code iter()} resets it. */
    int runs;

    /**
     * Runs one iteration from the state the previous one left.
     *
     * @return the scenario checksum of this iteration
     */
    abstract double iter();

    /** A loop whose result is unused, as upstream's {@code busy()}: the JIT may remove it. */
    static void busy() {
        int a = 0;
        for (int i = 0; i < 100; i++) {
            a++;
        }
    }
}
