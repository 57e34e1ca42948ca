package io.reaktiv.sample.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.SampleAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectionPoolTest extends SampleAppTest {

    private JsonNode pool() {
        return http.get("/pool").expect(200);
    }

    /** Posts a demand and waits until the autoscaler settled on {@code size}. */
    private JsonNode demand(int demand, int size) {
        http.post("/pool/demand", "{\"demand\": " + demand + "}").expect(200);
        await().untilAsserted(() -> assertThat(pool().path("size").asInt()).isEqualTo(size));
        awaitEffectsIdle();
        JsonNode pool = pool();
        assertThat(pool.path("size").asInt()).isEqualTo(size);
        return pool;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void theEffectGrowsAndShrinksThePoolWithinItsBounds() {
        demand(0, 2);
        List<String> before = strings(pool().path("resizes"));

        JsonNode pool = demand(8, 8);
        assertThat(List.of(pool.path("busy").asInt(), pool.path("idle").asInt(), pool.path("needed").asInt()))
                .containsExactly(8, 0, 0);

        pool = demand(50, 20);
        assertThat(List.of(pool.path("busy").asInt(), pool.path("idle").asInt(), pool.path("needed").asInt()))
                .as("capped at the maximum; 30 connections stay wanted").containsExactly(20, 0, 30);

        pool = demand(15, 15);
        assertThat(pool.path("idle").asInt()).isZero();

        pool = demand(13, 15);
        assertThat(pool.path("idle").asInt()).as("2 idle is within max-idle 3: no shrink").isEqualTo(2);

        demand(0, 2);
        List<String> resizes = strings(pool().path("resizes"));
        assertThat(resizes.subList(before.size(), resizes.size())).containsExactly(
                "grew 2 -> 8 (demand 8)",
                "grew 8 -> 20 (demand 50)",
                "shrank 20 -> 15 (demand 15)",
                "shrank 15 -> 2 (demand 0)");
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        demand(1, 2);
        Map<String, Long> before = counters("connectionPool.");

        assertThat(http.post("/pool/demand", "{\"demand\": -1}").problem(400))
                .isEqualTo("Invalid request: demand must be an integer from 0 to 10000 (was -1)");
        assertThat(http.post("/pool/demand", "{\"demand\": 10001}").problem(400))
                .isEqualTo("Invalid request: demand must be an integer from 0 to 10000 (was 10001)");
        assertThat(http.post("/pool/demand", "{\"demand\": 2.5}").problem(400))
                .startsWith("Wrong type for 'demand': expected an integer");
        assertThat(http.post("/pool/demand", "{\"demand\": \"ten\"}").problem(400))
                .startsWith("Wrong type for 'demand': expected an integer");
        assertThat(http.post("/pool/demand", "{}").problem(400))
                .isEqualTo("Invalid request: demand is required (an integer from 0 to 10000)");

        assertThat(counters("connectionPool.")).isEqualTo(before);
        assertThat(pool().path("demand").asInt()).isEqualTo(1);
    }
}
