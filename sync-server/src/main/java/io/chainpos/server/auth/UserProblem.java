package io.chainpos.server.auth;

/**
 * Why a user could not be created or changed, with the form field it concerns: the page shows
 * {@code users.problem.<code>} next to that field, the command line prints the English sentence.
 */
public enum UserProblem {
    USERNAME_INVALID("username", "a username is 1-64 letters, digits, '.', '_', '@' or '-'"),
    USERNAME_TAKEN("username", "this user already exists"),
    ROLE_UNKNOWN("role", "the role must be hq-admin, hq-analyst or store-manager"),
    STORE_REQUIRED("store", "a store manager needs the store they manage"),
    STORE_INVALID("store", "a store id is 1-32 letters, digits, '-' or '_'"),
    STORE_NOT_FOR_ROLE("store", "only a store manager is bound to a store"),
    PASSWORD_LENGTH("password", "a password is " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters"),
    PASSWORDS_DIFFER("confirm", "the two passwords differ"),
    OLD_PASSWORD_WRONG("old", "the current password is wrong"),
    SAME_PASSWORD("password", "the new password is the current one");

    private final String field;
    private final String english;

    UserProblem(String field, String english) {
        this.field = field;
        this.english = english;
    }

    public String field() {
        return field;
    }

    public String english() {
        return english;
    }

    /** {@code username-invalid}: the end of its message key. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
