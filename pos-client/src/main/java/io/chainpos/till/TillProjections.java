package io.chainpos.till;

import io.chainpos.model.json.EventCodec;
import io.chainpos.till.catalog.CatalogProjection;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.loyalty.BalanceProjection;
import io.chainpos.till.loyalty.LoyaltyProjection;
import io.chainpos.till.member.MemberEventIndexProjection;
import io.chainpos.till.member.MemberProjection;
import io.chainpos.till.sale.SaleProjection;
import io.chainpos.till.shift.ShiftProjection;
import io.chainpos.till.staff.StaffProjection;
import io.chainpos.till.stock.StockProjection;
import io.chainpos.till.stock.TransferProjection;
import java.util.ArrayList;
import java.util.List;

/** The projections every till keeps, in one list so the ledger, its tests and its rebuild agree. */
public final class TillProjections {
    private TillProjections() {
    }

    public static List<Projection> standard(EventCodec codec) {
        return standard(codec, io.chainpos.till.member.KeyWrap.none());
    }

    /** @param wrap the till's key file, which wraps its members' keys */
    public static List<Projection> standard(EventCodec codec, io.chainpos.till.member.KeyWrap wrap) {
        List<Projection> all = new ArrayList<>();
        all.add(new CatalogProjection(codec));
        all.add(new MemberProjection(wrap));
        all.add(new MemberEventIndexProjection());
        all.add(new BalanceProjection());
        all.add(new LoyaltyProjection(codec));
        all.add(new StockProjection());
        all.add(new TransferProjection());
        all.add(new io.chainpos.till.stock.StocktakeProjection());
        all.add(new io.chainpos.till.stock.ProposalProjection());
        all.add(new io.chainpos.till.stock.MinimumProjection());
        all.add(new SaleProjection(codec));
        all.add(new ShiftProjection());
        all.add(new StaffProjection());
        return List.copyOf(all);
    }
}
