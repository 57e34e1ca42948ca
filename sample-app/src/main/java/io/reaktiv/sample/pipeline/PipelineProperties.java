package io.reaktiv.sample.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event pipeline.
 *
 * @param alertThreshold a service with more errors than this among the retained events is alerted (the seed's 5)
 * @param maxRetained events kept; older ones are dropped as new ones arrive
 * @param maxBatch events one request may post
 */
@ConfigurationProperties("sample.events")
public record PipelineProperties(@DefaultValue("5") int alertThreshold, @DefaultValue("10000") int maxRetained,
        @DefaultValue("1000") int maxBatch) {
}
