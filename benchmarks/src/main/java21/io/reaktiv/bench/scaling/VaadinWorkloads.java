package io.reaktiv.bench.scaling;

import com.vaadin.signals.Signal;
import com.vaadin.signals.ValueSignal;
import io.reaktiv.bench.scaling.ScalingMain.Loop;
import io.reaktiv.bench.scaling.ScalingMain.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workloads A to D of {@link ScalingMain} on Vaadin's standalone signals ({@code com.vaadin:signals}, compiled for
 * Java 21, hence this source folder; {@code ScalingMain} loads {@link #create} by name). Same shapes and checks as
 * the reaktiv workloads there:
 * <ul>
 *   <li>{@code new ValueSignal<>(v)} for a source: each has its own {@code SynchronousSignalTree}, with its own
 *   lock. {@code value(v)} writes, {@code value()} reads (tracked, as reaktiv's {@code get()}), {@code peek()}
 *   reads for the checks.</li>
 *   <li>{@code Signal.computed} for a computed, {@code Signal.effect} for an effect (it returns the
 *   {@code Runnable} that disposes it).</li>
 *   <li>B and C write with {@code ValueSignal.update(x -> x + 1)}: Vaadin's atomic update, a transaction that
 *   reads the value, adds a condition that it is unchanged, writes the new value and, when the condition fails
 *   because another thread wrote first, runs again (on the same thread, from the result future's callback).
 *   {@code NumberSignal.incrementBy} would be a single increment command, but on a {@code Double}; {@code update}
 *   is the counterpart of reaktiv's {@code update}.</li>
 *   <li>Effects: as in the scenario adapter ({@code VaadinAdapter}), no {@code SignalEnvironment} is registered,
 *   so the default effect dispatcher is Vaadin's immediate executor: an effect runs on the thread whose write
 *   invalidated it, before that write returns (in B, on whichever writer got there; runs of one effect are
 *   serialised by its monitor).</li>
 * </ul>
 */
final class VaadinWorkloads {

    private VaadinWorkloads() {
    }

    /**
     * Creates a workload; called reflectively by {@link ScalingMain}.
     *
     * @param name {@code A}, {@code B}, {@code C} or {@code D}
     * @param threads the number of measured threads
     * @return the workload
     */
    static Workload create(String name, int threads) {
        return switch (name) {
            case "A" -> new VaadinDisjoint(threads);
            case "B" -> new VaadinShared(threads);
            case "C" -> new VaadinReadMostly(threads);
            case "D" -> new VaadinConstant(threads);
            default -> throw new IllegalArgumentException("workload must be A, B, C or D, not " + name);
        };
    }

    // ---------------------------------------------------------------- A: disjoint graphs

    static final class VaadinDisjoint extends Workload {
        private final List<ValueSignal<Long>> sources = new ArrayList<>();
        private final long[][] lastSeen;
        private final List<Runnable> disposers = new ArrayList<>();

        VaadinDisjoint(int threads) {
            super(threads);
            lastSeen = new long[threads][16]; // one row per thread, apart from the others' cache lines
            for (int t = 0; t < threads; t++) {
                ValueSignal<Long> s = new ValueSignal<>(0L);
                Signal<Long> doubled = Signal.computed(() -> s.value() * 2);
                long[] row = lastSeen[t];
                disposers.add(Signal.effect(() -> row[0] = doubled.value()));
                sources.add(s);
            }
        }

        @Override
        Loop loop(int thread) {
            ValueSignal<Long> s = sources.get(thread);
            return stop -> {
                long ops = 0;
                long v = s.peek();
                while (!stop.raised) {
                    for (int i = 0; i < BATCH; i++) {
                        s.value(++v);
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
            disposers.forEach(Runnable::run);
            super.close();
        }
    }

    // ---------------------------------------------------------------- B: one shared counter

    static final class VaadinShared extends Workload {
        private final ValueSignal<Long> counter = new ValueSignal<>(0L);
        private final long[] lastSeen = new long[1];
        private final AtomicLong total = new AtomicLong();
        private final Runnable disposer;

        VaadinShared(int threads) {
            super(threads);
            Signal<Long> doubled = Signal.computed(() -> counter.value() * 2);
            disposer = Signal.effect(() -> lastSeen[0] = doubled.value());
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
            disposer.run();
            super.close();
        }
    }

    // ---------------------------------------------------------------- C: read-mostly

    static final class VaadinReadMostly extends Workload {
        private final ValueSignal<Long> source = new ValueSignal<>(0L);
        private final Signal<Long> derived = Signal.computed(() -> source.value() * 2 + 1);
        private final AtomicLong wrongReads = new AtomicLong();

        VaadinReadMostly(int threads) {
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
                        } else if ((derived.value() & 1) == 0) {
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
            return derived.value() == 2 * source.peek() + 1 ? null : "stale: " + derived.value();
        }
    }

    // ---------------------------------------------------------------- D: constant computed, unrelated writes

    static final class VaadinConstant extends Workload {
        private final Signal<Long> constant;
        private final AtomicLong wrongReads = new AtomicLong();

        VaadinConstant(int threads) {
            super(threads);
            ValueSignal<Long> neverWritten = new ValueSignal<>(20L);
            constant = Signal.computed(() -> neverWritten.value() + 1);
            ValueSignal<Long> unrelated = new ValueSignal<>(0L);
            inBackground(stop -> {
                long v = 0;
                while (!stop.raised) {
                    unrelated.value(++v);
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
                        if (constant.value() != 21L) {
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
