package io.reaktiv;

/**
 * The state of a {@link Resource}, readable reactively through {@link Resource#status()}.
 *
 * <p>Typical sequences: {@code IDLE → LOADING → RESOLVED} when params appear and the load succeeds,
 * {@code RESOLVED → RELOADING → RESOLVED} after {@link Resource#reload()}, {@code → ERROR} when the loader
 * fails, {@code → LOCAL} after {@link Resource#set} or {@link Resource#update}.
 */
public enum ResourceStatus {

    /** The params are {@code null} (nothing to load), or the resource was destroyed. There is no value. */
    IDLE,

    /** A load for new params is in flight. There is no value yet: the previous params' value was dropped. */
    LOADING,

    /** A load started by {@link Resource#reload()} is in flight; the previous value stays readable. */
    RELOADING,

    /** The last load completed successfully; the value is its result. */
    RESOLVED,

    /** The last load failed; reading the value throws {@link ResourceLoadException}. */
    ERROR,

    /** The value was set by hand with {@link Resource#set} or {@link Resource#update}. */
    LOCAL;

    /**
     * Returns whether a load is in flight in this status.
     *
     * @return {@code true} for {@link #LOADING} and {@link #RELOADING}
     */
    public boolean isLoading() {
        return this == LOADING || this == RELOADING;
    }
}
