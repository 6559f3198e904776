package io.chainpos.till.ui;

import java.util.List;
import java.util.Objects;

/**
 * A line for the cashier, shown in place on the screen it concerns: a message key of the screens' bundle and its
 * arguments, so it is rendered in whichever language the till shows now. A use-case's own sentence (a refusal)
 * travels as the key {@link #TEXT} with the sentence as its one argument.
 */
public record Notice(Level level, String key, List<Object> args) {
    /** The key of a sentence shown as it is. */
    public static final String TEXT = "text";

    public enum Level { INFO, SUCCESS, WARNING, ERROR }

    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Notice info(String key, Object... args) {
        return new Notice(Level.INFO, key, List.of(args));
    }

    public static Notice success(String key, Object... args) {
        return new Notice(Level.SUCCESS, key, List.of(args));
    }

    public static Notice warning(String key, Object... args) {
        return new Notice(Level.WARNING, key, List.of(args));
    }

    public static Notice error(String key, Object... args) {
        return new Notice(Level.ERROR, key, List.of(args));
    }

    /** Why a use-case said no, in its own words. */
    public static Notice refused(String reason) {
        return new Notice(Level.ERROR, TEXT, List.of(reason));
    }
}
