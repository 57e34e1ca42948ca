package io.reaktiv.spring.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reaktiv.EffectErrorHandler;
import io.reaktiv.EffectScheduler;
import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.NodeSnapshot;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.Graphs;
import io.reaktiv.spring.ReactiveEffect;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The engine is process-wide, contexts are not: two applications in one JVM both work, closing one leaves the
 * other's effects, endpoint and meters working, and once both are closed the engine holds nothing of theirs.
 */
class TwoContextsTests {

    @Test
    void contextsShouldNotLeakIntoEachOther() {
        EffectScheduler defaultScheduler = Reaktiv.defaultScheduler();
        EffectErrorHandler errorHandler = Reaktiv.errorHandler();
        ConfigurableApplicationContext first = start();
        long firstEffect = newestEffectId();
        ConfigurableApplicationContext second = start();
        try {
            assertThat(newestEffectId()).isNotEqualTo(firstEffect);
            Twin a = first.getBean(Twin.class);
            Twin b = second.getBean(Twin.class);
            await().until(() -> a.seen.size() == 1 && b.seen.size() == 1);
            a.level.set(1);
            await().until(() -> a.seen.equals(List.of(0, 1)));
            assertThat(b.seen).containsExactly(0);
            assertThat(a.threads).allMatch(t -> t.startsWith("reaktiv-"));

            ExecutorEffectScheduler firstScheduler = first.getBean(ExecutorEffectScheduler.class);
            ExecutorEffectScheduler secondScheduler = second.getBean(ExecutorEffectScheduler.class);
            first.close();

            assertThat(firstScheduler.isShutdown()).isTrue();
            assertThat(secondScheduler.isShutdown()).isFalse();
            assertThat(Reaktiv.graph().byId(firstEffect).map(NodeSnapshot::disposed).orElse(true)).isTrue();
            assertThat(Graphs.active("twin.watch")).hasSize(1);

            b.level.set(2);
            await().until(() -> b.seen.equals(List.of(0, 2)));
            Http http = new Http(port(second));
            Map<String, Object> effect = http.get("/actuator/reaktiv/twin.watch").json();
            assertThat(effect).containsEntry("kind", "effect").containsEntry("runs", 2);
            assertThat(http.get("/actuator/health/reaktiv").json()).containsEntry("status", "UP");
            MeterRegistry registry = second.getBean(MeterRegistry.class);
            await().untilAsserted(() -> {
                registry.getMeters().forEach(TwoContextsTests::poll);
                // the JVM-wide total: both contexts' runs (2 each), the closed one's included
                assertThat(registry.get("reaktiv.effect.runs").tag("name", "twin.watch").functionCounter().count())
                        .isEqualTo(4);
            });
        } finally {
            first.close();
            second.close();
        }
        assertThat(Graphs.active("twin.watch")).isEmpty();
        assertThat(Reaktiv.defaultScheduler()).isSameAs(defaultScheduler);
        assertThat(Reaktiv.errorHandler()).isSameAs(errorHandler);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TwinApplication.class)
                .properties("server.port=0", "management.endpoints.web.exposure.include=reaktiv,health",
                        "management.endpoint.health.show-details=always", "spring.jmx.enabled=false")
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static long newestEffectId() {
        return Graphs.node("twin.watch").id();
    }

    private static void poll(Meter meter) {
        meter.measure().forEach(m -> m.getValue());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TwinApplication {
        @Bean
        Twin twin() {
            return new Twin();
        }
    }

    static class Twin {
        final Signal<Integer> level = Reaktiv.signal(0);
        final List<Integer> seen = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @ReactiveEffect
        void watch() {
            seen.add(level.get());
            threads.add(Thread.currentThread().getName());
        }
    }
}
