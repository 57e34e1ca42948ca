package io.reaktiv;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.fromPublisher;
import static io.reaktiv.Reaktiv.signal;
import static io.reaktiv.Reaktiv.toPublisher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StreamsTest {

    /** Records what a publisher sends; requests nothing by itself unless told to. */
    private static final class Recorder<T> implements Flow.Subscriber<T> {
        final List<T> items = new CopyOnWriteArrayList<>();
        volatile @Nullable Throwable error;
        volatile boolean completed;
        volatile Flow.@Nullable Subscription subscription;
        final Consumer<Recorder<T>> onEachItem;

        Recorder() {
            this(r -> { });
        }

        Recorder(Consumer<Recorder<T>> onEachItem) {
            this.onEachItem = onEachItem;
        }

        Flow.Subscription subscription() {
            Flow.Subscription s = subscription;
            assertThat(s).as("onSubscribe was called").isNotNull();
            return s;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(T item) {
            items.add(item);
            onEachItem.accept(this);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    // ---------------------------------------------------------------- signal → publisher

    @Test
    void currentValueIsDeliveredFirstWhenDemandArrives() {
        Signal<Integer> count = signal(1);
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(count).subscribe(sub);
        assertThat(sub.items).isEmpty();

        sub.subscription().request(1);
        assertThat(sub.items).containsExactly(1);

        count.set(2);
        count.set(3);
        assertThat(sub.items).as("no demand, nothing delivered").containsExactly(1);
        sub.subscription().request(1);
        assertThat(sub.items).containsExactly(1, 3);
        assertThat(sub.error).isNull();
        assertThat(sub.completed).isFalse();
    }

    @Test
    void slowSubscriberGetsTheLatestValueNotAQueue() {
        Signal<Integer> count = signal(0);
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(count).subscribe(sub);

        sub.subscription().request(1);
        for (int i = 1; i <= 100; i++) {
            count.set(i);
        }
        assertThat(sub.items).containsExactly(0);
        sub.subscription().request(1);
        assertThat(sub.items).containsExactly(0, 100);

        for (int i = 101; i <= 200; i++) {
            count.set(i);
        }
        sub.subscription().request(1);
        assertThat(sub.items).containsExactly(0, 100, 200);

        // With outstanding demand, each change goes out as it happens.
        sub.subscription().request(2);
        count.set(300);
        count.set(301);
        count.set(302);
        assertThat(sub.items).containsExactly(0, 100, 200, 300, 301);
    }

    @Test
    void eachSubscriberHasItsOwnDemand() {
        Signal<String> s = signal("a");
        Flow.Publisher<String> publisher = toPublisher(s);
        Recorder<String> fast = new Recorder<>();
        Recorder<String> slow = new Recorder<>();
        publisher.subscribe(fast);
        publisher.subscribe(slow);
        fast.subscription().request(Long.MAX_VALUE);
        slow.subscription().request(1);
        s.set("b");
        s.set("c");
        assertThat(fast.items).containsExactly("a", "b", "c");
        assertThat(slow.items).containsExactly("a");
    }

    @Test
    void cancelDisposesTheEffectAndIsIdempotent() {
        Signal<Integer> source = signal(1).named("streams.cancel.source");
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(source).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        // A strong reference to the internal effect, so that the GC cannot take its node from the graph.
        Effect internal = ((SignalPublisher.SignalSubscription<?>) sub.subscription()).effect();
        assertThat(internal).isNotNull();

        GraphSnapshot before = Reaktiv.graph();
        NodeSnapshot sourceNode = before.find("streams.cancel.source").orElseThrow();
        NodeSnapshot effectNode = before.find("toPublisher(streams.cancel.source)").orElseThrow();
        assertThat(effectNode.kind()).isEqualTo(NodeKind.EFFECT);
        assertThat(effectNode.dependencies()).containsExactly(sourceNode.id());
        assertThat(sourceNode.dependents()).containsExactly(effectNode.id());

        sub.subscription().cancel();
        sub.subscription().cancel();

        GraphSnapshot after = Reaktiv.graph();
        assertThat(after.find("streams.cancel.source").orElseThrow().dependents()).isEmpty();
        NodeSnapshot disposedEffect = after.find("toPublisher(streams.cancel.source)").orElseThrow();
        assertThat(disposedEffect.id()).isEqualTo(effectNode.id());
        assertThat(disposedEffect.dependencies()).isEmpty();
        assertThat(disposedEffect.disposed()).isTrue();
        assertThat(internal.isDisposed()).isTrue();
        source.set(2);
        sub.subscription().request(1);
        assertThat(sub.items).containsExactly(1);
        assertThat(sub.error).isNull();
        assertThat(sub.completed).isFalse();
        Reference.reachabilityFence(internal);
    }

    @Test
    void cancelFromInsideOnNextStopsDelivery() {
        Signal<Integer> source = signal(1).named("streams.cancelInside.source");
        Recorder<Integer> sub = new Recorder<>(r -> {
            if (r.items.size() == 2) {
                r.subscription().cancel();
            }
        });
        toPublisher(source).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        source.set(2);
        source.set(3);
        assertThat(sub.items).containsExactly(1, 2);
        assertThat(Reaktiv.graph().find("streams.cancelInside.source").orElseThrow().dependents()).isEmpty();
    }

    @Test
    void nonPositiveRequestSignalsIllegalArgumentAndCancels() {
        Signal<Integer> source = signal(1).named("streams.badRequest.source");
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(source).subscribe(sub);

        sub.subscription().request(0);

        assertThat(sub.error).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 3.9")
                .hasMessageContaining("got 0");
        assertThat(Reaktiv.graph().find("streams.badRequest.source").orElseThrow().dependents()).isEmpty();
        sub.subscription().request(5);
        source.set(2);
        assertThat(sub.items).isEmpty();
    }

    @Test
    void failingComputedEndsTheStreamWithItsError() {
        Signal<Integer> n = signal(1);
        Computed<Integer> checked = computed(() -> {
            if (n.get() < 0) {
                throw new IllegalStateException("negative: " + n.get());
            }
            return n.get();
        });
        Recorder<Integer> sub = new Recorder<>();
        toPublisher(checked).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        n.set(-5);
        n.set(6);
        assertThat(sub.items).containsExactly(1);
        assertThat(sub.error).isInstanceOf(IllegalStateException.class).hasMessage("negative: -5");
    }

    @Test
    void subscriptionInsideAScopeCompletesWhenTheScopeIsDisposed() {
        Signal<Integer> n = signal(1);
        Recorder<Integer> sub = new Recorder<>();
        EffectScope scope = Reaktiv.scope(() -> toPublisher(n).subscribe(sub));
        sub.subscription().request(Long.MAX_VALUE);
        n.set(2);
        scope.dispose();
        n.set(3);
        assertThat(sub.items).containsExactly(1, 2);
        assertThat(sub.completed).isTrue();
        assertThat(sub.error).isNull();
    }

    @Test
    void readsInsideOnNextAreNotTracked() {
        Signal<Integer> source = signal(1);
        Signal<String> other = signal("x");
        List<String> seen = new ArrayList<>();
        Recorder<Integer> sub = new Recorder<>(r -> seen.add(r.items.get(r.items.size() - 1) + other.get()));
        toPublisher(source).subscribe(sub);
        sub.subscription().request(Long.MAX_VALUE);
        source.set(2);  // delivered inside the subscription's effect, where onNext reads other
        other.set("y"); // must not re-deliver the current value
        source.set(3);
        assertThat(sub.items).containsExactly(1, 2, 3);
        assertThat(seen).containsExactly("1x", "2x", "3y");
    }

    @Test
    void subscribeRejectsNullSubscriber() {
        assertThatNullPointerException().isThrownBy(() -> toPublisher(signal(1)).subscribe(null))
                .withMessageContaining("1.9");
    }

    @Test
    void onNextIsNeverCalledConcurrentlyAndTheLastValueArrives() throws Exception {
        Signal<Integer> n = signal(0);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        Recorder<Integer> sub = new Recorder<>(r -> {
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            Thread.onSpinWait();
            inside.decrementAndGet();
            r.subscription().request(1); // reentrant request from inside onNext
        });
        toPublisher(n).subscribe(sub);
        sub.subscription().request(1);

        int writers = 2;
        int writesEach = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int offset = w * writesEach;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 1; i <= writesEach; i++) {
                    n.set(offset + i);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(t.isAlive()).isFalse();
        }

        assertThat(maxInside).hasValue(1);
        assertThat(sub.items.get(sub.items.size() - 1)).isEqualTo(n.peek());
        assertThat(sub.error).isNull();
    }

    // ---------------------------------------------------------------- publisher → signal

    @Test
    void publisherSignalHoldsTheLastValue() {
        try (SubmissionPublisher<String> publisher = new SubmissionPublisher<>(Runnable::run, 16)) {
            PublisherSignal<@Nullable String> latest = fromPublisher(publisher, null).named("streams.latest");
            List<@Nullable String> seen = new ArrayList<>();
            effect(() -> seen.add(latest.get()));

            publisher.submit("a");
            publisher.submit("b");
            publisher.submit("b"); // equal: no change
            publisher.submit("c");

            assertThat(seen).containsExactly(null, "a", "b", "c");
            assertThat(latest.value().get()).isEqualTo("c");
            assertThat(latest.completed().get()).isFalse();
            assertThat(latest.error().get()).isNull();
            assertThat(latest.name()).isEqualTo("streams.latest");
        }
    }

    @Test
    void publisherSignalObservesCompletion() {
        SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(Runnable::run, 16);
        PublisherSignal<Integer> value = fromPublisher(publisher, 0);
        List<Boolean> completions = new ArrayList<>();
        effect(() -> completions.add(value.completed().get()));
        publisher.submit(1);
        publisher.close();
        assertThat(completions).containsExactly(false, true);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.error().get()).isNull();
    }

    @Test
    void publisherSignalObservesTheError() {
        SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(Runnable::run, 16);
        PublisherSignal<Integer> value = fromPublisher(publisher, 0);
        List<@Nullable Throwable> errors = new ArrayList<>();
        effect(() -> errors.add(value.error().get()));
        IOException failure = new IOException("feed down");
        publisher.submit(7);
        publisher.closeExceptionally(failure);
        assertThat(errors).containsExactly(null, failure);
        assertThat(value.get()).as("keeps its last value").isEqualTo(7);
        assertThat(value.completed().get()).isFalse();
    }

    @Test
    void cancelStopsListeningToThePublisher() {
        SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(Runnable::run, 16);
        PublisherSignal<Integer> value = fromPublisher(publisher, 0);
        publisher.submit(1);
        assertThat(publisher.getNumberOfSubscribers()).isEqualTo(1);

        value.cancel();
        value.cancel();

        publisher.submit(2);
        publisher.close();
        assertThat(value.isCancelled()).isTrue();
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.completed().get()).isFalse();
        assertThat(publisher.getNumberOfSubscribers()).isZero();
    }

    @Test
    void signalRoundTripsThroughAPublisher() {
        Signal<String> source = signal("x");
        PublisherSignal<String> mirror = fromPublisher(toPublisher(source), "initial");
        assertThat(mirror.get()).isEqualTo("x");
        source.set("y");
        source.set("z");
        assertThat(mirror.get()).isEqualTo("z");
        mirror.cancel();
        source.set("after cancel");
        assertThat(mirror.get()).isEqualTo("z");
    }
}
