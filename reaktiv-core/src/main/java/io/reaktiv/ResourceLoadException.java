package io.reaktiv;

/**
 * Thrown when the value of a {@link Resource} in the {@link ResourceStatus#ERROR ERROR} state is read. Its
 * {@linkplain #getCause() cause} is the exception the loader threw or completed its stage with (or the
 * exception the params function threw).
 */
public class ResourceLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message says which resource failed and what to do about it
     * @param cause the loader's error
     */
    public ResourceLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
