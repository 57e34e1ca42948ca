package io.reaktiv.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns every kind of bad input into a {@link ProblemDetail} (RFC 9457) whose {@code detail} says what was wrong
 * and what was expected, and whose {@code errors} lists each offending field. Spring's defaults ("Failed to read
 * request", "Invalid request content") say neither.
 *
 * <p>Validation always happens before any signal is written, so a rejected request changes nothing.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
        body.setTitle("Unreadable request body");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, @Nullable Object>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .forEach(e -> errors.add(fieldError(e.getField(), e.getDefaultMessage(), e.getRejectedValue())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(fieldError(e.getObjectName(), e.getDefaultMessage(), null)));
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, @Nullable Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bean) {
                // A @Valid request body validated together with constrained path variables: its field errors.
                bean.getFieldErrors().stream().sorted(Comparator.comparing(FieldError::getField)).forEach(
                        e -> errors.add(fieldError(e.getField(), e.getDefaultMessage(), e.getRejectedValue())));
                return;
            }
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(fieldError(name != null ? name : "argument", error.getDefaultMessage(),
                        result.getArgument()));
            }
        });
        return invalid(ex, errors, headers, request);
    }

    /**
     * Constraint violations from method validation outside MVC's own (a {@code @Validated} bean called by a
     * controller): a 400 like the others.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    @Nullable ResponseEntity<Object> handleConstraintViolation(jakarta.validation.ConstraintViolationException ex,
            WebRequest request) {
        List<Map<String, @Nullable Object>> errors = new ArrayList<>();
        ex.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String path = v.getPropertyPath().toString();
                    errors.add(fieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage(),
                            v.getInvalidValue()));
                });
        return invalid(ex, errors, new HttpHeaders(), request);
    }

    private @Nullable ResponseEntity<Object> invalid(Exception ex, List<Map<String, @Nullable Object>> errors,
            HttpHeaders headers, WebRequest request) {
        String detail = errors.stream()
                .map(e -> e.get("field") + " " + e.get("message")
                        + (e.get("rejected") != null ? " (was " + e.get("rejected") + ")" : ""))
                .collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + detail);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, @Nullable Object> fieldError(String field, @Nullable String message,
            @Nullable Object rejected) {
        Map<String, @Nullable Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        error.put("rejected", rejected);
        return error;
    }

    /** Says, in one sentence, what Jackson could not read and what it expected instead. */
    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof PropertyBindingException unknown) {
            return "Unknown field '" + path(unknown) + "'; expected only "
                    + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        if (cause instanceof InvalidFormatException format) {
            return "Wrong type for '" + path(format) + "': expected " + typeName(format.getTargetType()) + " (was "
                    + quote(format.getValue()) + ")";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String at = mismatch.getPath().isEmpty() ? "the request body" : "'" + path(mismatch) + "'";
            return "Wrong type for " + at + ": expected " + typeName(mismatch.getTargetType()) + " ("
                    + firstLine(mismatch.getOriginalMessage()) + ")";
        }
        if (cause instanceof StreamReadException malformed) {
            return "Malformed JSON: " + firstLine(malformed.getOriginalMessage());
        }
        if (cause instanceof JacksonException other) {
            return "Unreadable JSON at '" + path(other) + "': " + firstLine(other.getOriginalMessage());
        }
        return "Required request body is missing or not JSON; expected a JSON document";
    }

    private static String path(JacksonException ex) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(@Nullable Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return type == Integer.class || type == int.class || type == Long.class || type == long.class
                    ? "an integer" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return type.getSimpleName();
    }

    private static String quote(@Nullable Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
