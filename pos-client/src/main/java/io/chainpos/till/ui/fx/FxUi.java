package io.chainpos.till.ui.fx;

import io.chainpos.till.ui.Notice;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The pieces every screen is made of: buttons that show their key, the notice line, fields and keypads. */
public final class FxUi {
    private FxUi() {
    }

    /**
     * A touch-sized button showing its key above its label ("F12" over "结账"), that never takes the focus from the
     * field being typed into.
     */
    public static Button keyButton(Messages messages, String shortcut, String labelKey, Runnable action) {
        Button button = new Button();
        button.textProperty().bind(messages.text(labelKey).map(label -> shortcut == null ? label : shortcut + "\n" + label));
        button.getStyleClass().add("key-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE);
        GridPane.setHgrow(button, Priority.ALWAYS);
        GridPane.setVgrow(button, Priority.ALWAYS);
        button.setId(labelKey.replace('.', '-'));
        return button;
    }

    /** The one line telling the cashier what happened, coloured by its level, shown in place. */
    public static Label notice(Messages messages, ObservableValue<Notice> notice) {
        Label label = new Label();
        label.getStyleClass().add("notice");
        label.textProperty().bind(messages.notice(notice));
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        Consumer<Notice> level = n -> {
            label.getStyleClass().removeAll("info", "success", "warning", "error");
            if (n != null) {
                label.getStyleClass().add(n.level().name().toLowerCase(java.util.Locale.ROOT));
            }
        };
        level.accept(notice.getValue());
        notice.addListener((o, was, now) -> level.accept(now));
        label.setId("notice");
        return label;
    }

    public static Label label(Messages messages, String key, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    /** A keypad of digits, "00" and "." with backspace and clear; its keys never take the focus. */
    public static GridPane keypad(Consumer<String> key, Runnable backspace, Runnable clear, boolean decimals) {
        GridPane pad = new GridPane();
        pad.getStyleClass().add("keypad");
        String[][] rows = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {decimals ? "00" : "", "0", decimals ? "." : ""}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                String k = rows[r][c];
                if (!k.isEmpty()) {
                    pad.add(padButton(k, () -> key.accept(k)), c, r);
                }
            }
        }
        pad.add(padButton("⌫", backspace), 3, 0, 1, 2);
        pad.add(padButton("C", clear), 3, 2, 1, 2);
        return pad;
    }

    private static Button padButton(String text, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("pad-key");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE);
        button.setId("pad-" + text);
        return button;
    }

    /** A text field bound both ways to a view-model's text. */
    public static TextField field(javafx.beans.property.StringProperty text, String id) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(text);
        field.setId(id);
        return field;
    }

    /** Marks the field a screen wants focused when it opens over another. */
    public static void focusWhenOpened(Node node) {
        Prompts.focusFirst(node);
    }

    /** Runs {@code work} once, after the scene's next layout pulse: when what was just put in it is on screen. */
    public static void afterNextLayout(javafx.scene.Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            work.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /** Gives {@code node} the focus once it is on screen. */
    public static void focusLater(Node node) {
        javafx.application.Platform.runLater(node::requestFocus);
    }

    /** Gives the focus, once pending work is done, to whichever node {@code node} names by then. */
    public static void focusLater(java.util.function.Supplier<Node> node) {
        javafx.application.Platform.runLater(() -> node.get().requestFocus());
    }
}
