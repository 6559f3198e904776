package io.chainpos.model.member;

import java.util.Objects;

/** A profile field's value with the write that set it. */
public record Stamped<T>(T value, Stamp stamp) {
    public Stamped {
        Objects.requireNonNull(stamp, "stamp");
    }

    /** The later of this and a write of {@code candidate} at {@code at}; the earlier write loses. */
    Stamped<T> merge(T candidate, Stamp at) {
        return at.winsOver(stamp) ? new Stamped<>(candidate, at) : this;
    }

    static <T> Stamped<T> mergeInto(Stamped<T> current, T candidate, Stamp at) {
        if (candidate == null) {
            return current;
        }
        return current == null ? new Stamped<>(candidate, at) : current.merge(candidate, at);
    }
}
