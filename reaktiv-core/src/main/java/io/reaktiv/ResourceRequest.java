package io.reaktiv;

import java.util.Objects;

/**
 * What a {@link Resource} loader is asked to load: the params, and a {@link Cancellation} flagged when the
 * result is no longer wanted.
 *
 * @param <P> the params type
 */
public final class ResourceRequest<P> {

    private final P params;
    private final Cancellation cancellation;

    ResourceRequest(P params, Cancellation cancellation) {
        this.params = Objects.requireNonNull(params, "params");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    }

    /**
     * Returns the params this load is for; never {@code null} (null params mean nothing is loaded).
     *
     * @return the params
     */
    public P params() {
        return params;
    }

    /**
     * Returns the cancellation of this load: flagged when the params change, or the resource is reloaded,
     * set by hand or destroyed, before the load completes.
     *
     * @return the cancellation
     */
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public String toString() {
        return "ResourceRequest[params=" + params + ", " + cancellation + "]";
    }
}
