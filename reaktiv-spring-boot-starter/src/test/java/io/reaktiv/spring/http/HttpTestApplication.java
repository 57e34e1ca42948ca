package io.reaktiv.spring.http;

import io.reaktiv.Computed;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/** The small application the HTTP test drives: the README's health-monitor example. */
@SpringBootConfiguration
@EnableAutoConfiguration
class HttpTestApplication {

    @Bean
    HealthMonitor healthMonitor() {
        return new HealthMonitor();
    }

    @Bean
    Alerts alerts(HealthMonitor healthMonitor) {
        return new Alerts(healthMonitor);
    }

    @Bean
    @Scope("prototype")
    Gadget gadget() {
        return new Gadget();
    }

    static class HealthMonitor {
        final Signal<Integer> serverMetrics = Reaktiv.signal(0);
        final Computed<String> healthStatus = Reaktiv.computed(() -> serverMetrics.get() < 50 ? "UP" : "DOWN");
    }

    static class Alerts {
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final HealthMonitor monitor;

        Alerts(HealthMonitor monitor) {
            this.monitor = monitor;
        }

        @ReactiveEffect
        void alertOnHealth() {
            sent.add(monitor.healthStatus.get());
        }
    }

    static class Gadget {
        final Signal<String> setting = Reaktiv.signal("on");
    }
}
