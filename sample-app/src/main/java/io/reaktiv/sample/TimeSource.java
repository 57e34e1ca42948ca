package io.reaktiv.sample;

import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Time as a signal. A computed must be pure, so none reads the wall clock: those that depend on time ("offline
 * when not seen for 60 s", "requests in the last minute") read {@link #now()}, which a scheduled task advances
 * from the injected {@link Clock} once a second. Tests replace the clock and call {@link #tick()} themselves.
 *
 * <p>The value is truncated to whole seconds, so a tick writes (and wakes the computeds that read it) at most
 * once a second, and a tick with a clock that did not move is a no-op write.
 */
@Component
public class TimeSource {

    private final Clock clock;
    private final Signal<Instant> now;

    /**
     * Creates the time signal at the clock's current second.
     *
     * @param clock where time comes from
     */
    public TimeSource(Clock clock) {
        this.clock = clock;
        this.now = signal(currentSecond());
    }

    /**
     * Returns the current time, to the second, as of the last tick.
     *
     * @return the time signal, read-only
     */
    public ReadableSignal<Instant> now() {
        return now.asReadonly();
    }

    /** Advances {@link #now()} to the clock's current second; runs every second. */
    @Scheduled(fixedRateString = "${sample.time.tick-interval:1s}")
    public void tick() {
        now.set(currentSecond());
    }

    private Instant currentSecond() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
