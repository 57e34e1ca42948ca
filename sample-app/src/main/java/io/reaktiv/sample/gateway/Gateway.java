package io.reaktiv.sample.gateway;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.sample.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The gateway's state: each client's and each endpoint's recent traffic as signals, and what follows from them
 * as computeds (the seed's {@code requests_per_minute}, {@code rate_limits} and {@code circuit_status}):
 *
 * <pre>
 * clients ──► requestsPerMinute ──┬─► overallPerMinute ──► clientLimit ──┐
 *   ▲            ▲ timeSource.now └───────────────────────────────────────┴─► throttledClients
 *   └ admit()                                                                   (gatewayMonitor logs it)
 * endpoints ──► circuits ──► circuitStates (gatewayMonitor logs changes)
 *   ▲              ▲ timeSource.now
 *   └ enter() / complete()
 * </pre>
 *
 * <h2>Exact under concurrency, bounded in memory</h2>
 * Every change is one atomic {@link Signal#update}: admitting a request checks the client's count against its
 * limit and records the request in the same locked step, so of 150 simultaneous requests from one client exactly
 * 100 pass. Each update also prunes: a client's requests older than a minute and an endpoint's outcomes older
 * than the window are dropped, a client with no request in the last minute is forgotten, a client's requests
 * and an endpoint's outcomes are counted per second (at most one entry per second of the window, whatever the
 * traffic), and at most {@code max-clients} clients are tracked, so memory stays flat under sustained
 * load. The update functions are short and read no other node: they run under the engine's lock.
 */
@Component
public class Gateway {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final GatewayProperties properties;
    private final ReadableSignal<Instant> now;
    private final Signal<Map<String, ClientWindow>> clients = signal(Map.of());
    private final Signal<Map<String, EndpointWindow>> endpoints = signal(Map.of());
    private final Computed<Map<String, Integer>> requestsPerMinute;
    private final Computed<Integer> overallPerMinute;
    private final Computed<Integer> clientLimit;
    private final Computed<Set<String>> throttledClients;
    private final Computed<Map<String, Circuit>> circuits;
    private final Computed<Map<String, String>> circuitStates;
    /** Per endpoint, whether a half-open circuit's one trial call is in flight. */
    private final Map<String, AtomicBoolean> trials = new ConcurrentHashMap<>();

    /**
     * Creates the gateway state.
     *
     * @param properties limits, thresholds, windows
     * @param time the time signal the windows are measured against
     */
    public Gateway(GatewayProperties properties, TimeSource time) {
        this.properties = properties;
        this.now = time.now();
        requestsPerMinute = computed(() -> {
            Instant cutoff = now.get().minus(MINUTE);
            Map<String, Integer> out = new TreeMap<>();
            clients.get().forEach((id, w) -> out.put(id, w.recent().stream().filter(s -> s.start().isAfter(cutoff))
                    .mapToInt(ClientWindow.Second::requests).sum()));
            return Collections.unmodifiableMap(out);
        });
        overallPerMinute = computed(() -> requestsPerMinute.get().values().stream().mapToInt(Integer::intValue).sum());
        clientLimit = computed(() -> properties.limitFor(overallPerMinute.get()));
        throttledClients = computed(() -> {
            int limit = clientLimit.get();
            Set<String> out = new TreeSet<>();
            requestsPerMinute.get().forEach((id, count) -> {
                if (count >= limit) {
                    out.add(id);
                }
            });
            return Collections.unmodifiableSet(out);
        });
        circuits = computed(() -> {
            Instant current = now.get();
            Map<String, Circuit> out = new TreeMap<>();
            endpoints.get().forEach((endpoint, w) -> out.put(endpoint, circuitOf(w, current)));
            return Collections.unmodifiableMap(out);
        });
        circuitStates = computed(() -> {
            Map<String, String> out = new TreeMap<>();
            circuits.get().forEach((endpoint, c) -> out.put(endpoint, c.state()));
            return Collections.unmodifiableMap(out);
        });
    }

    private Circuit circuitOf(EndpointWindow w, Instant current) {
        Instant cutoff = current.minus(properties.window());
        int calls = 0;
        int failures = 0;
        for (EndpointWindow.Second s : w.recent()) {
            if (s.start().isAfter(cutoff)) {
                calls += s.calls();
                failures += s.failures();
            }
        }
        if (failures == 0 || calls < properties.minCalls() || failures < properties.failureRateThreshold() * calls) {
            return new Circuit("closed", calls, failures, null);
        }
        Instant openUntil = w.lastFailure().plus(properties.coolDown());
        return new Circuit(current.isBefore(openUntil) ? "open" : "half-open", calls, failures, openUntil);
    }

    // ------------------------------------------------------------------ rate limiting

    /**
     * What became of a request at the rate limiter.
     *
     * @param admitted whether it may proceed
     * @param retryAfter when it was refused: how long until the client may send again
     * @param detail when it was refused: why, for the problem detail
     */
    public record Admission(boolean admitted, Duration retryAfter, String detail) {
    }

    /**
     * Checks a request against its client's limit and, if it is under, records it: one atomic step.
     *
     * @param client the client id
     * @param at when the request arrived
     * @return whether it was admitted, and if not, for how long the client should wait
     */
    public Admission admit(String client, Instant at) {
        int limit = clientLimit.get();
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        Instant cutoff = second.minus(MINUTE);
        Admission[] result = new Admission[1];
        clients.update(current -> {
            Map<String, ClientWindow> next = new HashMap<>(current.size() + 1);
            current.forEach((id, w) -> {
                ClientWindow pruned = prune(w, cutoff);
                if (!pruned.recent().isEmpty() || id.equals(client)) {
                    next.put(id, pruned);
                }
            });
            ClientWindow mine = next.get(client);
            if (mine == null && next.size() >= properties.maxClients()) {
                result[0] = new Admission(false, Duration.ofSeconds(1), "The gateway tracks at most "
                        + properties.maxClients() + " clients a minute; try again shortly");
                return current;
            }
            mine = mine != null ? mine : ClientWindow.EMPTY;
            int count = mine.count();
            if (count >= limit) {
                Duration wait = Duration.between(at, mine.recent().get(0).start().plus(MINUTE));
                result[0] = new Admission(false, wait, "Client '" + client + "' made " + count
                        + " requests in the last minute; the limit is " + limit + " per minute");
                next.put(client, new ClientWindow(mine.recent(), mine.admitted(), mine.throttled() + 1));
            } else {
                List<ClientWindow.Second> recent = new ArrayList<>(mine.recent());
                int last = recent.size() - 1;
                if (last >= 0 && recent.get(last).start().equals(second)) {
                    recent.set(last, new ClientWindow.Second(second, recent.get(last).requests() + 1));
                } else {
                    recent.add(new ClientWindow.Second(second, 1));
                }
                result[0] = new Admission(true, Duration.ZERO, "");
                next.put(client, new ClientWindow(recent, mine.admitted() + 1, mine.throttled()));
            }
            return Collections.unmodifiableMap(next);
        });
        return result[0];
    }

    private static ClientWindow prune(ClientWindow w, Instant cutoff) {
        List<ClientWindow.Second> recent = w.recent();
        int drop = 0;
        while (drop < recent.size() && !recent.get(drop).start().isAfter(cutoff)) {
            drop++;
        }
        return drop == 0 ? w : new ClientWindow(recent.subList(drop, recent.size()), w.admitted(), w.throttled());
    }

    // ------------------------------------------------------------------ circuit breaking

    /**
     * What became of a call at the circuit breaker.
     *
     * @param allowed whether it may call the endpoint
     * @param trial whether it is the one trial call of a half-open circuit
     * @param retryAfter when refused: how long until the circuit lets a call through
     * @param detail when refused: why
     */
    public record Entry(boolean allowed, boolean trial, Duration retryAfter, String detail) {

        static final Entry PASS = new Entry(true, false, Duration.ZERO, "");
    }

    /**
     * Decides whether a call may reach the endpoint: yes when its circuit is closed; the first caller only (the
     * trial) when it is half-open; nobody when it is open (the call is counted as rejected).
     *
     * @param endpoint the endpoint path
     * @return the decision
     */
    public Entry enter(String endpoint) {
        Circuit circuit = circuits.get().get(endpoint);
        if (circuit == null || circuit.state().equals("closed")) {
            return Entry.PASS;
        }
        if (circuit.isHalfOpen() && trials.computeIfAbsent(endpoint, e -> new AtomicBoolean()).compareAndSet(false, true)) {
            return new Entry(true, true, Duration.ZERO, "");
        }
        endpoints.update(current -> {
            Map<String, EndpointWindow> next = new TreeMap<>(current);
            EndpointWindow w = next.getOrDefault(endpoint, EndpointWindow.EMPTY);
            next.put(endpoint, new EndpointWindow(w.recent(), w.lastFailure(), w.calls(), w.failures(),
                    w.rejected() + 1));
            return Collections.unmodifiableMap(next);
        });
        Duration wait = circuit.isOpen() && circuit.openUntil() != null
                ? Duration.between(now.peek(), circuit.openUntil()) : Duration.ofSeconds(1);
        return new Entry(false, false, wait, "The circuit of " + endpoint + " is " + circuit.state() + ": "
                + circuit.failures() + " of the last " + circuit.calls() + " calls failed"
                + (circuit.isHalfOpen() ? "; a trial call is in flight" : ""));
    }

    /**
     * Records the outcome of a call that reached an endpoint. A successful trial call closes the circuit (the
     * window starts afresh); a failed one opens it again for the cool-down.
     *
     * @param endpoint the endpoint path
     * @param at when the call completed
     * @param failed whether it failed
     * @param entry what {@link #enter} decided for it
     */
    public void complete(String endpoint, Instant at, boolean failed, Entry entry) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        Instant cutoff = second.minus(properties.window());
        try {
            endpoints.update(current -> {
                EndpointWindow w = current.getOrDefault(endpoint, EndpointWindow.EMPTY);
                List<EndpointWindow.Second> recent = new ArrayList<>(w.recent().size() + 1);
                if (!(entry.trial() && !failed)) {
                    for (EndpointWindow.Second s : w.recent()) {
                        if (s.start().isAfter(cutoff)) {
                            recent.add(s);
                        }
                    }
                }
                int last = recent.size() - 1;
                if (last >= 0 && recent.get(last).start().equals(second)) {
                    EndpointWindow.Second s = recent.get(last);
                    recent.set(last, new EndpointWindow.Second(second, s.calls() + 1, s.failures() + (failed ? 1 : 0)));
                } else {
                    recent.add(new EndpointWindow.Second(second, 1, failed ? 1 : 0));
                }
                Map<String, EndpointWindow> next = new TreeMap<>(current);
                next.put(endpoint, new EndpointWindow(recent, failed ? at : w.lastFailure(), w.calls() + 1,
                        w.failures() + (failed ? 1 : 0), w.rejected()));
                return Collections.unmodifiableMap(next);
            });
        } finally {
            if (entry.trial()) {
                trials.get(endpoint).set(false);
            }
        }
    }

    /**
     * Ends a trial call whose outcome is not recorded (the path matched no endpoint).
     *
     * @param endpoint the endpoint path
     * @param entry what {@link #enter} decided for it
     */
    public void abandon(String endpoint, Entry entry) {
        if (entry.trial()) {
            trials.get(endpoint).set(false);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Returns what {@code GET /gateway} shows: limits, each client's and each endpoint's traffic, circuits.
     *
     * @return the gateway's state
     */
    public GatewayView view() {
        Map<String, ClientWindow> clientWindows = clients.get();
        Map<String, Integer> perMinute = requestsPerMinute.get();
        Map<String, GatewayView.ClientView> clientViews = new TreeMap<>();
        clientWindows.forEach((id, w) -> clientViews.put(id, new GatewayView.ClientView(
                perMinute.getOrDefault(id, 0), w.admitted(), w.throttled())));
        Map<String, Circuit> circuitMap = circuits.get();
        Map<String, GatewayView.EndpointView> endpointViews = new TreeMap<>();
        endpoints.get().forEach((endpoint, w) -> endpointViews.put(endpoint, new GatewayView.EndpointView(
                circuitMap.getOrDefault(endpoint, Circuit.CLOSED), w.calls(), w.failures(), w.rejected(),
                w.recent().size())));
        return new GatewayView(clientLimit.get(), overallPerMinute.get(), throttledClients.get(), clientViews,
                endpointViews);
    }

    /**
     * Returns each endpoint's circuit state.
     *
     * @return endpoint to {@code closed}, {@code open} or {@code half-open}
     */
    public Computed<Map<String, String>> circuitStates() {
        return circuitStates;
    }

    /**
     * Returns the clients at or over their limit in the last minute.
     *
     * @return client ids
     */
    public Computed<Set<String>> throttledClients() {
        return throttledClients;
    }

    /**
     * Returns the circuit of an endpoint.
     *
     * @param endpoint the endpoint path
     * @return its circuit, or {@code null} if it was never called
     */
    public @Nullable Circuit circuit(String endpoint) {
        return circuits.get().get(endpoint);
    }
}
