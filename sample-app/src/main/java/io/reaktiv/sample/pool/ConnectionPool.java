package io.reaktiv.sample.pool;

import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import org.springframework.stereotype.Component;

/**
 * The seed's resource pool, simulated: {@code demand} (connections wanted right now) and {@code size} (connections
 * open) are signals; {@code busy}, {@code idle} and {@code needed} follow from them. {@link PoolAutoscaler} resizes
 * the pool.
 */
@Component
public class ConnectionPool {

    private final PoolProperties bounds;
    private final Signal<Integer> demand = signal(0);
    private final Signal<Integer> size;
    private final Computed<Integer> busy;
    private final Computed<Integer> idle;
    private final Computed<Integer> needed;

    /**
     * Creates the pool at its minimum size.
     *
     * @param bounds the pool's bounds
     */
    public ConnectionPool(PoolProperties bounds) {
        this.bounds = bounds;
        this.size = signal(bounds.minSize());
        this.busy = computed(() -> Math.min(demand.get(), size.get()));
        this.idle = computed(() -> size.get() - busy.get());
        this.needed = computed(() -> Math.max(0, demand.get() - size.get()));
    }

    /**
     * Sets the demand.
     *
     * @param connections connections wanted right now
     */
    public void setDemand(int connections) {
        demand.set(connections);
    }

    /**
     * Resizes the pool, clamped to its bounds.
     *
     * @param connections the new size
     * @return the size set
     */
    int resize(int connections) {
        int clamped = Math.max(bounds.minSize(), Math.min(bounds.maxSize(), connections));
        size.set(clamped);
        return clamped;
    }

    /**
     * Returns the bounds.
     *
     * @return min, max, max idle
     */
    public PoolProperties bounds() {
        return bounds;
    }

    /**
     * Returns the demand.
     *
     * @return connections wanted right now
     */
    public ReadableSignal<Integer> demand() {
        return demand.asReadonly();
    }

    /**
     * Returns the pool size.
     *
     * @return connections open
     */
    public ReadableSignal<Integer> size() {
        return size.asReadonly();
    }

    /**
     * Returns the busy connections.
     *
     * @return {@code min(demand, size)}
     */
    public Computed<Integer> busy() {
        return busy;
    }

    /**
     * Returns the idle connections.
     *
     * @return {@code size - busy}
     */
    public Computed<Integer> idle() {
        return idle;
    }

    /**
     * Returns the connections wanted beyond the pool's size.
     *
     * @return {@code max(0, demand - size)}
     */
    public Computed<Integer> needed() {
        return needed;
    }
}
