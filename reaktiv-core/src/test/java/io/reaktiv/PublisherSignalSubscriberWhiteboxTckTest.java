package io.reaktiv;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberPuppet;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.WhiteboxSubscriberProbe;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;

/**
 * The Reactive Streams TCK's white-box subscriber rules (run by TestNG on the JUnit Platform) against the
 * subscriber of {@link Reaktiv#fromPublisher}, which adds what the black-box verification cannot check: items
 * after {@link PublisherSignal#cancel()} (rule 2.8) and the cancel reaching the subscription.
 *
 * <p>The subscriber under test is wrapped the way the TCK documents: each signal goes to it unchanged, then is
 * reported to the TCK's probe. The puppet cancels through {@link PublisherSignal#cancel()}; it need not request,
 * since the subscriber requested unbounded demand in {@code onSubscribe}.
 */
public class PublisherSignalSubscriberWhiteboxTckTest extends FlowSubscriberWhiteboxVerification<Integer> {

    /** Ten times the TCK's default timeout: the build machine is shared. */
    public PublisherSignalSubscriberWhiteboxTckTest() {
        super(new TestEnvironment(1_000, 100));
    }

    @Override
    protected Flow.Subscriber<Integer> createFlowSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
        AtomicReference<Flow.@Nullable Subscriber<? super Integer>> captured = new AtomicReference<>();
        Flow.Publisher<Integer> capturing = captured::set;
        PublisherSignal<Integer> signal = Reaktiv.fromPublisher(capturing, 0);
        Flow.Subscriber<? super Integer> inner = captured.get();
        if (inner == null) {
            throw new AssertionError("fromPublisher did not subscribe");
        }
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                inner.onSubscribe(subscription);
                probe.registerOnSubscribe(new SubscriberPuppet() {
                    @Override
                    public void triggerRequest(long elements) {
                        // Unbounded demand was requested in onSubscribe already.
                    }

                    @Override
                    public void signalCancel() {
                        signal.cancel();
                    }
                });
            }

            @Override
            public void onNext(Integer item) {
                inner.onNext(item);
                probe.registerOnNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                inner.onError(throwable);
                probe.registerOnError(throwable);
            }

            @Override
            public void onComplete() {
                inner.onComplete();
                probe.registerOnComplete();
            }
        };
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
