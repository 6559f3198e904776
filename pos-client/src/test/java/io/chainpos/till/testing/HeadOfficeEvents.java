package io.chainpos.till.testing;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Head-office events as a till would pull them: a small catalog and loyalty rules. */
public final class HeadOfficeEvents {
    public static final String COLA_BARCODE = "6901234567892";
    public static final Sku COLA = new Sku("100001");
    public static final Sku BREAD = new Sku("100002");
    public static final Sku APPLES = new Sku("210001");

    private final Clock clock;
    private long seq;

    public HeadOfficeEvents(Clock clock) {
        this.clock = clock;
    }

    public EventEnvelope envelope(Event payload) {
        seq++;
        return new EventEnvelope(EventId.newId(clock), new StoreId("HQ"), new TillId("HQ"), 1, seq,
                (clock.millis() << 16) + seq, clock.instant(), payload);
    }

    /** Cola 3.50 (member 3.00, barcode), bread 8.00, apples 12.80 a kilo by weight; 1 point a yuan, 1 fen a point. */
    public List<EventEnvelope> catalog() {
        Instant from = clock.instant();
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope(new CatalogItemUpserted(1, from, COLA, List.of(COLA_BARCODE), "可口可乐 330ml",
                "Coca-Cola 330ml", "DRINKS", CatalogItemUpserted.Unit.PIECE, 350, 300L, 1300, true)));
        events.add(envelope(new CatalogItemUpserted(1, from, BREAD, List.of(), "全麦面包", "Wholemeal bread",
                "BAKERY", CatalogItemUpserted.Unit.PIECE, 800, null, 900, true)));
        events.add(envelope(new CatalogItemUpserted(1, from, APPLES, List.of(), "红富士苹果", "Fuji apples",
                "FRUIT", CatalogItemUpserted.Unit.WEIGHT, 1280, null, 900, true)));
        events.add(envelope(new LoyaltyRulesPublished(1, from, 1, Map.of(), List.of(), 0, 1, 12, 500, 60)));
        return events;
    }
}
