package io.reaktiv;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** An executor the test drives by hand: tasks wait until {@link #runAll()}, so interleavings are exact. */
final class ManualExecutor implements Executor {

    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    /** Runs the queued tasks, and those they queue, on the calling thread until none is left. */
    void runAll() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }
}
