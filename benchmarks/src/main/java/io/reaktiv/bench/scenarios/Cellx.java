package io.reaktiv.bench.scenarios;

import java.util.function.Supplier;

/**
 * The cellx graph (SCENARIOS.md §2): {@code layers} layers of four computeds, each with an effect, over four
 * sources. Built fresh for every rep; only {@link #update()} is timed.
 */
final class Cellx {

    /** One layer's four nodes. */
    private record Layer(Supplier<Double> p1, Supplier<Double> p2, Supplier<Double> p3, Supplier<Double> p4) {}

    /** What one timed update produced. */
    record Update(double millis, String checksum, long runs) {}

    private final Adapter fw;
    private final Layer start;
    private final Layer end;
    private long runs;

    /**
     * Builds the graph; the effects evaluate all of it once. Call inside {@link Adapter#build}.
     *
     * @param fw the library
     * @param layers the number of computed layers
     */
    Cellx(Adapter fw, int layers) {
        this.fw = fw;
        start = new Layer(fw.signal(1), fw.signal(2), fw.signal(3), fw.signal(4));
        Layer layer = start;
        for (int i = layers; i > 0; i--) {
            Layer m = layer;
            Layer s = new Layer(
                    fw.computed(() -> m.p2().get(), m.p2()),
                    fw.computed(() -> m.p1().get() - m.p3().get(), m.p1(), m.p3()),
                    fw.computed(() -> m.p2().get() + m.p4().get(), m.p2(), m.p4()),
                    fw.computed(() -> m.p3().get(), m.p3()));
            countingEffect(s.p1());
            countingEffect(s.p2());
            countingEffect(s.p3());
            countingEffect(s.p4());
            layer = s;
        }
        end = layer;
    }

    private void countingEffect(Supplier<Double> node) {
        fw.effect(() -> {
            node.get();
            runs++;
        }, node);
    }

    /**
     * The timed part: read the last layer, write all four sources in one batch, read the last layer again.
     *
     * @return the time, the checksum {@code before/after} and the effect runs of the batch
     */
    Update update() {
        runs = 0;
        long t0 = System.nanoTime();
        double[] before = {end.p1().get(), end.p2().get(), end.p3().get(), end.p4().get()};
        fw.batch(() -> {
            fw.write(start.p1(), 4);
            fw.write(start.p2(), 3);
            fw.write(start.p3(), 2);
            fw.write(start.p4(), 1);
        });
        double[] after = {end.p1().get(), end.p2().get(), end.p3().get(), end.p4().get()};
        double millis = (System.nanoTime() - t0) / 1e6;
        return new Update(millis, join(before) + "/" + join(after), runs);
    }

    private static String join(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Js.format(value));
        }
        return out.toString();
    }
}
