package io.chainpos.server.web;

import java.util.List;
import java.util.function.Supplier;

/**
 * What every page's layout shows around the page itself: the title, the navigation the viewer may use, who
 * is signed in, the language switch, the count of open exceptions (null when the viewer may not see them), a
 * notice after a redirect, where the reports' figures come from (null: the primary, no replica), and the words and
 * formats of the page's language. Every template takes
 * {@code Shell shell} and its own view-model.
 */
public record Shell(
        Language language,
        Texts texts,
        Formats formats,
        Viewer viewer,
        String titleKey,
        List<Link> nav,
        Long openExceptions,
        String path,
        String noticeKey,
        String csrfToken,
        Supplier<String> formTokens,
        ReportFreshness.FiguresAsOf figures) {

    /** A navigation entry as shown: its text, where it goes, and whether it is the page being shown. */
    public record Link(String text, String href, boolean current) {
    }

    /** The page's words: {@code t("users.title")}, {@code t("users.count", 3)}. */
    public String t(String key, Object... args) {
        return texts.text(language, key, args);
    }

    public String title() {
        return t(titleKey);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean may(Permission permission) {
        return viewer != null && viewer.may(permission);
    }

    public String notice() {
        return noticeKey == null ? null : t(noticeKey);
    }

    /** The wrong value's message for {@code field} of {@code form}, or null when it is right. */
    public String error(Form form, String field) {
        Form.Problem problem = form.error(field);
        return problem == null ? null : t(problem.key(), problem.args());
    }

    /** A fresh one-time token for one form (a hidden {@code _once} field): sent twice, the form acts once. */
    public String newFormToken() {
        return formTokens.get();
    }

    /** The line under the page saying where reports read and how fresh they are, or null without a replica. */
    public String figuresLine() {
        if (figures == null) {
            return null;
        }
        if (!figures.replica()) {
            return t("shell.figures.primary");
        }
        String asOf = figures.asOf().map(formats::dateTime).orElse("?");
        return figures.eventsBehind() == 0 ? t("shell.figures.current", asOf)
                : t("shell.figures.behind", asOf, figures.eventsBehind());
    }

    /** The languages the switch offers besides this one. */
    public List<Language> otherLanguages() {
        return java.util.Arrays.stream(Language.values()).filter(l -> l != language).toList();
    }

    /** Where the language switch sends back to: this page. */
    public String languageHref(Language other) {
        return "/language/" + other.tag() + "?back=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }
}
