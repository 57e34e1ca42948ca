package io.reaktiv.sample.gateway;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint's circuit as the computed decided it.
 *
 * @param state {@code closed} (calls pass), {@code open} (calls are answered 503) or {@code half-open} (one
 *     trial call may pass: its success closes the circuit, its failure opens it again)
 * @param calls calls in the window
 * @param failures failed calls in the window
 * @param openUntil when an open circuit becomes half-open; {@code null} unless open or half-open
 */
public record Circuit(String state, int calls, int failures, @Nullable Instant openUntil) {

    /** A circuit with no recent calls. */
    static final Circuit CLOSED = new Circuit("closed", 0, 0, null);

    /**
     * Returns whether calls are refused outright.
     *
     * @return whether the state is {@code open}
     */
    public boolean isOpen() {
        return state.equals("open");
    }

    /**
     * Returns whether only a trial call may pass.
     *
     * @return whether the state is {@code half-open}
     */
    public boolean isHalfOpen() {
        return state.equals("half-open");
    }
}
