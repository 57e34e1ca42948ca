package io.reaktiv.sample.gateway;

import java.time.Instant;
import java.util.List;

/**
 * One client's traffic: its admitted requests of the last minute counted per second (oldest first, so at most 60
 * entries whatever the rate), and its exact totals.
 *
 * @param recent admitted requests per second within the last minute, oldest first
 * @param admitted requests let through since the client became active
 * @param throttled requests answered 429 since then
 */
public record ClientWindow(List<Second> recent, long admitted, long throttled) {

    /** A client not seen yet. */
    static final ClientWindow EMPTY = new ClientWindow(List.of(), 0, 0);

    /**
     * Creates a window; the list is copied.
     *
     * @param recent admitted requests per second, oldest first
     * @param admitted requests let through
     * @param throttled requests answered 429
     */
    public ClientWindow {
        recent = List.copyOf(recent);
    }

    /**
     * Returns the admitted requests in the window.
     *
     * @return the sum over the seconds
     */
    int count() {
        int sum = 0;
        for (Second s : recent) {
            sum += s.requests();
        }
        return sum;
    }

    /**
     * Requests admitted within one second.
     *
     * @param start the second, truncated
     * @param requests how many
     */
    public record Second(Instant start, int requests) {
    }
}
