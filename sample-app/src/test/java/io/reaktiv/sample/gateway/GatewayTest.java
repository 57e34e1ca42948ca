package io.reaktiv.sample.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.sample.Http;
import io.reaktiv.sample.SampleAppTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GatewayTest extends SampleAppTest {

    /**
     * Every test starts on a quiet gateway: the upstream healthy and two minutes since the last request, so every
     * client's minute and every endpoint's failure window are empty (pruned on the next request).
     */
    @BeforeEach
    void quietGateway() {
        http.put("/upstream/orders/failure-rate", "{\"rate\": 0}").expect(200);
        advance(Duration.ofMinutes(2));
    }

    private Http.Response order(String client) {
        return http.get("/api/orders", "X-Client-Id", client);
    }

    private JsonNode gateway() {
        return http.get("/gateway").expect(200);
    }

    /** Sends {@code perClient} requests for each client from {@code threads} threads at once; counts statuses. */
    private Map<Integer, AtomicInteger> concurrently(int threads, List<String> clients, int perClient)
            throws Exception {
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < perClient; i++) {
            requests.addAll(clients);
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        statuses.computeIfAbsent(order(requests.get(i)).status(), s -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    @Test
    void aBurstFromOneClientIsThrottledWithRetryAfterWhileOthersPass() {
        for (int i = 0; i < 100; i++) {
            order("gw-greedy").expect(200);
        }
        Http.Response refused = order("gw-greedy");
        assertThat(refused.problem(429))
                .isEqualTo("Client 'gw-greedy' made 100 requests in the last minute; the limit is 100 per minute");
        assertThat(refused.header("Retry-After")).hasValue("60");
        assertThat(order("gw-quiet").status()).isEqualTo(200);

        JsonNode state = gateway();
        assertThat(state.path("limitPerMinute").asInt()).isEqualTo(100);
        assertThat(state.path("overallPerMinute").asInt()).isEqualTo(101);
        assertThat(state.path("clients").path("gw-greedy").path("requestsLastMinute").asInt()).isEqualTo(100);
        assertThat(state.path("clients").path("gw-greedy").path("throttled").asInt()).isEqualTo(1);
        assertThat(state.path("throttled").toString()).isEqualTo("[\"gw-greedy\"]");
        await().untilAsserted(() -> assertThat(http.get("/gateway/events").expect(200).toString())
                .contains("client gw-greedy is throttled"));

        // 59 s later the minute is not over yet; at 60 s it is, and the client is served again.
        advance(Duration.ofSeconds(59));
        assertThat(order("gw-greedy").header("Retry-After")).hasValue("1");
        advance(Duration.ofSeconds(1));
        assertThat(order("gw-greedy").status()).isEqualTo(200);
    }

    @Test
    void concurrentRequestsFromManyThreadsAreCountedExactly() throws Exception {
        long callsBefore = gateway().path("endpoints").path("/api/orders").path("calls").asLong();
        List<String> clients = List.of("gw-c0", "gw-c1", "gw-c2", "gw-c3", "gw-c4");
        Map<Integer, AtomicInteger> statuses = concurrently(16, clients, 60);
        assertThat(count(statuses, 200)).isEqualTo(300);

        JsonNode state = gateway();
        for (String client : clients) {
            JsonNode c = state.path("clients").path(client);
            assertThat(c.path("requestsLastMinute").asInt()).as(client).isEqualTo(60);
            assertThat(c.path("admitted").asInt()).as(client).isEqualTo(60);
            assertThat(c.path("throttled").asInt()).as(client).isZero();
        }
        assertThat(state.path("endpoints").path("/api/orders").path("calls").asLong()).isEqualTo(callsBefore + 300);
    }

    @Test
    void ofSimultaneousRequestsOverTheLimitExactlyTheLimitPass() throws Exception {
        Map<Integer, AtomicInteger> statuses = concurrently(16, List.of("gw-flood"), 150);
        assertThat(count(statuses, 200)).isEqualTo(100);
        assertThat(count(statuses, 429)).isEqualTo(50);
        JsonNode flood = gateway().path("clients").path("gw-flood");
        assertThat(flood.path("admitted").asInt()).isEqualTo(100);
        assertThat(flood.path("throttled").asInt()).isEqualTo(50);
    }

    @Test
    void highOverallTrafficTightensTheLimitButAQuietClientIsStillServed() throws Exception {
        List<String> heavy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            heavy.add("gw-heavy" + i);
        }
        assertThat(count(concurrently(16, heavy, 100), 200)).isEqualTo(1000);
        assertThat(gateway().path("limitPerMinute").asInt()).isEqualTo(100);

        // 1000 is the high-traffic mark: from the next request on, every client's limit tightens in proportion.
        for (int i = 0; i < 20; i++) {
            order("gw-light").expect(200);
        }
        JsonNode state = gateway();
        assertThat(state.path("overallPerMinute").asInt()).isEqualTo(1020);
        assertThat(state.path("limitPerMinute").asInt()).isEqualTo(100 * 1000 / 1020);
        assertThat(order("gw-heavy3").problem(429)).endsWith("the limit is 98 per minute");
        assertThat(order("gw-light").status()).isEqualTo(200);
        assertThat(order("gw-newcomer").status()).isEqualTo(200);
    }

    @Test
    void failuresOpenTheCircuitAndATrialAfterTheCoolDownClosesIt() {
        http.put("/upstream/orders/failure-rate", "{\"rate\": 1}").expect(200);
        for (int i = 0; i < 5; i++) {
            assertThat(order("gw-cb").problem(500)).startsWith("Simulated upstream failure");
        }
        Http.Response open = order("gw-cb");
        assertThat(open.problem(503)).isEqualTo("The circuit of /api/orders is open: 5 of the last 5 calls failed");
        assertThat(open.header("Retry-After")).hasValue("30");
        assertThat(http.get("/upstream/orders/failure-rate").expect(200).path("calls").asInt())
                .as("an open circuit does not call the upstream").isEqualTo(5);
        JsonNode endpoint = gateway().path("endpoints").path("/api/orders");
        assertThat(endpoint.path("circuit").path("state").asString()).isEqualTo("open");
        assertThat(endpoint.path("rejected").asLong()).isGreaterThanOrEqualTo(1);
        await().untilAsserted(() -> assertThat(http.get("/gateway/events").expect(200).toString())
                .contains("circuit /api/orders is open"));

        advance(Duration.ofSeconds(29));
        assertThat(order("gw-cb").header("Retry-After")).hasValue("1");

        // Half-open: one trial passes. The upstream still fails, so the circuit opens for another cool-down.
        advance(Duration.ofSeconds(1));
        assertThat(gateway().path("endpoints").path("/api/orders").path("circuit").path("state").asString())
                .isEqualTo("half-open");
        order("gw-cb").expect(500);
        assertThat(order("gw-cb").problem(503)).startsWith("The circuit of /api/orders is open");

        // The upstream recovers; after the cool-down the trial succeeds and the circuit closes.
        http.put("/upstream/orders/failure-rate", "{\"rate\": 0}").expect(200);
        advance(Duration.ofSeconds(30));
        order("gw-cb").expect(200);
        assertThat(gateway().path("endpoints").path("/api/orders").path("circuit").path("state").asString())
                .isEqualTo("closed");
        order("gw-cb").expect(200);
        await().untilAsserted(() -> assertThat(http.get("/gateway/events").expect(200).toString())
                .contains("circuit /api/orders is half-open").contains("circuit /api/orders is closed"));
    }

    @Test
    void aFailureRateUnderTheThresholdKeepsTheCircuitClosed() {
        http.put("/upstream/orders/failure-rate", "{\"rate\": 0.25}").expect(200);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(order("gw-flaky").status());
        }
        assertThat(statuses.stream().filter(s -> s == 500).count()).isEqualTo(5);
        assertThat(statuses).doesNotContain(503);
        assertThat(gateway().path("endpoints").path("/api/orders").path("circuit").path("failures").asInt())
                .isEqualTo(5);
    }

    @Test
    void memoryStaysBoundedClientsAndOutcomesOutsideTheWindowArePruned() {
        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 10; i++) {
                order("gw-once" + (second * 10 + i)).expect(200);
            }
            advance(Duration.ofSeconds(1));
        }
        JsonNode before = gateway();
        assertThat(before.path("clients").size()).isEqualTo(50);
        assertThat(before.path("endpoints").path("/api/orders").path("keptSeconds").asInt())
                .as("50 outcomes in 5 seconds are kept as 5 per-second counts").isEqualTo(5);

        advance(Duration.ofSeconds(61));
        order("gw-later").expect(200);
        JsonNode after = gateway();
        assertThat(after.path("clients").propertyNames()).containsExactly("gw-later");
        assertThat(after.path("endpoints").path("/api/orders").path("keptSeconds").asInt()).isEqualTo(1);
        assertThat(after.path("endpoints").path("/api/orders").path("calls").asLong())
                .as("the totals stay exact").isEqualTo(before.path("endpoints").path("/api/orders").path("calls").asLong() + 1);
    }

    @Test
    void badInputIsA4xxThatSaysWhatWasWrongAndChangesNothing() {
        order("gw-ok").expect(200);
        Map<String, Long> gatewayBefore = counters("gateway.");
        Map<String, Long> upstreamBefore = counters("ordersUpstream.");

        assertThat(http.get("/api/orders", "X-Client-Id", "not ok!").problem(400))
                .isEqualTo("Invalid X-Client-Id header 'not ok!': it must be 1-64 characters of letters, digits, "
                        + "'.', '_' or '-'");
        assertThat(http.put("/upstream/orders/failure-rate", "{\"rate\": 1.5}").problem(400))
                .isEqualTo("Invalid request: rate must be a number from 0 to 1 (was 1.5)");
        assertThat(http.put("/upstream/orders/failure-rate", "{\"rate\": -0.1}").problem(400))
                .isEqualTo("Invalid request: rate must be a number from 0 to 1 (was -0.1)");
        assertThat(http.put("/upstream/orders/failure-rate", "{\"rate\": \"high\"}").problem(400))
                .startsWith("Wrong type for 'rate': expected a number");
        assertThat(http.put("/upstream/orders/failure-rate", "{}").problem(400))
                .isEqualTo("Invalid request: rate is required (a number from 0 to 1)");

        assertThat(counters("gateway.")).isEqualTo(gatewayBefore);
        assertThat(counters("ordersUpstream.")).isEqualTo(upstreamBefore);
    }
}
