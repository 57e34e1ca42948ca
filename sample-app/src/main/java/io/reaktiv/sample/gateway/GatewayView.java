package io.reaktiv.sample.gateway;

import java.util.Map;
import java.util.Set;

/**
 * What {@code GET /gateway} shows.
 *
 * @param limitPerMinute the per-client limit now in force
 * @param overallPerMinute requests of all clients in the last minute
 * @param throttled clients at or over the limit
 * @param clients each client seen in the last minute
 * @param endpoints each endpoint called through the gateway
 */
public record GatewayView(int limitPerMinute, int overallPerMinute, Set<String> throttled,
        Map<String, ClientView> clients, Map<String, EndpointView> endpoints) {

    /**
     * One client.
     *
     * @param requestsLastMinute admitted requests in the last minute
     * @param admitted requests admitted since the client became active
     * @param throttled requests answered 429 since then
     */
    public record ClientView(int requestsLastMinute, long admitted, long throttled) {
    }

    /**
     * One endpoint.
     *
     * @param circuit its circuit
     * @param calls calls that reached it
     * @param failures calls that failed
     * @param rejected calls answered 503 by the circuit
     * @param keptSeconds seconds of outcomes held for the failure window (bounded by the window)
     */
    public record EndpointView(Circuit circuit, long calls, long failures, long rejected, int keptSeconds) {
    }
}
