package io.reaktiv;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Asynchronously loaded, reactive state: a value derived from params by a loader that returns a
 * {@link java.util.concurrent.CompletionStage}. Created with {@link Reaktiv#resource}.
 *
 * <pre>{@code
 * Resource<User> user = resource(() -> userId.get(),                      // tracked; null: nothing to load
 *         req -> http.getUser(req.params(), req.cancellation()));        // returns CompletionStage<User>
 * effect(() -> render(user.status().get(), user.value().get()));
 * }</pre>
 *
 * <p>The params function is tracked like a computed: when its result changes (by {@code equals}), the load in
 * flight is cancelled (its {@link Cancellation} is flagged and its stage cancelled) and a new load starts.
 * A result or error that arrives for a superseded load is discarded, so a slow old response never overwrites
 * a newer one. The loader runs on the {@linkplain ResourceOptions#executor() resource's executor}; the state
 * changes ({@link #status()}, {@link #value()}, ...) are written on the thread that changed the params (for
 * {@code LOADING}) or on the thread that completed the loader's stage (for {@code RESOLVED}/{@code ERROR}),
 * and the effects they notify run there.
 *
 * <p>The params are watched by an effect. A resource created inside an {@link EffectScope} or an effect's run
 * belongs to it like an effect does: it is destroyed with that scope, or before that effect's next run.
 * Otherwise it lives until {@link #destroy()}.
 *
 * <p>Thread-safe.
 *
 * @param <T> the type of the loaded value
 */
public interface Resource<T> {

    /**
     * Returns the value as a readable signal: the last loaded value ({@code RESOLVED}), the value being
     * reloaded ({@code RELOADING}), the value set by hand ({@code LOCAL}), or {@code null} ({@code IDLE},
     * {@code LOADING}). In the {@code ERROR} state, reading it throws.
     *
     * @return the value signal; reading it throws {@link ResourceLoadException} (with the loader's error as
     *     the cause) while the status is {@link ResourceStatus#ERROR}
     */
    ReadableSignal<@Nullable T> value();

    /**
     * Returns the status as a readable signal.
     *
     * @return the status signal
     */
    ReadableSignal<ResourceStatus> status();

    /**
     * Returns the error of the last load as a readable signal.
     *
     * @return the error signal: the loader's error in the {@code ERROR} state, otherwise {@code null}
     */
    ReadableSignal<@Nullable Throwable> error();

    /**
     * Returns whether a load is in flight, as a readable signal.
     *
     * @return a signal that is {@code true} in the {@code LOADING} and {@code RELOADING} states
     */
    ReadableSignal<Boolean> isLoading();

    /**
     * Returns whether the resource holds a non-null value (so {@code value().get()} neither throws nor
     * returns {@code null}). Inside a computed or an effect, this read is tracked like {@code get()}.
     *
     * @return {@code true} if the value is readable and not {@code null}
     */
    boolean hasValue();

    /**
     * Loads the current params again. The status becomes {@code RELOADING} and the current value stays
     * readable until the new result arrives. Inside a {@link Reaktiv#batch batch}, the load starts when the
     * batch ends.
     *
     * @return {@code true} if a reload was started; {@code false} if there is nothing to reload (the params
     *     are {@code null}), a load is already in flight, or the resource was destroyed
     */
    boolean reload();

    /**
     * Sets the value by hand: the status becomes {@code LOCAL}, the error is cleared and the load in flight,
     * if any, is cancelled. The next params change loads again.
     *
     * @param value the new value
     * @throws IllegalStateException if the resource was destroyed
     */
    void set(@Nullable T value);

    /**
     * Replaces the value with {@code updater.apply(current)} atomically, like {@link #set} otherwise. The
     * current value is {@code null} in the {@code IDLE}, {@code LOADING} and {@code ERROR} states. The updater
     * runs under the engine's lock, so it must be short and must not block.
     *
     * @param updater computes the new value from the current one
     * @throws IllegalStateException if the resource was destroyed
     */
    void update(UnaryOperator<@Nullable T> updater);

    /**
     * Stops the resource for good: the load in flight is cancelled, params changes start nothing anymore,
     * and the status becomes {@code IDLE} with no value. Idempotent.
     */
    void destroy();

    /**
     * Returns whether {@link #destroy()} was called (directly or by the owning scope or effect).
     *
     * @return {@code true} once destroyed
     */
    boolean isDestroyed();

    /**
     * Returns the resource's name.
     *
     * @return the name, or {@code null} if none was given
     */
    @Nullable String name();
}
