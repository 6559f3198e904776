package io.chainpos.till.ui.setup;

import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import io.chainpos.till.ui.fx.ProgressLine;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A new till's first run: the server and enrollment code, then the owner's account. Enter goes on. */
public final class FirstRunView extends StackPane {

    public FirstRunView(FirstRunViewModel setup, Messages messages, Runnable toggleLanguage) {
        getStyleClass().add("start-screen");
        setId("first-run");
        VBox card = new VBox();
        card.getStyleClass().add("form-box");
        Runnable draw = () -> card.getChildren().setAll(
                setup.stepProperty().get() == FirstRunViewModel.Step.ENROLL ? enroll(setup, messages) : owner(setup, messages));
        draw.run();
        setup.stepProperty().addListener((o, was, now) -> draw.run());
        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Ctrl+L", "key.language", toggleLanguage), 0, 0);
        buttons.add(FxUi.keyButton(messages, "Enter", "setup.next", setup::enter), 1, 0);
        VBox all = new VBox(FxUi.label(messages, "setup.title", "dialog-title"), card,
                new ProgressLine(setup.progressProperty(), messages, "setup-progress"),
                FxUi.notice(messages, setup.noticeProperty()), buttons);
        all.getStyleClass().add("start-card");
        all.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(all);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                setup.enter();
            } else if (event.getCode() == KeyCode.L && event.isShortcutDown()) {
                event.consume();
                toggleLanguage.run();
            }
        });
    }

    private static GridPane enroll(FirstRunViewModel setup, Messages messages) {
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        TextField server = FxUi.field(setup.serverProperty(), "setup-server");
        TextField code = FxUi.field(setup.codeProperty(), "setup-code");
        Label hint = FxUi.label(messages, "setup.enrollHint", "hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        form.add(hint, 0, 0, 2, 1);
        form.addRow(1, FxUi.label(messages, "setup.server"), server);
        form.addRow(2, FxUi.label(messages, "setup.code"), code);
        FxUi.focusLater(server);
        return form;
    }

    private static GridPane owner(FirstRunViewModel setup, Messages messages) {
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        TextField id = FxUi.field(setup.ownerIdProperty(), "setup-owner-id");
        TextField name = FxUi.field(setup.ownerNameProperty(), "setup-owner-name");
        PasswordField pin = new PasswordField();
        pin.textProperty().bindBidirectional(setup.pinProperty());
        pin.setId("setup-pin");
        PasswordField again = new PasswordField();
        again.textProperty().bindBidirectional(setup.pinAgainProperty());
        again.setId("setup-pin-again");
        Label hint = FxUi.label(messages, "setup.ownerHint", "hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        form.add(hint, 0, 0, 2, 1);
        form.addRow(1, FxUi.label(messages, "setup.ownerName"), name);
        form.addRow(2, FxUi.label(messages, "setup.ownerId"), id);
        form.addRow(3, FxUi.label(messages, "setup.pin"), pin);
        form.addRow(4, FxUi.label(messages, "setup.pinAgain"), again);
        FxUi.focusLater(name);
        return form;
    }
}
