package io.reaktiv;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Resource} is created: its name and the executor its loader runs on. Immutable; start from
 * {@link #defaults()}.
 *
 * <pre>{@code
 * Resource<User> user = resource(ResourceOptions.defaults().withName("user").withExecutor(ioPool),
 *         () -> userId.get(), req -> http.getUser(req.params(), req.cancellation()));
 * }</pre>
 */
public final class ResourceOptions {

    private static final ResourceOptions DEFAULTS = new ResourceOptions(null, null);

    private final @Nullable String name;
    private final @Nullable Executor executor;

    private ResourceOptions(@Nullable String name, @Nullable Executor executor) {
        this.name = name;
        this.executor = executor;
    }

    /**
     * Returns the options with no name and the {@linkplain #defaultExecutor() shared default executor}.
     *
     * @return the default options
     */
    public static ResourceOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with the given name, used for the resource's nodes in error messages, logs and the graph
     * snapshot.
     *
     * @param name the resource's name; not blank
     * @return the new options
     * @throws IllegalArgumentException if the name is blank
     */
    public ResourceOptions withName(String name) {
        return new ResourceOptions(Node.checkName(Objects.requireNonNull(name, "name")), executor);
    }

    /**
     * Returns a copy with the given executor. The loader is called on it, so it may block (for example on a
     * synchronous HTTP call) before returning its stage. The resource never shuts the executor down.
     *
     * @param executor runs the loader
     * @return the new options
     */
    public ResourceOptions withExecutor(Executor executor) {
        return new ResourceOptions(name, Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Returns the resource's name.
     *
     * @return the name, or {@code null} for none
     */
    public @Nullable String name() {
        return name;
    }

    /**
     * Returns the executor the loader runs on.
     *
     * @return the executor given to {@link #withExecutor}, or the {@linkplain #defaultExecutor() default}
     */
    public Executor executor() {
        Executor e = executor;
        return e != null ? e : defaultExecutor();
    }

    /**
     * Returns the shared executor loaders run on when none is given: a virtual-thread-per-task executor when
     * the JVM has virtual threads (Java 21 and later), otherwise a cached pool of daemon threads named
     * {@code reaktiv-resource-N}. Both suit blocking I/O and never keep the JVM alive.
     *
     * @return the shared default executor
     */
    public static Executor defaultExecutor() {
        return DefaultExecutor.INSTANCE;
    }

    @Override
    public String toString() {
        return "ResourceOptions[name=" + name + ", executor=" + (executor != null ? executor : "default") + "]";
    }

    /** Created on first use only. */
    private static final class DefaultExecutor {

        static final ExecutorService INSTANCE = create();

        private static ExecutorService create() {
            try {
                Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
                return (ExecutorService) virtual.invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError notAvailable) {
                // Java 17 to 20 (or virtual threads disabled): fall back to platform threads.
            }
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = task -> {
                Thread thread = new Thread(task, "reaktiv-resource-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            return Executors.newCachedThreadPool(factory);
        }
    }
}
