package io.chainpos.server.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sync.StockPage;
import io.chainpos.model.sync.StockView;
import io.chainpos.server.auth.Access;
import io.chainpos.server.auth.Principal;
import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/stock?storeId=&sku=}: a store's merged quantity of one SKU. Without {@code sku}: the
 * store's stock in SKU order, a page at a time ({@code after} the last SKU of the page before, {@code limit}),
 * for head office or a till of that store.
 */
public final class StockRoutes implements Routes {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    private final Access access;
    private final StockLevels stock;

    public StockRoutes(Access access, StockLevels stock) {
        this.access = access;
        this.stock = stock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/stock", this::stock);
    }

    private void stock(Context ctx) {
        Principal caller = access.tillOrHeadOffice(ctx);
        StoreId storeId = parse(() -> StoreId.of(Requests.requiredParam(ctx, "storeId")));
        String sku = ctx.queryParam("sku");
        if (sku != null) {
            ctx.json(stock.stock(storeId, parse(() -> Sku.of(sku))));
            return;
        }
        if (caller instanceof TillPrincipal till && !till.storeId().equals(storeId)) {
            throw ApiProblem.forbidden("a till lists only its own store's stock; till " + till.tillId() + " is of store "
                    + till.storeId());
        }
        long limit = Requests.longParam(ctx, "limit").orElse((long) DEFAULT_LIMIT);
        if (limit < 1) {
            throw ApiProblem.badRequest("limit must be at least 1");
        }
        String afterText = ctx.queryParam("after");
        Optional<Sku> after = afterText == null || afterText.isEmpty() ? Optional.empty() : Optional.of(parse(() -> Sku.of(afterText)));
        int size = (int) Math.min(limit, MAX_LIMIT);
        List<StockView> page = stock.stockOf(storeId, after, size);
        ctx.json(new StockPage(page, page.size() == size ? page.getLast().sku() : null));
    }

    private static <T> T parse(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(Requests.abbreviateLong(e.getMessage()));
        }
    }
}
