package io.chainpos.till.ui.fx;

import io.chainpos.till.sync.SyncProgress;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * A long sync on screen: a bar, what is loading, how much of how much and the time left at the pace so far. Shown
 * only while one runs (a new till's first download, a rebuild later); {@code id} names the bar ({@code id-bar}) and
 * its words ({@code id-text}).
 */
public final class ProgressLine extends VBox {

    public ProgressLine(ObservableValue<SyncProgress> progress, Messages messages, String id) {
        setId(id);
        getStyleClass().add("progress-line");
        ProgressBar bar = new ProgressBar();
        bar.setId(id + "-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            SyncProgress now = progress.getValue();
            return now == null || now.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : now.fraction();
        }, progress));
        Label words = new Label();
        words.setId(id + "-text");
        words.setWrapText(true);
        words.textProperty().bind(Bindings.createStringBinding(() -> text(progress.getValue(), messages), progress,
                messages.localeProperty()));
        getChildren().addAll(words, bar);
        visibleProperty().bind(Bindings.createBooleanBinding(() -> progress.getValue() != null && progress.getValue().running(),
                progress));
        managedProperty().bind(visibleProperty());
    }

    /** What is loading, how much of how much, and the time left; in the language shown now. */
    static String text(SyncProgress progress, Messages messages) {
        if (progress == null || !progress.running()) {
            return "";
        }
        String what = switch (progress.stage()) {
            case IDLE -> "";
            case PREPARING -> messages.get("progress.PREPARING");
            case DOWNLOADING -> messages.get("progress.DOWNLOADING", megabytes(progress.done(), messages),
                    megabytes(progress.total(), messages));
            case INSTALLING -> progress.total() > 0 ? messages.get("progress.INSTALLING", progress.done(), progress.total())
                    : messages.get("progress.INSTALLING.count", progress.done());
            case PULLING -> messages.get("progress.PULLING", progress.done());
            case KEYS -> messages.get("progress.KEYS", progress.done(), progress.total());
        };
        if (progress.total() <= 0) {
            return what;
        }
        return what + " · " + (progress.left() == null ? messages.get("progress.estimating")
                : messages.get("progress.left", left(progress.left(), messages)));
    }

    private static String megabytes(long bytes, Messages messages) {
        return bytes < 1_000_000 ? messages.get("progress.kilobytes", bytes / 1_000)
                : messages.get("progress.megabytes", bytes / 1_000_000.0);
    }

    private static String left(Duration left, Messages messages) {
        long seconds = Math.max(1, left.toSeconds());
        return seconds < 90 ? messages.get("progress.leftSeconds", seconds)
                : messages.get("progress.leftMinutes", (seconds + 30) / 60);
    }
}
