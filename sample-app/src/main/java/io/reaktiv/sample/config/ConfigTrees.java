package io.reaktiv.sample.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Pure functions on configuration trees: JSON objects as nested maps. */
final class ConfigTrees {

    private ConfigTrees() {
    }

    /**
     * Deep-merges {@code top} over {@code base}: nested objects merge key by key, anything else in {@code top}
     * replaces what {@code base} has.
     */
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> top) {
        Map<String, Object> out = new TreeMap<>(base);
        top.forEach((key, value) -> {
            if (value instanceof Map<?, ?> topChild && out.get(key) instanceof Map<?, ?> baseChild) {
                out.put(key, merge(cast(baseChild), cast(topChild)));
            } else {
                out.put(key, value);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Applies a JSON merge patch (RFC 7386): objects merge recursively, {@code null} removes a key, anything
     * else replaces.
     */
    static Map<String, Object> patch(Map<String, Object> target, Map<String, @Nullable Object> patch) {
        Map<String, Object> out = new TreeMap<>(target);
        patch.forEach((key, value) -> {
            if (value == null) {
                out.remove(key);
            } else if (value instanceof Map<?, ?> patchChild) {
                Map<String, Object> current = out.get(key) instanceof Map<?, ?> m ? cast(m) : Map.of();
                out.put(key, patch(current, cast(patchChild)));
            } else {
                out.put(key, freeze(value));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Deep immutable copy of a value read from JSON. */
    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : freeze(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(v == null ? null : freeze(v)));
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    /** What changed from {@code before} to {@code after}, one line per dotted path, sorted by path. */
    static List<String> diff(Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        diff("", before, after, out);
        return out;
    }

    private static void diff(String prefix, Map<String, Object> before, Map<String, Object> after, List<String> out) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String path = prefix + key;
            Object b = before.get(key);
            Object a = after.get(key);
            if (b instanceof Map<?, ?> bm && a instanceof Map<?, ?> am) {
                diff(path + ".", cast(bm), cast(am), out);
            } else if (!Objects.equals(b, a)) {
                out.add(b == null ? path + ": added " + a : a == null ? path + ": removed (was " + b + ")"
                        : path + ": " + b + " -> " + a);
            }
        }
    }

    /**
     * Checks a patch before anything is applied.
     *
     * @return what is wrong with it, or {@code null} if nothing
     */
    static @Nullable String problem(String path, Map<?, ?> tree, int depth) {
        if (depth > 10) {
            return "'" + path + "' nests deeper than 10 levels";
        }
        for (Map.Entry<?, ?> e : tree.entrySet()) {
            String key = String.valueOf(e.getKey());
            String at = path.isEmpty() ? key : path + "." + key;
            if (key.isEmpty() || key.length() > 100 || key.contains(".")) {
                return "key '" + at + "' must be 1-100 characters without '.'";
            }
            if (e.getValue() instanceof Map<?, ?> child) {
                String problem = problem(at, child, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> cast(Map<?, ?> map) {
        return (Map<String, V>) map;
    }
}
