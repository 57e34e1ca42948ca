package io.reaktiv.sample.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The demo upstream ({@code /api/orders}, guarded by the gateway filter), its failure switch, and the gateway's state. */
@RestController
class GatewayController {

    private static final List<Map<String, Object>> ORDERS = List.of(
            Map.of("id", "o-1001", "item", "keyboard", "quantity", 1),
            Map.of("id", "o-1002", "item", "monitor", "quantity", 2),
            Map.of("id", "o-1003", "item", "cable", "quantity", 5));

    private final OrdersUpstream upstream;
    private final Gateway gateway;
    private final GatewayMonitor monitor;

    GatewayController(OrdersUpstream upstream, Gateway gateway, GatewayMonitor monitor) {
        this.upstream = upstream;
        this.gateway = gateway;
        this.monitor = monitor;
    }

    /**
     * The share of upstream calls that fail.
     *
     * @param rate 0 to 1
     */
    record FailureRate(
            @NotNull(message = "is required (a number from 0 to 1)")
            @DecimalMin(value = "0", message = "must be a number from 0 to 1")
            @DecimalMax(value = "1", message = "must be a number from 0 to 1") Double rate) {
    }

    /**
     * The upstream's switch and counts.
     *
     * @param rate the share of calls that fail
     * @param calls calls since the rate was set
     * @param failures of which failed
     */
    record UpstreamView(double rate, long calls, long failures) {
    }

    @GetMapping("/api/orders")
    List<Map<String, Object>> orders() {
        if (upstream.nextCallFails()) {
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Simulated upstream failure (failure rate " + upstream.failureRate().get() + ")");
        }
        return ORDERS;
    }

    @PutMapping("/upstream/orders/failure-rate")
    UpstreamView setFailureRate(@Valid @RequestBody FailureRate request) {
        upstream.setFailureRate(request.rate());
        return upstreamView();
    }

    @GetMapping("/upstream/orders/failure-rate")
    UpstreamView upstreamView() {
        return new UpstreamView(upstream.failureRate().get(), upstream.calls(), upstream.failures());
    }

    @GetMapping("/gateway")
    GatewayView gateway() {
        return gateway.view();
    }

    @GetMapping("/gateway/events")
    List<GatewayMonitor.GatewayEvent> events() {
        return monitor.events();
    }
}
