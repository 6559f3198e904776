package io.chainpos.till.ui.stock;

import io.chainpos.model.event.StocktakeScope;
import io.chainpos.till.stock.Stocktaking;
import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A stocktake (盘点) at the counter: started for the whole store, a category or a shelf; products scanned (or typed)
 * with how many, a product counted again adding to its count, a miscount corrected; each shown against the stock on
 * hand when it was counted. F12 asks a manager's PIN and finishes it; products in scope not counted keep their stock
 * unless "uncounted as none left" is on.
 */
public final class StocktakeViewModel extends PanelModel {

    private final Stocktaking stocktaking;
    private final Tasks tasks;
    private final DialogService dialogs;
    private final String cashier;

    private final ObjectProperty<StocktakeScope> scope = new SimpleObjectProperty<>();
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("1");
    private final BooleanProperty uncountedAsZero = new SimpleBooleanProperty(false);
    private final IntegerProperty uncounted = new SimpleIntegerProperty(0);
    private final ObservableList<Stocktaking.Progress.Row> rows = FXCollections.observableArrayList();

    public StocktakeViewModel(Stocktaking stocktaking, Tasks tasks, DialogService dialogs, String cashier) {
        this.stocktaking = stocktaking;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.cashier = cashier;
        refresh(null);
    }

    /** The open stocktake's scope; null while none is open. */
    public ObjectProperty<StocktakeScope> scopeProperty() {
        return scope;
    }

    /** The category's code or the shelf's label, typed before starting one. */
    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public BooleanProperty uncountedAsZeroProperty() {
        return uncountedAsZero;
    }

    /** Products in scope with stock that nobody has counted yet. */
    public IntegerProperty uncountedProperty() {
        return uncounted;
    }

    public ObservableList<Stocktaking.Progress.Row> rows() {
        return rows;
    }

    /** F1, F2, F3: starts a stocktake of the store, the category typed, or the shelf typed. */
    public void start(StocktakeScope.Kind kind) {
        String typed = label.get();
        run(() -> stocktaking.start(kind, typed, cashier));
    }

    /** Enter: the product typed, counted with the quantity typed (added to what was counted of it). */
    public void count() {
        record(true);
    }

    /** F6: the product typed is counted anew: its count becomes the quantity typed. */
    public void correct() {
        record(false);
    }

    private void record(boolean adds) {
        String typed = code.get() == null ? "" : code.get().strip();
        if (typed.isEmpty()) {
            tell(Notice.info("stock.scanProduct"));
            return;
        }
        String qty = quantity.get();
        run(() -> adds ? stocktaking.count(typed, qty, cashier) : stocktaking.correct(typed, qty, cashier));
        code.set("");
        quantity.set("1");
    }

    /** F7: whether products in scope nobody counted are booked as none left when the stocktake is finished. */
    public void toggleUncounted() {
        uncountedAsZero.set(!uncountedAsZero.get());
    }

    /** F9: drops the open stocktake; nothing of it was recorded. */
    public void cancelStocktake() {
        run(stocktaking::cancel);
    }

    /** A scan while this screen is on top: the product, counted with the quantity typed. */
    @Override
    public boolean scanned(String scannedCode) {
        code.set(scannedCode);
        count();
        return true;
    }

    /** F12: a manager's PIN, then the stocktake finished and recorded with its adjustments. */
    public void finish() {
        boolean zero = uncountedAsZero.get();
        tasks.counter(stocktaking::readyToApprove, notReady -> {
            if (notReady.isPresent()) {
                tell(Notice.refused(notReady.get().reason()));
            } else {
                approve(zero);
            }
        }, this::tell);
    }

    private void approve(boolean zero) {
        dialogs.managerPin(Notice.info("stocktake.approve")).thenAccept(pin -> tasks.ui().execute(() ->
                tasks.counter(() -> stocktaking.approve(pin.orElse(""), zero), finished -> {
                    switch (finished) {
                        case Stocktaking.Approved done -> {
                            uncountedAsZero.set(false);
                            refresh(Notice.said(Notice.Level.SUCCESS, done.message()));
                        }
                        case Stocktaking.NotApproved refused -> refresh(Notice.refused(refused.reason()));
                    }
                }, this::tell)));
    }

    private void run(Tasks.Work<Stocktaking.Result> work) {
        tasks.counter(work, result -> refresh(switch (result) {
            case Stocktaking.Done done -> Notice.said(Notice.Level.SUCCESS, done.message());
            case Stocktaking.Refused refused -> Notice.refused(refused.reason());
        }), this::tell);
    }

    private void refresh(Notice then) {
        tasks.counter(stocktaking::progress, progress -> {
            scope.set(progress.open().map(o -> o.scope()).orElse(null));
            rows.setAll(progress.rows());
            uncounted.set(progress.uncounted());
            tell(then != null ? then : Notice.info(progress.open().isPresent() ? "stocktake.counting" : "stocktake.choose"));
        }, this::tell);
    }
}
