package io.reaktiv.sample.permissions;

import io.reaktiv.sample.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The permission cache over HTTP: set a user's level, put content, read a user's accessible content. */
@RestController
class PermissionController {

    private final PermissionCache cache;

    PermissionController(PermissionCache cache) {
        this.cache = cache;
    }

    /**
     * A user's permission.
     *
     * @param level the level, 0 to 10
     * @param name the display name; optional
     */
    record PermissionRequest(
            @NotNull(message = "is required (an integer from 0 to 10)")
            @Min(value = 0, message = "must be an integer from 0 to 10")
            @Max(value = PermissionCache.MAX_LEVEL, message = "must be an integer from 0 to 10") Integer level,
            @Nullable @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name) {
    }

    /**
     * A content item.
     *
     * @param title the title
     * @param requiredLevel the level needed to see it, 0 to 10
     */
    record ContentRequest(
            @NotBlank(message = "is required (1 to 200 characters)")
            @Size(max = 200, message = "must be 1 to 200 characters") String title,
            @NotNull(message = "is required (an integer from 0 to 10)")
            @Min(value = 0, message = "must be an integer from 0 to 10")
            @Max(value = PermissionCache.MAX_LEVEL, message = "must be an integer from 0 to 10") Integer requiredLevel) {
    }

    @PutMapping("/users/{id}/permissions")
    PermissionCache.UserContent putPermission(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @RequestBody PermissionRequest request) {
        cache.putUser(id, request.name(), request.level());
        return cache.contentOf(id);
    }

    @GetMapping("/users/{id}/content")
    PermissionCache.UserContent content(@PathVariable String id) {
        return cache.contentOf(id);
    }

    @PutMapping("/content/{id}")
    ContentItem putContent(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @Valid @RequestBody ContentRequest request) {
        ContentItem item = new ContentItem(id, request.title(), request.requiredLevel());
        cache.putContent(item);
        return item;
    }

    @GetMapping("/content")
    Collection<ContentItem> content() {
        return cache.content().get().values();
    }
}
