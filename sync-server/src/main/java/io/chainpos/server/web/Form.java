package io.chainpos.server.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submitted form: its values, and the wrong ones with why (a message key and arguments), named by field so
 * the page shows each next to its field. A use-case acts only on a form without errors.
 */
public final class Form {
    private final Map<String, String> values;
    private final Map<String, Problem> errors = new LinkedHashMap<>();

    /** Why a value is wrong: a message key with its arguments. */
    public record Problem(String key, Object... args) {
    }

    public Form(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public static Form empty() {
        return new Form(Map.of());
    }

    /** The value as sent, trimmed; "" when absent. Passwords are read with {@link #raw}. */
    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value.trim();
    }

    /** The value exactly as sent (a password may start or end with a space); "" when absent. */
    public String raw(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    /** Every value as sent, by field (for a use-case that reads a form's fields by name). */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public Form reject(String field, String key, Object... args) {
        errors.putIfAbsent(field, new Problem(key, args));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public Problem error(String field) {
        return errors.get(field);
    }

    public Map<String, Problem> errors() {
        return Map.copyOf(errors);
    }

    /** The form to show again: the same values except the secret ones. */
    public Form without(String... secretFields) {
        Form shown = new Form(values);
        for (String field : secretFields) {
            shown.values.remove(field);
        }
        shown.errors.putAll(errors);
        return shown;
    }
}
