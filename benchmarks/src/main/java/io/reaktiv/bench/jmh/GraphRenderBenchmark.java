package io.reaktiv.bench.jmh;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.scope;
import static io.reaktiv.Reaktiv.signal;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.reaktiv.Computed;
import io.reaktiv.EffectScope;
import io.reaktiv.GraphSnapshot;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.actuate.GraphFormat;
import io.reaktiv.spring.actuate.ReaktivEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.actuate.endpoint.Show;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request to {@code /actuator/reaktiv} costs on a 10,000-node graph (2,000 named signals, 6,000 computeds
 * reading two earlier nodes each, 2,000 effects reading three computeds each; about 18,000 edges):
 *
 * <ul>
 *   <li>{@code snapshot}: {@link Reaktiv#graph()} alone, the only part that takes engine locks (each graph
 *       component's, only while copying it);
 *   <li>{@code json}: a snapshot turned into the endpoint's descriptors and written as JSON bytes by a mapper set up
 *       like the actuator's own (nulls left out), as one request does;
 *   <li>{@code mermaid}, {@code dot}: a snapshot rendered as a diagram.
 * </ul>
 * Values are not shown (the default), so no {@code toString()} runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraphRenderBenchmark {

    static final int SIGNALS = 2_000;
    static final int COMPUTEDS = 6_000;
    static final int EFFECTS = 2_000;

    private final List<Signal<Integer>> signals = new ArrayList<>();
    private final List<ReadableSignal<Integer>> nodes = new ArrayList<>();
    private final List<Computed<Integer>> computeds = new ArrayList<>();
    private EffectScope effects;
    private ReaktivEndpoint endpoint;
    private JsonMapper mapper;
    private long sink;

    /** Builds the graph, computes every computed once (so every edge exists) and creates the effects. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < SIGNALS; i++) {
            Signal<Integer> s = signal(i).named("inventory.signal" + i);
            signals.add(s);
            nodes.add(s);
        }
        for (int i = 0; i < COMPUTEDS; i++) {
            ReadableSignal<Integer> a = nodes.get(random.nextInt(nodes.size()));
            ReadableSignal<Integer> b = nodes.get(random.nextInt(nodes.size()));
            Computed<Integer> c = computed(() -> a.get() + b.get()).named("inventory.computed" + i);
            computeds.add(c);
            nodes.add(c);
        }
        computeds.forEach(Computed::get);
        effects = scope();
        effects.run(() -> {
            for (int i = 0; i < EFFECTS; i++) {
                Computed<Integer> a = computeds.get(random.nextInt(COMPUTEDS));
                Computed<Integer> b = computeds.get(random.nextInt(COMPUTEDS));
                Computed<Integer> c = computeds.get(random.nextInt(COMPUTEDS));
                effect("inventory.effect" + i, () -> sink += a.get() + b.get() + c.get());
            }
        });
        // A few writes, so that some computeds are stale and counters are not all zero.
        for (int i = 0; i < 100; i++) {
            signals.get(random.nextInt(SIGNALS)).set(-i);
        }
        endpoint = new ReaktivEndpoint(Show.NEVER);
        mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(v -> v.withValueInclusion(Include.NON_NULL)
                        .withContentInclusion(Include.NON_NULL))
                .build();
        GraphSnapshot graph = Reaktiv.graph();
        int edges = graph.nodes().stream().mapToInt(n -> n.dependencies().size()).sum();
        System.out.println("\n[graph] " + graph.nodes().size() + " nodes, " + edges + " edges; JSON "
                + json().length + " bytes, Mermaid " + mermaid().length() + " chars");
    }

    /** Disposes the effects. */
    @TearDown
    public void tearDown() {
        effects.dispose();
    }

    @Benchmark
    public GraphSnapshot snapshot() {
        return Reaktiv.graph();
    }

    @Benchmark
    public byte[] json() {
        return mapper.writeValueAsBytes(endpoint.graph(false));
    }

    @Benchmark
    public String mermaid() {
        return endpoint.diagram(GraphFormat.MERMAID);
    }

    @Benchmark
    public String dot() {
        return endpoint.diagram(GraphFormat.DOT);
    }
}
