package io.chainpos.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The links a list page shows, keeping its filters: sort by a column (again: the other way), the next page,
 * back to the first, and the CSV export of everything filtered ({@code <path>.csv}).
 */
public record ListLinks(String path, ListRequest request, Optional<Cursor> next) {

    public String sortHref(String column) {
        boolean descending = column.equals(request.sort().name()) && !request.descending();
        Map<String, String> query = new LinkedHashMap<>(request.filters());
        query.put("sort", column);
        query.put("dir", descending ? "desc" : "asc");
        return href(path, query);
    }

    /** ▲ or ▼ on the column the list is sorted by, "" on the others. */
    public String arrow(String column) {
        return column.equals(request.sort().name()) ? (request.descending() ? "▼" : "▲") : "";
    }

    public boolean hasNext() {
        return next.isPresent();
    }

    public String nextHref() {
        Map<String, String> query = ordered();
        next.ifPresent(cursor -> query.put("after", cursor.encode()));
        return href(path, query);
    }

    public boolean isFirstPage() {
        return request.after().isEmpty();
    }

    public String firstHref() {
        return href(path, ordered());
    }

    public String csvHref() {
        return href(path + ".csv", ordered());
    }

    public String filter(String name) {
        return request.filters().getOrDefault(name, "");
    }

    private Map<String, String> ordered() {
        Map<String, String> query = new LinkedHashMap<>(request.filters());
        query.put("sort", request.sort().name());
        query.put("dir", request.descending() ? "desc" : "asc");
        return query;
    }

    /** {@code path?name=value&...}, each value URL-encoded, in the map's order. */
    public static String href(String path, Map<String, String> query) {
        return query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
