package io.reaktiv;

/**
 * Thrown when a computed value depends on itself, directly or through other computeds, or reported to the
 * error handler when an effect keeps re-triggering itself without settling.
 */
public class CycleDetectedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says which nodes form the cycle
     */
    public CycleDetectedException(String message) {
        super(message);
    }
}
