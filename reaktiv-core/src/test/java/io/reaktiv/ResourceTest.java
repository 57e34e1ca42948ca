package io.reaktiv;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.resource;
import static io.reaktiv.Reaktiv.signal;
import static io.reaktiv.ResourceStatus.ERROR;
import static io.reaktiv.ResourceStatus.IDLE;
import static io.reaktiv.ResourceStatus.LOADING;
import static io.reaktiv.ResourceStatus.LOCAL;
import static io.reaktiv.ResourceStatus.RELOADING;
import static io.reaktiv.ResourceStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceTest {

    /** Runs the loader on the thread that starts the load: every test below is deterministic. */
    private static final Executor DIRECT = Runnable::run;

    /** A loader whose results the test completes by hand, in any order. */
    private static final class Loads<P, T> implements Function<ResourceRequest<P>, CompletionStage<T>> {
        final List<ResourceRequest<P>> requests = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<T>> futures = new CopyOnWriteArrayList<>();
        /** When true, return a stage the resource cannot cancel, to prove late results are discarded. */
        boolean uncancellable;

        @Override
        public CompletionStage<T> apply(ResourceRequest<P> request) {
            requests.add(request);
            CompletableFuture<T> future = new CompletableFuture<>();
            futures.add(future);
            return uncancellable ? future.minimalCompletionStage() : future;
        }

        int count() {
            return requests.size();
        }
    }

    private final List<Resource<?>> created = new ArrayList<>();

    @AfterEach
    void destroyResources() {
        created.forEach(Resource::destroy);
        Reaktiv.resetErrorHandler();
    }

    private <P, T> Resource<T> directResource(String name, java.util.function.Supplier<@Nullable P> params,
            Loads<P, T> loads) {
        Resource<T> r = resource(ResourceOptions.defaults().withName(name).withExecutor(DIRECT), params, loads);
        created.add(r);
        return r;
    }

    private static List<ResourceStatus> recordStatuses(Resource<?> r) {
        List<ResourceStatus> statuses = new CopyOnWriteArrayList<>();
        effect(() -> statuses.add(r.status().get()));
        return statuses;
    }

    @Test
    void statusTransitionsInOrder() {
        Signal<@Nullable Integer> userId = signal(null);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> user = directResource("user", userId::get, loads);
        List<ResourceStatus> statuses = recordStatuses(user);
        assertThat(loads.count()).isZero();

        userId.set(1);
        assertThat(loads.requests.get(0).params()).isEqualTo(1);
        loads.futures.get(0).complete("Alice");
        assertThat(user.value().get()).isEqualTo("Alice");

        assertThat(user.reload()).isTrue();
        loads.futures.get(1).complete("Alice v2");

        userId.set(2);
        loads.futures.get(2).completeExceptionally(new IOException("404"));

        user.set("Local Bob");
        userId.set(null);

        assertThat(statuses).containsExactly(IDLE, LOADING, RESOLVED, RELOADING, RESOLVED, LOADING, ERROR, LOCAL,
                IDLE);
        assertThat(loads.count()).isEqualTo(3);
        assertThat(user.value().get()).isNull();
    }

    @Test
    void isLoadingFollowsTheStatus() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("loading", id::get, loads);
        List<Boolean> loading = new ArrayList<>();
        effect(() -> loading.add(r.isLoading().get()));
        loads.futures.get(0).complete("a");
        r.reload();
        loads.futures.get(1).complete("b");
        assertThat(loading).containsExactly(true, false, true, false);
    }

    @Test
    void staleSlowResponseIsDiscarded() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        loads.uncancellable = true; // the old load really completes, late
        Resource<String> r = directResource("stale", id::get, loads);
        List<ResourceStatus> statuses = recordStatuses(r);
        List<@Nullable String> values = new ArrayList<>();
        effect(() -> values.add(r.value().get()));

        id.set(2);
        assertThat(loads.count()).isEqualTo(2);
        assertThat(loads.requests.get(0).cancellation().isCancelled()).isTrue();
        assertThat(loads.requests.get(1).cancellation().isCancelled()).isFalse();

        loads.futures.get(1).complete("response for 2");   // the newer load completes first
        loads.futures.get(0).complete("response for 1");   // the slow, superseded one completes last

        assertThat(r.value().get()).isEqualTo("response for 2");
        assertThat(r.status().get()).isEqualTo(RESOLVED);
        assertThat(statuses).containsExactly(LOADING, RESOLVED);
        assertThat(values).containsExactly(null, "response for 2");
    }

    @Test
    void staleErrorIsDiscardedAndOldResultDoesNotEndTheNewLoad() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        loads.uncancellable = true;
        Resource<String> r = directResource("staleError", id::get, loads);
        id.set(2);
        loads.futures.get(0).completeExceptionally(new IOException("late failure of 1"));
        assertThat(r.status().get()).isEqualTo(LOADING);
        assertThat(r.error().get()).isNull();
        loads.futures.get(1).complete("2");
        assertThat(r.status().get()).isEqualTo(RESOLVED);
        assertThat(r.value().get()).isEqualTo("2");
    }

    @Test
    void paramsChangeCancelsTheRequestAndTheReturnedFuture() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("cancel", id::get, loads);
        AtomicInteger onCancelRuns = new AtomicInteger();
        loads.requests.get(0).cancellation().onCancel(onCancelRuns::incrementAndGet);

        id.set(2);

        assertThat(loads.requests.get(0).cancellation().isCancelled()).isTrue();
        assertThat(loads.futures.get(0).isCancelled()).isTrue();
        assertThat(onCancelRuns).hasValue(1);
        assertThat(loads.futures.get(1).isCancelled()).isFalse();
        assertThat(r.status().get()).isEqualTo(LOADING);
        // A callback registered after cancellation runs at once.
        loads.requests.get(0).cancellation().onCancel(onCancelRuns::incrementAndGet);
        assertThat(onCancelRuns).hasValue(2);
    }

    @Test
    void equalParamsDoNotReload() {
        Signal<String> name = signal("Alice");
        Loads<String, Integer> loads = new Loads<>();
        Resource<Integer> r = directResource("equal", () -> name.get().toLowerCase(), loads);
        List<ResourceStatus> statuses = recordStatuses(r);
        loads.futures.get(0).complete(42);

        name.set("ALICE");                          // params "alice" again
        name.set(new String("Alice".toCharArray())); // an equal, distinct instance

        assertThat(loads.count()).isEqualTo(1);
        assertThat(statuses).containsExactly(LOADING, RESOLVED);
        assertThat(r.value().get()).isEqualTo(42);

        name.set("Bob");
        assertThat(loads.count()).isEqualTo(2);
        assertThat(loads.requests.get(1).params()).isEqualTo("bob");
    }

    @Test
    void reloadKeepsTheOldValueReadable() {
        Signal<Integer> id = signal(7);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("reload", id::get, loads);
        loads.futures.get(0).complete("v1");

        assertThat(r.reload()).isTrue();

        assertThat(r.status().get()).isEqualTo(RELOADING);
        assertThat(r.value().get()).isEqualTo("v1");
        assertThat(r.hasValue()).isTrue();
        assertThat(r.isLoading().get()).isTrue();
        assertThat(loads.requests.get(1).params()).isEqualTo(7);
        assertThat(r.reload()).as("a load is already in flight").isFalse();
        assertThat(loads.count()).isEqualTo(2);

        loads.futures.get(1).complete("v2");
        assertThat(r.status().get()).isEqualTo(RESOLVED);
        assertThat(r.value().get()).isEqualTo("v2");
    }

    @Test
    void reloadInsideABatchStartsWhenTheBatchEnds() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("batchReload", id::get, loads);
        loads.futures.get(0).complete("v1");
        batch(() -> {
            assertThat(r.reload()).isTrue();
            assertThat(loads.count()).isEqualTo(1);
        });
        assertThat(loads.count()).isEqualTo(2);
        assertThat(r.status().get()).isEqualTo(RELOADING);
    }

    @Test
    void reloadDoesNothingWithoutParams() {
        Signal<@Nullable Integer> id = signal(null);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("idleReload", id::get, loads);
        assertThat(r.reload()).isFalse();
        assertThat(r.status().get()).isEqualTo(IDLE);
        assertThat(loads.count()).isZero();
    }

    @Test
    void setAndUpdateMakeTheValueLocal() {
        Signal<Integer> id = signal(1);
        Loads<Integer, Integer> loads = new Loads<>();
        loads.uncancellable = true;
        Resource<Integer> r = directResource("local", id::get, loads);
        List<ResourceStatus> statuses = recordStatuses(r);
        loads.futures.get(0).complete(10);

        r.set(5);
        assertThat(r.status().get()).isEqualTo(LOCAL);
        assertThat(r.value().get()).isEqualTo(5);
        r.update(v -> v == null ? -1 : v + 1);
        assertThat(r.value().get()).isEqualTo(6);

        // set() while loading cancels the load, and its late result is discarded.
        id.set(2);
        r.set(100);
        assertThat(loads.requests.get(1).cancellation().isCancelled()).isTrue();
        loads.futures.get(1).complete(2);
        assertThat(r.value().get()).isEqualTo(100);
        assertThat(r.status().get()).isEqualTo(LOCAL);

        assertThat(statuses).containsExactly(LOADING, RESOLVED, LOCAL, LOADING, LOCAL);
    }

    @Test
    void errorStateReadThrowsWithTheLoaderErrorAsCause() {
        Signal<Integer> id = signal(404);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("failing", id::get, loads);
        Computed<String> greeting = computed(() -> "Hello " + r.value().get());
        IOException failure = new IOException("not found");

        loads.futures.get(0).completeExceptionally(failure);

        assertThat(r.status().get()).isEqualTo(ERROR);
        assertThat(r.error().get()).isSameAs(failure);
        assertThat(r.hasValue()).isFalse();
        assertThatThrownBy(() -> r.value().get())
                .isInstanceOf(ResourceLoadException.class)
                .hasCause(failure)
                .hasMessageContaining("'failing'")
                .hasMessageContaining("params 404")
                .hasMessageContaining("ERROR state");
        assertThatThrownBy(greeting::get).isInstanceOf(ResourceLoadException.class).hasCause(failure);

        // reload() from ERROR clears the error.
        assertThat(r.reload()).isTrue();
        assertThat(r.status().get()).isEqualTo(RELOADING);
        assertThat(r.error().get()).isNull();
        loads.futures.get(1).complete("found");
        assertThat(greeting.get()).isEqualTo("Hello found");
    }

    @Test
    void loaderThrowingOrReturningNullIsAnError() {
        Signal<Integer> id = signal(1);
        IllegalStateException thrown = new IllegalStateException("no connection");
        Resource<String> r = resource(ResourceOptions.defaults().withExecutor(DIRECT), id::get, req -> {
            if (req.params() == 1) {
                throw thrown;
            }
            return null;
        });
        created.add(r);
        assertThat(r.status().get()).isEqualTo(ERROR);
        assertThat(r.error().get()).isSameAs(thrown);

        id.set(2);
        assertThat(r.status().get()).isEqualTo(ERROR);
        assertThat(r.error().get()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("returned null for params 2");
    }

    @Test
    void destroyStopsTheResourceForGood() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("destroyed", id::get, loads);
        List<ResourceStatus> statuses = recordStatuses(r);

        r.destroy();

        assertThat(r.isDestroyed()).isTrue();
        assertThat(loads.requests.get(0).cancellation().isCancelled()).isTrue();
        assertThat(loads.futures.get(0).isCancelled()).isTrue();
        id.set(2);
        id.set(3);
        assertThat(r.reload()).isFalse();
        assertThat(loads.count()).isEqualTo(1);
        assertThat(r.status().get()).isEqualTo(IDLE);
        assertThat(statuses).containsExactly(LOADING, IDLE);
        assertThatIllegalStateException().isThrownBy(() -> r.set("x")).withMessageContaining("destroyed");
        r.destroy(); // idempotent
        assertThat(Reaktiv.graph().find("destroyed.loader").orElseThrow().dependencies()).isEmpty();
    }

    @Test
    void resourceCreatedInAScopeIsDestroyedWithIt() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        EffectScope scope = Reaktiv.scope();
        Resource<String> r = scope.run(() -> directResource("scoped", id::get, loads));
        scope.dispose();
        assertThat(r.isDestroyed()).isTrue();
        assertThat(loads.requests.get(0).cancellation().isCancelled()).isTrue();
        id.set(2);
        assertThat(loads.count()).isEqualTo(1);
    }

    @Test
    void paramsFunctionFailureIsAnErrorState() {
        Signal<Integer> id = signal(1);
        Loads<Integer, String> loads = new Loads<>();
        Resource<String> r = directResource("badParams", () -> {
            if (id.get() < 0) {
                throw new IllegalArgumentException("negative id");
            }
            return id.get();
        }, loads);
        loads.futures.get(0).complete("one");
        id.set(-1);
        assertThat(r.status().get()).isEqualTo(ERROR);
        assertThat(r.error().get()).hasMessage("negative id");
        id.set(1);
        assertThat(r.status().get()).isEqualTo(LOADING);
        assertThat(loads.count()).isEqualTo(2);
    }

    @Test
    void defaultExecutorRunsTheLoaderOffTheCallingThread() {
        Signal<Integer> id = signal(3);
        List<Thread> loaderThreads = new CopyOnWriteArrayList<>();
        Resource<Integer> r = resource(id::get, req -> {
            loaderThreads.add(Thread.currentThread());
            return CompletableFuture.completedFuture(req.params() * 2);
        });
        created.add(r);
        await().atMost(Duration.ofSeconds(5)).until(() -> r.status().get() == RESOLVED);
        assertThat(r.value().get()).isEqualTo(6);
        assertThat(loaderThreads).hasSize(1);
        Thread loader = loaderThreads.get(0);
        assertThat(loader).isNotSameAs(Thread.currentThread());
        assertThat(loader.isDaemon()).isTrue();
        if (Runtime.version().feature() < 21) {
            assertThat(loader.getName()).startsWith("reaktiv-resource-");
        }
    }

    @Test
    void loaderReadsAreNotTracked() {
        Signal<Integer> id = signal(1);
        Signal<String> prefix = signal("user-");
        List<String> loaded = new ArrayList<>();
        Resource<String> r = resource(ResourceOptions.defaults().withExecutor(DIRECT), id::get, req -> {
            String v = prefix.get() + req.params(); // runs inside the resource's effect with a direct executor
            loaded.add(v);
            return CompletableFuture.completedFuture(v);
        });
        created.add(r);
        prefix.set("member-");
        assertThat(loaded).containsExactly("user-1");
        assertThat(r.value().get()).isEqualTo("user-1");
    }

    @Test
    void concurrentParamChangesEndWithTheValueOfTheLastParams() throws Exception {
        Signal<Integer> id = signal(0);
        java.util.concurrent.ExecutorService completer = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // Results complete on another pool, in whatever order it runs them.
            Resource<String> r = resource(id::get,
                    req -> CompletableFuture.supplyAsync(() -> "v" + req.params(), completer));
            created.add(r);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int base = w * 1_000;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 1; i <= 200; i++) {
                        id.set(base + i);
                    }
                });
                t.start();
                writers.add(t);
            }
            go.countDown();
            for (Thread t : writers) {
                t.join(10_000);
                assertThat(t.isAlive()).isFalse();
            }
            String expected = "v" + id.peek();
            await().atMost(Duration.ofSeconds(5)).until(() -> r.status().get() == RESOLVED);
            assertThat(r.value().get()).isEqualTo(expected);
        } finally {
            completer.shutdownNow();
        }
    }

    @Test
    void optionsValidateTheName() {
        assertThatThrownBy(() -> ResourceOptions.defaults().withName(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }
}
