package io.reaktiv.spring;

import io.reaktiv.Computed;
import io.reaktiv.Effect;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Names the graph's nodes after the application: a {@link Signal}, {@link Computed},
 * {@link io.reaktiv.LinkedSignal} or {@link Effect} that is a bean is named after the bean
 * ({@code serverMetrics}); one held in an instance field of a bean (declared in the bean's class or a superclass;
 * the target class for proxies) is named {@code beanName.fieldName} ({@code healthMonitor.thresholds}). Only
 * nodes without a name are named, so a node keeps the first name it gets: an explicit one, else its bean name,
 * else the first field it is found in. Fields are read once the bean is initialised.
 *
 * <p>Reads fields reflectively; a field that cannot be made accessible (a class in a module that does not open
 * its package) is skipped. Runs first among the post-processors, so that it usually sees beans before any proxy
 * wraps them; it unwraps singleton-target proxies otherwise.
 */
public class ReactiveNodeNamingPostProcessor implements BeanPostProcessor, Ordered {

    /** The fields of each class (and its superclasses) that may hold a node; empty for most classes. */
    private final Map<Class<?>, List<Field>> nodeFields = new ConcurrentHashMap<>();

    /** Creates the post-processor. */
    public ReactiveNodeNamingPostProcessor() {
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AopInfrastructureBean || beanName.startsWith("(inner bean)")) {
            return bean;
        }
        Object target = unwrap(bean);
        nameIfUnnamed(target, beanName);
        for (Field field : nodeFields.computeIfAbsent(target.getClass(), ReactiveNodeNamingPostProcessor::findFields)) {
            Object value;
            try {
                value = field.get(target);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (value != null && value != target) {
                nameIfUnnamed(value, beanName + "." + field.getName());
            }
        }
        return bean;
    }

    /** The object behind singleton-target proxies (the proxy itself holds none of the bean's fields). */
    private static Object unwrap(Object bean) {
        Object current = bean;
        for (int i = 0; i < 8; i++) { // a proxy of a proxy is rare; a bounded loop cannot spin on a cycle
            Object target = AopProxyUtils.getSingletonTarget(current);
            if (target == null) {
                return current;
            }
            current = target;
        }
        return current;
    }

    private static void nameIfUnnamed(Object candidate, String name) {
        if (candidate instanceof Signal<?> signal) { // linked signals included
            if (signal.name() == null) {
                signal.named(name);
            }
        } else if (candidate instanceof Computed<?> computed) {
            if (computed.name() == null) {
                computed.named(name);
            }
        } else if (candidate instanceof Effect effect) {
            if (effect.name() == null) {
                effect.named(name);
            }
        }
    }

    /** Instance fields whose declared type can hold a node, from the class up to (not including) JDK classes. */
    private static List<Field> findFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && !isJdk(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && mayHoldNode(field.getType())
                        && field.trySetAccessible()) {
                    fields.add(field);
                }
            }
        }
        return fields.isEmpty() ? List.of() : List.copyOf(fields);
    }

    private static boolean mayHoldNode(Class<?> declared) {
        return ReadableSignal.class.isAssignableFrom(declared) || Effect.class.isAssignableFrom(declared);
    }

    private static boolean isJdk(Class<?> c) {
        @Nullable String name = c.getPackageName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
    }
}
