package io.reaktiv.sample.gateway;

import java.time.Instant;
import java.util.List;

/**
 * One endpoint's calls: the outcomes within the failure window (oldest first, bounded) and exact totals.
 *
 * @param recent outcomes within the window, oldest first; at most {@code sample.gateway.max-outcomes}
 * @param calls calls that reached the endpoint
 * @param failures calls that failed (5xx or an exception)
 * @param rejected calls the open circuit answered 503 without calling the endpoint
 */
public record EndpointWindow(List<Outcome> recent, long calls, long failures, long rejected) {

    /** An endpoint not called yet. */
    static final EndpointWindow EMPTY = new EndpointWindow(List.of(), 0, 0, 0);

    /**
     * Creates a window; the list is copied.
     *
     * @param recent outcomes, oldest first
     * @param calls calls made
     * @param failures calls failed
     * @param rejected calls rejected by the circuit
     */
    public EndpointWindow {
        recent = List.copyOf(recent);
    }

    /**
     * One call's outcome.
     *
     * @param at when it completed
     * @param failed whether it failed
     */
    public record Outcome(Instant at, boolean failed) {
    }
}
