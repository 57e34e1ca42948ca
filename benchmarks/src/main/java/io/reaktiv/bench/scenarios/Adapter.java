package io.reaktiv.bench.scenarios;

import java.util.function.Supplier;

/**
 * What a signal library must provide to run the scenarios (SCENARIOS.md §0, "Adapter API").
 *
 * <p>Every node is read through {@link Supplier#get()}, so a library whose nodes already implement
 * {@code Supplier} is called without a wrapper. Writes go through {@link #write} for the same reason. Each
 * {@code computed} and {@code effect} also receives the superset of nodes its function may read: libraries
 * that track dependencies automatically ignore it, libraries with explicit dependencies (JavaFX) bind to it.
 *
 * <p>An adapter instance is used by one thread and for one library per JVM, so the JIT sees a single
 * implementation at each call site.
 */
public interface Adapter {

    /**
     * Creates the adapter of a library. Loaded by name because the Vaadin adapter exists only in builds on JDK 21+.
     *
     * @param library {@code reaktiv}, {@code javafx}, {@code vaadin} or {@code alien-jvm} (the Java port of
     *     alien-signals, a single-threaded reference point)
     * @return a new adapter
     * @throws ClassNotFoundException if this build does not contain the library's adapter
     * @throws IllegalArgumentException if the library is unknown
     */
    static Adapter create(String library) throws ClassNotFoundException {
        String simpleName = switch (library) {
            case "reaktiv" -> "ReaktivAdapter";
            case "javafx" -> "JavaFxAdapter";
            case "vaadin" -> "VaadinAdapter";
            case "alien-jvm" -> "AlienJavaAdapter";
            default -> throw new IllegalArgumentException("unknown library: " + library);
        };
        Class<?> type = Class.forName("io.reaktiv.bench.adapters." + simpleName);
        try {
            return (Adapter) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the " + library + " adapter", e);
        }
    }

    /**
     * Returns the library name and version printed in the result header.
     *
     * @return for example {@code javafx-base@21.0.8}
     */
    String describe();

    /**
     * Creates a writable source.
     *
     * @param initial the initial value
     * @return a node whose {@code get()} returns the current value
     */
    Supplier<Double> signal(double initial);

    /**
     * Writes a source created by {@link #signal}. Writing a value equal to the current one must be a no-op.
     *
     * @param signal a node returned by {@link #signal} of this adapter
     * @param value the new value
     */
    void write(Supplier<Double> signal, double value);

    /**
     * Creates a lazy, cached derived value whose cut-off uses value equality (for {@code Double}, the same as
     * JavaScript's {@code Object.is}).
     *
     * @param fn computes the value from other nodes
     * @param deps every node {@code fn} may read
     * @param <T> the value type
     * @return the computed node
     */
    <T> Supplier<T> computed(Supplier<T> fn, Supplier<?>... deps);

    /**
     * Creates a computed whose cut-off compares by identity, as JavaScript does for objects: used for values that
     * are freshly allocated on every evaluation (the {@code mux} scenario's map).
     *
     * @param fn computes the value from other nodes
     * @param deps every node {@code fn} may read
     * @param <T> the value type
     * @return the computed node
     */
    <T> Supplier<T> computedByIdentity(Supplier<T> fn, Supplier<?>... deps);

    /**
     * Creates an effect: runs {@code fn} now and again after every batch that changed something it read.
     *
     * @param fn the effect body
     * @param deps every node {@code fn} may read
     */
    void effect(Runnable fn, Supplier<?>... deps);

    /**
     * Runs writes as one batch: effects run when the outermost batch ends.
     *
     * @param writes the writes
     */
    void batch(Runnable writes);

    /**
     * Runs a graph construction so that {@link #cleanup()} can dispose everything it created.
     *
     * @param construction builds the graph
     * @param <T> the result type
     * @return what {@code construction} returned
     */
    <T> T build(Supplier<T> construction);

    /** Disposes everything built since the last cleanup. Never timed. */
    void cleanup();
}
