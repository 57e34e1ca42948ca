package io.reaktiv.bench.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reactively's layered dynamic graph (SCENARIOS.md §3): {@code width} sources, {@code totalLayers - 1} rows of
 * computeds each summing {@code nSources} nodes of the row above, some of them dropping one source depending
 * on the parity of the first, and one effect reading a subset of the leaves.
 */
final class DynamicGraph {

    /**
     * One graph configuration.
     *
     * @param width nodes per row
     * @param totalLayers rows, the sources included
     * @param staticFraction probability that a node always reads all its sources
     * @param nSources sources per node
     * @param readFraction fraction of the leaves the effect and the read loop read
     * @param iterations writes per {@link #run}
     */
    record Config(int width, int totalLayers, double staticFraction, int nSources, double readFraction,
            int iterations) {}

    /** The result of one {@link #run}: the checksum and the number of computed executions. */
    record Outcome(double sum, long count) {}

    private final Adapter fw;
    private final Config config;
    private final List<Supplier<Double>> sources = new ArrayList<>();
    private final List<Supplier<Double>> readLeaves;
    private long counter;

    /**
     * Builds the graph. Call inside {@link Adapter#build}.
     *
     * @param fw the library
     * @param config the configuration
     */
    DynamicGraph(Adapter fw, Config config) {
        this.fw = fw;
        this.config = config;
        int width = config.width();
        for (int i = 0; i < width; i++) {
            sources.add(fw.signal(i));
        }
        PseudoRandom random = new PseudoRandom();
        List<Supplier<Double>> prevRow = sources;
        for (int l = 0; l < config.totalLayers() - 1; l++) {
            List<Supplier<Double>> row = new ArrayList<>(width);
            for (int myDex = 0; myDex < width; myDex++) {
                List<Supplier<Double>> mySources = new ArrayList<>(config.nSources());
                for (int sourceDex = 0; sourceDex < config.nSources(); sourceDex++) {
                    mySources.add(prevRow.get((myDex + sourceDex) % prevRow.size()));
                }
                boolean staticNode = random.next() < config.staticFraction();
                row.add(staticNode ? staticNode(mySources) : dynamicNode(mySources));
            }
            prevRow = row;
        }
        PseudoRandom rand = new PseudoRandom();
        List<Supplier<Double>> leaves = prevRow;
        long skipCount = Math.round(leaves.size() * (1 - config.readFraction()));
        readLeaves = new ArrayList<>(leaves);
        for (long i = 0; i < skipCount; i++) {
            readLeaves.remove((int) Math.floor(rand.next() * readLeaves.size()));
        }
        fw.effect(() -> {
            for (Supplier<Double> leaf : readLeaves) {
                leaf.get();
            }
        }, readLeaves.toArray(Supplier<?>[]::new));
    }

    private Supplier<Double> staticNode(List<Supplier<Double>> mySources) {
        Supplier<?>[] deps = mySources.toArray(Supplier<?>[]::new);
        return fw.computed(() -> {
            counter++;
            double sum = 0;
            for (Supplier<Double> s : mySources) {
                sum += s.get();
            }
            return sum;
        }, deps);
    }

    /** Reads the first source, then all others except one when the first is odd. */
    private Supplier<Double> dynamicNode(List<Supplier<Double>> mySources) {
        Supplier<?>[] deps = mySources.toArray(Supplier<?>[]::new);
        Supplier<Double> first = mySources.get(0);
        List<Supplier<Double>> tail = mySources.subList(1, mySources.size());
        return fw.computed(() -> {
            counter++;
            double sum = first.get();
            boolean shouldDrop = Js.odd(sum);
            double dropDex = sum % tail.size();
            for (int i = 0; i < tail.size(); i++) {
                if (shouldDrop && i == dropDex) {
                    continue;
                }
                sum += tail.get(i).get();
            }
            return sum;
        }, deps);
    }

    /**
     * The timed operation {@code runGraph}: {@code iterations} single-source writes, each followed by reading
     * the leaves. Resets the computed-execution counter first.
     *
     * @return the sum of the read leaves and the computed executions of this run
     */
    Outcome run() {
        counter = 0;
        int width = sources.size();
        for (int i = 0; i < config.iterations(); i++) {
            int sourceDex = i % width;
            double value = i + sourceDex;
            fw.batch(() -> fw.write(sources.get(sourceDex), value));
            for (Supplier<Double> leaf : readLeaves) {
                leaf.get();
            }
        }
        double total = 0;
        for (Supplier<Double> leaf : readLeaves) {
            total = leaf.get() + total;
        }
        return new Outcome(total, counter);
    }
}
