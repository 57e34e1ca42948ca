package io.reaktiv.sample.pipeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event as it arrived (already checked: the service is present, the level is known, the timestamp parses).
 *
 * @param service the service as given
 * @param level the level as given, in any case
 * @param ts the timestamp as given: epoch seconds or ISO-8601 text; {@code null} for the arrival time
 * @param message the message, if any
 * @param receivedAt when it arrived
 */
public record RawEvent(String service, String level, @Nullable String ts, @Nullable String message,
        Instant receivedAt) {
}
