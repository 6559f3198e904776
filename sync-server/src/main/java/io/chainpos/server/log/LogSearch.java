package io.chainpos.server.log;

import io.chainpos.model.id.TillId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which stored events {@link EventLog#find} returns: of one of {@code types}, written by {@code till} when
 * given, whose JSON holds one of {@code mentioning} as a string value (an id), at most {@code limit}.
 */
public record LogSearch(Set<String> types, Optional<TillId> till, List<String> mentioning, int limit) {
    public LogSearch {
        types = Set.copyOf(types);
        Objects.requireNonNull(till, "till");
        mentioning = List.copyOf(mentioning);
        if (types.isEmpty() || limit < 1) {
            throw new IllegalArgumentException("a search names at least one type and a limit of at least 1");
        }
    }

    /** Every event of these types mentioning any of these ids. */
    public static LogSearch mentioning(Set<String> types, List<String> ids) {
        return new LogSearch(types, Optional.empty(), ids, Integer.MAX_VALUE);
    }

    /** Every event of {@code type} that {@code till} wrote. */
    public static LogSearch ofTill(TillId till, String type) {
        return new LogSearch(Set.of(type), Optional.of(till), List.of(), Integer.MAX_VALUE);
    }

    public LogSearch first(int newLimit) {
        return new LogSearch(types, till, mentioning, newLimit);
    }
}
