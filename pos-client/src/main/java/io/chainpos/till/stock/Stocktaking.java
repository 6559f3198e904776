package io.chainpos.till.stock;

import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.id.Sku;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.staff.Approval;
import io.chainpos.till.staff.ManagerApprovals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stocktake (盘点) at this till: started for the store, a category or a shelf; counted by scanning while sales go
 * on, each product's difference taken against the stock on hand when it was last counted; finished with a manager's
 * PIN as one {@link StocktakeCompleted} and a {@code STOCKTAKE} movement per product that differs. Products in scope
 * nobody counted are left as they stand unless the approver says to book them as none left.
 */
public final class Stocktaking {
    /** The action a manager approves, as {@link ManagerApprovals} and the {@link ManagerApproved} event name it. */
    public static final String ACTION = "STOCKTAKE";

    public sealed interface Result permits Done, Refused {
    }

    /** What happened, for the person at the counter. */
    public record Done(TillMessage message) implements Result {
    }

    /** Nothing was recorded. */
    public record Refused(TillMessage reason) implements Result {
    }

    public sealed interface Finished permits Approved, NotApproved {
    }

    /** The stocktake approved, as recorded. */
    public record Approved(StocktakeCompleted stocktake, TillMessage message) implements Finished {
    }

    /** Not approved: nothing was recorded and the stocktake stays open. */
    public record NotApproved(TillMessage reason) implements Finished {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;
    private final StockStore stock;
    private final StocktakeStore sheet;
    private final ManagerApprovals approvals;
    private final Clock clock;

    public Stocktaking(Ledger ledger, CatalogStore catalog, StockStore stock, StocktakeStore sheet, ManagerApprovals approvals,
                       Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        this.catalog = catalog;
        this.stock = stock;
        this.sheet = sheet;
        this.approvals = approvals;
    }

    public StocktakeStore sheet() {
        return sheet;
    }

    /** The open stocktake as a screen shows it: its scope, each product counted, how many in scope are not. */
    public record Progress(Optional<StocktakeStore.Open> open, List<Row> rows, int uncounted) {
        public record Row(Sku sku, String name, long countedMilli, long onHandMilli, long differenceMilli) {
        }
    }

    public Progress progress() {
        Instant at = clock.instant();
        return ledger.read(s -> new Progress(sheet.open(s), sheet.counts(s).stream()
                .map(c -> new Progress.Row(c.sku(), catalog.findBySku(s, c.sku().value(), at).map(Product::nameZh).orElse(""),
                        c.countedMilli(), c.onHandMilli(), c.differenceMilli()))
                .toList(), uncounted(s, at).size()));
    }

    /** {@code label} is the category's code or the shelf's label; ignored for the whole store. */
    public Result start(StocktakeScope.Kind kind, String label, String by) {
        String typed = label == null ? "" : label.strip();
        if (kind == StocktakeScope.Kind.CATEGORY && typed.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_NEEDS_CATEGORY));
        }
        if (kind == StocktakeScope.Kind.SHELF && typed.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_NEEDS_SHELF));
        }
        StocktakeScope scope = kind == StocktakeScope.Kind.STORE ? StocktakeScope.wholeStore() : new StocktakeScope(kind, typed);
        return ledger.write(tx -> {
            Optional<StocktakeStore.Open> open = sheet.open(tx);
            if (open.isPresent()) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_ALREADY_OPEN, describe(open.get().scope())));
            }
            if (kind == StocktakeScope.Kind.CATEGORY
                    && catalog.active(tx, tx.now()).stream().noneMatch(p -> p.category().equals(typed))) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_UNKNOWN_CATEGORY, typed));
            }
            sheet.start(tx, scope, tx.now(), by);
            return new Done(switch (kind) {
                case STORE -> TillMessage.of(TillMessage.Code.STOCKTAKE_STARTED_STORE);
                case CATEGORY -> TillMessage.of(TillMessage.Code.STOCKTAKE_STARTED_CATEGORY, typed);
                case SHELF -> TillMessage.of(TillMessage.Code.STOCKTAKE_STARTED_SHELF, typed);
            });
        });
    }

    /** A scan: {@code quantity} more of the product (a product scanned again adds). */
    public Result count(String code, String quantity, String by) {
        return record(code, quantity, by, true);
    }

    /** A correction: the product's count becomes {@code quantity}. */
    public Result correct(String code, String quantity, String by) {
        return record(code, quantity, by, false);
    }

    private Result record(String code, String quantity, String by, boolean adds) {
        String typed = code == null ? "" : code.strip();
        return ledger.write(tx -> {
            Optional<StocktakeStore.Open> open = sheet.open(tx);
            if (open.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_NONE_OPEN));
            }
            Optional<Product> product = find(tx, typed, tx.now());
            if (product.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, typed));
            }
            StocktakeScope scope = open.get().scope();
            if (scope.kind() == StocktakeScope.Kind.CATEGORY && !product.get().category().equals(scope.label())) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_NOT_IN_SCOPE, product.get().sku().value(),
                        product.get().category(), scope.label()));
            }
            long milli;
            switch (Quantity.read(typed, quantity)) {
                case Quantity.Refused refused -> {
                    return new Refused(refused.reason());
                }
                case Quantity.Milli value -> milli = value.value();
            }
            Sku sku = product.get().sku();
            long before = adds ? sheet.count(tx, sku).map(StocktakeStore.Count::countedMilli).orElse(0L) : 0L;
            long onHand = stock.quantityMilli(tx, sku);
            sheet.put(tx, sku, before + milli, onHand, tx.now(), by);
            return new Done(TillMessage.of(TillMessage.Code.STOCKTAKE_COUNTED, sku.value(),
                    text(before + milli), text(onHand)));
        });
    }

    /**
     * Products in scope that nobody counted and that stock says are there (on hand not zero): what
     * "uncounted as zero" would book down. A shelf has none, since nothing says what stands on it.
     */
    public List<Sku> uncounted(LedgerSession session, Instant at) {
        Optional<StocktakeStore.Open> open = sheet.open(session);
        if (open.isEmpty() || open.get().scope().kind() == StocktakeScope.Kind.SHELF) {
            return List.of();
        }
        Set<Sku> counted = new LinkedHashSet<>();
        sheet.counts(session).forEach(c -> counted.add(c.sku()));
        StocktakeScope scope = open.get().scope();
        List<Sku> uncounted = new ArrayList<>();
        for (Sku sku : stock.stocked(session)) {
            if (counted.contains(sku)) {
                continue;
            }
            if (scope.kind() == StocktakeScope.Kind.CATEGORY
                    && !catalog.findBySku(session, sku.value(), at).map(p -> p.category().equals(scope.label())).orElse(false)) {
                continue;
            }
            uncounted.add(sku);
        }
        return uncounted;
    }

    /**
     * Finishes the open stocktake with a manager's PIN: the approval, the stocktake and its stock movements in one
     * transaction, or nothing.
     */
    public Finished approve(String managerPin, boolean uncountedAsZero) {
        Optional<NotApproved> notReady = readyToApprove();
        if (notReady.isPresent()) {
            return notReady.get();
        }
        if (managerPin == null || managerPin.isBlank()) {
            return new NotApproved(TillMessage.of(TillMessage.Code.STOCKTAKE_NEEDS_MANAGER));
        }
        Optional<Approval> approval = approvals.approve(managerPin.strip(), ACTION);
        if (approval.isEmpty()) {
            return new NotApproved(TillMessage.of(TillMessage.Code.PIN_MAY_NOT_APPROVE_STOCKTAKE));
        }
        return ledger.write(tx -> {
            Optional<StocktakeStore.Open> still = sheet.open(tx);
            List<StocktakeStore.Count> counts = sheet.counts(tx);
            if (still.isEmpty() || counts.isEmpty()) {
                return new NotApproved(TillMessage.of(still.isEmpty() ? TillMessage.Code.STOCKTAKE_NONE_OPEN : TillMessage.Code.STOCKTAKE_EMPTY));
            }
            List<StocktakeLine> lines = new ArrayList<>();
            Set<String> counters = new LinkedHashSet<>();
            for (StocktakeStore.Count c : counts) {
                lines.add(StocktakeLine.of(c.sku(), c.countedMilli(), c.onHandMilli()));
                counters.add(c.countedBy());
            }
            if (uncountedAsZero) {
                for (Sku sku : uncounted(tx, tx.now())) {
                    lines.add(StocktakeLine.of(sku, 0, stock.quantityMilli(tx, sku)));
                }
            }
            String number = "%s-%d-K%06d".formatted(tx.identity().tillId().value(), tx.identity().epoch(),
                    tx.nextNumber("stocktake." + tx.identity().epoch()));
            Approval yes = approval.get();
            StocktakeCompleted done = new StocktakeCompleted(number, tx.identity().storeId(), still.get().scope(),
                    still.get().startedAt(), lines, uncountedAsZero, String.join(", ", counters), yes.managerId(), yes.managerName());
            tx.append(new ManagerApproved(ACTION, yes.managerId(), still.get().startedBy(), number,
                    "stocktake of " + lines.size() + " products"));
            tx.append(done);
            int adjusted = 0;
            for (StocktakeLine line : lines) {
                if (line.differenceMilli() != 0) {
                    tx.append(new StockChanged(done.storeId(), line.sku(), line.differenceMilli(), StockChanged.Reason.STOCKTAKE, number));
                    adjusted++;
                }
            }
            sheet.clear(tx);
            String approver = yes.managerName() == null ? yes.managerId() : yes.managerName();
            return new Approved(done, TillMessage.of(TillMessage.Code.STOCKTAKE_APPROVED, number, approver, adjusted));
        });
    }

    /** Why the open stocktake cannot be approved whatever the PIN (none open, nothing counted), before asking for one. */
    public Optional<NotApproved> readyToApprove() {
        return ledger.read(s -> sheet.open(s).isEmpty() ? Optional.of(new NotApproved(TillMessage.of(TillMessage.Code.STOCKTAKE_NONE_OPEN)))
                : sheet.counts(s).isEmpty() ? Optional.of(new NotApproved(TillMessage.of(TillMessage.Code.STOCKTAKE_EMPTY)))
                : Optional.empty());
    }

    /** Drops the open stocktake and its counts: nothing of it was ever recorded. */
    public Result cancel() {
        return ledger.write(tx -> {
            if (sheet.open(tx).isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCKTAKE_NONE_OPEN));
            }
            sheet.clear(tx);
            return new Done(TillMessage.of(TillMessage.Code.STOCKTAKE_CANCELLED));
        });
    }

    private Optional<Product> find(LedgerSession session, String code, Instant at) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        try {
            return catalog.findByCode(session, code, at);
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }

    private static String text(long milli) {
        return java.math.BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }

    private static String describe(StocktakeScope scope) {
        return scope.label() == null ? scope.kind().name() : scope.kind().name() + " " + scope.label();
    }
}
