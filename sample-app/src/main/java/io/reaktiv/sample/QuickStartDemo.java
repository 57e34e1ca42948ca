package io.reaktiv.sample;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.effect;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.Effect;
import io.reaktiv.Signal;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The seed's Quick Start and its layered-configuration example, on reaktiv-core, printing to the console.
 * The Spring Boot service replaces this demo when the starter exists.
 */
public final class QuickStartDemo {

    private QuickStartDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @param out where the demo prints
     */
    static void run(PrintStream out) {
        out.println("== Basic reactivity");
        Signal<String> name = signal("Alice").named("name");
        Effect greeter = effect("greeter", () -> out.println("Hello, " + name.get() + "!"));
        name.set("Bob");

        out.println("== update()");
        Signal<Integer> counter = signal(0).named("counter");
        counter.update(x -> x + 1);
        counter.update(x -> x + 1);
        out.println("counter = " + counter.get());

        out.println("== Computed values");
        Signal<Integer> price = signal(100).named("price");
        Signal<Double> taxRate = signal(0.2).named("taxRate");
        Computed<Double> total = computed(() -> price.get() * (1 + taxRate.get())).named("total");
        out.println("total = " + total.get());
        taxRate.set(0.25);
        out.println("total = " + total.get());

        out.println("== Layered configuration (one effect run per batch)");
        Signal<Map<String, Object>> global = signal(Map.<String, Object>of("log_level", "INFO", "timeout", 30));
        Signal<Map<String, Object>> instance = signal(Map.<String, Object>of("log_level", "DEBUG"));
        Computed<Map<String, Object>> effective = computed(() -> merge(List.of(global.get(), instance.get())))
                .named("effectiveConfig");
        Effect logger = effect("configLogger", () -> out.println("effective config: " + effective.get()));
        batch(() -> {
            global.update(cfg -> merge(List.of(cfg, Map.of("timeout", 60))));
            instance.set(Map.of("log_level", "TRACE"));
        });

        greeter.dispose();
        logger.dispose();
        name.set("Carol"); // disposed: prints nothing
    }

    private static Map<String, Object> merge(List<Map<String, Object>> layers) {
        java.util.TreeMap<String, Object> merged = new java.util.TreeMap<>();
        layers.forEach(merged::putAll);
        return java.util.Collections.unmodifiableMap(merged);
    }
}
