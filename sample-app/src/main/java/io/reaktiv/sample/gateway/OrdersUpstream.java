package io.reaktiv.sample.gateway;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The demo upstream behind {@code GET /api/orders}, told how often to fail. Failures are spread evenly and
 * deterministically (rate 0.25: every fourth call), so tests and demos see exactly the rate they asked for.
 */
@Component
public class OrdersUpstream {

    private final Signal<Double> failureRate = signal(0.0);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * Sets the share of calls that fail, and starts counting afresh.
     *
     * @param rate 0 (never) to 1 (always)
     */
    public synchronized void setFailureRate(double rate) {
        failureRate.set(rate);
        calls.set(0);
        failures.set(0);
    }

    /**
     * Decides whether this call fails, so that after n calls exactly {@code floor(n * rate)} failed.
     *
     * @return whether to fail
     */
    public boolean nextCallFails() {
        double rate = failureRate.peek();
        long n = calls.incrementAndGet();
        boolean fail = Math.floor(n * rate) > Math.floor((n - 1) * rate);
        if (fail) {
            failures.incrementAndGet();
        }
        return fail;
    }

    /**
     * Returns the failure rate.
     *
     * @return the signal, read-only
     */
    public ReadableSignal<Double> failureRate() {
        return failureRate.asReadonly();
    }

    /**
     * Returns how many calls reached the upstream since the rate was last set.
     *
     * @return the count
     */
    public long calls() {
        return calls.get();
    }

    /**
     * Returns how many of those failed.
     *
     * @return the count
     */
    public long failures() {
        return failures.get();
    }
}
