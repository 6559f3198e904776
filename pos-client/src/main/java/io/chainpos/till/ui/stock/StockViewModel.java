package io.chainpos.till.ui.stock;

import io.chainpos.till.TillMessage;
import io.chainpos.till.stock.CancelTransfer;
import io.chainpos.till.stock.Proposal;
import io.chainpos.till.stock.ReceiveGoods;
import io.chainpos.till.stock.ReceiveTransfer;
import io.chainpos.till.stock.SendTransfer;
import io.chainpos.till.stock.StockDesk;
import io.chainpos.till.stock.StockEntry;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Goods in and transfers (入库 / 调拨): goods from a supplier against their delivery note, a transfer sent to another
 * store, or one from another store received by its slip, or called back. Products are scanned (or typed) with their
 * quantity into a list; F12 books the list; what the till says comes back in place, in the till's language.
 */
public final class StockViewModel extends PanelModel {

    /** What the list is for. */
    public enum Mode { GOODS_IN, SEND, RECEIVE, CANCEL }

    private final StockDesk desk;
    private final Tasks tasks;
    private final String cashier;
    private final Runnable stocktake;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.GOODS_IN);
    private final StringProperty party = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("1");
    private final StringProperty slip = new SimpleStringProperty("");
    private final ObservableList<StockEntry> lines = FXCollections.observableArrayList();
    private final ObservableList<Proposal> proposals = FXCollections.observableArrayList();
    private final ObjectProperty<Proposal> shipping = new SimpleObjectProperty<>();

    /** @param stocktake opens the stocktake screen over this one */
    public StockViewModel(StockDesk desk, Tasks tasks, String cashier, Runnable stocktake) {
        this.desk = desk;
        this.stocktake = stocktake;
        this.tasks = tasks;
        this.cashier = cashier;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The supplier (goods in), the store it goes to (send), or the slip's code (receive, cancel). */
    public StringProperty partyProperty() {
        return party;
    }

    /** The supplier's delivery note number (goods in). */
    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    /** The slip code of the transfer just sent, to print or write on the parcel. */
    public StringProperty slipProperty() {
        return slip;
    }

    public ObservableList<StockEntry> lines() {
        return lines;
    }

    /** Transfers head office proposed this store send (shown when sending), not shipped yet. */
    public ObservableList<Proposal> proposals() {
        return proposals;
    }

    /** The proposal the list was filled from, shipped under its transfer id by F12; null for a transfer of one's own. */
    public ObjectProperty<Proposal> shippingProperty() {
        return shipping;
    }

    public void choose(Mode chosen) {
        mode.set(chosen);
        party.set("");
        shipping.set(null);
        tell(Notice.info("stock.mode." + chosen.name()));
        if (chosen == Mode.SEND) {
            refreshProposals();
        }
    }

    private void refreshProposals() {
        tasks.counter(() -> desk.sendTransfer().proposals(), proposals::setAll, this::tell);
    }

    /** Fills the send list from a proposal (its store, products and quantities), to change if need be and book with F12. */
    public void ship(Proposal proposal) {
        mode.set(Mode.SEND);
        shipping.set(proposal);
        party.set(proposal.toStore().value());
        lines.setAll(proposal.lines().stream().map(l -> StockEntry.of(l.sku().value(),
                java.math.BigDecimal.valueOf(l.qtyMilli(), 3).stripTrailingZeros().toPlainString())).toList());
        tell(Notice.info("stock.proposal", proposal.proposalNo(), proposal.toStore().value()));
    }

    /** Enter: the product typed, with its quantity as typed (checked when the list is booked). */
    public void addLine() {
        String typed = code.get() == null ? "" : code.get().strip();
        if (typed.isEmpty()) {
            tell(Notice.info("stock.scanProduct"));
            return;
        }
        lines.add(StockEntry.of(typed, quantity.get()));
        code.set("");
        quantity.set("1");
        tell(Notice.info("stock.lines", lines.size()));
    }

    /** F5: the stocktake screen (盘点), over this one. */
    public void stocktake() {
        stocktake.run();
    }

    public void clear() {
        lines.clear();
        tell(Notice.info("stock.lines", 0));
    }

    /** A scan while this screen is on top: the slip of a transfer to receive or cancel, else a product for the list. */
    @Override
    public boolean scanned(String scannedCode) {
        if ((mode.get() == Mode.RECEIVE || mode.get() == Mode.CANCEL) && party.get().isBlank()) {
            party.set(scannedCode);
            return true;
        }
        code.set(scannedCode);
        addLine();
        return true;
    }

    /** F12: books the list as the mode says. */
    public void book() {
        List<StockEntry> entries = List.copyOf(lines);
        String who = party.get() == null ? "" : party.get().strip();
        String noteNo = note.get();
        Mode now = mode.get();
        Proposal proposal = shipping.get();
        tasks.counter(() -> switch (now) {
            case GOODS_IN -> switch (desk.receiveGoods().receive(who, noteNo, entries, cashier)) {
                case ReceiveGoods.Received done -> new Outcome(true, done.message(), null);
                case ReceiveGoods.Refused refused -> new Outcome(false, refused.reason(), null);
            };
            case SEND -> switch (proposal != null ? desk.sendTransfer().ship(proposal, entries, cashier)
                    : desk.sendTransfer().send(who, entries, cashier)) {
                case SendTransfer.Sent sent -> new Outcome(true, sent.message(), sent.slipCode());
                case SendTransfer.Refused refused -> new Outcome(false, refused.reason(), null);
            };
            case RECEIVE -> switch (desk.receiveTransfer().receive(who, entries, cashier)) {
                case ReceiveTransfer.Received done -> new Outcome(true, done.message(), null);
                case ReceiveTransfer.Refused refused -> new Outcome(false, refused.reason(), null);
            };
            case CANCEL -> switch (desk.cancelTransfer().cancel(who, cashier, null)) {
                case CancelTransfer.Cancelled done -> new Outcome(true, done.message(), null);
                case CancelTransfer.Refused refused -> new Outcome(false, refused.reason(), null);
            };
        }, outcome -> {
            if (outcome.done()) {
                lines.clear();
                slip.set(outcome.slip() == null ? "" : outcome.slip());
                if (now == Mode.SEND) {
                    shipping.set(null);
                    refreshProposals();
                }
                tell(Notice.said(Notice.Level.SUCCESS, outcome.message()));
            } else {
                tell(Notice.refused(outcome.message()));
            }
        }, this::tell);
    }

    private record Outcome(boolean done, TillMessage message, String slip) {
    }
}
