package io.chainpos.till.ui.sale;

import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sale screen. The scan field is always ready: it has the focus whenever the screen is on top, and a key typed
 * while something else has it (the cart, a button) goes there; scanner bursts reach the sale through the scene's
 * wedge filter whatever has the focus. Every action answers its key (F1–F12, Ctrl+letter), shown on its button.
 */
public final class SaleView extends BorderPane {
    private final SaleViewModel sale;
    private final TextField scanField;
    private final TableView<CartRow> cart;
    private final FunctionKeys keys;

    public SaleView(SaleViewModel sale, TillUseCases till, Messages messages) {
        this.sale = sale;
        this.keys = new FunctionKeys(sale);
        getStyleClass().add("sale");
        setId("sale-screen");

        scanField = FxUi.field(sale.scanTextProperty(), "scan-field");
        scanField.getStyleClass().add("scan-field");
        scanField.promptTextProperty().bind(messages.text("scan.prompt"));
        HBox.setHgrow(scanField, Priority.ALWAYS);
        Label scanLabel = FxUi.label(messages, "scan.label", "scan-label");
        HBox scanRow = new HBox(scanLabel, scanField);
        scanRow.getStyleClass().add("scan-row");
        cart = CartTable.of(sale, messages);
        VBox.setVgrow(cart, Priority.ALWAYS);
        VBox centre = new VBox(scanRow, FxUi.notice(messages, sale.noticeProperty()), cart);
        centre.getStyleClass().add("sale-centre");

        setTop(StatusBar.of(sale.status(), till, messages));
        setCenter(centre);
        setRight(SaleSide.of(sale, messages));
        setBottom(new VBox(keys.mainButtons(messages), keys.moreButtons(messages)));

        addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        addEventFilter(KeyEvent.KEY_TYPED, this::typed);
        // back on top (a dialog closed, or the screen just opened): the scan field is ready again
        disabledProperty().addListener((o, was, now) -> {
            if (!now) {
                FxUi.focusLater(scanField);
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                FxUi.focusLater(scanField);
                FxUi.afterNextLayout(now, sale::shown);
                now.focusOwnerProperty().addListener((f, before, owner) -> {
                    if (owner == null && !isDisabled() && getScene() == now) {
                        FxUi.focusLater(scanField);
                    }
                });
            }
        });
    }

    public TextField scanField() {
        return scanField;
    }

    private void pressed(KeyEvent event) {
        var action = keys.forKey(event);
        if (action.isPresent()) {
            event.consume();
            action.get().run().run();
            return;
        }
        switch (event.getCode()) {
            case ENTER -> {
                event.consume();
                sale.submitScanField();
                scanField.requestFocus();
            }
            case ESCAPE -> {
                event.consume();
                scanField.clear();
                scanField.requestFocus();
            }
            case UP, DOWN -> {
                event.consume();
                CartTable.move(cart, event.getCode() == KeyCode.UP ? -1 : 1);
            }
            default -> { }
        }
    }

    /** A character typed while the focus is not in a text field belongs in the scan field. */
    private void typed(KeyEvent event) {
        if (getScene() == null || getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        String character = event.getCharacter();
        if (character.length() == 1 && !Character.isISOControl(character.charAt(0)) && !event.isShortcutDown()) {
            event.consume();
            scanField.requestFocus();
            scanField.appendText(character);
        }
    }
}
