package io.chainpos.till.ui.stock;

import io.chainpos.model.event.StocktakeScope;
import io.chainpos.till.stock.Stocktaking;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.math.BigDecimal;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The stocktake screen: F1 whole store, F2 a category, F3 a shelf (its code or label typed first); products scanned or
 * typed with how many (Enter counts, F6 corrects), each beside the stock when it was counted and the difference; F7
 * books uncounted products as none left; F9 cancels; F12 finishes with a manager's PIN. Esc goes back.
 */
public final class StocktakeView extends VBox {

    public StocktakeView(StocktakeViewModel model, Messages messages) {
        getStyleClass().add("stock-screen");
        setId("stocktake-screen");
        Label title = new Label();
        title.setId("stocktake-title");
        title.getStyleClass().add("dialog-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            StocktakeScope scope = model.scopeProperty().get();
            return scope == null ? messages.get("stocktake.title")
                    : messages.get("stocktake.title." + scope.kind().name(), scope.label() == null ? "" : scope.label());
        }, model.scopeProperty(), messages.localeProperty()));

        TextField label = FxUi.field(model.labelProperty(), "stocktake-label");
        label.promptTextProperty().bind(messages.text("stocktake.labelPrompt"));
        label.visibleProperty().bind(model.scopeProperty().isNull());
        label.managedProperty().bind(label.visibleProperty());
        TextField code = FxUi.field(model.codeProperty(), "stocktake-code");
        code.promptTextProperty().bind(messages.text("stock.codePrompt"));
        TextField quantity = FxUi.field(model.quantityProperty(), "stocktake-qty");
        quantity.setPrefColumnCount(6);
        FxUi.focusWhenOpened(code);

        VBox lines = new VBox();
        lines.setId("stocktake-lines");
        Runnable fill = () -> lines.getChildren().setAll(model.rows().stream().map(row -> line(row, messages)).toList());
        model.rows().addListener((ListChangeListener<Stocktaking.Progress.Row>) c -> fill.run());
        messages.localeProperty().addListener((o, was, now) -> fill.run());
        fill.run();

        Label uncounted = new Label();
        uncounted.setId("stocktake-uncounted");
        uncounted.setWrapText(true);
        uncounted.textProperty().bind(Bindings.createStringBinding(() -> {
            StocktakeScope scope = model.scopeProperty().get();
            if (scope == null) {
                return "";
            }
            if (scope.kind() == StocktakeScope.Kind.SHELF) {
                return messages.get("stocktake.uncounted.shelf");
            }
            return messages.get(model.uncountedAsZeroProperty().get() ? "stocktake.uncounted.zero" : "stocktake.uncounted.left",
                    model.uncountedProperty().get());
        }, model.scopeProperty(), model.uncountedProperty(), model.uncountedAsZeroProperty(), messages.localeProperty()));

        GridPane scopes = new GridPane();
        scopes.getStyleClass().add("dialog-buttons");
        scopes.add(FxUi.keyButton(messages, "F1", "stocktake.scope-store", () -> model.start(StocktakeScope.Kind.STORE)), 0, 0);
        scopes.add(FxUi.keyButton(messages, "F2", "stocktake.scope-category", () -> model.start(StocktakeScope.Kind.CATEGORY)), 1, 0);
        scopes.add(FxUi.keyButton(messages, "F3", "stocktake.scope-shelf", () -> model.start(StocktakeScope.Kind.SHELF)), 2, 0);
        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "button.back", model::close), 0, 0);
        buttons.add(FxUi.keyButton(messages, "F6", "stocktake.correct", model::correct), 1, 0);
        buttons.add(FxUi.keyButton(messages, "F7", "stocktake.zero", model::toggleUncounted), 2, 0);
        buttons.add(FxUi.keyButton(messages, "F9", "stocktake.cancel", model::cancelStocktake), 3, 0);
        buttons.add(FxUi.keyButton(messages, "F12", "stocktake.finish", model::finish), 4, 0);
        getChildren().addAll(title, scopes, label, new HBox(8, code, quantity), lines, uncounted,
                FxUi.notice(messages, model.noticeProperty()), buttons);

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case ENTER -> model.count();
                case F1 -> model.start(StocktakeScope.Kind.STORE);
                case F2 -> model.start(StocktakeScope.Kind.CATEGORY);
                case F3 -> model.start(StocktakeScope.Kind.SHELF);
                case F6 -> model.correct();
                case F7 -> model.toggleUncounted();
                case F9 -> model.cancelStocktake();
                case F12 -> model.finish();
                case ESCAPE -> model.close();
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    private static Label line(Stocktaking.Progress.Row row, Messages messages) {
        Label label = new Label(messages.get("stocktake.line", row.sku().value(), row.name(), qty(row.countedMilli()),
                qty(row.onHandMilli()), (row.differenceMilli() > 0 ? "+" : "") + qty(row.differenceMilli())));
        label.setId("stocktake-line-" + row.sku().value());
        label.getStyleClass().add("stock-line");
        return label;
    }

    private static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
