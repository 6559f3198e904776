package io.chainpos.server.web;

/**
 * What a signed-in person may see or do on head office's pages and API. Roles grant permissions
 * ({@code auth.Role}); a page route declares the one it needs ({@link PageAccess}). A feature that adds a page
 * adds its permission here and grants it in {@code Role}.
 */
public enum Permission {
    /** The home page and one's own account (password, language, sign-out). */
    HOME,
    VIEW_USERS,
    MANAGE_USERS,
    VIEW_AUDIT,
    VIEW_EXCEPTIONS,
    RESOLVE_EXCEPTIONS,
    VIEW_CATALOG,
    PUBLISH_CATALOG,
    VIEW_PROMOTIONS,
    PUBLISH_PROMOTIONS,
    VIEW_LOYALTY,
    PUBLISH_LOYALTY,
    VIEW_MEMBERS,
    ERASE_MEMBERS,
    /** Change a member's standing from head office: record their opt-out (退订) from marketing messages. */
    CHANGE_MEMBERS,
    VIEW_STORES,
    MANAGE_STORES,
    VIEW_SALES,
    VIEW_STOCK,
    VIEW_LIABILITIES,
    /** Read feedback and complaints (a store manager: their store's). */
    VIEW_CARE,
    /** Record feedback and change its status, handler and notes (a store manager: their store's). */
    HANDLE_CARE,
    /** Set stores' minimum stock and propose transfers between stores (head office's stock planning). */
    PLAN_STOCK,
    /** Read message templates, campaigns and their reports (head office only). */
    VIEW_MESSAGES,
    /** Write templates, create and send campaigns (head office's admin). */
    SEND_MESSAGES
}
