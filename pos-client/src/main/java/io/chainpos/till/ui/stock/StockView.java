package io.chainpos.till.ui.stock;

import io.chainpos.till.stock.StockEntry;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The goods-in and transfer screen: the mode (F1 goods in, F2 send, F3 receive, F4 cancel; F5 opens the stocktake), who it is from or for,
 * the products with their quantities, and F12 to book. Enter adds the product typed; Esc goes back.
 */
public final class StockView extends VBox {

    public StockView(StockViewModel stock, Messages messages) {
        getStyleClass().add("stock-screen");
        setId("stock-screen");
        Label mode = new Label();
        mode.setId("stock-mode");
        mode.getStyleClass().add("dialog-title");
        mode.textProperty().bind(Bindings.createStringBinding(() -> messages.get("stock.title." + stock.modeProperty().get().name()),
                stock.modeProperty(), messages.localeProperty()));

        TextField party = FxUi.field(stock.partyProperty(), "stock-party");
        party.promptTextProperty().bind(Bindings.createStringBinding(
                () -> messages.get("stock.party." + stock.modeProperty().get().name()), stock.modeProperty(), messages.localeProperty()));
        TextField note = FxUi.field(stock.noteProperty(), "stock-note");
        note.promptTextProperty().bind(messages.text("stock.notePrompt"));
        note.visibleProperty().bind(stock.modeProperty().isEqualTo(StockViewModel.Mode.GOODS_IN));
        note.managedProperty().bind(note.visibleProperty());
        TextField code = FxUi.field(stock.codeProperty(), "stock-code");
        code.promptTextProperty().bind(messages.text("stock.codePrompt"));
        TextField quantity = FxUi.field(stock.quantityProperty(), "stock-qty");
        quantity.setPrefColumnCount(6);
        FxUi.focusWhenOpened(code);

        VBox lines = new VBox();
        lines.setId("stock-lines");
        Runnable fill = () -> lines.getChildren().setAll(stock.lines().stream().map(StockView::line).toList());
        stock.lines().addListener((ListChangeListener<StockEntry>) c -> fill.run());

        Label slip = new Label();
        slip.setId("stock-slip");
        slip.textProperty().bind(Bindings.createStringBinding(() -> stock.slipProperty().get().isEmpty() ? ""
                : messages.get("stock.slip", stock.slipProperty().get()), stock.slipProperty(), messages.localeProperty()));

        VBox proposals = new VBox(4);
        proposals.setId("stock-proposals");
        Runnable listProposals = () -> proposals.getChildren().setAll(stock.proposals().stream().map(p -> proposal(stock, messages, p))
                .toList());
        stock.proposals().addListener((ListChangeListener<io.chainpos.till.stock.Proposal>) c -> listProposals.run());
        proposals.visibleProperty().bind(stock.modeProperty().isEqualTo(StockViewModel.Mode.SEND)
                .and(Bindings.isNotEmpty(stock.proposals())));
        proposals.managedProperty().bind(proposals.visibleProperty());

        GridPane modes = new GridPane();
        modes.getStyleClass().add("dialog-buttons");
        modes.add(FxUi.keyButton(messages, "F1", "stock.mode-goods", () -> stock.choose(StockViewModel.Mode.GOODS_IN)), 0, 0);
        modes.add(FxUi.keyButton(messages, "F2", "stock.mode-send", () -> stock.choose(StockViewModel.Mode.SEND)), 1, 0);
        modes.add(FxUi.keyButton(messages, "F3", "stock.mode-receive", () -> stock.choose(StockViewModel.Mode.RECEIVE)), 2, 0);
        modes.add(FxUi.keyButton(messages, "F4", "stock.mode-cancel", () -> stock.choose(StockViewModel.Mode.CANCEL)), 3, 0);
        modes.add(FxUi.keyButton(messages, "F5", "stock.stocktake", stock::stocktake), 4, 0);
        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("dialog-buttons");
        buttons.add(FxUi.keyButton(messages, "Esc", "button.back", stock::close), 0, 0);
        buttons.add(FxUi.keyButton(messages, "F9", "stock.clear", stock::clear), 1, 0);
        buttons.add(FxUi.keyButton(messages, "F12", "stock.book", stock::book), 2, 0);
        getChildren().addAll(mode, modes, proposals, party, note, new HBox(8, code, quantity), lines, slip,
                FxUi.notice(messages, stock.noticeProperty()), buttons);

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case ENTER -> stock.addLine();
                case F1 -> stock.choose(StockViewModel.Mode.GOODS_IN);
                case F2 -> stock.choose(StockViewModel.Mode.SEND);
                case F3 -> stock.choose(StockViewModel.Mode.RECEIVE);
                case F4 -> stock.choose(StockViewModel.Mode.CANCEL);
                case F5 -> stock.stocktake();
                case F9 -> stock.clear();
                case F12 -> stock.book();
                case ESCAPE -> stock.close();
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    /** A proposal head office made, as a button that fills the send list from it. */
    private static javafx.scene.control.Button proposal(StockViewModel stock, Messages messages, io.chainpos.till.stock.Proposal p) {
        String what = String.join(", ", p.lines().stream().map(l -> l.sku().value() + " × "
                + java.math.BigDecimal.valueOf(l.qtyMilli(), 3).stripTrailingZeros().toPlainString()).toList());
        javafx.scene.control.Button button = new javafx.scene.control.Button();
        button.textProperty().bind(Bindings.createStringBinding(() -> messages.get("stock.proposed", p.proposalNo(), p.toStore().value(),
                what), messages.localeProperty()));
        button.setId("stock-proposal-" + p.proposalNo());
        button.getStyleClass().add("stock-proposal");
        button.setFocusTraversable(false);
        button.setOnAction(e -> stock.ship(p));
        return button;
    }

    private static Label line(StockEntry entry) {
        Label label = new Label(entry.code() + " × " + entry.quantity());
        label.getStyleClass().add("stock-line");
        return label;
    }
}
