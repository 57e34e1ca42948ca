package io.reaktiv.sample.permissions;

import static io.reaktiv.Reaktiv.batch;
import static io.reaktiv.Reaktiv.computed;
import static io.reaktiv.Reaktiv.signal;

import io.reaktiv.Computed;
import io.reaktiv.ReadableSignal;
import io.reaktiv.Signal;
import io.reaktiv.sample.NotFound;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The seed's "intelligent cache management", made fine-grained: the seed keeps every user's accessible content
 * in one computed map, so changing Bob's level recomputes Alice's list too. Here each user has a level signal
 * ({@code permissionCache.level.<user>}) and an accessible-content computed
 * ({@code permissionCache.accessibleContent.<user>}) that reads only that level and the content, so a change of
 * one user's level recomputes that user's cache only; a change of content recomputes each user's cache once, on
 * its next read. Nobody invalidates anything.
 *
 * <p>Starts with the seed's data: Alice ({@code user1}, level 5), Bob ({@code user2}, level 2), "Public Content"
 * (level 1) and "Admin Content" (level 5).
 */
@Component
public class PermissionCache {

    /** The highest permission level. */
    public static final int MAX_LEVEL = 10;

    private final Signal<Map<String, String>> users = signal(Map.of());
    private final Signal<Map<String, ContentItem>> content = signal(Map.of());
    private final Map<String, UserCache> caches = new ConcurrentHashMap<>();

    /** One user's permission level and the computed content that level grants. */
    private record UserCache(Signal<Integer> level, Computed<List<ContentItem>> accessible) {
    }

    /** Creates the cache with the seed's users and content. */
    public PermissionCache() {
        batch(() -> {
            putUser("user1", "Alice", 5);
            putUser("user2", "Bob", 2);
            putContent(new ContentItem("c1", "Public Content", 1));
            putContent(new ContentItem("c2", "Admin Content", 5));
        });
    }

    /**
     * Sets a user's permission level; a new id registers the user (named after the id unless a name is given).
     *
     * @param id the user id
     * @param name the user's display name, or {@code null} to keep it (or use the id for a new user)
     * @param level the level, 0 to {@value #MAX_LEVEL}
     */
    public void putUser(String id, @org.jspecify.annotations.Nullable String name, int level) {
        UserCache cache = caches.computeIfAbsent(id, this::newCache);
        batch(() -> {
            users.update(current -> {
                if (current.containsKey(id) && (name == null || name.equals(current.get(id)))) {
                    return current;
                }
                Map<String, String> next = new TreeMap<>(current);
                next.put(id, name != null ? name : id);
                return Collections.unmodifiableMap(next);
            });
            cache.level().set(level);
        });
    }

    private UserCache newCache(String id) {
        Signal<Integer> level = signal(0).named("permissionCache.level." + id);
        Computed<List<ContentItem>> accessible = computed(() -> {
            int granted = level.get();
            return content.get().values().stream().filter(item -> item.requiredLevel() <= granted).toList();
        }).named("permissionCache.accessibleContent." + id);
        return new UserCache(level, accessible);
    }

    /**
     * Creates or replaces a content item.
     *
     * @param item the item
     */
    public void putContent(ContentItem item) {
        content.update(current -> {
            Map<String, ContentItem> next = new TreeMap<>(current);
            next.put(item.id(), item);
            return Collections.unmodifiableMap(next);
        });
    }

    /**
     * Returns what a user may see.
     *
     * @param id the user id
     * @return the user, their level and their accessible content (from the cache: computed only after a change)
     * @throws NotFound if the user is unknown
     */
    public UserContent contentOf(String id) {
        Map<String, String> known = users.get();
        UserCache cache = caches.get(id);
        if (cache == null || !known.containsKey(id)) {
            throw new NotFound("user", id, known.keySet());
        }
        return new UserContent(id, known.get(id), cache.level().get(), cache.accessible().get(),
                cache.accessible().name());
    }

    /**
     * Returns all content by id.
     *
     * @return the content signal, read-only
     */
    public ReadableSignal<Map<String, ContentItem>> content() {
        return content.asReadonly();
    }

    /**
     * A user's accessible content.
     *
     * @param user the user id
     * @param name the user's name
     * @param level the user's permission level
     * @param content the content items the level grants, by id
     * @param cacheNode the name of the user's computed in the graph ({@code /actuator/reaktiv/{name}})
     */
    public record UserContent(String user, String name, int level, List<ContentItem> content,
            @org.jspecify.annotations.Nullable String cacheNode) {
    }
}
