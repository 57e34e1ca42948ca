package io.reaktiv.bench.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library versions the module was built with, from the filtered {@code bench-versions.properties}. */
final class Versions {

    private static final Properties VERSIONS = load();

    private Versions() {}

    /**
     * Returns a library's version.
     *
     * @param library the key in {@code bench-versions.properties}
     * @return the version, or {@code "?"} if unknown
     */
    static String of(String library) {
        return VERSIONS.getProperty(library, "?");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/bench-versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
