package io.reaktiv.sample.system;

import io.reaktiv.sample.Percent;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** System monitoring over HTTP: post readings, read the dashboard the effect keeps. */
@RestController
class SystemController {

    private final SystemMonitor monitor;
    private final SystemDashboard dashboard;

    SystemController(SystemMonitor monitor, SystemDashboard dashboard) {
        this.monitor = monitor;
        this.dashboard = dashboard;
    }

    /**
     * One reading.
     *
     * @param cpu CPU use, 0 to 100
     * @param memory memory use, 0 to 100
     */
    record Reading(@Percent Double cpu, @Percent Double memory) {
    }

    /**
     * Records a reading. The dashboard is updated by an effect, asynchronously: 202.
     *
     * @param reading the reading
     * @return the status the computeds give right now
     */
    @PostMapping("/system/metrics")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Current record(@Valid @RequestBody Reading reading) {
        monitor.record(reading.cpu(), reading.memory());
        return new Current(monitor.systemStatus().get(), monitor.avgCpu().get(), monitor.avgMemory().get());
    }

    /**
     * What the computeds say right after a reading.
     *
     * @param status the status
     * @param avgCpu the CPU average
     * @param avgMemory the memory average
     */
    record Current(String status, double avgCpu, double avgMemory) {
    }

    @GetMapping("/system/status")
    SystemDashboard.Dashboard status() {
        return dashboard.dashboard().get();
    }
}
