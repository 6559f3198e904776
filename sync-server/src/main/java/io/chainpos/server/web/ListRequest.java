package io.chainpos.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list as asked for: the sort column (from the whitelist), its direction, the cursor after which
 * the page starts, how many rows, and the filters. {@link #keyset} gives the adapter its SQL: rows are paged
 * by key, never by OFFSET, so page 500 costs what page 1 does.
 */
public record ListRequest(ListSpec.Column sort, ListSpec.Column key, boolean descending, Optional<Cursor> after,
                          int size, Map<String, String> filters) {

    public Optional<String> filter(String name) {
        return Optional.ofNullable(filters.get(name));
    }

    /** The same list from {@code cursor} on, in pages of {@code pageSize} (an export walks every page). */
    public ListRequest from(Optional<Cursor> cursor, int pageSize) {
        return new ListRequest(sort, key, descending, cursor, pageSize, filters);
    }

    /**
     * The keyset condition ({@code "1=1"} on the first page) and ORDER BY of this page, with the condition's
     * arguments in order. The adapter adds its filters and {@code LIMIT size + 1} (one more tells whether there
     * is a next page).
     */
    public Keyset keyset() {
        String order = descending ? "DESC" : "ASC";
        String orderBy = sort.sql() + " " + order + ", " + key.sql() + " " + order;
        if (after.isEmpty()) {
            return new Keyset("1=1", orderBy, List.of());
        }
        String beyond = descending ? "<" : ">";
        String where = "(" + sort.sql() + " " + beyond + " ? OR (" + sort.sql() + " = ? AND " + key.sql() + " " + beyond + " ?))";
        Object value = typed(sort, after.get().sortValue());
        List<Object> args = new ArrayList<>();
        args.add(value);
        args.add(value);
        args.add(typed(key, after.get().key()));
        return new Keyset(where, orderBy, args);
    }

    /** SQL for one page: the condition, the ORDER BY, and the condition's arguments. */
    public record Keyset(String where, String orderBy, List<Object> args) {
    }

    /** The page from rows fetched with {@code LIMIT size + 1}: at most {@code size} rows and the next page's cursor. */
    public <T> Slice<T> slice(List<T> fetched, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= size) {
            return new Slice<>(fetched, Optional.empty());
        }
        List<T> rows = fetched.subList(0, size);
        return new Slice<>(List.copyOf(rows), Optional.of(cursorOf.apply(rows.getLast())));
    }

    private static Object typed(ListSpec.Column column, String value) {
        if (!column.numeric()) {
            return value;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
