package io.reaktiv.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.reaktiv.Computed;
import io.reaktiv.Effect;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.NodeKind;
import io.reaktiv.NodeSnapshot;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.actuate.ReaktivGraphDescriptor.LinkDescriptor;
import io.reaktiv.spring.actuate.ReaktivNodeDescriptor.NodeReference;
import java.lang.ref.WeakReference;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/** The endpoint and its web extension without Spring: on fixed snapshots, and on the live engine. */
class ReaktivEndpointTests {

    /** serverMetrics (1) -> healthStatus (3) -> alertOnHealth (7), plus an unnamed linked signal (9). */
    private static final GraphSnapshot GRAPH = new GraphSnapshot(List.of(
            node(1, NodeKind.SIGNAL, "healthMonitor.serverMetrics", List.of(), List.of(3L), 40, 0, 0, 0, false,
                    false, true, 93, null, List.of()),
            node(3, NodeKind.COMPUTED, "healthMonitor.healthStatus", List.of(1L), List.of(7L), 0, 12, 0, 0, false,
                    false, true, "DOWN", null, List.of(1L)),
            node(7, NodeKind.EFFECT, "alerts.alertOnHealth", List.of(3L), List.of(), 0, 0, 9, 1, false, false,
                    false, null, new IllegalStateException("pager down"), List.of(3L)),
            node(9, NodeKind.LINKED_SIGNAL, null, List.of(1L), List.of(), 2, 3, 0, 0, true, false, true, 5, null,
                    List.of())));

    private static NodeSnapshot node(long id, NodeKind kind, @Nullable String name, List<Long> dependencies,
            List<Long> dependents, long writes, long recomputes, long runs, long errors, boolean stale,
            boolean disposed, boolean hasValue, @Nullable Object value, @Nullable Throwable error, List<Long> causes) {
        return new NodeSnapshot(id, kind, name, dependencies, dependents, writes, recomputes, runs, errors, stale,
                false, disposed, hasValue, value, error, causes);
    }

    private final ReaktivEndpoint hiding = new ReaktivEndpoint(Show.NEVER, () -> GRAPH);

    @Test
    void graphShouldDescribeNodesLinksAndSummaryWithoutValues() {
        ReaktivGraphDescriptor graph = hiding.graph();
        assertThat(graph.nodes()).containsExactly(
                new NodeDescriptor(1, "healthMonitor.serverMetrics", "signal", 40L, null, null, null, null, null,
                        null, null, null, null),
                new NodeDescriptor(3, "healthMonitor.healthStatus", "computed", null, 12L, false, null, null, null,
                        null, null, null, null),
                new NodeDescriptor(7, "alerts.alertOnHealth", "effect", null, null, null, 9L, 1L, false, null,
                        "java.lang.IllegalStateException", null, null),
                new NodeDescriptor(9, null, "linkedSignal", 2L, 3L, true, null, null, null, null, null, null, null));
        assertThat(graph.links()).containsExactly(new LinkDescriptor(1, 3), new LinkDescriptor(3, 7),
                new LinkDescriptor(1, 9));
        assertThat(graph.summary()).containsExactly(Map.entry("signal", 1), Map.entry("computed", 1),
                Map.entry("linkedSignal", 1), Map.entry("effect", 1), Map.entry("failingEffects", 1));
    }

    @Test
    void graphShouldCarryValuesAndErrorMessagesWhenShown() {
        ReaktivGraphDescriptor graph = new ReaktivEndpoint(Show.ALWAYS, () -> GRAPH).graph();
        assertThat(graph.nodes()).extracting(NodeDescriptor::value).containsExactly("93", "DOWN", null, "5");
        assertThat(graph.nodes().get(2).lastError()).isEqualTo("java.lang.IllegalStateException: pager down");
    }

    @Test
    void nodeShouldBeFoundByIdOrNameWithNeighboursAndCauses() {
        ReaktivNodeDescriptor status = hiding.node("healthMonitor.healthStatus");
        assertThat(status).isEqualTo(new ReaktivNodeDescriptor(3, "healthMonitor.healthStatus", "computed", null,
                12L, false, null, null, null, null, null, null, null,
                List.of(new NodeReference(1, "healthMonitor.serverMetrics")),
                List.of(new NodeReference(7, "alerts.alertOnHealth")),
                List.of(new NodeReference(1, "healthMonitor.serverMetrics")), null));
        assertThat(hiding.node("7").name()).isEqualTo("alerts.alertOnHealth");
        assertThat(hiding.node("1").causes()).isNull();
        assertThat(hiding.node("9").dependencies()).containsExactly(new NodeReference(1,
                "healthMonitor.serverMetrics"));
        assertThat(hiding.node("nothing")).isNull();
        assertThat(hiding.node("12345")).isNull();
        assertThat(hiding.node("")).isNull();
    }

    @Test
    void nodeShouldReturnTheNewestOfSeveralWithTheNameAndListTheOthers() {
        GraphSnapshot twins = new GraphSnapshot(List.of(
                node(4, NodeKind.SIGNAL, "gadget.setting", List.of(), List.of(), 0, 0, 0, 0, false, false, true, 1,
                        null, List.of()),
                node(6, NodeKind.SIGNAL, "gadget.setting", List.of(), List.of(), 0, 0, 0, 0, false, false, true, 2,
                        null, List.of()),
                node(8, NodeKind.SIGNAL, "gadget.setting", List.of(), List.of(), 0, 0, 0, 0, false, false, true, 3,
                        null, List.of())));
        ReaktivNodeDescriptor newest = new ReaktivEndpoint(Show.NEVER, () -> twins).node("gadget.setting");
        assertThat(newest.id()).isEqualTo(8);
        assertThat(newest.sameName()).containsExactly(4L, 6L);
    }

    @Test
    void jmxShouldTreatWhenAuthorizedAsShown() {
        assertThat(new ReaktivEndpoint(Show.WHEN_AUTHORIZED, () -> GRAPH).graph().nodes().get(0).value())
                .isEqualTo("93");
        assertThat(hiding.graph().nodes().get(0).value()).isNull();
        assertThat(hiding.node("1").value()).isNull();
    }

    @Test
    void webExtensionShouldShowValuesOnlyToAuthorizedUsers() {
        ReaktivEndpoint endpoint = new ReaktivEndpoint(Show.WHEN_AUTHORIZED, () -> GRAPH);
        ReaktivEndpointWebExtension anyUser = new ReaktivEndpointWebExtension(endpoint, Show.WHEN_AUTHORIZED,
                Set.of());
        ReaktivEndpointWebExtension admins = new ReaktivEndpointWebExtension(endpoint, Show.WHEN_AUTHORIZED,
                Set.of("ADMIN"));
        assertThat(firstValue(anyUser.graph(SecurityContext.NONE, null))).isNull();
        assertThat(firstValue(anyUser.graph(user(), null))).isEqualTo("93");
        assertThat(firstValue(admins.graph(user(), null))).isNull();
        assertThat(firstValue(admins.graph(user("ADMIN"), null))).isEqualTo("93");
        assertThat(admins.node(user("ADMIN"), "1").getBody().value()).isEqualTo("93");
        assertThat(admins.node(user(), "1").getBody().value()).isNull();
    }

    @Test
    void webExtensionShouldRenderFormatsAndRejectUnknownOnes() {
        ReaktivEndpointWebExtension web = new ReaktivEndpointWebExtension(hiding, Show.NEVER, Set.of());
        WebEndpointResponse<Object> json = web.graph(SecurityContext.NONE, "Json");
        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getBody()).isInstanceOf(ReaktivGraphDescriptor.class);
        WebEndpointResponse<Object> mermaid = web.graph(SecurityContext.NONE, " MERMAID ");
        assertThat(mermaid.getContentType()).isEqualTo(MimeType.valueOf("text/plain;charset=UTF-8"));
        assertThat(mermaid.getBody()).isEqualTo(GraphDiagrams.mermaid(GRAPH));
        WebEndpointResponse<Object> dot = web.graph(SecurityContext.NONE, "dot");
        assertThat(dot.getContentType()).isEqualTo(MimeType.valueOf("text/vnd.graphviz;charset=UTF-8"));
        WebEndpointResponse<Object> unknown = web.graph(SecurityContext.NONE, "svg");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getBody()).isEqualTo(new UnknownFormatDescriptor(
                "Unknown format 'svg'; accepted formats: json, mermaid, dot", List.of("json", "mermaid", "dot")));
        assertThat(web.node(SecurityContext.NONE, "nothing").getStatus()).isEqualTo(404);
        assertThatIllegalArgumentException().isThrownBy(() -> hiding.diagram(GraphFormat.JSON));
    }

    @Test
    void mermaidShouldLabelNodesWithNameAndCountsAndShapeThemByKind() {
        assertThat(GraphDiagrams.mermaid(GRAPH)).isEqualTo("""
                flowchart LR
                    n1(["healthMonitor.serverMetrics<br/>signal, writes: 40"])
                    n3["healthMonitor.healthStatus<br/>computed, recomputes: 12"]
                    n7{{"alerts.alertOnHealth<br/>effect, runs: 9, errors: 1, failing"}}
                    n9[["linkedSignal#9<br/>linkedSignal, writes: 2, recomputes: 3, stale"]]
                    n1 --> n3
                    n3 --> n7
                    n1 --> n9
                """);
    }

    @Test
    void dotShouldLabelNodesWithNameAndCountsAndShapeThemByKind() {
        assertThat(GraphDiagrams.dot(GRAPH)).isEqualTo("""
                digraph reaktiv {
                    rankdir=LR;
                    n1 [label="healthMonitor.serverMetrics\\nsignal, writes: 40", shape=ellipse];
                    n3 [label="healthMonitor.healthStatus\\ncomputed, recomputes: 12", shape=box];
                    n7 [label="alerts.alertOnHealth\\neffect, runs: 9, errors: 1, failing", shape=hexagon];
                    n9 [label="linkedSignal#9\\nlinkedSignal, writes: 2, recomputes: 3, stale", shape=box, style=rounded];
                    n1 -> n3;
                    n3 -> n7;
                    n1 -> n9;
                }
                """);
    }

    @Test
    void diagramsShouldEscapeNames() {
        GraphSnapshot odd = new GraphSnapshot(List.of(node(2, NodeKind.SIGNAL, "say \"hi\" <b>#1\\ #x;", List.of(),
                List.of(), 0, 0, 0, 0, false, false, true, 1, null, List.of())));
        assertThat(GraphDiagrams.mermaid(odd)).contains(
                "n2([\"say #quot;hi#quot; #lt;b#gt;#1\\ #35;x;<br/>signal, writes: 0\"])");
        assertThat(GraphDiagrams.dot(odd)).contains(
                "n2 [label=\"say \\\"hi\\\" <b>#1\\\\ #x;\\nsignal, writes: 0\"");
    }

    @Test
    void lookingShouldRunNoFunctionNorEffectAndMarkNothing() {
        AtomicInteger computations = new AtomicInteger();
        AtomicInteger effectRuns = new AtomicInteger();
        Signal<Integer> input = Reaktiv.signal(1).named("endpointTest.input");
        Computed<Integer> unwatched = Reaktiv.computed(() -> {
            computations.incrementAndGet();
            return input.get() * 2;
        }).named("endpointTest.unwatched");
        Computed<Integer> watched = Reaktiv.computed(() -> input.get() + 1).named("endpointTest.watched");
        Effect effect = Reaktiv.effect(() -> {
            watched.get();
            effectRuns.incrementAndGet();
        }).named("endpointTest.effect");
        try {
            assertThat(unwatched.get()).isEqualTo(2);
            input.set(5); // the effect recomputes 'watched' at once; nobody reads 'unwatched'
            ReaktivEndpoint endpoint = new ReaktivEndpoint(Show.ALWAYS);
            ReaktivGraphDescriptor graph = endpoint.graph();
            endpoint.node("endpointTest.unwatched");
            endpoint.diagram(GraphFormat.MERMAID);
            endpoint.diagram(GraphFormat.DOT);
            assertThat(computations.get()).isEqualTo(1);
            assertThat(effectRuns.get()).isEqualTo(2);
            NodeDescriptor stale = find(graph, "endpointTest.unwatched");
            assertThat(stale.stale()).isTrue();
            assertThat(stale.value()).isEqualTo("2"); // the last cached value, not recomputed
            assertThat(find(graph, "endpointTest.watched").stale()).isFalse();
            assertThat(find(graph, "endpointTest.watched").value()).isEqualTo("6");
            assertThat(endpoint.node("endpointTest.unwatched").stale()).isTrue();
            assertThat(unwatched.get()).isEqualTo(10);
            assertThat(computations.get()).isEqualTo(2);
        } finally {
            effect.dispose();
        }
    }

    @Test
    void lookingShouldKeepNoNodeAlive() {
        Signal<String> transient_ = Reaktiv.signal("gone soon").named("endpointTest.transient");
        WeakReference<Signal<String>> reference = new WeakReference<>(transient_);
        ReaktivEndpoint endpoint = new ReaktivEndpoint(Show.ALWAYS);
        ReaktivGraphDescriptor graph = endpoint.graph();
        ReaktivNodeDescriptor node = endpoint.node("endpointTest.transient");
        assertThat(node.value()).isEqualTo("gone soon");
        transient_ = null;
        await().until(() -> {
            System.gc();
            return reference.get() == null;
        });
        assertThat(endpoint.node("endpointTest.transient")).isNull();
        assertThat(graph.nodes()).isNotEmpty(); // the descriptors outlived the node
    }

    private static NodeDescriptor find(ReaktivGraphDescriptor graph, String name) {
        return graph.nodes().stream().filter(n -> name.equals(n.name())).reduce((a, b) -> b).orElseThrow();
    }

    private static @Nullable String firstValue(WebEndpointResponse<Object> response) {
        return ((ReaktivGraphDescriptor) response.getBody()).nodes().get(0).value();
    }

    private static SecurityContext user(String... roles) {
        Set<String> granted = Set.of(roles);
        return new SecurityContext() {
            @Override
            public Principal getPrincipal() {
                return () -> "user";
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }
        };
    }
}
