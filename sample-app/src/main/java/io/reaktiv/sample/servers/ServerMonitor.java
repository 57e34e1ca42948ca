package io.reaktiv.sample.servers;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.sample.NotFound;
import io.reaktiv.sample.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The health monitor's state: what servers reported, the alert thresholds, which servers are in maintenance, and
 * what follows from them. The seed's Python, line for line, with time as a signal:
 *
 * <pre>
 * serverMetrics ─┬─► serversOnline ◄── timeSource.now
 *                └─► healthStatus ◄── thresholds, maintenance, serversOnline
 *                     ├─► serversByStatus
 *                     ├─► alertReasons ──► serverAlerts.raiseAndClearAlerts (effect)
 *                     └─► dashboard (what GET /servers shows, read as one consistent value)
 * </pre>
 *
 * Every signal holds an immutable value and every write is one atomic {@code update}, so concurrent reports
 * never lose one another.
 */
@Component
public class ServerMonitor {

    /** The health statuses, in the order the dashboard lists them. */
    public static final List<String> STATUSES = List.of("healthy", "alert", "offline", "maintenance");

    private final Clock clock;
    private final Signal<Map<String, ServerMetrics>> serverMetrics = signal(Map.of());
    private final Signal<Thresholds> thresholds = signal(Thresholds.DEFAULTS);
    private final Signal<Set<String>> maintenance = signal(Set.of());
    private final Computed<Map<String, Boolean>> serversOnline;
    private final Computed<Map<String, String>> healthStatus;
    private final Computed<Map<String, List<String>>> serversByStatus;
    private final Computed<Map<String, String>> alertReasons;
    private final Computed<ServersView> dashboard;

    /**
     * Creates the monitor.
     *
     * @param time the time signal; "offline" is measured against it
     * @param clock stamps arriving metrics
     * @param properties how long until a silent server is offline
     */
    public ServerMonitor(TimeSource time, Clock clock, ServersProperties properties) {
        this.clock = clock;
        ReadableSignal<Instant> now = time.now();
        Duration offlineAfter = properties.offlineAfter();
        serversOnline = computed(() -> {
            Instant current = now.get();
            Map<String, Boolean> online = new TreeMap<>();
            serverMetrics.get().forEach((id, m) ->
                    online.put(id, Duration.between(m.lastSeen(), current).compareTo(offlineAfter) < 0));
            return Collections.unmodifiableMap(online);
        });
        healthStatus = computed(() -> {
            Thresholds limits = thresholds.get();
            Set<String> inMaintenance = maintenance.get();
            Map<String, Boolean> online = serversOnline.get();
            Map<String, String> status = new TreeMap<>();
            serverMetrics.get().forEach((id, m) -> status.put(id,
                    inMaintenance.contains(id) ? "maintenance"
                            : !online.getOrDefault(id, false) ? "offline"
                            : reasons(m, limits).isEmpty() ? "healthy" : "alert"));
            return Collections.unmodifiableMap(status);
        });
        serversByStatus = computed(() -> {
            Map<String, List<String>> byStatus = new LinkedHashMap<>();
            STATUSES.forEach(s -> byStatus.put(s, new ArrayList<>()));
            healthStatus.get().forEach((id, s) -> byStatus.get(s).add(id));
            byStatus.replaceAll((s, ids) -> List.copyOf(ids));
            return Collections.unmodifiableMap(byStatus);
        });
        alertReasons = computed(() -> {
            Thresholds limits = thresholds.get();
            Map<String, ServerMetrics> metrics = serverMetrics.get();
            Map<String, String> out = new TreeMap<>();
            healthStatus.get().forEach((id, s) -> {
                if (s.equals("alert")) {
                    out.put(id, String.join(", ", reasons(metrics.get(id), limits)));
                }
            });
            return Collections.unmodifiableMap(out);
        });
        dashboard = computed(() -> {
            Map<String, Boolean> online = serversOnline.get();
            Map<String, String> status = healthStatus.get();
            List<ServerView> list = new ArrayList<>();
            serverMetrics.get().forEach((id, m) -> list.add(ServerView.of(id, m, online.get(id), status.get(id))));
            return new ServersView(List.copyOf(list), serversByStatus.get());
        });
    }

    private static List<String> reasons(ServerMetrics m, Thresholds limits) {
        List<String> out = new ArrayList<>(3);
        if (m.cpu() > limits.cpu()) {
            out.add("cpu " + fmt(m.cpu()) + " > " + fmt(limits.cpu()));
        }
        if (m.memory() > limits.memory()) {
            out.add("memory " + fmt(m.memory()) + " > " + fmt(limits.memory()));
        }
        if (m.disk() > limits.disk()) {
            out.add("disk " + fmt(m.disk()) + " > " + fmt(limits.disk()));
        }
        return out;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * Records a server's metrics, stamped with the clock's time; a new id registers the server.
     *
     * @param id the server id
     * @param cpu CPU use in percent
     * @param memory memory use in percent
     * @param disk disk use in percent
     */
    public void report(String id, double cpu, double memory, double disk) {
        ServerMetrics metrics = new ServerMetrics(cpu, memory, disk, clock.instant());
        serverMetrics.update(current -> {
            Map<String, ServerMetrics> next = new TreeMap<>(current);
            next.put(id, metrics);
            return Collections.unmodifiableMap(next);
        });
    }

    /**
     * Puts a known server in or out of maintenance.
     *
     * @param id the server id
     * @param enabled whether it is in maintenance
     * @throws NotFound if no server with that id has reported
     */
    public void setMaintenance(String id, boolean enabled) {
        requireKnown(id);
        maintenance.update(current -> {
            Set<String> next = new TreeSet<>(current);
            if (enabled) {
                next.add(id);
            } else {
                next.remove(id);
            }
            return Collections.unmodifiableSet(next);
        });
    }

    /**
     * Replaces the alert thresholds.
     *
     * @param newThresholds the thresholds, already validated
     */
    public void setThresholds(Thresholds newThresholds) {
        thresholds.set(newThresholds);
    }

    /**
     * Returns one server's view.
     *
     * @param id the server id
     * @return its metrics, whether it is online and its status
     * @throws NotFound if no server with that id has reported
     */
    public ServerView server(String id) {
        ServersView all = dashboard.get();
        return all.servers().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("server", id, all.servers().stream().map(ServerView::id).toList()));
    }

    /**
     * Returns every server's view, sorted by id, and the ids per status: one consistent value.
     *
     * @return the dashboard
     */
    public ServersView servers() {
        return dashboard.get();
    }

    private void requireKnown(String id) {
        Map<String, ServerMetrics> metrics = serverMetrics.get();
        if (!metrics.containsKey(id)) {
            throw new NotFound("server", id, metrics.keySet());
        }
    }

    /**
     * Returns the alert thresholds.
     *
     * @return the thresholds signal, read-only
     */
    public ReadableSignal<Thresholds> thresholds() {
        return thresholds.asReadonly();
    }

    /**
     * Returns, for each server whose status is {@code alert}, which metrics exceed their thresholds.
     *
     * @return server id to reason, such as {@code "cpu 85 > 80"}
     */
    public Computed<Map<String, String>> alertReasons() {
        return alertReasons;
    }

    /**
     * Returns each server's status: {@code healthy}, {@code alert}, {@code offline} or {@code maintenance}.
     *
     * @return server id to status
     */
    public Computed<Map<String, String>> healthStatus() {
        return healthStatus;
    }

    /**
     * Returns the server ids per status, every status present.
     *
     * @return status to server ids
     */
    public Computed<Map<String, List<String>>> serversByStatus() {
        return serversByStatus;
    }
}
