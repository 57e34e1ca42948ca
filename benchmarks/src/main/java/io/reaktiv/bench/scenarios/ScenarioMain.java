package io.reaktiv.bench.scenarios;

import java.util.Locale;

/**
 * Runs the 17 scenario rows on one library and prints one line per row:
 * {@code scenario library median_ms checksum runs min_ms status}, the format of the Node harness.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -cp benchmarks.jar io.reaktiv.bench.scenarios.ScenarioMain
 * reaktiv|javafx|vaadin|alien-jvm [scenarioFilter]}. Run one library per JVM: the JIT must not see several
 * libraries at one call site.
 */
public final class ScenarioMain {

    /** JavaFX invalidates recursively, about one frame chain per cellx layer: 2500 layers need a deep stack. */
    private static final long STACK_BYTES = 1L << 30;

    private ScenarioMain() {}

    /**
     * Entry point.
     *
     * @param args the library name and an optional substring that selects rows
     * @throws InterruptedException if interrupted while waiting for the benchmark thread
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ScenarioMain reaktiv|javafx|vaadin|alien-jvm [scenarioFilter]");
            System.exit(2);
        }
        String library = args[0];
        String filter = args.length == 2 ? args[1] : "";
        Adapter fw = load(library);
        Settings settings = Settings.from(System.getenv());
        Harness harness = new Harness(settings, System.out);
        Thread runner = new Thread(null, () -> {
            System.out.println("# " + library + " = " + fw.describe() + ", " + jvm() + ", " + settings.describe());
            for (Row row : Row.ALL) {
                if (row.name().contains(filter)) {
                    harness.run(row, fw, library);
                }
            }
        }, "scenarios", STACK_BYTES);
        runner.start();
        runner.join();
    }

    /** Exits with status 3 when the adapter is not in this build, so that scripts can tell it from a crash. */
    private static Adapter load(String library) {
        try {
            return Adapter.create(library);
        } catch (ClassNotFoundException e) {
            System.err.println("# " + library + ": not in this build (the Vaadin adapter needs a JDK 21+ build)");
            System.exit(3);
            throw new AssertionError(e);
        }
    }

    private static String jvm() {
        return String.format(Locale.ROOT, "java %s (%s, %s), cpus %d", System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors());
    }
}
