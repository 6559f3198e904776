package io.chainpos.till.ui.sale;

import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.fx.Messages;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/** The cart as a table: one row a line, the last one rung up selected; selecting a row picks the line to change. */
final class CartTable {
    private CartTable() {
    }

    static TableView<CartRow> of(SaleViewModel sale, Messages messages) {
        TableView<CartRow> table = new TableView<>(sale.lines());
        table.setId("cart");
        table.getStyleClass().add("cart");
        table.setFocusTraversable(false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages, "cart.no", 50, row -> Integer.toString(row.lineNo())));
        table.getColumns().add(column(messages, "cart.name", 300, CartRow::name));
        table.getColumns().add(number(column(messages, "cart.qty", 80, row -> Amounts.quantity(row.qtyMilli()))));
        table.getColumns().add(number(column(messages, "cart.price", 100, row -> Amounts.yuan(row.unitPrice()))));
        table.getColumns().add(number(column(messages, "cart.discount", 100,
                row -> row.discount() == 0 ? "" : "-" + Amounts.yuan(row.discount()))));
        table.getColumns().add(number(column(messages, "cart.total", 110, row -> Amounts.yuan(row.total()))));
        table.getColumns().add(column(messages, "cart.promotions", 160, CartRow::promotions));
        javafx.scene.control.Label empty = new javafx.scene.control.Label();
        empty.textProperty().bind(messages.text("cart.empty"));
        table.setPlaceholder(empty);
        sale.selectedLineProperty().addListener((o, was, now) -> select(table, now.intValue()));
        sale.lines().addListener((javafx.collections.ListChangeListener<CartRow>) change ->
                select(table, sale.selectedLineProperty().get()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                sale.selectedLineProperty().set(now.lineNo());
            }
        });
        return table;
    }

    private static void select(TableView<CartRow> table, int lineNo) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).lineNo() == lineNo) {
                if (table.getSelectionModel().getSelectedIndex() != i) {
                    table.getSelectionModel().select(i);
                }
                reveal(table, i);
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }

    /** Moves the selection up or down a line (arrow keys while the scan field has the focus). */
    static void move(TableView<CartRow> table, int by) {
        int at = table.getSelectionModel().getSelectedIndex() + by;
        if (at >= 0 && at < table.getItems().size()) {
            table.getSelectionModel().select(at);
            reveal(table, at);
        }
    }

    /**
     * Scrolls just enough for row {@code index} to show, and not at all when it shows already: {@code scrollTo}
     * would make it the top row, redrawing every row on every scan.
     */
    private static void reveal(TableView<CartRow> table, int index) {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && index > first.getIndex() && index < last.getIndex()) {
                return;
            }
            flow.scrollTo(index);
        } else {
            table.scrollTo(index);
        }
    }

    private static TableColumn<CartRow, String> number(TableColumn<CartRow, String> column) {
        column.setStyle("-fx-alignment: center-right;");
        return column;
    }

    private static TableColumn<CartRow, String> column(Messages messages, String key, double width,
                                                      Function<CartRow, String> value) {
        TableColumn<CartRow, String> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setId(key.replace('.', '-'));
        return column;
    }
}
