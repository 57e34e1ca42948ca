package io.reaktiv.bench.scenarios;

import java.util.function.Supplier;

/**
 * molBench from $mol_wire (SCENARIOS.md §1.9): dynamic dependencies ({@code G} reads {@code E} only when
 * {@code C} is 0), a computed {@code F} that keeps its value across a batch, and three effects recording what
 * they saw. {@code D}'s value is a fresh array on every evaluation, as upstream's array of fresh objects; Java
 * arrays compare by identity, like JavaScript objects.
 */
final class MolBench extends KairoGraph {

    private static final double[] NUMBERS = {0, 1, 2, 3, 4};

    private final Adapter fw;
    private final Supplier<Double> a;
    private final Supplier<Double> b;
    /** The values the effects pushed during the current iteration (upstream's {@code res} array). */
    private final double[] res = new double[16];
    private int resLength;
    private int i;

    MolBench(Adapter fw) {
        this.fw = fw;
        a = fw.signal(0);
        b = fw.signal(0);
        Supplier<Double> c = fw.computed(() -> a.get() % 2 + b.get() % 2, a, b);
        Supplier<double[]> d = fw.computed(() -> {
            double[] xs = new double[NUMBERS.length];
            for (int k = 0; k < NUMBERS.length; k++) {
                xs[k] = NUMBERS[k] + a.get() % 2 - b.get() % 2;
            }
            return xs;
        }, a, b);
        Supplier<Double> e = fw.computed(() -> hard(c.get() + a.get() + d.get()[0]), c, a, d);
        Supplier<Double> f = fw.computed(() -> {
            double x = d.get()[2];
            return hard(Js.truthy(x) ? x : b.get());
        }, d, b);
        Supplier<Double> g = fw.computed(() -> {
            double c1 = c.get();
            double c2 = c.get();
            return c1 + (Js.truthy(c2) ? c2 : e.get() % 2) + d.get()[4] + f.get();
        }, c, e, d, f);
        fw.effect(() -> push(hard(g.get())), g);
        fw.effect(() -> push(g.get()), g);
        fw.effect(() -> push(hard(f.get())), f);
    }

    @Override
    double iter() {
        i++;
        resLength = 0;
        fw.batch(() -> {
            fw.write(b, 1);
            fw.write(a, 1 + i * 2);
        });
        fw.batch(() -> {
            fw.write(a, 2 + i * 2);
            fw.write(b, 2);
        });
        runs = resLength;
        double cs = 0;
        for (int k = 0; k < resLength; k++) {
            cs += res[k];
        }
        return cs;
    }

    private void push(double value) {
        res[resLength++] = value;
    }

    private static double hard(double n) {
        return n + fib(16);
    }

    private static double fib(int n) {
        return n < 2 ? 1 : fib(n - 1) + fib(n - 2);
    }
}
