package io.reaktiv.sample.permissions;

/**
 * A piece of content and the permission level it needs.
 *
 * @param id the content id
 * @param title the title
 * @param requiredLevel the lowest permission level that may see it
 */
public record ContentItem(String id, String title, int requiredLevel) {
}
