package io.chainpos.server.merge;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.sale;
import static io.chainpos.server.testing.Facts.stock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.model.testing.SampleEvents;
import io.chainpos.server.testing.TillWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure merge rules, without a database. */
class MergeRulesTest {
    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
    final ManualClock clock = new ManualClock(NOW);
    final TillWriter till = new TillWriter("S001", "S001-T1", 1, clock);

    @Test
    void salesStockStocktakesAuditTopUpsAndComplaintsStayInTheirStoreCouponUseTiersTransfersAndEverythingElseGoToTheChain() {
        assertThat(EventScope.of(till.next(sale("R1", "1", 100)))).isEqualTo(EventScope.STORE);
        assertThat(EventScope.of(till.next(stock("S001", "1", 1, StockChanged.Reason.SALE)))).isEqualTo(EventScope.STORE);
        assertThat(EventScope.of(till.next(points(member(1), 1)))).isEqualTo(EventScope.CHAIN);
        assertThat(EventScope.of(till.next(registered(member(1), "1", "n")))).isEqualTo(EventScope.CHAIN);
        SampleEvents.all().values().forEach(event -> assertThat(EventScope.of(till.next(event)))
                .as(event.getClass().getSimpleName())
                .isEqualTo((event instanceof io.chainpos.model.event.SaleEvent
                        && !(event instanceof io.chainpos.model.event.CouponRedeemed)) || event instanceof StockChanged
                        || event instanceof io.chainpos.model.event.StockReceived
                        || event instanceof io.chainpos.model.event.StocktakeCompleted
                        || event instanceof io.chainpos.model.event.AuditEvent
                        || event instanceof io.chainpos.model.event.StoredValueToppedUp
                        || event instanceof io.chainpos.model.event.TopUpRefunded
                        || event instanceof io.chainpos.model.event.CareEvent ? EventScope.STORE : EventScope.CHAIN));
    }

    @Test
    void headOfficeEventsAndUnknownTypesGoToTheChainANewerSaleStaysInItsStore() {
        TillWriter hq = new TillWriter("HQ", "HQ", 1, clock);
        var payload = JsonNodeFactory.instance.objectNode();

        assertThat(EventScope.of(hq.next(sale("R1", "1", 1)))).isEqualTo(EventScope.CHAIN);
        assertThat(EventScope.of(till.next(new UnknownEvent("GiftCardSold", 1, payload, "unknown")))).isEqualTo(EventScope.CHAIN);
        assertThat(EventScope.of(till.next(new UnknownEvent("SaleCompleted", 9, payload, "newer")))).isEqualTo(EventScope.STORE);
        assertThat(EventScope.of(till.next(new UnknownEvent("FeedbackRecorded", 2, payload, "newer")))).isEqualTo(EventScope.STORE);
        assertThat(EventScope.of(hq.next(new UnknownEvent("FeedbackUpdated", 2, payload, "newer")))).isEqualTo(EventScope.CHAIN);
        // goods received stay in their store; a transfer concerns two stores and goes to the chain
        assertThat(EventScope.of(till.next(new UnknownEvent("StockReceived", 2, payload, "newer")))).isEqualTo(EventScope.STORE);
        assertThat(EventScope.of(till.next(new UnknownEvent("TransferSent", 2, payload, "newer")))).isEqualTo(EventScope.CHAIN);
    }

    @Test
    void theLastWriterIsTheHighestHlcThenTillIdThenEventId() {
        FieldWrite base = new FieldWrite("m", ProfileField.NAME, "a", 10, "S001-T1", "e1");

        assertThat(new FieldWrite("m", ProfileField.NAME, "b", 11, "A", "e0").winsOver(base)).isTrue();
        assertThat(new FieldWrite("m", ProfileField.NAME, "b", 10, "S002-T1", "e0").winsOver(base)).isTrue();
        assertThat(new FieldWrite("m", ProfileField.NAME, "b", 10, "S001-T1", "e2").winsOver(base)).isTrue();
        assertThat(new FieldWrite("m", ProfileField.NAME, "b", 9, "Z", "z").winsOver(base)).isFalse();
    }

    @Test
    void aMergedProfileTakesEachFieldsLastWriteButTheSurvivorsCard() {
        List<FieldWrite> writes = List.of(
                new FieldWrite("survivor", ProfileField.NAME, "张三", 10, "S001-T1", "e1"),
                new FieldWrite("survivor", ProfileField.CARD_NO, "880001", 10, "S001-T1", "e1"),
                new FieldWrite("merged", ProfileField.NAME, "张 三", 20, "S002-T1", "e2"),
                new FieldWrite("merged", ProfileField.CARD_NO, "880002", 20, "S002-T1", "e2"),
                new FieldWrite("merged", ProfileField.PHONE, "13900000001", 20, "S002-T1", "e2"));

        MemberView view = MemberProfiles.view("survivor", writes, 7, 8, 3, (member, sealed) -> sealed);

        assertThat(view).isEqualTo(new MemberView("survivor", "880001", "张 三", "13900000001", null, 7, 8, 5, 3));
    }

    @Test
    void onlyAClockAheadByMoreThanTenMinutesIsSkew() {
        EventEnvelope days = new TillWriter("S001", "S001-T9", 1, new ManualClock(NOW.minus(Duration.ofDays(3)))).next(points(member(1), 1));
        EventEnvelope nine = new TillWriter("S001", "S001-T9", 1, new ManualClock(NOW.plus(Duration.ofMinutes(9)))).next(points(member(1), 1));
        EventEnvelope eleven = new TillWriter("S001", "S001-T9", 1, new ManualClock(NOW.plus(Duration.ofMinutes(11)))).next(points(member(1), 1));
        EventEnvelope hlcOnly = till.nextWithHlc(HybridLogicalClock.of(NOW.plus(Duration.ofHours(1)).toEpochMilli(), 0), points(member(1), 1));

        assertThat(ClockSkew.isSkewed(days, NOW)).isFalse();
        assertThat(ClockSkew.isSkewed(nine, NOW)).isFalse();
        assertThat(ClockSkew.isSkewed(eleven, NOW)).isTrue();
        assertThat(ClockSkew.isSkewed(hlcOnly, NOW)).isTrue();
    }
}
