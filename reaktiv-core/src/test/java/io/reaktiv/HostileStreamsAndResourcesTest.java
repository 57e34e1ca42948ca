package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.fromPublisher;
import static io.reaktiv.Reaktiv.resource;
import static io.reaktiv.Reaktiv.signal;
import static io.reaktiv.Reaktiv.toPublisher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User code that misbehaves (throws checked exceptions sneakily, throws errors, creates effects where the
 * engine runs its own) must neither break toPublisher, fromPublisher and resources nor the engine.
 */
class HostileStreamsAndResourcesTest {

    /** Runs the loader on the thread that starts the load, inside the resource's watcher run. */
    private static final Executor INLINE = Runnable::run;

    /** Records what a publisher sends; requests nothing by itself. */
    private static class Recorder<T> implements Flow.Subscriber<T> {
        final List<T> items = new CopyOnWriteArrayList<>();
        final List<String> signals = new CopyOnWriteArrayList<>();
        volatile @Nullable Throwable error;
        volatile boolean completed;
        volatile Flow.@Nullable Subscription subscription;
        final Consumer<T> onItem;

        Recorder() {
            this(item -> { });
        }

        Recorder(Consumer<T> onItem) {
            this.onItem = onItem;
        }

        Flow.Subscription subscription() {
            Flow.Subscription s = subscription;
            assertThat(s).as("onSubscribe was called").isNotNull();
            return s;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            signals.add("onSubscribe");
            subscription = s;
        }

        @Override
        public void onNext(T item) {
            signals.add("onNext");
            items.add(item);
            onItem.accept(item);
        }

        @Override
        public void onError(Throwable throwable) {
            signals.add("onError");
            error = throwable;
        }

        @Override
        public void onComplete() {
            signals.add("onComplete");
            completed = true;
        }
    }

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final List<Resource<?>> resources = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        resources.forEach(Resource::destroy);
        effects.forEach(Effect::dispose);
        Reaktiv.resetErrorHandler();
    }

    private void captureReportedErrors() {
        Reaktiv.setErrorHandler((effect, error) -> reported.add(error));
    }

    private <P, T> Resource<T> inlineResource(java.util.function.Supplier<@Nullable P> params,
            Function<ResourceRequest<P>, CompletionStage<T>> loader) {
        Resource<T> r = resource(ResourceOptions.defaults().withExecutor(INLINE), params, loader);
        resources.add(r);
        return r;
    }

    /**
     * The engine still works on this thread: nothing was left claimed (no owner, no tracking subscriber),
     * and a new effect reacts to a write.
     */
    private static void assertEngineUsable() {
        ThreadState ts = ThreadState.current();
        assertThat(ts.owner).as("no owner left installed on this thread").isNull();
        assertThat(ts.activeSub).as("no tracking left on").isNull();
        Signal<Integer> probe = signal(1);
        List<Integer> seen = new ArrayList<>();
        Effect e = effect(() -> seen.add(probe.get()));
        probe.set(2);
        e.dispose();
        probe.set(3);
        assertThat(seen).containsExactly(1, 2);
    }

    // ================================================================ effects created by user callbacks (defect 7)

    @Test
    void effectsAndScopesCreatedInOnNextAreNotOwnedByTheSubscription() {
        Signal<Integer> source = signal(1).named("hostile.onNextEffects.source");
        Signal<String> other = signal("a");
        List<String> fromRequestPath = new ArrayList<>();
        List<String> fromWritePath = new ArrayList<>();
        AtomicReference<@Nullable Effect> createdOnRequest = new AtomicReference<>();
        AtomicReference<@Nullable Effect> createdOnWrite = new AtomicReference<>();
        AtomicReference<@Nullable EffectScope> scopeCreatedOnWrite = new AtomicReference<>();
        List<String> inScope = new ArrayList<>();
        Recorder<Integer> sub = new Recorder<>(item -> {
            if (item == 1) { // delivered by request()
                createdOnRequest.set(effect(() -> fromRequestPath.add(other.get())));
            } else if (item == 2) { // delivered by the subscription's internal effect, on the write
                createdOnWrite.set(effect(() -> fromWritePath.add(other.get())));
                EffectScope scope = Reaktiv.scope();
                scope.run(() -> effect(() -> inScope.add(other.get())));
                scopeCreatedOnWrite.set(scope);
            }
        });
        toPublisher(source).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        source.set(2);
        source.set(3); // the internal effect runs again: it must not dispose what onNext created
        source.set(4);

        Effect onRequest = createdOnRequest.get();
        Effect onWrite = createdOnWrite.get();
        EffectScope scope = scopeCreatedOnWrite.get();
        assertThat(onRequest).isNotNull();
        assertThat(onWrite).isNotNull();
        assertThat(scope).isNotNull();
        effects.add(onRequest);
        effects.add(onWrite);
        assertThat(onRequest.isDisposed()).isFalse();
        assertThat(onWrite.isDisposed()).as("created in onNext of an item delivered by a write").isFalse();
        assertThat(scope.isDisposed()).isFalse();
        assertThat(scope.size()).isEqualTo(1);

        other.set("b");
        assertThat(sub.items).containsExactly(1, 2, 3, 4);
        assertThat(fromRequestPath).containsExactly("a", "b");
        assertThat(fromWritePath).containsExactly("a", "b");
        assertThat(inScope).containsExactly("a", "b");

        // Cancelling the subscription does not dispose them either; they live until disposed by hand.
        sub.subscription().cancel();
        other.set("c");
        assertThat(fromWritePath).containsExactly("a", "b", "c");
        scope.dispose();
        other.set("d");
        assertThat(inScope).containsExactly("a", "b", "c");
        assertThat(fromWritePath).containsExactly("a", "b", "c", "d");
        assertEngineUsable();
    }

    @Test
    void effectsCreatedInOnCompleteAndOnErrorAreNotOwnedByTheSubscription() {
        Signal<Integer> n = signal(1);
        Computed<Integer> failing = computed(() -> {
            if (n.get() < 0) {
                throw new IllegalStateException("negative");
            }
            return n.get();
        });
        Signal<String> other = signal("a");
        List<String> seen = new ArrayList<>();
        AtomicReference<@Nullable Effect> created = new AtomicReference<>();
        Recorder<Integer> sub = new Recorder<>() {
            @Override
            public void onError(Throwable throwable) {
                super.onError(throwable);
                created.set(effect(() -> seen.add(other.get())));
            }
        };
        toPublisher(failing).subscribe(sub);
        sub.subscription().request(1);
        n.set(-1); // onError from the internal effect's run
        n.set(2);

        Effect e = created.get();
        assertThat(e).isNotNull();
        effects.add(e);
        assertThat(sub.error).isInstanceOf(IllegalStateException.class);
        assertThat(e.isDisposed()).isFalse();
        other.set("b");
        assertThat(seen).containsExactly("a", "b");
        assertEngineUsable();
    }

    @Test
    void effectsCreatedByAnInlineLoaderAreNotOwnedByTheResource() {
        Signal<Integer> id = signal(1);
        Signal<String> other = signal("a");
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Effect> createdByLoader = new CopyOnWriteArrayList<>();
        Resource<String> r = inlineResource(id::get, req -> {
            createdByLoader.add(effect(() -> seen.add(req.params() + other.get())));
            return CompletableFuture.completedFuture("v" + req.params());
        });
        assertThat(r.value().get()).isEqualTo("v1");

        id.set(2); // the watcher runs again: it must not dispose the effect the first load created
        effects.addAll(createdByLoader);
        assertThat(r.value().get()).isEqualTo("v2");
        assertThat(createdByLoader).hasSize(2);
        assertThat(createdByLoader.get(0).isDisposed()).isFalse();

        r.destroy(); // nor does destroying the resource
        assertThat(createdByLoader).noneMatch(Effect::isDisposed);
        other.set("b");
        assertThat(seen).containsExactly("1a", "2a", "1b", "2b");
        assertEngineUsable();
    }

    // ================================================================ checked exceptions and errors (defect 8)

    @Test
    void loaderThrowingACheckedExceptionSneakilyIsAnErrorState() {
        AtomicInteger calls = new AtomicInteger();
        IOException failure = new IOException("disk gone");
        Resource<String> r = inlineResource(() -> "file", req -> {
            if (calls.incrementAndGet() == 1) {
                throw Failures.sneakyThrow(failure);
            }
            return CompletableFuture.completedFuture("contents");
        });

        assertThat(r.status().get()).isEqualTo(ResourceStatus.ERROR);
        assertThat(r.error().get()).isSameAs(failure);
        assertThatThrownBy(() -> r.value().get()).isInstanceOf(ResourceLoadException.class).hasCause(failure);

        assertThat(r.reload()).isTrue();
        assertThat(r.status().get()).isEqualTo(ResourceStatus.RESOLVED);
        assertThat(r.value().get()).isEqualTo("contents");
        assertThat(calls).hasValue(2);
        assertEngineUsable();
    }

    @Test
    void loaderThrowingAnErrorIsAnErrorState() {
        AssertionError failure = new AssertionError("loader bug");
        Resource<String> r = inlineResource(() -> "x", req -> {
            throw failure;
        });
        assertThat(r.status().get()).isEqualTo(ResourceStatus.ERROR);
        assertThat(r.error().get()).isSameAs(failure);
        assertEngineUsable();
    }

    @Test
    void stageFailingWithAWrappedCheckedExceptionIsUnwrapped() {
        IOException failure = new IOException("timeout");
        Resource<String> r = inlineResource(() -> "x",
                req -> CompletableFuture.<String>failedFuture(new java.util.concurrent.CompletionException(
                        new java.util.concurrent.ExecutionException(failure))));
        assertThat(r.status().get()).isEqualTo(ResourceStatus.ERROR);
        assertThat(r.error().get()).isSameAs(failure);
    }

    @Test
    void fatalLoaderErrorDoesNotLeaveTheResourceLoadingAndIsPassedOn() {
        captureReportedErrors();
        AtomicInteger calls = new AtomicInteger();
        StackOverflowError fatal = new StackOverflowError("deep");
        Resource<String> r = inlineResource(() -> "x", req -> {
            if (calls.incrementAndGet() == 1) {
                throw fatal;
            }
            return CompletableFuture.completedFuture("ok");
        });
        assertThat(r.status().get()).isEqualTo(ResourceStatus.ERROR);
        assertThat(reported).as("passed on to the watcher's error handler").containsExactly(fatal);
        assertThat(r.reload()).isTrue();
        assertThat(r.value().get()).isEqualTo("ok");
        assertEngineUsable();
    }

    @Test
    void paramsFunctionThrowingACheckedExceptionSneakilyIsAnErrorState() {
        Signal<Integer> id = signal(-1);
        IOException failure = new IOException("no params");
        List<Integer> loaded = new CopyOnWriteArrayList<>();
        Resource<String> r = inlineResource(() -> {
            if (id.get() < 0) {
                throw Failures.sneakyThrow(failure);
            }
            return id.get();
        }, req -> {
            loaded.add(req.params());
            return CompletableFuture.completedFuture("v" + req.params());
        });
        assertThat(r.status().get()).isEqualTo(ResourceStatus.ERROR);
        assertThat(r.error().get()).isSameAs(failure);

        id.set(7);
        assertThat(r.status().get()).isEqualTo(ResourceStatus.RESOLVED);
        assertThat(r.value().get()).isEqualTo("v7");
        assertThat(loaded).containsExactly(7);
        assertEngineUsable();
    }

    @Test
    void cancellationCallbackThrowingACheckedExceptionSneakilyDoesNotStopTheNextLoad() {
        Signal<Integer> id = signal(1);
        List<Integer> requested = new CopyOnWriteArrayList<>();
        AtomicInteger laterCallbackRuns = new AtomicInteger();
        List<CompletableFuture<String>> futures = new CopyOnWriteArrayList<>();
        Resource<String> r = inlineResource(id::get, req -> {
            requested.add(req.params());
            req.cancellation().onCancel(() -> {
                throw Failures.sneakyThrow(new IOException("abort failed"));
            });
            req.cancellation().onCancel(laterCallbackRuns::incrementAndGet);
            CompletableFuture<String> f = new CompletableFuture<>();
            futures.add(f);
            return f;
        });
        assertThat(r.status().get()).isEqualTo(ResourceStatus.LOADING);

        id.set(2); // cancels load 1, whose first callback throws
        assertThat(requested).containsExactly(1, 2);
        assertThat(laterCallbackRuns).as("the next callback still ran").hasValue(1);
        assertThat(futures.get(0)).isCancelled();
        futures.get(1).complete("two");
        assertThat(r.status().get()).isEqualTo(ResourceStatus.RESOLVED);
        assertThat(r.value().get()).isEqualTo("two");
        assertEngineUsable();
    }

    @Test
    void computedThatMemoizedAnErrorEndsThePublisherWithOnError() {
        Signal<Integer> n = signal(1);
        AssertionError failure = new AssertionError("invariant broken");
        Computed<Integer> checked = computed(() -> {
            if (n.get() < 0) {
                throw failure;
            }
            return n.get();
        });
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(checked).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        n.set(-1);
        n.set(2);
        assertThat(sub.items).containsExactly(1);
        assertThat(sub.error).isSameAs(failure);
        assertThat(sub.signals).containsExactly("onSubscribe", "onNext", "onError");
        assertEngineUsable();
    }

    @Test
    void computedThatMemoizedACheckedExceptionEndsThePublisherWithOnError() {
        IOException failure = new IOException("unreadable");
        Computed<Integer> failing = computed(() -> {
            throw Failures.sneakyThrow(failure);
        });
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(failing).subscribe(sub);
        assertThat(sub.error).as("errors do not wait for demand").isSameAs(failure);
        assertThat(sub.signals).containsExactly("onSubscribe", "onError");
        assertEngineUsable();
    }

    @Test
    void fatalReadErrorIsNotTheSignalsAnswerAndTheSubscriptionGoesOn() {
        captureReportedErrors();
        Signal<Integer> n = signal(1);
        StackOverflowError fatal = new StackOverflowError("deep");
        // A signal of the application's own whose read fails fatally inside the subscription's effect.
        ReadableSignal<Integer> deep = new ReadableSignal<>() {
            @Override
            public Integer get() {
                if (n.get() < 0) {
                    throw fatal;
                }
                return n.get();
            }

            @Override
            public Integer peek() {
                return n.peek();
            }

            @Override
            public @Nullable String name() {
                return null;
            }
        };
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(deep).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        n.set(-1);
        assertThat(reported).as("passed on to the effect's error handler").containsExactly(fatal);
        assertThat(sub.error).as("not the signal's answer").isNull();
        n.set(5);
        assertThat(sub.items).containsExactly(1, 5);
        assertThat(sub.signals).containsExactly("onSubscribe", "onNext", "onNext");
        assertEngineUsable();
    }

    @Test
    void onNextThrowingACheckedExceptionSneakilyCancelsTheSubscriptionOnly() {
        Signal<Integer> source = signal(1).named("hostile.throwingOnNext.source");
        Recorder<Integer> hostile = new Recorder<>(item -> {
            if (item == 2) {
                throw Failures.sneakyThrow(new IOException("subscriber bug"));
            }
        });
        Recorder<Integer> healthy = new Recorder<>();
        Flow.Publisher<Integer> publisher = toPublisher(source);
        publisher.subscribe(hostile);
        publisher.subscribe(healthy);
        hostile.subscription().request(Long.MAX_VALUE);
        healthy.subscription().request(Long.MAX_VALUE);

        source.set(2); // delivered from the write: onNext throws
        source.set(3);
        assertThat(hostile.items).containsExactly(1, 2);
        assertThat(hostile.error).isNull();
        assertThat(healthy.items).containsExactly(1, 2, 3);
        assertThat(Reaktiv.graph().find("hostile.throwingOnNext.source").orElseThrow().dependents())
                .as("only the healthy subscription still watches").hasSize(1);
        assertEngineUsable();
    }

    @Test
    void onNextThrowingOnARequestDoesNotThrowFromRequest() {
        Signal<Integer> source = signal(1).named("hostile.throwingOnRequest.source");
        Recorder<Integer> hostile = new Recorder<>(item -> {
            throw Failures.sneakyThrow(new IOException("subscriber bug"));
        });
        toPublisher(source).subscribe(hostile);
        hostile.subscription().request(1); // delivers at once, on this thread: must return normally
        source.set(2);
        hostile.subscription().request(1);
        assertThat(hostile.items).containsExactly(1);
        assertThat(Reaktiv.graph().find("hostile.throwingOnRequest.source").orElseThrow().dependents()).isEmpty();
        assertEngineUsable();
    }

    @Test
    void onErrorThrowingIsLoggedNotThrownFromRequest() {
        Signal<Integer> source = signal(1).named("hostile.throwingOnError.source");
        Recorder<Integer> hostile = new Recorder<>() {
            @Override
            public void onError(Throwable throwable) {
                super.onError(throwable);
                throw Failures.sneakyThrow(new IOException("cannot handle " + throwable));
            }
        };
        toPublisher(source).subscribe(hostile);
        hostile.subscription().request(0); // rule 3.9: onError, which throws
        assertThat(hostile.error).isInstanceOf(IllegalArgumentException.class);
        assertThat(hostile.signals).containsExactly("onSubscribe", "onError");
        assertThat(Reaktiv.graph().find("hostile.throwingOnError.source").orElseThrow().dependents()).isEmpty();
        assertEngineUsable();
    }

    @Test
    void onSubscribeThrowingACheckedExceptionSneakilyCancelsBeforeAnythingIsWatched() {
        Signal<Integer> source = signal(1).named("hostile.throwingOnSubscribe.source");
        Recorder<Integer> hostile = new Recorder<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                super.onSubscribe(s);
                throw Failures.sneakyThrow(new IOException("subscriber bug"));
            }
        };
        toPublisher(source).subscribe(hostile);
        hostile.subscription().request(1);
        assertThat(hostile.signals).containsExactly("onSubscribe");
        assertThat(Reaktiv.graph().find("hostile.throwingOnSubscribe.source").orElseThrow().dependents()).isEmpty();
        assertEngineUsable();
    }

    // ================================================================ Reactive Streams rules (defect 12)

    @Test
    void subscribingWhereNoEffectCanBeCreatedSignalsOnErrorAfterOnSubscribe() {
        Signal<Integer> source = signal(1).named("hostile.subscribeInComputed.source");
        Recorder<Integer> sub = new Recorder<>();
        // Rule 1.9: subscribe returns normally; the failure (no effect inside a computed) goes to onError.
        Computed<String> subscribing = computed(() -> {
            toPublisher(source).subscribe(sub);
            return "subscribed";
        });
        assertThat(subscribing.get()).isEqualTo("subscribed");
        assertThat(sub.signals).containsExactly("onSubscribe", "onError");
        assertThat(sub.error).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot create an effect while computing");
        sub.subscription().request(1);
        assertThat(sub.items).isEmpty();
        assertThat(Reaktiv.graph().find("hostile.subscribeInComputed.source").orElseThrow().dependents())
                .isEmpty();
        assertEngineUsable();
    }

    /** A subscription that records whether cancel ever overlapped a request. */
    private static final class WatchedSubscription implements Flow.Subscription {
        final AtomicInteger inRequest = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
        final CountDownLatch requestEntered = new CountDownLatch(1);
        final CountDownLatch releaseRequest = new CountDownLatch(1);
        volatile long requested;

        @Override
        public void request(long n) {
            inRequest.incrementAndGet();
            try {
                requested = n;
                requestEntered.countDown();
                if (!releaseRequest.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("request was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inRequest.decrementAndGet();
            }
        }

        @Override
        public void cancel() {
            if (inRequest.get() != 0) {
                overlapped.set(true);
            }
            cancels.incrementAndGet();
        }
    }

    @Test
    void cancelWhileTheInitialRequestRunsOnAnotherThreadWaitsForItToReturn() throws Exception {
        WatchedSubscription subscription = new WatchedSubscription();
        AtomicReference<@Nullable Thread> subscriberThread = new AtomicReference<>();
        // Calls onSubscribe on its own thread, as asynchronous publishers do.
        Flow.Publisher<Integer> publisher = subscriber -> {
            Thread t = new Thread(() -> subscriber.onSubscribe(subscription), "hostile-onSubscribe");
            subscriberThread.set(t);
            t.start();
        };
        PublisherSignal<Integer> value = fromPublisher(publisher, 0);
        assertThat(subscription.requestEntered.await(10, TimeUnit.SECONDS)).isTrue();

        value.cancel(); // returns at once; must not call cancel while request runs (rule 2.7)
        assertThat(value.isCancelled()).isTrue();
        assertThat(subscription.cancels).as("deferred until request returns").hasValue(0);

        subscription.releaseRequest.countDown();
        Thread t = subscriberThread.get();
        assertThat(t).isNotNull();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(t.isAlive()).isFalse();
        assertThat(subscription.requested).isEqualTo(Long.MAX_VALUE);
        assertThat(subscription.cancels).as("cancelled once, by the requester").hasValue(1);
        assertThat(subscription.overlapped).isFalse();
        value.cancel();
        assertThat(subscription.cancels).hasValue(1);
        assertEngineUsable();
    }

    @Test
    void cancelBeforeTheRequestMeansNoRequestAtAll() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        Flow.Subscription subscription = new Flow.Subscription() {
            @Override
            public void request(long n) {
                requests.incrementAndGet();
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }
        };
        AtomicReference<Flow.@Nullable Subscriber<? super Integer>> captured = new AtomicReference<>();
        Flow.Publisher<Integer> capturing = captured::set;
        PublisherSignal<Integer> value = fromPublisher(capturing, 0);
        value.cancel();
        Flow.Subscriber<? super Integer> inner = captured.get();
        assertThat(inner).isNotNull();
        inner.onSubscribe(subscription);
        assertThat(requests).hasValue(0);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void cancelFromAnEffectOfASynchronouslyEmittedItemCancelsAtOnce() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger emitted = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // Emits inside request, on the thread that requested, until cancelled (at most 1000 items).
        Flow.Publisher<Integer> publisher = subscriber -> new Thread(() -> {
            try {
                if (!go.await(10, TimeUnit.SECONDS)) {
                    return;
                }
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        for (int i = 1; i <= 1000 && !cancelled.get(); i++) {
                            emitted.incrementAndGet();
                            subscriber.onNext(i);
                        }
                    }

                    @Override
                    public void cancel() {
                        cancels.incrementAndGet();
                        cancelled.set(true);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }).start();
        PublisherSignal<Integer> value = fromPublisher(publisher, 0);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Effect stopper = effect(() -> {
            int v = value.get();
            seen.add(v);
            if (v >= 3) {
                value.cancel(); // on the publisher's thread, inside its request: serial, so done at once
            }
        });
        effects.add(stopper);
        go.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(emitted).hasValue(3);
        assertThat(cancels).hasValue(1);
        assertThat(seen).containsExactly(0, 1, 2, 3);
        assertThat(value.get()).isEqualTo(3);
    }

    @Test
    void requestThrowingIsThePublishersErrorAndCancelsIt() {
        AtomicInteger cancels = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("broken publisher");
        Flow.Publisher<Integer> publisher = subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                throw broken;
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }
        });
        PublisherSignal<Integer> value = fromPublisher(publisher, 0); // must not throw
        assertThat(value.error().get()).isSameAs(broken);
        assertThat(cancels).hasValue(1);
        assertThat(value.completed().get()).isFalse();
        assertEngineUsable();
    }

    @Test
    void anItemThatCannotBeWrittenCancelsInsteadOfThrowingAtThePublisher() {
        AtomicInteger cancels = new AtomicInteger();
        AtomicReference<Flow.@Nullable Subscriber<? super Integer>> captured = new AtomicReference<>();
        Flow.Publisher<Integer> publisher = subscriber -> {
            captured.set(subscriber);
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    cancels.incrementAndGet();
                }
            });
        };
        PublisherSignal<Integer> value = fromPublisher(publisher, 0);
        Flow.Subscriber<? super Integer> inner = captured.get();
        assertThat(inner).isNotNull();
        // A publisher emitting from inside a computed's function, where no signal may be written (rule 2.13:
        // onNext must return normally all the same).
        Computed<String> emitting = computed(() -> {
            inner.onNext(5);
            return "returned normally";
        });
        assertThat(emitting.get()).isEqualTo("returned normally");
        assertThat(value.get()).isZero();
        assertThat(value.isCancelled()).isTrue();
        assertThat(cancels).hasValue(1);
        inner.onNext(6);
        assertThat(value.get()).as("cancelled: later items are ignored").isZero();
        assertEngineUsable();
    }
}
