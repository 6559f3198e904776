package io.chainpos.server.web;

/**
 * One-time tokens carried by forms (a hidden {@code _once} field): the first submission of a rendered form
 * uses its token, a second submission of the same form (a double click, a reload) finds it used and acts not.
 */
public interface FormTokens {
    /** True the first time {@code token} is used; false ever after. */
    boolean use(String token);

    /** Gives a token back after the action it guarded failed, so sending the form again may act. */
    void release(String token);
}
