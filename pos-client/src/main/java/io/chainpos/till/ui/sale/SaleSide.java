package io.chainpos.till.ui.sale;

import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The right side of the sale screen: the member on the sale, the promotions applied, and the totals, large. */
final class SaleSide {
    private SaleSide() {
    }

    static VBox of(SaleViewModel sale, Messages messages) {
        ListView<PromotionRow> promotions = new ListView<>(sale.promotions());
        promotions.setId("promotions");
        promotions.setFocusTraversable(false);
        promotions.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(PromotionRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "   -" + Amounts.money(item.amount()));
            }
        });
        Label none = new Label();
        none.textProperty().bind(messages.text("promotions.none"));
        promotions.setPlaceholder(none);
        VBox.setVgrow(promotions, Priority.ALWAYS);
        promotions.setMinHeight(80);
        VBox side = new VBox(member(sale, messages), FxUi.label(messages, "promotions.title", "section-title"), promotions,
                totals(sale, messages));
        side.getStyleClass().add("sale-side");
        return side;
    }

    private static VBox member(SaleViewModel sale, Messages messages) {
        Label title = FxUi.label(messages, "member.title", "section-title");
        Label name = new Label();
        name.setId("member-name");
        name.getStyleClass().add("member-name");
        name.setWrapText(true);
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            MemberAccount account = sale.memberProperty().get();
            return account == null ? messages.get("member.noneOnSale") : account.member().name() + "  "
                    + (messages.chinese() ? account.tierZh() : account.tierEn());
        }, sale.memberProperty(), messages.localeProperty()));
        Label balances = new Label();
        balances.setId("member-balances");
        balances.textProperty().bind(Bindings.createStringBinding(() -> {
            MemberAccount account = sale.memberProperty().get();
            return account == null ? "" : messages.get("member.balances", account.points(),
                    Amounts.money(account.storedValue()), account.member().cardNo().value());
        }, sale.memberProperty(), messages.localeProperty()));
        balances.setWrapText(true);
        VBox box = new VBox(title, name, balances);
        box.getStyleClass().add("member-panel");
        // on a short screen the promotions list gives up room, never the member's name, points or stored value
        name.setMinHeight(Region.USE_PREF_SIZE);
        balances.setMinHeight(Region.USE_PREF_SIZE);
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private static GridPane totals(SaleViewModel sale, Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("totals");
        grid.setMinHeight(Region.USE_PREF_SIZE);
        row(grid, 0, messages, "totals.subtotal", money(sale.subtotalProperty()), "subtotal");
        row(grid, 1, messages, "totals.discount", Bindings.createStringBinding(() -> sale.discountProperty().get() == 0 ? ""
                : "-" + Amounts.money(sale.discountProperty().get()), sale.discountProperty()), "discount");
        Label total = new Label();
        total.setId("total");
        total.getStyleClass().add("total-amount");
        total.textProperty().bind(money(sale.totalProperty()));
        grid.add(FxUi.label(messages, "totals.total", "total-label"), 0, 2);
        grid.add(total, 1, 2);
        Label last = new Label();
        last.setId("last-sale");
        last.getStyleClass().add("last-sale");
        last.textProperty().bind(Bindings.createStringBinding(() -> {
            LastSale done = sale.lastSaleProperty().get();
            return done == null ? "" : messages.get("totals.lastSale", done.receiptNo(), Amounts.money(done.change()));
        }, sale.lastSaleProperty(), messages.localeProperty()));
        grid.add(last, 0, 3, 2, 1);
        return grid;
    }

    private static void row(GridPane grid, int at, Messages messages, String key, javafx.beans.value.ObservableValue<String> value,
                            String id) {
        Label amount = new Label();
        amount.setId(id);
        amount.getStyleClass().add("amount");
        amount.textProperty().bind(value);
        grid.add(FxUi.label(messages, key, "amount-label"), 0, at);
        grid.add(amount, 1, at);
    }

    private static javafx.beans.binding.StringBinding money(javafx.beans.property.LongProperty fen) {
        return Bindings.createStringBinding(() -> Amounts.money(fen.get()), fen);
    }
}
