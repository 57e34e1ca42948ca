package io.reaktiv;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an effect is created: its name and its scheduler. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * effect(EffectOptions.defaults().withName("audit").withScheduler(scheduler), () -> audit(state.get()));
 * }</pre>
 */
public final class EffectOptions {

    private static final EffectOptions DEFAULTS = new EffectOptions(null, null);

    private final @Nullable String name;
    private final @Nullable EffectScheduler scheduler;

    private EffectOptions(@Nullable String name, @Nullable EffectScheduler scheduler) {
        this.name = name;
        this.scheduler = scheduler;
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
        return new EffectOptions(Node.checkName(Objects.requireNonNull(name, "name")), scheduler);
    }

    /**
     * Returns a copy with the given scheduler.
     *
     * @param scheduler runs the effect
     * @return the new options
     */
    public EffectOptions withScheduler(EffectScheduler scheduler) {
        return new EffectOptions(name, Objects.requireNonNull(scheduler, "scheduler"));
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
        return "EffectOptions[name=" + name + ", scheduler=" + scheduler + "]";
    }
}
