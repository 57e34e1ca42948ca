package io.reaktiv.bench.scaling;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.Effect;
import io.reaktiv.Signal;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Throughput of the four multi-threaded workloads of the scaling issue, with a correctness check after every
 * measurement window (a run that computes a wrong value is reported, not timed):
 * <ul>
 *   <li><b>A</b> disjoint: each thread writes its own signal, read by its own computed, read by its own effect.
 *   Check: each effect last saw twice its signal's final value.</li>
 *   <li><b>B</b> shared counter: {@code update(x -> x + 1)} of one signal, a computed and an effect on it.
 *   Check: the counter equals the number of updates, the effect saw its final doubled value.</li>
 *   <li><b>C</b> read-mostly: 99 % {@code get()} of one shared computed nobody watches, 1 % writes of its
 *   source. Check: every read value is {@code 2 * source + 1} for some source (odd), and the last is current.</li>
 *   <li><b>D</b> reads of a computed whose source is never written, while one more thread (not counted) writes
 *   an unrelated signal without pause. Check: every read value is the constant.</li>
 *   <li><b>E</b> D in one graph component: the computed nobody watches, whose source is never written, shares
 *   its component with the signal the thread not counted writes without pause (a computed read once at set-up
 *   reads both), so every write moves the version the computed is validated against. Check: every read value
 *   is the constant.</li>
 * </ul>
 * Baselines ({@code atomic}): a counter per thread, a cache line apart (A), one shared {@code AtomicLong} (B),
 * 99 % {@code get()} and 1 % {@code addAndGet()} of one (C), a volatile read of a constant (D, E). {@code memo}
 * (C only): the least cross-core traffic a cached derived value can have, see {@link MemoReadMostly}.
 *
 * <p>{@code vaadin}: the same four shapes and checks on Vaadin's standalone signals ({@code com.vaadin:signals}:
 * {@code ValueSignal}, {@code Signal.computed}, {@code Signal.effect}; {@code value()} reads, {@code peek()} for
 * the checks); it has no E, having no graph components. That library is compiled for Java 21, so its workloads live in {@code src/main/java21}
 * ({@code VaadinWorkloads}), exist only in builds on JDK 21+, and are loaded here by name; in other builds
 * {@code vaadin} exits with status 3 and says what it needs. B and C's writes use {@code ValueSignal.update},
 * Vaadin's atomic read-modify-write (a transaction that checks the value read and retries if another thread
 * changed it). Like the scenario adapter, no {@code SignalEnvironment} is registered, so Vaadin runs each effect
 * on the thread whose write invalidated it, before that write returns.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.reaktiv.bench.scaling.ScalingMain reaktiv|atomic|memo|vaadin A|B|C|D|E
 * 1,2 [windowMillis=1000] [windows=5] [warmupWindows=2]}; one library and workload per JVM. Output: {@code workload
 * library threads median_ops_per_s min max check} (rates in M or, below a million, k operations per second, all
 * threads together); each thread count first runs its warm-up windows, checked but not counted. Vaadin's write
 * path takes 15 to 20 s to compile: give it 20 warm-up windows of 1 s, or the first thread count measures code
 * that is not compiled yet.
 */
public final class ScalingMain {

    /** The Vaadin workloads: in {@code src/main/java21}, so in this build only if it ran on JDK 21+. */
    private static final String VAADIN_WORKLOADS = "io.reaktiv.bench.scaling.VaadinWorkloads";

    private ScalingMain() {
    }

    /**
     * Entry point.
     *
     * @param args library, workload, comma-separated thread counts, optional window length, count and warm-up count
     * @throws Exception if a worker fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ScalingMain reaktiv|atomic|memo|vaadin A|B|C|D|E 1,2,4 [windowMillis] [windows]"
                    + " [warmupWindows]");
            System.exit(2);
        }
        if (args[0].equals("vaadin")) {
            requireVaadin();
        }
        String library = args[0];
        String workload = args[1];
        int[] threadCounts = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        long windowMillis = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        int windows = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int warmups = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        System.out.println("# " + library + " " + workload + ", " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus, windows "
                + windows + " x " + windowMillis + " ms after " + warmups + " warm-up");
        for (int threads : threadCounts) {
            Workload w = Workload.of(library, workload, threads);
            long[] rates = new long[windows];
            String check = "ok";
            for (int i = -warmups; i < windows; i++) {
                long ops = w.window(windowMillis);
                String failure = w.verify();
                if (failure != null) {
                    check = "WRONG(" + failure + ")";
                }
                if (i >= 0) {
                    rates[i] = ops * 1000 / windowMillis;
                }
            }
            w.close();
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "%s %s %d %s %s %s %s%n", workload, library, threads,
                    rate(rates[windows / 2]), rate(rates[0]), rate(rates[windows - 1]), check);
        }
    }

    /** Millions with two decimals; below a million, thousands (Vaadin's writes would all print as 0.0xM). */
    private static String rate(long opsPerSecond) {
        return opsPerSecond >= 1_000_000
                ? String.format(Locale.ROOT, "%.2fM", opsPerSecond / 1e6)
                : String.format(Locale.ROOT, "%.1fk", opsPerSecond / 1e3);
    }

    /**
     * Exits with status 3, as {@code ScenarioMain} does, when the Vaadin workloads are not in this build or
     * cannot be linked (the build ran on JDK 17, or the classpath lacks {@code com.vaadin:signals}).
     */
    private static void requireVaadin() {
        try {
            Class.forName(VAADIN_WORKLOADS).getDeclaredMethod("create", String.class, int.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            System.err.println("# vaadin: not in this build (" + e + "). The Vaadin workloads (benchmarks/src/main/"
                    + "java21) and their dependency com.vaadin:signals are compiled for Java 21: build the benchmarks"
                    + " module with JAVA_HOME set to JDK 21 or newer (profile vaadin-signals), run it on JDK 21+ with"
                    + " benchmarks.jar on the classpath.");
            System.exit(3);
        }
    }

    /** Creates a Vaadin workload through {@code VaadinWorkloads.create}, loaded by name (see the class comment). */
    static Workload vaadin(String name, int threads) {
        try {
            return (Workload) Class.forName(VAADIN_WORKLOADS).getDeclaredMethod("create", String.class, int.class)
                    .invoke(null, name, threads);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Vaadin workload " + name, e);
        }
    }

    /**
     * One operation loop per thread; returns how many operations it did before {@code stop} was raised. Each
     * workload writes its loop out in full rather than passing its operation to a shared loop: a shared loop
     * would call several operations from one call site, which the JIT compiles as a megamorphic virtual call,
     * a cost the measured libraries do not have.
     */
    interface Loop {
        long run(Flag stop);
    }

    /** The stop flag, read once per batch of operations. */
    static final class Flag {
        volatile boolean raised;
    }

    /** A workload set up for a number of threads. */
    abstract static class Workload {

        /** Operations between two reads of the stop flag. */
        static final int BATCH = 256;

        final int threads;
        private final List<Thread> background = new ArrayList<>();
        private final Flag backgroundStop = new Flag();

        Workload(int threads) {
            this.threads = threads;
        }

        static Workload of(String library, String name, int threads) {
            if (!List.of("A", "B", "C", "D", "E").contains(name)) {
                throw new IllegalArgumentException("workload must be A, B, C, D or E, not " + name);
            }
            if (library.equals("vaadin")) {
                return vaadin(name, threads);
            }
            if (library.equals("memo")) {
                if (!name.equals("C")) {
                    throw new IllegalArgumentException("library memo has workload C only, not " + name);
                }
                return new MemoReadMostly(threads);
            }
            boolean reaktiv = switch (library) {
                case "reaktiv" -> true;
                case "atomic" -> false;
                default -> throw new IllegalArgumentException(
                        "library must be reaktiv, atomic, memo or vaadin, not " + library);
            };
            return switch (name) {
                case "A" -> reaktiv ? new ReaktivDisjoint(threads) : new AtomicDisjoint(threads);
                case "B" -> reaktiv ? new ReaktivShared(threads) : new AtomicShared(threads);
                case "C" -> reaktiv ? new ReaktivReadMostly(threads) : new AtomicReadMostly(threads);
                case "D" -> reaktiv ? new ReaktivConstant(threads, false) : new PlainConstant(threads);
                case "E" -> reaktiv ? new ReaktivConstant(threads, true) : new PlainConstant(threads);
                default -> throw new IllegalArgumentException("workload must be A, B, C, D or E, not " + name);
            };
        }

        abstract Loop loop(int thread);

        /** Null if the state is right after a window; else what is wrong. */
        abstract String verify();

        void close() {
            backgroundStop.raised = true;
            for (Thread t : background) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Starts a thread that runs until {@link #close()}, not counted (D's and E's writer). */
        void inBackground(Loop loop) {
            Thread t = new Thread(() -> loop.run(backgroundStop), "background");
            t.setDaemon(true);
            t.start();
            background.add(t);
        }

        long window(long millis) throws Exception {
            Flag stop = new Flag();
            long[] done = new long[threads];
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            Thread[] workers = new Thread[threads];
            Throwable[] failure = new Throwable[1];
            for (int t = 0; t < threads; t++) {
                int index = t;
                Loop loop = loop(t);
                workers[t] = new Thread(() -> {
                    try {
                        start.await();
                        done[index] = loop.run(stop);
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                }, "worker-" + t);
                workers[t].start();
            }
            start.await();
            Thread.sleep(millis); // the measurement window itself, not a wait for async work
            stop.raised = true;
            for (Thread w : workers) {
                w.join();
            }
            if (failure[0] != null) {
                throw new IllegalStateException("a worker failed", failure[0]);
            }
            return Arrays.stream(done).sum();
        }
    }

    // ---------------------------------------------------------------- A: disjoint graphs

    static final class ReaktivDisjoint extends Workload {
        private final List<Signal<Long>> sources = new ArrayList<>();
        private final long[][] lastSeen;
        private final List<Effect> effects = new ArrayList<>();

        ReaktivDisjoint(int threads) {
            super(threads);
            lastSeen = new long[threads][16]; // one row per thread, apart from the others' cache lines
            for (int t = 0; t < threads; t++) {
                Signal<Long> s = signal(0L);
                Computed<Long> doubled = computed(() -> s.get() * 2);
                long[] row = lastSeen[t];
                effects.add(effect(() -> row[0] = doubled.get()));
                sources.add(s);
            }
        }

        @Override
        Loop loop(int thread) {
            Signal<Long> s = sources.get(thread);
            return stop -> {
                long ops = 0;
                long v = s.peek();
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        s.set(++v);
                    }
                    ops += BATCH;
                }
                return ops;
            };
        }

        @Override
        String verify() {
            for (int t = 0; t < threads; t++) {
                if (lastSeen[t][0] != 2 * sources.get(t).peek()) {
                    return "effect " + t + " saw " + lastSeen[t][0] + ", expected " + 2 * sources.get(t).peek();
                }
            }
            return null;
        }

        @Override
        void close() {
            effects.forEach(Effect::dispose);
            super.close();
        }
    }

    static final class AtomicDisjoint extends Workload {
        /** Slots {@code PAD} longs apart: counters allocated side by side would share a cache line. */
        private static final int PAD = 16;
        private final AtomicLongArray counters;
        private final AtomicLong total = new AtomicLong();

        AtomicDisjoint(int threads) {
            super(threads);
            counters = new AtomicLongArray((threads + 1) * PAD);
        }

        @Override
        Loop loop(int thread) {
            AtomicLongArray c = counters;
            int slot = (thread + 1) * PAD;
            return stop -> {
                long ops = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        c.incrementAndGet(slot);
                    }
                    ops += BATCH;
                }
                total.addAndGet(ops);
                return ops;
            };
        }

        @Override
        String verify() {
            long sum = 0;
            for (int t = 0; t < threads; t++) {
                sum += counters.get((t + 1) * PAD);
            }
            return sum == total.get() ? null : "sum " + sum + " != ops " + total.get();
        }
    }

    // ---------------------------------------------------------------- B: one shared counter

    static final class ReaktivShared extends Workload {
        private final Signal<Long> counter = signal(0L);
        private final long[] lastSeen = new long[1];
        private final AtomicLong total = new AtomicLong();
        private final Effect effect;

        ReaktivShared(int threads) {
            super(threads);
            Computed<Long> doubled = computed(() -> counter.get() * 2);
            effect = effect(() -> lastSeen[0] = doubled.get());
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        counter.update(x -> x + 1);
                    }
                    ops += BATCH;
                }
                total.addAndGet(ops);
                return ops;
            };
        }

        @Override
        String verify() {
            if (counter.peek() != total.get()) {
                return "counter " + counter.peek() + " != updates " + total.get();
            }
            return lastSeen[0] == 2 * total.get() ? null : "effect saw " + lastSeen[0];
        }

        @Override
        void close() {
            effect.dispose();
            super.close();
        }
    }

    static final class AtomicShared extends Workload {
        private final AtomicLong counter = new AtomicLong();
        private final AtomicLong total = new AtomicLong();

        AtomicShared(int threads) {
            super(threads);
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        counter.incrementAndGet();
                    }
                    ops += BATCH;
                }
                total.addAndGet(ops);
                return ops;
            };
        }

        @Override
        String verify() {
            return counter.get() == total.get() ? null : "counter " + counter.get() + " != " + total.get();
        }
    }

    // ---------------------------------------------------------------- C: read-mostly

    static final class ReaktivReadMostly extends Workload {
        private final Signal<Long> source = signal(0L);
        private final Computed<Long> derived = computed(() -> source.get() * 2 + 1);
        private final AtomicLong wrongReads = new AtomicLong();

        ReaktivReadMostly(int threads) {
            super(threads);
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                long wrong = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        if (i % 100 == 0) {
                            source.update(x -> x + 1);
                        } else if ((derived.get() & 1) == 0) {
                            wrong++;
                        }
                    }
                    ops += BATCH;
                }
                wrongReads.addAndGet(wrong);
                return ops;
            };
        }

        @Override
        String verify() {
            if (wrongReads.get() != 0) {
                return wrongReads.get() + " reads were not 2 * source + 1";
            }
            return derived.get() == 2 * source.peek() + 1 ? null : "stale: " + derived.get();
        }
    }

    static final class AtomicReadMostly extends Workload {
        private final AtomicLong value = new AtomicLong(1);
        private final AtomicLong wrongReads = new AtomicLong();

        AtomicReadMostly(int threads) {
            super(threads);
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                long wrong = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        if (i % 100 == 0) {
                            value.addAndGet(2);
                        } else if ((value.get() & 1) == 0) {
                            wrong++;
                        }
                    }
                    ops += BATCH;
                }
                wrongReads.addAndGet(wrong);
                return ops;
            };
        }

        @Override
        String verify() {
            return wrongReads.get() == 0 ? null : wrongReads.get() + " even reads";
        }
    }

    /**
     * C's floor for any engine that caches a derived value: an {@code AtomicLong} source and a volatile,
     * immutable (source, value) pair that a read re-derives, lock-free, when the source moved. Whoever finds it
     * out of date publishes a new pair (racing publishers are harmless: a reader always checks the pair against
     * the source it just read). After each write the writer's core owns the source and every reader's core
     * misses on it, the first reader re-derives and the others miss on its pair: the cross-core traffic no
     * cached derived value can avoid, and that reaktiv's C pays on top of its locking.
     */
    static final class MemoReadMostly extends Workload {
        private record Memo(long source, Long value) {
        }

        private final AtomicLong source = new AtomicLong();
        private volatile Memo memo = new Memo(0, 1L);
        private final AtomicLong wrongReads = new AtomicLong();

        MemoReadMostly(int threads) {
            super(threads);
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                long wrong = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        if (i % 100 == 0) {
                            source.incrementAndGet();
                        } else if ((read() & 1) == 0) {
                            wrong++;
                        }
                    }
                    ops += BATCH;
                }
                wrongReads.addAndGet(wrong);
                return ops;
            };
        }

        private long read() {
            long s = source.get();
            Memo m = memo;
            if (m.source() != s) {
                m = new Memo(s, 2 * s + 1);
                memo = m;
            }
            return m.value();
        }

        @Override
        String verify() {
            if (wrongReads.get() != 0) {
                return wrongReads.get() + " reads were not 2 * source + 1";
            }
            return read() == 2 * source.get() + 1 ? null : "stale: " + read();
        }
    }

    // ------------------------------------------------ D and E: constant computed, writes elsewhere in the graph

    /** D, or with {@code oneComponent} E: the busy signal then shares the constant's graph component. */
    static final class ReaktivConstant extends Workload {
        private final Computed<Long> constant;
        private final AtomicLong wrongReads = new AtomicLong();

        ReaktivConstant(int threads, boolean oneComponent) {
            super(threads);
            Signal<Long> neverWritten = signal(20L);
            constant = computed(() -> neverWritten.get() + 1);
            Signal<Long> busy = signal(0L);
            if (oneComponent) {
                computed(() -> neverWritten.get() + busy.get()).get(); // the first read joins the two
            }
            inBackground(stop -> {
                long v = 0;
                while (!stop.raised) {
                    busy.set(++v);
                }
                return v;
            });
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                long wrong = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        if (constant.get() != 21L) {
                            wrong++;
                        }
                    }
                    ops += BATCH;
                }
                wrongReads.addAndGet(wrong);
                return ops;
            };
        }

        @Override
        String verify() {
            return wrongReads.get() == 0 ? null : wrongReads.get() + " wrong reads";
        }
    }

    /** A volatile read each time (a plain final field would be hoisted out of the loop by the JIT). */
    static final class PlainConstant extends Workload {
        private final AtomicLong constant = new AtomicLong(21L);
        private final AtomicLong wrongReads = new AtomicLong();

        PlainConstant(int threads) {
            super(threads);
        }

        @Override
        Loop loop(int thread) {
            return stop -> {
                long ops = 0;
                long wrong = 0;
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        if (constant.get() != 21L) {
                            wrong++;
                        }
                    }
                    ops += BATCH;
                }
                wrongReads.addAndGet(wrong);
                return ops;
            };
        }

        @Override
        String verify() {
            return wrongReads.get() == 0 ? null : wrongReads.get() + " wrong reads";
        }
    }
}
