package io.reaktiv.sample;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 400 for input that is well-formed JSON but makes no sense here; the detail says what was expected. */
public final class BadRequest extends ResponseStatusException {

    /**
     * Creates the exception.
     *
     * @param detail what was wrong and what was expected
     */
    public BadRequest(String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
    }
}
