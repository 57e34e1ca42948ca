package io.reaktiv.sample.gateway;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code monitor_circuit_status} and {@code monitor_rate_limits}: logs circuits changing state and
 * clients becoming throttled, and keeps the last {@value #KEPT} such events for {@code GET /gateway/events}.
 * Each effect reads a small computed ({@code circuitStates}, {@code throttledClients}) whose value changes
 * rarely, so the effects run when something happened, not on every request.
 */
@Component
public class GatewayMonitor {

    /** How many events are kept. */
    static final int KEPT = 50;

    private static final Logger log = LoggerFactory.getLogger(GatewayMonitor.class);

    private final Gateway gateway;
    private final Clock clock;
    private final Signal<List<GatewayEvent>> events = signal(List.of());
    /** Touched only by the effect that owns it, which never runs concurrently with itself. */
    private Map<String, String> lastStates = Map.of();
    private Set<String> lastThrottled = Set.of();

    /**
     * An event.
     *
     * @param at when the effect saw it
     * @param message what happened
     */
    public record GatewayEvent(Instant at, String message) {
    }

    /**
     * Creates the monitor.
     *
     * @param gateway the state it watches
     * @param clock stamps events
     */
    public GatewayMonitor(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Logs every endpoint whose circuit changed state. */
    @ReactiveEffect
    void logCircuitChanges() {
        Map<String, String> states = gateway.circuitStates().get();
        List<String> changes = new ArrayList<>();
        states.forEach((endpoint, state) -> {
            if (!Objects.equals(lastStates.getOrDefault(endpoint, "closed"), state)) {
                changes.add("circuit " + endpoint + " is " + state);
            }
        });
        lastStates = states;
        record(changes);
    }

    /** Logs every client that became throttled. */
    @ReactiveEffect
    void logThrottledClients() {
        Set<String> throttled = gateway.throttledClients().get();
        List<String> changes = new ArrayList<>();
        throttled.stream().filter(c -> !lastThrottled.contains(c)).forEach(c -> changes.add("client " + c + " is throttled"));
        lastThrottled = throttled;
        record(changes);
    }

    private void record(List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        messages.forEach(m -> log.warn("Gateway: {}", m));
        events.update(current -> {
            List<GatewayEvent> next = new ArrayList<>(current);
            messages.forEach(m -> next.add(new GatewayEvent(at, m)));
            return List.copyOf(next.subList(Math.max(0, next.size() - KEPT), next.size()));
        });
    }

    /**
     * Returns the last events, oldest first.
     *
     * @return the events
     */
    public List<GatewayEvent> events() {
        return events.get();
    }
}
