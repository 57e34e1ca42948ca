package io.reaktiv.spring;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds the {@link ReactiveEffect} methods of every bean once it is initialised, validates them (a bad signature
 * fails the bean's creation, and so the startup, with a message naming the bean, its class, the method and what
 * is allowed) and hands them to the context's {@link ReaktivEffectRegistry}; disposes a bean's effects when the
 * bean is destroyed.
 *
 * <p>Methods are looked up on the bean's target class, through CGLIB and JDK proxies alike, and invoked on the
 * bean as exposed (the proxy), as {@code @Scheduled} methods are. It runs after the other post-processors
 * ({@link Ordered#LOWEST_PRECEDENCE}) so that it sees the final proxy.
 */
public class ReactiveEffectMethodProcessor implements DestructionAwareBeanPostProcessor, Ordered {

    private final Supplier<ReaktivEffectRegistry> registry;
    /** Target classes known to have no annotated method. */
    private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();
    /** Target classes with annotated methods: their beans need {@link #postProcessBeforeDestruction}. */
    private final Set<Class<?>> annotatedClasses = ConcurrentHashMap.newKeySet();

    /**
     * Creates the processor.
     *
     * @param registry supplies the context's registry; asked only when a bean with effects is found, so the
     *     processor itself initialises nothing early
     */
    public ReactiveEffectMethodProcessor(Supplier<ReaktivEffectRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AopInfrastructureBean) {
            return bean;
        }
        Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
        if (nonAnnotatedClasses.contains(targetClass)
                || !AnnotationUtils.isCandidateClass(targetClass, ReactiveEffect.class)) {
            return bean;
        }
        Map<Method, ReactiveEffect> annotated = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<ReactiveEffect>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, ReactiveEffect.class));
        if (annotated.isEmpty()) {
            nonAnnotatedClasses.add(targetClass);
            return bean;
        }
        annotatedClasses.add(targetClass);
        List<ReactiveEffectMethod> methods = new ArrayList<>(annotated.size());
        annotated.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.getName().compareTo(b.getName())))
                .forEach(e -> methods.add(ReactiveEffectMethod.of(bean, beanName, targetClass, e.getKey(),
                        e.getValue())));
        registry.get().register(methods);
        return bean;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        registry.get().dispose(bean);
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        // Asked for every bean as it is registered: must not touch the registry (it may not exist yet).
        return annotatedClasses.contains(AopProxyUtils.ultimateTargetClass(bean));
    }
}
