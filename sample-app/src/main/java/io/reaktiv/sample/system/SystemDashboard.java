package io.reaktiv.sample.system;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code update_monitoring_dashboard}: whenever the status or an average changes, the effect updates
 * the dashboard state ({@code GET /system/status}), noting since when the status holds and how many times the
 * system went critical, and logs critical states.
 */
@Component
public class SystemDashboard {

    private static final Logger log = LoggerFactory.getLogger(SystemDashboard.class);

    private final SystemMonitor monitor;
    private final Clock clock;
    private final Signal<Dashboard> dashboard;

    /**
     * The dashboard.
     *
     * @param status {@code normal}, {@code warning} or {@code critical}
     * @param avgCpu average CPU use of the last five readings
     * @param avgMemory average memory use of the last five readings
     * @param readings readings kept
     * @param since when the status last changed
     * @param criticalEpisodes how many times the status became critical
     */
    public record Dashboard(String status, double avgCpu, double avgMemory, int readings, Instant since,
            int criticalEpisodes) {
    }

    /**
     * Creates the dashboard.
     *
     * @param monitor the state it shows
     * @param clock stamps status changes
     */
    public SystemDashboard(SystemMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
        this.dashboard = signal(new Dashboard("normal", 0, 0, 0, clock.instant(), 0));
    }

    /** Runs after startup and whenever the status or an average changed. */
    @ReactiveEffect
    void updateDashboard() {
        String status = monitor.systemStatus().get();
        double cpu = monitor.avgCpu().get();
        double memory = monitor.avgMemory().get();
        Dashboard previous = dashboard.peek();
        boolean changed = !previous.status().equals(status);
        if (changed && status.equals("critical")) {
            log.warn("ALERT: system resources critical! CPU {}%, memory {}%", cpu, memory);
        }
        dashboard.set(new Dashboard(status, cpu, memory, monitor.cpuReadings().peek().size(),
                changed ? clock.instant() : previous.since(),
                previous.criticalEpisodes() + (changed && status.equals("critical") ? 1 : 0)));
    }

    /**
     * Returns the dashboard.
     *
     * @return the signal the effect keeps, read-only
     */
    public ReadableSignal<Dashboard> dashboard() {
        return dashboard.asReadonly();
    }
}
