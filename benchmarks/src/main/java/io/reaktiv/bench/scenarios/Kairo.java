package io.reaktiv.bench.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The eight kairo scenarios (SCENARIOS.md §1.1–1.8), ported line by line from the Node harness. Every write is
 * wrapped in its own batch; the checksum accumulates reads the upstream asserts perform.
 */
final class Kairo {

    private Kairo() {}

    /** §1.1: a computed that is always 0 must stop propagation to c3..c5 and the effect. */
    static final class AvoidablePropagation extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> c5;

        AvoidablePropagation(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            Supplier<Double> c1 = fw.computed(() -> head.get(), head);
            Supplier<Double> c2 = fw.computed(() -> {
                c1.get();
                return 0.0;
            }, c1);
            Supplier<Double> c3 = fw.computed(() -> {
                busy();
                return c2.get() + 1;
            }, c2);
            Supplier<Double> c4 = fw.computed(() -> c3.get() + 2, c3);
            c5 = fw.computed(() -> c4.get() + 3, c4);
            fw.effect(() -> {
                c5.get();
                busy();
                runs++;
            }, c5);
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            fw.batch(() -> fw.write(head, 1));
            cs += c5.get();
            for (int i = 0; i < 1000; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += c5.get();
            }
            return cs;
        }
    }

    /** §1.2: one source, 50 independent two-computed chains, each with an effect. */
    static final class BroadPropagation extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> last;

        BroadPropagation(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            Supplier<Double> tail = head;
            for (int i = 0; i < 50; i++) {
                int offset = i;
                Supplier<Double> current = fw.computed(() -> head.get() + offset, head);
                Supplier<Double> current2 = fw.computed(() -> current.get() + 1, current);
                fw.effect(() -> {
                    current2.get();
                    runs++;
                }, current2);
                tail = current2;
            }
            last = tail;
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            fw.batch(() -> fw.write(head, 1));
            for (int i = 0; i < 50; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += last.get();
            }
            return cs;
        }
    }

    /** §1.3: a chain of 50 computeds. */
    static final class DeepPropagation extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> tail;

        DeepPropagation(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            Supplier<Double> current = head;
            for (int i = 0; i < 50; i++) {
                Supplier<Double> previous = current;
                current = fw.computed(() -> previous.get() + 1, previous);
            }
            tail = current;
            fw.effect(() -> {
                tail.get();
                runs++;
            }, tail);
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            fw.batch(() -> fw.write(head, 1));
            for (int i = 0; i < 50; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += tail.get();
            }
            return cs;
        }
    }

    /** §1.4: five computeds on one source joined by a sum. */
    static final class Diamond extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> sum;

        Diamond(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            List<Supplier<Double>> branches = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                branches.add(fw.computed(() -> head.get() + 1, head));
            }
            sum = fw.computed(() -> sumOf(branches), branches.toArray(Supplier<?>[]::new));
            fw.effect(() -> {
                sum.get();
                runs++;
            }, sum);
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            fw.batch(() -> fw.write(head, 1));
            cs += sum.get();
            for (int i = 0; i < 500; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += sum.get();
            }
            return cs;
        }
    }

    /** §1.5: 100 sources muxed into a fresh map (never equal to the previous one), then split again. */
    static final class Mux extends KairoGraph {
        private final Adapter fw;
        private final List<Supplier<Double>> heads = new ArrayList<>();
        private final List<Supplier<Double>> splited = new ArrayList<>();

        Mux(Adapter fw) {
            this.fw = fw;
            for (int i = 0; i < 100; i++) {
                heads.add(fw.signal(0));
            }
            Supplier<Map<Integer, Double>> muxed = fw.computedByIdentity(() -> {
                Map<Integer, Double> entries = new HashMap<>();
                for (int i = 0; i < heads.size(); i++) {
                    entries.put(i, heads.get(i).get());
                }
                return entries;
            }, heads.toArray(Supplier<?>[]::new));
            List<Supplier<Double>> selected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int index = i;
                selected.add(fw.computed(() -> muxed.get().get(index), muxed));
            }
            for (Supplier<Double> x : selected) {
                splited.add(fw.computed(() -> x.get() + 1, x));
            }
            for (Supplier<Double> x : splited) {
                fw.effect(() -> {
                    x.get();
                    runs++;
                }, x);
            }
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            for (int i = 0; i < 10; i++) {
                Supplier<Double> head = heads.get(i);
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += splited.get(i).get();
            }
            for (int i = 0; i < 10; i++) {
                Supplier<Double> head = heads.get(i);
                int v = i * 2;
                fw.batch(() -> fw.write(head, v));
                cs += splited.get(i).get();
            }
            return cs;
        }
    }

    /** §1.6: one computed reads the same source 30 times per evaluation. */
    static final class RepeatedObservers extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> current;

        RepeatedObservers(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            current = fw.computed(() -> {
                double result = 0;
                for (int i = 0; i < 30; i++) {
                    result += head.get();
                }
                return result;
            }, head);
            fw.effect(() -> {
                current.get();
                runs++;
            }, current);
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            fw.batch(() -> fw.write(head, 1));
            cs += current.get();
            for (int i = 0; i < 100; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += current.get();
            }
            return cs;
        }
    }

    /** §1.7: a chain of 9 computeds whose every level is also summed. */
    static final class Triangle extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> sum;

        Triangle(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            List<Supplier<Double>> list = new ArrayList<>();
            Supplier<Double> current = head;
            for (int i = 0; i < 10; i++) {
                Supplier<Double> previous = current;
                list.add(current);
                current = fw.computed(() -> previous.get() + 1, previous);
            }
            sum = fw.computed(() -> sumOf(list), list.toArray(Supplier<?>[]::new));
            fw.effect(() -> {
                sum.get();
                runs++;
            }, sum);
        }

        @Override
        double iter() {
            runs = 0;
            double cs = 0;
            fw.batch(() -> fw.write(head, 1));
            cs += sum.get();
            for (int i = 0; i < 100; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
                cs += sum.get();
            }
            return cs;
        }
    }

    /** §1.8: a computed whose dependencies switch with the parity of the source. */
    static final class Unstable extends KairoGraph {
        private final Adapter fw;
        private final Supplier<Double> head;
        private final Supplier<Double> current;
        private double seen;

        Unstable(Adapter fw) {
            this.fw = fw;
            head = fw.signal(0);
            Supplier<Double> doubled = fw.computed(() -> head.get() * 2, head);
            Supplier<Double> inverse = fw.computed(() -> -head.get(), head);
            current = fw.computed(() -> {
                double result = 0;
                for (int i = 0; i < 20; i++) {
                    result += Js.truthy(head.get() % 2) ? doubled.get() : inverse.get();
                }
                return result;
            }, head, doubled, inverse);
            fw.effect(() -> {
                seen += current.get();
                runs++;
            }, current);
        }

        @Override
        double iter() {
            runs = 0;
            seen = 0;
            fw.batch(() -> fw.write(head, 1));
            double cs = current.get();
            for (int i = 0; i < 100; i++) {
                int v = i;
                fw.batch(() -> fw.write(head, v));
            }
            return cs + seen;
        }
    }

    /** Upstream's {@code map(read).reduce(+, 0)}, as a loop (same additions in the same order). */
    private static double sumOf(List<Supplier<Double>> nodes) {
        double sum = 0;
        for (Supplier<Double> node : nodes) {
            sum += node.get();
        }
        return sum;
    }
}
