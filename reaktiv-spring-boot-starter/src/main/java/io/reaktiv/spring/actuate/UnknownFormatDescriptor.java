package io.reaktiv.spring.actuate;

import java.util.List;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of the 400 response to {@code GET /actuator/reaktiv?format=...} with an unknown format.
 *
 * @param error what was wrong
 * @param acceptedFormats the values {@code format} accepts
 */
public record UnknownFormatDescriptor(String error, List<String> acceptedFormats) implements OperationResponseBody {
}
