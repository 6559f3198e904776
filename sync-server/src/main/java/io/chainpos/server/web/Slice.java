package io.chainpos.server.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** One page of a list and where the next one starts (empty on the last page). */
public record Slice<T>(List<T> rows, Optional<Cursor> next) {

    /** Every row the request's filters select, page after page (for an export), in the request's order. */
    public static <T> void forEachRow(ListRequest request, Function<ListRequest, Slice<T>> fetch, Consumer<T> each) {
        Optional<Cursor> cursor = Optional.empty();
        do {
            Slice<T> page = fetch.apply(request.from(cursor, 1_000));
            page.rows().forEach(each);
            cursor = page.next();
        } while (cursor.isPresent());
    }
}
