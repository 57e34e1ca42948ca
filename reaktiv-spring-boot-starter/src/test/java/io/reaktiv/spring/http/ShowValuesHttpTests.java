package io.reaktiv.spring.http;

import static io.reaktiv.spring.http.Http.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.Computed;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import io.reaktiv.spring.actuate.GraphDescriber;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** With {@code management.endpoint.reaktiv.show-values=always}, nodes carry their values and errors. */
@SpringBootTest(classes = ShowValuesHttpTests.ValuesApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=reaktiv",
                "management.endpoint.reaktiv.show-values=always", "reaktiv.scheduler.mode=inline" })
class ShowValuesHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Inventory inventory;

    @Test
    void nodesShouldCarryValuesAndErrors() {
        await().until(() -> inventory.shown); // the effects ran (inline: during startup)
        Map<String, Object> graph = new Http(port).get("/actuator/reaktiv").json();
        assertThat(node(graph, "inventory.stock")).containsEntry("value", "5");
        assertThat(node(graph, "inventory.label")).containsEntry("value", "stock: 5").containsEntry("stale", false);
        assertThat(node(graph, "inventory.broken")).containsEntry("error", "java.lang.IllegalStateException: no price")
                .doesNotContainKey("value");
        assertThat(node(graph, "inventory.neverRead")).doesNotContainKeys("value", "error")
                .containsEntry("stale", true);
        assertThat(node(graph, "inventory.longText")).containsEntry("value",
                "x".repeat(GraphDescriber.MAX_VALUE_LENGTH) + "...");
        assertThat(node(graph, "inventory.fail")).containsEntry("lastError",
                "java.lang.IllegalStateException: out of stock").containsEntry("errors", 1);
        assertThat(new Http(port).get("/actuator/reaktiv/inventory.label").json()).containsEntry("value", "stock: 5");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ValuesApplication {
        @Bean
        Inventory inventory() {
            return new Inventory();
        }
    }

    static class Inventory {
        final Signal<Integer> stock = Reaktiv.signal(5);
        final Computed<String> label = Reaktiv.computed(() -> "stock: " + stock.get());
        final Computed<String> broken = Reaktiv.computed(() -> {
            throw new IllegalStateException("no price");
        });
        final Computed<String> neverRead = Reaktiv.computed(() -> "never");
        final Signal<String> longText = Reaktiv.signal("x".repeat(300));
        volatile boolean shown;

        @ReactiveEffect
        void show() {
            label.get();
            try {
                broken.get();
            } catch (IllegalStateException expected) {
                // shown as the computed's error
            }
            shown = true;
        }

        @ReactiveEffect
        void fail() {
            throw new IllegalStateException("out of " + (stock.get() > 0 ? "stock" : "luck"));
        }
    }
}
