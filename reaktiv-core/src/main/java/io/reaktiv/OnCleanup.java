package io.reaktiv;

import java.util.function.Consumer;

/**
 * Registers cleanup functions for the current run of an effect. They run in registration order before the
 * effect's next run and when it is disposed.
 */
@FunctionalInterface
public interface OnCleanup extends Consumer<Runnable> {

    /**
     * Registers a cleanup function for the current run.
     *
     * @param cleanup runs before the next run or on dispose
     */
    @Override
    void accept(Runnable cleanup);
}
