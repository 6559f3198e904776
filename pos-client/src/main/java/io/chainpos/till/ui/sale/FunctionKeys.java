package io.chainpos.till.ui.sale;

import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;

/**
 * Every action of the sale screen with its key: F1–F12 for the counter's work, Ctrl and a letter for the rest.
 * The same table draws the buttons (each showing its key) and answers the keyboard, so they cannot disagree.
 */
final class FunctionKeys {

    /** One action: its key, as shown on the button, the label's message key and what it does. */
    record Action(KeyCombination key, String shown, String label, Runnable run) {
    }

    private final List<Action> main;
    private final List<Action> more;

    FunctionKeys(SaleViewModel sale) {
        CartActions cart = sale.actions();
        SaleScreens screens = sale.screens();
        main = List.of(
                fkey(KeyCode.F1, "key.member", screens::member),
                fkey(KeyCode.F2, "key.quantity", cart::changeQuantity),
                fkey(KeyCode.F3, "key.remove", cart::removeLine),
                fkey(KeyCode.F4, "key.discount", cart::discountLine),
                fkey(KeyCode.F5, "key.price", cart::overridePrice),
                fkey(KeyCode.F6, "key.coupon", cart::coupon),
                fkey(KeyCode.F7, "key.hold", cart::hold),
                fkey(KeyCode.F8, "key.recall", cart::recall),
                fkey(KeyCode.F9, "key.refund", screens::refund),
                fkey(KeyCode.F10, "key.shift", screens::shift),
                fkey(KeyCode.F11, "key.void", cart::voidSale),
                fkey(KeyCode.F12, "key.pay", screens::pay));
        more = List.of(
                ctrl("F", "key.search", sale::searchProducts),
                ctrl("P", "key.reprint", cart::reprint),
                ctrl("D", "key.noSale", cart::noSale),
                ctrl("S", "key.sync", screens::syncNow),
                ctrl("T", "key.stock", screens::stock),
                ctrl("L", "key.language", screens::toggleLanguage),
                ctrl("O", "key.settings", screens::settings),
                ctrl("Q", "key.signOut", screens::signOut));
    }

    private static Action fkey(KeyCode code, String label, Runnable run) {
        return new Action(new javafx.scene.input.KeyCodeCombination(code), code.getName(), label, run);
    }

    private static Action ctrl(String letter, String label, Runnable run) {
        return new Action(KeyCombination.keyCombination("Shortcut+" + letter), "Ctrl+" + letter, label, run);
    }

    /** The action a key press stands for. */
    Optional<Action> forKey(KeyEvent event) {
        return java.util.stream.Stream.concat(main.stream(), more.stream()).filter(a -> a.key().match(event)).findFirst();
    }

    /** Two rows of six function keys. */
    GridPane mainButtons(Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("function-keys");
        for (int i = 0; i < main.size(); i++) {
            Action action = main.get(i);
            Button button = FxUi.keyButton(messages, action.shown(), action.label(), action.run());
            if (action.label().equals("key.pay")) {
                button.getStyleClass().add("pay-button");
            }
            grid.add(button, i % 6, i / 6);
        }
        return grid;
    }

    /** The row of the other actions. */
    GridPane moreButtons(Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("function-keys", "more-keys");
        for (int i = 0; i < more.size(); i++) {
            Action action = more.get(i);
            grid.add(FxUi.keyButton(messages, action.shown(), action.label(), action.run()), i, 0);
        }
        return grid;
    }
}
