package io.reaktiv.sample.servers;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises and clears alerts as servers enter and leave the {@code alert} status. The active alerts are a signal
 * too, so whatever reads them (the API, the graph page) sees them appear and go.
 */
@Component
public class ServerAlerts {

    private static final Logger log = LoggerFactory.getLogger(ServerAlerts.class);

    private final ServerMonitor monitor;
    private final Clock clock;
    private final Signal<Map<String, Alert>> alerts = signal(Map.of());

    /**
     * Creates the alerting.
     *
     * @param monitor the state it watches
     * @param clock stamps raised alerts
     */
    public ServerAlerts(ServerMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    /**
     * Runs after startup and whenever the alert reasons change: raises an alert for each server newly in alert
     * (keeping the time an alert was first raised while it stays active), updates changed reasons, clears alerts
     * of servers no longer in alert.
     */
    @ReactiveEffect
    void raiseAndClearAlerts() {
        Map<String, String> reasons = monitor.alertReasons().get();
        // Only this effect writes the alerts and an effect never runs concurrently with itself, so a peek and a
        // set cannot lose an update; peek, because the effect must not depend on what it writes.
        Map<String, Alert> active = alerts.peek();
        Map<String, Alert> next = new TreeMap<>();
        reasons.forEach((id, reason) -> {
            Alert previous = active.get(id);
            if (previous == null) {
                log.warn("ALERT raised for server {}: {}", id, reason);
            }
            next.put(id, new Alert(id, reason, previous != null ? previous.raisedAt() : clock.instant()));
        });
        active.keySet().stream().filter(id -> !reasons.containsKey(id))
                .forEach(id -> log.info("Alert cleared for server {}", id));
        alerts.set(Collections.unmodifiableMap(next));
    }

    /**
     * Returns the active alerts, sorted by server id.
     *
     * @return the alerts
     */
    public List<Alert> active() {
        return List.copyOf(alerts.get().values());
    }

    /**
     * Returns the active alerts by server id.
     *
     * @return the alerts signal, read-only
     */
    public ReadableSignal<Map<String, Alert>> alerts() {
        return alerts.asReadonly();
    }
}
