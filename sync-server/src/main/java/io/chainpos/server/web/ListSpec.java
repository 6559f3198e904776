package io.chainpos.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a list page allows: the columns it may be sorted by (a whitelist: a name in the URL, an SQL expression
 * in the adapter), the default sort, its filters and its page size. {@link #read} turns a request's query
 * into a {@link ListRequest}, ignoring any sort or filter it does not name.
 */
public final class ListSpec {
    public static final int MAX_PAGE = 200;

    /** A sortable column: its name in URLs, its SQL expression (never null in the rows), and whether it is a number. */
    public record Column(String name, String sql, boolean numeric) {
    }

    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final String defaultSort;
    private final boolean defaultDescending;
    private final Set<String> filters;
    private final int pageSize;
    private final Column key;

    /**
     * @param key the unique column that orders rows with the same sort value (the primary key)
     */
    public ListSpec(List<Column> sortable, Column key, String defaultSort, boolean defaultDescending, Set<String> filters,
                    int pageSize) {
        for (Column column : sortable) {
            columns.put(column.name(), column);
        }
        if (!columns.containsKey(defaultSort)) {
            throw new IllegalArgumentException("the default sort " + defaultSort + " is not a sortable column");
        }
        this.key = Objects.requireNonNull(key, "key");
        this.defaultSort = defaultSort;
        this.defaultDescending = defaultDescending;
        this.filters = Set.copyOf(filters);
        this.pageSize = Math.min(pageSize, MAX_PAGE);
    }

    public ListRequest read(Map<String, List<String>> query) {
        String sort = first(query, "sort");
        Column column = sort != null && columns.containsKey(sort) ? columns.get(sort) : columns.get(defaultSort);
        String dir = first(query, "dir");
        boolean descending = dir != null ? dir.equals("desc") : column.name().equals(defaultSort) && defaultDescending;
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String filter : filters) {
            String value = first(query, filter);
            if (value != null && !value.isBlank()) {
                chosen.put(filter, value.trim());
            }
        }
        return new ListRequest(column, key, descending, Cursor.decode(first(query, "after")), pageSize, chosen);
    }

    public List<String> sortable() {
        return new ArrayList<>(columns.keySet());
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
