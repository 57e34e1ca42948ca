package io.reaktiv.sample.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.SampleAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FeatureFlagsTest extends SampleAppTest {

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private List<String> features(String user) {
        return strings(http.get("/users/" + user + "/features").expect(200).path("features"));
    }

    private List<String> grantsOf(String user) {
        List<String> out = new ArrayList<>();
        for (JsonNode grant : http.get("/flags/beta-grants").expect(200)) {
            if (grant.path("user").asString().equals(user)) {
                out.add(grant.path("feature").asString());
            }
        }
        return out;
    }

    @Test
    void theSeedsUserGetsTheSeedsFeatures() {
        JsonNode user1 = http.get("/users/user1/features").expect(200);
        assertThat(strings(user1.path("segments"))).containsExactly("beta_tester", "premium");
        assertThat(strings(user1.path("features"))).containsExactly("beta_feature", "dark_mode", "new_dashboard");
    }

    @Test
    void segmentsAndFlagsDecideFeatures() {
        JsonNode user = http.put("/users/fl-u1/segments", "{\"segments\": [\"premium\"]}").expect(200);
        assertThat(strings(user.path("features"))).containsExactly("dark_mode", "new_dashboard");

        http.put("/flags/fl_checkout", "{\"enabled\": true, \"segments\": [\"fl-seg\"]}").expect(200);
        assertThat(features("fl-u1")).containsExactly("dark_mode", "new_dashboard");
        http.put("/users/fl-u1/segments", "{\"segments\": [\"premium\", \"fl-seg\"]}").expect(200);
        assertThat(features("fl-u1")).containsExactly("dark_mode", "fl_checkout", "new_dashboard");

        JsonNode disabled = http.put("/flags/fl_checkout", "{\"enabled\": false, \"segments\": [\"fl-seg\"]}")
                .expect(200);
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(features("fl-u1")).containsExactly("dark_mode", "new_dashboard");
        assertThat(http.get("/flags").expect(200).path("fl_checkout").path("segments").get(0).asString())
                .isEqualTo("fl-seg");
    }

    @Test
    void theEffectLogsEachUserGainingABetaFeatureOnce() {
        http.put("/flags/beta_fl_search", "{\"enabled\": true, \"segments\": [\"fl-beta\"]}").expect(200);
        http.put("/users/fl-u2/segments", "{\"segments\": [\"basic\"]}").expect(200);
        awaitEffectsIdle();
        assertThat(grantsOf("fl-u2")).isEmpty();

        http.put("/users/fl-u2/segments", "{\"segments\": [\"basic\", \"fl-beta\"]}").expect(200);
        await().untilAsserted(() -> assertThat(grantsOf("fl-u2")).containsExactly("beta_fl_search"));

        // Nothing new gained: no new grant. Losing and regaining it is a new grant.
        http.put("/users/fl-u2/segments", "{\"segments\": [\"fl-beta\", \"basic\", \"other\"]}").expect(200);
        http.put("/users/fl-u2/segments", "{\"segments\": [\"basic\"]}").expect(200);
        awaitEffectsIdle();
        assertThat(grantsOf("fl-u2")).containsExactly("beta_fl_search");
        http.put("/users/fl-u2/segments", "{\"segments\": [\"fl-beta\"]}").expect(200);
        await().untilAsserted(() -> assertThat(grantsOf("fl-u2")).containsExactly("beta_fl_search", "beta_fl_search"));
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        http.put("/users/fl-u3/segments", "{\"segments\": [\"premium\"]}").expect(200);
        Map<String, Long> before = counters("featureFlags.");

        assertThat(http.put("/flags/fl_x", "{\"enabled\": \"yes\", \"segments\": []}").problem(400))
                .startsWith("Wrong type for 'enabled': expected true or false");
        assertThat(http.put("/flags/fl_x", "{\"enabled\": true}").problem(400))
                .isEqualTo("Invalid request: segments is required (a list of segment names, empty for everybody)");
        assertThat(http.put("/flags/fl_x", "{\"enabled\": true, \"segments\": \"premium\"}").problem(400))
                .startsWith("Wrong type for 'segments': expected a JSON array");
        assertThat(http.put("/flags/fl_x", "{\"enabled\": true, \"segments\": [\"no spaces\"]}").problem(400))
                .contains("segments").contains("must be 1-64 characters").contains("no spaces");
        assertThat(http.put("/flags/fl%20x", "{\"enabled\": true, \"segments\": []}").problem(400))
                .contains("name must be 1-64 characters");
        assertThat(http.put("/users/fl-u3/segments", "{\"segments\": null}").problem(400))
                .isEqualTo("Invalid request: segments is required (a list of segment names, may be empty)");
        assertThat(http.put("/users/fl-u3/segments", "{\"segment\": []}").problem(400))
                .isEqualTo("Unknown field 'segment'; expected only [segments]");
        assertThat(http.get("/users/fl-nobody/features").problem(404)).startsWith("No user 'fl-nobody'; known: ");

        assertThat(counters("featureFlags.")).isEqualTo(before);
        assertThat(features("fl-u3")).containsExactly("dark_mode", "new_dashboard");
    }
}
