package io.reaktiv.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.ExecutorEffectScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The base of every HTTP test: the whole app on a random port with a clock that moves only when a test moves it.
 * Every test class extends this without adding configuration, so they all share one application context (one
 * reactive graph); tests therefore use their own ids and assert on their own nodes, or on differences.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SampleAppTest.TestClockConfiguration.class)
public abstract class SampleAppTest {

    /** Where the test clock starts. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @LocalServerPort
    private int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TimeSource time;

    @Autowired
    private ObjectProvider<ExecutorEffectScheduler> scheduler;

    /** Sends requests to the app. */
    protected Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    /** Replaces the system clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    /**
     * Moves the clock and ticks the time signal, as the scheduled task would a moment later.
     *
     * @param duration how far
     */
    protected void advance(Duration duration) {
        clock.advance(duration);
        time.tick();
    }

    /** Waits until no effect is queued or running on the starter's managed scheduler. */
    protected void awaitEffectsIdle() {
        ExecutorEffectScheduler executor = scheduler.getIfAvailable();
        if (executor != null) {
            try {
                assertThat(executor.awaitIdle(Duration.ofSeconds(10))).as("effects idle").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Returns one node of the graph from {@code /actuator/reaktiv/{name}}.
     *
     * @param name the node name
     * @return the node
     */
    protected JsonNode node(String name) {
        return http.get("/actuator/reaktiv/" + name).expect(200);
    }

    /**
     * Returns the counters (writes, recomputes, runs) of every node whose name starts with {@code prefix}, from
     * {@code /actuator/reaktiv}: what "nothing changed" compares.
     *
     * @param prefix a name prefix such as {@code "serverMonitor."}
     * @return name and counter to value, such as {@code serverMonitor.thresholds.writes -> 3}
     */
    protected Map<String, Long> counters(String prefix) {
        awaitEffectsIdle();
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode node : http.get("/actuator/reaktiv").expect(200).path("nodes")) {
            String name = node.path("name").asString("");
            if (name.startsWith(prefix)) {
                for (String counter : new String[] {"writes", "recomputes", "runs"}) {
                    if (node.has(counter)) {
                        out.put(name + "." + counter, node.path(counter).asLong());
                    }
                }
            }
        }
        assertThat(out).as("nodes named %s*", prefix).isNotEmpty();
        return out;
    }
}
