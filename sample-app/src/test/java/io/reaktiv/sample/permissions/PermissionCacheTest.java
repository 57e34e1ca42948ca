package io.reaktiv.sample.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.sample.SampleAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PermissionCacheTest extends SampleAppTest {

    private static final String CACHE = "permissionCache.accessibleContent.";

    /** The content a user sees, among the seed's items and this test's own (other tests may add content). */
    private List<String> contentOf(String user) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : http.get("/users/" + user + "/content").expect(200).path("content")) {
            String id = item.path("id").asString();
            if (Set.of("c1", "c2").contains(id) || id.startsWith("pc-")) {
                out.add(id);
            }
        }
        return out;
    }

    private long recomputes(String user) {
        return node(CACHE + user).path("recomputes").asLong();
    }

    @Test
    void theSeedsUsersSeeTheSeedsContent() {
        JsonNode bob = http.get("/users/user2/content").expect(200);
        assertThat(bob.path("name").asString()).isEqualTo("Bob");
        assertThat(bob.path("cacheNode").asString()).isEqualTo(CACHE + "user2");
        assertThat(contentOf("user1")).containsExactly("c1", "c2");
    }

    @Test
    void changingOneUsersLevelRecomputesThatUsersCacheOnly() {
        http.put("/users/pc-alice/permissions", "{\"level\": 5, \"name\": \"Alice\"}").expect(200);
        http.put("/users/pc-bob/permissions", "{\"level\": 2, \"name\": \"Bob\"}").expect(200);
        assertThat(contentOf("pc-alice")).containsExactly("c1", "c2");
        assertThat(contentOf("pc-bob")).containsExactly("c1");
        long alice = recomputes("pc-alice");
        long bob = recomputes("pc-bob");

        JsonNode promoted = http.put("/users/pc-bob/permissions", "{\"level\": 5}").expect(200);
        assertThat(promoted.path("name").asString()).isEqualTo("Bob");
        assertThat(contentOf("pc-bob")).containsExactly("c1", "c2");
        assertThat(contentOf("pc-alice")).containsExactly("c1", "c2");

        assertThat(recomputes("pc-bob")).isEqualTo(bob + 1);
        assertThat(recomputes("pc-alice")).isEqualTo(alice);
        JsonNode bobsCache = node(CACHE + "pc-bob");
        assertThat(bobsCache.path("causes")).hasSize(1);
        assertThat(bobsCache.path("causes").get(0).path("name").asString()).isEqualTo("permissionCache.level.pc-bob");

        // Reads of an unchanged cache never recompute it.
        contentOf("pc-bob");
        contentOf("pc-bob");
        assertThat(recomputes("pc-bob")).isEqualTo(bob + 1);

        // The same level again is no write at all.
        long levelWrites = node("permissionCache.level.pc-bob").path("writes").asLong();
        http.put("/users/pc-bob/permissions", "{\"level\": 5}").expect(200);
        assertThat(node("permissionCache.level.pc-bob").path("writes").asLong()).isEqualTo(levelWrites);
        assertThat(recomputes("pc-bob")).isEqualTo(bob + 1);

        // New content concerns everybody: each cache recomputes once, on its next read.
        http.put("/content/pc-report", "{\"title\": \"Report\", \"requiredLevel\": 3}").expect(200);
        assertThat(contentOf("pc-alice")).containsExactly("c1", "c2", "pc-report");
        assertThat(contentOf("pc-bob")).containsExactly("c1", "c2", "pc-report");
        assertThat(recomputes("pc-alice")).isEqualTo(alice + 1);
        assertThat(recomputes("pc-bob")).isEqualTo(bob + 2);
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        http.put("/users/pc-carol/permissions", "{\"level\": 3}").expect(200);
        Map<String, Long> before = counters("permissionCache.");

        assertThat(http.put("/users/pc-carol/permissions", "{\"level\": 11}").problem(400))
                .isEqualTo("Invalid request: level must be an integer from 0 to 10 (was 11)");
        assertThat(http.put("/users/pc-carol/permissions", "{\"level\": -1}").problem(400))
                .isEqualTo("Invalid request: level must be an integer from 0 to 10 (was -1)");
        assertThat(http.put("/users/pc-carol/permissions", "{\"level\": 2.5}").problem(400))
                .startsWith("Wrong type for 'level': expected an integer");
        assertThat(http.put("/users/pc-carol/permissions", "{\"level\": \"5\"}").problem(400))
                .startsWith("Wrong type for 'level': expected an integer");
        assertThat(http.put("/users/pc-carol/permissions", "{}").problem(400))
                .isEqualTo("Invalid request: level is required (an integer from 0 to 10)");
        assertThat(http.put("/users/pc-dave/permissions", "{\"level\": 3, \"name\": \"\"}").problem(400))
                .isEqualTo("Invalid request: name must be 1 to 100 characters (was )");
        assertThat(http.put("/content/pc-x", "{\"requiredLevel\": 3}").problem(400))
                .isEqualTo("Invalid request: title is required (1 to 200 characters)");
        assertThat(http.get("/users/pc-nobody/content").problem(404)).startsWith("No user 'pc-nobody'; known: ");

        assertThat(counters("permissionCache.")).isEqualTo(before);
        assertThat(http.get("/users/pc-dave/content").status()).isEqualTo(404);
    }
}
