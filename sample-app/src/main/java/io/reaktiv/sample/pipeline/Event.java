package io.reaktiv.sample.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A normalised event: service lower-cased and trimmed, level upper-cased, timestamp an instant.
 *
 * @param service the service
 * @param level {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param timestamp when it happened
 * @param message the message, if any
 */
public record Event(String service, String level, Instant timestamp, @Nullable String message) {

    /** The levels an event may have. */
    public static final Set<String> LEVELS = Set.of("DEBUG", "INFO", "WARN", "ERROR");

    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

    /**
     * Normalises a raw event; the seed's {@code parse_timestamp}.
     *
     * @param raw a checked raw event
     * @return the normalised event
     */
    static Event normalise(RawEvent raw) {
        return new Event(raw.service().trim().toLowerCase(Locale.ROOT), raw.level().toUpperCase(Locale.ROOT),
                raw.ts() == null ? raw.receivedAt() : parseTimestamp(raw.ts()), raw.message());
    }

    /**
     * Parses epoch seconds (with an optional fraction) or ISO-8601 instant text.
     *
     * @param ts the text
     * @return the instant
     * @throws RuntimeException if it is neither
     */
    static Instant parseTimestamp(String ts) {
        if (EPOCH_SECONDS.matcher(ts).matches()) {
            BigDecimal seconds = new BigDecimal(ts);
            long whole = seconds.longValue();
            return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue());
        }
        return Instant.parse(ts);
    }
}
