package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ComputedTest {

    @Test
    void quickStartTotal() {
        Signal<Integer> price = signal(100);
        Signal<Double> taxRate = signal(0.2);
        Computed<Double> total = computed(() -> price.get() * (1 + taxRate.get()));
        assertThat(total.get()).isEqualTo(120.0);
        taxRate.set(0.25);
        assertThat(total.get()).isEqualTo(125.0);
    }

    @Test
    void isLazyNotRunUntilFirstRead() {
        AtomicInteger runs = new AtomicInteger();
        Signal<Integer> a = signal(1);
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            return a.get() * 2;
        });
        a.set(2);
        assertThat(runs).hasValue(0);
        assertThat(c.get()).isEqualTo(4);
        assertThat(runs).hasValue(1);
    }

    @Test
    void isCachedASecondReadWithoutChangeDoesNotRerun() {
        AtomicInteger runs = new AtomicInteger();
        Signal<Integer> a = signal(1);
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            return a.get() + 1;
        });
        c.get();
        c.get();
        c.peek();
        assertThat(runs).hasValue(1);
        a.set(5);
        assertThat(c.get()).isEqualTo(6);
        assertThat(c.get()).isEqualTo(6);
        assertThat(runs).hasValue(2);
    }

    @Test
    void writingAnUnrelatedSignalNeverReruns() {
        AtomicInteger runs = new AtomicInteger();
        Signal<Integer> a = signal(1);
        Signal<Integer> unrelated = signal(0);
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            return a.get();
        });
        c.get();
        unrelated.set(1);
        unrelated.set(2);
        c.get();
        // and while watched by an effect, too
        effect(() -> c.get());
        unrelated.set(3);
        c.get();
        assertThat(runs).hasValue(1);
    }

    @Test
    void dependenciesAreRetrackedOnEveryRun() {
        Signal<Boolean> useA = signal(true);
        Signal<String> a = signal("a");
        Signal<String> b = signal("b");
        AtomicInteger runs = new AtomicInteger();
        Computed<String> c = computed(() -> {
            runs.incrementAndGet();
            return useA.get() ? a.get() : b.get();
        });
        assertThat(c.get()).isEqualTo("a");
        b.set("b2"); // not a dependency yet
        assertThat(c.get()).isEqualTo("a");
        assertThat(runs).hasValue(1);

        useA.set(false);
        assertThat(c.get()).isEqualTo("b2");
        a.set("a2"); // no longer a dependency
        assertThat(c.get()).isEqualTo("b2");
        assertThat(runs).hasValue(2);
    }

    @Test
    void equalResultKeepsTheOldValueAndDoesNotNotifyDependents() {
        Signal<Integer> a = signal(2);
        Integer first = Integer.valueOf(2000);
        Computed<Integer> parity = computed(() -> a.get() % 2 == 0 ? Integer.valueOf(new String("2000")) : 1);
        AtomicInteger downstreamRuns = new AtomicInteger();
        Computed<String> label = computed(() -> {
            downstreamRuns.incrementAndGet();
            return "p" + parity.get();
        });
        List<String> effectSaw = new ArrayList<>();
        effect(() -> effectSaw.add(label.get()));
        Integer before = parity.get();
        assertThat(before).isEqualTo(first);

        a.set(4); // parity recomputes to an equal (but distinct) Integer

        assertThat(parity.get()).isSameAs(before);
        assertThat(downstreamRuns).hasValue(1);
        assertThat(effectSaw).containsExactly("p2000");
    }

    @Test
    void customEqualityCutsOff() {
        Signal<Double> x = signal(1.0);
        Computed<Double> rounded = computed(() -> x.get() * 10, (a, b) -> Math.abs(a - b) < 0.01);
        List<Double> seen = new ArrayList<>();
        effect(() -> seen.add(rounded.get()));
        x.set(1.0001);
        x.set(2.0);
        assertThat(seen).containsExactly(10.0, 20.0);
    }

    @Test
    void errorsAreMemoizedAndRethrownUntilADependencyChanges() {
        Signal<Integer> divisor = signal(0);
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> quotient = computed(() -> {
            runs.incrementAndGet();
            return 10 / divisor.get();
        });
        AtomicReference<Throwable> first = new AtomicReference<>();
        assertThatThrownBy(quotient::get).isInstanceOf(ArithmeticException.class)
                .satisfies(first::set);
        assertThatThrownBy(quotient::get).isSameAs(first.get());
        assertThatThrownBy(quotient::peek).isSameAs(first.get());
        assertThat(runs).hasValue(1);

        divisor.set(2);
        assertThat(quotient.get()).isEqualTo(5);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aComputedThatReadsItselfFailsWithACycleNamingIt() {
        AtomicReference<Computed<Integer>> self = new AtomicReference<>();
        Computed<Integer> c = computed(() -> self.get().get() + 1).named("selfish");
        self.set(c);
        assertThatThrownBy(c::get).isInstanceOf(CycleDetectedException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("'selfish' -> 'selfish'");
    }

    @Test
    void anIndirectCycleNamesEveryNodeAndTheRestOfTheGraphKeepsWorking() {
        Signal<Integer> s = signal(1).named("s");
        AtomicReference<Computed<Integer>> cRef = new AtomicReference<>();
        Computed<Integer> a = computed(() -> s.get() + cRef.get().get()).named("a");
        Computed<Integer> b = computed(() -> a.get() + 1).named("b");
        Computed<Integer> c = computed(() -> b.get() + 1).named("c");
        cRef.set(c);
        Computed<Integer> healthy = computed(() -> s.get() * 10).named("healthy");

        assertThatThrownBy(a::get).isInstanceOf(CycleDetectedException.class)
                .hasMessageContaining("'a' -> 'c' -> 'b' -> 'a'"); // a reads c, c reads b, b reads a
        assertThat(healthy.get()).isEqualTo(10);
        s.set(2);
        assertThat(healthy.get()).isEqualTo(20);
        assertThatThrownBy(a::get).isInstanceOf(CycleDetectedException.class);
    }

    @Test
    void aConditionalCycleRecoversOnceTheConditionChanges() {
        Signal<Boolean> loop = signal(true);
        AtomicReference<Computed<Integer>> bRef = new AtomicReference<>();
        Computed<Integer> a = computed(() -> loop.get() ? bRef.get().get() : 1).named("a");
        Computed<Integer> b = computed(() -> a.get() + 1).named("b");
        bRef.set(b);
        assertThatThrownBy(b::get).isInstanceOf(CycleDetectedException.class);
        loop.set(false);
        assertThat(b.get()).isEqualTo(2);
        assertThat(a.get()).isEqualTo(1);
    }

    @Test
    void writingASignalInsideAComputedIsRefused() {
        Signal<Integer> target = signal(0).named("target");
        Computed<Integer> bad = computed(() -> {
            target.set(1);
            return 1;
        }).named("bad");
        assertThatIllegalStateException().isThrownBy(bad::get)
                .withMessageContaining("Cannot write 'target' while computing 'bad'");
        assertThat(target.get()).isZero();
    }

    @Test
    void updateAndUntrackedWritesInsideAComputedAreRefusedToo() {
        Signal<Integer> target = signal(0);
        Computed<Integer> bad = computed(() -> {
            Reaktiv.untracked(() -> target.update(x -> x + 1));
            return 1;
        });
        assertThatIllegalStateException().isThrownBy(bad::get).withMessageContaining("must not write");
        assertThat(target.get()).isZero();
    }

    @Test
    void creatingAnEffectInsideAComputedIsRefused() {
        Computed<Integer> bad = computed(() -> {
            effect(() -> { });
            return 1;
        });
        assertThatIllegalStateException().isThrownBy(bad::get).withMessageContaining("Cannot create an effect");
    }

    @Test
    void repeatedReadsOfOneDependencyLinkItOnce() {
        Signal<Integer> head = signal(1).named("head");
        Computed<Integer> sum = computed(() -> {
            int total = 0;
            for (int i = 0; i < 30; i++) {
                total += head.get();
            }
            return total;
        }).named("sum");
        assertThat(sum.get()).isEqualTo(30);
        assertThat(Reaktiv.graph().find("sum").orElseThrow().dependencies()).hasSize(1);
        head.set(2);
        assertThat(sum.get()).isEqualTo(60);
    }

    @Test
    void toStringShowsStateWithoutComputing() {
        AtomicInteger runs = new AtomicInteger();
        Computed<Integer> c = computed(() -> runs.incrementAndGet()).named("lazy");
        assertThat(c.toString()).isEqualTo("Computed[lazy, value=<not computed>, stale]");
        assertThat(runs).hasValue(0);
    }

    @Test
    void aComputedThatReadsNothingRunsOnceNoMatterWhatIsWritten() {
        AtomicInteger constantRuns = new AtomicInteger();
        Computed<Integer> constant = computed(() -> {
            constantRuns.incrementAndGet();
            return 42;
        });
        Signal<Integer> s = signal(1);
        Signal<Integer> unrelated = signal(0);
        Computed<Integer> sum = computed(() -> constant.get() + s.get());
        assertThat(sum.get()).isEqualTo(43);
        unrelated.set(1);
        s.set(2);
        assertThat(sum.get()).isEqualTo(44);
        Effect watcher = effect(() -> sum.get()); // gaining a watcher does not rerun it either
        s.set(3);
        watcher.dispose();
        assertThat(constantRuns).hasValue(1);
    }
}
