package io.reaktiv.sample.pipeline;

import io.reaktiv.sample.BadRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The pipeline over HTTP: post an array of events, read the statistics. */
@RestController
class PipelineController {

    private final EventPipeline pipeline;
    private final PipelineAlerts alerts;
    private final PipelineProperties properties;
    private final Clock clock;

    PipelineController(EventPipeline pipeline, PipelineAlerts alerts, PipelineProperties properties, Clock clock) {
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An event as posted.
     *
     * @param service the service, 1 to 64 characters
     * @param level {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}, in any case
     * @param ts epoch seconds (a number) or ISO-8601 text; optional
     * @param message optional, at most 1000 characters
     */
    record EventRequest(@Nullable String service, @Nullable String level, @Nullable JsonNode ts,
            @Nullable String message) {
    }

    /**
     * The pipeline's statistics.
     *
     * @param ingested events ingested since startup
     * @param retained events retained
     * @param errors error events among them
     * @param errorsByService errors per service among them
     * @param alerts services over the alert threshold, with their counts
     * @param latestErrors the last ten error events, normalised, oldest first
     */
    record Stats(long ingested, int retained, int errors, Map<String, Integer> errorsByService,
            Map<String, Integer> alerts, List<Event> latestErrors) {
    }

    @PostMapping("/events")
    Stats ingest(@RequestBody List<EventRequest> events) {
        if (events.size() > properties.maxBatch()) {
            throw new BadRequest("Too many events: " + events.size() + "; post at most " + properties.maxBatch()
                    + " at a time");
        }
        Instant now = clock.instant();
        List<RawEvent> checked = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            checked.add(check(i, events.get(i), now));
        }
        pipeline.ingest(checked);
        return stats();
    }

    /** Checks every field of one event, so that a bad one rejects the whole request before anything is applied. */
    private static RawEvent check(int index, @Nullable EventRequest event, Instant now) {
        String at = "[" + index + "]";
        if (event == null) {
            throw new BadRequest(at + " is null; expected an event object");
        }
        if (event.service() == null || event.service().isBlank() || event.service().length() > 64) {
            throw new BadRequest(at + ".service is required: 1 to 64 characters (was "
                    + (event.service() == null ? "missing" : "'" + event.service() + "'") + ")");
        }
        if (event.level() == null || !Event.LEVELS.contains(event.level().toUpperCase(Locale.ROOT))) {
            throw new BadRequest(at + ".level must be one of " + new TreeSet<>(Event.LEVELS) + " (was "
                    + (event.level() == null ? "missing" : "'" + event.level() + "'") + ")");
        }
        if (event.message() != null && event.message().length() > 1000) {
            throw new BadRequest(at + ".message must be at most 1000 characters");
        }
        String ts = null;
        JsonNode node = event.ts();
        if (node != null && !node.isNull()) {
            if (node.isNumber() && node.asDouble() >= 0 || node.isString()) {
                ts = node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
                try {
                    Event.parseTimestamp(ts);
                } catch (RuntimeException e) {
                    ts = null;
                }
            }
            if (ts == null) {
                throw new BadRequest(at + ".ts must be epoch seconds (a number >= 0) or an ISO-8601 instant "
                        + "such as 2021-04-29T16:00:00Z (was " + node + ")");
            }
        }
        return new RawEvent(event.service(), event.level(), ts, event.message(), now);
    }

    @GetMapping("/events/stats")
    Stats stats() {
        List<Event> errors = pipeline.errorEvents().get();
        return new Stats(pipeline.ingested().get(), pipeline.rawEvents().get().size(), errors.size(),
                pipeline.errorCountByService().get(), alerts.alerts().get(),
                errors.subList(Math.max(0, errors.size() - 10), errors.size()));
    }
}
