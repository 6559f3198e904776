package io.chainpos.server.web;

/**
 * One feature's pages: it registers each route with the access it needs (and its navigation item) on
 * {@link Pages}, and names its message bundle. The composition root lists the features.
 */
public interface PageFeature {
    void addTo(Pages pages);

    /** The base name of the feature's message bundle ({@code auth/messages}), or null when it has none. */
    default String messages() {
        return null;
    }
}
