package io.reaktiv.sample.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.SampleAppTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SystemMonitorTest extends SampleAppTest {

    /** Posts five readings (the whole averaging window) and returns the last response. */
    private JsonNode readings(double memory, double... cpu) {
        JsonNode last = null;
        for (double c : cpu) {
            last = http.post("/system/metrics", "{\"cpu\": " + c + ", \"memory\": " + memory + "}").expect(202);
        }
        return last;
    }

    private JsonNode dashboard() {
        return http.get("/system/status").expect(200);
    }

    @Test
    void movingAveragesDecideTheStatusAndTheEffectKeepsTheDashboard() {
        JsonNode normal = readings(40, 50, 55, 60, 65, 70);
        assertThat(normal.path("status").asString()).isEqualTo("normal");
        assertThat(normal.path("avgCpu").asDouble()).isEqualTo(60.0);
        await().untilAsserted(() -> assertThat(dashboard().path("avgCpu").asDouble()).isEqualTo(60.0));
        assertThat(dashboard().path("status").asString()).isEqualTo("normal");
        int episodes = dashboard().path("criticalEpisodes").asInt();

        assertThat(readings(40, 75, 75, 75, 75, 75).path("status").asString()).isEqualTo("warning");
        await().untilAsserted(() -> assertThat(dashboard().path("status").asString()).isEqualTo("warning"));

        assertThat(readings(40, 95, 95, 95, 95, 95).path("status").asString()).isEqualTo("critical");
        await().untilAsserted(() -> assertThat(dashboard().path("status").asString()).isEqualTo("critical"));
        assertThat(dashboard().path("criticalEpisodes").asInt()).isEqualTo(episodes + 1);
        assertThat(dashboard().path("since").asString()).isEqualTo(clock.instant().toString());

        readings(10, 10, 10, 10, 10, 10);
        await().untilAsserted(() -> assertThat(dashboard().path("status").asString()).isEqualTo("normal"));

        // Memory alone is enough: a second critical episode.
        assertThat(readings(95, 10, 10, 10, 10, 10).path("status").asString()).isEqualTo("critical");
        await().untilAsserted(() -> assertThat(dashboard().path("avgMemory").asDouble()).isEqualTo(95.0));
        assertThat(dashboard().path("status").asString()).isEqualTo("critical");
        assertThat(dashboard().path("criticalEpisodes").asInt()).isEqualTo(episodes + 2);
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        readings(10, 10);
        Map<String, Long> before = counters("systemMonitor.");

        assertThat(http.post("/system/metrics", "{\"cpu\": 101, \"memory\": 5}").problem(400))
                .isEqualTo("Invalid request: cpu is required and must be a number from 0 to 100 (was 101.0)");
        assertThat(http.post("/system/metrics", "{\"cpu\": 5}").problem(400))
                .isEqualTo("Invalid request: memory is required and must be a number from 0 to 100");
        assertThat(http.post("/system/metrics", "{\"cpu\": \"x\", \"memory\": 5}").problem(400))
                .startsWith("Wrong type for 'cpu': expected a number");

        assertThat(counters("systemMonitor.")).isEqualTo(before);
    }
}
