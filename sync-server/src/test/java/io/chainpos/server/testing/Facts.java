package io.chainpos.server.testing;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.MemberProfileChanged;
import io.chainpos.model.event.MemberRegistered;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.member.PhoneLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Short ways to state the business facts tests need. */
public final class Facts {
    private static final AtomicLong SALES = new AtomicLong();

    private Facts() {
    }

    public static MemberId member(int n) {
        return new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-%012d".formatted(n)));
    }

    /** The phone-lookup secret test servers use (TestServer and the store contracts install it). */
    public static final String LOOKUP_SECRET = Base64.getEncoder().encodeToString(
            "chainpos test phone lookup secret".substring(0, 32).getBytes(StandardCharsets.US_ASCII));
    public static final PhoneLookup LOOKUP = new PhoneLookup(LOOKUP_SECRET);

    /** A member's data key, the same every time for the same member (derived from the id), so tests can hand it over. */
    public static MemberKey key(MemberId member) {
        try {
            byte[] raw = MessageDigest.getInstance("SHA-256").digest(member.toString().getBytes(StandardCharsets.US_ASCII));
            return new MemberKey(member, Base64.getEncoder().encodeToString(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the members these events register or change. */
    public static List<MemberKey> keysOf(List<io.chainpos.model.event.EventEnvelope> events) {
        return events.stream().filter(e -> e.payload() instanceof MemberRegistered || e.payload() instanceof MemberProfileChanged)
                .map(e -> key(((io.chainpos.model.event.MemberEvent) e.payload()).memberId())).distinct().toList();
    }

    public static MemberRegistered registered(MemberId member, String phone, String name) {
        return new PersonalData(phone, name, null).register(key(member), LOOKUP, Gender.UNSPECIFIED,
                CardNo.of("88" + member.value().toString().substring(24)), "NORMAL", true);
    }

    public static MemberProfileChanged renamed(MemberId member, String name) {
        return new MemberProfileChanged(member, null, null, key(member).seal(name), null, null, null, null);
    }

    public static MemberProfileChanged newPhone(MemberId member, String phone) {
        return new MemberProfileChanged(member, LOOKUP.hash(phone), key(member).seal(phone), null, null, null, null, null);
    }

    public static MembersMerged merged(MemberId survivor, MemberId merged) {
        return new MembersMerged(survivor, merged, "same phone");
    }

    public static PointsChanged points(MemberId member, long delta) {
        return new PointsChanged(member, delta, delta >= 0 ? PointsChanged.Reason.EARN : PointsChanged.Reason.REDEEM, null, null);
    }

    public static StoredValueChanged storedValue(MemberId member, long delta) {
        return new StoredValueChanged(member, delta, delta >= 0 ? StoredValueChanged.Reason.TOPUP : StoredValueChanged.Reason.PAY, null);
    }

    public static StockChanged stock(String store, String sku, long deltaMilli, StockChanged.Reason reason) {
        return new StockChanged(StoreId.of(store), Sku.of(sku), deltaMilli, reason, null);
    }

    public static SaleCompleted sale(String receipt, String sku, long total) {
        return new SaleCompleted(new SaleId(UUID.fromString("0192f0a0-0000-7000-9000-%012d".formatted(SALES.incrementAndGet()))), ReceiptNo.of(receipt), null, "CNY",
                List.of(new SaleLine(Sku.of(sku), "item " + sku, 1000, total, 0, total, List.of())),
                List.of(), total, 0, total, List.of(new Tender(TenderMethod.CASH, total, null)), 0, 1, "cashier-01");
    }
}
