package io.reaktiv.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.reaktiv.bench.adapters.AlienJavaAdapter;
import io.reaktiv.bench.adapters.JavaFxAdapter;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * Checks the port against the reference values of SCENARIOS.md, on small rows and with one rep each: nothing here
 * is timed.
 */
class ScenariosTest {

    /** One rep per row; the dynamic rows need a second, because the first starts from the initial state. */
    private final Harness harness = new Harness(new Settings(0, 1, 0, 1, 1, 1, Long.MAX_VALUE, false),
            new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void hashesMatchTheCheckValues() {
        PseudoRandom.Xmur3a hash = new PseudoRandom.Xmur3a("seed");
        long[] hashes = new long[4];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Integer.toUnsignedLong(hash.next());
        }
        assertThat(hashes).containsExactly(246123560L, 2434935956L, 752727108L, 913990249L);
    }

    @Test
    void randomsMatchTheCheckValues() {
        PseudoRandom random = new PseudoRandom();
        assertThat(new double[] {random.next(), random.next(), random.next(), random.next()})
                .containsExactly(0.8370377509854734, 0.35816134908236563, 0.12195610790513456, 0.486986321862787);
    }

    @Test
    void numbersAreFormattedLikeJavaScript() {
        assertThat(Js.format(6006)).isEqualTo("6006");
        assertThat(Js.format(-3)).isEqualTo("-3");
        assertThat(Js.format(15664996402790400.0)).isEqualTo("15664996402790400");
        assertThat(Js.format(3.0239642676898464e241)).isEqualTo("3.0239642676898464e+241");
        assertThat(Js.format(1e21)).isEqualTo("1e+21");
        assertThat(Js.format(0.1)).isEqualTo("0.1");
        assertThat(Js.format(2e-7)).isEqualTo("2e-7");
        assertThat(Js.format(0.000001)).isEqualTo("0.000001");
    }

    @Test
    void deepPropagationOnJavaFx() {
        assertThat(measure("deepPropagation")).isEqualTo("3725 51 ok");
    }

    @Test
    void muxOnJavaFxHasTheExtraRunsOfNoCutOff() {
        assertThat(measure("mux")).isEqualTo("155 1800 extra-runs(expected=18)");
    }

    @Test
    void molBenchOnJavaFxRerunsJ() {
        assertThat(measure("molBench")).isEqualTo("16008 6 DIFF(checksum!=9616;runs!=4)");
    }

    @Test
    void cellx1000OnJavaFx() {
        assertThat(measure("cellx1000")).isEqualTo("-3,-6,-2,2/-2,-4,2,3 4000 ok");
    }

    @Test
    void dynamicGraphWithDynamicNodesOnJavaFx() {
        assertThat(measure("dynamic_6-10x10_dyn25_lazy80")).isEqualTo("302310782860 1155000 ok");
    }

    /** The Java port of alien-signals has the cut-off: no extra run where JavaFX has them. */
    @Test
    void avoidablePropagationOnAlienJvmRunsNoEffect() {
        assertThat(measure("avoidablePropagation", new AlienJavaAdapter())).isEqualTo("6006 0 ok");
    }

    @Test
    void deepPropagationOnAlienJvm() {
        assertThat(measure("deepPropagation", new AlienJavaAdapter())).isEqualTo("3725 51 ok");
    }

    @Test
    void muxOnAlienJvmRunsOnlyTheChangedEffect() {
        assertThat(measure("mux", new AlienJavaAdapter())).isEqualTo("155 18 ok");
    }

    @Test
    void unstableOnAlienJvm() {
        assertThat(measure("unstable", new AlienJavaAdapter())).isEqualTo("51080 101 ok");
    }

    @Test
    void molBenchOnAlienJvmDoesNotRerunJ() {
        assertThat(measure("molBench", new AlienJavaAdapter())).isEqualTo("9616 4 ok");
    }

    @Test
    void cellx1000OnAlienJvm() {
        assertThat(measure("cellx1000", new AlienJavaAdapter())).isEqualTo("-3,-6,-2,2/-2,-4,2,3 4000 ok");
    }

    @Test
    void dynamicGraphWithDynamicNodesOnAlienJvm() {
        assertThat(measure("dynamic_6-10x10_dyn25_lazy80", new AlienJavaAdapter()))
                .isEqualTo("302310782860 1155000 ok");
    }

    /** Runs one row on JavaFX and returns {@code checksum runs status}. */
    private String measure(String name) {
        return measure(name, new JavaFxAdapter());
    }

    /** Runs one row on a library and returns {@code checksum runs status}. */
    private String measure(String name, Adapter fw) {
        Row row = Row.ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        Measurement m = row.measure(harness, fw);
        return m.checksum() + " " + m.runs() + " " + m.status(row);
    }
}
