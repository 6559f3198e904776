package io.chainpos.bench;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.loyalty.EarningRules;
import io.chainpos.model.scan.BarcodeParser;
import io.chainpos.till.TillProjections;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sale.SaleStore;
import io.chainpos.till.sale.ScanCode;
import io.chainpos.till.sale.SellingSettings;
import io.chainpos.till.shift.ShiftStore;
import io.chainpos.till.shift.Shifts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A real till ledger on disk with a head-office catalog of {@code products} items, a shift open and a member. */
final class BenchTill implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String LOOKUP_SECRET = java.util.Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    final EventCodec codec = EventCodec.standard();
    final Clock clock = Clock.systemUTC();
    final Ledger ledger;
    final CatalogStore catalog = new CatalogStore(codec);
    final MemberStore members = new MemberStore();
    final SellingSettings settings = SellingSettings.defaults(ZONE);
    final Checkout checkout;
    final ScanCode scanCode;
    final MemberId member;

    BenchTill(Path file, int products) {
        ledger = Ledger.open(file, clock, codec, TillProjections.standard(codec));
        ledger.registration().enroll(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 1));
        ledger.writeState(session -> {
            members.keys().keepLookupSecret(session, LOOKUP_SECRET); // what enrollment hands a till
            return null;
        });
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        long seq = 0;
        for (int start = 0; start < products; start += 5_000) {
            List<EventEnvelope> batch = new ArrayList<>();
            for (int n = start; n < Math.min(products, start + 5_000); n++) {
                batch.add(hq(++seq, new CatalogItemUpserted(1, from, sku(n), List.of(barcode(n)), "商品 " + n,
                        "Product " + n, "CAT" + n % 40, CatalogItemUpserted.Unit.PIECE, 100 + n % 5_000,
                        n % 3 == 0 ? 90L + n % 5_000 : null, 1300, true)));
            }
            ledger.remote().applyPulled(batch, seq);
        }
        ledger.remote().applyPulled(List.of(hq(++seq, new LoyaltyRulesPublished(1, from, 1, Map.of(), List.of(), 0, 1, 12, 500, 60))), seq);
        BalanceStore balances = new BalanceStore();
        ShiftStore shifts = new ShiftStore(codec);
        checkout = new Checkout(ledger, catalog, members, balances, shifts, new SaleStore(codec),
                new io.chainpos.till.loyalty.LoyaltyAtCheckout(ledger, catalog, new io.chainpos.till.loyalty.LoyaltyStore(codec),
                        new EarningRules(), settings.zone()),
                settings, clock);
        scanCode = new ScanCode(catalog, members, settings.scale());
        new Shifts(ledger, shifts, clock).open("bench", 50_000);
        member = ((RegisterMember.Registered) new RegisterMember(ledger, members, clock, new Random(1), "NORMAL")
                .register(new RegisterMember.Request("13900000000", "压测", null, null, false))).member().memberId();
    }

    static Sku sku(int n) {
        return Sku.of("P%06d".formatted(n));
    }

    /** A valid EAN-13 for product n: a 69 prefix (China), n, and its check digit. */
    static String barcode(int n) {
        String data = "69" + "%010d".formatted(n);
        return data + BarcodeParser.checkDigit(data);
    }

    private EventEnvelope hq(long seq, io.chainpos.model.event.Event payload) {
        return new EventEnvelope(EventId.newId(clock), new StoreId("HQ"), new TillId("HQ"), 1, seq,
                (clock.millis() << 16) + seq, clock.instant(), payload);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
