package io.reaktiv;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an effect is created: its name, its scheduler and its error handler. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * effect(EffectOptions.defaults().withName("audit").withScheduler(scheduler), () -> audit(state.get()));
 * }</pre>
 */
public final class EffectOptions {

    private static final EffectOptions DEFAULTS = new EffectOptions(null, null, null);

    private final @Nullable String name;
    private final @Nullable EffectScheduler scheduler;
    private final @Nullable EffectErrorHandler errorHandler;

    private EffectOptions(@Nullable String name, @Nullable EffectScheduler scheduler,
            @Nullable EffectErrorHandler errorHandler) {
        this.name = name;
        this.scheduler = scheduler;
        this.errorHandler = errorHandler;
    }

    /**
     * Returns the options with no name and the process-wide default scheduler.
     *
     * @return the default options
     */
    public static EffectOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with the given name.
     *
     * @param name the effect's name; not blank
     * @return the new options
     * @throws IllegalArgumentException if the name is blank
     */
    public EffectOptions withName(String name) {
        return new EffectOptions(Node.checkName(Objects.requireNonNull(name, "name")), scheduler, errorHandler);
    }

    /**
     * Returns a copy with the given scheduler.
     *
     * @param scheduler runs the effect
     * @return the new options
     */
    public EffectOptions withScheduler(EffectScheduler scheduler) {
        return new EffectOptions(name, Objects.requireNonNull(scheduler, "scheduler"), errorHandler);
    }

    /**
     * Returns a copy with the given error handler: the effect's failures go to it instead of the process-wide
     * {@linkplain Reaktiv#setErrorHandler handler}. A framework that owns effects (one application context of
     * several in a JVM) reports through its own handler this way without changing the process-wide one.
     *
     * @param errorHandler receives this effect's failures
     * @return the new options
     */
    public EffectOptions withErrorHandler(EffectErrorHandler errorHandler) {
        return new EffectOptions(name, scheduler, Objects.requireNonNull(errorHandler, "errorHandler"));
    }

    /**
     * Returns the effect's error handler.
     *
     * @return the handler, or {@code null} for the process-wide one at the time of each failure
     */
    public @Nullable EffectErrorHandler errorHandler() {
        return errorHandler;
    }

    /**
     * Returns the effect's name.
     *
     * @return the name, or {@code null} for none
     */
    public @Nullable String name() {
        return name;
    }

    /**
     * Returns the scheduler.
     *
     * @return the scheduler, or {@code null} for the process-wide default at creation time
     */
    public @Nullable EffectScheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return "EffectOptions[name=" + name + ", scheduler=" + scheduler + ", errorHandler=" + errorHandler + "]";
    }
}
