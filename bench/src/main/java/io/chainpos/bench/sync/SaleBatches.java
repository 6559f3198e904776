package io.chainpos.bench.sync;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A till's events as it would push them, cheaply: a member sale is four events (the sale with two lines,
 * two stock movements, the points earned), encoded once as JSON templates in which only the event id and the
 * sequence number change from batch to batch. The JSON is what the till's codec writes.
 */
final class SaleBatches {
    static final int BATCH = 500;
    private static final String ID = "00000000-0000-7000-8000-00000000beef";
    private static final long SEQ = 987_654_321_987L;
    /** The templates' sale ids begin so; each push gets its own beginning, so no two pushes carry the same sale. */
    private static final String SALE_PREFIX = "01900000-0000-7000-9000-";
    /** The templates' member ids begin so; each push gets its own beginning, from a till's {@link #MEMBER_ROUNDS}. */
    private static final String MEMBER_PREFIX = "01900000-0000-7000-8000-";
    /**
     * The pushes after which a till's members come round again: a chain's members rarely buy twice within minutes, so
     * a push's members are not the last push's (with the same members in every push, a projector merging several
     * pushes at once updated each member's rows once for several sales). 2,000 pushes of 125 sales: 250,000 members a
     * till, a million over the four tills of the paired harness.
     */
    static final int MEMBER_ROUNDS = 2_000;

    private final String tillId;
    private final int size;
    private final List<String[]> templates = new ArrayList<>();
    private long seq;
    private long ids;
    private long pushes;
    private final long idPrefix;

    SaleBatches(String store, String till, long idPrefix) {
        this(store, till, idPrefix, BATCH);
    }

    /** Batches of {@code size} events, a multiple of 4 (one member sale is four events). */
    SaleBatches(String store, String till, long idPrefix, int size) {
        if (size < 4 || size % 4 != 0) {
            throw new IllegalArgumentException("a batch is whole sales of four events: " + size);
        }
        this.size = size;
        this.tillId = till;
        this.idPrefix = idPrefix;
        EventCodec codec = EventCodec.standard();
        Instant now = Instant.parse("2026-11-23T03:00:00Z");
        for (int sale = 0; sale < size / 4; sale++) {
            // Members spread over the push: each sale's points go to a member of its own (the push's beginning added below).
            MemberId member = new MemberId(UUID.fromString(MEMBER_PREFIX + "%012d".formatted(sale)));
            SaleId saleId = new SaleId(UUID.fromString(SALE_PREFIX + "%012d".formatted(sale)));
            List<Event> events = List.of(
                    new SaleCompleted(saleId, ReceiptNo.of(till + "-1-%06d".formatted(sale)), member, "CNY",
                            List.of(new SaleLine(Sku.of("100001"), "可口可乐 330ml", 2000, 350, 100, 600, List.of()),
                                    new SaleLine(Sku.of("100008"), "康师傅红烧牛肉面", 1000, 450, 50, 400, List.of())),
                            List.of(), 1150, 150, 1000, List.of(new Tender(TenderMethod.CASH, 1000, null)), 0, 1, "cashier"),
                    new StockChanged(StoreId.of(store), Sku.of("100001"), -2000, StockChanged.Reason.SALE, saleId.toString()),
                    new StockChanged(StoreId.of(store), Sku.of("100008"), -1000, StockChanged.Reason.SALE, saleId.toString()),
                    new PointsChanged(member, 10, PointsChanged.Reason.EARN, saleId, List.of("BASE:1/yuan")));
            for (Event event : events) {
                EventEnvelope envelope = new EventEnvelope(new EventId(UUID.fromString(ID)), StoreId.of(store), TillId.of(till), 1,
                        SEQ, (now.toEpochMilli() << 16) + sale, now, event);
                String json = codec.toJson(envelope);
                String[] aroundId = json.split(ID, -1);
                if (aroundId.length != 2 || !aroundId[1].contains(Long.toString(SEQ))) {
                    throw new IllegalStateException("unexpected event JSON: " + json);
                }
                String[] aroundSeq = aroundId[1].split(Long.toString(SEQ), -1);
                templates.add(new String[] {aroundId[0], aroundSeq[0], aroundSeq[1]});
            }
        }
    }

    /** The next event id: unique across threads by its prefix. */
    private String nextId() {
        long n = ++ids;
        return "%08x-%04x-7%03x-8%03x-%012x".formatted(idPrefix, (n >>> 48) & 0xffff, (n >>> 36) & 0xfff, (n >>> 24) & 0xfff, n & 0xffffffffffL);
    }

    int size() {
        return size;
    }

    /** The next batch of events as a push body {@code {tillId, tillEpoch, events}}. */
    String nextPush() {
        StringBuilder body = new StringBuilder(size * 600);
        body.append("{\"tillId\":\"").append(tillId).append("\",\"tillEpoch\":1,\"events\":[");
        for (int i = 0; i < templates.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            appendEvent(body, templates.get(i), nextId(), ++seq);
        }
        // The sales projections count a sale once by its id: a sale pushed again would cost them almost nothing.
        ++pushes;
        return body.append("]}").toString().replace(SALE_PREFIX, "%08x-%04x-7000-9000-".formatted(idPrefix & 0xffffffffL, pushes & 0xffff))
                .replace(MEMBER_PREFIX, "%08x-%04x-7000-8000-".formatted(idPrefix & 0xffffffffL, pushes % MEMBER_ROUNDS));
    }

    /** One event's JSON with its id and sequence, for the raw-insert baseline. */
    String nextEvent(int index, String[] idOut, long[] seqOut) {
        idOut[0] = nextId();
        seqOut[0] = ++seq;
        StringBuilder body = new StringBuilder(600);
        appendEvent(body, templates.get(index % templates.size()), idOut[0], seqOut[0]);
        return body.toString();
    }

    private static void appendEvent(StringBuilder body, String[] template, String id, long seq) {
        body.append(template[0]).append(id).append(template[1]).append(seq).append(template[2]);
    }

    String typeOf(int index) {
        return switch (index % 4) {
            case 0 -> "SaleCompleted";
            case 3 -> "PointsChanged";
            default -> "StockChanged";
        };
    }
}
