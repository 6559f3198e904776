package io.chainpos.till.ui.setup;

import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The counter's lock screen: a PIN field and keypad; Enter signs in. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel signIn, Messages messages, String tillName, Runnable toggleLanguage) {
        getStyleClass().add("start-screen");
        setId("sign-in");
        PasswordField pin = new PasswordField();
        pin.textProperty().bindBidirectional(signIn.pinProperty());
        pin.setId("sign-in-pin");
        pin.getStyleClass().add("amount-field");
        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        Runnable closeTill = () -> signIn.closeTill(() -> getScene().getWindow().hide());
        buttons.add(FxUi.keyButton(messages, "Ctrl+Q", "signIn.close", closeTill), 0, 0);
        buttons.add(FxUi.keyButton(messages, "Ctrl+L", "key.language", toggleLanguage), 1, 0);
        buttons.add(FxUi.keyButton(messages, "Enter", "signIn.enter", signIn::enter), 2, 0);
        VBox card = new VBox(FxUi.label(messages, "signIn.title", "dialog-title"), new javafx.scene.control.Label(tillName),
                pin, FxUi.keypad(signIn::key, signIn::backspace, () -> signIn.pinProperty().set(""), false),
                FxUi.notice(messages, signIn.noticeProperty()), buttons);
        card.getStyleClass().addAll("dialog-card", "start-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                signIn.enter();
            } else if (event.getCode() == KeyCode.L && event.isShortcutDown()) {
                event.consume();
                toggleLanguage.run();
            } else if (event.getCode() == KeyCode.Q && event.isShortcutDown()) {
                event.consume();
                closeTill.run();
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                FxUi.focusLater(pin);
            }
        });
    }
}
