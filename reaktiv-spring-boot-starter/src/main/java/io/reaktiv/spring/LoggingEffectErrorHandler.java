package io.reaktiv.spring;

import io.reaktiv.Effect;
import io.reaktiv.EffectErrorHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The error handler of the effects the starter creates: logs each failure at {@code ERROR} through Spring's
 * logging, with the effect's name and the exception. The engine has already counted it (the
 * {@code reaktiv.effect.errors} meter), and the effect keeps reacting. It is set on each effect, never as the
 * process-wide handler, so that several application contexts in one JVM do not affect one another.
 */
public class LoggingEffectErrorHandler implements EffectErrorHandler {

    private static final Log logger = LogFactory.getLog(LoggingEffectErrorHandler.class);

    /** Creates the handler. */
    public LoggingEffectErrorHandler() {
    }

    @Override
    public void handle(Effect effect, Throwable error) {
        String name = effect.name();
        logger.error("Reactive effect " + (name != null ? "'" + name + "'" : effect) + " failed", error);
    }
}
