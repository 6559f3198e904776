package io.chainpos.server.sales;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.testing.TillWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random sales and refunds of a small chain whose stores live in different zones, each sold around its own local
 * midnight (and across New York's change of clocks): what a till would push, built from a seeded {@link Random}.
 */
final class SalesScenario {
    /** The stores head office describes, with their zones; {@link #UNDESCRIBED} has none (head office's default). */
    static final Map<String, ZoneId> ZONES = new LinkedHashMap<>();
    static final String UNDESCRIBED = "S009";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 29);
    static final int DAYS = 6;
    static final List<String> SKUS = List.of("100001", "100002", "100003", "100004", "100005", "100006", "X9");

    static {
        ZONES.put("S001", ZoneId.of("Asia/Urumqi"));
        ZONES.put("S002", ZoneId.of("Asia/Shanghai"));
        ZONES.put("S003", ZoneId.of("Asia/Kolkata"));
        ZONES.put("S004", ZoneId.of("America/New_York"));
    }

    private final Random random;
    private final ManualClock eventClock = new ManualClock(FIRST_DAY.atStartOfDay(DEFAULT_ZONE).toInstant());
    final Map<String, TillWriter> tills = new LinkedHashMap<>();
    private final List<SaleCompleted> sales = new ArrayList<>();
    private long ids;

    SalesScenario(long seed) {
        this.random = new Random(seed);
        for (String store : stores()) {
            tills.put(store, new TillWriter(store, store + "-T1", 1, eventClock));
        }
    }

    static List<String> stores() {
        List<String> all = new ArrayList<>(ZONES.keySet());
        all.add(UNDESCRIBED);
        return all;
    }

    static ZoneId zoneOf(String store) {
        return ZONES.getOrDefault(store, DEFAULT_ZONE);
    }

    /** Head office's catalog: every SKU but X9 described, in one of three categories. */
    List<CatalogItemUpserted> catalog(long version) {
        List<CatalogItemUpserted> items = new ArrayList<>();
        for (String sku : SKUS.subList(0, SKUS.size() - 1)) {
            items.add(item(sku, version, "C" + random.nextInt(3)));
        }
        return items;
    }

    static CatalogItemUpserted item(String sku, long version, String category) {
        return new CatalogItemUpserted(version, Instant.parse("2026-10-01T00:00:00Z"), Sku.of(sku), List.of(), "品" + sku,
                "Item " + sku, category, CatalogItemUpserted.Unit.PIECE, 1000, null, 1300, true);
    }

    /** The next event of a random store: a sale mostly, else a refund of an earlier sale (of any store) or one without. */
    EventEnvelope next() {
        String store = stores().get(random.nextInt(stores().size()));
        eventClock.set(aroundMidnight(store));
        Event payload = sales.isEmpty() || random.nextInt(4) != 0 ? sale() : refund();
        return tills.get(store).next(payload);
    }

    /** Ninety minutes either side of one of the store's local midnights. */
    private Instant aroundMidnight(String store) {
        LocalDate day = FIRST_DAY.plusDays(1 + random.nextInt(DAYS - 1));
        return day.atStartOfDay(zoneOf(store)).toInstant().plusSeconds(random.nextInt(180 * 60) - 90 * 60);
    }

    private SaleCompleted sale() {
        List<SaleLine> lines = new ArrayList<>();
        long subtotal = 0;
        long lineDiscounts = 0;
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String sku = SKUS.get(random.nextInt(SKUS.size()));
            long qty = random.nextBoolean() ? 1000L * (1 + random.nextInt(3)) : 1 + random.nextInt(2_500);
            long unit = 100 + random.nextInt(5_000);
            long gross = unit * qty / 1000;
            long discount = random.nextInt(3) == 0 ? gross / (2 + random.nextInt(4)) : 0;
            int promotion = random.nextInt(2);
            List<AppliedPromotion> promotions = discount == 0 ? List.of()
                    : List.of(new AppliedPromotion("P" + promotion, "Promotion " + promotion, discount));
            lines.add(new SaleLine(Sku.of(sku), "item " + sku, qty, unit, discount, gross - discount, promotions));
            subtotal += gross;
            lineDiscounts += discount;
        }
        long orderDiscount = random.nextInt(4) == 0 ? (subtotal - lineDiscounts) / 10 : 0;
        List<AppliedPromotion> order = orderDiscount == 0 ? List.of() : List.of(new AppliedPromotion("ORDER10", "订单九折", orderDiscount));
        long total = subtotal - lineDiscounts - orderDiscount;
        List<Tender> tenders = new ArrayList<>();
        long change = 0;
        switch (random.nextInt(3)) {
            case 0 -> {
                long handed = (total / 100 + 1 + random.nextInt(3)) * 100;
                tenders.add(new Tender(TenderMethod.CASH, handed, null));
                change = handed - total;
            }
            case 1 -> tenders.add(new Tender(TenderMethod.BANK_CARD, total, null));
            default -> {
                long wallet = total / 2;
                tenders.add(new Tender(TenderMethod.MOBILE_WALLET, wallet, "w"));
                tenders.add(new Tender(TenderMethod.CASH, total - wallet, null));
            }
        }
        MemberId member = random.nextBoolean() ? new MemberId(uuid()) : null;
        SaleCompleted sale = new SaleCompleted(new SaleId(uuid()), ReceiptNo.of("R" + ids), member, "CNY", lines, order, subtotal,
                lineDiscounts + orderDiscount, total, tenders, change, 1, "cashier-" + random.nextInt(3));
        sales.add(sale);
        return sale;
    }

    private SaleRefunded refund() {
        SaleCompleted sale = sales.get(random.nextInt(sales.size()));
        List<RefundLine> lines = new ArrayList<>();
        long total = 0;
        for (SaleLine line : sale.lines()) {
            if (random.nextBoolean()) {
                long qty = 1 + random.nextInt((int) line.qtyMilli());
                long amount = line.total() * qty / line.qtyMilli();
                lines.add(new RefundLine(line.sku(), line.name(), qty, amount));
                total += amount;
            }
        }
        boolean withReceipt = random.nextInt(5) != 0;
        return new SaleRefunded(new RefundId(uuid()), withReceipt ? sale.saleId() : null, "CNY", lines, total,
                List.of(new Tender(random.nextBoolean() ? TenderMethod.CASH : TenderMethod.BANK_CARD, total, null)),
                withReceipt ? null : "no receipt", withReceipt ? null : "manager-1", null);
    }

    private UUID uuid() {
        return UUID.fromString("0192f0a0-0000-7000-9000-%012d".formatted(++ids));
    }
}
