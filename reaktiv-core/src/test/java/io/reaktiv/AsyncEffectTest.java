package io.reaktiv;

import static io.reaktiv.Reaktiv.asyncEffect;
import static io.reaktiv.Reaktiv.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncEffectTest {

    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void restore() {
        Reaktiv.resetErrorHandler();
    }

    /** Each call of the effect records the query and hands back a future the test completes. */
    private final List<String> calls = new ArrayList<>();
    private final List<CompletableFuture<String>> pending = new ArrayList<>();

    private CompletableFuture<String> fetch(String query) {
        calls.add(query);
        CompletableFuture<String> f = new CompletableFuture<>();
        pending.add(f);
        return f;
    }

    @Test
    void dependenciesAreTheSignalsReadBeforeTheStageIsReturned() {
        Signal<String> query = signal("a");
        Signal<String> readLater = signal("x");
        asyncEffect(() -> fetch(query.get()).thenApply(r -> r + readLater.get()));
        pending.get(0).complete("done");
        readLater.set("y"); // read in a callback: not a dependency
        query.set("b");
        assertThat(calls).containsExactly("a", "b");
    }

    @Test
    void changesWhileARunIsInFlightCauseExactlyOneMoreRunWithTheLatestValues() {
        Signal<String> query = signal("a");
        asyncEffect(() -> fetch(query.get()));
        query.set("b");
        query.set("c");
        query.set("d");
        assertThat(calls).containsExactly("a"); // never two runs in flight
        pending.get(0).complete("result a");
        assertThat(calls).containsExactly("a", "d");
        pending.get(1).complete("result d");
        assertThat(calls).containsExactly("a", "d");
    }

    @Test
    void disposeCancelsTheStageInFlightRunsItsCleanupsOnceAndNothingRunsAfterwards() {
        Signal<String> query = signal("a");
        List<String> cleanups = new ArrayList<>();
        Effect e = asyncEffect(onCleanup -> {
            String q = query.get();
            onCleanup.accept(() -> cleanups.add("cleanup " + q));
            return fetch(q);
        });
        query.set("b"); // due once the run in flight completes
        e.dispose();
        e.dispose();
        query.set("c");

        assertThat(pending.get(0)).isCancelled();
        assertThat(calls).containsExactly("a");
        assertThat(cleanups).containsExactly("cleanup a");
        assertThat(Reaktiv.graph().nodes().stream().filter(n -> n.kind() == NodeKind.EFFECT)
                .filter(n -> n.dependencies().contains(idOf(query))).count()).isZero();
    }

    @Test
    void cleanupsOfAnAsyncRunRunBeforeTheNextRun() {
        Signal<String> query = signal("a");
        List<String> log = new ArrayList<>();
        asyncEffect(onCleanup -> {
            String q = query.get();
            log.add("run " + q);
            onCleanup.accept(() -> log.add("cleanup " + q));
            return fetch(q);
        });
        pending.get(0).complete("a done");
        query.set("b");
        assertThat(log).containsExactly("run a", "cleanup a", "run b");
    }

    private static long idOf(ReadableSignal<?> signal) {
        return ((Node) signal).id;
    }

    @Test
    void aFailedStageGoesToTheErrorHandlerAndTheEffectKeepsReacting() {
        Reaktiv.setErrorHandler((effect, error) -> errors.add(effect.name() + ": " + error.getMessage()));
        Signal<String> query = signal("a");
        asyncEffect(EffectOptions.defaults().withName("loader"), () -> fetch(query.get()));
        pending.get(0).completeExceptionally(new IllegalStateException("backend down"));
        query.set("b");
        pending.get(1).complete("ok");
        assertThat(errors).containsExactly("loader: backend down");
        assertThat(calls).containsExactly("a", "b");
    }

    @Test
    void returningNullIsReportedWithAClearMessage() {
        Reaktiv.setErrorHandler((effect, error) -> errors.add(error.getMessage()));
        asyncEffect(() -> null);
        assertThat(errors).singleElement().asString().contains("returned null; return a CompletionStage");
    }

    @Test
    void anAlreadyCompletedStageFinishesTheRunAtOnce() {
        Signal<Integer> s = signal(1);
        List<Integer> seen = new ArrayList<>();
        asyncEffect(() -> {
            seen.add(s.get());
            return CompletableFuture.completedFuture(null);
        });
        s.set(2);
        assertThat(seen).containsExactly(1, 2);
    }
}
