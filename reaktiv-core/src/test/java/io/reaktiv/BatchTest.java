package io.reaktiv;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static io.reaktiv.Reaktiv.untracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchTest {

    @Test
    void nestedBatchesFlushOnceAtTheOutermostEnd() {
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(a.get() + "," + b.get()));
        batch(() -> {
            a.set(1);
            batch(() -> b.set(1));
            assertThat(seen).containsExactly("0,0");
            a.set(2);
        });
        assertThat(seen).containsExactly("0,0", "2,1");
    }

    @Test
    void theFlushHappensEvenWhenTheBodyThrows() {
        Signal<Integer> a = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(a.get()));
        assertThatThrownBy(() -> batch(() -> {
            a.set(1);
            throw new IllegalStateException("body failed");
        })).hasMessage("body failed");
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void readsInsideABatchSeeTheLatestWritesComputedsIncluded() {
        Signal<Integer> a = signal(1);
        Computed<Integer> doubled = computed(() -> a.get() * 2);
        effect(() -> doubled.get()); // watched, so the push path is exercised
        batch(() -> {
            a.set(5);
            assertThat(a.get()).isEqualTo(5);
            assertThat(doubled.get()).isEqualTo(10);
            a.set(6);
            assertThat(doubled.get()).isEqualTo(12);
        });
    }

    @Test
    void supplierOverloadReturnsTheBodysValue() {
        Signal<Integer> a = signal(1);
        int result = batch(() -> {
            a.set(2);
            return a.get() * 10;
        });
        assertThat(result).isEqualTo(20);
    }

    @Test
    void effectsCreatedInsideABatchRunAtItsEnd() {
        Signal<Integer> a = signal(0);
        List<Integer> seen = new ArrayList<>();
        batch(() -> {
            effect(() -> seen.add(a.get()));
            assertThat(seen).isEmpty();
            a.set(1);
        });
        assertThat(seen).containsExactly(1);
    }

    @Test
    void untrackedReadsCreateNoDependency() {
        Signal<Integer> tracked = signal(0);
        Signal<Integer> ignored = signal(0);
        AtomicInteger runs = new AtomicInteger();
        List<Integer> sums = new ArrayList<>();
        effect(() -> {
            runs.incrementAndGet();
            sums.add(tracked.get() + untracked(() -> ignored.get()) + ignored.peek());
        });
        ignored.set(5);
        assertThat(runs).hasValue(1);
        tracked.set(1);
        assertThat(sums).containsExactly(0, 11);
        untracked(() -> {
            ignored.set(6);
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void untrackedComputedReadsInsideAComputedCreateNoDependency() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(1);
        Computed<Integer> bTimesTwo = computed(() -> b.get() * 2);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            return a.get() + untracked(bTimesTwo::get);
        });
        assertThat(c.get()).isEqualTo(3);
        b.set(10);
        assertThat(c.get()).isEqualTo(3);
        assertThat(runs).hasValue(1);
        assertThat(Reaktiv.graph().nodes().stream().filter(n -> n.dependents().isEmpty()).count())
                .isPositive();
    }
}
