package io.reaktiv;

import java.util.Objects;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * The Reactive Streams TCK (run by TestNG on the JUnit Platform) against {@link Reaktiv#toPublisher}.
 *
 * <p>{@code toPublisher} has latest-value semantics and never completes by itself, while the TCK needs
 * publishers of exactly {@code n} elements. So each subscription here publishes its own counter signal, and a
 * thin forwarding subscriber writes the counter's next value after each item it forwards (the next item then
 * waits in the subscription's mailbox for demand, as a signal's change does), and after the {@code n}th item
 * disposes the scope the subscription was made in, which completes it as the documentation says. The TCK's
 * subscriber gets the real subscription of {@code toPublisher}: demand, cancellation, rule 3.9 errors,
 * serial signalling and the trampolined request-from-onNext are all the publisher's own.
 *
 * <p>Nothing is skipped here; the TCK itself reports its {@code untested_*} rules (which it has no test for)
 * as skipped.
 */
public class SignalPublisherTckTest extends FlowPublisherVerification<Long> {

    /**
     * Ten times the TCK's default timeout, since the build machine is shared; the publisher delivers on the
     * requesting thread, so only the rule 3.9 tests, which sleep that long before they look for the error, take
     * it. The GC wait of rule 3.13 stays at its default: cancel drops the subscriber synchronously.
     */
    public SignalPublisherTckTest() {
        super(new TestEnvironment(1_000, 100), 300);
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        return subscriber -> {
            Signal<Long> counter = Reaktiv.signal(0L);
            Flow.Publisher<Long> publisher = Reaktiv.toPublisher(counter);
            if (subscriber == null) {
                publisher.subscribe(null); // rule 1.9: the NullPointerException is toPublisher's own
                return;
            }
            EffectScope scope = Reaktiv.scope();
            scope.run(() -> publisher.subscribe(new Generator(subscriber, counter, elements, scope)));
            if (elements == 0) {
                scope.dispose(); // an empty stream: completes without any demand
            }
        };
    }

    /** Reads a computed that has memoized an exception: the subscriber gets onSubscribe, then onError. */
    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        return Reaktiv.toPublisher(Reaktiv.computed(() -> {
            throw new IllegalStateException("the source failed");
        }));
    }

    /**
     * Forwards every signal unchanged to the TCK's subscriber (with the real subscription), and after each
     * item writes the next value of the counter, or ends the stream after the last one.
     */
    private static final class Generator implements Flow.Subscriber<Long> {

        private final Flow.Subscriber<? super Long> downstream;
        private final Signal<Long> counter;
        private final long elements;
        private final EffectScope scope;

        Generator(Flow.Subscriber<? super Long> downstream, Signal<Long> counter, long elements, EffectScope scope) {
            this.downstream = Objects.requireNonNull(downstream);
            this.counter = counter;
            this.elements = elements;
            this.scope = scope;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            downstream.onSubscribe(subscription);
        }

        @Override
        public void onNext(Long item) {
            downstream.onNext(item);
            if (item + 1 < elements) {
                counter.set(item + 1);
            } else {
                scope.dispose(); // the subscription's effect is disposed by its owner: onComplete
            }
        }

        @Override
        public void onError(Throwable throwable) {
            downstream.onError(throwable);
        }

        @Override
        public void onComplete() {
            downstream.onComplete();
        }
    }
}
