package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the graph snapshot says about each node's state (stale, value, error, causes, running, disposed), what
 * the counter totals keep after nodes are gone, and the scoped configuration a framework can own (listener
 * registrations, per-effect error handlers, naming effects after creation).
 */
class IntrospectionStateTest {

    @AfterEach
    void resetHandler() {
        Reaktiv.resetErrorHandler();
    }

    @Test
    void staleValueAndErrorAreReportedWithoutComputingAnything() {
        AtomicInteger runs = new AtomicInteger();
        Signal<Integer> in = signal(1).named("state.in");
        Computed<Integer> c = computed(() -> {
            runs.incrementAndGet();
            if (in.get() < 0) {
                throw new IllegalArgumentException("negative");
            }
            return in.get() * 10;
        }).named("state.c");

        NodeSnapshot never = Reaktiv.graph().find("state.c").orElseThrow();
        assertThat(never.stale()).isTrue();
        assertThat(never.hasValue()).isFalse();
        assertThat(never.value()).isNull();
        assertThat(never.error()).isNull();

        assertThat(c.get()).isEqualTo(10);
        NodeSnapshot fresh = Reaktiv.graph().find("state.c").orElseThrow();
        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.value()).isEqualTo(10);

        in.set(2);
        NodeSnapshot stale = Reaktiv.graph().find("state.c").orElseThrow();
        assertThat(stale.stale()).as("unwatched after a write: cannot tell without computing").isTrue();
        assertThat(stale.value()).as("the last cached value").isEqualTo(10);
        assertThat(runs).as("looking computed nothing").hasValue(1);

        in.set(-1);
        assertThat(Reaktiv.graph().find("state.in").orElseThrow().value()).isEqualTo(-1);
        try {
            c.get();
        } catch (IllegalArgumentException expected) {
            // memoized
        }
        NodeSnapshot failed = Reaktiv.graph().find("state.c").orElseThrow();
        assertThat(failed.hasValue()).isFalse();
        assertThat(failed.error()).isInstanceOf(IllegalArgumentException.class).hasMessage("negative");
    }

    @Test
    void causesNameTheDependenciesWhoseChangeMadeTheLastRunHappen() {
        Signal<Integer> a = signal(1).named("causes.a");
        Signal<Integer> b = signal(2).named("causes.b");
        Signal<Integer> c = signal(3).named("causes.c");
        Computed<Integer> sum = computed(() -> a.get() + b.get() + c.get()).named("causes.sum");
        List<Integer> seen = new ArrayList<>();
        Effect e = effect("causes.effect", () -> seen.add(sum.get()));
        long aId = Reaktiv.graph().find("causes.a").orElseThrow().id();
        long cId = Reaktiv.graph().find("causes.c").orElseThrow().id();
        long sumId = Reaktiv.graph().find("causes.sum").orElseThrow().id();

        assertThat(Reaktiv.graph().find("causes.sum").orElseThrow().causes()).as("first run").isEmpty();
        assertThat(Reaktiv.graph().find("causes.effect").orElseThrow().causes()).as("first run").isEmpty();

        Reaktiv.batch(() -> {
            a.set(10);
            c.set(30);
        });
        assertThat(seen).containsExactly(6, 42);
        assertThat(Reaktiv.graph().find("causes.sum").orElseThrow().causes()).containsExactly(aId, cId);
        assertThat(Reaktiv.graph().find("causes.effect").orElseThrow().causes()).containsExactly(sumId);
        e.dispose();
    }

    @Test
    void effectStateShowsRunningDisposedAndTheLastError() throws Exception {
        Reaktiv.setErrorHandler((effect, error) -> { });
        Signal<Integer> s = signal(0);
        Effect e = effect("state.effect", () -> {
            if (s.get() == 1) {
                throw new IllegalStateException("one");
            }
        });
        s.set(1);
        NodeSnapshot failing = Reaktiv.graph().find("state.effect").orElseThrow();
        assertThat(failing.error()).hasMessage("one");
        assertThat(failing.errors()).isEqualTo(1);
        assertThat(failing.running()).isFalse();
        s.set(2);
        assertThat(Reaktiv.graph().find("state.effect").orElseThrow().error()).as("cleared by a good run").isNull();
        e.dispose();
        assertThat(Reaktiv.graph().find("state.effect").orElseThrow().disposed()).isTrue();
    }

    @Test
    void counterTotalsKeepTheCountsOfCollectedNodes() {
        String name = "totals." + System.nanoTime();
        Signal<Integer> keep = signal(0).named(name);
        for (int i = 0; i < 20; i++) {
            Signal<Integer> gone = signal(0).named(name);
            gone.set(1);
            gone.set(2);
        }
        keep.set(5);
        long expected = 20 * 2 + 1;
        assertThat(totalWrites(name)).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return Reaktiv.graph().nodes().stream().filter(n -> name.equals(n.name())).count() == 1;
        });
        assertThat(totalWrites(name)).as("after the written nodes were collected").isEqualTo(expected);
        assertThat(keep.get()).isEqualTo(5);
    }

    private static long totalWrites(String name) {
        return Reaktiv.counterTotals().stream().filter(t -> name.equals(t.name()))
                .mapToLong(CounterTotals::writes).sum();
    }

    @Test
    void aListenerRegistrationRemovesOnlyItsOwnListenerOnce() {
        List<String> log = new ArrayList<>();
        ReaktivListener first = new ReaktivListener() {
            @Override
            public void onWrite(ReadableSignal<?> signal) {
                log.add("first");
            }
        };
        ReaktivListener second = new ReaktivListener() {
            @Override
            public void onWrite(ReadableSignal<?> signal) {
                log.add("second");
            }
        };
        ListenerRegistration one = Reaktiv.addListener(first);
        ListenerRegistration two = Reaktiv.addListener(second);
        Signal<Integer> s = signal(0);
        s.set(1);
        one.close();
        one.close();
        s.set(2);
        two.close();
        s.set(3);
        assertThat(log).containsExactly("first", "second", "second");
    }

    @Test
    void aPerEffectErrorHandlerGetsItsEffectsFailuresAndTheProcessWideOneNothing() {
        List<String> processWide = new ArrayList<>();
        List<String> own = new ArrayList<>();
        Reaktiv.setErrorHandler((effect, error) -> processWide.add(error.getMessage()));
        Signal<Integer> s = signal(0);
        Effect mine = effect(EffectOptions.defaults().withErrorHandler((effect, error) ->
                own.add(effect.name() + ": " + error.getMessage())), () -> {
                    if (s.get() > 0) {
                        throw new IllegalStateException("boom " + s.get());
                    }
                });
        mine.named("mine");
        s.set(1);
        assertThat(own).containsExactly("mine: boom 1");
        assertThat(processWide).isEmpty();
        assertThat(Reaktiv.graph().find("mine")).isPresent();
        mine.dispose();
    }
}
