package io.chainpos.bench;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.pricing.CartItem;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.sale.Checkout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A durable member sale through the till's checkout: five lines priced with the promotions engine, tenders
 * settled, and the sale, its stock movements, points and drawer opening appended with every projection in
 * one SQLite transaction (WAL, synchronous=FULL).
 */
final class TillSaleWriter implements AutoCloseable {
    private final BenchTill till;
    private final Checkout.Order order;

    TillSaleWriter(Path dir) {
        till = new BenchTill(dir.resolve("till.db"), 1_000);
        List<CartItem> items = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            int i = n;
            Product product = till.ledger.read(s -> till.catalog.findBySku(s, BenchTill.sku(i * 7).value(), till.clock.instant()))
                    .orElseThrow();
            items.add(new CartItem(n + 1, product.sku(), product.nameZh(), product.category(), 1000 + n * 1000, false,
                    product.price(), product.memberPrice(), null, 0));
        }
        long total = till.checkout.quote(items, till.member, Set.of()).total();
        order = new Checkout.Order(items, 0, till.member, Set.of(), List.of(new Tender(TenderMethod.CASH, total + 1000, null)),
                "bench");
    }

    Object commit() {
        if (!(till.checkout.complete(order) instanceof Checkout.Completed completed)) {
            throw new IllegalStateException("the benchmark sale was refused");
        }
        return completed;
    }

    @Override
    public void close() {
        till.close();
    }
}
