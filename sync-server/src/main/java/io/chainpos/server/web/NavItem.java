package io.chainpos.server.web;

/**
 * An entry of the navigation on every page, shown to whom its access allows; {@code order} places it
 * (home 0, the features in tens). A store-scoped item's {@code href} names {@code {store}}, filled with the
 * viewer's own store.
 */
public record NavItem(String textKey, String href, PageAccess access, int order) {
}
