package io.chainpos.server.stockplan;

import io.chainpos.server.stock.StockPlanBook;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockMinimumSet;
import io.chainpos.model.event.TransferProposed;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.sales.SalesFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Head office's stock planning: minimums set and published, each store's position with what it sold, suggested
 * orders ({@link ReorderRules}), low stock, and transfers proposed from a store with plenty to one below its minimum.
 */
public final class StockPlanning {
    /** A store is a sender when it holds more than this many days of its own sales beyond its minimum. */
    public static final int SURPLUS_DAYS = 28;
    /** How many products' positions across the chain are read in one go. */
    private static final int PRODUCTS_AT_ONCE = 200;

    private final StockPlanBook book;
    private final SalesFacts sales;
    private final HeadOffice headOffice;
    private final io.chainpos.server.audit.AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public StockPlanning(StockPlanBook book, SalesFacts sales, HeadOffice headOffice, io.chainpos.server.audit.AuditLog audit,
                         Clock clock, ZoneId zone) {
        this.book = book;
        this.sales = sales;
        this.headOffice = headOffice;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** One minimum to set: store, product and quantity in thousandths. */
    public record MinimumLine(String store, String sku, long minimumMilli) {
    }

    /** Publishes the minimums, one event each, in one batch. */
    public void setMinimums(String by, List<MinimumLine> lines) {
        List<Event> facts = new ArrayList<>();
        for (MinimumLine line : lines) {
            facts.add(new StockMinimumSet(StoreId.of(line.store()), Sku.of(line.sku()), line.minimumMilli(), by));
        }
        if (!facts.isEmpty()) {
            headOffice.publish(facts);
            MinimumLine first = lines.getFirst();
            audit.record(by, "stock.minimums-set", lines.size() + " minimums", lines.size() == 1 ? first.store() : null,
                    first.store() + " " + first.sku() + " " + Quantities.qty(first.minimumMilli()) + (lines.size() > 1 ? " …" : ""));
        }
    }

    /** The full days a lookback covers: the {@code days} before today (today is not over). */
    public SalesFacts.Filter lookback(Optional<String> store, int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new SalesFacts.Filter(store, today.minusDays(days), today.minusDays(1));
    }

    /** Positions in store then SKU order, and the key the next ones start after (empty at the end). */
    public record PositionPage(List<ReorderRules.Position> positions, Optional<StockPlanBook.Key> next) {
    }

    /**
     * Up to {@code limit} positions of every store (or one) after {@code after}: stock, inbound, minimum, and the net
     * quantity sold over the lookback, read for the page's products alone.
     */
    public PositionPage positions(Optional<String> store, Optional<StockPlanBook.Key> after, int limit, int lookbackDays) {
        // One more than the page tells whether a next page holds anything.
        List<StockPlanBook.Stock> fetched = book.stockPage(store, after, limit + 1);
        List<StockPlanBook.Stock> page = fetched.subList(0, Math.min(limit, fetched.size()));
        Optional<StockPlanBook.Key> next = fetched.size() <= limit ? Optional.empty()
                : Optional.of(new StockPlanBook.Key(page.getLast().store(), page.getLast().sku()));
        return new PositionPage(withSales(page, lookbackDays), next);
    }

    /** Every store's position in each of {@code skus}, in store then SKU order. */
    public List<ReorderRules.Position> positionsOf(Collection<String> skus, int lookbackDays) {
        return withSales(book.stockOf(skus), lookbackDays);
    }

    /** Up to {@code limit} products any store holds, awaits or keeps a minimum of, in SKU order after {@code after}. */
    public List<String> products(Optional<String> after, int limit) {
        return book.skuPage(after, limit);
    }

    private List<ReorderRules.Position> withSales(List<StockPlanBook.Stock> stock, int lookbackDays) {
        SalesFacts.Filter days = lookback(Optional.empty(), lookbackDays);
        Map<String, List<String>> skusByStore = new TreeMap<>();
        stock.forEach(k -> skusByStore.computeIfAbsent(k.store(), s -> new ArrayList<>()).add(k.sku()));
        Map<String, Map<String, Long>> sold = new HashMap<>();
        skusByStore.forEach((s, skus) -> sold.put(s, sales.netQtyAt(s, skus, days.from(), days.to())));
        return stock.stream().map(k -> new ReorderRules.Position(k.store(), k.sku(), k.onHandMilli(), k.inboundMilli(),
                k.minimumMilli(), sold.getOrDefault(k.store(), Map.of()).getOrDefault(k.sku(), 0L))).toList();
    }

    /** Products below their minimum, in store then SKU order. */
    public List<StockPlanBook.Stock> lowStock(Optional<String> store) {
        return book.belowMinimum(store);
    }

    /** A transfer head office could propose: how much of what from where to where. */
    public record Candidate(String sku, String fromStore, String toStore, long qtyMilli, long fromOnHandMilli, Double fromCover,
                            long toOnHandMilli, long toMinimumMilli) {
    }

    /**
     * For each store below its minimum (counting what is already on its way), the store with the most surplus of
     * that product: what it holds beyond both its minimum and {@link #SURPLUS_DAYS} of its own sales. The quantity
     * is the smaller of the shortfall and the surplus, in whole units.
     */
    public List<Candidate> candidates(int lookbackDays, int limit) {
        // Only a product some store is short of can have a candidate: the stores' positions are read for those alone.
        List<String> shortOf = new ArrayList<>(new TreeSet<>(lowStock(Optional.empty()).stream().map(StockPlanBook.Stock::sku).toList()));
        List<Candidate> out = new ArrayList<>();
        for (int at = 0; at < shortOf.size() && out.size() < limit; at += PRODUCTS_AT_ONCE) {
            List<ReorderRules.Position> all = positionsOf(shortOf.subList(at, Math.min(shortOf.size(), at + PRODUCTS_AT_ONCE)),
                    lookbackDays);
            out.addAll(candidates(all, lookbackDays));
        }
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static List<Candidate> candidates(List<ReorderRules.Position> all, int lookbackDays) {
        Map<String, List<ReorderRules.Position>> bySku = new TreeMap<>();
        all.forEach(p -> bySku.computeIfAbsent(p.sku(), k -> new ArrayList<>()).add(p));
        List<Candidate> out = new ArrayList<>();
        bySku.forEach((sku, stores) -> {
            for (ReorderRules.Position low : stores) {
                long shortfall = low.minimumMilli() - low.onHandMilli() - low.inboundMilli();
                if (low.minimumMilli() == 0 || shortfall <= 0) {
                    continue;
                }
                ReorderRules.Position best = null;
                long bestSurplus = 0;
                for (ReorderRules.Position other : stores) {
                    long surplus = surplus(other, lookbackDays);
                    if (other != low && surplus > bestSurplus) {
                        best = other;
                        bestSurplus = surplus;
                    }
                }
                long qty = Math.min(ReorderRules.ceilDiv(shortfall, 1000) * 1000, bestSurplus / 1000 * 1000);
                if (best != null && qty > 0) {
                    out.add(new Candidate(sku, best.store(), low.store(), qty, best.onHandMilli(),
                            ReorderRules.daysOfCover(best.onHandMilli(), best.soldMilli(), lookbackDays), low.onHandMilli(),
                            low.minimumMilli()));
                }
            }
        });
        return out;
    }

    static long surplus(ReorderRules.Position p, int lookbackDays) {
        long keep = Math.max(p.minimumMilli(), ReorderRules.ceilDiv(Math.max(0, p.soldMilli()) * SURPLUS_DAYS, lookbackDays));
        return p.onHandMilli() - keep;
    }

    /** Publishes a proposal with the next number; its transfer id is the one the sending till will ship it under. */
    public String propose(String by, String fromStore, String toStore, String sku, long qtyMilli, String note) {
        String[] number = new String[1];
        headOffice.publishDecided(() -> {
            number[0] = "P%06d".formatted(book.proposalCount() + 1);
            return List.of(new TransferProposed(TransferId.newId(clock), number[0], StoreId.of(fromStore), StoreId.of(toStore),
                    List.of(new StockLine(Sku.of(sku), qtyMilli, null)), by, note == null || note.isBlank() ? null : note));
        });
        audit.record(by, "stock.transfer-proposed", number[0], fromStore, fromStore + " → " + toStore + ": " + sku + " × "
                + Quantities.qty(qtyMilli));
        return number[0];
    }
}
