package io.reaktiv;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EffectTest {

    private final List<String> errors = new ArrayList<>();

    @AfterEach
    void restoreErrorHandler() {
        Reaktiv.resetErrorHandler();
    }

    private void captureErrors() {
        Reaktiv.setErrorHandler((effect, error) -> errors.add(effect.name() + ": " + error.getMessage()));
    }

    @Test
    void runsOnceAtCreationAndAfterEveryChange() {
        Signal<String> name = signal("Alice");
        List<String> greetings = new ArrayList<>();
        effect(() -> greetings.add("Hello, " + name.get() + "!"));
        assertThat(greetings).containsExactly("Hello, Alice!");
        name.set("Bob");
        name.set("Bob");
        assertThat(greetings).containsExactly("Hello, Alice!", "Hello, Bob!");
    }

    @Test
    void runsOncePerBatchNotOncePerChangedDependency() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(2);
        List<Integer> sums = new ArrayList<>();
        effect(() -> sums.add(a.get() + b.get()));
        batch(() -> {
            a.set(10);
            b.set(20);
        });
        assertThat(sums).containsExactly(3, 30);
    }

    @Test
    void diamondIsGlitchFreeOneRunPerWriteWithConsistentValues() {
        Signal<Integer> a = signal(1);
        Computed<Integer> b = computed(() -> a.get() * 2);
        Computed<Integer> c = computed(() -> a.get() * 3);
        List<String> seen = new ArrayList<>();
        AtomicInteger dRuns = new AtomicInteger();
        Computed<Integer> d = computed(() -> {
            dRuns.incrementAndGet();
            return b.get() + c.get();
        });
        effect(() -> seen.add(b.get() + "+" + c.get() + "=" + d.get()));

        a.set(2);
        a.set(3);

        assertThat(seen).containsExactly("2+3=5", "4+6=10", "6+9=15");
        assertThat(dRuns).hasValue(3);
    }

    @Test
    void anEffectBehindAnUnchangedComputedDoesNotRun() {
        Signal<Integer> head = signal(0);
        Computed<Integer> zero = computed(() -> head.get() * 0);
        Computed<Integer> derived = computed(() -> zero.get() + 1);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            derived.get();
            runs.incrementAndGet();
        });
        for (int i = 1; i <= 10; i++) {
            head.set(i);
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void cleanupsRunInRegistrationOrderBeforeTheNextRunAndOnDispose() {
        Signal<Integer> s = signal(0);
        List<String> log = new ArrayList<>();
        Effect e = effect(onCleanup -> {
            int v = s.get();
            log.add("run " + v);
            onCleanup.accept(() -> log.add("first cleanup " + v));
            onCleanup.accept(() -> log.add("second cleanup " + v));
        });
        s.set(1);
        e.dispose();
        e.dispose();
        s.set(2);
        assertThat(log).containsExactly("run 0", "first cleanup 0", "second cleanup 0", "run 1",
                "first cleanup 1", "second cleanup 1");
        assertThat(e.isDisposed()).isTrue();
    }

    @Test
    void effectIsAutoCloseable() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        try (Effect e = effect(() -> seen.add(s.get()))) {
            s.set(1);
        }
        s.set(2);
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void disposingFromInsideItsOwnRunFinishesTheRunThenCleansUp() {
        Signal<Integer> s = signal(0);
        List<String> log = new ArrayList<>();
        AtomicReference<Effect> self = new AtomicReference<>();
        Effect e = effect(onCleanup -> {
            int v = s.get();
            onCleanup.accept(() -> log.add("cleanup " + v));
            if (v == 1) {
                self.get().dispose();
                log.add("after dispose " + v);
            }
            log.add("run " + v);
        });
        self.set(e);
        s.set(1);
        s.set(2);
        assertThat(log).containsExactly("run 0", "cleanup 0", "after dispose 1", "run 1", "cleanup 1");
        assertThat(e.isDisposed()).isTrue();
    }

    @Test
    void disposingAnEffectQueuedInTheSameFlushPreventsItsRun() {
        Signal<Integer> s = signal(0);
        List<String> log = new ArrayList<>();
        AtomicReference<Effect> second = new AtomicReference<>();
        effect(() -> {
            if (s.get() == 1) {
                second.get().dispose();
            }
            log.add("first " + s.get());
        });
        second.set(effect(() -> log.add("second " + s.get())));
        s.set(1);
        assertThat(log).containsExactly("first 0", "second 0", "first 1");
    }

    @Test
    void errorsGoToTheHandlerAndTheEffectKeepsReacting() {
        captureErrors();
        Signal<Integer> s = signal(0);
        List<Integer> ok = new ArrayList<>();
        effect("fragile", () -> {
            if (s.get() == 1) {
                throw new IllegalArgumentException("boom at 1");
            }
            ok.add(s.get());
        });
        effect("sturdy", () -> ok.add(100 + s.get()));
        s.set(1);
        s.set(2);
        assertThat(errors).containsExactly("fragile: boom at 1");
        assertThat(ok).containsExactly(0, 100, 101, 2, 102);
    }

    @Test
    void anEffectThatThrowsBeforeReadingKeepsItsSubscriptions() {
        captureErrors();
        Signal<Boolean> fail = signal(false);
        Signal<Integer> other = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect("early-thrower", () -> {
            if (fail.get()) {
                throw new IllegalStateException("failing");
            }
            seen.add(other.get());
        });
        fail.set(true);
        other.set(1); // read by the previous run only: still a dependency, so the effect runs (and fails)
        fail.set(false);
        assertThat(seen).containsExactly(0, 1);
        assertThat(errors).containsExactly("early-thrower: failing", "early-thrower: failing");
    }

    @Test
    void theDefaultErrorHandlerLogsAndDoesNotStopOtherEffects() {
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect("logs-its-failure", () -> {
            if (s.get() == 1) {
                throw new IllegalStateException("expected in this test: logged by the default handler");
            }
        });
        effect(() -> seen.add(s.get()));
        s.set(1);
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void anEffectWritingASignalItReadsRunsUntilItSettles() {
        Signal<Integer> c = signal(0);
        AtomicInteger runs = new AtomicInteger();
        effect(() -> {
            runs.incrementAndGet();
            int v = c.get();
            if (v < 5) {
                c.set(v + 1);
            }
        });
        assertThat(c.get()).isEqualTo(5);
        assertThat(runs).hasValue(6);
    }

    @Test
    void anEffectThatNeverSettlesIsStoppedAndReportedAsACycle() {
        captureErrors();
        Signal<Integer> c = signal(0);
        AtomicInteger runs = new AtomicInteger();
        effect("runaway", () -> {
            runs.incrementAndGet();
            c.set(c.get() + 1);
        });
        assertThat(runs).hasValue(EffectNode.MAX_EFFECT_RERUNS);
        assertThat(c.get()).isEqualTo(EffectNode.MAX_EFFECT_RERUNS);
        assertThat(errors).singleElement().asString().startsWith("runaway: Effect 'runaway' ran 100 times");

        // stopped, not dead: the next outside change runs it again
        c.set(-1000);
        assertThat(runs).hasValue(2 * EffectNode.MAX_EFFECT_RERUNS);
        assertThat(c.get()).isEqualTo(-1000 + EffectNode.MAX_EFFECT_RERUNS);
        assertThat(errors).hasSize(2);
    }

    @Test
    void effectsWritingOtherSignalsCascadeInOneFlush() {
        Signal<Integer> a = signal(1);
        Signal<Integer> b = signal(0);
        List<String> log = new ArrayList<>();
        effect(() -> b.set(a.get() * 10));
        effect(() -> log.add("b=" + b.get()));
        a.set(2);
        assertThat(log).containsExactly("b=10", "b=20");
    }

    @Test
    void effectsCreatedInsideAnEffectBelongToItAndAreDisposedBeforeItsNextRun() {
        Signal<Integer> outer = signal(0);
        Signal<Integer> inner = signal(0);
        List<String> log = new ArrayList<>();
        Effect parent = effect(() -> {
            int o = outer.get();
            effect(() -> log.add("child of " + o + " sees " + inner.get()));
        });
        inner.set(1);
        outer.set(1);
        inner.set(2);
        parent.dispose();
        inner.set(3);
        assertThat(log).containsExactly("child of 0 sees 0", "child of 0 sees 1", "child of 1 sees 1",
                "child of 1 sees 2");
    }

    @Test
    void onCleanupOutsideTheRunIsRefused() {
        AtomicReference<OnCleanup> leaked = new AtomicReference<>();
        effect("leaky", onCleanup -> leaked.set(onCleanup));
        assertThatIllegalStateException().isThrownBy(() -> leaked.get().accept(() -> { }))
                .withMessageContaining("can only be used while the effect runs");
    }

    @Test
    void blankEffectNamesAreRejected() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> effect("", () -> { }))
                .withMessageContaining("must not be blank");
    }

    @Test
    void aChangeToADependencyTheFailedRunDidNotReachIsStillDelivered() {
        captureErrors();
        Signal<Integer> a = signal(0);
        Signal<Integer> b = signal(0);
        Computed<Integer> doubled = computed(() -> b.get() * 2);
        List<Integer> seen = new ArrayList<>();
        effect("sometimes-fails", () -> {
            if (a.get() > 0) {
                throw new IllegalStateException("a is positive");
            }
            seen.add(doubled.get());
        });
        batch(() -> {
            a.set(1);
            b.set(1);
        });
        a.set(0); // runs again (reads doubled = 2)
        b.set(2); // doubled changes: must still reach the effect
        assertThat(seen).containsExactly(0, 2, 4);
        assertThat(errors).containsExactly("sometimes-fails: a is positive");
    }
}
