package io.reaktiv.sample.pool;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Signal;
import io.reaktiv.spring.ReactiveEffect;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code manage_pool}: when connections are needed, grows the pool to meet the demand (up to its
 * maximum); when more than {@code max-idle} connections are idle, shrinks it to what is busy (down to its
 * minimum). The effect writes the size it reads, so it runs once more after a resize and then finds nothing to
 * do. Keeps the last {@value #KEPT} resizes for {@code GET /pool}.
 */
@Component
public class PoolAutoscaler {

    /** How many resizes are kept. */
    static final int KEPT = 50;

    private static final Logger log = LoggerFactory.getLogger(PoolAutoscaler.class);

    private final ConnectionPool pool;
    private final Signal<List<String>> resizes = signal(List.of());

    /**
     * Creates the autoscaler.
     *
     * @param pool the pool it resizes
     */
    public PoolAutoscaler(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Runs after startup and whenever demand or size changed the needed or idle connections. */
    @ReactiveEffect
    void managePool() {
        int needed = pool.needed().get();
        int idle = pool.idle().get();
        int size = pool.size().get();
        int target;
        if (needed > 0) {
            target = size + needed;
        } else if (idle > pool.bounds().maxIdle()) {
            target = pool.busy().get();
        } else {
            return;
        }
        int resized = pool.resize(target);
        if (resized != size) {
            String message = (resized > size ? "grew " : "shrank ") + size + " -> " + resized
                    + " (demand " + pool.demand().peek() + ")";
            log.info("Pool {}", message);
            resizes.update(current -> {
                List<String> next = new ArrayList<>(current);
                next.add(message);
                return List.copyOf(next.subList(Math.max(0, next.size() - KEPT), next.size()));
            });
        }
    }

    /**
     * Returns the last resizes, oldest first.
     *
     * @return descriptions such as {@code grew 2 -> 8 (demand 8)}
     */
    public List<String> resizes() {
        return resizes.get();
    }
}
