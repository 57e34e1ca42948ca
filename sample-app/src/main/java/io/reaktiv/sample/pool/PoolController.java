package io.reaktiv.sample.pool;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The pool over HTTP: post the current demand, read the pool. */
@RestController
class PoolController {

    private final ConnectionPool pool;
    private final PoolAutoscaler autoscaler;

    PoolController(ConnectionPool pool, PoolAutoscaler autoscaler) {
        this.pool = pool;
        this.autoscaler = autoscaler;
    }

    /**
     * The current demand.
     *
     * @param demand connections wanted, 0 to 10000
     */
    record DemandRequest(@NotNull(message = "is required (an integer from 0 to 10000)")
            @Min(value = 0, message = "must be an integer from 0 to 10000")
            @Max(value = 10_000, message = "must be an integer from 0 to 10000") Integer demand) {
    }

    /**
     * The pool as it stands.
     *
     * @param demand connections wanted
     * @param size connections open
     * @param busy connections in use
     * @param idle connections open and unused
     * @param needed connections wanted beyond the size
     * @param minSize the lower bound
     * @param maxSize the upper bound
     * @param maxIdle idle connections tolerated before shrinking
     * @param resizes the last resizes, oldest first
     */
    record PoolView(int demand, int size, int busy, int idle, int needed, int minSize, int maxSize, int maxIdle,
            List<String> resizes) {
    }

    @PostMapping("/pool/demand")
    PoolView demand(@Valid @RequestBody DemandRequest request) {
        pool.setDemand(request.demand());
        return view();
    }

    @GetMapping("/pool")
    PoolView view() {
        PoolProperties bounds = pool.bounds();
        return new PoolView(pool.demand().get(), pool.size().get(), pool.busy().get(), pool.idle().get(),
                pool.needed().get(), bounds.minSize(), bounds.maxSize(), bounds.maxIdle(), autoscaler.resizes());
    }
}
