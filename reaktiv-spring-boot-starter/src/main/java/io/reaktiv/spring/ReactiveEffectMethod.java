package io.reaktiv.spring;

import io.reaktiv.Effect;
import io.reaktiv.EffectOptions;
import io.reaktiv.OnCleanup;
import io.reaktiv.Reaktiv;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * One validated {@link ReactiveEffect} method of one bean: knows how to create its effect and how to invoke it.
 *
 * @param bean the bean as exposed by the context (its proxy, if it has one): the method is invoked on it
 * @param beanName the bean's name
 * @param method the method to invoke on {@code bean} (the proxy's, for proxies)
 * @param name the effect's name
 * @param takesCleanup whether the method takes the {@link OnCleanup} parameter
 * @param async whether the method returns a {@link CompletionStage}
 */
record ReactiveEffectMethod(Object bean, String beanName, Method method, String name, boolean takesCleanup,
        boolean async) {

    /** What the message of a bad signature says is allowed. */
    static final String ALLOWED = "A @ReactiveEffect method must be an instance method that takes no parameters "
            + "or a single io.reaktiv.OnCleanup parameter, and returns void (a synchronous effect) or a "
            + "java.util.concurrent.CompletionStage (an async effect).";

    /**
     * Validates {@code method} (found on the bean's target class) and selects the method to invoke on
     * {@code bean}.
     *
     * @throws IllegalStateException naming the bean, its class, the method and what is allowed, if the method
     *     does not qualify
     */
    static ReactiveEffectMethod of(Object bean, String beanName, Class<?> targetClass, Method method,
            ReactiveEffect annotation) {
        String problem = problem(method);
        if (problem != null) {
            throw new IllegalStateException("Invalid @ReactiveEffect method " + describe(method) + " on bean '"
                    + beanName + "' (class " + targetClass.getName() + "): " + problem + ". " + ALLOWED);
        }
        Method invocable;
        try {
            invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        } catch (IllegalStateException notInvocable) {
            throw new IllegalStateException("The @ReactiveEffect method " + describe(method) + " on bean '"
                    + beanName + "' (class " + targetClass.getName() + ") cannot be invoked through the bean's "
                    + "proxy: " + notInvocable.getMessage(), notInvocable);
        }
        ReflectionUtils.makeAccessible(invocable);
        String name = StringUtils.hasText(annotation.name()) ? annotation.name() : beanName + "." + method.getName();
        return new ReactiveEffectMethod(bean, beanName, invocable, name, method.getParameterCount() == 1,
                method.getReturnType() != void.class);
    }

    private static @Nullable String problem(Method method) {
        if (Modifier.isStatic(method.getModifiers())) {
            return "it is static";
        }
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || (parameters.length == 1 && parameters[0] != OnCleanup.class)) {
            return "it takes (" + Arrays.stream(parameters).map(Class::getName).collect(Collectors.joining(", "))
                    + ")";
        }
        Class<?> returned = method.getReturnType();
        if (returned != void.class && !CompletionStage.class.isAssignableFrom(returned)) {
            return "it returns " + returned.getName();
        }
        return null;
    }

    private static String describe(Method method) {
        return "'" + method.getName() + "' (" + method.toGenericString() + ")";
    }

    /**
     * Creates and starts the effect (on the scheduler in {@code options}).
     *
     * @param options the effect's scheduler and error handler; the name is added here
     * @param observer observes each run
     * @return the effect
     */
    Effect create(EffectOptions options, ReactiveEffectObserver observer) {
        EffectOptions named = options.withName(name);
        if (async) {
            return Reaktiv.asyncEffect(named, onCleanup -> invokeAsync(onCleanup, observer));
        }
        return Reaktiv.effect(named, onCleanup -> invokeSync(onCleanup, observer));
    }

    private void invokeSync(OnCleanup onCleanup, ReactiveEffectObserver observer) {
        ReactiveEffectObserver.Run run = observer.start(name, false);
        Throwable failure = null;
        try {
            invoke(onCleanup);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            run.leave();
            run.end(failure);
        }
    }

    private CompletionStage<?> invokeAsync(OnCleanup onCleanup, ReactiveEffectObserver observer) {
        ReactiveEffectObserver.Run run = observer.start(name, true);
        CompletionStage<?> stage;
        try {
            stage = (CompletionStage<?>) invoke(onCleanup);
        } catch (Throwable t) {
            run.leave();
            run.end(t);
            throw t;
        }
        run.leave();
        if (stage == null) {
            NullPointerException noStage = new NullPointerException("The @ReactiveEffect method " + method.getName()
                    + " of bean '" + beanName + "' returned null; return a CompletionStage (for example "
                    + "CompletableFuture.completedFuture(null) when there is nothing to wait for).");
            run.end(noStage);
            throw noStage;
        }
        stage.whenComplete((value, error) -> run.end(error instanceof CompletionException c && c.getCause() != null
                ? c.getCause() : error));
        return stage;
    }

    /** Invokes the method, rethrowing what it threw as is (a checked exception included). */
    private @Nullable Object invoke(OnCleanup onCleanup) {
        try {
            return takesCleanup ? method.invoke(bean, onCleanup) : method.invoke(bean);
        } catch (InvocationTargetException e) {
            throw ReactiveEffectMethod.<RuntimeException>sneakyThrow(e.getCause() != null ? e.getCause() : e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot invoke " + method, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneakyThrow(Throwable error) throws E {
        throw (E) error;
    }
}
