package io.reaktiv.bench.memory;

import io.reaktiv.bench.scenarios.Adapter;
import java.util.Locale;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Retained bytes per signal, computed, effect and dependency edge, measured with JOL on the scenario adapters
 * (the same mapping the benchmarks use).
 *
 * <p>Every figure is a slope: the graph is built with {@code N} and {@code 2N} elements, JOL sums the sizes of
 * everything reachable from the adapter and the created nodes, and the difference is divided by {@code N}. That
 * cancels what does not grow with the graph (the adapter itself, shared lambdas, global state). The shapes:
 * <ul>
 *   <li>signal: {@code signal(i)}, its boxed value included;
 *   <li>computed: a computed over one signal of its own, evaluated, not observed; minus one signal (its
 *       function, a lambda capturing that signal, is included);
 *   <li>effect: an effect reading one signal of its own; minus one signal (its function included);
 *   <li>dependency edge: one effect reading {@code K} signals; the slope over {@code K}, minus one signal.
 * </ul>
 * Bookkeeping an adapter needs is included: JavaFX's adapter holds every node in a list, because bindings
 * observe their dependencies through weak references.
 *
 * <p>Usage: {@code java -Djdk.attach.allowAttachSelf=true -cp benchmarks.jar io.reaktiv.bench.memory.FootprintMain
 * [reaktiv javafx vaadin]}. The flag lets JOL attach its agent: without it JOL cannot size lambdas (hidden
 * classes).
 */
public final class FootprintMain {

    /** Elements per measurement; large enough that list growth slack is small per element. */
    private static final int N = 10_000;

    private FootprintMain() {}

    /**
     * Entry point.
     *
     * @param args the libraries to measure (default: reaktiv and javafx)
     * @throws ClassNotFoundException if a library's adapter is not in this build
     */
    public static void main(String[] args) throws ClassNotFoundException {
        String[] libraries = args.length == 0 ? new String[] {"reaktiv", "javafx"} : args;
        System.out.println("# java " + System.getProperty("java.runtime.version"));
        System.out.print(VM.current().details());
        System.out.println("# bytes per element (slope between " + N + " and " + 2 * N + " elements)");
        System.out.println("| library | signal | computed | effect | dependency edge |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String library : libraries) {
            try {
                double signal = slope(library, FootprintMain::signals);
                double computed = slope(library, FootprintMain::computeds) - signal;
                double effect = slope(library, FootprintMain::effects) - signal;
                double edge = slope(library, FootprintMain::edges) - signal;
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", library, signal, computed,
                        effect, edge);
            } catch (RuntimeException e) {
                // JOL reads field offsets with Unsafe, which newer JDKs refuse for some classes (records, hidden
                // classes); such a library's graph cannot be walked, the others still can.
                Throwable cause = e.getCause() == null ? e : e.getCause();
                System.out.println("| " + library + " | n/a: " + cause + " | | | |");
            }
        }
    }

    /** Builds a graph of {@code n} elements on a fresh adapter and returns the objects to measure from. */
    @FunctionalInterface
    private interface Shape {
        Object[] build(Adapter fw, int n);
    }

    private static double slope(String library, Shape shape) throws ClassNotFoundException {
        long small = retained(library, shape, N);
        long large = retained(library, shape, 2 * N);
        return (large - small) / (double) N;
    }

    private static long retained(String library, Shape shape, int n) throws ClassNotFoundException {
        Adapter fw = Adapter.create(library);
        Object[] nodes = fw.build(() -> shape.build(fw, n));
        // The root array itself grows with n; it is measurement scaffolding, not library memory.
        long size = GraphLayout.parseInstance(fw, nodes).totalSize() - VM.current().sizeOf(nodes);
        fw.cleanup();
        return size;
    }

    private static Object[] signals(Adapter fw, int n) {
        Object[] nodes = new Object[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = fw.signal(i);
        }
        return nodes;
    }

    private static Object[] computeds(Adapter fw, int n) {
        Object[] nodes = new Object[n];
        for (int i = 0; i < n; i++) {
            Supplier<Double> source = fw.signal(i);
            Supplier<Double> computed = fw.computed(() -> source.get() + 1, source);
            computed.get();
            nodes[i] = computed;
        }
        return nodes;
    }

    private static Object[] effects(Adapter fw, int n) {
        Object[] nodes = new Object[n];
        for (int i = 0; i < n; i++) {
            Supplier<Double> source = fw.signal(i);
            fw.effect(source::get, source);
            nodes[i] = source;
        }
        return nodes;
    }

    private static Object[] edges(Adapter fw, int n) {
        Supplier<?>[] nodes = new Supplier<?>[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = fw.signal(i);
        }
        fw.effect(() -> {
            for (Supplier<?> node : nodes) {
                node.get();
            }
        }, nodes);
        return nodes;
    }
}
