package io.chainpos.till.ui.fx;

import io.chainpos.till.ui.DialogService.Choice;
import io.chainpos.till.ui.DialogService.Question;
import io.chainpos.till.ui.Notice;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The small dialogs: a manager's PIN, one typed value, one choice from a list. Enter answers, Esc cancels. */
final class Prompts {
    private static final String FOCUS = "chainpos.focus";

    private Prompts() {
    }

    /** A manager's PIN, typed or on the keypad; it is never shown. */
    static Region pin(Messages messages, Notice reason, Consumer<Optional<String>> answer) {
        PasswordField pin = new PasswordField();
        pin.setId("manager-pin");
        pin.setPromptText("PIN");
        return card(messages, Notice.info("pin.title"), reason, pin,
                FxUi.keypad(key -> pin.appendText(key), () -> backspace(pin), pin::clear, false),
                () -> answer.accept(Optional.of(pin.getText())), () -> answer.accept(Optional.empty()));
    }

    static Region ask(Messages messages, Question question, Consumer<Optional<String>> answer) {
        TextField field = new TextField(question.initial());
        field.setId("ask-field");
        field.selectAll();
        Node keypad = question.kind() == Question.Kind.TEXT ? null
                : FxUi.keypad(field::appendText, () -> backspace(field), field::clear, true);
        return card(messages, question.title(), question.prompt(), field, keypad,
                () -> answer.accept(Optional.of(field.getText())), () -> answer.accept(Optional.empty()));
    }

    static <T> Region choose(Messages messages, Notice title, List<Choice<T>> choices, Consumer<Optional<T>> answer) {
        ListView<Choice<T>> list = new ListView<>();
        list.setId("choices");
        list.getItems().setAll(choices);
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Choice<T> item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        list.getSelectionModel().selectFirst();
        list.setPrefHeight(Math.min(420, 56 * choices.size() + 8));
        list.setPrefWidth(620);
        Runnable pick = () -> answer.accept(Optional.ofNullable(list.getSelectionModel().getSelectedItem()).map(Choice::value));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pick.run();
            }
        });
        return card(messages, title, null, list, null, pick, () -> answer.accept(Optional.empty()));
    }

    /** The node in {@code content} that should have the focus when it opens. */
    static Node firstFocus(Region content) {
        Node marked = find(content);
        return marked == null ? content : marked;
    }

    private static Node find(Node node) {
        if (Boolean.TRUE.equals(node.getProperties().get(FOCUS))) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = find(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Marks the node a screen's view wants focused when it opens. */
    static void focusFirst(Node node) {
        node.getProperties().put(FOCUS, true);
    }

    private static VBox card(Messages messages, Notice titleLine, Notice prompt, Node input, Node keypad, Runnable ok,
                             Runnable cancel) {
        Label title = new Label();
        title.textProperty().bind(messages.notice(new javafx.beans.property.SimpleObjectProperty<>(titleLine)));
        title.getStyleClass().add("dialog-title");
        VBox card = new VBox(title);
        card.getStyleClass().add("dialog-card");
        if (prompt != null) {
            Label promptLine = new Label();
            promptLine.textProperty().bind(messages.notice(new javafx.beans.property.SimpleObjectProperty<>(prompt)));
            promptLine.setWrapText(true);
            promptLine.getStyleClass().add("dialog-prompt");
            promptLine.setId("dialog-prompt");
            card.getChildren().add(promptLine);
        }
        focusFirst(input);
        card.getChildren().add(input);
        if (keypad != null) {
            card.getChildren().add(keypad);
        }
        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "button.cancel", cancel), 0, 0);
        buttons.add(FxUi.keyButton(messages, "Enter", "button.ok", ok), 1, 0);
        card.getChildren().add(new HBox(buttons));
        card.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                ok.run();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                cancel.run();
            }
        });
        return card;
    }

    private static void backspace(TextInputControl field) {
        String text = field.getText();
        if (!text.isEmpty()) {
            field.setText(text.substring(0, text.length() - 1));
            field.positionCaret(field.getText().length());
        }
    }
}
