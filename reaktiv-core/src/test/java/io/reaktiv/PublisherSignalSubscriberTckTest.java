package io.reaktiv;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;

/**
 * The Reactive Streams TCK (run by TestNG on the JUnit Platform) against the subscriber of
 * {@link Reaktiv#fromPublisher}. Black-box: the subscriber is private to {@link PublisherSignal}, so it is taken
 * from a publisher that only captures what subscribes to it. It requests unbounded demand in
 * {@code onSubscribe}, so the TCK needs no trigger to make it request.
 *
 * <p>Nothing is skipped here; the TCK itself reports its {@code untested_*} rules (which a black-box test
 * cannot check) as skipped. Rule 2.7 (serial request and cancel), one of those, is tested in
 * {@link HostileStreamsAndResourcesTest}.
 */
public class PublisherSignalSubscriberTckTest extends FlowSubscriberBlackboxVerification<Integer> {

    /** Ten times the TCK's default timeout: the build machine is shared, and the helper publisher is async. */
    public PublisherSignalSubscriberTckTest() {
        super(new TestEnvironment(1_000, 100));
    }

    @Override
    public Flow.Subscriber<Integer> createFlowSubscriber() {
        AtomicReference<Flow.@Nullable Subscriber<? super Integer>> captured = new AtomicReference<>();
        Flow.Publisher<Integer> capturing = captured::set;
        Reaktiv.fromPublisher(capturing, 0);
        Flow.Subscriber<? super Integer> subscriber = captured.get();
        if (subscriber == null) {
            throw new AssertionError("fromPublisher did not subscribe");
        }
        @SuppressWarnings("unchecked") // it is a subscriber of the signal's type, Integer
        Flow.Subscriber<Integer> typed = (Flow.Subscriber<Integer>) subscriber;
        return typed;
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
