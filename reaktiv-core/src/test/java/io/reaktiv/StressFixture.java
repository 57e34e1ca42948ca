package io.reaktiv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the stress tests share around each test: effect errors are collected instead of logged, so a test can
 * assert exactly which ones were reported; the thread pools a test made are stopped after it, whatever its outcome.
 * Register with {@code @RegisterExtension}.
 */
final class StressFixture implements BeforeEachCallback, AfterEachCallback {

    /** The errors the engine reported for effects during the current test, in order. */
    final List<Throwable> effectErrors = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    /** Registers a pool to be stopped ({@code shutdownNow}) after the test; returns it. */
    <E extends ExecutorService> E track(E pool) {
        pools.add(pool);
        return pool;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        effectErrors.clear();
        Reaktiv.setErrorHandler((effect, error) -> effectErrors.add(error));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Reaktiv.resetErrorHandler();
        pools.forEach(ExecutorService::shutdownNow);
        pools.clear();
    }
}
