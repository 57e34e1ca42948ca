package io.reaktiv.sample.gateway;

import java.time.Instant;
import java.util.List;

/**
 * One client's traffic: when its admitted requests of the last minute arrived (oldest first), and its exact totals.
 *
 * @param recent arrival times of the admitted requests within the last minute, oldest first; never more than the
 *     rate limit
 * @param admitted requests let through since the client was first seen (while it stays tracked)
 * @param throttled requests answered 429
 */
public record ClientWindow(List<Instant> recent, long admitted, long throttled) {

    /** A client not seen yet. */
    static final ClientWindow EMPTY = new ClientWindow(List.of(), 0, 0);

    /**
     * Creates a window; the list is copied.
     *
     * @param recent arrival times, oldest first
     * @param admitted requests let through
     * @param throttled requests answered 429
     */
    public ClientWindow {
        recent = List.copyOf(recent);
    }
}
