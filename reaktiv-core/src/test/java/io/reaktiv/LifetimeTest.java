package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.scope;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifetimeTest {

    /** Polls the GC until {@code ref} is cleared; fails after a timeout. */
    private static void awaitCollected(WeakReference<?> ref) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            System.gc();
            return ref.get() == null;
        });
    }

    @Test
    void anEffectWhoseHandleIsDroppedKeepsRunningAfterGarbageCollection() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        WeakReference<Effect> handle = new WeakReference<>(effect(() -> seen.add(s.get())));
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        s.set(1);
        assertThat(handle.get()).isNotNull(); // held by the signal it depends on, not by the caller
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void aComputedNobodyWatchesIsCollectable() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() * 2);
        assertThat(c.get()).isEqualTo(2);
        WeakReference<Computed<Integer>> ref = new WeakReference<>(c);
        c = null;
        awaitCollected(ref);
        s.set(2); // the signal lives on and writes fine
        assertThat(s.get()).isEqualTo(2);
    }

    @Test
    void aDisposedEffectAndTheComputedsOnlyItWatchedAreCollectable() {
        Signal<Integer> s = signal(1);
        AtomicInteger runs = new AtomicInteger();
        List<WeakReference<?>> refs = watchThenDispose(s, runs);
        awaitCollected(refs.get(0));
        awaitCollected(refs.get(1));
        s.set(5);
        assertThat(runs).hasValue(1);
    }

    /** Creates a computed and an effect watching it, disposes the effect, and keeps only weak references. */
    private static List<WeakReference<?>> watchThenDispose(Signal<Integer> s, AtomicInteger runs) {
        Computed<Integer> c = computed(() -> s.get() + 1);
        Effect e = effect(() -> {
            c.get();
            runs.incrementAndGet();
        });
        e.dispose();
        return List.of(new WeakReference<>(e), new WeakReference<>(c));
    }

    @Test
    void aScopeOwnsTheEffectsCreatedInsideItAndDisposesThemTogether() {
        Signal<Integer> s = signal(0);
        List<String> log = new ArrayList<>();
        EffectScope scope = scope(() -> {
            effect(onCleanup -> {
                log.add("first " + s.get());
                onCleanup.accept(() -> log.add("first cleanup"));
            });
            effect(onCleanup -> {
                log.add("second " + s.get());
                onCleanup.accept(() -> log.add("second cleanup"));
            });
        });
        Effect outside = effect(() -> log.add("outside " + s.get()));
        assertThat(scope.size()).isEqualTo(2);

        scope.close();
        s.set(1);

        assertThat(log).containsExactly("first 0", "second 0", "outside 0", "second cleanup", "first cleanup",
                "outside 1");
        assertThat(scope.isDisposed()).isTrue();
        assertThat(scope.size()).isZero();
        outside.dispose();
    }

    @Test
    void nestedScopesAreDisposedWithTheirParent() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        EffectScope parent = scope();
        EffectScope child = parent.run(() -> scope(() -> effect(() -> seen.add(s.get()))));
        parent.dispose();
        s.set(1);
        assertThat(child.isDisposed()).isTrue();
        assertThat(seen).containsExactly(0);
    }

    @Test
    void anEffectDisposedOnItsOwnIsForgottenByItsScope() {
        EffectScope scope = scope();
        Effect e = scope.run(() -> effect(() -> { }));
        assertThat(scope.size()).isEqualTo(1);
        e.dispose();
        assertThat(scope.size()).isZero();
    }

    @Test
    void effectsCreatedInADisposedScopeNeverRun() {
        EffectScope scope = scope();
        scope.dispose();
        AtomicInteger runs = new AtomicInteger();
        Effect e = scope.run(() -> effect(runs::incrementAndGet));
        assertThat(e.isDisposed()).isTrue();
        assertThat(runs).hasValue(0);
    }
}
