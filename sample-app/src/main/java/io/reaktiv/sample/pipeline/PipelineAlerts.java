package io.reaktiv.sample.pipeline;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code check_alerts}: a service with more errors than the threshold among the retained events is in
 * alert. The alerts (service to error count) are a signal; a newly alerted service is logged at WARN.
 */
@Component
public class PipelineAlerts {

    private static final Logger log = LoggerFactory.getLogger(PipelineAlerts.class);

    private final EventPipeline pipeline;
    private final int threshold;
    private final Signal<Map<String, Integer>> alerts = signal(Map.of());

    /**
     * Creates the alerting.
     *
     * @param pipeline the pipeline it watches
     * @param properties the threshold
     */
    public PipelineAlerts(EventPipeline pipeline, PipelineProperties properties) {
        this.pipeline = pipeline;
        this.threshold = properties.alertThreshold();
    }

    /** Runs after startup and whenever the error counts changed. */
    @ReactiveEffect
    void checkAlerts() {
        Map<String, Integer> next = new TreeMap<>();
        Map<String, Integer> before = alerts.peek();
        pipeline.errorCountByService().get().forEach((service, count) -> {
            if (count > threshold) {
                next.put(service, count);
                if (!before.containsKey(service)) {
                    log.warn("ALERT: {} has {} errors", service, count);
                }
            }
        });
        alerts.set(Collections.unmodifiableMap(next));
    }

    /**
     * Returns the services in alert.
     *
     * @return service to error count
     */
    public ReadableSignal<Map<String, Integer>> alerts() {
        return alerts.asReadonly();
    }
}
