package io.chainpos.till.ui.sale;

import java.util.List;
import javafx.collections.ObservableList;

/** Keeps a list a table shows equal to the latest rows while touching only the rows that changed. */
final class Rows {
    private Rows() {
    }

    /**
     * Makes {@code shown} equal {@code now} by changing only the rows that differ: a scan changes a line or adds one,
     * and the table then redraws that row alone instead of all of them (which {@code setAll} makes it do).
     */
    static <T> void update(ObservableList<T> shown, List<T> now) {
        int common = Math.min(shown.size(), now.size());
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(now.get(i))) {
                shown.set(i, now.get(i));
            }
        }
        if (now.size() > common) {
            shown.addAll(now.subList(common, now.size()));
        } else if (shown.size() > common) {
            shown.remove(common, shown.size());
        }
    }
}
