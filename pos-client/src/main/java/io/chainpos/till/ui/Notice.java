package io.chainpos.till.ui;

import io.chainpos.till.TillMessage;
import java.util.List;
import java.util.Objects;

/**
 * A line for the cashier, shown in place on the screen it concerns: a message key of the screens' bundle and its
 * arguments, so it is rendered in whichever language the till shows now. What a use-case said (a refusal, a note)
 * travels as the key {@link #TILL} with its {@link TillMessage} as the one argument, put into words the same way.
 */
public record Notice(Level level, String key, List<Object> args) {
    /** The key of a use-case's {@link TillMessage}, its one argument. */
    public static final String TILL = "till";

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

    /** Why a use-case said no. */
    public static Notice refused(TillMessage reason) {
        return new Notice(Level.ERROR, TILL, List.of(reason));
    }

    /** What a use-case did, at this level. */
    public static Notice said(Level level, TillMessage message) {
        return new Notice(level, TILL, List.of(message));
    }

    /** The use-case's message this notice carries, if it is one. */
    public java.util.Optional<TillMessage> tillMessage() {
        return TILL.equals(key) && !args.isEmpty() && args.getFirst() instanceof TillMessage m
                ? java.util.Optional.of(m) : java.util.Optional.empty();
    }
}
