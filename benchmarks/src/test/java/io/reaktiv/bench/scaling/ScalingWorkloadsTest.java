package io.reaktiv.bench.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reaktiv.bench.scaling.ScalingMain.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every workload of {@link ScalingMain} on two threads for one short window: it does work and its own
 * correctness check passes (a stale read, a lost update or an effect that missed the last value would fail it).
 * Nothing here is timed.
 */
class ScalingWorkloadsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "reaktiv, A", "reaktiv, B", "reaktiv, C", "reaktiv, D", "reaktiv, E",
        "atomic, A", "atomic, B", "atomic, C", "atomic, D", "atomic, E",
        "memo, C"
    })
    void aWindowOnTwoThreadsDoesWorkAndChecksOut(String library, String workload) throws Exception {
        Workload w = Workload.of(library, workload, 2);
        try {
            long operations = w.window(50);

            assertThat(operations).isPositive();
            assertThat(w.verify()).isNull();
        } finally {
            w.close();
        }
    }

    @Test
    void memoHasOnlyTheReadMostlyWorkload() {
        assertThatThrownBy(() -> Workload.of("memo", "A", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library memo has workload C only, not A");
    }

    @Test
    void anUnknownLibraryIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Workload.of("rxjava", "A", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("library must be reaktiv, atomic, memo or vaadin, not rxjava");
    }
}
