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

    public static MemberRegistered registered(MemberId member, String phone, String name) {
        return new MemberRegistered(member, phone, name, Gender.UNSPECIFIED, null,
                CardNo.of("88" + member.value().toString().substring(24)), "NORMAL", true);
    }

    public static MemberProfileChanged renamed(MemberId member, String name) {
        return new MemberProfileChanged(member, null, name, null, null, null, null);
    }

    public static MemberProfileChanged newPhone(MemberId member, String phone) {
        return new MemberProfileChanged(member, phone, null, null, null, null, null);
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
