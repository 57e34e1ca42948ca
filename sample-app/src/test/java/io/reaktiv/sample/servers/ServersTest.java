package io.reaktiv.sample.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.SampleAppTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServersTest extends SampleAppTest {

    @AfterEach
    void restoreThresholds() {
        http.put("/thresholds", "{\"cpu\": 80, \"memory\": 90, \"disk\": 95}").expect(200);
    }

    private JsonNode report(String id, double cpu, double memory, double disk) {
        return http.post("/servers/" + id + "/metrics",
                "{\"cpu\": %s, \"memory\": %s, \"disk\": %s}".formatted(cpu, memory, disk)).expect(200);
    }

    private String status(String id) {
        return http.get("/servers/" + id).expect(200).path("status").asString();
    }

    private Map<String, String> alertsFor(String... ids) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode alert : http.get("/alerts").expect(200)) {
            if (List.of(ids).contains(alert.path("serverId").asString())) {
                out.put(alert.path("serverId").asString(), alert.path("reason").asString());
            }
        }
        return out;
    }

    private List<String> idsWithStatus(String status, String prefix) {
        List<String> out = new ArrayList<>();
        http.get("/servers").expect(200).path("byStatus").path(status)
                .forEach(id -> {
                    if (id.asString().startsWith(prefix)) {
                        out.add(id.asString());
                    }
                });
        return out;
    }

    @Test
    void metricsInGiveStatusAndAlertsOut() {
        assertThat(report("srv-a1", 70, 65, 80).path("status").asString()).isEqualTo("healthy");
        JsonNode second = report("srv-a2", 85, 50, 70);
        assertThat(second.path("status").asString()).isEqualTo("alert");
        assertThat(second.path("online").asBoolean()).isTrue();
        assertThat(second.path("lastSeen").asString()).isEqualTo(clock.instant().toString());

        assertThat(idsWithStatus("healthy", "srv-a")).containsExactly("srv-a1");
        assertThat(idsWithStatus("alert", "srv-a")).containsExactly("srv-a2");
        await().untilAsserted(() -> assertThat(alertsFor("srv-a1", "srv-a2"))
                .containsExactly(Map.entry("srv-a2", "cpu 85 > 80")));

        // Every metric over its threshold is named; the alert stays one alert with an updated reason.
        report("srv-a2", 85, 91, 96);
        await().untilAsserted(() -> assertThat(alertsFor("srv-a2"))
                .containsExactly(Map.entry("srv-a2", "cpu 85 > 80, memory 91 > 90, disk 96 > 95")));

        // Back under the thresholds: the effect clears the alert.
        report("srv-a2", 10, 10, 10);
        assertThat(status("srv-a2")).isEqualTo("healthy");
        await().untilAsserted(() -> assertThat(alertsFor("srv-a2")).isEmpty());
    }

    @Test
    void maintenanceSuppressesTheAlertUntilItEnds() {
        report("srv-m1", 99, 10, 10);
        await().untilAsserted(() -> assertThat(alertsFor("srv-m1")).containsKey("srv-m1"));

        JsonNode inMaintenance = http.put("/servers/srv-m1/maintenance", "{\"enabled\": true}").expect(200);
        assertThat(inMaintenance.path("status").asString()).isEqualTo("maintenance");
        assertThat(idsWithStatus("maintenance", "srv-m")).containsExactly("srv-m1");
        await().untilAsserted(() -> assertThat(alertsFor("srv-m1")).isEmpty());

        assertThat(http.put("/servers/srv-m1/maintenance", "{\"enabled\": false}").expect(200)
                .path("status").asString()).isEqualTo("alert");
        await().untilAsserted(() -> assertThat(alertsFor("srv-m1"))
                .containsExactly(Map.entry("srv-m1", "cpu 99 > 80")));
    }

    @Test
    void newThresholdsRecomputeEveryStatus() {
        report("srv-t1", 70, 65, 80);
        report("srv-t2", 78, 50, 70);
        assertThat(idsWithStatus("healthy", "srv-t")).containsExactly("srv-t1", "srv-t2");

        JsonNode thresholds = http.put("/thresholds", "{\"cpu\": 75, \"memory\": 90, \"disk\": 95}").expect(200);
        assertThat(thresholds.path("cpu").asDouble()).isEqualTo(75.0);
        assertThat(idsWithStatus("healthy", "srv-t")).containsExactly("srv-t1");
        assertThat(idsWithStatus("alert", "srv-t")).containsExactly("srv-t2");
        await().untilAsserted(() -> assertThat(alertsFor("srv-t1", "srv-t2"))
                .containsExactly(Map.entry("srv-t2", "cpu 78 > 75")));
    }

    @Test
    void aServerNotSeenForSixtySecondsIsOfflineByTheTickedTimeSignal() {
        report("srv-o1", 10, 10, 10);
        advance(Duration.ofSeconds(59));
        assertThat(status("srv-o1")).isEqualTo("healthy");
        assertThat(http.get("/servers/srv-o1").expect(200).path("online").asBoolean()).isTrue();

        // Moving the clock alone changes nothing: computeds never read it, only the ticked signal.
        clock.advance(Duration.ofSeconds(1));
        assertThat(status("srv-o1")).isEqualTo("healthy");
        time.tick();
        assertThat(status("srv-o1")).isEqualTo("offline");
        assertThat(idsWithStatus("offline", "srv-o")).containsExactly("srv-o1");

        // Reporting again brings it back.
        report("srv-o1", 10, 10, 10);
        assertThat(status("srv-o1")).isEqualTo("healthy");
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        report("srv-b1", 10, 10, 10);
        Map<String, Long> before = counters("serverMonitor.");

        assertThat(http.post("/servers/srv-b1/metrics", "{\"cpu\": 50,").problem(400)).startsWith("Malformed JSON");
        assertThat(http.post("/servers/srv-b1/metrics", "{\"cpu\": 50, \"memory\": 50}").problem(400))
                .isEqualTo("Invalid request: disk is required and must be a number from 0 to 100");
        assertThat(http.post("/servers/srv-b1/metrics", "{\"cpu\": 150, \"memory\": 50, \"disk\": 1}").problem(400))
                .isEqualTo("Invalid request: cpu is required and must be a number from 0 to 100 (was 150.0)");
        assertThat(http.post("/servers/srv-b1/metrics", "{\"cpu\": 5, \"memory\": -1, \"disk\": 1}").problem(400))
                .isEqualTo("Invalid request: memory is required and must be a number from 0 to 100 (was -1.0)");
        assertThat(http.post("/servers/srv-b1/metrics", "{\"cpu\": \"high\", \"memory\": 5, \"disk\": 1}")
                .problem(400)).startsWith("Wrong type for 'cpu': expected a number");
        assertThat(http.post("/servers/srv-b1/metrics", "{\"cpu\": 5, \"memory\": 5, \"disc\": 1}").problem(400))
                .isEqualTo("Unknown field 'disc'; expected only [cpu, disk, memory]");
        assertThat(http.post("/servers/srv-b1/metrics", "[1, 2, 3]").problem(400))
                .startsWith("Wrong type for the request body: expected a JSON object");
        assertThat(http.post("/servers/srv-b1/metrics", "").problem(400))
                .startsWith("Required request body is missing");
        assertThat(http.post("/servers/bad%20id!/metrics", "{\"cpu\": 5, \"memory\": 5, \"disk\": 1}").problem(400))
                .isEqualTo("Invalid request: id must be 1-64 characters of letters, digits, '.', '_' or '-' (was bad id!)");
        assertThat(http.put("/servers/srv-nope/maintenance", "{\"enabled\": true}").problem(404))
                .startsWith("No server 'srv-nope'; known: ");
        assertThat(http.put("/servers/srv-b1/maintenance", "{\"enabled\": \"yes\"}").problem(400))
                .startsWith("Wrong type for 'enabled': expected true or false");
        assertThat(http.put("/servers/srv-b1/maintenance", "{}").problem(400))
                .isEqualTo("Invalid request: enabled is required (true or false)");
        assertThat(http.put("/thresholds", "{\"cpu\": 75, \"memory\": 101, \"disk\": 95}").problem(400))
                .isEqualTo("Invalid request: memory is required and must be a number from 0 to 100 (was 101.0)");
        assertThat(http.get("/servers/srv-nope").problem(404)).startsWith("No server 'srv-nope'");

        assertThat(counters("serverMonitor.")).isEqualTo(before);
        assertThat(http.get("/thresholds").expect(200).path("memory").asDouble()).isEqualTo(90.0);
    }
}
