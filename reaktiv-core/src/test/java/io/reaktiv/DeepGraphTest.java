package io.reaktiv;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.scope;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deep graphs update with the default 1 MiB thread stack (surefire runs with -Xss1m): propagation and
 * validation are loops, and recomputation happens bottom-up.
 */
class DeepGraphTest {

    @Test
    void aChainOf10000ComputedsUpdatesWithoutStackOverflow() {
        Signal<Integer> head = signal(0);
        ReadableSignal<Integer> current = head;
        List<Computed<Integer>> chain = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ReadableSignal<Integer> previous = current;
            Computed<Integer> next = computed(() -> previous.get() + 1);
            next.get(); // built bottom-up, as a running application would
            chain.add(next);
            current = next;
        }
        Computed<Integer> tail = chain.get(chain.size() - 1);
        List<Integer> seen = new ArrayList<>();
        Effect e = effect(() -> seen.add(tail.get()));

        head.set(1);
        head.set(2);
        assertThat(seen).containsExactly(10_000, 10_001, 10_002);

        e.dispose(); // unwatching walks the chain too
        head.set(3);
        assertThat(tail.get()).isEqualTo(10_003); // and pulling an unwatched chain
    }

    @Test
    void aCellx5000LayerGraphUpdatesWithoutStackOverflow() {
        EffectScope scope = scope();
        Signal<Double> p1 = signal(1.0);
        Signal<Double> p2 = signal(2.0);
        Signal<Double> p3 = signal(3.0);
        Signal<Double> p4 = signal(4.0);
        int[] runs = new int[1];
        @SuppressWarnings("unchecked")
        ReadableSignal<Double>[] layer = new ReadableSignal[4];
        scope.run(() -> {
            @SuppressWarnings("unchecked")
            ReadableSignal<Double>[] m = new ReadableSignal[] {p1, p2, p3, p4};
            for (int i = 0; i < 5000; i++) {
                ReadableSignal<Double>[] prev = m;
                Computed<Double> c1 = computed(() -> prev[1].get());
                Computed<Double> c2 = computed(() -> prev[0].get() - prev[2].get());
                Computed<Double> c3 = computed(() -> prev[1].get() + prev[3].get());
                Computed<Double> c4 = computed(() -> prev[2].get());
                for (Computed<Double> c : List.of(c1, c2, c3, c4)) {
                    effect(() -> {
                        c.get();
                        runs[0]++;
                    });
                }
                @SuppressWarnings("unchecked")
                ReadableSignal<Double>[] next = new ReadableSignal[] {c1, c2, c3, c4};
                m = next;
            }
            System.arraycopy(m, 0, layer, 0, 4);
        });
        String before = layer[0].get() + "," + layer[1].get() + "," + layer[2].get() + "," + layer[3].get();
        runs[0] = 0;
        batch(() -> {
            p1.set(4.0);
            p2.set(3.0);
            p3.set(2.0);
            p4.set(1.0);
        });
        String after = layer[0].get() + "," + layer[1].get() + "," + layer[2].get() + "," + layer[3].get();

        // The values cellx 5000 is known for (the older benchmark fork's expectations).
        assertThat(before).isEqualTo("2.0,4.0,-1.0,-6.0");
        assertThat(after).isEqualTo("-2.0,1.0,-4.0,-4.0");
        assertThat(runs[0]).isEqualTo(20_000);
        scope.dispose();
    }

    @Test
    void anUnwatchedCellx5000LayerGraphPulledFromTheEndUpdatesWithoutStackOverflow() {
        Signal<Double> p1 = signal(1.0);
        Signal<Double> p2 = signal(2.0);
        Signal<Double> p3 = signal(3.0);
        Signal<Double> p4 = signal(4.0);
        @SuppressWarnings("unchecked")
        ReadableSignal<Double>[] m = new ReadableSignal[] {p1, p2, p3, p4};
        for (int i = 0; i < 5000; i++) {
            ReadableSignal<Double>[] prev = m;
            @SuppressWarnings("unchecked")
            ReadableSignal<Double>[] next = new ReadableSignal[] {
                computed(() -> prev[1].get()),
                computed(() -> prev[0].get() - prev[2].get()),
                computed(() -> prev[1].get() + prev[3].get()),
                computed(() -> prev[2].get())};
            for (ReadableSignal<Double> c : next) {
                c.get();
            }
            m = next;
        }
        ReadableSignal<Double>[] end = m;
        batch(() -> {
            p1.set(4.0);
            p2.set(3.0);
            p3.set(2.0);
            p4.set(1.0);
        });
        // Pulling the last layer first: no effect has refreshed anything in between.
        assertThat(end[3].get() + "," + end[2].get() + "," + end[1].get() + "," + end[0].get())
                .isEqualTo("-4.0,-4.0,1.0,-2.0");
    }

    @Test
    void aLadderOf5000RungsWhoseFunctionsPullUnvalidatedInputsDoesNotOverflow() {
        // x(k) = y(k-1) + x(k-1), y(k) = x(k-1) + y(k-1): the walk from the top validates one zig-zag path,
        // and every recomputation on the way back reads an input that path did not visit.
        Signal<Long> x0 = signal(1L);
        Signal<Long> y0 = signal(1L);
        ReadableSignal<Long> x = x0;
        ReadableSignal<Long> y = y0;
        for (int k = 0; k < 5000; k++) {
            ReadableSignal<Long> px = x;
            ReadableSignal<Long> py = y;
            Computed<Long> nx = computed(() -> (py.get() + px.get()) % 1_000_003);
            Computed<Long> ny = computed(() -> (px.get() + py.get()) % 1_000_003);
            nx.get();
            ny.get();
            x = nx;
            y = ny;
        }
        ReadableSignal<Long> top = x;
        Effect e = effect(() -> top.get());
        x0.set(2L);
        y0.set(2L);
        long expected = 1;
        for (int k = 0; k < 5000; k++) {
            expected = (expected * 2) % 1_000_003;
        }
        assertThat(top.get()).isEqualTo(expected * 2 % 1_000_003);
        e.dispose();
    }
}
