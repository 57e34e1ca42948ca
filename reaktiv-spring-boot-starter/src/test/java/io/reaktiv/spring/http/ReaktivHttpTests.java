package io.reaktiv.spring.http;

import static io.reaktiv.spring.http.Http.id;
import static io.reaktiv.spring.http.Http.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.ExecutorEffectScheduler;
import io.reaktiv.spring.http.HttpTestApplication.Alerts;
import io.reaktiv.spring.http.HttpTestApplication.Gadget;
import io.reaktiv.spring.http.HttpTestApplication.HealthMonitor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Drives a small application over real HTTP: after known writes, {@code /actuator/reaktiv} (JSON, selector, 404,
 * Mermaid, DOT, 400), the metrics and the health indicator report exact figures.
 */
@SpringBootTest(classes = HttpTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=reaktiv,health,metrics",
        "management.endpoint.health.show-details=always",
        // The application's Jackson settings must not reach the endpoint's JSON (the actuator's own mapper).
        "spring.jackson.property-naming-strategy=SNAKE_CASE" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaktivHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    HealthMonitor monitor;

    @Autowired
    Alerts alerts;

    @Autowired
    ExecutorEffectScheduler scheduler;

    @Autowired
    ApplicationContext context;

    private Http http;
    /** Held so that the graph (which holds nodes weakly) keeps their nodes. */
    private List<Gadget> gadgets;

    @BeforeAll
    void knownWrites() throws InterruptedException {
        http = new Http(port);
        assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        for (int value : new int[] {10, 70, 80}) { // UP stays UP, then DOWN, then DOWN again
            monitor.serverMetrics.set(value);
            assertThat(scheduler.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(alerts.sent).containsExactly("UP", "DOWN");
        gadgets = List.of(context.getBean(Gadget.class), context.getBean(Gadget.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void graphShouldShowExactKindsNamesCountsAndLinks() {
        Http.Response response = http.get("/actuator/reaktiv");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/vnd.spring-boot.actuator.v3+json");
        Map<String, Object> graph = response.json();
        Map<String, Object> metrics = node(graph, "healthMonitor.serverMetrics");
        Map<String, Object> status = node(graph, "healthMonitor.healthStatus");
        Map<String, Object> alert = node(graph, "alerts.alertOnHealth");
        assertThat(metrics).isEqualTo(Map.of("id", (int) id(metrics), "name", "healthMonitor.serverMetrics",
                "kind", "signal", "writes", 3));
        assertThat(status).isEqualTo(Map.of("id", (int) id(status), "name", "healthMonitor.healthStatus",
                "kind", "computed", "recomputes", 4, "stale", false));
        assertThat(alert).isEqualTo(Map.of("id", (int) id(alert), "name", "alerts.alertOnHealth", "kind", "effect",
                "runs", 2, "errors", 0, "running", false));
        Set<Long> ours = Set.of(id(metrics), id(status), id(alert));
        List<Map<String, Object>> links = ((List<Map<String, Object>>) graph.get("links")).stream()
                .filter(l -> ours.contains(((Number) l.get("from")).longValue())
                        || ours.contains(((Number) l.get("to")).longValue()))
                .toList();
        assertThat(links).containsExactlyInAnyOrder(
                Map.of("from", (int) id(metrics), "to", (int) id(status)),
                Map.of("from", (int) id(status), "to", (int) id(alert)));
        assertThat((Map<String, Object>) graph.get("summary")).containsOnlyKeys("signal", "computed", "linkedSignal",
                "effect", "failingEffects");
    }

    @Test
    void selectorShouldReturnOneNodeWithNeighboursAndCauses() {
        Map<String, Object> graph = http.get("/actuator/reaktiv").json();
        long metrics = id(node(graph, "healthMonitor.serverMetrics"));
        long status = id(node(graph, "healthMonitor.healthStatus"));
        long alert = id(node(graph, "alerts.alertOnHealth"));

        Http.Response byName = http.get("/actuator/reaktiv/healthMonitor.healthStatus");
        assertThat(byName.status()).isEqualTo(200);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", (int) status);
        expected.put("name", "healthMonitor.healthStatus");
        expected.put("kind", "computed");
        expected.put("recomputes", 4);
        expected.put("stale", false);
        expected.put("dependencies", List.of(Map.of("id", (int) metrics, "name", "healthMonitor.serverMetrics")));
        expected.put("dependents", List.of(Map.of("id", (int) alert, "name", "alerts.alertOnHealth")));
        expected.put("causes", List.of(Map.of("id", (int) metrics, "name", "healthMonitor.serverMetrics")));
        assertThat(byName.json()).isEqualTo(expected);

        Map<String, Object> effect = http.get("/actuator/reaktiv/" + alert).json();
        assertThat(effect.get("name")).isEqualTo("alerts.alertOnHealth");
        assertThat(effect.get("causes")).isEqualTo(List.of(Map.of("id", (int) status,
                "name", "healthMonitor.healthStatus")));
        assertThat(effect.get("dependents")).isEqualTo(List.of());

        Map<String, Object> signal = http.get("/actuator/reaktiv/healthMonitor.serverMetrics").json();
        assertThat(signal).doesNotContainKeys("causes", "sameName");
    }

    @Test
    void selectorShouldReturnTheNewestOfNodesSharingANameAndListTheOthers() {
        Map<String, Object> graph = http.get("/actuator/reaktiv").json();
        @SuppressWarnings("unchecked")
        List<Long> gadgets = ((List<Map<String, Object>>) graph.get("nodes")).stream()
                .filter(n -> "gadget.setting".equals(n.get("name"))).map(Http::id).sorted().toList();
        assertThat(gadgets).hasSize(2);
        Map<String, Object> newest = http.get("/actuator/reaktiv/gadget.setting").json();
        assertThat(id(newest)).isEqualTo(gadgets.get(1));
        assertThat(newest.get("sameName")).isEqualTo(List.of(gadgets.get(0).intValue()));
    }

    @Test
    void selectorShouldAnswer404ForAnUnknownNameOrId() {
        assertThat(http.get("/actuator/reaktiv/noSuchNode").status()).isEqualTo(404);
        assertThat(http.get("/actuator/reaktiv/987654321987").status()).isEqualTo(404);
    }

    @Test
    void mermaidShouldDrawTheGraphAsPlainText() {
        Map<String, Object> graph = http.get("/actuator/reaktiv").json();
        long metrics = id(node(graph, "healthMonitor.serverMetrics"));
        long status = id(node(graph, "healthMonitor.healthStatus"));
        long alert = id(node(graph, "alerts.alertOnHealth"));
        Http.Response response = http.get("/actuator/reaktiv?format=mermaid");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(response.body()).startsWith("flowchart LR\n").contains(
                "    n" + metrics + "([\"healthMonitor.serverMetrics<br/>signal, writes: 3\"])\n",
                "    n" + status + "[\"healthMonitor.healthStatus<br/>computed, recomputes: 4\"]\n",
                "    n" + alert + "{{\"alerts.alertOnHealth<br/>effect, runs: 2, errors: 0\"}}\n",
                "    n" + metrics + " --> n" + status + "\n",
                "    n" + status + " --> n" + alert + "\n");
    }

    @Test
    void dotShouldDrawTheGraphForGraphviz() {
        Map<String, Object> graph = http.get("/actuator/reaktiv").json();
        long metrics = id(node(graph, "healthMonitor.serverMetrics"));
        long status = id(node(graph, "healthMonitor.healthStatus"));
        Http.Response response = http.get("/actuator/reaktiv?format=dot");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/vnd.graphviz;charset=UTF-8");
        assertThat(response.body()).startsWith("digraph reaktiv {\n    rankdir=LR;\n").endsWith("}\n").contains(
                "    n" + metrics + " [label=\"healthMonitor.serverMetrics\\nsignal, writes: 3\", shape=ellipse];\n",
                "    n" + metrics + " -> n" + status + ";\n");
        assertThat(http.get("/actuator/reaktiv?format=JSON").json()).containsKeys("nodes", "links");
    }

    @Test
    void unknownFormatShouldBeA400NamingTheAcceptedFormats() {
        Http.Response response = http.get("/actuator/reaktiv?format=xml");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(Map.of(
                "error", "Unknown format 'xml'; accepted formats: json, mermaid, dot",
                "acceptedFormats", List.of("json", "mermaid", "dot")));
    }

    @Test
    void valuesShouldBeHiddenByDefault() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) http.get("/actuator/reaktiv").json()
                .get("nodes");
        assertThat(nodes).allSatisfy(n -> assertThat(n).doesNotContainKeys("value", "error"));
        assertThat(http.get("/actuator/reaktiv/healthMonitor.serverMetrics").json()).doesNotContainKey("value");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metricsShouldCountRecomputesByName() {
        await().untilAsserted(() -> {
            Http.Response response = http.get(
                    "/actuator/metrics/reaktiv.computed.recomputes?tag=name:healthMonitor.healthStatus");
            assertThat(response.status()).isEqualTo(200);
            assertThat((List<Map<String, Object>>) response.json().get("measurements"))
                    .containsExactly(Map.of("statistic", "COUNT", "value", 4.0));
        });
        await().untilAsserted(() -> assertThat((List<Map<String, Object>>) http.get(
                "/actuator/metrics/reaktiv.signal.writes?tag=name:healthMonitor.serverMetrics").json()
                .get("measurements")).containsExactly(Map.of("statistic", "COUNT", "value", 3.0)));
        await().untilAsserted(() -> assertThat((List<Map<String, Object>>) http.get(
                "/actuator/metrics/reaktiv.effect.runs?tag=name:alerts.alertOnHealth").json()
                .get("measurements")).containsExactly(Map.of("statistic", "COUNT", "value", 2.0)));
        Map<String, Object> timer = http.get("/actuator/metrics/reaktiv.effect?tag=name:alerts.alertOnHealth")
                .json();
        Map<String, Double> measurements = ((List<Map<String, Object>>) timer.get("measurements")).stream()
                .collect(Collectors.toMap(m -> (String) m.get("statistic"), m -> ((Number) m.get("value"))
                        .doubleValue()));
        assertThat(measurements.get("COUNT")).isEqualTo(2.0);
        assertThat(http.get("/actuator/metrics/reaktiv.graph.nodes?tag=kind:effect").status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics/reaktiv.scheduler.pending").status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthShouldBeUpWithDetails() {
        Http.Response response = http.get("/actuator/health/reaktiv");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> health = response.json();
        assertThat(health.get("status")).isEqualTo("UP");
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat((Map<String, Object>) details.get("nodes")).containsOnlyKeys("signal", "computed", "linkedSignal",
                "effect");
        assertThat(details.get("scheduler")).isEqualTo(Map.of("mode", "executor", "pending", 0, "active", 0,
                "shutdown", false));
        assertThat(details).containsKeys("failingEffects", "failingEffectCount");
    }
}
