package io.reaktiv.sample.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.SampleAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventPipelineTest extends SampleAppTest {

    private JsonNode stats() {
        return http.get("/events/stats").expect(200);
    }

    private static String events(String service, String level, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("{\"service\": \"" + service + "\", \"level\": \"" + level + "\", \"ts\": " + (1619712000 + i) + "}");
        }
        return String.join(", ", out);
    }

    @Test
    void eachPostedArrayFlowsThroughThePipelineInOneBatch() {
        awaitEffectsIdle();
        long ingested = stats().path("ingested").asLong();
        long runs = node("pipelineAlerts.checkAlerts").path("runs").asLong();

        JsonNode after = http.post("/events", "[" + events("pl-auth", "ERROR", 3) + ", " + events("pl-pay", "INFO", 4)
                + ", {\"service\": \" PL-Auth \", \"level\": \"error\", \"ts\": \"2021-04-29T16:00:00Z\","
                + " \"message\": \"token expired\"}]").expect(200);
        assertThat(after.path("ingested").asLong()).isEqualTo(ingested + 8);
        assertThat(after.path("errorsByService").path("pl-auth").asInt()).isEqualTo(4);
        assertThat(after.path("errorsByService").has("pl-pay")).isFalse();
        JsonNode last = after.path("latestErrors").get(after.path("latestErrors").size() - 1);
        assertThat(last.toString()).isEqualTo("{\"service\":\"pl-auth\",\"level\":\"ERROR\","
                + "\"timestamp\":\"2021-04-29T16:00:00Z\",\"message\":\"token expired\"}");

        // One batch, one run of the alert effect (the raw events and the total changed together).
        awaitEffectsIdle();
        assertThat(node("pipelineAlerts.checkAlerts").path("runs").asLong()).isEqualTo(runs + 1);
        assertThat(stats().path("alerts").has("pl-auth")).isFalse();

        // Past the threshold (more than 5 errors), the effect raises an alert with the count.
        http.post("/events", "[" + events("pl-auth", "ERROR", 2) + "]").expect(200);
        await().untilAsserted(() -> assertThat(stats().path("alerts").path("pl-auth").asInt()).isEqualTo(6));
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        http.post("/events", "[" + events("pl-ok", "INFO", 1) + "]").expect(200);
        Map<String, Long> before = counters("eventPipeline.");
        long ingested = stats().path("ingested").asLong();

        assertThat(http.post("/events", "[" + events("pl-x", "INFO", 3) + ", {\"service\": \"pl-x\", \"level\": \"FATAL\"}]")
                .problem(400)).isEqualTo("[3].level must be one of [DEBUG, ERROR, INFO, WARN] (was 'FATAL')");
        assertThat(http.post("/events", "[{\"level\": \"INFO\"}]").problem(400))
                .isEqualTo("[0].service is required: 1 to 64 characters (was missing)");
        assertThat(http.post("/events", "[{\"service\": \"pl-x\", \"level\": \"INFO\", \"ts\": \"yesterday\"}]")
                .problem(400)).isEqualTo("[0].ts must be epoch seconds (a number >= 0) or an ISO-8601 instant "
                        + "such as 2021-04-29T16:00:00Z (was \"yesterday\")");
        assertThat(http.post("/events", "[{\"service\": \"pl-x\", \"level\": \"INFO\", \"ts\": -5}]").problem(400))
                .startsWith("[0].ts must be epoch seconds");
        assertThat(http.post("/events", "[{\"service\": \"pl-x\", \"level\": \"INFO\", \"host\": \"a\"}]")
                .problem(400)).isEqualTo("Unknown field '[0].host'; expected only [level, message, service, ts]");
        assertThat(http.post("/events", "{\"service\": \"pl-x\", \"level\": \"INFO\"}").problem(400))
                .startsWith("Wrong type for the request body: expected a JSON array");
        assertThat(http.post("/events", "[" + events("pl-x", "INFO", 1001) + "]").problem(400))
                .isEqualTo("Too many events: 1001; post at most 1000 at a time");

        assertThat(counters("eventPipeline.")).isEqualTo(before);
        assertThat(stats().path("ingested").asLong()).isEqualTo(ingested);
    }
}
