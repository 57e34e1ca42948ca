package io.reaktiv.sample.gateway;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's calls: outcomes within the failure window counted per second (oldest first, so at most one
 * entry per second of the window whatever the traffic), when the last failure happened, and exact totals.
 *
 * @param recent calls and failures per second within the window, oldest first
 * @param lastFailure when the last failed call completed, or {@code null} if none did
 * @param calls calls that reached the endpoint
 * @param failures calls that failed (5xx or an exception)
 * @param rejected calls the open circuit answered 503 without calling the endpoint
 */
public record EndpointWindow(List<Second> recent, @Nullable Instant lastFailure, long calls, long failures,
        long rejected) {

    /** An endpoint not called yet. */
    static final EndpointWindow EMPTY = new EndpointWindow(List.of(), null, 0, 0, 0);

    /**
     * Creates a window; the list is copied.
     *
     * @param recent calls and failures per second, oldest first
     * @param lastFailure when the last failure happened
     * @param calls calls made
     * @param failures calls failed
     * @param rejected calls rejected by the circuit
     */
    public EndpointWindow {
        recent = List.copyOf(recent);
    }

    /**
     * Calls and failures that completed within one second.
     *
     * @param start the second, truncated
     * @param calls calls completed
     * @param failures of which failed
     */
    public record Second(Instant start, int calls, int failures) {
    }
}
