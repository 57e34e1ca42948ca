package io.reaktiv.sample.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.SampleAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LayeredConfigTest extends SampleAppTest {

    private JsonNode effective(String key) {
        return http.get("/config/effective").expect(200).path(key);
    }

    private List<String> changesOf(String prefix) {
        List<String> out = new ArrayList<>();
        for (JsonNode change : http.get("/config/changes").expect(200)) {
            if (change.path("change").asString().startsWith(prefix)) {
                out.add(change.path("change").asString());
            }
        }
        return out;
    }

    @Test
    void theSeedsLayersMergeWithTheInstanceWinning() {
        JsonNode global = http.get("/config/global").expect(200);
        assertThat(global.path("timeout").isNumber()).isTrue();
        assertThat(http.get("/config/service").expect(200).path("auth").path("timeout").isNumber()).isTrue();
        assertThat(http.get("/config/instance").expect(200).has("log_level")).isTrue();
        assertThat(effective("log_level")).isEqualTo(http.get("/config/instance").expect(200).path("log_level"));
    }

    /**
     * Patches a layer and waits for the audit effect: effects run on the starter's executor, which coalesces
     * notifications (two quick patches may be audited as one change), so each step waits to be logged alone.
     */
    private JsonNode patch(String layer, String json) {
        JsonNode result = http.put("/config/" + layer, json).expect(200);
        awaitEffectsIdle();
        return result;
    }

    @Test
    void laterLayersWinKeyByKeyAndNestedObjectsMerge() {
        patch("global", "{\"cfg_t\": {\"a\": 1, \"b\": {\"x\": 1}, \"c\": \"global\"}}");
        patch("service", "{\"cfg_t\": {\"b\": {\"y\": 2}, \"c\": \"service\"}}");
        JsonNode instance = patch("instance", "{\"cfg_t\": {\"a\": 3}}");
        assertThat(instance.path("cfg_t").toString()).isEqualTo("{\"a\":3}");
        assertThat(effective("cfg_t").toString()).isEqualTo("{\"a\":3,\"b\":{\"x\":1,\"y\":2},\"c\":\"service\"}");

        // A lower layer's change is hidden where a higher layer sets the key, and shows where none does.
        patch("global", "{\"cfg_t\": {\"a\": 5, \"b\": {\"x\": 7}}}");
        assertThat(effective("cfg_t").toString()).isEqualTo("{\"a\":3,\"b\":{\"x\":7,\"y\":2},\"c\":\"service\"}");

        // null removes a key from a layer (JSON merge patch): the global value shows through again.
        assertThat(patch("instance", "{\"cfg_t\": {\"a\": null}}").path("cfg_t").toString())
                .isEqualTo("{}");
        assertThat(effective("cfg_t").toString()).isEqualTo("{\"a\":5,\"b\":{\"x\":7,\"y\":2},\"c\":\"service\"}");

        await().untilAsserted(() -> assertThat(changesOf("cfg_t")).containsExactly(
                "cfg_t: added {a=1, b={x=1}, c=global}",
                "cfg_t.b.y: added 2",
                "cfg_t.c: global -> service",
                "cfg_t.a: 1 -> 3",
                "cfg_t.b.x: 1 -> 7",
                "cfg_t.a: 3 -> 5"));
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        http.put("/config/global", "{\"cfg_bad\": 1}").expect(200);
        Map<String, Long> before = counters("layeredConfig.");

        assertThat(http.put("/config/galactic", "{\"a\": 1}").problem(404))
                .isEqualTo("No config layer 'galactic'; known: global, instance, service");
        assertThat(http.put("/config/global", "[1, 2]").problem(400))
                .startsWith("Wrong type for the request body: expected a JSON object");
        assertThat(http.put("/config/global", "{\"a\": ").problem(400)).startsWith("Malformed JSON");
        assertThat(http.put("/config/global", "{\"ok\": 1, \"db\": {\"pool.size\": 5}}").problem(400))
                .isEqualTo("Invalid configuration patch: key 'db.pool.size' must be 1-100 characters without '.'");
        assertThat(http.put("/config/global", "{\"\": 1}").problem(400))
                .isEqualTo("Invalid configuration patch: key '' must be 1-100 characters without '.'");
        String deep = "{\"a\":".repeat(11) + "1" + "}".repeat(11);
        assertThat(http.put("/config/global", deep).problem(400))
                .isEqualTo("Invalid configuration patch: 'a.a.a.a.a.a.a.a.a.a' nests deeper than 10 levels");

        assertThat(counters("layeredConfig.")).isEqualTo(before);
        assertThat(http.get("/config/global").expect(200).has("ok")).isFalse();
    }
}
