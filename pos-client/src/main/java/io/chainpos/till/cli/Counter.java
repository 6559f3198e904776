package io.chainpos.till.cli;

import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.ImportProducts;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.MemberDesk;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.staff.SetUpStaff;
import java.time.Clock;

/** The use-cases one counter's command line drives, built by the composition root. */
public record Counter(
        SaleSession sale,
        RegisterMember registerMember,
        MemberStore members,
        BalanceStore balances,
        CatalogStore catalog,
        Shifts shifts,
        RefundSale refunds,
        SetUpStaff staff,
        ImportProducts importProducts,
        Clock clock,
        String cashier,
        MemberDesk memberDesk,
        io.chainpos.till.loyalty.LoyaltyDesk loyalty,
        io.chainpos.till.stock.StockDesk stock) {
}
