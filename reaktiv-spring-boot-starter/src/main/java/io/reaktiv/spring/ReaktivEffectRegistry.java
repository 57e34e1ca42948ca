package io.reaktiv.spring;

import io.reaktiv.Effect;
import io.reaktiv.EffectErrorHandler;
import io.reaktiv.EffectOptions;
import io.reaktiv.EffectScheduler;
import io.reaktiv.EffectScope;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Owns the effects of one application context's {@link ReactiveEffect} methods. Until {@link #start()} (called
 * by {@link ReaktivLifecycle} once every singleton exists) it only remembers them; from then on it creates each
 * bean's effects as soon as the bean is initialised. Every effect is created in the context's
 * {@link EffectScope} ({@code reaktivScope}) with the context's scheduler and error handler (never the
 * process-wide defaults), so that the effects are disposed with the scope when the context closes, or one
 * bean's with {@link #dispose(Object)} when that bean is destroyed.
 *
 * <p>Thread-safe: lazy and prototype beans may be created on any thread. Effects are created outside the
 * registry's lock, because an inline effect runs its method at once.
 */
public class ReaktivEffectRegistry {

    private static final Log logger = LogFactory.getLog(ReaktivEffectRegistry.class);

    private final EffectScope scope;
    private final EffectOptions options;
    private final Supplier<ReactiveEffectObserver> observer;

    /** Guards everything below. */
    private final Object monitor = new Object();
    private final List<ReactiveEffectMethod> pending = new ArrayList<>();
    private final Map<Object, List<Effect>> effectsByBean = new IdentityHashMap<>();
    private boolean started;
    private boolean closed;

    /**
     * Creates the registry.
     *
     * @param scope owns every effect created here; disposed by {@link #disposeAll()}
     * @param scheduler runs the effects
     * @param errorHandler receives their failures
     * @param observer observes each run; asked once, when the first effect is created
     */
    public ReaktivEffectRegistry(EffectScope scope, EffectScheduler scheduler, EffectErrorHandler errorHandler,
            Supplier<ReactiveEffectObserver> observer) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.options = EffectOptions.defaults().withScheduler(scheduler).withErrorHandler(errorHandler);
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Takes the effect methods of a freshly initialised bean: creates their effects now if the registry was
     * started, else when it starts. Ignored once the registry was closed.
     */
    void register(List<ReactiveEffectMethod> methods) {
        synchronized (monitor) {
            if (closed) {
                logger.debug("Context closing: not starting effects " + methods);
                return;
            }
            if (!started) {
                pending.addAll(methods);
                return;
            }
        }
        create(methods);
    }

    /** Creates the effects registered so far and every later one at once. Idempotent. */
    public void start() {
        List<ReactiveEffectMethod> toCreate;
        synchronized (monitor) {
            if (started || closed) {
                return;
            }
            started = true;
            toCreate = new ArrayList<>(pending);
            pending.clear();
        }
        create(toCreate);
    }

    private void create(List<ReactiveEffectMethod> methods) {
        ReactiveEffectObserver runObserver = observer.get();
        for (ReactiveEffectMethod method : methods) {
            Effect effect = scope.run(() -> method.create(options, runObserver));
            boolean keep;
            synchronized (monitor) {
                keep = !closed;
                if (keep) {
                    effectsByBean.computeIfAbsent(method.bean(), b -> new ArrayList<>()).add(effect);
                }
            }
            if (!keep) {
                effect.dispose(); // the context closed while this one was being created
            }
        }
    }

    /**
     * Disposes the effects of one bean (being destroyed). A run already in progress on another thread finishes.
     *
     * @param bean the bean, as exposed by the context
     */
    public void dispose(Object bean) {
        List<Effect> effects;
        synchronized (monitor) {
            effects = effectsByBean.remove(bean);
            pending.removeIf(m -> m.bean() == bean);
        }
        if (effects != null) {
            effects.forEach(Effect::dispose);
        }
    }

    /**
     * Whether this bean has effects that {@link #dispose(Object)} would dispose (or that are waiting to start).
     *
     * @param bean the bean, as exposed by the context
     * @return {@code true} if it has
     */
    public boolean owns(Object bean) {
        synchronized (monitor) {
            return effectsByBean.containsKey(bean) || pending.stream().anyMatch(m -> m.bean() == bean);
        }
    }

    /**
     * Disposes every effect of the context: those of {@link ReactiveEffect} methods and those created inside the
     * context's scope. No new run starts afterwards; effects of beans initialised later are not created.
     * Idempotent.
     *
     * @return the {@link ReactiveEffect} effects this call disposed (empty on later calls)
     */
    public List<Effect> disposeAll() {
        List<Effect> disposed = new ArrayList<>();
        synchronized (monitor) {
            closed = true;
            pending.clear();
            effectsByBean.values().forEach(disposed::addAll);
            effectsByBean.clear();
        }
        scope.dispose();
        return disposed;
    }

    /**
     * Returns the effects created so far and not disposed through this registry.
     *
     * @return the effects, by bean in creation order
     */
    public List<Effect> effects() {
        synchronized (monitor) {
            List<Effect> all = new ArrayList<>();
            effectsByBean.values().forEach(all::addAll);
            return all;
        }
    }
}
