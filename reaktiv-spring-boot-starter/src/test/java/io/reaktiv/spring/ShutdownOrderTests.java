package io.reaktiv.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reaktiv.NodeSnapshot;
import io.reaktiv.Reaktiv;
import io.reaktiv.Signal;
import io.reaktiv.spring.autoconfigure.ReaktivAutoConfiguration;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On close, effects are disposed and the scheduler drained before any bean is destroyed: an effect never runs
 * against a destroyed bean.
 */
class ShutdownOrderTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReaktivAutoConfiguration.class));

    @Test
    void preDestroyShouldSeeNoEffectRunningAndNoneAboutToRun() throws Exception {
        Worker.reset();
        runner.withBean("worker", Worker.class).run(context -> {
            await().until(() -> Worker.runs.get() == 1);
            Worker.level.set(1); // the second run blocks until released
            assertThat(Worker.blocked.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(((ConfigurableApplicationContext) context)::close);
            // The lifecycle disposes the effect first; the run in progress goes on, and close waits for it.
            await().until(() -> Graphs.node("worker.work").disposed());
            assertThat(closing).isNotDone();
            assertThat(Worker.destroyed).isEmpty();

            Worker.release.countDown();
            closing.get(10, TimeUnit.SECONDS);
        });
        assertThat(Worker.destroyed).containsExactly("destroyed: inRun=false, running=false, disposed=true, runs=2");
        assertThat(Worker.runs.get()).isEqualTo(2); // the write in @PreDestroy ran nothing
    }

    @Test
    void closeShouldCancelPendingStagesOfAsyncEffectsBeforeBeansAreDestroyed() {
        AsyncWorker.stages.clear();
        AsyncWorker.destroyed.clear();
        runner.withBean("asyncWorker", AsyncWorker.class).run(context ->
                await().until(() -> AsyncWorker.stages.size() == 1));
        assertThat(AsyncWorker.destroyed).containsExactly(true);
    }

    static class Worker {
        static Signal<Integer> level;
        static AtomicInteger runs;
        static AtomicBoolean inRun;
        static CountDownLatch blocked;
        static CountDownLatch release;
        static List<String> destroyed;

        static void reset() {
            level = Reaktiv.signal(0);
            runs = new AtomicInteger();
            inRun = new AtomicBoolean();
            blocked = new CountDownLatch(1);
            release = new CountDownLatch(1);
            destroyed = new CopyOnWriteArrayList<>();
        }

        @ReactiveEffect
        void work() throws InterruptedException {
            inRun.set(true);
            try {
                runs.incrementAndGet();
                if (level.get() > 0) {
                    blocked.countDown();
                    release.await();
                }
            } finally {
                inRun.set(false);
            }
        }

        @PreDestroy
        void destroy() {
            NodeSnapshot node = Graphs.node("worker.work");
            level.set(2);
            destroyed.add("destroyed: inRun=" + inRun.get() + ", running=" + node.running() + ", disposed="
                    + node.disposed() + ", runs=" + runs.get());
        }
    }

    static class AsyncWorker {
        static final List<CompletableFuture<Void>> stages = new CopyOnWriteArrayList<>();
        static final List<Boolean> destroyed = new CopyOnWriteArrayList<>();

        @ReactiveEffect
        CompletableFuture<Void> load() {
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        }

        @PreDestroy
        void destroy() {
            destroyed.add(stages.get(0).isCancelled());
        }
    }
}
