package io.reaktiv.sample.servers;

import io.reaktiv.sample.Ids;
import io.reaktiv.sample.Percent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The health monitor's HTTP API: report metrics, set thresholds and maintenance, read servers and alerts. */
@RestController
class ServerController {

    private final ServerMonitor monitor;
    private final ServerAlerts alerts;

    ServerController(ServerMonitor monitor, ServerAlerts alerts) {
        this.monitor = monitor;
        this.alerts = alerts;
    }

    /**
     * A metrics report.
     *
     * @param cpu CPU use, 0 to 100
     * @param memory memory use, 0 to 100
     * @param disk disk use, 0 to 100
     */
    record MetricsReport(@Percent Double cpu, @Percent Double memory, @Percent Double disk) {
    }

    /**
     * A maintenance switch.
     *
     * @param enabled whether the server is in maintenance
     */
    record MaintenanceRequest(@NotNull(message = "is required (true or false)") Boolean enabled) {
    }

    @PostMapping("/servers/{id}/metrics")
    ServerView report(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @RequestBody MetricsReport report) {
        monitor.report(id, report.cpu(), report.memory(), report.disk());
        return monitor.server(id);
    }

    @PutMapping("/servers/{id}/maintenance")
    ServerView maintenance(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @RequestBody MaintenanceRequest request) {
        monitor.setMaintenance(id, request.enabled());
        return monitor.server(id);
    }

    @GetMapping("/servers")
    ServersView servers() {
        return monitor.servers();
    }

    @GetMapping("/servers/{id}")
    ServerView server(@PathVariable String id) {
        return monitor.server(id);
    }

    @PutMapping("/thresholds")
    Thresholds setThresholds(@Valid @RequestBody Thresholds thresholds) {
        monitor.setThresholds(thresholds);
        return monitor.thresholds().get();
    }

    @GetMapping("/thresholds")
    Thresholds thresholds() {
        return monitor.thresholds().get();
    }

    @GetMapping("/alerts")
    List<Alert> alerts() {
        return alerts.active();
    }
}
