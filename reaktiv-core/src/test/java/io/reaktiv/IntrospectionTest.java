package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntrospectionTest {

    private final List<String> events = new ArrayList<>();
    private final ReaktivListener listener = new ReaktivListener() {
        @Override
        public void onWrite(ReadableSignal<?> signal) {
            events.add("write " + signal.name());
        }

        @Override
        public void onRecompute(ReadableSignal<?> computed, long nanos, @Nullable Throwable error) {
            events.add("recompute " + computed.name() + (error != null ? " failed" : ""));
        }

        @Override
        public void onEffectRun(Effect effect, long nanos, @Nullable Throwable error) {
            events.add("run " + effect.name());
        }
    };

    @AfterEach
    void removeListener() {
        Reaktiv.removeListener(listener);
    }

    @Test
    void snapshotShowsNodesEdgesAndCounters() {
        Signal<Integer> price = signal(100).named("it.price");
        Signal<Double> tax = signal(0.2).named("it.tax");
        Computed<Double> total = computed(() -> price.get() * (1 + tax.get())).named("it.total");
        Effect printer = effect("it.printer", () -> total.get());
        price.set(200);
        tax.set(0.5);
        tax.set(0.5); // no-op: not counted

        GraphSnapshot graph = Reaktiv.graph();
        NodeSnapshot p = graph.find("it.price").orElseThrow();
        NodeSnapshot t = graph.find("it.tax").orElseThrow();
        NodeSnapshot c = graph.find("it.total").orElseThrow();
        NodeSnapshot e = graph.find("it.printer").orElseThrow();

        assertThat(p.kind()).isEqualTo(NodeKind.SIGNAL);
        assertThat(c.kind()).isEqualTo(NodeKind.COMPUTED);
        assertThat(e.kind()).isEqualTo(NodeKind.EFFECT);
        assertThat(c.dependencies()).containsExactly(p.id(), t.id());
        assertThat(p.dependents()).containsExactly(c.id());
        assertThat(t.dependents()).containsExactly(c.id());
        assertThat(c.dependents()).containsExactly(e.id());
        assertThat(e.dependencies()).containsExactly(c.id());
        assertThat(p.writes()).isEqualTo(1);
        assertThat(t.writes()).isEqualTo(1);
        assertThat(c.recomputes()).isEqualTo(3);
        assertThat(e.runs()).isEqualTo(3);
        assertThat(e.errors()).isZero();
        assertThat(p.id()).isLessThan(t.id()).isLessThan(c.id()).isLessThan(e.id());

        printer.dispose();
        NodeSnapshot disposed = Reaktiv.graph().find("it.printer").orElseThrow();
        assertThat(disposed.dependencies()).isEmpty();
    }

    @Test
    void listenersSeeWritesRecomputesAndRunsInOrder() {
        Signal<Integer> a = signal(1).named("l.a");
        Computed<Integer> twice = computed(() -> a.get() * 2).named("l.twice");
        effect("l.effect", () -> twice.get());
        Reaktiv.addListener(listener);
        a.set(2);
        assertThat(Reaktiv.removeListener(listener)).isTrue();
        a.set(3);
        assertThat(events).containsExactly("write l.a", "recompute l.twice", "run l.effect");
        assertThat(Reaktiv.removeListener(listener)).isFalse();
    }
}
