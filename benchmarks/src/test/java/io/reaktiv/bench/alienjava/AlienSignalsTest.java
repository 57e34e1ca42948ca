package io.reaktiv.bench.alienjava;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.bench.alienjava.AlienSignals.Computed;
import io.reaktiv.bench.alienjava.AlienSignals.Effect;
import io.reaktiv.bench.alienjava.AlienSignals.EffectScope;
import io.reaktiv.bench.alienjava.AlienSignals.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour the scenarios do not reach (cleanups, nested effects, scopes, trigger), translated from alien-signals
 * 3.2.1's {@code tests/*.spec.ts}, plus the basic guarantees (glitch-free, cut-off, lazy).
 */
class AlienSignalsTest {

    private final List<String> log = new ArrayList<>();

    /** Effect body without cleanup. */
    private static Effect effect(Runnable body) {
        return AlienSignals.effect(() -> {
            body.run();
            return null;
        });
    }

    @Test
    void diamondIsGlitchFreeAndComputedsAreLazy() {
        Signal<Double> a = AlienSignals.signal(1.0);
        int[] evaluations = new int[1];
        Computed<Double> b = AlienSignals.computed(() -> a.get() + 1);
        Computed<Double> c = AlienSignals.computed(() -> a.get() * 2);
        Computed<Double> d = AlienSignals.computed(() -> {
            evaluations[0]++;
            return b.get() + c.get();
        });
        assertThat(evaluations[0]).isZero();
        List<Double> seen = new ArrayList<>();
        effect(() -> seen.add(d.get()));
        a.set(2.0);
        assertThat(seen).containsExactly(4.0, 7.0);
        assertThat(evaluations[0]).isEqualTo(2);
    }

    @Test
    void unchangedComputedStopsPropagation() {
        Signal<Double> a = AlienSignals.signal(2.0);
        Computed<Double> parity = AlienSignals.computed(() -> a.get() % 2);
        int[] runs = new int[1];
        effect(() -> {
            parity.get();
            runs[0]++;
        });
        a.set(4.0);
        a.set(4.0);
        assertThat(runs[0]).isEqualTo(1);
        a.set(5.0);
        assertThat(runs[0]).isEqualTo(2);
    }

    @Test
    void batchRunsEffectsOnceAtTheEnd() {
        Signal<Double> a = AlienSignals.signal(0.0);
        Signal<Double> b = AlienSignals.signal(0.0);
        List<Double> seen = new ArrayList<>();
        effect(() -> seen.add(a.get() + b.get()));
        AlienSignals.startBatch();
        a.set(1.0);
        b.set(2.0);
        assertThat(seen).containsExactly(0.0);
        AlienSignals.endBatch();
        assertThat(seen).containsExactly(0.0, 3.0);
    }

    /** effect.spec.ts: "should support custom recurse effect". */
    @Test
    void customRecurseEffect() {
        Signal<Double> src = AlienSignals.signal(0.0);
        int[] triggers = new int[1];
        effect(() -> {
            AlienSignals.getActiveSub().flags &= ~ReactiveFlags.RECURSED_CHECK;
            triggers[0]++;
            src.set(Math.min(src.get() + 1, 5));
        });
        assertThat(triggers[0]).isEqualTo(6);
    }

    /** effect.spec.ts: "cleanup order on outer re-run: inner before outer, before new run". */
    @Test
    void cleanupOrderOnOuterRerun() {
        Signal<Double> a = AlienSignals.signal(0.0);
        AlienSignals.effect(() -> {
            a.get();
            log.add("outer:run");
            AlienSignals.effect(() -> {
                log.add("inner:run");
                return () -> log.add("inner:cleanup");
            });
            return () -> log.add("outer:cleanup");
        });
        assertThat(log).containsExactly("outer:run", "inner:run");
        log.clear();
        a.set(1.0);
        assertThat(log).containsExactly("inner:cleanup", "outer:cleanup", "outer:run", "inner:run");
    }

    /** effect.spec.ts: "three-level nested cleanup on dispose: deepest first". */
    @Test
    void nestedCleanupOnDisposeIsDeepestFirst() {
        Effect outer = AlienSignals.effect(() -> {
            AlienSignals.effect(() -> {
                AlienSignals.effect(() -> () -> log.add("grandchild:cleanup"));
                return () -> log.add("child:cleanup");
            });
            return () -> log.add("outer:cleanup");
        });
        outer.dispose();
        assertThat(log).containsExactly("grandchild:cleanup", "child:cleanup", "outer:cleanup");
    }

    /** effect.spec.ts: "computed unwatched: child effect cleanups run in reverse creation (LIFO)". */
    @Test
    void unwatchedComputedDisposesItsEffectsLastFirst() {
        Computed<Double> c = AlienSignals.computed(() -> {
            AlienSignals.effect(() -> () -> log.add("e1"));
            AlienSignals.effect(() -> () -> log.add("e2"));
            AlienSignals.effect(() -> () -> log.add("e3"));
            return 0.0;
        });
        Effect reader = effect(c::get);
        log.clear();
        reader.dispose();
        assertThat(log).containsExactly("e3", "e2", "e1");
    }

    /** effect.spec.ts: "cleanup order is correct on outer re-run after a prior inner-only re-run". */
    @Test
    void cleanupOrderAfterInnerOnlyRerun() {
        Signal<Double> a = AlienSignals.signal(0.0);
        Signal<Double> b = AlienSignals.signal(0.0);
        AlienSignals.effect(() -> {
            a.get();
            log.add("outer:run");
            AlienSignals.effect(() -> {
                b.get();
                log.add("inner:run");
                return () -> log.add("inner:cleanup");
            });
            return () -> log.add("outer:cleanup");
        });
        b.set(1.0);
        log.clear();
        a.set(1.0);
        assertThat(log).containsExactly("inner:cleanup", "outer:cleanup", "outer:run", "inner:run");
    }

    /** effectScope.spec.ts: "scope dispose: sibling effects clean up in reverse creation (LIFO)". */
    @Test
    void scopeDisposesItsEffectsLastFirst() {
        EffectScope scope = AlienSignals.effectScope(() -> {
            AlienSignals.effect(() -> () -> log.add("e1:cleanup"));
            AlienSignals.effect(() -> () -> log.add("e2:cleanup"));
            AlienSignals.effect(() -> () -> log.add("e3:cleanup"));
        });
        scope.dispose();
        assertThat(log).containsExactly("e3:cleanup", "e2:cleanup", "e1:cleanup");
    }

    @Test
    void disposedScopeStopsItsEffects() {
        Signal<Double> a = AlienSignals.signal(0.0);
        int[] runs = new int[1];
        EffectScope scope = AlienSignals.effectScope(() -> effect(() -> {
            a.get();
            runs[0]++;
        }));
        a.set(1.0);
        scope.dispose();
        a.set(2.0);
        assertThat(runs[0]).isEqualTo(2);
        assertThat(a.subs).isNull();
    }

    /** trigger.spec.ts: "should trigger effect once". */
    @Test
    void triggerRunsAnEffectOnce() {
        Signal<List<Double>> src1 = AlienSignals.signal(new ArrayList<>());
        Signal<List<Double>> src2 = AlienSignals.signal(new ArrayList<>());
        int[] triggers = new int[1];
        effect(() -> {
            triggers[0]++;
            src1.get();
            src2.get();
        });
        assertThat(triggers[0]).isEqualTo(1);
        AlienSignals.trigger(() -> {
            src1.get();
            src2.get();
        });
        assertThat(triggers[0]).isEqualTo(2);
    }

    /** trigger.spec.ts: "should trigger updates for dependent computed signals". */
    @Test
    void triggerRecomputesAComputedOfAMutatedValue() {
        Signal<List<Double>> list = AlienSignals.signal(new ArrayList<>());
        Computed<Integer> size = AlienSignals.computed(() -> list.get().size());
        assertThat(size.get()).isZero();
        list.get().add(1.0);
        AlienSignals.trigger(list::get);
        assertThat(size.get()).isEqualTo(1);
    }

    @Test
    void sameIsJavaScriptStrictEquality() {
        assertThat(AlienSignals.same(1.0, 1.0)).isTrue();
        assertThat(AlienSignals.same(0.0, -0.0)).isTrue();
        assertThat(AlienSignals.same(Double.NaN, Double.NaN)).isFalse();
        assertThat(AlienSignals.same(new ArrayList<>(), new ArrayList<>())).isFalse();
        assertThat(AlienSignals.same(null, 0.0)).isFalse();
    }
}
