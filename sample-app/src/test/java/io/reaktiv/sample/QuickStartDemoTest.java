package io.reaktiv.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartDemoTest {

    @Test
    void printsTheQuickStartOutputOfTheSeed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickStartDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "== Basic reactivity",
                "Hello, Alice!",
                "Hello, Bob!",
                "== update()",
                "counter = 2",
                "== Computed values",
                "total = 120.0",
                "total = 125.0",
                "== Layered configuration (one effect run per batch)",
                "effective config: {log_level=DEBUG, timeout=30}",
                "effective config: {log_level=TRACE, timeout=60}");
    }
}
