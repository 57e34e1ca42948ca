package io.reaktiv.sample.pipeline;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The seed's multi-stage pipeline: {@code rawEvents} (the last {@code max-retained}) and {@code ingested} (a
 * total) are signals; {@code normalizedEvents}, {@code errorEvents} and {@code errorCountByService} are computeds,
 * each stage reading the one before. A posted array is appended in one {@code batch} together with the total, so
 * whatever watches the pipeline runs once per request, never half-way through one.
 */
@Component
public class EventPipeline {

    private final PipelineProperties properties;
    private final Signal<List<RawEvent>> rawEvents = signal(List.of());
    private final Signal<Long> ingested = signal(0L);
    private final Computed<List<Event>> normalizedEvents =
            computed(() -> rawEvents.get().stream().map(Event::normalise).toList());
    private final Computed<List<Event>> errorEvents =
            computed(() -> normalizedEvents.get().stream().filter(e -> e.level().equals("ERROR")).toList());
    private final Computed<Map<String, Integer>> errorCountByService = computed(() -> {
        Map<String, Integer> counts = new TreeMap<>();
        errorEvents.get().forEach(e -> counts.merge(e.service(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    });

    /**
     * Creates the pipeline.
     *
     * @param properties retention and thresholds
     */
    public EventPipeline(PipelineProperties properties) {
        this.properties = properties;
    }

    /**
     * Appends checked events, dropping the oldest beyond the retention, and counts them: one batch.
     *
     * @param events the events, already checked
     */
    public void ingest(List<RawEvent> events) {
        int max = properties.maxRetained();
        batch(() -> {
            rawEvents.update(current -> {
                List<RawEvent> next = new ArrayList<>(Math.min(max, current.size() + events.size()));
                int skipOld = Math.max(0, current.size() + events.size() - max);
                if (skipOld < current.size()) {
                    next.addAll(current.subList(skipOld, current.size()));
                }
                next.addAll(events.subList(Math.max(0, events.size() - max), events.size()));
                return List.copyOf(next);
            });
            ingested.update(n -> n + events.size());
        });
    }

    /**
     * Returns the events ingested since startup.
     *
     * @return the total
     */
    public ReadableSignal<Long> ingested() {
        return ingested.asReadonly();
    }

    /**
     * Returns the retained events.
     *
     * @return the raw events, oldest first
     */
    public ReadableSignal<List<RawEvent>> rawEvents() {
        return rawEvents.asReadonly();
    }

    /**
     * Returns the retained error events.
     *
     * @return normalised events of level {@code ERROR}
     */
    public Computed<List<Event>> errorEvents() {
        return errorEvents;
    }

    /**
     * Returns the errors per service among the retained events.
     *
     * @return service to error count
     */
    public Computed<Map<String, Integer>> errorCountByService() {
        return errorCountByService;
    }
}
