package io.chainpos.till.testing;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.TillProjections;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/** A real till ledger in a file, enrolled, with head office's demo catalog pulled in, and its use-cases. */
public final class TestTill implements AutoCloseable {
    public final EventCodec codec = EventCodec.standard();
    public final Ledger ledger;
    public final CatalogStore catalog = new CatalogStore(codec);
    public final MemberStore members = new MemberStore();
    public final BalanceStore balances = new BalanceStore();
    public final Checkout checkout;
    public final RegisterMember registerMember;

    public TestTill(Path file, Clock clock, String store, String till) {
        this(file, clock);
        if (ledger.identity().isEmpty()) {
            ledger.enroll(new TillIdentity(new StoreId(store), new TillId(till), 1));
        }
    }

    /** A till that has not enrolled yet (first run). */
    public TestTill(Path file, Clock clock) {
        ledger = Ledger.open(file, clock, codec, TillProjections.standard(codec));
        checkout = new Checkout(ledger, catalog, members, balances, clock);
        registerMember = new RegisterMember(ledger, members, clock, new Random(7), "NORMAL");
    }

    public static TestTill withCatalog(Path file, Clock clock) {
        TestTill till = new TestTill(file, clock, "S001", "S001-T1");
        till.ledger.applyPulled(new HeadOfficeEvents(clock).catalog(), 4);
        return till;
    }

    @Override
    public void close() {
        ledger.close();
    }
}
